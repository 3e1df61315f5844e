// Eight languages on screen (issue 18): each locale's on-screen keyboard has
// its own letters and types them into the search field; the language picker
// shows all eight, each in its own name and script, whole and large enough to
// touch, at 1920x1080, 1080x1920 and 1280x800 with large text; Arabic reads
// right to left (the tiles, the chips, the bar and the guide's progress start
// at the right, Next is left of Back). Screenshots in build/languages/.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "headless.h"
#include "ui/theme.h"

using namespace test;

namespace {
const std::vector<std::string> kEight = {"en", "es", "pt", "pl", "ht", "zh", "vi", "ar"};
// 12 mm at the default 92 DPI, as the app rounds it
const float kMinTarget = std::round(12.0f / 25.4f * 92.0f);

// All eight on, `first` first: the attract screen shows it first, so a touch starts in it.
std::function<void(app::Settings&)> eight_with(const std::string& first) {
  return [first](app::Settings& s) {
    s.locales = {first};
    for (const auto& l : kEight)
      if (l != first) s.locales.push_back(l);
    s.default_locale = first;
  };
}

// Leaves the attract screen by its call to action (the first language's:
// the clock has not moved), not by a point that may be a language's button.
void start(Headless& k) {
  const ui::A11yNode* go = k.app->tree().find(k.app->catalog().format(k.app->session().prefs.locale, "attract.touch"));
  REQUIRE(go);
  tap(*k.app, go->label);
  REQUIRE(k.app->screen() == "home");
}

std::string t(Headless& k, const std::string& key, const std::vector<i18n::Arg>& args = {}) {
  return k.app->catalog().format(k.app->session().prefs.locale, key, args);
}

std::vector<std::string> characters(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

const ui::A11yNode* key_labelled(Headless& k, const std::string& label) {
  for (const auto& n : k.app->tree().nodes())
    if (n.role == ui::Role::Key && n.label == label) return &n;
  return nullptr;
}

// Taps each character's key; a space is the Space key.
void type_keys(Headless& k, const std::string& text) {
  const std::string space = t(k, "keyboard.space");
  for (const auto& ch : characters(text)) {
    const ui::A11yNode* key = key_labelled(k, ch == " " ? space : ch);
    INFO("the key for \"" << ch << "\"");
    REQUIRE(key);
    k.app->handle({platform::InputEvent::Type::PointerDown, key->rect.cx(), key->rect.cy()});
    k.app->handle({platform::InputEvent::Type::PointerUp, key->rect.cx(), key->rect.cy()});
    settle(*k.app);
  }
}

bool overlap(const ui::Rect& a, const ui::Rect& b) {
  const float ox = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
  const float oy = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
  return ox > kLayoutSlack && oy > kLayoutSlack;
}
bool on_screen(const ui::Rect& r, int w, int h) {
  return r.x >= -kLayoutSlack && r.y >= -kLayoutSlack && r.x + r.w <= static_cast<float>(w) + kLayoutSlack &&
         r.y + r.h <= static_cast<float>(h) + kLayoutSlack;
}

void larger_text(Headless& k) {
  REQUIRE(activate_bar(k, t(k, "header.accessibility")));
  activate(k, t(k, "access.large_text"));
  for (int i = 0; i < 3 && !k.app->overlay().empty(); ++i) k.key(platform::Key::Escape);  // the More dialog too
  REQUIRE(k.app->overlay().empty());
  REQUIRE(k.app->session().prefs.large_text);
}

const ui::A11yNode* bar_button(Headless& k, const std::string& start) {
  for (const auto& n : k.app->tree().nodes())
    if (n.region == "nav" && n.interactive() && n.label.rfind(start, 0) == 0) return &n;
  return nullptr;
}
const ui::A11yNode* node(Headless& k, const std::string& label) {
  for (const auto& n : k.app->tree().nodes())
    if (n.label == label) return &n;
  return nullptr;
}
}  // namespace

TEST_CASE("each language's keyboard has its letters, every key on screen and large enough, and types them into search",
          "[ui][search][keys][languages]") {
  // a few words a visitor would type, with the language's own letters
  const std::vector<std::pair<std::string, std::string>> words = {
      {"es", "pensión niño"},  {"pt", "pensão à criança"}, {"pl", "więzień płatność"}, {"ht", "lòd pèman"},
      {"vi", "đơn nuôi con"}, {"ar", "نفقة الأطفال"},   {"zh", "fuyang fei"}};
  // each language's own letters; Chinese is typed as pinyin on the Latin letters
  const std::map<std::string, std::string> needed = {
      {"es", "ñáéíóúü"},
      {"pt", "ãõçáéíóúâêôà"},
      {"pl", "ąćęłńóśźż"},
      {"ht", "èò"},
      {"vi", "đăâêôơư"},
      {"ar", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"},
      {"zh", "abcdefghijklmnopqrstuvwxyz"}};
  for (const auto& [loc, typed] : words) {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
      const std::string size = std::to_string(w) + "x" + std::to_string(h);
      INFO(loc << " " << size);
      Headless k(w, h, real_db(), eight_with(loc));
      start(k);
      REQUIRE(k.app->session().prefs.locale == loc);
      activate(k, t(k, "home.tile.search"));
      REQUIRE(k.app->screen() == "search");
      // every letter of the locale's rows is a key: on screen, at least the
      // minimum target, on top of no other key
      std::vector<const ui::A11yNode*> keys;
      for (const auto& n : k.app->tree().nodes())
        if (n.role == ui::Role::Key) keys.push_back(&n);
      std::string rows = t(k, "keyboard.rows");
      // the letters the language needs (issue 18) are all on its keyboard
      for (const auto& ch : characters(needed.at(loc))) {
        INFO("needed letter " << ch);
        CHECK(rows.find(ch) != std::string::npos);
      }
      for (const auto& ch : characters(rows)) {
        if (ch == "|") continue;
        INFO("key " << ch);
        CHECK(key_labelled(k, ch));
      }
      for (const auto* a : keys) {
        INFO(a->label << " " << fmt(a->rect));
        CHECK(on_screen(a->rect, w, h));
        CHECK(a->rect.w >= kMinTarget - 0.5f);
        CHECK(a->rect.h >= kMinTarget - 0.5f);
        for (const auto* b : keys) {
          if (a == b) continue;
          INFO("and " << b->label << " " << fmt(b->rect));
          CHECK_FALSE(overlap(a->rect, b->rect));
        }
      }
      if (w == 1920) {
        type_keys(k, typed);
        CHECK(k.app->session().search_text == typed);
        save_screen(k, "languages", "keyboard-" + loc + "-" + size);
      } else if (loc == "pl" || loc == "vi" || loc == "ar") {
        save_screen(k, "languages", "keyboard-" + loc + "-" + size);
      }
    }
  }
}

TEST_CASE("the language picker shows all eight languages in their own words, whole and large enough to touch",
          "[ui][languages]") {
  for (auto [w, h, large] : {std::tuple{1920, 1080, false}, std::tuple{1080, 1920, false}, std::tuple{1280, 800, true}}) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h) + (large ? "-large" : "");
    INFO(size);
    Headless k(w, h, real_db(), eight_with("en"));
    start(k);
    if (large) larger_text(k);
    REQUIRE(activate_bar(k, "Language"));
    REQUIRE(k.app->overlay() == "language");
    std::vector<const ui::A11yNode*> names;
    for (const auto& loc : kEight) {
      const std::string name = k.app->catalog().format(loc, "language.self");
      INFO(loc << " " << name);
      const ui::A11yNode* n = k.app->tree().find(name);
      REQUIRE(n);
      REQUIRE(n->interactive());
      names.push_back(n);
      INFO(fmt(n->rect) << " words " << fmt(n->text));
      CHECK(n->visible());
      CHECK(on_screen(n->rect, w, h));
      CHECK(n->rect.w >= kMinTarget - 0.5f);
      CHECK(n->rect.h >= kMinTarget - 0.5f);
      // the name whole, inside its button, on one line at the buttons' size
      CHECK(inside(n->text, n->rect, true));
      CHECK(n->text.w > 0);
      CHECK(n->text.h >= 33.0f * (large ? 1.3f : 1.0f) - 0.5f);  // not shrunk below the buttons' size
    }
    for (const auto* a : names)
      for (const auto* b : names)
        if (a != b) {
          INFO(a->label << " " << fmt(a->rect) << " and " << b->label << " " << fmt(b->rect));
          CHECK_FALSE(overlap(a->rect, b->rect));
        }
    save_screen(k, "languages", "picker-" + size);
    // a name starts in that language, and the bar's Language button opens the picker again
    tap(*k.app, "Polski");
    REQUIRE(k.app->session().prefs.locale == "pl");
    REQUIRE(activate_bar(k, t(k, "header.language", {{"other", k.app->catalog().format("ht", "language.self")}})));
    CHECK(k.app->overlay() == "language");
  }
}

