// Touch widgets and accessibility-tree driven focus.
#include "ui/ui.h"

#include <algorithm>
#include <imgui_internal.h>

namespace kiosk::ui {

namespace {
Rect clip_rect() {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const ImRect& c = w->ClipRect;
  return {c.Min.x, c.Min.y, c.Max.x - c.Min.x, c.Max.y - c.Min.y};
}
}  // namespace

void Ui::begin_frame() { tree_.clear(); }

void Ui::end_frame() {
  auto& nodes = tree_.nodes();
  std::vector<size_t> order;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].interactive() && nodes[i].enabled && nodes[i].visible()) order.push_back(i);
  if (!order.empty()) {
    auto cur = std::find_if(order.begin(), order.end(), [&](size_t i) { return nodes[i].id == focused_; });
    if (nav_move_ != 0) {
      long n = static_cast<long>(order.size());
      long pos = cur == order.end() ? (nav_move_ > 0 ? -1 : n) : static_cast<long>(cur - order.begin());
      pos = ((pos + nav_move_) % n + n) % n;
      focused_ = nodes[order[pos]].id;
    } else if (cur == order.end() && focused_ != 0) {
      // the focused widget disappeared (new screen): focus returns to nothing,
      // and the next arrow press starts at the first widget
      focused_ = 0;
    }
  } else {
    focused_ = 0;
  }
  nav_move_ = 0;
  activate_ = 0;
  for (auto& n : nodes) n.focused = n.id == focused_ && focused_ != 0;
  last_tree_ = tree_;
}

bool Ui::interact(const std::string& id_label, ImVec2 size, Role role, const std::string& label, bool selected,
                  bool* pressed) {
  ImGuiID id = ImGui::GetID(id_label.c_str());
  ImVec2 pos = ImGui::GetCursorScreenPos();
  size.x = std::max(size.x, min_target);
  size.y = std::max(size.y, min_target);
  bool clicked = ImGui::InvisibleButton(id_label.c_str(), size);
  *pressed = ImGui::IsItemActive();
  A11yNode n;
  n.id = id;
  n.role = role;
  n.label = label;
  n.rect = {pos.x, pos.y, size.x, size.y};
  n.clip = clip_rect();
  n.selected = selected;
  tree_.add(std::move(n));
  if (activate_ == id && id != 0) {
    clicked = true;
    activate_ = 0;
  }
  return clicked;
}

void Ui::draw_focus(ImVec2 a, ImVec2 b) {
  float t = std::max(3.0f, em * 0.14f);
  ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - t, a.y - t), ImVec2(b.x + t, b.y + t), col(th().focus), em * 0.4f, 0, t);
}

bool Ui::button(const std::string& label, ImVec2 size, Style style) {
  ImFont* font = fonts.large ? fonts.large : ImGui::GetFont();
  ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
  if (size.x <= 0) size.x = ts.x + em * 1.6f;
  if (size.y <= 0) size.y = std::max(min_target, ts.y + em * 0.9f);
  ImVec2 a = ImGui::GetCursorScreenPos();
  bool pressed = false;
  bool clicked = interact(label + "##btn", size, Role::Button, label, false, &pressed);
  ImVec2 b(a.x + std::max(size.x, min_target), a.y + std::max(size.y, min_target));
  const Theme& t = th();
  Color bg = t.surface, fg = t.text;
  switch (style) {
    case Style::Primary: bg = pressed ? t.accent_pressed : t.accent; fg = t.accent_text; break;
    case Style::Danger: bg = t.danger; fg = t.danger_text; if (pressed) bg = t.accent_pressed; break;
    case Style::Bar: bg = pressed ? t.accent_pressed : t.bar; fg = t.bar_text; break;
    case Style::Normal: bg = pressed ? t.surface_pressed : t.surface; break;
  }
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, col(bg), em * 0.35f);
  if (style == Style::Normal || style == Style::Bar)
    dl->AddRect(a, b, col(style == Style::Bar ? t.bar_text : t.accent), em * 0.35f, 0, std::max(2.0f, em * 0.07f));
  ImVec2 tp(a.x + (b.x - a.x - ts.x) / 2, a.y + (b.y - a.y - ts.y) / 2);
  dl->AddText(font, font->FontSize, tp, col(fg), label.c_str());
  if (ImGui::GetID((label + "##btn").c_str()) == focused_) draw_focus(a, b);
  return clicked;
}

