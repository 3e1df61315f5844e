// The visitor's screens, driven through the accessibility tree on the real
// content: a crawl from home that reaches every office and guide and checks
// every widget's size on every screen it meets; every guide step by step;
// touch scrolling.
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "content/model.h"
#include "headless.h"

using namespace test;

namespace {
const float kMinPx = 12.0f / 25.4f * 92.0f - 0.5f;  // 12 mm at the default 92 DPI

std::string route_of(const app::App& app) {
  return session::route_text(app.session().nav.top());
}

// Interactive nodes a crawl follows: places, not settings. Not the navigation
// bar, the keyboard, filter chips or tick boxes (they change no place).
std::vector<size_t> followable(const app::App& app) {
  std::vector<size_t> out;
  size_t i = 0;
  for (const auto& n : app.tree().nodes()) {
    if (!n.interactive() || !n.enabled) continue;
    if (n.role != ui::Role::Key && n.role != ui::Role::Toggle && n.role != ui::Role::Checkbox && n.region != "nav") out.push_back(i);
    ++i;
  }
  return out;
}

void check_sizes(const app::App& app, const std::string& where) {
  for (const auto& n : app.tree().nodes()) {
    if (!n.interactive()) continue;
    INFO(where << ": \"" << n.label << "\" is " << n.rect.w << "x" << n.rect.h << " px");
    REQUIRE(n.rect.w >= kMinPx);
    REQUIRE(n.rect.h >= kMinPx);
  }
}
}  // namespace

TEST_CASE("from home, a crawl reaches every office, guide, answer and kids page, no widget anywhere is too small", "[ui][screens]") {
  const std::string locale = GENERATE(as<std::string>(), "en", "es");
  auto store = content::Store::open(real_db()).value;
  auto model = content::load_model(*store, locale);
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Headless k(w, h, real_db());
    k.start();
    if (locale != "en") {
      tap(*k.app, "Language · Español");
      tap(*k.app, locale == "es" ? "Español" : locale);
      REQUIRE(k.app->session().prefs.locale == locale);
    }
    // breadth first over places; a place is reached again by replaying the
    // focus indexes that led to it from home
    std::map<std::string, std::vector<size_t>> path{{"home", {}}};
    std::deque<std::string> todo{"home"};
    auto go = [&](const std::vector<size_t>& steps) {
      k.key(platform::Key::Home);
      for (size_t s : steps) activate(k, s);
    };
    while (!todo.empty()) {
      std::string place = todo.front();
      todo.pop_front();
      go(path[place]);
      std::string steps;
      for (size_t s_ : path[place]) steps += std::to_string(s_) + " ";
      INFO("replaying " << steps);
      if (route_of(*k.app) != place) {
        std::string labels;
        for (auto& n : k.app->tree().nodes()) labels += (n.focused ? "[F]" : "") + n.label + (n.interactive() ? "*" : "") + " | ";
        INFO(labels);
        INFO("town '" << k.app->session().office_town << "' search '" << k.app->session().search_text << "'");
        REQUIRE(route_of(*k.app) == place);
      }
      check_sizes(*k.app, locale + " " + std::to_string(w) + "x" + std::to_string(h) + " " + place);
      // where each place leads (each place is expanded once, so this ends)
      for (size_t idx : followable(*k.app)) {
        if (route_of(*k.app) != place) go(path[place]);
        activate(k, idx);
        std::string to = route_of(*k.app);
        if (!path.count(to)) {
          auto p = path[place];
          p.push_back(idx);
          path[to] = p;
          todo.push_back(to);
        }
      }
    }
    INFO(locale << " " << w << "x" << h << ": " << path.size() << " places reached");
    // staff mode is never reachable from a visitor's screens
    for (const auto& [place, steps] : path) REQUIRE(place.rfind("staff", 0) != 0);
    for (const auto& o : model->offices) {
      INFO("office " << o.id);
      REQUIRE(path.count("office/" + o.id));
    }
    for (const auto& f : model->faqs) {
      INFO("answer " << f.id);
      REQUIRE(path.count("answer/" + f.id));
    }
    for (const auto& p : model->kids) {
      INFO("kids page " << p.id);
      REQUIRE(path.count("kids-page/" + p.id));
    }
    for (const char* r : {"which/r-apply", "which/r-unsure", "which/r-review", "which/r-payment", "which/r-enforce", "which/r-cant-pay", "call"})
      REQUIRE(path.count(r));
    for (const auto& g : model->guides) {
      INFO("guide " << g.id);
      REQUIRE(path.count("guide/" + g.id + ":1"));
      REQUIRE(path.count("guide/" + g.id + ":end"));
    }
  }
}

