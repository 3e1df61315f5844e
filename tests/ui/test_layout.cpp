// The layout check: a crawl from home over every place a visitor can reach
// (breadth first, by keypad: focus and Enter), in every enabled locale, with
// normal and large text, at 1920x1080, 1080x1920 and 1280x720. On every
// place, every dialog and the idle warning it checks what a visitor would
// notice: a word drawn outside its widget or the screen, two widgets on top
// of each other, a navigation bar taller than a fifth of the screen,
// on-screen keys smaller with large text than without, a list that shows
// fewer than two of its rows, a guide step whose words are below the fold.
// [layout] is the CI slice (each kind of place expanded twice, a few of its
// links followed); [layout-full] (CTest layout_crawl) follows every link.
#include <catch2/catch.hpp>

#include <imgui_internal.h>
#include <chrono>
#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "content/model.h"
#include "headless.h"

using namespace test;

namespace {
struct Size {
  int w, h;
};
constexpr Size kSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 720}};
constexpr float kSlack = kLayoutSlack;

// The few labels the check itself needs, in a locale's own words.
struct Words {
  std::string language, accessibility, help, more, larger, self;
};
Words words(const i18n::Catalog& cat, const std::string& loc) {
  std::string language = cat.format(loc, "header.language", {{"other", std::string()}});
  language = language.substr(0, language.find(" \u00b7"));  // "Idioma · {other}" -> "Idioma"
  return {language,
          cat.format(loc, "header.accessibility"),
          cat.format(loc, "header.help"),
          cat.format(loc, "header.more"),
          cat.format(loc, "access.large_text"),
          cat.format(loc, "language.self")};
}

