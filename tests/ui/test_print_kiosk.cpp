// The Print button as a visitor meets it: none without a printer; with one,
// "Printing", then what became of the page, in the visitor's words, and a
// line for staff; the staff menu's Printer line. The hidden case
// [.print-kiosk-cups] prints through a real CUPS queue
// (tests/print/print_cups.sh sets one up with cups-pdf).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "headless.h"
#include "staff/staff.h"

using namespace test;

namespace {

// The focus index of the interactive node labelled `label` (-1: none), for activate().
long focus_index(const app::App& app, const std::string& label) {
  long i = 0;
  for (const auto& n : app.tree().nodes()) {
    if (!n.interactive() || !n.enabled) continue;
    if (n.label == label) return i;
    ++i;
  }
  return -1;
}

// Lets the real print worker finish (it talks to CUPS on its own thread):
// frames run while the wall clock moves, until `words` are on screen.
bool wait_for(Headless& k, const std::string& words, int seconds) {
  for (int i = 0; i < seconds * 10; ++i) {
    if (k.app->tree().find(words)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    k.input({platform::InputEvent::Type::Wake});
  }
  return k.app->tree().find(words) != nullptr;
}

// Home, Offices, the first Bridgeport office.
void open_office(Headless& k) {
  k.start();
  tap(*k.app, "Offices");
  const long row = focus_index(*k.app, "Bridgeport");
  REQUIRE(row >= 0);
  activate(k, static_cast<size_t>(row));
  REQUIRE(k.app->screen() == "office");
}

}  // namespace

TEST_CASE("without a printer there is no Print button on any page", "[ui][print]") {
  Headless k(1080, 1920, real_db());
  open_office(k);
  CHECK(focus_index(*k.app, "Print") < 0);
}

TEST_CASE("a printer that does not answer: Printing, then the kind message, and a line for staff", "[ui][print]") {
  Headless k(1080, 1920, real_db(), [](app::Settings& s) { s.printer_queue = "kiosk-test-no-such-queue"; });
  open_office(k);
  const long print = focus_index(*k.app, "Print");
  REQUIRE(print >= 0);
  activate(k, static_cast<size_t>(print));
  // the button says what is happening while the worker asks CUPS
  const bool printing = k.app->tree().find("Printing") != nullptr;
  REQUIRE(wait_for(k, "The printer is not working. Scan the code instead.", 20));
  CHECK(printing);
  CHECK(k.app->screen() == "office");
  CHECK(focus_index(*k.app, "Print") >= 0);  // the visitor can try again
  // the message is this page's: another place does not show it
  k.key(platform::Key::Home);
  CHECK_FALSE(k.app->tree().find("The printer is not working. Scan the code instead."));
}

TEST_CASE("the staff menu says what is wrong with the printer, as CUPS answered when staff came", "[ui][print][staff]") {
  Tmp tmp;
  const std::string pin = (tmp.dir / "pin").string();
  REQUIRE(staff::set_pin(pin, "246813").empty());
  Headless k(1920, 1080, real_db(), [&](app::Settings& s) {
    s.staff_pin_file = pin;
    s.printer_queue = "kiosk-test-no-such-queue";
  });
  k.start();
  k.key(platform::Key::StaffChord);
  for (char d : std::string("246813")) tap(*k.app, std::string(1, d));
  tap(*k.app, "OK");
  REQUIRE(k.app->screen() == "staff");
  // the line comes as the worker's check does (no CUPS here, or CUPS without that queue)
  const std::string queue = "Printer: Printer \"kiosk-test-no-such-queue\"";
  std::string line;
  for (int i = 0; i < 200 && line.empty(); ++i) {
    for (const auto& n : k.app->tree().nodes())
      if (n.label.rfind(queue, 0) == 0) line = n.label;
    if (line.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      k.input({platform::InputEvent::Type::Wake});
    }
  }
  INFO(line);
  CHECK((line == queue + " does not exist in CUPS: check [printer] queue in the kiosk's settings (lpstat -p lists the queues)." ||
         (line.rfind(queue + ": CUPS is not answering", 0) == 0 &&
          line.find("Check that cups is running (systemctl status cups).") != std::string::npos)));
  // staff keep working in the menu: the line stays
  activate(k, "Test screen");
  activate(k, "Back to the staff menu");
  bool still = false;
  for (const auto& n : k.app->tree().nodes()) still = still || n.label == line;
  CHECK(still);
}

TEST_CASE("a page printed from the kiosk through a real CUPS queue arrives as a PDF", "[.print-kiosk-cups]") {
  const char* queue = std::getenv("KIOSK_PRINT_QUEUE");
  const char* out = std::getenv("KIOSK_PRINT_OUT");
  REQUIRE(queue);
  REQUIRE(out);
  // cups-pdf names a file after the job and may write over an older one: the new one is the one written since now
  const auto started = fs::file_time_type::clock::now() - std::chrono::seconds(2);
  Headless k(1080, 1920, real_db(), [&](app::Settings& s) { s.printer_queue = queue; });
  open_office(k);
  const long print = focus_index(*k.app, "Print");
  REQUIRE(print >= 0);
  activate(k, static_cast<size_t>(print));
  REQUIRE(wait_for(k, "Your page is ready below the screen.", 40));
  // cups-pdf writes the job's PDF a moment after CUPS says it is done
  fs::path pdf;
  for (int i = 0; i < 100 && pdf.empty(); ++i) {
    fs::file_time_type newest = started;
    for (const auto& e : fs::directory_iterator(out))
      if (e.path().extension() == ".pdf" && e.last_write_time() >= newest) newest = e.last_write_time(), pdf = e.path();
    if (pdf.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  REQUIRE_FALSE(pdf.empty());
  const std::string txt = (fs::temp_directory_path() / "kiosk-print-kiosk.txt").string();
  REQUIRE(std::system(("pdftotext '" + pdf.string() + "' '" + txt + "'").c_str()) == 0);
  std::ifstream f(txt);
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  CHECK(text.find("Bridgeport") != std::string::npos);
  CHECK(text.find("203-") != std::string::npos);  // its phone, as the office page gives it
}
