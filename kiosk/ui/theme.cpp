// Theme palettes, the look table and the contrast computation.
#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

const Theme& theme(bool high_contrast) {
  // Calm: deep blue text on warm off-white, a teal accent.
  static const Theme calm{
      .background = {246, 244, 239},
      .surface = {255, 255, 255},
      .surface_pressed = {214, 228, 236},
      .text = {28, 37, 54},
      .text_muted = {70, 78, 92},
      .accent = {0, 92, 122},
      .accent_text = {255, 255, 255},
      .accent_pressed = {0, 64, 86},
      // dark enough to show on the page and on the keys' panel, light enough to show on the bar
      .focus = {200, 100, 0},
      .bar = {28, 52, 84},
      .bar_text = {255, 255, 255},
      .bar_pressed = {0, 64, 86},
      .bar_pressed_text = {255, 255, 255},
      .danger = {158, 37, 37},
      .danger_text = {255, 255, 255},
      .danger_pressed = {118, 24, 24},
      .dialog_dim = {0, 0, 0, 150},
  };
  // High contrast: white on black, yellow accents; a pressed bar button
  // turns yellow with black words.
  static const Theme contrast{
      .background = {0, 0, 0},
      .surface = {0, 0, 0},
      .surface_pressed = {60, 60, 0},
      .text = {255, 255, 255},
      .text_muted = {255, 255, 255},
      .accent = {255, 230, 0},
      .accent_text = {0, 0, 0},
      .accent_pressed = {200, 180, 0},
      .focus = {0, 200, 255},
      .bar = {0, 0, 0},
      .bar_text = {255, 255, 0},
      .bar_pressed = {255, 255, 0},
      .bar_pressed_text = {0, 0, 0},
      .danger = {255, 230, 0},
      .danger_text = {0, 0, 0},
      .danger_pressed = {200, 180, 0},
      .dialog_dim = {0, 0, 0, 200},
  };
  return high_contrast ? contrast : calm;
}

const Theme& kids_theme() {
  // Kids' corner: cream and soft purple, rounder and warmer, same contrast rules.
  static const Theme kids{
      .background = {250, 243, 232},
      .surface = {255, 255, 255},
      .surface_pressed = {236, 228, 246},
      .text = {45, 40, 70},
      .text_muted = {80, 72, 100},
      .accent = {98, 70, 150},
      .accent_text = {255, 255, 255},
      .accent_pressed = {70, 48, 112},
      .focus = {200, 100, 0},
      .bar = {28, 52, 84},
      .bar_text = {255, 255, 255},
      .bar_pressed = {70, 48, 112},
      .bar_pressed_text = {255, 255, 255},
      .danger = {158, 37, 37},
      .danger_text = {255, 255, 255},
      .danger_pressed = {118, 24, 24},
      .dialog_dim = {0, 0, 0, 150},
  };
  return kids;
}

