// Input as the app sees it, whether it came from SDL or from a headless
// script: pointer (one finger or the mouse), keys of a keyboard or
// EZ-Access-style keypad, and typed text.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

union SDL_Event;

namespace kiosk::platform {

enum class Key { None, Up, Down, Left, Right, Enter, Escape, Tab, ShiftTab, Backspace, Help, Home, StaffChord };

struct InputEvent {
  // PointerCancel: the finger left without choosing anything (a second
  // finger came down); nothing under it is activated.
  enum class Type { PointerDown, PointerMove, PointerUp, PointerCancel, Key, Text, Quit, Wake, DisplayLost };
  Type type = Type::Wake;
  float x = 0, y = 0;  // window pixels, for pointer events
  Key key = Key::None;
  std::string text;    // UTF-8, for Text
};

// Turns SDL events into the kiosk's input. Stateful because of fingers: the
// first finger down is the pointer; any other finger is ignored, and a second
// finger while the first is down (a pinch, a palm) cancels the first one's
// press. SDL's mouse events synthesized from touches are ignored (the finger
// events are taken directly). Pointer coordinates come out in the pixels the
// kiosk lays out in (the renderer's output), whatever SDL's window units are.
class Translator {
public:
  std::optional<InputEvent> operator()(const SDL_Event& e);

private:
  long long finger_ = 0;     // SDL_FingerID of the pointer finger
  bool finger_down_ = false;
  bool cancelled_ = false;   // the pointer finger's press was cancelled
};

// One event with no finger state (keys, text, window events): for tests.
std::optional<InputEvent> translate(const SDL_Event& e);

// Adds keys by SDL name ("Keypad 8", "PageDown") for actions ("up", "down",
// "enter", "back", "help", "home"), as a kiosk's [keys] setting lists them.
// Returns the names SDL does not know or actions that do not exist.
std::vector<std::string> add_key_bindings(const std::vector<std::pair<std::string, std::string>>& name_action);
// Forgets every key add_key_bindings added: only the built-in keys are left
// (the bindings are process-wide; each test's kiosk starts from these).
void reset_key_bindings();

// "Up", "enter", "Escape"... -> Key (for scripts and the key map in config).
Key key_from_name(const std::string& name);
const char* key_name(Key k);

}  // namespace kiosk::platform
