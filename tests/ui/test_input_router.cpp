// The input router alone, with no SDL and no ImGui: a finger's burst of
// moves, a tap, a long press and keys, as the frames take them.
#include <catch2/catch.hpp>

#include "app/input_router.h"

using namespace kiosk;
using T = platform::InputEvent::Type;

namespace {
platform::InputEvent at(T type, float x, float y) { return {type, x, y}; }
}  // namespace

TEST_CASE("a drag's burst of moves is one frame, and a tap lifts where the finger was", "[input-router]") {
  platform::ManualClock clock;
  app::InputRouter r(clock);
  r.push(at(T::PointerDown, 100, 500));
  REQUIRE(r.take_frame().empty());  // the press first moves the pointer there
  REQUIRE(r.pointer_for_frame().down == false);
  REQUIRE(r.take_frame().empty());  // then the press
  REQUIRE(r.pointer_for_frame().down);
  for (int i = 1; i <= 40; ++i) r.push(at(T::PointerMove, 100, 500.0f - static_cast<float>(i) * 10));
  r.push(at(T::PointerUp, 100, 100));
  REQUIRE(r.take_frame().empty());  // all 40 moves in one frame, the lift waits for the next
  const app::PointerFrame moved = r.pointer_for_frame();
  REQUIRE(moved.y == 100);
  REQUIRE(moved.down);
  const auto lift = r.take_frame();
  REQUIRE(lift.size() == 1);
  REQUIRE(lift[0].kind == app::FrameInput::Kind::Tap);
  REQUIRE(r.pointer_for_frame().on_screen);  // kept two frames for ImGui to see the release
  REQUIRE(r.settling());
  REQUIRE(r.pointer_for_frame().on_screen);
  REQUIRE_FALSE(r.pointer_for_frame().on_screen);
  REQUIRE_FALSE(r.settling());
}

TEST_CASE("a press held 3 seconds chooses nothing, and keys and text come through in order", "[input-router]") {
  platform::ManualClock clock;
  app::InputRouter r(clock);
  r.push(at(T::PointerDown, 10, 10));
  r.take_frame(); r.pointer_for_frame();
  r.take_frame(); r.pointer_for_frame();
  clock.advance(app::kLongPressMs);
  r.push(at(T::PointerUp, 10, 10));
  REQUIRE(r.take_frame().empty());  // no tap
  REQUIRE_FALSE(r.pointer_for_frame().on_screen);
  platform::InputEvent key{T::Key};
  key.key = platform::Key::Down;
  platform::InputEvent text{T::Text};
  text.text = "ł";
  r.push(key);
  r.push(text);
  const auto got = r.take_frame();
  REQUIRE(got.size() == 2);
  REQUIRE(got[0].key == platform::Key::Down);
  REQUIRE(got[1].text == "ł");
  r.push(at(T::PointerDown, 5, 5));
  r.clear();  // a new visitor
  REQUIRE_FALSE(r.pending());
  REQUIRE_FALSE(r.down());
}