ui::Rect intersect(const ui::Rect& a, const ui::Rect& b) {
  const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const float x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
  return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

bool same(const ui::Rect& a, const ui::Rect& b) {
  return std::abs(a.x - b.x) < 0.5f && std::abs(a.y - b.y) < 0.5f && std::abs(a.w - b.w) < 0.5f && std::abs(a.h - b.h) < 0.5f;
}

std::string route_of(const app::App& app) {
  return session::route_text(app.session().nav.top());
}

// Places of one kind look alike; the slice expands only a few of each. A
// guide's steps are kinds of their own, so the slice still reaches the end.
std::string kind_of(const std::string& route) {
  const size_t slash = route.find('/');
  std::string kind = route.substr(0, slash);
  if (kind == "guide") kind += route.substr(route.rfind(':'));
  if (kind == "which") kind += route.substr(slash == std::string::npos ? route.size() : slash).substr(0, 4);
  return kind;
}

struct Checker {
  Size s;
  std::vector<std::string> problems;
  std::set<std::string> kinds_seen;  // one line per kind of problem and place kind, so a list stays readable
  size_t checks = 0;
  // key label -> its size at normal text, per locale
  std::map<std::string, std::map<std::string, ui::Rect>> keys_normal;

  void add(app::App& app, const std::string& where, const std::string& what) {
    std::ostringstream o;
    o << s.w << "x" << s.h << " " << app.session().prefs.locale << (app.session().prefs.large_text ? " large" : "") << " "
      << where << (app.overlay().empty() ? "" : " +" + app.overlay()) << ": " << what;
    problems.push_back(o.str());
  }

  void check(app::App& app, const std::string& where, const content::Model* model) {
    ++checks;
    const auto& nodes = app.tree().nodes();
    const ui::Rect screen{0, 0, static_cast<float>(s.w), static_cast<float>(s.h)};
    auto quote = [](const ui::A11yNode& n) { return "\"" + n.label.substr(0, 50) + "\""; };
    // 1. every word inside the screen, its window and its widget
    for (const auto& n : nodes) {
      if (n.text.w <= 0) continue;
      if (!inside(n.text, screen, !n.scrolls)) add(app, where, quote(n) + " words " + fmt(n.text) + " outside the screen");
      else if (!inside(n.text, n.clip, !n.scrolls)) add(app, where, quote(n) + " words " + fmt(n.text) + " outside its window " + fmt(n.clip));
      else if (n.interactive() && !inside(n.text, n.rect, true))
        add(app, where, quote(n) + " words " + fmt(n.text) + " outside its widget " + fmt(n.rect));
    }
    // 2. no two widgets on top of each other: what shows of them on screen;
    // in the same scrolling window, anywhere on the page (content coordinates)
    std::vector<const ui::A11yNode*> widgets;
    for (const auto& n : nodes)
      if (n.interactive()) widgets.push_back(&n);
    for (size_t i = 0; i < widgets.size(); ++i)
      for (size_t j = i + 1; j < widgets.size(); ++j) {
        const ui::A11yNode &a = *widgets[i], &b = *widgets[j];
        ui::Rect o;
        if (a.region == b.region && same(a.clip, b.clip) && a.scrolls) o = intersect(a.rect, b.rect);
        else o = intersect(intersect(a.rect, a.clip), intersect(b.rect, b.clip));
        if (o.w > kSlack && o.h > kSlack)
          add(app, where, quote(a) + " " + fmt(a.rect) + " and " + quote(b) + " " + fmt(b.rect) + " overlap");
      }
    // 3. the navigation bar: at most 20% of the screen's height
    if (ImGuiWindow* bar = ImGui::FindWindowByName("##navbar"); bar && bar->Active && app.overlay().empty()) {
      if (bar->Size.y > static_cast<float>(s.h) * 0.2f + 0.5f)
        add(app, where, "the navigation bar is " + std::to_string(static_cast<int>(bar->Size.y)) + " px, " +
                            std::to_string(static_cast<int>(bar->Size.y * 100 / static_cast<float>(s.h))) + "% of the screen");
    }
    // 4. on-screen letter keys: no smaller with large text than with normal
    // text; the keys with words (Space, Clear, Delete) at least two letters wide
    const std::string& loc = app.session().prefs.locale;
    // a letter is one character (ñ and á are two bytes); "Go" and "Ir" are words
    auto one_character = [](const std::string& l) {
      return !l.empty() && std::count_if(l.begin(), l.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) == 1;
    };
    float letter_w = 0;
    for (const auto& n : nodes)
      if (n.role == ui::Role::Key && one_character(n.label)) letter_w = std::max(letter_w, n.rect.w);
    for (const auto& n : nodes) {
      if (n.role != ui::Role::Key) continue;
      if (!one_character(n.label)) {  // a word, not a letter
        if (n.rect.w < letter_w * 2 - 1) add(app, where, "key " + quote(n) + " is " + fmt(n.rect) + ", under two letters wide");
        continue;
      }
      if (!app.session().prefs.large_text) {
        auto& r = keys_normal[loc][n.label];
        if (r.w <= 0 || n.rect.w < r.w) r = n.rect;  // the smallest it is anywhere
      } else if (auto it = keys_normal[loc].find(n.label); it != keys_normal[loc].end()) {
        if (n.rect.w < it->second.w - 1 || n.rect.h < it->second.h - 1)
          add(app, where, "key " + quote(n) + " is " + fmt(n.rect) + " with large text, " + fmt(it->second) + " without");
      }
    }
    // 5. a screen that is a list shows at least two of its rows as it opens
    // (a list at the end of a long answer is reached by scrolling)
    static const std::set<std::string> kLists = {"offices", "topic", "guides", "kids", "search", "which"};
    const std::string param = app.session().nav.top().id;
    bool list_screen = kLists.count(app.screen()) && !(app.screen() == "which" && param.rfind("r-", 0) == 0);
    // a search that found nothing says so first, then offers the call center and the topics
    const std::string none = app.catalog().format(app.session().prefs.locale, "search.none.title");
    for (const auto& n : nodes) list_screen = list_screen && !(app.screen() == "search" && n.label == none);
    // so do offices when the typed letters match none: the call center first, then every office
    const std::string no_office =
        app.catalog().format(app.session().prefs.locale, "offices.none", {{"town", app.session().office_town}});
    bool offices_none = false;
    for (const auto& n : nodes) offices_none = offices_none || (app.screen() == "offices" && n.label == no_office);
    list_screen = list_screen && !offices_none;
    size_t rows = 0, shown = 0;
    for (const auto& n : nodes) {
      if (n.role != ui::Role::Row || n.region != "") continue;
      ++rows;
      const ui::Rect v = intersect(n.rect, n.clip);
      if (v.h * 2 >= n.rect.h) ++shown;
    }
    if (list_screen && app.overlay().empty() && rows >= 2 && shown < 2) add(app, where, std::to_string(rows) + " rows, " + std::to_string(shown) + " of them in view");
    // offices: two offices in view, not only what is above them
    if (model && app.screen() == "offices" && app.overlay().empty() && !offices_none) {
      std::set<std::string> names;
      for (const auto& o : model->offices) names.insert(o.name);
      size_t offices = 0, in_view = 0;
      for (const auto& n : nodes)
        if (n.role == ui::Role::Row && names.count(n.label)) {
          ++offices;
          if (intersect(n.rect, n.clip).h * 2 >= n.rect.h) ++in_view;
        }
      if (offices >= 2 && in_view < 2) add(app, where, std::to_string(in_view) + " of " + std::to_string(offices) + " offices in view");
    }
    // 6. a guide step (and its introduction) shows the start of its words, not only its title
    if (model && app.screen() == "guide" && app.overlay().empty()) {
      const session::Route& r = app.session().nav.top();
      const content::Guide* g = model->guide(r.id);
      if (g && r.step != session::kGuideEnd) {
        const size_t i = static_cast<size_t>(r.step);
        const std::string heading = i == 0 ? g->title : i <= g->steps.size() ? g->steps[i - 1].title : "";
        bool after_title = false, seen = false;
        for (const auto& n : nodes) {
          if (n.role == ui::Role::Heading && !heading.empty() && n.label == heading) after_title = true;
          else if (after_title && n.role == ui::Role::Text) {
            // its first line (or all of it, when shorter) in view
            seen = n.rect.y >= n.clip.y - kSlack && n.rect.y + std::min(n.rect.h, 40.0f) <= n.clip.y + n.clip.h + kSlack;
            break;
          }
        }
        if (!seen) add(app, where, "the step's words are not in view");
      }
    }
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
      if (w->Active && (w->ScrollbarY || w->ScrollbarX)) add(app, where, std::string("window ") + w->Name + " shows a scrollbar");
  }
};

void type(Headless& k, const std::string& text) {
  platform::InputEvent ev{platform::InputEvent::Type::Text};
  ev.text = text;
  k.input(ev);
}

// Interactive nodes a crawl follows: places, not settings (the bar, keys,
// filter chips and tick boxes are checked where they are, not followed).
std::vector<size_t> followable(const app::App& app) {
  std::vector<size_t> out;
  size_t i = 0;
  for (const auto& n : app.tree().nodes()) {
    if (!n.interactive() || !n.enabled) continue;
    if (n.role != ui::Role::Key && n.role != ui::Role::Toggle && n.role != ui::Role::Checkbox && n.region == "") out.push_back(i);
    ++i;
  }
  return out;
}

// One locale and text size at one screen size: the crawl, then the dialogs.
// expand_per_kind / follow_per_place bound the slice (0: no bound).
void crawl(Checker& ck, const std::string& locale, bool large, size_t expand_per_kind, size_t follow_per_place) {
  auto store = content::Store::open(real_db(), nullptr);
  auto model = content::load_model(*store, locale);
  Headless k(ck.s.w, ck.s.h, real_db(), [](app::Settings& st) { st.display_dpi_auto = true; });
  k.start();
  // the first key on home may offer audio (EZ Access) instead of moving focus
  k.key(platform::Key::Home);
  const Words en = words(k.app->catalog(), "en");
  const Words w = words(k.app->catalog(), locale);
  if (locale != "en") {
    REQUIRE(activate_bar(k, en.language));
    activate(k, w.self);
  }
  REQUIRE(k.app->session().prefs.locale == locale);
  if (large) {
    REQUIRE(activate_bar(k, w.accessibility));
    activate(k, w.larger);
    k.key(platform::Key::Escape);
    REQUIRE(k.app->session().prefs.large_text);
  }
  const content::Model* m = model.get();
  std::map<std::string, std::vector<size_t>> path{{"home", {}}};
  std::map<std::string, size_t> expanded;
  std::deque<std::string> todo{"home"};
  auto go = [&](const std::vector<size_t>& steps) {
    k.key(platform::Key::Home);
    for (size_t st : steps) activate(k, st);
  };
  auto dialogs = [&](const std::string& where) {
    for (const std::string& word : {w.language, w.accessibility, w.help, w.more}) {
      if (!activate_bar(k, word)) continue;  // More: only where the bar has it
      REQUIRE(!k.app->overlay().empty());
      ck.check(*k.app, where + " dialog " + word, m);
      k.key(platform::Key::Escape);
    }
  };
  ck.check(*k.app, "home", m);
  dialogs("home");
  while (!todo.empty()) {
    const std::string place = todo.front();
    todo.pop_front();
    if (expand_per_kind && expanded[kind_of(place)] >= expand_per_kind) continue;
    ++expanded[kind_of(place)];
    go(path[place]);
    REQUIRE(route_of(*k.app) == place);
    // what a visitor types, on the screens with a keyboard
    const std::string scr = k.app->screen();
    if (scr == "search" || scr == "offices") {
      for (const char* typed : {scr == "search" ? "jail" : "new", "zzqq"}) {
        type(k, typed);
        ck.check(*k.app, place + " typed " + typed, m);
        for (size_t i = 0; i < std::string(typed).size(); ++i) k.key(platform::Key::Backspace);
      }
    }
    auto links = followable(*k.app);
    if (follow_per_place && links.size() > follow_per_place) {
      // the first ones and the last one (a list's end is where things pile up)
      const size_t last = links.back();
      links.resize(follow_per_place - 1);
      links.push_back(last);
    }
    for (size_t idx : links) {
      if (route_of(*k.app) != place) go(path[place]);
      activate(k, idx);
      const std::string to = route_of(*k.app);
      if (to == place || path.count(to)) continue;
      auto p = path[place];
      p.push_back(idx);
      path[to] = p;
      todo.push_back(to);
      ck.check(*k.app, to, m);
      k.key(platform::Key::Escape);  // Back, to the same place and scroll
    }
  }
  // the dialogs over a screen deep in, and the idle warning
  go(path.count("offices") ? path["offices"] : std::vector<size_t>{});
  dialogs(route_of(*k.app));
  k.clock.advance(91'000);
  settle(*k.app);
  REQUIRE(k.app->overlay() == "idle-warning");
  ck.check(*k.app, route_of(*k.app), m);
  k.key(platform::Key::Enter);
  INFO(locale << (large ? " large" : "") << ": " << path.size() << " places");
  REQUIRE(path.size() > 10);
}

// Every shipped language beside English and Spanish: a smaller slice in CI
// (the full crawl runs them all).
const char* const kOtherLocales[] = {"pt", "pl", "ht", "zh", "vi", "ar"};

void run(size_t expand_per_kind, size_t follow_per_place, std::vector<Size> sizes, bool others_sliced = true) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> problems;
  size_t checks = 0;
  for (const Size& s : sizes) {
    Checker ck{s};
    // normal text first: the keys' sizes at large text are compared with it
    for (bool large : {false, true})
    {
      for (const char* locale : {"en", "es"}) crawl(ck, locale, large, expand_per_kind, follow_per_place);
      for (const char* locale : kOtherLocales)
        if (others_sliced) crawl(ck, locale, large, 1, 2);
        else crawl(ck, locale, large, expand_per_kind, follow_per_place);
    }
    problems.insert(problems.end(), ck.problems.begin(), ck.problems.end());
    checks += ck.checks;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  WARN(checks << " screens checked in " << secs << " s");
  // every problem in a file beside the build, the first ones here
  std::ofstream(KIOSK_BINARY_DIR "/layout-problems-" + std::to_string(sizes.front().w) + ".txt") << [&] {
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    return all;
  }();
  std::string first;
  for (size_t i = 0; i < problems.size() && i < 80; ++i) first += problems[i] + "\n";
  INFO(problems.size() << " problems:\n" << first);
  CHECK(problems.empty());
}
}  // namespace

TEST_CASE("larger text that fits: a crawl over every kind of place, every language, both text sizes, three screens",
          "[ui][layout]") {
  run(2, 4, {kSizes[0], kSizes[1]});
}

// 720p, where large text has the least room: the keyboard beside the
// offices and search, the bar behind More.
TEST_CASE("larger text that fits at 1280x720", "[ui][layout]") {
  run(2, 4, {kSizes[2]});
}

TEST_CASE("larger text that fits: the full crawl, every link of every place", "[.][layout-full]") {
  run(0, 0, {kSizes[0], kSizes[1]});
}

TEST_CASE("larger text that fits at 1280x720: the full crawl, every link of every place", "[.][layout-full]") {
  run(0, 0, {kSizes[2]});
}

// Every link of every place in all eight languages (about 4 times the full
// crawl): its own command, `ui_tests "[layout-every-language]"` (README).
TEST_CASE("larger text that fits: the full crawl in every language, three screens", "[.][layout-every-language]") {
  run(0, 0, {kSizes[0], kSizes[1], kSizes[2]}, false);
}
