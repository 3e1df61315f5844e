// Bad input, nothing lost: each gives a clear message and the kiosk keeps
// serving visitors (or, for a lost display, exits so the service restarts it).
// Broken and foreign databases are in test_app.cpp, unwritable statistics in
// test_staff.cpp, odd search text in the core tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>

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
  REQUIRE(d.locales == app::Settings{}.locales);  // the defaults: the eight shipped languages
  REQUIRE(d.locales.size() == 8);
  // and the kiosk runs on those defaults
  Headless k(1920, 1080, real_db(), [&](app::Settings& st) { st = s; st.database = real_db(); });
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
  CHECK(said(path + ":4: packs.low_speed_bytes = 0 is outside 1 to 1000000000 (using 1)"));
  CHECK(said(path + ":5: packs.low_speed_seconds = 86400 is outside 1 to 600 (using 600)"));
  CHECK(said(path + ":6: unknown setting packs.stale_day"));
}

// Every setting of the table, one at a time, with each value a settings file
// could wrongly hold: the reader says so at its line and the kiosk starts.
TEST_CASE("no setting can crash the kiosk: zero, negative, huge, NaN, infinite and wrong types are held or refused",
          "[ui][bad][config]") {
  Tmp tmp;
  const std::string path = (tmp.dir / "kiosk.toml").string();
  const auto table = app::settings_table();
  REQUIRE(table.size() >= 30);
  const std::vector<std::string> numbers = {"0", "-92", "1e300", "nan", "inf", "-inf", "\"5\"", "true", "100000", "2.5", "[1]"};
  const std::vector<std::string> others = {"5", "true", "\"yes\"", "[1]", "[]", "{ a = 1 }", "nan"};
  int files = 0;
  for (const auto& st : table) {
    const bool number = st.type.rfind("a number", 0) == 0;
    for (const auto& v : number ? numbers : others) {
      std::ofstream(path, std::ios::trunc) << "# a line before\n[" << st.section << "]\n" << st.key << " = " << v << "\n";
      std::vector<std::string> warnings;
      auto s = app::load_settings(path, &warnings);
      ++files;
      INFO(st.section << "." << st.key << " = " << v);
      std::string all;
      for (const auto& w : warnings) all += w + "\n";
      INFO(all);
      // said at its line, by name, unless the value is one the setting takes
      const bool fine = (v == "0" && st.range.rfind("0,", 0) == 0) || (v == "true" && st.type == "true or false") ||
                        (v == "100000" && st.range.find("to 1000000000") != std::string::npos) ||
                        (v == "2.5" && st.range.find("0.5 to 4") != std::string::npos) ||
                        (v == "[]" && st.type == "a list of texts in quotes" && st.section == std::string("keys")) ||
                        (v == "\"yes\"" && st.type == "text in quotes" && st.key != "default");
      if (!fine) {
        REQUIRE(warnings.size() >= 1);
        CHECK(warnings[0].rfind(path + ":3: " + st.section + "." + st.key, 0) == 0);
      }
      CHECK(s.display_dpi >= 50);
      CHECK(s.display_dpi <= 400);
      CHECK(s.attract_cycle_seconds >= 1);
      CHECK(s.idle_seconds >= 10);
      CHECK(s.staff_max_attempts >= 1);
      CHECK(s.staff_max_attempts <= 5);
      CHECK(s.staff_lockout_minutes >= 5);
      CHECK_FALSE(s.locales.empty());
      CHECK(std::find(s.locales.begin(), s.locales.end(), s.default_locale) != s.locales.end());
    }
  }
  WARN(files << " settings files read");
  // the kiosk starts on the worst of them at once (the paths left out: a
  // database or PIN file named "5" is a missing file, tested elsewhere)
  std::ofstream f(path, std::ios::trunc);
  std::string section;
  for (const auto& st : table) {
    if (st.type == "text in quotes" && st.key != std::string("default")) continue;
    if (st.section != section) f << "[" << (section = st.section) << "]\n";
    f << st.key << " = " << (st.type.rfind("a number", 0) == 0 ? "-inf" : "\"yes\"") << "\n";
  }
  f.close();
  for (const char* size : {"min", "max"}) {
    std::vector<std::string> warnings;
    auto s = app::load_settings(path, &warnings);
    Headless k(1920, 1080, real_db(), [&](app::Settings& st) { st = s; st.database = real_db(); });
    INFO(size);
    k.start();
    REQUIRE(k.app->screen() == "home");
    REQUIRE(k.app->frames_drawn() > 0);
    std::ofstream(path, std::ios::trunc) << "[display]\ndpi = 1e9\nscale = 1e9\n[session]\nidle_seconds = 1e300\nattract_cycle_seconds = 0\n";
  }
}

