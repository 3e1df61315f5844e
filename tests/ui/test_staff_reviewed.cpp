// The staff menu says, per language, how much is translated and how much of
// it a person reviewed (issue 18): "pl: translated N of M, reviewed 2, the
// last on DAY" once two Polish questions carry a review; visitors see nothing new.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "content/store.h"
#include "headless.h"
#include "staff/staff.h"

using namespace test;

namespace {
// The staff menu's line for `locale` ("pl: ..."), or "".
std::string coverage_line(const app::App& app, const std::string& locale) {
  for (const auto& n : app.tree().nodes())
    if (n.label.rfind(locale + ": translated ", 0) == 0) return n.label;
  return "";
}

void open_menu(Headless& k) {
  k.key(platform::Key::StaffChord);
  for (char d : std::string("246813")) tap(*k.app, std::string(1, d));
  tap(*k.app, "OK");
  REQUIRE(k.app->screen() == "staff");
}
}  // namespace

TEST_CASE("the staff menu shows per language translated N of M and how many a person reviewed", "[ui][staff][reviewed]") {
  Tmp tmp;
  const std::string pin = (tmp.dir / "pin").string();
  REQUIRE(staff::set_pin(pin, "246813").empty());
  const fs::path content = tmp.dir / "content";
  fs::copy(KIOSK_SOURCE_DIR "/content", content, fs::copy_options::recursive);
  const std::string db = (tmp.dir / "content.db").string();
  build(content.string(), db);
  auto settings = [&](app::Settings& s) {
    s.staff_pin_file = pin;
    s.locales = {"en", "es", "pl"};
  };
  std::string pl_before;
  {
    Headless k(1920, 1080, db, settings);
    k.start();
    open_menu(k);
    const std::string es = coverage_line(*k.app, "es");
    INFO(es);
    // as shipped nobody has reviewed a translation
    CHECK(std::regex_match(es, std::regex(R"(es: translated \d+ of \d+, reviewed 0)")));
    pl_before = coverage_line(*k.app, "pl");
    CHECK(std::regex_match(pl_before, std::regex(R"(pl: translated \d+ of \d+, reviewed 0)")));
  }
  // a reviewer marks two Polish questions with the English they compared them with
  {
    auto store = content::Store::open(db, nullptr);
    REQUIRE(store);
    for (const char* id : {"apply-how", "apply-fee"}) {
      const fs::path file = content / "faq" / (std::string(id) + ".pl.md");
      std::ifstream in(file);
      std::string text{std::istreambuf_iterator<char>(in), {}};
      REQUIRE(text.rfind("+++\n", 0) == 0);
      std::ofstream(file) << "+++\nreviewed_on = 2026-11-30\nreviewed_by = \"A. Kowalska\"\nreviewed_en = \""
                          << store->english_text_hash(id) << "\"\n" << text.substr(4);
    }
  }
  build(content.string(), db);
  Headless k(1920, 1080, db, settings);
  k.start();
  // a visitor's home screen is as it was
  bool home = false;
  for (const auto& n : k.app->tree().nodes()) home = home || n.label.find("How can we help you today?") != std::string::npos;
  CHECK(home);
  open_menu(k);
  const std::string pl = coverage_line(*k.app, "pl");
  INFO(pl);
  std::smatch m;
  REQUIRE(std::regex_match(pl, m, std::regex(R"(pl: translated (\d+) of (\d+), reviewed 2, the last on 2026-11-30)")));
  CHECK(pl_before == "pl: translated " + m[1].str() + " of " + m[2].str() + ", reviewed 0");
  CHECK(std::regex_match(coverage_line(*k.app, "es"), std::regex(R"(es: translated \d+ of \d+, reviewed 0)")));
}
