// Theme colours and the contrast computation.
#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

const Theme& theme(bool high_contrast) {
  // Calm: deep blue text on warm off-white, a teal accent.
  static const Theme calm{
      {246, 244, 239}, {255, 255, 255}, {214, 228, 236}, {28, 37, 54}, {70, 78, 92}, {0, 92, 122},
      {255, 255, 255}, {0, 64, 86},     {214, 120, 0},   {28, 52, 84}, {255, 255, 255}, {158, 37, 37},
      {255, 255, 255}, {0, 0, 0, 150}};
  // High contrast: white on black, yellow accents.
  static const Theme contrast{
      {0, 0, 0},       {0, 0, 0},     {60, 60, 0},   {255, 255, 255}, {255, 255, 255}, {255, 230, 0},
      {0, 0, 0},       {200, 180, 0}, {0, 200, 255}, {0, 0, 0},       {255, 255, 0},   {255, 230, 0},
      {0, 0, 0},       {0, 0, 0, 200}};
  return high_contrast ? contrast : calm;
}

const Theme& kids_theme() {
  // Kids' corner: cream and soft purple, rounder and warmer, same contrast rules.
  static const Theme kids{
      {250, 243, 232}, {255, 255, 255}, {236, 228, 246}, {45, 40, 70},   {80, 72, 100},   {98, 70, 150},
      {255, 255, 255}, {70, 48, 112},   {214, 120, 0},   {28, 52, 84},   {255, 255, 255}, {158, 37, 37},
      {255, 255, 255}, {0, 0, 0, 150}};
  return kids;
}

namespace {
double lin(uint8_t c) {
  double s = c / 255.0;
  return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}
double luminance(Color c) { return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b); }
}  // namespace

double contrast_ratio(Color a, Color b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<TextPair> text_pairs(const Theme& t) {
  return {{"text on background", t.text, t.background},
          {"text on surface", t.text, t.surface},
          {"muted text on surface", t.text_muted, t.surface},
          {"muted text on background", t.text_muted, t.background},
          {"text on pressed surface", t.text, t.surface_pressed},
          {"accent text on accent", t.accent_text, t.accent},
          {"accent text on pressed accent", t.accent_text, t.accent_pressed},
          {"bar text on bar", t.bar_text, t.bar},
          {"danger text on danger", t.danger_text, t.danger}};
}

}  // namespace kiosk::ui