namespace {
using C = Color Theme::*;
// Which palette colour each slot of a Look takes.
struct Spec {
  C fill, text, subtext, edge, mark, mark_text, behind;
};
// What a part's mark and the words on it are, for the contrast check.
enum class Use { None, Graphic, Words };
struct PartSpec {
  Part part;
  const char* name;
  Use mark, mark_text;
  Spec normal, pressed, selected, disabled;  // focused: normal, with the ring
};
using T = Theme;
// A card: words on the surface, an accent stripe, arrow, icon or box.
constexpr Spec kCard{&T::surface, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::background};
constexpr Spec kCardPressed{&T::surface_pressed, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::background};
constexpr Spec kOnAccent{&T::accent, &T::accent_text, &T::accent_text, &T::accent, &T::accent_text, &T::accent, &T::background};
constexpr Spec kDisabled{&T::surface, &T::text_muted, &T::text_muted, &T::text_muted, &T::text_muted, &T::surface, &T::background};

const PartSpec kTable[] = {
    {Part::Button, "button", Use::None, Use::None, kCard, kCardPressed, kOnAccent, kDisabled},
    {Part::Primary, "primary button", Use::None, Use::None, kOnAccent,
     {&T::accent_pressed, &T::accent_text, &T::accent_text, &T::accent_pressed, &T::accent_text, &T::accent_pressed, &T::background},
     kOnAccent, kDisabled},
    {Part::Danger, "danger button", Use::None, Use::None,
     {&T::danger, &T::danger_text, &T::danger_text, &T::danger, &T::danger_text, &T::danger, &T::bar},
     {&T::danger_pressed, &T::danger_text, &T::danger_text, &T::danger_pressed, &T::danger_text, &T::danger_pressed, &T::bar},
     {&T::danger, &T::danger_text, &T::danger_text, &T::danger, &T::danger_text, &T::danger, &T::bar},
     {&T::danger, &T::danger_text, &T::danger_text, &T::danger, &T::danger_text, &T::danger, &T::bar}},
    {Part::Bar, "bar button", Use::None, Use::None,
     {&T::bar, &T::bar_text, &T::bar_text, &T::bar_text, &T::bar_text, &T::bar, &T::bar},
     {&T::bar_pressed, &T::bar_pressed_text, &T::bar_pressed_text, &T::bar_pressed_text, &T::bar_pressed_text, &T::bar_pressed, &T::bar},
     {&T::bar_pressed, &T::bar_pressed_text, &T::bar_pressed_text, &T::bar_pressed_text, &T::bar_pressed_text, &T::bar_pressed, &T::bar},
     {&T::bar, &T::bar_text, &T::bar_text, &T::bar_text, &T::bar_text, &T::bar, &T::bar}},
    {Part::Key, "keyboard key", Use::None, Use::None,
     {&T::surface, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::surface_pressed, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::accent, &T::accent_text, &T::accent_text, &T::accent, &T::accent_text, &T::accent, &T::surface_pressed},
     {&T::surface, &T::text_muted, &T::text_muted, &T::text_muted, &T::text_muted, &T::surface, &T::surface_pressed}},
    {Part::Tile, "tile", Use::Graphic, Use::None, kCard, kCardPressed, kCard, kCard},
    {Part::Row, "row", Use::Graphic, Use::None, kCard, kCardPressed, kCard, kCard},
    {Part::Chip, "choice chip", Use::Graphic, Use::None, kCard, kCardPressed, kOnAccent, kDisabled},
    // the box and, ticked, the tick on it
    {Part::Checkbox, "tick box", Use::Graphic, Use::Graphic, kCard, kCardPressed, kCard, kCard},
    // off: the state's word on a pale pill; on: on the accent
    {Part::Toggle, "switch", Use::None, Use::Words,
     {&T::surface, &T::text, &T::text_muted, &T::accent, &T::surface_pressed, &T::text, &T::background},
     {&T::surface_pressed, &T::text, &T::text_muted, &T::accent, &T::surface_pressed, &T::text, &T::background},
     {&T::surface, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::background},
     {&T::surface, &T::text_muted, &T::text_muted, &T::text_muted, &T::surface_pressed, &T::text_muted, &T::background}},
    // the typing field: typed words, the hint, the caret (mark)
    {Part::Field, "text field", Use::Graphic, Use::None,
     {&T::surface, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::surface, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::surface, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::surface, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed}},
    {Part::Dialog, "dialog", Use::None, Use::None, kCard, kCard, kCard, kCard},
    // the page: headings, paragraphs, the round "more below" arrow (mark with its chevron)
    {Part::Page, "page", Use::Graphic, Use::Graphic,
     {&T::background, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::background},
     {&T::background, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::background},
     {&T::background, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::background},
     {&T::background, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::background}},
    // the keyboard's panel and footers
    {Part::Panel, "panel", Use::None, Use::None,
     {&T::surface_pressed, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::surface_pressed, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::surface_pressed, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed},
     {&T::surface_pressed, &T::text, &T::text_muted, &T::accent, &T::accent, &T::accent_text, &T::surface_pressed}},
};

const PartSpec& spec_of(Part p) {
  for (const auto& s : kTable)
    if (s.part == p) return s;
  return kTable[0];
}

const Spec& state_spec(const PartSpec& ps, State s) {
  switch (s) {
    case State::Pressed: return ps.pressed;
    case State::Selected: return ps.selected;
    case State::Disabled: return ps.disabled;
    case State::Normal: case State::Focused: break;
  }
  return ps.normal;
}

double lin(uint8_t c) {
  double s = c / 255.0;
  return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}
double luminance(Color c) { return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b); }
}  // namespace

const char* name(Part p) { return spec_of(p).name; }
const char* name(State s) {
  switch (s) {
    case State::Normal: return "normal";
    case State::Pressed: return "pressed";
    case State::Focused: return "focused";
    case State::Selected: return "selected";
    case State::Disabled: return "disabled";
  }
  return "";
}

Look look(const Theme& t, Part p, State s) {
  const Spec& sp = state_spec(spec_of(p), s);
  return {t.*sp.fill, t.*sp.text, t.*sp.subtext, t.*sp.edge, t.*sp.mark, t.*sp.mark_text, t.*sp.behind, t.focus};
}

double contrast_ratio(Color a, Color b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<TextPair> text_pairs(const Theme& t) {
  std::vector<TextPair> out;
  for (const auto& ps : kTable)
    for (State s : kStates) {
      const Look l = look(t, ps.part, s);
      const std::string where = std::string(ps.name) + ", " + name(s) + ": ";
      out.push_back({where + "words on its face", l.text, l.fill, true});
      out.push_back({where + "second line on its face", l.subtext, l.fill, true});
      if (ps.mark == Use::Graphic) out.push_back({where + "mark on its face", l.mark, l.fill, false});
      if (ps.mark_text != Use::None) out.push_back({where + "what is on the mark", l.mark_text, l.mark, ps.mark_text == Use::Words});
      if (s == State::Focused) out.push_back({where + "focus ring on what is behind it", l.ring, l.behind, false});
    }
  return out;
}

}  // namespace kiosk::ui