Ui::Hit Ui::card(const std::string& id_label, const std::string& label, ImVec2 size, Role role, bool selected,
                 float rounding) {
  Hit h;
  h.a = ImGui::GetCursorScreenPos();
  h.clicked = interact(id_label, size, role, label, selected, &h.pressed);
  h.b = ImVec2(h.a.x + size.x, h.a.y + size.y);
  const Theme& t = th();
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(h.a, h.b, col(h.pressed ? t.surface_pressed : t.surface), rounding);
  dl->AddRect(h.a, h.b, col(t.accent), rounding, 0, std::max(2.0f, em * 0.08f));
  h.focused = ImGui::GetID(id_label.c_str()) == focused_;
  return h;
}

bool Ui::tile(const std::string& title, const std::string& subtitle, ImVec2 size) {
  Hit h = card(title + "##tile", title, size, Role::Tile, false, em * 0.5f);
  ImVec2 a = h.a, b = h.b;
  const Theme& t = th();
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, ImVec2(a.x + em * 0.45f, b.y), col(t.accent), em * 0.5f, ImDrawFlags_RoundCornersLeft);
  float pad = em * 1.0f;
  float wrap = size.x - pad * 2 - em * 0.45f;
  ImFont* tf = fonts.large;
  ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, wrap, title.c_str());
  ImFont* sf = fonts.body;
  ImVec2 ss = sf->CalcTextSizeA(sf->FontSize, FLT_MAX, wrap, subtitle.c_str());
  float total = ts.y + em * 0.3f + ss.y;
  float y = a.y + std::max(pad * 0.5f, (size.y - total) / 2);
  float x = a.x + em * 0.45f + pad;
  dl->AddText(tf, tf->FontSize, ImVec2(x, y), col(t.text), title.c_str(), nullptr, wrap);
  dl->AddText(sf, sf->FontSize, ImVec2(x, y + ts.y + em * 0.3f), col(t.text_muted), subtitle.c_str(), nullptr, wrap);
  if (h.focused) draw_focus(a, b);
  return h.clicked;
}

bool Ui::toggle(const std::string& label, bool on, const std::string& on_text, const std::string& off_text, ImVec2 size) {
  Hit h = card(label + "##toggle", label, size, Role::Toggle, on, em * 0.35f);
  ImVec2 a = h.a, b = h.b;
  const Theme& t = th();
  auto* dl = ImGui::GetWindowDrawList();
  ImFont* f = fonts.large;
  ImVec2 ls = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str());
  dl->AddText(f, f->FontSize, ImVec2(a.x + em, a.y + (size.y - ls.y) / 2), col(t.text), label.c_str());
  // the switch: a pill with the state written in it (never colour alone)
  const std::string& state = on ? on_text : off_text;
  ImVec2 ss = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, state.c_str());
  float pw = std::max(ss.x + em * 1.4f, em * 4), ph = size.y - em * 0.8f;
  ImVec2 pa(b.x - em * 0.6f - pw, a.y + (size.y - ph) / 2), pb(b.x - em * 0.6f, pa.y + ph);
  dl->AddRectFilled(pa, pb, col(on ? t.accent : t.surface_pressed), ph / 2);
  dl->AddText(f, f->FontSize, ImVec2(pa.x + (pw - ss.x) / 2, pa.y + (ph - ss.y) / 2), col(on ? t.accent_text : t.text), state.c_str());
  if (h.focused) draw_focus(a, b);
  return h.clicked;
}

void Ui::text_node(const std::string& label, Rect r, Role role) {
  A11yNode n;
  n.role = role;
  n.label = label;
  n.rect = r;
  n.clip = clip_rect();
  tree_.add(std::move(n));
}

void Ui::text_block(const std::string& text, ImFont* font, Color color, Role role) {
  ImGui::PushFont(font);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushStyleColor(ImGuiCol_Text, col(color));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImVec2 sz = ImGui::GetItemRectSize();
  ImGui::PopFont();
  text_node(text, {p.x, p.y, sz.x, sz.y}, role);
}

void Ui::heading(const std::string& text, ImFont* font) { text_block(text, font ? font : fonts.title, th().text, Role::Heading); }

void Ui::paragraph(const std::string& text, ImFont* font, bool muted) {
  text_block(text, font ? font : fonts.body, muted ? th().text_muted : th().text, Role::Text);
}

}  // namespace kiosk::ui
