// SDL event translation.
#include "platform/input.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <SDL.h>

namespace kiosk::platform {

namespace {
std::map<SDL_Keycode, Key>& extra_bindings() {
  static std::map<SDL_Keycode, Key> m;
  return m;
}
}  // namespace

std::vector<std::string> add_key_bindings(const std::vector<std::pair<std::string, std::string>>& name_action) {
  std::vector<std::string> bad;
  for (const auto& [name, action] : name_action) {
    SDL_Keycode code = SDL_GetKeyFromName(name.c_str());
    Key k = action == "back" ? Key::Escape : key_from_name(action);
    if (code == SDLK_UNKNOWN || k == Key::None) bad.push_back(name + " = " + action);
    else extra_bindings()[code] = k;
  }
  return bad;
}

std::optional<InputEvent> translate(const SDL_Event& e, int w, int h) {
  InputEvent ev;
  switch (e.type) {
    case SDL_QUIT: ev.type = InputEvent::Type::Quit; return ev;
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
      ev.type = InputEvent::Type::PointerDown; ev.x = (float)e.button.x; ev.y = (float)e.button.y; return ev;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
      ev.type = InputEvent::Type::PointerUp; ev.x = (float)e.button.x; ev.y = (float)e.button.y; return ev;
    case SDL_MOUSEMOTION:
      if (!(e.motion.state & SDL_BUTTON_LMASK)) return std::nullopt;  // no hover on a touch kiosk
      ev.type = InputEvent::Type::PointerMove; ev.x = (float)e.motion.x; ev.y = (float)e.motion.y; return ev;
    // SDL also synthesizes mouse events from touches (SDL_HINT_TOUCH_MOUSE_EVENTS,
    // on by default), so touch arrives above; raw finger events are ignored to
    // avoid double taps.
    case SDL_TEXTINPUT: ev.type = InputEvent::Type::Text; ev.text = e.text.text; return ev;
    case SDL_KEYDOWN: {
      bool shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
      bool ctrl_alt = (e.key.keysym.mod & KMOD_CTRL) && (e.key.keysym.mod & KMOD_ALT);
      ev.type = InputEvent::Type::Key;
      if (auto it = extra_bindings().find(e.key.keysym.sym); it != extra_bindings().end()) {
        ev.key = it->second;
        return ev;
      }
      switch (e.key.keysym.sym) {
        case SDLK_UP: case SDLK_KP_8: ev.key = Key::Up; break;
        case SDLK_DOWN: case SDLK_KP_2: ev.key = Key::Down; break;
        case SDLK_LEFT: case SDLK_KP_4: ev.key = Key::Left; break;
        case SDLK_RIGHT: case SDLK_KP_6: ev.key = Key::Right; break;
        case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_KP_5: ev.key = Key::Enter; break;
        case SDLK_ESCAPE: case SDLK_AC_BACK: case SDLK_KP_0: ev.key = Key::Escape; break;
        case SDLK_TAB: ev.key = shift ? Key::ShiftTab : Key::Tab; break;
        case SDLK_BACKSPACE: ev.key = Key::Backspace; break;
        case SDLK_F1: case SDLK_HELP: case SDLK_KP_PERIOD: ev.key = Key::Help; break;
        case SDLK_HOME: ev.key = Key::Home; break;
        case SDLK_s: if (ctrl_alt) { ev.key = Key::StaffChord; break; } return std::nullopt;
        default: return std::nullopt;
      }
      return ev;
    }
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_CLOSE) { ev.type = InputEvent::Type::Quit; return ev; }
      ev.type = InputEvent::Type::Wake;
      return ev;
    case SDL_RENDER_DEVICE_RESET: case SDL_RENDER_TARGETS_RESET:
      ev.type = InputEvent::Type::Wake; return ev;
    case SDL_DISPLAYEVENT:
      // the screen was unplugged or switched off: the service starts us again on a working one
      if (e.display.event == SDL_DISPLAYEVENT_DISCONNECTED) { ev.type = InputEvent::Type::DisplayLost; return ev; }
      return std::nullopt;
    default: (void)w; (void)h; return std::nullopt;
  }
}

Key key_from_name(const std::string& name) {
  std::string n = name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "up") return Key::Up;
  if (n == "down") return Key::Down;
  if (n == "left") return Key::Left;
  if (n == "right") return Key::Right;
  if (n == "enter" || n == "return") return Key::Enter;
  if (n == "escape" || n == "esc" || n == "back") return Key::Escape;
  if (n == "tab") return Key::Tab;
  if (n == "shift+tab" || n == "shifttab") return Key::ShiftTab;
  if (n == "backspace") return Key::Backspace;
  if (n == "help" || n == "f1") return Key::Help;
  if (n == "home") return Key::Home;
  if (n == "ctrl+alt+s" || n == "staffchord") return Key::StaffChord;  // scripts; not offered in [keys]
  return Key::None;
}

const char* key_name(Key k) {
  switch (k) {
    case Key::Up: return "Up"; case Key::Down: return "Down"; case Key::Left: return "Left";
    case Key::Right: return "Right"; case Key::Enter: return "Enter"; case Key::Escape: return "Escape";
    case Key::Tab: return "Tab"; case Key::ShiftTab: return "Shift+Tab"; case Key::Backspace: return "Backspace";
    case Key::Help: return "Help"; case Key::Home: return "Home"; case Key::StaffChord: return "StaffChord";
    case Key::None: break;
  }
  return "None";
}

}  // namespace kiosk::platform
