// Real input: a touch panel's burst of moves, fingers as SDL reports them,
// long presses and second fingers.
#include <SDL.h>

#include "headless.h"
#include "platform/input.h"

using namespace test;
using T = platform::InputEvent::Type;

namespace {
SDL_Event finger(Uint32 type, SDL_FingerID id, float x, float y) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.fingerId = id;
  e.tfinger.x = x;
  e.tfinger.y = y;
  return e;
}

std::optional<T> type_of(platform::Translator& tr, const SDL_Event& e) {
  auto ev = tr(e);
  return ev ? std::optional<T>(ev->type) : std::nullopt;
}

// Frames until the app has taken every queued event and rests.
int frames_to_rest(app::App& app) {
  int n = 0;
  app.tick();
  while (app.wants_frame() && n < 2000) {
    app.frame();
    app.tick();
    ++n;
  }
  return n;
}

const ui::A11yNode* first_row(const app::App& app, float below) {
  for (const auto& n : app.tree().nodes())
    if (n.role == ui::Role::Row && n.rect.y > below && n.visible()) return &n;
  return nullptr;
}
}  // namespace

TEST_CASE("fingers: the first is the pointer, a second cancels it, SDL's mouse copies are ignored", "[ui][input]") {
  platform::Translator tr;
  REQUIRE(type_of(tr, finger(SDL_FINGERDOWN, 7, 0.5f, 0.5f)) == T::PointerDown);
  REQUIRE(type_of(tr, finger(SDL_FINGERMOTION, 7, 0.5f, 0.4f)) == T::PointerMove);
  // a second finger (a pinch, a palm): the first one's press chooses nothing
  REQUIRE(type_of(tr, finger(SDL_FINGERDOWN, 8, 0.7f, 0.5f)) == T::PointerCancel);
  REQUIRE_FALSE(type_of(tr, finger(SDL_FINGERMOTION, 8, 0.8f, 0.5f)));
  REQUIRE_FALSE(type_of(tr, finger(SDL_FINGERMOTION, 7, 0.4f, 0.5f)));
  REQUIRE_FALSE(type_of(tr, finger(SDL_FINGERUP, 7, 0.4f, 0.5f)));
  REQUIRE_FALSE(type_of(tr, finger(SDL_FINGERUP, 8, 0.8f, 0.5f)));
  // all fingers up: the next touch is a pointer again
  REQUIRE(type_of(tr, finger(SDL_FINGERDOWN, 9, 0.2f, 0.2f)) == T::PointerDown);
  REQUIRE_FALSE(type_of(tr, finger(SDL_FINGERDOWN, 10, 0.3f, 0.3f)) == T::PointerDown);
  SDL_Event m{};
  m.type = SDL_MOUSEBUTTONDOWN;
  m.button.button = SDL_BUTTON_LEFT;
  m.button.which = SDL_TOUCH_MOUSEID;  // SDL's mouse copy of a touch
  REQUIRE_FALSE(tr(m));
  m.button.which = 0;  // a real mouse
  REQUIRE(type_of(tr, m) == T::PointerDown);
}

