// Colours and sizes. Two themes (calm default, high contrast) plus the kids'
// corner's softer look; every text/background pair is listed so the contrast
// test can check it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

struct Color {
  uint8_t r, g, b, a = 255;
  uint32_t abgr() const { return (uint32_t)a << 24 | (uint32_t)b << 16 | (uint32_t)g << 8 | r; }
};

struct Theme {
  Color background, surface, surface_pressed, text, text_muted, accent, accent_text, accent_pressed, focus, bar,
      bar_text, danger, danger_text, dialog_dim;
};

const Theme& theme(bool high_contrast);
const Theme& kids_theme();

// WCAG relative-luminance contrast ratio of two colours (1..21).
double contrast_ratio(Color a, Color b);

struct TextPair {
  std::string name;
  Color fg, bg;
};
// Every foreground/background pair the theme uses for text.
std::vector<TextPair> text_pairs(const Theme& t);

}  // namespace kiosk::ui
