// Input as the app sees it, whether it came from SDL or from a headless
// script: pointer (finger or mouse), keys of a keyboard or EZ-Access-style
// keypad, and typed text.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

union SDL_Event;

namespace kiosk::platform {

enum class Key { None, Up, Down, Left, Right, Enter, Escape, Tab, ShiftTab, Backspace, Help, Home, StaffChord };

struct InputEvent {
  enum class Type { PointerDown, PointerMove, PointerUp, Key, Text, Quit, Wake, DisplayLost };
  Type type = Type::Wake;
  float x = 0, y = 0;  // window pixels, for pointer events
  Key key = Key::None;
  std::string text;    // UTF-8, for Text
};

// Translates one SDL event; nullopt for events the kiosk ignores.
// Touch events carry normalized coordinates: w, h are the window size.
std::optional<InputEvent> translate(const SDL_Event& e, int w, int h);

// Adds keys by SDL name ("Keypad 8", "PageDown") for actions ("up", "down",
// "enter", "back", "help", "home"), as a kiosk's [keys] setting lists them.
// Returns the names SDL does not know or actions that do not exist.
std::vector<std::string> add_key_bindings(const std::vector<std::pair<std::string, std::string>>& name_action);

// "Up", "enter", "Escape"... -> Key (for scripts and the key map in config).
Key key_from_name(const std::string& name);
const char* key_name(Key k);

}  // namespace kiosk::platform
