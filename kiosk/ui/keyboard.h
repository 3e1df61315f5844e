// The on-screen keyboard: letter rows come from the locale's catalog
// ("keyboard.rows", rows separated by "|"), so Spanish has ñ and its accented
// vowels and a new language brings its own letters. Every locale's rows start
// with the digits and have an apostrophe ("35 dollar fee", "can't pay"); the
// last row is Clear, Space, Delete and Search (`go`).
#pragma once
#include <string>

#include "ui/ui.h"

namespace kiosk::ui {

struct KeyboardLabels {
  std::string rows;        // "qwertyuiop|asdfghjkl|zxcvbnm"
  std::string space, erase, clear;
  std::string go;          // the Search key's word; empty: no Search key
  // The em the keys' sizes and gaps follow (0: ui.em): the normal text's, so
  // larger text makes the letters larger, never the keys smaller.
  float key_em = 0;
  // The gap between rows of keys, in that em (short screens: less, so the
  // keys keep their height).
  float row_gap = 0.3f;
};

// The height the keyboard needs (its rows of keys and the last row), keys
// shortened to fit max_height (> 0) but never under the minimum target.
float keyboard_height(const Ui& ui, const KeyboardLabels& labels, float max_height = 0);
// The narrowest the keyboard can be with every key at the minimum target.
float keyboard_min_width(const Ui& ui, const KeyboardLabels& labels);

// Draws the keyboard at the cursor across `width`; returns the text after
// the keys pressed this frame. *go is set when the Search key was pressed.
std::string keyboard(Ui& ui, const KeyboardLabels& labels, const std::string& text, float width, float max_height = 0,
                     bool* go = nullptr);

}  // namespace kiosk::ui
