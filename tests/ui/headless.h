// The real app on a headless renderer, for UI tests: a temporary folder,
// building content, settling frames, tapping by label.
#pragma once
#include <chrono>
#include <thread>
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <unistd.h>

#include "app/app.h"
#include "content/sqlite.h"
#include "platform/png.h"
#include "platform/video.h"
#include "tools/lib/model.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace test {
struct Tmp {
  fs::path dir = fs::temp_directory_path() / ("kiosk-ui-" + std::to_string(::getpid()));
  Tmp() { fs::create_directories(dir); }
  ~Tmp() { std::error_code ec; fs::remove_all(dir, ec); }
};

inline std::string build(const std::string& content_dir, const std::string& out) {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(content_dir, KIOSK_SOURCE_DIR "/locales", diags);
  tools::validate(set, diags);
  for (auto& d : diags) FAIL(d.str());
  REQUIRE(tools::build_database(set, out).empty());
  return content::Store::open(out, nullptr)->info().content_hash;
}

// The layout checks' shared measures: a rectangle in words, and whether one
// lies within another (horizontally always; vertically when asked), allowing
// for the rounding of pixel positions.
constexpr float kLayoutSlack = 1.5f;
inline std::string fmt(const ui::Rect& r) {
  std::ostringstream o;
  o << "[" << static_cast<int>(r.x) << "," << static_cast<int>(r.y) << " " << static_cast<int>(r.w) << "x"
    << static_cast<int>(r.h) << "]";
  return o.str();
}
inline bool inside(const ui::Rect& in, const ui::Rect& out, bool vertical) {
  if (in.x < out.x - kLayoutSlack || in.x + in.w > out.x + out.w + kLayoutSlack) return false;
  return !vertical || (in.y >= out.y - kLayoutSlack && in.y + in.h <= out.y + out.h + kLayoutSlack);
}

// A second release of the repository's content in `dir`/content-b: the same
// with one question changed. Returns its folder.
inline std::string release_b(const fs::path& dir) {
  fs::copy(KIOSK_SOURCE_DIR "/content", dir / "content-b", fs::copy_options::recursive);
  std::ofstream f(dir / "content-b" / "faq" / "apply-how.en.md", std::ios::app);
  f << "\nThis sentence is new in release B.\n";
  return (dir / "content-b").string();
}

// The repository's content, built once per run.
inline const std::string& real_db() {
  static struct Dir {
    fs::path dir = fs::temp_directory_path() / ("kiosk-ui-real-" + std::to_string(::getpid()));
    ~Dir() { std::error_code ec; fs::remove_all(dir, ec); }
  } d;
  static std::string path;
  if (path.empty()) {
    fs::create_directories(d.dir);
    path = (d.dir / "content.db").string();
    build(KIOSK_SOURCE_DIR "/content", path);
  }
  return path;
}

