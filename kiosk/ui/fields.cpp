// Widgets that show rather than take a tap: the field the on-screen keyboard
// types into, a guide's progress bar, and a pill of words on the accent (the
// attract screen's call to action). Each draws itself, registers its words in
// the accessibility tree and mirrors for right-to-left locales.
#include <algorithm>

#include "ui/ui.h"

namespace kiosk::ui {

void Ui::text_field(const std::string& label, const std::string& text, const std::string& placeholder, float e) {
  ImVec2 a = ImGui::GetCursorScreenPos();
  float w = avail(), h = std::max(min_target, e * 2.4f);
  auto* dl = ImGui::GetWindowDrawList();
  const Theme& t = th();
  dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), col(t.surface), em * 0.3f);
  dl->AddRect(a, ImVec2(a.x + w, a.y + h), col(t.accent), em * 0.3f, 0, std::max(2.0f, em * 0.08f));
  ImFont* f = fonts.large;
  const float room = w - em * 1.2f;
  ImVec2 tp(a.x + em * 0.6f, 0);
  dl->PushClipRect(ImVec2(a.x + 4, a.y), ImVec2(a.x + w - 4, a.y + h), true);
  Rect drawn;
  float caret_x, caret_h;
  if (text.empty()) {
    // the hint fits the field whole: smaller, or on two lines, rather than cut
    Fitted hint = fit({f, fonts.body}, placeholder, room, h - em * 0.3f);
    tp.y = a.y + (h - hint.extent.y) / 2;
    if (rtl) tp.x = a.x + w - em * 0.6f - hint.extent.x;  // right-to-left: text starts at the right
    draw_fitted(dl, hint, tp, hint.extent.x, col(t.text_muted), false);
    drawn = {tp.x, tp.y, hint.extent.x, hint.extent.y};
    caret_x = rtl ? tp.x + hint.extent.x : tp.x;
    caret_h = std::min(hint.extent.y, f->FontSize);
  } else {
    ImVec2 ts = text_size(f, text);
    tp.y = a.y + (h - ts.y) / 2;
    if (ts.x > room) tp.x -= ts.x - room;  // typed text: show its end (the beginning scrolls off, as in any field)
    else if (rtl) tp.x = a.x + w - em * 0.6f - ts.x;
    draw_text(dl, f, tp, col(t.text), text);
    drawn = {std::max(tp.x, a.x + em * 0.6f), tp.y, std::min(ts.x, room), ts.y};
    caret_x = tp.x + ts.x + 2;
    caret_h = ts.y;
  }
  dl->AddRectFilled(ImVec2(caret_x, a.y + (h - caret_h) / 2), ImVec2(caret_x + std::max(2.0f, em * 0.08f), a.y + (h + caret_h) / 2),
                    col(t.accent));
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(w, h));
  text_node(label + ": " + text, {a.x, a.y, w, h}, Role::Text, &drawn);
}

void Ui::progress(size_t done, size_t count, const std::string& words, bool show_words) {
  if (show_words) paragraph(words, nullptr, true);
  if (count == 0) return;
  ImVec2 a = ImGui::GetCursorScreenPos();
  const float w = avail(), h = em * 0.35f, gap = em * 0.2f;
  const float seg = (w - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
  auto* dl = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < count; ++i) {
    // right-to-left: the first step is the rightmost segment, and the bar fills towards the left
    const float x = rtl ? a.x + w - static_cast<float>(i) * (seg + gap) - seg : a.x + static_cast<float>(i) * (seg + gap);
    dl->AddRectFilled(ImVec2(x, a.y), ImVec2(x + seg, a.y + h), col(i < done ? th().accent : th().surface_pressed), h / 2);
  }
  ImGui::Dummy(ImVec2(w, h));
  // the bar says what its words say: it belongs to their node
  if (show_words) {
    Rect& r = tree_.last().rect;
    r.h = a.y + h - r.y;
  }
}

void Ui::pill(const std::string& label, const Fitted& words, ImVec2 pos, ImVec2 size, Role role) {
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), col(th().accent), std::min(size.y / 2, em * 2.5f));
  const ImVec2 wp(pos.x + (size.x - words.extent.x) / 2, pos.y + (size.y - words.extent.y) / 2);
  draw_fitted(dl, words, wp, words.extent.x, col(th().accent_text));
  const Rect drawn{wp.x, wp.y, words.extent.x, words.extent.y};
  text_node(label, {pos.x, pos.y, size.x, size.y}, role, &drawn);
}

}  // namespace kiosk::ui
