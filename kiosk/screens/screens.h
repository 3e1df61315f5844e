// Screens: one file per screen, each a function of (content, session state,
// locale) that draws widgets and asks for changes through intents. The app
// applies the intents between frames. Screens never touch SQLite or SDL.
#pragma once
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "i18n/catalog.h"
#include "print/page.h"
#include "session/session.h"
#include "ui/ui.h"

namespace kiosk::content {
struct Model;
struct SearchResponse;
}

namespace kiosk::screens {

using session::Route;
using session::ScreenId;

// The visitor's text a screen's keyboard types into.
enum class TextField { None, Search, Town };

// What a screen can ask for, one type per request, applied by the app
// between frames (app/intents.cpp).
namespace intent {
struct Open { Route to; };             // a new place (Back returns here)
struct Replace { Route to; };          // the same place with another filter or step
struct Back {};
struct Home {};
struct StartOver {};
struct MoreTime {};
struct CloseOverlay {};
struct ReadAloud {};                   // everything on the screen, in reading order
struct FocusResults {};                // the keyboard's Go key: to the first result
struct SetLocale { std::string locale; };
enum class Pref { LargeText, Contrast, Speech, TouchHear };
struct Toggle { Pref pref; };
enum class Dialog { Language, Accessibility, Help, More };
struct Show { Dialog dialog; };
struct Type { TextField field; std::string text; };  // the field's whole new text
struct Audience { std::string audience; };          // "who is asking" ("" = everyone)
struct Tick { std::string box; };                   // flip a checklist box
struct Volume { int step; };                        // +1 louder, -1 quieter
struct StaffKey { std::string key; };               // the PIN pad: a digit, "clear", "ok" or "cancel"
enum class StaffAction { Reload, Rollback, Packs, Export, Test, Leave, Exit, Restart };
struct Staff { StaffAction action; };
struct Print { print::PrintPage page; };            // the page a Print button makes
}  // namespace intent

using Intent = std::variant<intent::Open, intent::Replace, intent::Back, intent::Home, intent::StartOver,
                            intent::MoreTime, intent::CloseOverlay, intent::ReadAloud, intent::FocusResults,
                            intent::SetLocale, intent::Toggle, intent::Show, intent::Type, intent::Audience,
                            intent::Tick, intent::Volume, intent::StaffKey, intent::Staff, intent::Print>;

// The printer beside the screen, as the screens show it (null: no printer
// configured, and no Print button anywhere).
struct PrintView {
  bool busy = false;         // a page is printing: the button says so
  uint64_t visit = 0;        // the place (NavStack visit) the last page was printed from
  std::string message;       // what became of it, in the visitor's words ("" while printing)
};

// What the staff screens show; filled by the app only while staff mode is open.
struct StaffView {
  int pin_digits = 0;                 // how many digits are typed on the pad
  std::string pin_status;             // "Wrong PIN. 3 tries are left before the pad locks."
  std::string pin_failures;           // "3 wrong PINs since staff last came in, and 1 lockout."
  bool pin_failed = false;            // some wrong PIN since staff last came in
  std::string content_hash, built_from, database;
  int items = 0;
  int64_t version = 0, previous_version = 0;
  std::string pack_stale;             // "No valid content pack for 9 days (since ...)" or ""
  std::vector<std::string> sources;   // "002_....txt: 2024-10"
  std::vector<std::string> stale;     // "faq/apply-how: review was due 2026-10-01"
  std::vector<std::string> coverage;  // "es: 122/122 (100%)"
  std::vector<std::string> usage;     // "screen offices: 12"
  std::string message;                // the result of the last action
  std::vector<std::pair<float, float>> touches;  // the test screen's last touches
  std::string speech_off;             // why nothing can be heard ("" when speech works)
  std::string printer;                // the printer's state for staff ("" = no printer configured)
};

struct Ctx {
  ui::Ui& ui;
  const session::Session& session;
  const i18n::Catalog& catalog;
  const content::Model* model;           // the content in the visitor's locale (null without content)
  // Search in the visitor's locale (results are kept for the last query).
  std::function<const content::SearchResponse&(const std::string&)> search;
  const std::vector<std::string>& locales;
  const StaffView* staff = nullptr;      // only on staff screens
  std::vector<Intent>& intents;
  float x, y, w, h;                      // the screen's area in window pixels
  int64_t now_ms;
  int idle_seconds_left;                 // > 0 while the idle warning shows
  int64_t attract_cycle_ms = 3000;
  // False when nothing can play sound: no speech, Read aloud or Touch and Hear is offered.
  bool speech_available = true;
  std::string site_office;               // [site] office: the office this kiosk stands in ("" = none)
  std::string today;                     // the local day, "2026-12-24" (the clock's): dated notices
  const PrintView* print = nullptr;      // only with a printer ([printer] queue)

