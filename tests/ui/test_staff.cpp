// Staff mode on the real app: only a key chord or holding a corner opens the
// PIN pad; wrong PINs lock it; the menu acts; usage is counted privately.
#include <catch2/catch.hpp>

#include "stats/stats.h"
#include "headless.h"
#include "staff/staff.h"

using namespace test;

namespace {
void type_pin(Headless& k, const std::string& pin) {
  for (char d : pin) tap(*k.app, std::string(1, d));
  tap(*k.app, "OK");
}
}  // namespace

TEST_CASE("staff mode: the chord or a held corner, the PIN, the lockout, the menu", "[ui][staff]") {
  Tmp tmp;
  const std::string pin = (tmp.dir / "pin").string();
  REQUIRE(staff::set_pin(pin, "246813").empty());
  Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.staff_pin_file = pin; });
  k.start();
  // a visitor's Open of a staff screen does nothing
  REQUIRE(k.app->screen() == "home");
  k.key(platform::Key::StaffChord);
  REQUIRE(k.app->screen() == "staff-pin");
  for (int i = 0; i < 4; ++i) {
    type_pin(k, "111111");
    REQUIRE(k.app->tree().find(i == 3 ? std::string("Wrong PIN. 1 try is left before the pad locks.")
                                      : "Wrong PIN. " + std::to_string(4 - i) + " tries are left before the pad locks."));
  }
  type_pin(k, "111111");
  REQUIRE(k.app->tree().find("Too many wrong PINs. The pad is locked for 5 more minutes."));
  type_pin(k, "246813");  // locked: even the right PIN waits
  REQUIRE(k.app->screen() == "staff-pin");
  k.clock.advance(5 * 60'000 + 1000);
  // (the idle reset came and went meanwhile: staff mode starts again from the chord)
  k.key(platform::Key::Home);
  k.key(platform::Key::StaffChord);
  type_pin(k, "246813");
  REQUIRE(k.app->screen() == "staff");
  REQUIRE(k.app->tree().find("Staff menu"));
  // staff see how many wrong PINs came before them
  REQUIRE(k.app->tree().find("5 wrong PINs since staff last came in, and 1 lockout."));
  auto shows = [&](const std::string& label) {  // anywhere on the menu, scrolled or not
    for (const auto& n : k.app->tree().nodes())
      if (n.label == label) return true;
    return false;
  };
  REQUIRE(shows("Translation coverage"));
  REQUIRE(shows("es: translated 122 of 122, reviewed 0"));
  activate(k, "Test screen");
  REQUIRE(k.app->screen() == "staff-test");
  activate(k, "Back to the staff menu");
  activate(k, "Leave staff mode");
  REQUIRE(k.app->screen() == "home");
  // holding the top-left corner for 5 s opens the pad too; 4 s does not
  k.app->handle({platform::InputEvent::Type::PointerDown, 20, 20});
  settle(*k.app);
  for (int i = 0; i < 4; ++i) { k.clock.advance(1000); settle(*k.app); }
  REQUIRE(k.app->screen() == "home");
  k.clock.advance(1200);
  settle(*k.app);
  k.app->handle({platform::InputEvent::Type::PointerUp, 20, 20});
  settle(*k.app);
  REQUIRE(k.app->screen() == "staff-pin");
}

TEST_CASE("without a PIN set there is no staff mode at all", "[ui][staff]") {
  Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.staff_pin_file = "/nonexistent/pin"; });
  k.start();
  k.key(platform::Key::StaffChord);
  REQUIRE(k.app->screen() == "home");
}

TEST_CASE("usage is counted by the hour, a failed search keeps no digits, a bad stats file changes nothing for visitors", "[ui][stats]") {
  Tmp tmp;
  const std::string file = (tmp.dir / "stats.db").string();
  {
    Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.stats_file = file; });
    k.start();
    tap(*k.app, "Offices");
    k.key(platform::Key::Home);
    tap(*k.app, "Search");
    k.input({platform::InputEvent::Type::Text, 0, 0, platform::Key::None, "umbrella 77777 55555"});
    REQUIRE(k.app->tree().find("Nothing found yet."));
    k.key(platform::Key::Home);
    tap(*k.app, "Step-by-step guides");
    tap(*k.app, "Ask for a review of your order");
    tap(*k.app, "Start");  // the introduction, then step 1
    tap(*k.app, "Next");
    tap(*k.app, "Start over");  // left the guide at step 2
  }
  std::string why;
  auto st = stats::Stats::open(file, &why);
  REQUIRE(st);
  const std::string csv = st->csv();
  INFO(csv);
  REQUIRE(csv.find(",screen,\"offices\",1") != std::string::npos);
  REQUIRE(csv.find(",search-none,\"umbrella\",1") != std::string::npos);
  REQUIRE(csv.find(",guide-left,\"review:2\",1") != std::string::npos);
  REQUIRE(csv.find("55555") == std::string::npos);
  REQUIRE(csv.find("77777") == std::string::npos);
  // statistics that cannot be written: the kiosk serves visitors all the same
  Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.stats_file = "/proc/version/stats.db"; });
  k.start();
  tap(*k.app, "Offices");
  REQUIRE(k.app->screen() == "offices");
}