// Waits (in real time) for a content check running beside the frames, then
// lets frames run until the app rests.
inline void settle(app::App& app) {
  for (int i = 0; i < 6000 && app.content_check_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  app.tick();
  for (int i = 0; i < 8; ++i) { app.frame(); app.tick(); }
}

// The real app on a headless renderer with a hand-moved clock.
struct Headless {
  std::unique_ptr<platform::Video> video;
  platform::ManualClock clock;
  std::unique_ptr<app::App> app;
  Headless(int w, int h, const std::string& db, const std::function<void(app::Settings&)>& tweak = {}) {
    platform::reset_key_bindings();  // another test's [keys] do not follow it here
    std::string why;
    video = platform::Video::open_headless(w, h, &why);
    REQUIRE(video);
    video->set_lazy(true);
    app::Settings s;
    s.database = db;
    if (tweak) tweak(s);
    app = std::make_unique<app::App>(s, clock, *video);
    settle(*app);
  }
  // Feeds one input event and lets frames run until the app rests.
  void input(platform::InputEvent ev) {
    app->handle(std::move(ev));
    app->tick();
    for (int i = 0; i < 200 && (i < 2 || app->wants_frame()); ++i) { app->frame(); app->tick(); }
  }
  void key(platform::Key k) {
    platform::InputEvent ev{platform::InputEvent::Type::Key};
    ev.key = k;
    input(ev);
  }
  // Leaves the attract screen with a touch, while it shows the first
  // language (a touch starts in the language shown; it changes every 3 s).
  void start() {
    // a whole number of cycles for 1 to 8 languages (3 s each: 3 x 840 s)
    if (const int64_t r = clock.now_ms() % 2'520'000; r != 0) {
      clock.advance(2'520'000 - r);
      settle(*app);
    }
    // a touch away from the languages' names (each of those starts in its language)
    float x = 40, y = 40;
    for (float cy : {0.5f, 0.15f, 0.3f, 0.05f}) {
      x = static_cast<float>(video->width()) * 0.5f, y = static_cast<float>(video->height()) * cy;
      bool on_name = false;
      for (const auto& n : app->tree().nodes())
        on_name = on_name || (n.region == "language" && n.rect.contains(x, y));
      if (!on_name) break;
    }
    app->handle({platform::InputEvent::Type::PointerDown, x, y});
    app->handle({platform::InputEvent::Type::PointerUp, x, y});
    settle(*app);
  }
};

// Saves what the window shows as KIOSK_BINARY_DIR/<folder>/<name>.png, to be
// looked at as a visitor would see it.
inline void save_screen(Headless& k, const std::string& folder, const std::string& name) {
  const fs::path dir = fs::path(KIOSK_BINARY_DIR) / folder;
  fs::create_directories(dir);
  const std::vector<uint8_t> px = k.video->pixels();
  CHECK(platform::write_png((dir / (name + ".png")).string(), px.data(), k.video->width(), k.video->height(),
                            k.video->width() * 4).empty());
}

inline void tap(app::App& app, const std::string& label) {
  const ui::A11yNode* n = app.tree().find(label);
  INFO("tapping " << label);
  REQUIRE(n);
  float x = n->rect.cx(), y = n->rect.cy();
  app.handle({platform::InputEvent::Type::PointerDown, x, y});
  app.handle({platform::InputEvent::Type::PointerUp, x, y});
  settle(app);
}
// Activates the i-th interactive node (in focus order) with Tab and Enter,
// the way a keypad user would; it need not be scrolled into view first.
inline void activate(Headless& k, size_t focus_index) {
  std::string label;
  long i = 0, from = -1;  // from: the node focused now (-1: none)
  for (const auto& n : k.app->tree().nodes()) {
    if (!n.interactive() || !n.enabled) continue;
    if (n.focused) from = i;
    if (static_cast<size_t>(i) == focus_index) label = n.label;
    ++i;
  }
  const long tabs = ((static_cast<long>(focus_index) - from) % i + i) % i;
  for (long t = 0; t < (tabs == 0 ? i : tabs); ++t) k.app->handle({platform::InputEvent::Type::Key, 0, 0, platform::Key::Down});
  k.input({platform::InputEvent::Type::Wake});
  std::string focused;
  for (const auto& n : k.app->tree().nodes())
    if (n.focused) focused = n.label;
  INFO("focus should be on \"" << label << "\"");
  REQUIRE(focused == label);
  k.key(platform::Key::Enter);
}

// Activates the interactive node with this label, scrolled into view or not.
inline void activate(Headless& k, const std::string& label) {
  size_t i = 0;
  for (const auto& n : k.app->tree().nodes()) {
    if (!n.interactive() || !n.enabled) continue;
    if (n.label == label) return activate(k, i);
    ++i;
  }
  INFO("activating " << label);
  FAIL("nothing interactive is labelled so");
}

// Activates the bar button whose label starts with `start` (the Language
// button also names the other language), through More when the bar is
// compact; false when there is none.
inline bool activate_bar(Headless& k, const std::string& start) {
  auto find = [&]() -> std::string {
    for (const auto& n : k.app->tree().nodes())
      if (n.interactive() && n.enabled && (n.region == "nav" || k.app->overlay() == "more") && n.label.rfind(start, 0) == 0)
        return n.label;
    return {};
  };
  std::string label = find();
  if (label.empty()) {
    const std::string more = k.app->catalog().format(k.app->session().prefs.locale, "header.more");
    bool has_more = false;
    for (const auto& n : k.app->tree().nodes()) has_more |= n.interactive() && n.region == "nav" && n.label == more;
    if (!has_more) return false;
    activate(k, more);
    if ((label = find()).empty()) return false;
  }
  activate(k, label);
  return true;
}

}  // namespace test
