// Bad input, nothing lost: each gives a clear message and the kiosk keeps
// serving visitors (or, for a lost display, exits so the service restarts it).
// Broken and foreign databases are in test_app.cpp, unwritable statistics in
// test_staff.cpp, odd search text in the core tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "app/config.h"
#include "headless.h"

using namespace test;

TEST_CASE("a config file that cannot be read or parsed: file:line, then defaults", "[ui][bad]") {
  Tmp tmp;
  const std::string broken = (tmp.dir / "broken.toml").string();
  std::ofstream(broken) << "[display]\ndpi = 92\n[session\nidle_seconds = 5\n";
  std::vector<std::string> warnings;
  auto s = app::load_settings(broken, &warnings);
  REQUIRE(warnings.size() == 1);
  REQUIRE(warnings[0].find(broken + ":3:") == 0);
  REQUIRE(s.idle_seconds == 90);  // the defaults
  warnings.clear();
  // a folder where a file should be: unreadable
  auto d = app::load_settings(tmp.dir.string(), &warnings);
  REQUIRE(warnings.size() == 1);
  REQUIRE(d.locales == std::vector<std::string>{"en", "es"});
  // and the kiosk runs on those defaults
  Headless k(1920, 1080, real_db(), [&](session::Settings& st) { st = s; st.database = real_db(); });
  k.start();
  REQUIRE(k.app->screen() == "home");
}

TEST_CASE("pack limits in kiosk.toml: read, held within their bounds, a misspelled one refused by name", "[ui][bad][packs]") {
  Tmp tmp;
  const std::string path = (tmp.dir / "kiosk.toml").string();
  std::ofstream(path) << "[packs]\nstale_days = 3\nconnect_timeout_seconds = 5\nlow_speed_bytes = 0\n"
                         "low_speed_seconds = 86400\nstale_day = 9\n";
  std::vector<std::string> warnings;
  auto s = app::load_settings(path, &warnings);
  CHECK(s.pack_stale_days == 3);
  CHECK(s.pack_connect_timeout_seconds == 5);
  CHECK(s.pack_low_speed_bytes == 1);      // 0 would never drop a server that sends nothing
  CHECK(s.pack_low_speed_seconds == 600);  // a day of a trickle would hold the next pack back
  REQUIRE(warnings.size() == 3);
  auto said = [&](const std::string& w) { return std::find(warnings.begin(), warnings.end(), w) != warnings.end(); };
  CHECK(said(path + ":4: packs.low_speed_bytes = 0 is outside 1 to 1e+09 (using 1)"));
  CHECK(said(path + ":5: packs.low_speed_seconds = 86400 is outside 1 to 600 (using 600)"));
  CHECK(said(path + ":6: unknown setting packs.stale_day"));
}

TEST_CASE("no setting can crash the kiosk: zero, negative, huge, NaN, infinite and wrong types are held or refused",
          "[ui][bad][config]") {
  Tmp tmp;
  const std::string path = (tmp.dir / "kiosk.toml").string();
  const std::vector<std::string> values = {"0", "-92", "1e300", "nan", "inf", "-inf", "\"5\"", "true", "100000"};
  const std::vector<std::pair<std::string, std::string>> settings = {
      {"display", "dpi"}, {"display", "scale"}, {"display", "window_width"}, {"display", "window_height"},
      {"session", "idle_seconds"}, {"session", "warning_seconds"}, {"session", "attract_cycle_seconds"},
      {"packs", "poll_minutes"}, {"staff", "max_attempts"}, {"staff", "lockout_minutes"}};
  for (const auto& v : values) {
    std::ofstream f(path, std::ios::trunc);
    std::string section;
    for (const auto& [sec, key] : settings) {  // grouped by section: a section may appear once
      if (sec != section) f << "[" << (section = sec) << "]\n";
      f << key << " = " << v << "\n";
    }
    f.close();
    std::vector<std::string> warnings;
    auto s = app::load_settings(path, &warnings);
    INFO("every setting = " << v);
    CHECK(s.display_dpi >= 30);
    CHECK(s.display_dpi <= 600);
    CHECK(s.scale_override >= 0);
    CHECK(s.scale_override <= 4);
    CHECK(s.attract_cycle_seconds >= 1);
    CHECK(s.idle_seconds >= 10);
    CHECK(s.staff_max_attempts >= 1);
    CHECK(s.staff_lockout_minutes >= 1);
    CHECK(warnings.size() >= settings.size() - 2);  // each held or refused one is said (0 is a fine scale)
    // and the kiosk starts and shows home
    Headless k(1920, 1080, real_db(), [&](session::Settings& st) { st = s; st.database = real_db(); });
    k.start();
    REQUIRE(k.app->screen() == "home");
    REQUIRE(k.app->frames_drawn() > 0);
  }
}

TEST_CASE("fonts that are not installed: a log line and a fallback, never an empty screen", "[ui][bad]") {
  Headless k(1920, 1080, real_db(), [](session::Settings& s) { s.font_family = "No Such Font Family"; });
  k.start();
  REQUIRE(k.app->screen() == "home");
  const auto* tile = k.app->tree().find("Questions");
  REQUIRE(tile);
  REQUIRE(tile->rect.w > 100);
  tap(*k.app, "Questions");
  REQUIRE(k.app->screen() == "questions");
}

TEST_CASE("10 MB typed or pasted into search: kept to a question's length, answered at once", "[ui][bad]") {
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Search");
  std::string huge(10 * 1024 * 1024, 'a');
  for (size_t i = 0; i < huge.size(); i += 97) huge[i] = ' ';
  k.input({platform::InputEvent::Type::Text, 0, 0, platform::Key::None, huge});
  REQUIRE(k.app->screen() == "search");
  REQUIRE(k.app->session().search_text.size() <= 200);
  tap(*k.app, "Clear");
  REQUIRE(k.app->session().search_text.empty());
  k.input({platform::InputEvent::Type::Text, 0, 0, platform::Key::None, "jail"});
  REQUIRE(k.app->tree().find("Questions"));
}

TEST_CASE("a display that goes away: a log line and a clean exit the service restarts", "[ui][bad]") {
  Headless k(1920, 1080, real_db());
  k.start();
  REQUIRE_FALSE(k.app->quit_requested());
  k.app->handle({platform::InputEvent::Type::DisplayLost});
  REQUIRE(k.app->quit_requested());
  REQUIRE(k.app->exit_code() == 3);
}
