// Screens: one file per screen, each a function of (content, session state,
// locale) that draws widgets and asks for changes through intents. The app
// applies the intents between frames. Screens never touch SQLite or SDL.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "i18n/catalog.h"
#include "session/session.h"
#include "ui/ui.h"

namespace kiosk::content { class Store; }

namespace kiosk::screens {

struct Intent {
  enum class Type {
    Open,          // push route {screen, param}
    Back, Home, StartOver, SetLocale, ToggleLargeText, ToggleContrast, MoreTime,
    ShowLanguage, ShowAccessibility, ShowHelp, CloseOverlay
  };
  Type type;
  std::string a, b;
};

struct Ctx {
  ui::Ui& ui;
  const session::Session& session;
  const i18n::Catalog& catalog;
  content::Store* store;                 // null when no content is loaded
  const std::vector<std::string>& locales;
  std::vector<Intent>& intents;
  float x, y, w, h;                      // the screen's area in window pixels
  int64_t now_ms;
  int idle_seconds_left;                 // > 0 while the idle warning shows
  int64_t attract_cycle_ms = 3000;

  std::string t(const std::string& key, const std::vector<i18n::Arg>& args = {}) const {
    return catalog.format(session.prefs.locale, key, args);
  }
  void ask(Intent::Type type, std::string a = {}, std::string b = {}) const { intents.push_back({type, std::move(a), std::move(b)}); }
};

using DrawFn = std::function<void(Ctx&)>;
struct ScreenDef {
  const char* name;
  DrawFn draw;
  bool has_nav_bar;
};

// The one list of every screen (router table).
const std::vector<ScreenDef>& all_screens();
const ScreenDef* find_screen(const std::string& name);

// Parts shared by every screen.
void draw_nav_bar(Ctx& c);             // Home, Back, Language, Accessibility, Help, Start over
float nav_bar_height(const Ctx& c);
void draw_overlays(Ctx& c);            // language picker, accessibility, help, idle warning

// Each screen's draw function (one file each).
void draw_attract(Ctx& c);
void draw_home(Ctx& c);
void draw_not_ready(Ctx& c);
void draw_content_missing(Ctx& c);

// Layout helper: begins a full-area scrolling window for a screen's body.
void begin_body(Ctx& c, const char* id);
void end_body();

}  // namespace kiosk::screens