  std::string t(const std::string& key, const std::vector<i18n::Arg>& args = {}) const {
    return catalog.format(session.prefs.locale, key, args);
  }
  void ask(Intent in) const { intents.push_back(std::move(in)); }
  // Opens a place: an item's screen, a guide's step.
  void open(ScreenId screen, std::string id = {}, int step = 0) const {
    intents.push_back(intent::Open{{screen, std::move(id), step}});
  }
};

using DrawFn = std::function<void(Ctx&)>;

struct ScreenDef {
  ScreenId id;
  DrawFn draw;
  bool has_nav_bar;
  // On the home grid, in this table's order: its title's string key (the
  // subtitle is key + ".sub"; the icon is named after the screen). nullptr: not a tile.
  const char* home_tile = nullptr;
  TextField text_field = TextField::None;  // emptied on a new visit (Back keeps it)
  bool staff_only = false;                 // opened only through the staff PIN pad
  bool at_rest = false;                    // nobody's session: no dialogs drawn over it
  bool kids_theme = false;                 // the kids' corner's colours and shapes
  bool counts_item = true;                 // opening it with a parameter counts that item in the statistics
};

// The one list of every screen (router table), in ScreenId's order.
const std::vector<ScreenDef>& all_screens();
const ScreenDef& find_screen(ScreenId id);
// The screens with a home tile, in their order on the home grid.
std::vector<const ScreenDef*> home_tiles();

// Parts shared by every screen.
void draw_nav_bar(Ctx& c);             // Home, Back, Language, Accessibility, Help, Start over
float nav_bar_height(const Ctx& c);
void draw_overlays(Ctx& c);            // language picker, accessibility, help, idle warning

// Each screen's draw function (one file each).
void draw_attract(Ctx& c);
// The language the attract screen shows at now_ms: it cycles through the
// enabled ones, cycle_ms each. A visitor who starts there starts in it.
inline const std::string& attract_locale(const std::vector<std::string>& locales, const std::string& fallback,
                                         int64_t now_ms, int64_t cycle_ms) {
  if (locales.empty() || cycle_ms <= 0) return fallback;
  return locales[static_cast<size_t>(now_ms / cycle_ms) % locales.size()];
}
void draw_home(Ctx& c);
void draw_not_ready(Ctx& c);
void draw_content_missing(Ctx& c);
void draw_questions(Ctx& c);   // topics as tiles, with the "who is asking" filter
void draw_topic(Ctx& c);       // the questions of a topic
void draw_answer(Ctx& c);      // one answer, what is related, where it leads
void draw_offices(Ctx& c);     // every office by town; agency filter; find by town
void draw_office(Ctx& c);      // one office with a QR code
void draw_which(Ctx& c);       // "Which office handles my case?"
void draw_guides(Ctx& c);      // the step-by-step guides
void draw_guide(Ctx& c);       // one step of a guide (the route's step), or where to go
void draw_kids(Ctx& c);        // the kids' corner
void draw_kids_page(Ctx& c);
void draw_search(Ctx& c);      // on-screen keyboard and results as you type
void draw_call(Ctx& c);        // the phone lines
void draw_staff_pin(Ctx& c);   // the PIN pad (opened by a key chord or holding a corner 5 s)
void draw_staff(Ctx& c);       // the staff menu
void draw_staff_test(Ctx& c);  // touch points, colours, speech

// Layout helpers: a full-area scrolling window for a screen's body (touch
// scrolling included), leaving `footer` pixels at the bottom for a fixed
// footer (Back/Next, a keyboard) or `side` pixels at the right for a fixed
// side panel (a keyboard, in landscape).
// Large text on a short screen (720p to 800p: under 18 of the large text's
// em tall). There the margins keep the normal text's size, so the words have
// the room; pad_em (> 0) is the em a panel's padding follows.
bool cramped(const Ctx& c);
void begin_panel(Ctx& c, const char* id, ImVec2 pos, ImVec2 size, ui::Color bg, bool scrolls, float pad_em = 0);
void begin_body(Ctx& c, const char* id, float footer = 0, float side = 0);
void end_body();
void begin_footer(Ctx& c, const char* id, float height);
void begin_side(Ctx& c, const char* id, float width, float pad_em = 0);
inline void end_footer() { end_body(); }
inline void end_side() { end_body(); }

}  // namespace kiosk::screens