TEST_CASE("a burst of 300 moves ends on screen within a frame of the release", "[ui][input]") {
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Offices");
  REQUIRE(k.app->screen() == "offices");
  const ui::A11yNode* row = first_row(*k.app, 560);
  REQUIRE(row);
  const std::string label = row->label;
  const float row_y = row->rect.y;
  // the same row after the drag: by its place in the tree (two offices may share a name)
  const size_t row_index = static_cast<size_t>(row - k.app->tree().nodes().data());
  // a touch panel at 100 Hz while frames are slow: everything is queued
  // before the next frame is drawn
  const float x = 500, y0 = 950, y1 = 650;
  k.app->handle({T::PointerDown, x, y0});
  for (int i = 0; i < 2; ++i) k.app->frame();  // the pointer goes there, then down
  REQUIRE(k.app->pointer_down());
  for (int i = 1; i <= 300; ++i) {
    k.clock.advance(10);
    k.app->handle({T::PointerMove, x, y0 + (y1 - y0) * static_cast<float>(i) / 300.0f});
  }
  k.app->frame();  // every queued move in one frame
  REQUIRE(k.app->pointer_y() == y1);
  for (int i = 0; i < 3; ++i) {  // the finger rests, then lifts
    k.clock.advance(100);
    k.app->frame();
  }
  k.app->handle({T::PointerUp, x, y1});
  k.app->frame();
  REQUIRE_FALSE(k.app->pointer_down());  // the release is in the very next frame
  frames_to_rest(*k.app);
  // the list moved with the finger: the row is 300 px higher
  REQUIRE(row_index < k.app->tree().nodes().size());
  const ui::A11yNode* moved = &k.app->tree().nodes()[row_index];
  REQUIRE(moved->label == label);
  CHECK(moved->rect.y == Approx(row_y - (y0 - y1)).margin(4));
  // a tap now opens the row under the finger now
  const ui::A11yNode* under = first_row(*k.app, 560);
  REQUIRE(under);
  const std::string now_label = under->label;
  tap(*k.app, now_label);
  CHECK(k.app->screen() == "office");
}

TEST_CASE("a long press and a cancelled press choose nothing, a slow tap still does", "[ui][input]") {
  Headless k(1920, 1080, real_db());
  k.start();
  const ui::A11yNode* tile = k.app->tree().find("Offices");
  REQUIRE(tile);
  const float x = tile->rect.cx(), y = tile->rect.cy();
  SECTION("a hand resting on a tile for 4 seconds") {
    k.app->handle({T::PointerDown, x, y});
    frames_to_rest(*k.app);
    for (int i = 0; i < 40; ++i) { k.clock.advance(100); k.app->frame(); }
    k.input({T::PointerUp, x, y});
    CHECK(k.app->screen() == "home");
  }
  SECTION("a second finger lands while the first is on the tile") {
    k.app->handle({T::PointerDown, x, y});
    frames_to_rest(*k.app);
    k.input({T::PointerCancel, x + 200, y});
    CHECK(k.app->screen() == "home");
  }
  SECTION("a slow tap of 2 seconds") {
    k.app->handle({T::PointerDown, x, y});
    frames_to_rest(*k.app);
    for (int i = 0; i < 20; ++i) { k.clock.advance(100); k.app->frame(); }
    k.input({T::PointerUp, x, y});
    CHECK(k.app->screen() == "offices");
  }
}

TEST_CASE("the staff chord is left Ctrl + left Alt + S, never AltGr typing a letter", "[ui][input][staff]") {
  auto press = [](SDL_Keycode code, Uint16 mod) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = code;
    e.key.keysym.mod = mod;
    auto ev = platform::translate(e);
    return ev ? ev->key : platform::Key::None;
  };
  CHECK(press(SDLK_s, KMOD_LCTRL | KMOD_LALT) == platform::Key::StaffChord);
  // right Ctrl + AltGr + S, AltGr + S (ś on a Polish keyboard), Mode + S: letters, not the chord
  CHECK(press(SDLK_s, KMOD_RCTRL | KMOD_RALT) == platform::Key::None);
  CHECK(press(SDLK_s, KMOD_LCTRL | KMOD_RALT) == platform::Key::None);
  CHECK(press(SDLK_s, KMOD_RCTRL | KMOD_LALT) == platform::Key::None);
  CHECK(press(SDLK_s, KMOD_LCTRL | KMOD_LALT | KMOD_MODE) == platform::Key::None);
  CHECK(press(SDLK_s, KMOD_LCTRL | KMOD_LALT | KMOD_RALT) == platform::Key::None);
  CHECK(press(SDLK_s, KMOD_LCTRL) == platform::Key::None);
  CHECK(press(SDLK_s, 0) == platform::Key::None);
}
