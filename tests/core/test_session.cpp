// Session layer: idle/timeout state machine, navigation stack, reset.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "session/idle.h"
#include "session/nav.h"
#include "session/session.h"

using namespace kiosk::session;

TEST_CASE("idle machine warns after the quiet time and resets after the countdown", "[session]") {
  IdleTimer t(90'000, 30'000);
  REQUIRE(t.state() == IdleState::Attract);
  REQUIRE(t.tick(0) == IdleEvent::None);  // nothing happens on the attract screen
  t.on_input(1'000);
  REQUIRE(t.state() == IdleState::Active);
  REQUIRE(t.tick(90'999) == IdleEvent::None);
  REQUIRE(t.ms_to_next_deadline(1'000) == 90'000);

  SECTION("no answer means a reset") {
    REQUIRE(t.tick(91'000) == IdleEvent::ShowWarning);
    REQUIRE(t.state() == IdleState::Warning);
    REQUIRE(t.seconds_left(91'000) == 30);
    REQUIRE(t.seconds_left(100'500) == 21);
    REQUIRE(t.tick(120'999) == IdleEvent::None);
    REQUIRE(t.tick(121'000) == IdleEvent::Reset);
    REQUIRE(t.state() == IdleState::Attract);
  }
  SECTION("more time, again and again") {
    for (int i = 0; i < 5; ++i) {
      int64_t base = 1'000 + i * 100'000;
      REQUIRE(t.tick(base + 90'000) == IdleEvent::ShowWarning);
      t.more_time(base + 100'000);
      REQUIRE(t.state() == IdleState::Active);
    }
  }
  SECTION("a touch elsewhere does not silently answer the warning") {
    REQUIRE(t.tick(91'000) == IdleEvent::ShowWarning);
    t.on_input(95'000);
    REQUIRE(t.state() == IdleState::Warning);
  }
  SECTION("a clock jump past both deadlines resets at once") {
    REQUIRE(t.tick(1'000 + 180'000) == IdleEvent::Reset);
  }
  SECTION("input keeps the session alive") {
    t.on_input(80'000);
    REQUIRE(t.tick(91'000) == IdleEvent::None);
    REQUIRE(t.tick(170'000) == IdleEvent::ShowWarning);
  }
}

TEST_CASE("navigation stack", "[session]") {
  NavStack nav({ScreenId::Home});
  REQUIRE_FALSE(nav.pop());
  nav.push({ScreenId::Answer, "apply-how"});
  nav.push({ScreenId::Answer, "apply-how"});  // double tap
  REQUIRE(nav.depth() == 2);
  nav.push({ScreenId::Guide, "review", 2});
  nav.push({ScreenId::Guide, "review", 3});  // the next step is a new place
  REQUIRE(nav.depth() == 4);
  REQUIRE(route_text(nav.top()) == "guide/review:3");
  REQUIRE(nav.pop());
  REQUIRE(nav.pop());
  REQUIRE(nav.top() == Route{ScreenId::Answer, "apply-how"});
  nav.reset({ScreenId::Home});
  REQUIRE(nav.depth() == 1);
  REQUIRE(nav.top().screen == ScreenId::Home);
}

TEST_CASE("a reset forgets everything about the visitor", "[session]") {
  Session s;
  s.reset("en");
  s.nav.push({ScreenId::Home});
  s.nav.push({ScreenId::Guide, "apply", 1});
  s.prefs.locale = "es";
  s.prefs.large_text = s.prefs.high_contrast = s.prefs.speech = true;
  s.prefs.volume = 100;
  s.search_text = "my case number 12345";
  s.ticked.insert("apply/1/0");
  s.show_help = true;
  REQUIRE_FALSE(s.at_rest());
  s.reset("en");
  REQUIRE(s.nav.depth() == 1);
  REQUIRE(s.nav.top().screen == ScreenId::Attract);
  REQUIRE(s.prefs == Preferences{});
  REQUIRE(s.search_text.empty());
  REQUIRE(s.ticked.empty());
  REQUIRE_FALSE(s.show_help);
  REQUIRE(s.at_rest());
}

TEST_CASE("every screen has one name, and the name finds it again", "[session]") {
  std::set<std::string> names;
  for (size_t i = 0; i < kScreenCount; ++i) {
    const auto id = static_cast<ScreenId>(i);
    const std::string name = screen_name(id);
    CHECK_FALSE(name.empty());
    CHECK(names.insert(name).second);
    CHECK(screen_from_name(name) == id);
  }
  CHECK_FALSE(screen_from_name("faq").has_value());
  CHECK(route_text({ScreenId::Guide, "review", 0}) == "guide/review:intro");
  CHECK(route_text({ScreenId::Guide, "review", kGuideEnd}) == "guide/review:end");
  CHECK(route_text({ScreenId::KidsPage, "visit"}) == "kids-page/visit");
}

TEST_CASE("a script's route is read back as the trace wrote it, and a wrong one is refused", "[session]") {
  for (const char* text : {"answer/apply-how", "guide/review:intro", "guide/review:3", "guide/review:end", "home", "offices/SES"}) {
    const std::string t = text;
    const size_t slash = t.find('/');
    const auto r = parse_route(t.substr(0, slash), slash == std::string::npos ? "" : t.substr(slash + 1));
    REQUIRE(r.has_value());
    CHECK(route_text(*r) == t);
  }
  CHECK_FALSE(parse_route("faq", "apply-how").has_value());
  CHECK_FALSE(parse_route("guide", "review:0").has_value());
  CHECK_FALSE(parse_route("guide", "review:two").has_value());
}
