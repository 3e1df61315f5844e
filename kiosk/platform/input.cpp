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

void reset_key_bindings() { extra_bindings().clear(); }

namespace {
// Window units to layout pixels: on a high-DPI Wayland output the renderer
// has more pixels than the window has units.
void to_pixels(Uint32 window_id, float* x, float* y) {
  SDL_Window* win = SDL_GetWindowFromID(window_id);
  SDL_Renderer* r = win ? SDL_GetRenderer(win) : nullptr;
  int ww = 0, wh = 0, pw = 0, ph = 0;
  if (!r) return;
  SDL_GetWindowSize(win, &ww, &wh);
  if (SDL_GetRendererOutputSize(r, &pw, &ph) != 0 || ww <= 0 || wh <= 0) return;
  *x *= static_cast<float>(pw) / static_cast<float>(ww);
  *y *= static_cast<float>(ph) / static_cast<float>(wh);
}

// Finger coordinates are 0..1 of the window: into layout pixels.
void finger_to_pixels(Uint32 window_id, float* x, float* y) {
  SDL_Window* win = SDL_GetWindowFromID(window_id);
  if (!win) win = SDL_GetKeyboardFocus();
  SDL_Renderer* r = win ? SDL_GetRenderer(win) : nullptr;
  int pw = 0, ph = 0;
  if (r && SDL_GetRendererOutputSize(r, &pw, &ph) == 0) {
    *x *= static_cast<float>(pw);
    *y *= static_cast<float>(ph);
  }
}

std::optional<InputEvent> pointer(InputEvent::Type t, float x, float y) {
  InputEvent ev;
  ev.type = t;
  ev.x = x;
  ev.y = y;
  return ev;
}
}  // namespace

std::optional<InputEvent> translate(const SDL_Event& e) { return Translator()(e); }

std::optional<InputEvent> Translator::operator()(const SDL_Event& e) {
  using T = InputEvent::Type;
  InputEvent ev;
  switch (e.type) {
    case SDL_QUIT: ev.type = T::Quit; return ev;
    case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: {
      if (e.button.button != SDL_BUTTON_LEFT || e.button.which == SDL_TOUCH_MOUSEID) return std::nullopt;
      float x = static_cast<float>(e.button.x), y = static_cast<float>(e.button.y);
      to_pixels(e.button.windowID, &x, &y);
      return pointer(e.type == SDL_MOUSEBUTTONDOWN ? T::PointerDown : T::PointerUp, x, y);
    }
    case SDL_MOUSEMOTION: {
      // no hover on a touch kiosk: only a held button moves the pointer
      if (!(e.motion.state & SDL_BUTTON_LMASK) || e.motion.which == SDL_TOUCH_MOUSEID) return std::nullopt;
      float x = static_cast<float>(e.motion.x), y = static_cast<float>(e.motion.y);
      to_pixels(e.motion.windowID, &x, &y);
      return pointer(T::PointerMove, x, y);
    }
    case SDL_FINGERDOWN: case SDL_FINGERMOTION: case SDL_FINGERUP: {
      float x = e.tfinger.x, y = e.tfinger.y;
      finger_to_pixels(e.tfinger.windowID, &x, &y);
      const bool mine = finger_down_ && e.tfinger.fingerId == finger_;
      if (e.type == SDL_FINGERDOWN) {
        if (!finger_down_) {
          finger_down_ = true;
          cancelled_ = false;
          finger_ = e.tfinger.fingerId;
          return pointer(T::PointerDown, x, y);
        }
        if (cancelled_) return std::nullopt;
        cancelled_ = true;  // a second finger: the first one's press chooses nothing
        return pointer(T::PointerCancel, x, y);
      }
      if (!mine) return std::nullopt;
      if (e.type == SDL_FINGERUP) {
        finger_down_ = false;
        return cancelled_ ? std::nullopt : pointer(T::PointerUp, x, y);
      }
      return cancelled_ ? std::nullopt : pointer(T::PointerMove, x, y);
    }
    case SDL_TEXTINPUT: ev.type = T::Text; ev.text = e.text.text; return ev;
    case SDL_KEYDOWN: {
      bool shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
      // the staff chord is left Ctrl + left Alt + S and nothing else: AltGr
      // (right Alt, or Mode) with S types a letter on many layouts (ś, ß), and
      // a right Ctrl held beside it must not turn that into the chord
      const Uint16 mod = e.key.keysym.mod;
      bool ctrl_alt = (mod & KMOD_LCTRL) && (mod & KMOD_LALT) && !(mod & (KMOD_RCTRL | KMOD_RALT | KMOD_MODE | KMOD_SHIFT | KMOD_GUI));
      ev.type = T::Key;
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
      if (e.window.event == SDL_WINDOWEVENT_CLOSE) { ev.type = T::Quit; return ev; }
      ev.type = T::Wake;
      return ev;
    case SDL_RENDER_DEVICE_RESET: case SDL_RENDER_TARGETS_RESET:
      ev.type = T::Wake; return ev;
    case SDL_DISPLAYEVENT:
      // the screen was unplugged or switched off: the service starts us again on a working one
      if (e.display.event == SDL_DISPLAYEVENT_DISCONNECTED) { ev.type = T::DisplayLost; return ev; }
      return std::nullopt;
    default: return std::nullopt;
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
