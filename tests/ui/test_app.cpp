// The real app, headless: content reload at safe moments, refusing bad
// content, the content-missing screen, touch-size targets.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <unistd.h>
#include <fstream>

#include "app/app.h"
#include "content/sqlite.h"
#include "platform/video.h"
#include "tools/lib/model.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {
struct Tmp {
  fs::path dir = fs::temp_directory_path() / ("kiosk-ui-" + std::to_string(::getpid()));
  Tmp() { fs::create_directories(dir); }
  ~Tmp() { std::error_code ec; fs::remove_all(dir, ec); }
};

std::string build(const std::string& content_dir, const std::string& out) {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(content_dir, KIOSK_SOURCE_DIR "/locales", diags);
  tools::validate(set, diags);
  for (auto& d : diags) FAIL(d.str());
  REQUIRE(tools::build_database(set, out).empty());
  return content::Store::open(out, nullptr)->info().content_hash;
}

void settle(app::App& app) {
  app.tick();
  for (int i = 0; i < 8; ++i) { app.frame(); app.tick(); }
}

// The real app on a headless renderer with a hand-moved clock.
struct Headless {
  std::unique_ptr<platform::Video> video;
  platform::ManualClock clock;
  std::unique_ptr<app::App> app;
  Headless(int w, int h, const std::string& db) {
    std::string why;
    video = platform::Video::open_headless(w, h, &why);
    REQUIRE(video);
    session::Settings s;
    s.database = db;
    app = std::make_unique<app::App>(s, clock, *video);
    settle(*app);
  }
  // Leaves the attract screen with a touch.
  void start() {
    app->handle({platform::InputEvent::Type::PointerDown, 500, 500});
    app->handle({platform::InputEvent::Type::PointerUp, 500, 500});
    settle(*app);
  }
};

void tap(app::App& app, const std::string& label) {
  const ui::A11yNode* n = app.tree().find(label);
  INFO("tapping " << label);
  REQUIRE(n);
  float x = n->rect.cx(), y = n->rect.cy();
  app.handle({platform::InputEvent::Type::PointerDown, x, y});
  app.handle({platform::InputEvent::Type::PointerUp, x, y});
  settle(app);
}
}  // namespace

TEST_CASE("new content appears only when nobody is mid-session; bad content is refused", "[ui][content]") {
  Tmp tmp;
  std::string db = (tmp.dir / "content.db").string();
  std::string hash_a = build(KIOSK_SOURCE_DIR "/content", db);

  // a second release: the same content with one question changed
  fs::copy(KIOSK_SOURCE_DIR "/content", tmp.dir / "content-b", fs::copy_options::recursive);
  {
    std::ofstream f(tmp.dir / "content-b" / "faq" / "apply-how.en.md", std::ios::app);
    f << "\nThis sentence is new in release B.\n";
  }

  Headless k(1920, 1080, db);
  app::App& app = *k.app;
  platform::ManualClock& clock = k.clock;
  REQUIRE(app.store()->info().content_hash == hash_a);
  REQUIRE(app.screen() == "attract");
  k.start();
  tap(app, "Questions");
  REQUIRE(app.screen() == "questions");

  std::string hash_b = build((tmp.dir / "content-b").string(), db);
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
    for (const char* open : {"", "Language", "Accessibility", "Help"}) {
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