TEST_CASE("the attract screen offers all eight languages, each whole and large enough, and cycles through them",
          "[ui][languages]") {
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}, std::pair{1280, 800}}) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    INFO(size);
    Headless k(w, h, real_db(), eight_with("en"));
    REQUIRE(k.app->screen() == "attract");
    std::vector<const ui::A11yNode*> names;
    for (const auto& loc : kEight) {
      const std::string name = k.app->catalog().format(loc, "language.self");
      INFO(loc << " " << name);
      const ui::A11yNode* n = k.app->tree().find(name);
      REQUIRE(n);
      names.push_back(n);
      INFO(fmt(n->rect) << " words " << fmt(n->text));
      CHECK(on_screen(n->rect, w, h));
      CHECK(n->rect.w >= kMinTarget - 0.5f);
      CHECK(inside(n->text, n->rect, true));
      CHECK(n->text.h >= 33.0f - 0.5f);
    }
    for (const auto* a : names)
      for (const auto* b : names)
        if (a != b) {
          INFO(a->label << " and " << b->label);
          CHECK_FALSE(overlap(a->rect, b->rect));
        }
    // every language's call to action in turn
    std::set<std::string> seen;
    for (int i = 0; i < 8; ++i) {
      for (const auto& loc : kEight)
        if (k.app->tree().find(k.app->catalog().format(loc, "attract.touch"))) seen.insert(loc);
      k.clock.advance(3'000);
      settle(*k.app);
    }
    CHECK(seen.size() == 8);
    save_screen(k, "languages", "attract-" + size);
  }
}