TEST_CASE("every guide, step by step, ends with where to go and the checklist to take away", "[ui][screens]") {
  auto store = content::Store::open(real_db()).value;
  auto model = content::load_model(*store, "en");
  Headless k(1080, 1920, real_db());
  k.start();
  for (const auto& g : model->guides) {
    INFO("guide " << g.id);
    k.key(platform::Key::Home);
    tap(*k.app, "Step-by-step guides");
    activate(k, g.title);
    REQUIRE(route_of(*k.app) == "guide/" + g.id + ":intro");
    tap(*k.app, "Start");
    const size_t n = g.steps.size();
    for (size_t i = 1; i <= n; ++i) {
      REQUIRE(k.app->tree().find("Step " + std::to_string(i) + " of " + std::to_string(n)));
      REQUIRE(k.app->tree().find(g.steps[i - 1].title));
      if (!g.steps[i - 1].checklist.empty()) {
        // a tick lives for the session: it is still ticked after Next and Back
        tap(*k.app, g.steps[i - 1].checklist[0]);
        REQUIRE(k.app->tree().find(g.steps[i - 1].checklist[0])->selected);
      }
      tap(*k.app, i == n ? "Where to go" : "Next");
      if (i < n) {
        tap(*k.app, "Back");
        if (!g.steps[i - 1].checklist.empty()) REQUIRE(k.app->tree().find(g.steps[i - 1].checklist[0])->selected);
        tap(*k.app, "Next");
      }
    }
    REQUIRE(route_of(*k.app) == "guide/" + g.id + ":end");
    REQUIRE(k.app->tree().find("QR code with your checklist"));
    for (const auto& id : g.ends_at)
      if (const auto* line = model->contact(id)) REQUIRE(k.app->tree().find(line->phone));
  }
  // a new visitor starts with nothing ticked
  k.key(platform::Key::Home);
  tap(*k.app, "Start over");
  REQUIRE(k.app->session().ticked.empty());
}

TEST_CASE("a drag scrolls a list and opens nothing, a flick keeps going, a tap still taps", "[ui][screens][touch]") {
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Offices");
  // the first office row, followed by its id (it may scroll out of view)
  auto first_row = [&]() -> const ui::A11yNode* {
    for (const auto& n : k.app->tree().nodes())
      if (n.role == ui::Role::Row && n.label != "Which office handles my case?") return &n;
    return nullptr;
  };
  const ui::A11yNode* row = first_row();
  REQUIRE(row);
  REQUIRE(row->visible());
  const uint32_t id = row->id;
  auto y_of = [&] {
    for (const auto& n : k.app->tree().nodes())
      if (n.id == id) return n.rect.y;
    return -1e9f;
  };
  const float y0 = row->rect.y, x = row->rect.cx(), y = row->rect.cy();
  // a slow drag up by 300 px: the list follows the finger
  k.input({platform::InputEvent::Type::PointerDown, x, y});
  for (int i = 1; i <= 20; ++i) {
    k.clock.advance(50);
    k.input({platform::InputEvent::Type::PointerMove, x, y - 15.0f * static_cast<float>(i)});
  }
  k.clock.advance(400);  // the finger rests before lifting: no flick
  k.input({platform::InputEvent::Type::PointerMove, x, y - 300});
  k.input({platform::InputEvent::Type::PointerUp, x, y - 300});
  REQUIRE(k.app->screen() == "offices");  // nothing opened
  CHECK(y_of() == Approx(y0 - 300).margin(20));

  // a flick: fast, then let go while moving; the list keeps scrolling a while
  const float fx = x, fy = 800;
  k.input({platform::InputEvent::Type::PointerDown, fx, fy});
  for (int i = 1; i <= 5; ++i) {
    k.clock.advance(16);
    k.app->handle({platform::InputEvent::Type::PointerMove, fx, fy - 30.0f * static_cast<float>(i)});
    k.app->frame();
  }
  k.app->handle({platform::InputEvent::Type::PointerUp, fx, fy - 150});
  k.app->frame();
  k.app->frame();
  const float after_release = y_of();
  for (int i = 0; i < 120; ++i) { k.clock.advance(16); k.app->frame(); k.app->tick(); }
  REQUIRE(k.app->screen() == "offices");
  CHECK(y_of() < after_release - 50);  // momentum carried it further

  // a tap that wobbles by 2 px still opens the row under the finger
  k.key(platform::Key::Home);
  tap(*k.app, "Offices");
  const ui::A11yNode* r = first_row();
  REQUIRE(r);
  float tx = r->rect.cx(), ty = r->rect.cy();
  k.input({platform::InputEvent::Type::PointerDown, tx, ty});
  k.input({platform::InputEvent::Type::PointerMove, tx + 2, ty + 1});
  k.input({platform::InputEvent::Type::PointerUp, tx + 2, ty + 1});
  REQUIRE(k.app->screen() == "office");
}

TEST_CASE("the router table has every screen once, in ScreenId's order, and the home grid is its tiles", "[ui][screens]") {
  const auto& list = kiosk::screens::all_screens();
  REQUIRE(list.size() == kiosk::session::kScreenCount);
  for (size_t i = 0; i < list.size(); ++i) {
    const auto id = static_cast<kiosk::session::ScreenId>(i);
    CHECK(list[i].id == id);
    CHECK(&kiosk::screens::find_screen(id) == &list[i]);
  }
  // the home screen shows one tile per definition with a tile, in the table's order
  Headless k(1920, 1080, real_db());
  k.start();
  std::vector<std::string> shown;
  for (const auto& n : k.app->tree().nodes())
    if (n.interactive() && n.region != "nav") shown.push_back(n.label);
  size_t at = 0;
  for (const auto* def : kiosk::screens::home_tiles()) {
    const std::string title = k.app->catalog().format("en", def->home_tile);
    const auto it = std::find_if(shown.begin() + static_cast<long>(at), shown.end(),
                                 [&](const std::string& l) { return l.rfind(title, 0) == 0; });
    REQUIRE(it != shown.end());
    at = static_cast<size_t>(it - shown.begin()) + 1;
  }
}
