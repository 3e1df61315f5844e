#include "ui/keyboard.h"

#include <algorithm>
#include <vector>

namespace kiosk::ui {

namespace {
std::vector<std::vector<std::string>> split_rows(const std::string& spec) {
  std::vector<std::vector<std::string>> rows(1);
  for (size_t i = 0; i < spec.size();) {
    unsigned char c = static_cast<unsigned char>(spec[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string ch = spec.substr(i, n);
    i += n;
    if (ch == "|") rows.emplace_back();
    else if (ch != " ") rows.back().push_back(ch);
  }
  return rows;
}
// Removes the last UTF-8 character.
void erase_last(std::string& s) {
  if (s.empty()) return;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  s.erase(i);
}
}  // namespace

namespace {
float key_em(const Ui& ui, const KeyboardLabels& labels) { return labels.key_em > 0 ? labels.key_em : ui.em; }
// Keys are 2.6 em tall when there is room, never under the minimum target.
float key_height(const Ui& ui, const KeyboardLabels& labels, size_t rows, float max_height) {
  const float e = key_em(ui, labels);
  float h = e * 2.6f;
  if (max_height > 0) h = std::min(h, (max_height - static_cast<float>(rows - 1) * e * labels.row_gap) / static_cast<float>(rows));
  return std::max(ui.min_target, h);
}
}  // namespace

float keyboard_min_width(const Ui& ui, const KeyboardLabels& labels) {
  size_t widest = 10;
  for (const auto& r : split_rows(labels.rows)) widest = std::max(widest, r.size());
  return static_cast<float>(widest) * ui.min_target + static_cast<float>(widest - 1) * key_em(ui, labels) * 0.3f;
}

float keyboard_height(const Ui& ui, const KeyboardLabels& labels, float max_height) {
  const size_t rows = split_rows(labels.rows).size() + 1;
  return static_cast<float>(rows) * key_height(ui, labels, rows, max_height) +
         static_cast<float>(rows - 1) * key_em(ui, labels) * labels.row_gap;
}

std::string keyboard(Ui& ui, const KeyboardLabels& labels, const std::string& text, float width, float max_height, bool* go) {
  std::string out = text;
  // the keys' margins in their own em too, so a wide letter (w, m) fits as the others do
  const float text_em = ui.em;
  ui.em = key_em(ui, labels);
  auto rows = split_rows(labels.rows);
  size_t widest = 10;
  for (const auto& r : rows) widest = std::max(widest, r.size());
  const float gap = key_em(ui, labels) * 0.3f;
  const float key_w = std::max(ui.min_target, (width - gap * static_cast<float>(widest - 1)) / static_cast<float>(widest));
  const float key_h = key_height(ui, labels, rows.size() + 1, max_height);
  // every letter in one size: the large one when a wide letter fits the key
  ImFont* const large = ui.fonts.large;
  float widest_letter = 0;
  for (const auto& r : rows)
    for (const auto& k : r) widest_letter = std::max(widest_letter, ui.text_size(large, k).x);
  if (widest_letter + ui.em * 0.4f + 1 > key_w) ui.fonts.large = ui.fonts.body;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, key_em(ui, labels) * labels.row_gap));
  const float x0 = ImGui::GetCursorPosX();  // every row starts here (a caller may start left of the margin)
  for (const auto& r : rows) {
    // each row centred under the widest
    float row_w = static_cast<float>(r.size()) * key_w + static_cast<float>(r.size() - 1) * gap;
    ImGui::SetCursorPosX(x0 + std::max(0.0f, (width - row_w) / 2));
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) ImGui::SameLine();
      if (ui.button(r[i], ImVec2(key_w, key_h), Style::Normal, Role::Key)) out += r[i];
    }
  }
  // the last row: clear, space, erase and search (each wide enough for its
  // word), in the letters' size; Space takes what is left, at least a key.
  // When the words are too wide for that, they get the body font.
  ImFont* f = ui.fonts.large;
  const bool has_go = !labels.go.empty();
  const float n_side = has_go ? 3.0f : 2.0f;
  // every key with a word at least two letters wide, Space too
  const float two = key_w * 2 + gap;
  auto side_for = [&](ImFont* font) {
    float w = std::max(ui.text_size(font, labels.clear).x, ui.text_size(font, labels.erase).x);
    if (has_go) w = std::max(w, ui.text_size(font, labels.go).x);
    return std::max(two, w + ui.em);
  };
  float side = side_for(f);
  if (width - n_side * (side + gap) < two && f != ui.fonts.body) {
    f = ui.fonts.body;
    side = side_for(f);
  }
  side = std::max(two, std::min(side, (width - two - n_side * gap) / n_side));  // never wider than the row leaves
  float space_w = std::max(key_w, width - n_side * side - n_side * gap);
  ImFont* const letters = ui.fonts.large;
  ui.fonts.large = f;
  ImGui::SetCursorPosX(x0);
  if (ui.button(labels.clear, ImVec2(side, key_h), Style::Normal, Role::Key)) out.clear();
  ImGui::SameLine();
  if (ui.button(labels.space, ImVec2(space_w, key_h), Style::Normal, Role::Key) && !out.empty() && out.back() != ' ') out += ' ';
  ImGui::SameLine();
  if (ui.button(labels.erase, ImVec2(side, key_h), Style::Normal, Role::Key)) erase_last(out);
  if (has_go) {
    ImGui::SameLine();
    // the results are already there as you type: Search takes you to the first of them
    if (ui.button(labels.go, ImVec2(side, key_h), Style::Primary, Role::Key) && go) *go = true;
  }
  ui.fonts.large = letters;
  ui.fonts.large = large;
  ui.em = text_em;
  ImGui::PopStyleVar();
  return out;
}

}  // namespace kiosk::ui