namespace {
// The x extents of the pixels of colour `c` on row y of the screen.
std::pair<int, int> colour_span(Headless& k, int y, ui::Color c) {
  const std::vector<uint8_t> px = k.video->pixels();
  int lo = -1, hi = -1;
  for (int x = 0; x < k.video->width(); ++x) {
    const uint8_t* p = &px[(static_cast<size_t>(y) * static_cast<size_t>(k.video->width()) + static_cast<size_t>(x)) * 4];
    if (std::abs(p[0] - c.r) <= 2 && std::abs(p[1] - c.g) <= 2 && std::abs(p[2] - c.b) <= 2) {
      if (lo < 0) lo = x;
      hi = x;
    }
  }
  return {lo, hi};
}
}  // namespace

TEST_CASE("Arabic reads right to left: tiles, chips, the bar and a guide's progress start at the right, Next is left of Back",
          "[ui][languages][rtl]") {
  // English first: the same checks the other way round, so each can tell
  for (const std::string loc : {"en", "ar"}) {
    const bool rtl = loc == "ar";
    INFO(loc);
    Headless k(1920, 1080, real_db(), eight_with(loc));
    start(k);
    REQUIRE(k.app->session().prefs.locale == loc);
    auto before = [&](const ui::A11yNode* a, const ui::A11yNode* b) {  // a comes first in the reading direction
      return rtl ? a->rect.x > b->rect.x + b->rect.w - kLayoutSlack : a->rect.x + a->rect.w < b->rect.x + kLayoutSlack;
    };
    // home: the first tile at the start of the first row
    const ui::A11yNode* questions = node(k, t(k, "home.tile.questions"));
    const ui::A11yNode* offices = node(k, t(k, "home.tile.offices"));
    REQUIRE(questions);
    REQUIRE(offices);
    CHECK(std::abs(questions->rect.y - offices->rect.y) < 1);
    CHECK(before(questions, offices));
    // the bar: Home first, then Back
    const ui::A11yNode* home = bar_button(k, t(k, "header.home"));
    const ui::A11yNode* back = bar_button(k, t(k, "header.back"));
    REQUIRE(home);
    REQUIRE(back);
    CHECK(before(home, back));
    save_screen(k, "languages", "rtl-home-" + loc);
    // the audience chips: the first at the start
    tap(*k.app, t(k, "home.tile.questions"));
    std::vector<const ui::A11yNode*> chips;
    for (const auto& n : k.app->tree().nodes())
      if (n.role == ui::Role::Toggle && n.region.empty()) chips.push_back(&n);
    REQUIRE(chips.size() >= 2);
    CHECK(std::abs(chips[0]->rect.y - chips[1]->rect.y) < 1);
    CHECK(before(chips[0], chips[1]));
    save_screen(k, "languages", "rtl-questions-" + loc);
    // a guide's first step: its progress fills from the start, Next at the end, past Back
    tap(*k.app, t(k, "header.home"));
    tap(*k.app, t(k, "home.tile.guides"));
    const ui::A11yNode* first_guide = nullptr;
    for (const auto& n : k.app->tree().nodes())
      if (n.role == ui::Role::Row && n.region.empty() && !first_guide) first_guide = &n;
    REQUIRE(first_guide);
    tap(*k.app, first_guide->label);
    tap(*k.app, t(k, "guide.start"));
    const ui::A11yNode* next = node(k, t(k, "guide.next"));
    back = bar_button(k, t(k, "header.back"));
    REQUIRE(next);
    REQUIRE(back);
    const bool next_at_end = rtl ? next->rect.x + next->rect.w < back->rect.x : next->rect.x > back->rect.x + back->rect.w;
    CHECK(next_at_end);
    // the progress bar under "Step 1 of n": the done segment (accent) at the start, the rest after it
    const ui::A11yNode* words = nullptr;
    for (int64_t count = 1; count < 20 && !words; ++count)
      words = node(k, t(k, "guide.progress", {{"step", int64_t{1}}, {"count", count}}));
    REQUIRE(words);
    const int y = static_cast<int>(words->rect.y + words->rect.h - 33.0f * 0.35f / 2);
    const auto& th = ui::theme(false);
    const auto done = colour_span(k, y, th.accent), rest = colour_span(k, y, th.surface_pressed);
    INFO("accent " << done.first << ".." << done.second << ", rest " << rest.first << ".." << rest.second);
    REQUIRE(done.first >= 0);
    REQUIRE(rest.first >= 0);
    const bool from_start = rtl ? done.first > rest.second : done.second < rest.first;
    CHECK(from_start);
    save_screen(k, "languages", "rtl-guide-step-" + loc);
  }
}

