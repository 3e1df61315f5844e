// Notices (content/notices, issue 16): a dated staff announcement on the home
// screen from its first day to its last, in the visitor's language, above the
// tiles; on any other day the home screen is as it always was.
#include <catch2/catch.hpp>

#include <fstream>

#include "headless.h"

using namespace kiosk;
using namespace test;

namespace {

bool shows(const app::App& app, const std::string& text) {
  for (const auto& n : app.tree().nodes())
    if (n.label.find(text) != std::string::npos) return true;
  return false;
}

// The repository's content with one notice (English and Spanish), built.
std::string db_with_notice(const Tmp& t) {
  fs::copy(KIOSK_SOURCE_DIR "/content", t.dir / "content", fs::copy_options::recursive);
  const std::string source = "source = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\nreview_by = 2027-10-01\n";
  std::ofstream(t.dir / "content" / "notices" / "closed.en.md")
      << "+++\ntitle = \"Closed on Friday, December 25\"\nstarts = 2026-12-21\nends = 2026-12-25\n" << source
      << "+++\nThe office is closed that day. Call 1-800-228-KIDS (5437) on Monday.\n";
  std::ofstream(t.dir / "content" / "notices" / "closed.es.md")
      << "+++\ntitle = \"Cerrado el viernes 25 de diciembre\"\n+++\n"
         "La oficina está cerrada ese día. Llame al 1-800-228-KIDS (5437) el lunes.\n";
  const std::string db = (t.dir / "notice.db").string();
  build((t.dir / "content").string(), db);
  return db;
}

}  // namespace

TEST_CASE("a notice is on the home screen between its dates, in the visitor's language", "[ui][notices]") {
  Tmp t;
  const std::string db = db_with_notice(t);
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Headless k(w, h, db);
    k.clock.set_today("2026-12-20");  // the day before it starts
    k.start();
    REQUIRE(shows(*k.app, "How can we help you today?"));
    CHECK_FALSE(shows(*k.app, "Closed on Friday"));
    k.clock.set_today("2026-12-21");  // its first day
    settle(*k.app);
    CHECK(shows(*k.app, "Closed on Friday, December 25"));
    CHECK(shows(*k.app, "The office is closed that day."));
    // every tile is still on the screen under it
    for (const char* tile : {"Questions", "Offices", "Step-by-step guides", "Kids' corner", "Search", "Call or visit"}) {
      const ui::A11yNode* found = nullptr;
      for (const auto& n : k.app->tree().nodes())
        if (n.interactive() && n.label.rfind(tile, 0) == 0) found = &n;
      INFO(w << "x" << h << " " << tile);
      REQUIRE(found);
      CHECK(found->rect.y + found->rect.h <= static_cast<float>(h) + kLayoutSlack);
    }
    k.clock.set_today("2026-12-25");  // its last day, with larger text, in Spanish
    tap(*k.app, "Accessibility");
    tap(*k.app, "Larger text");
    activate(k, "Close");
    REQUIRE(k.app->session().prefs.large_text);
    tap(*k.app, "Language · Español");
    tap(*k.app, "Español");
    REQUIRE(k.app->session().prefs.locale == "es");
    CHECK(shows(*k.app, "Cerrado el viernes 25 de diciembre"));
    CHECK_FALSE(shows(*k.app, "Closed on Friday"));
    save_screen(k, "notices", "home-es-" + std::to_string(w) + "x" + std::to_string(h));
    k.clock.set_today("2026-12-26");  // the day after
    settle(*k.app);
    CHECK_FALSE(shows(*k.app, "Cerrado el viernes"));
  }
}
