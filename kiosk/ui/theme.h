// Colours. Two themes (calm default, high contrast) plus the kids' corner's
// softer look, each a palette of named colours; and one table, per part of
// the screen (button styles, tiles, rows, chips, tick boxes, keys, dialogs...)
// and state (normal, pressed, focused, selected, disabled), of which palette
// colour each part draws with. ui.cpp draws from that table and the contrast
// test checks every entry of it in every theme.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

struct Color {
  uint8_t r, g, b, a = 255;
  bool operator==(const Color&) const = default;
};

// A palette. Themes are written with designated initializers (.text = ...),
// so a colour cannot slip into the wrong slot.
struct Theme {
  Color background;        // the page
  Color surface;           // cards, tiles, rows, keys, dialogs
  Color surface_pressed;   // a card under the finger; panels (the keyboard's)
  Color text;
  Color text_muted;        // second lines, hints
  Color accent;            // primary buttons, stripes, icons, selected chips
  Color accent_text;       // words on accent
  Color accent_pressed;    // a primary button under the finger (accent_text on it)
  Color focus;             // the keyboard focus ring
  Color bar;               // the navigation bar
  Color bar_text;
  Color bar_pressed;       // a bar button under the finger
  Color bar_pressed_text;  // its words then
  Color danger;            // "Start over"
  Color danger_text;
  Color danger_pressed;    // danger_text on it
  Color dialog_dim;        // over the screen behind a dialog
};

const Theme& theme(bool high_contrast);
const Theme& kids_theme();

// Parts of the screen that draw words on a colour of their own.
enum class Part { Button, Primary, Danger, Bar, Key, Tile, Row, Chip, Checkbox, Toggle, Field, Dialog, Page, Panel };
enum class State { Normal, Pressed, Focused, Selected, Disabled };
inline constexpr Part kParts[] = {Part::Button, Part::Primary, Part::Danger,   Part::Bar,    Part::Key,
                                  Part::Tile,   Part::Row,     Part::Chip,     Part::Checkbox, Part::Toggle,
                                  Part::Field,  Part::Dialog,  Part::Page,     Part::Panel};
inline constexpr State kStates[] = {State::Normal, State::Pressed, State::Focused, State::Selected, State::Disabled};
const char* name(Part p);
const char* name(State s);

// The colours a part draws with in one state.
struct Look {
  Color fill;       // its face
  Color text;       // its words
  Color subtext;    // its second line, a hint
  Color edge;       // its outline
  Color mark;       // what is drawn that is not words: stripe, arrow, icon, tick box, a switch's pill
  Color mark_text;  // words or the tick drawn on the mark (a switch's "On", a ticked box)
  Color behind;     // what the part sits on (the focus ring is drawn there)
  Color ring;       // the focus ring, when focused
};
Look look(const Theme& t, Part p, State s);

// WCAG relative-luminance contrast ratio of two colours (1..21).
double contrast_ratio(Color a, Color b);

struct TextPair {
  std::string name;
  Color fg, bg;
  bool text;  // words (4.5:1, 7:1 in high contrast); else a graphic or the focus ring (3:1)
};
// Every foreground/background pair of the look table for this theme: each
// part's words, second line and marks on its face in every state, and the
// focus ring on what the part sits on.
std::vector<TextPair> text_pairs(const Theme& t);

}  // namespace kiosk::ui