// Not a check: measures how tall Latin, Arabic and Chinese words are drawn at
// the same font size (the picker's names, each in the buttons' font), for the
// font atlas's per-script scale. Run: ui_tests "[glyph-size]" -s
TEST_CASE("ink height of Latin, Arabic and Chinese names at one font size", "[.][glyph-size]") {
  Headless k(1920, 1080, real_db(), eight_with("en"));
  k.start();
  REQUIRE(activate_bar(k, "Language"));
  const std::vector<uint8_t> px = k.video->pixels();
  const int W = k.video->width();
  auto at = [&](int x, int y) { return &px[(static_cast<size_t>(y) * static_cast<size_t>(W) + static_cast<size_t>(x)) * 4]; };
  for (const auto& loc : kEight) {
    const ui::A11yNode* n = k.app->tree().find(k.app->catalog().format(loc, "language.self"));
    REQUIRE(n);
    // within the words' box (a little taller: accents), the button's fill beside them
    const int x0 = static_cast<int>(n->text.x), x1 = static_cast<int>(n->text.x + n->text.w);
    const int y0 = static_cast<int>(n->text.y - 6), y1 = static_cast<int>(n->text.y + n->text.h + 6);
    const uint8_t* bg = at(static_cast<int>(n->text.x) - 6, static_cast<int>(n->text.y + n->text.h / 2));
    int top = -1, bottom = -1, base = -1, most = 0;
    for (int y = y0; y < y1; ++y) {
      int ink = 0;
      for (int x = x0; x < x1; ++x) {
        const uint8_t* p = at(x, y);
        if (std::abs(p[0] - bg[0]) + std::abs(p[1] - bg[1]) + std::abs(p[2] - bg[2]) > 200) ++ink;
      }
      if (ink == 0) continue;
      if (top < 0) top = y;
      bottom = y;
      if (ink > most) most = ink, base = y;
    }
    std::printf("%-3s %-16s font %.0f px: ink %d rows (top %d, bottom %d), densest row %d: %d above it, %d below\n", loc.c_str(),
                n->label.c_str(), static_cast<double>(n->text_px), bottom - top + 1, top, bottom, base, base - top + 1, bottom - base);
  }
}
