// The real app, headless: content reload at safe moments, refusing bad
// content, the content-missing screen, touch-size targets.
#include <catch2/catch.hpp>

#include <fstream>

#include "headless.h"

using namespace test;

TEST_CASE("new content appears only when nobody is mid-session, bad content is refused", "[ui][content]") {
  Tmp tmp;
  std::string db = (tmp.dir / "content.db").string();
  std::string hash_a = build(KIOSK_SOURCE_DIR "/content", db);

  const std::string content_b = release_b(tmp.dir);  // a second release: one question changed

  Headless k(1920, 1080, db);
  app::App& app = *k.app;
  platform::ManualClock& clock = k.clock;
  REQUIRE(app.store()->info().content_hash == hash_a);
  REQUIRE(app.screen() == "attract");
  k.start();
  tap(app, "Questions");
  REQUIRE(app.screen() == "questions");

  std::string hash_b = build(content_b, db);
  REQUIRE(hash_b != hash_a);
  clock.advance(5000);
  settle(app);
  REQUIRE(app.store()->info().content_hash == hash_a);  // the visitor is mid-session

  tap(app, "Home");
  clock.advance(100);
  settle(app);
  REQUIRE(app.screen() == "home");
  REQUIRE(app.store()->info().content_hash == hash_b);

  SECTION("a corrupt replacement keeps the last good content") {
    std::string junk = (tmp.dir / "junk").string();
    std::ofstream(junk) << std::string(10000, 'x');
    fs::rename(junk, db);
    clock.advance(5000);
    settle(app);
    REQUIRE(app.store() != nullptr);
    REQUIRE(app.store()->info().content_hash == hash_b);
    REQUIRE(app.tree().find("How can we help you today?"));
  }
  SECTION("a wrong-schema replacement keeps the last good content") {
    std::string other = (tmp.dir / "other.db").string();
    fs::copy_file(db, other);
    { content::Db d(other, content::Db::Mode::ReadWriteCreate); d.exec("PRAGMA user_version = 99"); }
    fs::rename(other, db);
    clock.advance(5000);
    settle(app);
    REQUIRE(app.store()->info().content_hash == hash_b);
  }
}

TEST_CASE("new content is checked beside the frames: the screen keeps answering while a database is checked",
          "[ui][content][background]") {
  Tmp tmp;
  std::string db = (tmp.dir / "content.db").string();
  std::string hash_a = build(KIOSK_SOURCE_DIR "/content", db);
  const std::string b = (tmp.dir / "b.db").string();
  std::string hash_b = build(release_b(tmp.dir), b);
  Headless k(1920, 1080, db);
  app::App& app = *k.app;
  k.start();
  REQUIRE(app.screen() == "home");
  fs::rename(b, db);
  k.clock.advance(5000);
  app.tick();  // notices the new file and hands the check to its thread
  REQUIRE(app.content_check_running());
  // meanwhile the visitor's screen draws and answers, on the content in use
  app.frame();
  REQUIRE(app.store()->info().content_hash == hash_a);
  REQUIRE(app.tree().find("How can we help you today?"));
  REQUIRE(app.ms_to_next_wake() <= 200);  // the loop looks for the result soon
  settle(app);
  REQUIRE_FALSE(app.content_check_running());
  REQUIRE(app.store()->info().content_hash == hash_b);
  tap(app, "Questions");
  REQUIRE(app.screen() == "questions");
}

TEST_CASE("with no content at all the kiosk shows a staff-facing screen", "[ui][content]") {
  Headless k(1080, 1920, "/nonexistent/content.db");
  app::App& app = *k.app;
  REQUIRE(app.store() == nullptr);
  REQUIRE(app.screen() == "content-missing");
  REQUIRE(app.tree().find("Content is missing"));
}

TEST_CASE("every interactive widget is at least the minimum target size", "[ui]") {
  Tmp tmp;
  std::string db = (tmp.dir / "content.db").string();
  build(KIOSK_SOURCE_DIR "/content", db);
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Headless k(w, h, db);
    app::App& app = *k.app;
    k.start();
    // 12 mm at the default 92 DPI
    const float min_px = 12.0f / 25.4f * 92.0f - 0.5f;
    for (const char* open : {"", "Language · Español", "Accessibility", "Help"}) {
      if (*open) tap(app, open);
      int interactive = 0;
      for (const auto& n : app.tree().nodes()) {
        if (!n.interactive()) continue;
        ++interactive;
        INFO(w << "x" << h << " " << n.label << " " << n.rect.w << "x" << n.rect.h);
        REQUIRE(n.rect.w >= min_px);
        REQUIRE(n.rect.h >= min_px);
      }
      REQUIRE(interactive >= 1);
      if (*open) tap(app, "Close");
    }
  }
}