TEST_CASE("a setting of the wrong type or a language not offered is said with its line", "[ui][bad][config]") {
  Tmp tmp;
  const std::string path = (tmp.dir / "kiosk.toml").string();
  std::ofstream(path) << "[display]\nfullscreen = \"yes\"\n[session]\nidle_seconds = \"5\"\n[locales]\nenabled = [\"en\", \"es\", 7]\ndefault = \"xx\"\n";
  std::vector<std::string> warnings;
  auto s = app::load_settings(path, &warnings);
  std::string all;
  for (const auto& w : warnings) all += w + "\n";
  INFO(all);
  CHECK(s.fullscreen);
  CHECK(s.idle_seconds == 90);
  CHECK(s.locales == std::vector<std::string>{"en", "es"});
  CHECK(s.default_locale == "en");
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0] == path + ":2: display.fullscreen is true or false, not \"yes\" (using true)");
  CHECK(warnings[1] == path + ":4: session.idle_seconds is a number, not \"5\" (using 90)");
  CHECK(warnings[2] == path + ":6: locales.enabled holds 7, which is not text in quotes (left out)");
  CHECK(warnings[3] == path + ":7: locales.default = \"xx\" is not among locales.enabled (using \"en\")");
}

// kiosk.toml (the annotated one in the source tree) shows every setting in
// its section with its default and its range; deploy/kiosk.toml (the one
// installed) names every setting too, so nobody has to guess what exists.
TEST_CASE("kiosk.toml and deploy/kiosk.toml document every setting the kiosk reads", "[ui][config]") {
  struct Line { std::string value, comment; bool commented; };
  auto read = [](const std::string& file) {
    std::map<std::string, Line> found;  // "section.key"
    std::ifstream in(file);
    std::string line, section;
    while (std::getline(in, line)) {
      if (line.rfind("[", 0) == 0) { section = line.substr(1, line.find(']') - 1); continue; }
      const bool commented = line.rfind("# ", 0) == 0;
      const std::string body = commented ? line.substr(2) : line;
      const size_t eq = body.find(" = ");
      if (eq == std::string::npos || body.find_first_of(" #") < eq) continue;
      std::string value = body.substr(eq + 3), comment;
      if (size_t hash = value.find(" #"); hash != std::string::npos) {
        comment = value.substr(hash + 2);
        value = value.substr(0, hash);
      }
      while (!value.empty() && value.back() == ' ') value.pop_back();
      found[section + "." + body.substr(0, eq)] = {value, comment, commented};
    }
    return found;
  };
  const auto annotated = read(KIOSK_SOURCE_DIR "/kiosk.toml");
  const auto installed = read(KIOSK_SOURCE_DIR "/deploy/kiosk.toml");
  for (const char* file : {KIOSK_SOURCE_DIR "/kiosk.toml", KIOSK_SOURCE_DIR "/deploy/kiosk.toml"}) {
    std::vector<std::string> warnings;
    app::load_settings(file, &warnings);
    INFO(file);
    CHECK(warnings.empty());  // both read without a word
  }
  for (const auto& st : app::settings_table()) {
    const std::string name = st.section + "." + st.key;
    INFO(name);
    auto it = annotated.find(name);
    REQUIRE(it != annotated.end());
    const bool example = it->second.commented && (st.type == "text in quotes" || st.section == "keys");
    if (!example) CHECK(it->second.value == st.default_value);  // the value shown is the default
    if (!st.range.empty()) CHECK(it->second.comment.find(st.range) != std::string::npos);
    CHECK(installed.count(name) == 1);
  }
}

TEST_CASE("fonts that are not installed: a log line and a fallback, never an empty screen", "[ui][bad]") {
  Headless k(1920, 1080, real_db(), [](app::Settings& s) { s.font_family = "No Such Font Family"; });
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
