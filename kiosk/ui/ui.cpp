// Touch widgets and accessibility-tree driven focus.
#include "ui/ui.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <imgui_internal.h>

#include "content/icons.h"
#include "i18n/bidi.h"
#include "i18n/text.h"

namespace kiosk::ui {

namespace {
Rect clip_rect() {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const ImRect& c = w->ClipRect;
  return {c.Min.x, c.Min.y, c.Max.x - c.Min.x, c.Max.y - c.Min.y};
}
// How far a window scrolls: content that overflows by no more than the
// window's padding hides nothing, so it does not scroll at all.
float scroll_max(const ImGuiWindow* w) { return w->ScrollMax.y > w->WindowPadding.y + 1 ? w->ScrollMax.y : 0.0f; }
bool window_scrolls() { return scroll_max(ImGui::GetCurrentWindow()) > 0; }
// A tile's picture or icon: beside its words when the tile is wide enough
// for both, else above them (at a smaller size), so words never get narrow.
bool tile_stacked(float em, float width) { return width < em * 12; }
float tile_picture(float em, float width) { return tile_stacked(em, width) ? em * 2.2f : em * 3.2f; }
Rect unite(const Rect& a, const Rect& b) {
  if (a.w <= 0 && a.h <= 0) return b;
  float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  return {x0, y0, std::max(a.x + a.w, b.x + b.w) - x0, std::max(a.y + a.h, b.y + b.h) - y0};
}
}  // namespace

const std::string& Ui::shown(std::string_view logical) const {
  if (auto it = shown_cache_.find(logical); it != shown_cache_.end()) return it->second;
  if (shown_cache_.size() > 4096) shown_cache_.clear();  // texts of old screens
  // Only text with right-to-left letters is reordered: an English line in an
  // Arabic screen keeps its own order (it is right-aligned, not reversed).
  std::string out = i18n::needs_bidi(logical) ? i18n::display_order(logical, rtl) : std::string(logical);
  return shown_cache_.emplace(std::string(logical), std::move(out)).first->second;
}

ImVec2 Ui::text_size(ImFont* font, std::string_view logical) const {
  const std::string& s = shown(logical);
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size());
}

void Ui::draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view logical, float size) const {
  const std::string& s = shown(logical);
  dl->AddText(font, size > 0 ? size : font->FontSize, pos, color, s.data(), s.data() + s.size());
}

Ui::Fitted Ui::fit(std::initializer_list<ImFont*> candidates, std::string_view text, float max_w, float max_h) {
  Fitted f;
  std::string_view one = text;
  while (!one.empty() && (one.back() == ' ' || one.back() == '\n')) one.remove_suffix(1);
  const bool single = one.find('\n') == std::string_view::npos;
  for (ImFont* font : candidates) {
    f.font = font;
    if (!single) break;
    ImVec2 ts = text_size(font, one);
    if (ts.x <= max_w && ts.y <= max_h) {
      f.size = font->FontSize;
      f.lines = {one};
      f.line_h = ts.y;
      f.extent = ts;
      return f;
    }
  }
  // wrapped in the last font, then smaller until it fits (half size at least)
  const std::string all(text);
  for (float k = 1.0f;; k -= 0.05f) {
    const bool last = k < 0.5f + 0.01f;
    const float wrap = std::max(1.0f, max_w / k);
    auto lines = layout({{all, f.font}}, wrap);
    float w = 0;
    f.lines.clear();
    for (const auto& l : lines) {
      w = std::max(w, l.width);
      if (l.pieces.empty()) { f.lines.push_back({}); continue; }
      size_t b = l.pieces.front().second.first, e = l.pieces.back().second.second;
      std::string_view v = text.substr(b, e - b);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\n')) v.remove_suffix(1);
      f.lines.push_back(v);
    }
    while (f.lines.size() > 1 && f.lines.back().empty()) f.lines.pop_back();
    f.size = f.font->FontSize * k;
    f.line_h = f.size * (f.lines.size() > 1 ? 1.15f : 1.0f);
    f.extent = ImVec2(w * k, f.line_h * static_cast<float>(f.lines.size()));
    if ((w <= wrap + 0.5f && f.extent.y <= max_h + 0.5f) || last) return f;
  }
}

void Ui::draw_fitted(ImDrawList* dl, const Fitted& f, ImVec2 pos, float width, ImU32 color, bool centre) const {
  const float k = f.size / f.font->FontSize;
  float y = pos.y + (f.line_h - f.size) / 2;
  for (const auto& line : f.lines) {
    const float w = text_size(f.font, line).x * k;
    float x = centre ? pos.x + (width - w) / 2 : (rtl ? pos.x + width - w : pos.x);
    draw_text(dl, f.font, ImVec2(x, y), color, line, f.size);
    y += f.line_h;
  }
}

float Ui::avail() const {
  float a = ImGui::GetContentRegionAvail().x;
  if (!rights_.empty()) a = std::min(a, rights_.back() - ImGui::GetCursorScreenPos().x);
  return std::max(a, 1.0f);
}

void Ui::begin_frame(int64_t now_ms) {
  rights_.clear();
  scroll_windows_.clear();
  region_.clear();
  tree_.clear();
  prev_ms_ = now_ms_;
  now_ms_ = now_ms;
  // A press becomes a drag once the finger has moved beyond tap_slop; the
  // release of a drag is not a tap (drag_cancel_ holds for that one frame).
  const ImGuiIO& io = ImGui::GetIO();
  drag_cancel_ = false;
  if (io.MouseDown[0]) {
    if (!was_down_) dragging_ = false;
    ImVec2 d(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
    if (d.x * d.x + d.y * d.y > tap_slop * tap_slop) dragging_ = true;
  } else if (was_down_) {
    drag_cancel_ = dragging_;
    tapped_ = !dragging_;
    tap_pos_ = io.MousePos;
    dragging_ = false;
  }
  was_down_ = io.MouseDown[0];
  animating_ = false;
}

void Ui::touch_scroll() {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const ImGuiIO& io = ImGui::GetIO();
  Scroll& s = scrolls_[w->ID];
  scroll_windows_.push_back({w, ImGui::GetColorU32(ImGuiCol_WindowBg)});
  const float max_y = scroll_max(w);
  if (max_y == 0 && w->Scroll.y != 0) ImGui::SetScrollY(0);  // nothing is hidden: it does not scroll
  const std::string key = page_ + "#" + std::to_string(w->ID);
  if (s.page != page_) {  // a new place in this window: its remembered position, or the top
    saved_scroll_[s.page + "#" + std::to_string(w->ID)] = w->Scroll.y;
    auto it = saved_scroll_.find(key);
    s = Scroll{};
    s.page = page_;
    ImGui::SetScrollY(it == saved_scroll_.end() ? 0.0f : it->second);
    return;
  }
  int64_t dt = now_ms_ - prev_ms_;
  if (dt <= 0 || dt > 100) dt = 16;  // a paused or frozen clock still lets a flick settle
  const ImRect r = w->InnerRect;
  if (io.MouseClicked[0] && r.Contains(io.MousePos) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    s = Scroll{page_, true, io.MousePos.y, w->Scroll.y, io.MousePos.y, 0, now_ms_};
  }
  if (s.grabbed && io.MouseDown[0]) {
    if (dragging_) {
      ImGui::SetScrollY(std::clamp(s.start_scroll - (io.MousePos.y - s.start_y), 0.0f, max_y));
      float v = (io.MousePos.y - s.last_y) / static_cast<float>(std::max<int64_t>(1, now_ms_ - s.last_ms > 0 ? now_ms_ - s.last_ms : 16));
      s.velocity = s.velocity * 0.3f + v * 0.7f;  // smoothed over the last moves
    }
    s.last_y = io.MousePos.y;
    s.last_ms = now_ms_;
    return;
  }
  if (s.grabbed && !io.MouseDown[0]) s.grabbed = false;  // released: s.velocity carries on
  if (std::fabs(s.velocity) > 0.02f) {
    float y = w->Scroll.y - s.velocity * static_cast<float>(dt);
    if (y <= 0 || y >= max_y) s.velocity = 0;
    ImGui::SetScrollY(std::clamp(y, 0.0f, max_y));
    s.velocity *= std::exp(-static_cast<float>(dt) / 325.0f);
    animating_ = animating_ || std::fabs(s.velocity) > 0.02f;
  } else {
    s.velocity = 0;
  }
}

// Touch screens show no thin scrollbar: a window with more below fades out at
// its bottom edge with a round "more" arrow, and one scrolled down fades at its
// top, so the cue is where the finger goes and needs no precision to read.
void Ui::draw_scroll_cues() {
  const Look cue = look(th(), Part::Page, State::Normal);
  for (const auto& sw : scroll_windows_) {
    auto* w = static_cast<ImGuiWindow*>(sw.window);
    const float max_y = scroll_max(w);
    if (max_y <= 0) continue;
    const ImRect r = w->InnerRect;
    const float pad = w->WindowPadding.y;
    const bool below = max_y - w->Scroll.y > pad + 1, above = w->Scroll.y > pad + 1;
    ImDrawList* dl = w->DrawList;
    dl->PushClipRect(r.Min, r.Max, false);
    const ImU32 solid = sw.bg, clear = sw.bg & ~IM_COL32_A_MASK;
    if (above) dl->AddRectFilledMultiColor(r.Min, ImVec2(r.Max.x, r.Min.y + em * 1.2f), solid, solid, clear, clear);
    if (below) {
      dl->AddRectFilledMultiColor(ImVec2(r.Min.x, r.Max.y - em * 2.2f), r.Max, clear, clear, solid, solid);
      // the arrow sits in the window's side padding, beside the text, not over it
      const float rad = std::min(em * 0.6f, std::max(em * 0.4f, w->WindowPadding.x * 0.42f));
      const float cx = rtl ? r.Min.x + w->WindowPadding.x * 0.5f : r.Max.x - w->WindowPadding.x * 0.5f;
      const ImVec2 c(cx, r.Max.y - rad - em * 0.3f);
      dl->AddCircleFilled(c, rad, col(cue.mark), 24);
      const float a = rad * 0.45f;
      dl->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x - a, c.y - a * 0.45f), ImVec2(c.x, c.y + a * 0.55f), ImVec2(c.x + a, c.y - a * 0.45f)}.data(),
                      3, col(cue.mark_text), 0, std::max(3.0f, em * 0.12f));
    }
    dl->PopClipRect();
  }
}

void Ui::note_text(ImVec2 pos, ImVec2 size) {
  if (tree_.nodes().empty() || size.x <= 0) return;
  Rect& r = tree_.last().text;
  r = unite(r, {pos.x, pos.y, size.x, size.y});
}

void Ui::end_frame() {
  draw_scroll_cues();
  auto& nodes = tree_.nodes();
  const uint32_t focused_before = focused_;
  speak_.clear();
  if (touch_hear && tapped_) {
    // what is under the finger: an interactive node takes focus; a second
    // touch on it soon after activates it; text is only read
    const A11yNode* hit = nullptr;
    for (auto it = nodes.rbegin(); it != nodes.rend() && !hit; ++it)
      if (it->interactive() && it->rect.contains(tap_pos_.x, tap_pos_.y) && it->clip.contains(tap_pos_.x, tap_pos_.y)) hit = &*it;
    for (auto it = nodes.rbegin(); it != nodes.rend() && !hit; ++it)
      if (it->rect.contains(tap_pos_.x, tap_pos_.y) && it->clip.contains(tap_pos_.x, tap_pos_.y)) hit = &*it;
    if (hit && hit->interactive()) {
      if (hit->id == last_touch_id_ && now_ms_ - last_touch_ms_ < 600) {
        activate_next_ = hit->id;  // the second touch: activate on the next frame
        last_touch_id_ = 0;
      } else {
        focused_ = hit->id;
        last_touch_id_ = hit->id;
        last_touch_ms_ = now_ms_;
        speak_ = spoken(*hit);  // spoken even when it already had focus
      }
    } else if (hit) {
      speak_ = spoken(*hit);
      last_touch_id_ = 0;
    }
  }
  tapped_ = false;
  std::vector<size_t> order;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].interactive() && nodes[i].enabled) order.push_back(i);  // scrolled-off ones too: focus scrolls to them
  if (!order.empty()) {
    auto cur = std::find_if(order.begin(), order.end(), [&](size_t i) { return nodes[i].id == focused_; });
    if (focus_first_) {
      for (size_t i : order)
        if (nodes[i].region != "nav" && nodes[i].region != "keys" && nodes[i].role != Role::Key) {
          focused_ = nodes[i].id;
          nav_moved_ = true;  // scrolled into view, as an arrow key's move is
          break;
        }
    } else if (nav_move_ != 0) {
      long n = static_cast<long>(order.size());
      long pos = cur == order.end() ? (nav_move_ > 0 ? -1 : n) : static_cast<long>(cur - order.begin());
      pos = ((pos + nav_move_) % n + n) % n;
      focused_ = nodes[order[pos]].id;
      nav_moved_ = true;
    } else if (cur == order.end() && focused_ != 0) {
      // the focused widget disappeared (new screen): focus returns to nothing,
      // and the next arrow press starts at the first widget
      focused_ = 0;
    }
  } else {
    focused_ = 0;
  }
  nav_move_ = 0;
  focus_first_ = false;
  activate_ = activate_next_;
  activate_next_ = 0;
  for (auto& n : nodes) n.focused = n.id == focused_ && focused_ != 0;
  if (focused_ != focused_before && focused_ != 0 && speak_.empty())
    for (const auto& n : nodes)
      if (n.id == focused_) speak_ = spoken(n);
  last_tree_ = tree_;
}

bool Ui::interact(const std::string& id_label, ImVec2 size, Role role, const std::string& label, bool selected,
                  bool* pressed) {
  ImGuiID id = ImGui::GetID(id_label.c_str());
  ImVec2 pos = ImGui::GetCursorScreenPos();
  size.x = std::max(size.x, min_target);
  size.y = std::max(size.y, min_target);
  // with Touch and Hear a touch only moves focus (end_frame); Enter activates
  bool clicked = ImGui::InvisibleButton(id_label.c_str(), size) && !drag_cancel_ && !touch_hear;
  *pressed = ImGui::IsItemActive() && !dragging_;
  A11yNode n;
  n.id = id;
  n.role = role;
  n.label = label;
  n.rect = {pos.x, pos.y, size.x, size.y};
  n.clip = clip_rect();
  n.scrolls = window_scrolls();
  n.selected = selected;
  n.region = region_;
  tree_.add(std::move(n));
  if (activate_ == id && id != 0) {
    clicked = true;
    activate_ = 0;
  }
  // Keyboard focus brings the widget into view.
  if (id == focused_ && id != 0 && nav_moved_) {
    ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)),
                        ImGuiScrollFlags_KeepVisibleEdgeY);
    nav_moved_ = false;
  }
  return clicked;
}

void Ui::draw_focus(ImVec2 a, ImVec2 b) {
  float t = std::max(3.0f, em * 0.14f);
  ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - t, a.y - t), ImVec2(b.x + t, b.y + t), col(th().focus), em * 0.4f, 0, t);
}

bool Ui::button(const std::string& label, ImVec2 size, Style style, Role role) {
  ImFont* font = fonts.large ? fonts.large : ImGui::GetFont();
  ImFont* small = fonts.body ? fonts.body : font;
  // as wide as its words (never wider than the line), as tall as they need
  if (size.x <= 0) size.x = std::min(text_size(font, label).x + em * 1.6f, std::max(min_target, avail()));
  const bool auto_h = size.y <= 0;
  size.x = std::max(size.x, min_target);
  // large, else body, else body wrapped, else smaller: a long word on a narrow key still fits
  Fitted f = fit({font, small}, label, size.x - em * 0.4f, auto_h ? FLT_MAX : std::max(min_target, size.y) - em * 0.2f);
  if (auto_h) size.y = std::max(min_target, f.extent.y + em * 0.9f);
  ImVec2 a = ImGui::GetCursorScreenPos();
  bool pressed = false;
  bool clicked = interact(label + "##btn", size, role, label, false, &pressed);
  ImVec2 b(a.x + std::max(size.x, min_target), a.y + std::max(size.y, min_target));
  const Part part = style == Style::Primary ? Part::Primary
                    : style == Style::Danger ? Part::Danger
                    : style == Style::Bar    ? Part::Bar
                    : role == Role::Key      ? Part::Key
                                             : Part::Button;
  const Look lk = look(th(), part, pressed ? State::Pressed : State::Normal);
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, col(lk.fill), em * 0.35f);
  if (style == Style::Normal || style == Style::Bar) dl->AddRect(a, b, col(lk.edge), em * 0.35f, 0, std::max(2.0f, em * 0.07f));
  ImVec2 tp(a.x + (b.x - a.x - f.extent.x) / 2, a.y + (b.y - a.y - f.extent.y) / 2);
  draw_fitted(dl, f, tp, f.extent.x, col(lk.text));
  note_text(tp, f.extent);
  if (ImGui::GetID((label + "##btn").c_str()) == focused_) draw_focus(a, b);
  return clicked;
}

Ui::Hit Ui::card(const std::string& id_label, const std::string& label, ImVec2 size, Role role, bool selected,
                 float rounding, Part part) {
  Hit h;
  h.a = ImGui::GetCursorScreenPos();
  h.clicked = interact(id_label, size, role, label, selected, &h.pressed);
  h.b = ImVec2(h.a.x + size.x, h.a.y + size.y);
  h.look = look(th(), part, h.pressed ? State::Pressed : selected ? State::Selected : State::Normal);
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(h.a, h.b, col(h.look.fill), rounding);
  dl->AddRect(h.a, h.b, col(h.look.edge), rounding, 0, std::max(2.0f, em * 0.08f));
  h.focused = ImGui::GetID(id_label.c_str()) == focused_;
  return h;
}

bool Ui::tile(const std::string& title, const std::string& spoken_subtitle, ImVec2 size, const std::string& picture,
              bool show_subtitle, const std::string& icon) {
  Hit h = card(title + "##tile", title, size, Role::Tile, false, em * 0.5f, Part::Tile);
  tree_.last().description = spoken_subtitle;
  const std::string& subtitle = show_subtitle ? spoken_subtitle : std::string();
  ImVec2 a = h.a, b = h.b;
  const Look& lk = h.look;
  auto* dl = ImGui::GetWindowDrawList();
  if (rtl) dl->AddRectFilled(ImVec2(b.x - em * 0.45f, a.y), b, col(lk.mark), em * 0.5f, ImDrawFlags_RoundCornersRight);
  else dl->AddRectFilled(a, ImVec2(a.x + em * 0.45f, b.y), col(lk.mark), em * 0.5f, ImDrawFlags_RoundCornersLeft);
  float pad = em * 1.0f;
  const bool glyph = picture.empty() && has_icon(icon);
  const bool has_pic = !picture.empty() || glyph;
  // the picture beside the words in a wide tile, above them in a narrow one
  // (the words keep the tile's width); on the stripe's side
  const bool above = has_pic && tile_stacked(em, size.x);
  float pic = !has_pic ? 0 : above ? std::min(size.y * 0.4f, tile_picture(em, size.x)) : std::min(size.y - pad, tile_picture(em, size.x));
  const float inner_a = a.x + em * 0.45f * (rtl ? 0 : 1) + pad, inner_b = b.x - em * 0.45f * (rtl ? 1 : 0) - pad;
  float x = inner_a, wrap = inner_b - inner_a;
  if (has_pic && !above) {
    wrap -= pic + pad * 0.8f;
    if (!rtl) x += pic + pad * 0.8f;
  }
  const float gap = subtitle.empty() ? 0 : em * 0.3f;
  const float pic_h = above ? pic + em * 0.4f : 0;  // the room the picture takes above the words
  // a tile too small for its words (a caller's fixed height, one long word) draws them smaller
  std::vector<std::vector<Run>> blocks{{{title, fonts.large}}};
  if (!subtitle.empty()) blocks.push_back({{subtitle, fonts.body}});
  const float k = fit_scale(blocks, wrap, size.y - pad * 0.5f - pic_h, gap);
  ImVec2 ts = measure(blocks[0], wrap / k);
  ImVec2 ss = subtitle.empty() ? ImVec2(0, 0) : measure(blocks[1], wrap / k);
  ts = ImVec2(ts.x * k, ts.y * k);
  ss = ImVec2(ss.x * k, ss.y * k);
  float total = pic_h + ts.y + (subtitle.empty() ? 0 : gap + ss.y);
  float y = a.y + std::max(pad * 0.25f, (size.y - total) / 2);
  if (pic > 0) {
    const ImVec2 c = above ? ImVec2(rtl ? inner_b - pic / 2 : inner_a + pic / 2, y + pic / 2)
                           : ImVec2(rtl ? inner_b - pic / 2 : inner_a + pic / 2, (a.y + b.y) / 2);
    if (glyph) draw_icon(icon, c, pic, lk.mark);
    else draw_picture(picture, c, pic / 2);
  }
  y += pic_h;
  draw_runs(blocks[0], ImVec2(x, y), wrap, lk.text, k);
  note_text(ImVec2(rtl ? x + wrap - ts.x : x, y), ts);
  if (!subtitle.empty()) {
    draw_runs(blocks[1], ImVec2(x, y + ts.y + gap), wrap, lk.subtext, k);
    note_text(ImVec2(rtl ? x + wrap - ss.x : x, y + ts.y + gap), ss);
  }
  if (h.focused) draw_focus(a, b);
  return h.clicked;
}

float Ui::tile_height(const std::string& title, const std::string& subtitle, float width, bool picture, float min_height) {
  const float pad = em, pic = picture ? tile_picture(em, width) : 0;
  const bool above = picture && tile_stacked(em, width);
  const float wrap = width - em * 0.45f - pad * 2 - (picture && !above ? pic + pad * 0.8f : 0);
  float h = measure({{title, fonts.large}}, wrap).y + (subtitle.empty() ? 0 : em * 0.3f + measure({{subtitle, fonts.body}}, wrap).y);
  if (above) h += pic + em * 0.4f;
  return std::max(min_height, h + pad * 1.4f);
}

bool Ui::has_icon(std::string_view icon) const {
  const content::Icon* i = icon.empty() || !fonts.icons ? nullptr : content::find_icon(icon);
  return i && fonts.icons->FindGlyphNoFallback(static_cast<ImWchar>(i->codepoint));
}

void Ui::draw_icon(std::string_view icon, ImVec2 c, float side, Color color) {
  if (!has_icon(icon)) return;
  const auto cp = static_cast<ImWchar>(content::find_icon(icon)->codepoint);
  const ImFontGlyph* g = fonts.icons->FindGlyphNoFallback(cp);
  // the glyph's own box, scaled to fit the side (never larger than it was rasterized)
  const float gw = g->X1 - g->X0, gh = g->Y1 - g->Y0;
  if (gw <= 0 || gh <= 0) return;
  const float k = std::min(1.0f, side / std::max(gw, gh));
  const ImVec2 pos(c.x - (g->X0 + gw / 2) * k, c.y - (g->Y0 + gh / 2) * k);
  fonts.icons->RenderChar(ImGui::GetWindowDrawList(), fonts.icons->FontSize * k, pos, col(color), cp);
}

void Ui::draw_picture(const std::string& name, ImVec2 c, float r) {
  auto* dl = ImGui::GetWindowDrawList();
  const ImU32 yellow = IM_COL32(242, 184, 48, 255), red = IM_COL32(214, 84, 96, 255), green = IM_COL32(88, 156, 96, 255),
              brown = IM_COL32(140, 96, 64, 255), blue = IM_COL32(84, 132, 196, 255), skin = IM_COL32(226, 164, 120, 255),
              line = col(th().text);
  const float lw = std::max(2.0f, r * 0.08f);
  if (name == "sun") {
    for (int i = 0; i < 8; ++i) {
      float an = static_cast<float>(i) * 3.14159265f / 4;
      dl->AddLine(ImVec2(c.x + std::cos(an) * r * 0.62f, c.y + std::sin(an) * r * 0.62f),
                  ImVec2(c.x + std::cos(an) * r * 0.95f, c.y + std::sin(an) * r * 0.95f), yellow, lw * 1.5f);
    }
    dl->AddCircleFilled(c, r * 0.48f, yellow, 32);
  } else if (name == "heart") {
    dl->AddCircleFilled(ImVec2(c.x - r * 0.36f, c.y - r * 0.2f), r * 0.42f, red, 32);
    dl->AddCircleFilled(ImVec2(c.x + r * 0.36f, c.y - r * 0.2f), r * 0.42f, red, 32);
    dl->AddTriangleFilled(ImVec2(c.x - r * 0.76f, c.y - r * 0.05f), ImVec2(c.x + r * 0.76f, c.y - r * 0.05f), ImVec2(c.x, c.y + r * 0.85f), red);
  } else if (name == "star") {
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
      float an = -3.14159265f / 2 + static_cast<float>(i) * 3.14159265f / 5, rr = i % 2 ? r * 0.4f : r * 0.95f;
      pts[i] = ImVec2(c.x + std::cos(an) * rr, c.y + std::sin(an) * rr);
    }
    for (int i = 0; i < 10; i += 2)  // five triangles from the centre make the star (it is not convex)
      dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % 10], yellow), dl->AddTriangleFilled(c, pts[i], pts[(i + 9) % 10], yellow);
  } else if (name == "tree") {
    dl->AddRectFilled(ImVec2(c.x - r * 0.12f, c.y + r * 0.1f), ImVec2(c.x + r * 0.12f, c.y + r * 0.95f), brown);
    dl->AddCircleFilled(ImVec2(c.x, c.y - r * 0.25f), r * 0.62f, green, 32);
  } else if (name == "letter") {
    ImVec2 a(c.x - r * 0.9f, c.y - r * 0.6f), b(c.x + r * 0.9f, c.y + r * 0.6f);
    dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255), r * 0.08f);
    dl->AddRect(a, b, blue, r * 0.08f, 0, lw);
    dl->AddLine(a, ImVec2(c.x, c.y + r * 0.1f), blue, lw);
    dl->AddLine(ImVec2(b.x, a.y), ImVec2(c.x, c.y + r * 0.1f), blue, lw);
  } else if (name == "house") {
    dl->AddRectFilled(ImVec2(c.x - r * 0.6f, c.y - r * 0.1f), ImVec2(c.x + r * 0.6f, c.y + r * 0.85f), blue);
    dl->AddTriangleFilled(ImVec2(c.x - r * 0.9f, c.y - r * 0.05f), ImVec2(c.x, c.y - r * 0.9f), ImVec2(c.x + r * 0.9f, c.y - r * 0.05f), red);
    dl->AddRectFilled(ImVec2(c.x - r * 0.15f, c.y + r * 0.35f), ImVec2(c.x + r * 0.15f, c.y + r * 0.85f), yellow);
  } else if (name == "hands") {
    // two raised hands
    for (float side : {-1.0f, 1.0f}) {
      ImVec2 p(c.x + side * r * 0.45f, c.y + r * 0.2f);
      dl->AddCircleFilled(p, r * 0.36f, skin, 24);
      for (int f = 0; f < 4; ++f) {
        float fx = p.x + (static_cast<float>(f) - 1.5f) * r * 0.17f;
        dl->AddRectFilled(ImVec2(fx - r * 0.07f, p.y - r * 0.85f), ImVec2(fx + r * 0.07f, p.y), skin, r * 0.07f);
      }
    }
  } else {
    dl->AddCircle(c, r * 0.8f, line, 32, lw);
  }
}

bool Ui::toggle(const std::string& label, bool on, const std::string& on_text, const std::string& off_text, ImVec2 size) {
  Hit h = card(label + "##toggle", label, size, Role::Toggle, on, em * 0.35f, Part::Toggle);
  ImVec2 a = h.a, b = h.b;
  // the card as pressed or not; the switch as on or off
  const Look& lk = h.look;
  const Look sw = look(th(), Part::Toggle, on ? State::Selected : State::Normal);
  auto* dl = ImGui::GetWindowDrawList();
  ImFont* f = fonts.large;
  // the switch: a pill with the state written in it (never colour alone);
  // the label has the room left of it, wrapped or smaller when it needs to be
  const std::string& state = on ? on_text : off_text;
  const float ph = size.y - em * 0.8f;
  const float state_w = std::min(std::max(text_size(f, on_text).x, text_size(f, off_text).x), std::max(em * 2.6f, size.x * 0.3f));
  Fitted st = fit({f, fonts.body}, state, state_w, ph);
  float pw = std::max(st.extent.x + em * 1.4f, em * 4);
  ImVec2 pa(b.x - em * 0.6f - pw, a.y + (size.y - ph) / 2), pb(b.x - em * 0.6f, pa.y + ph);
  Fitted lf = fit({f, fonts.body}, label, pa.x - a.x - em * 1.5f, size.y - em * 0.3f);
  ImVec2 lp(rtl ? pa.x - em * 0.5f - lf.extent.x : a.x + em, a.y + (size.y - lf.extent.y) / 2);
  draw_fitted(dl, lf, lp, lf.extent.x, col(lk.text), false);
  note_text(lp, lf.extent);
  dl->AddRectFilled(pa, pb, col(sw.mark), ph / 2);
  ImVec2 sp(pa.x + (pw - st.extent.x) / 2, pa.y + (ph - st.extent.y) / 2);
  draw_fitted(dl, st, sp, st.extent.x, col(sw.mark_text));
  note_text(sp, st.extent);
  if (h.focused) draw_focus(a, b);
  return h.clicked;
}

std::string Ui::spoken(const A11yNode& n) const {
  std::string s = n.label;
  // a middle dot only separates on screen ("Language · Español"): spoken, a pause
  for (size_t at; (at = s.find(" \u00B7 ")) != std::string::npos;) s.replace(at, 4, ". ");
  if (!n.description.empty()) s += ". " + n.description;
  if (n.role == Role::Checkbox || n.role == Role::Toggle) s += ". " + (n.selected ? word_on : word_off);
  return s;
}

void Ui::note_font(const std::vector<Run>& runs, float scale) {
  A11yNode& n = tree_.last();
  n.text_px = 0;
  n.text_bold = !runs.empty();
  for (const auto& r : runs) {
    if (!r.font || r.text.empty()) continue;
    n.text_px = std::max(n.text_px, r.font->FontSize * scale);
    n.text_bold = n.text_bold && (r.font == fonts.bold || r.font == fonts.large || r.font == fonts.title || r.font == fonts.huge);
  }
}

void Ui::text_node(const std::string& label, Rect r, Role role, const Rect* text) {
  A11yNode n;
  n.role = role;
  n.label = label;
  n.rect = r;
  n.text = text ? *text : r;
  n.clip = clip_rect();
  n.scrolls = window_scrolls();
  n.region = region_;
  tree_.add(std::move(n));
}

void Ui::text_block(const std::string& text, ImFont* font, Color color, Role role) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float wrap = avail();
  std::vector<Run> runs{{text, font}};
  // a word longer than the line (a web address, a long name) makes the block smaller
  const float k = fit_scale({runs}, wrap, FLT_MAX);
  ImVec2 sz = measure(runs, wrap / k);
  sz = ImVec2(sz.x * k, sz.y * k);
  draw_runs(runs, p, wrap, color, k);
  ImGui::Dummy(ImVec2(wrap, sz.y));
  Rect tr{rtl ? p.x + wrap - sz.x : p.x, p.y, sz.x, sz.y};
  text_node(text, tr, role);
  note_font(runs, k);
}

std::vector<Ui::Line> Ui::layout(const std::vector<Run>& runs, float wrap) {
  // Break opportunities come from the whole text, so a bold word followed by a
  // comma stays together; each segment is then split back into its runs.
  std::string all;
  std::vector<size_t> starts;
  for (const auto& r : runs) {
    starts.push_back(all.size());
    all += r.text;
  }
  std::vector<size_t> cuts = i18n::line_breaks(all, locale);
  cuts.push_back(all.size());
  std::vector<Line> lines(1);
  float x = 0;
  size_t seg_begin = 0;
  auto width_of = [&](size_t ri, size_t b, size_t e) {
    return text_size(runs[ri].font, std::string_view(all).substr(b, e - b)).x;
  };
  auto run_at = [&](size_t byte) {
    return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), byte) - starts.begin() - 1);
  };
  for (size_t cut : cuts) {
    if (cut <= seg_begin) continue;
    // pieces of [seg_begin, cut) per run; hard line breaks end the line
    size_t e = cut;
    bool newline = all[e - 1] == '\n';
    if (newline) --e;
    size_t trim = e;
    while (trim > seg_begin && all[trim - 1] == ' ') --trim;
    std::vector<std::pair<size_t, std::pair<size_t, size_t>>> pieces;
    float w = 0, w_trim = 0;
    for (size_t b = seg_begin; b < e;) {
      size_t ri = run_at(b);
      size_t re = std::min(e, ri + 1 < starts.size() ? starts[ri + 1] : all.size());
      pieces.push_back({ri, {b, re}});
      w += width_of(ri, b, re);
      if (b < trim) w_trim += width_of(ri, b, std::min(re, trim));
      b = re;
    }
    if (x > 0 && x + w_trim > wrap) {
      lines.emplace_back();
      x = 0;
    }
    for (auto& p : pieces) lines.back().pieces.push_back(p);
    lines.back().width = std::max(lines.back().width, x + w_trim);
    x += w;
    if (newline) {
      lines.emplace_back();
      x = 0;
    }
    seg_begin = cut;
  }
  return lines;
}

ImVec2 Ui::measure(const std::vector<Run>& runs, float wrap) {
  float line_h = 0;
  for (const auto& r : runs) line_h = std::max(line_h, r.font->FontSize);
  auto lines = layout(runs, wrap);
  float w = 0;
  for (auto& l : lines) w = std::max(w, l.width);
  return ImVec2(w, line_h * 1.25f * static_cast<float>(lines.size()));
}

float Ui::fit_scale(const std::vector<std::vector<Run>>& blocks, float wrap, float max_h, float gaps) {
  for (float k = 1.0f; k > 0.5f + 0.01f; k -= 0.05f) {
    float w = 0, h = gaps;
    for (const auto& b : blocks) {
      ImVec2 m = measure(b, wrap / k);
      w = std::max(w, m.x * k);
      h += m.y * k;
    }
    if (w <= wrap + 0.5f && h <= max_h + 0.5f) return k;
  }
  return 0.5f;
}

void Ui::draw_runs(const std::vector<Run>& runs, ImVec2 pos, float wrap_width, Color color, float k) {
  const float wrap = wrap_width / k;  // lines are broken in the fonts' own sizes, then drawn k times as large
  float line_h = 0;
  for (const auto& r : runs) line_h = std::max(line_h, r.font->FontSize);
  line_h *= k;
  std::string all;
  for (const auto& r : runs) all += r.text;
  auto* dl = ImGui::GetWindowDrawList();
  float y = pos.y + line_h * 0.125f;
  for (const auto& line : layout(runs, wrap)) {
    if (line.pieces.empty()) { y += line_h * 1.25f; continue; }
    const size_t b0 = line.pieces.front().second.first, e0 = line.pieces.back().second.second;
    std::string_view text = std::string_view(all).substr(b0, e0 - b0);
    if (i18n::needs_bidi(text)) {
      // a right-to-left line is reordered as a whole (in its first run's font)
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
      ImFont* f = runs[line.pieces.front().first].font;
      float w = text_size(f, text).x * k;
      draw_text(dl, f, ImVec2(rtl ? pos.x + wrap_width - w : pos.x, y + (line_h - f->FontSize * k)), col(color), text, f->FontSize * k);
    } else {
      float x = pos.x;
      if (rtl) x = pos.x + wrap_width - line.width * k;  // right-aligned in a right-to-left screen
      for (const auto& [ri, be] : line.pieces) {
        ImFont* f = runs[ri].font;
        const char* b = all.c_str() + be.first;
        const char* e = all.c_str() + be.second;
        const float size = f->FontSize * k;
        dl->AddText(f, size, ImVec2(x, y + (line_h - size)), col(color), b, e);
        x += f->CalcTextSizeA(size, FLT_MAX, 0, b, e).x;
      }
    }
    y += line_h * 1.25f;
  }
}

void Ui::rich(const std::vector<Run>& runs, bool muted, const char* bullet, Role role) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float room = avail();
  float indent = bullet ? em * 1.4f : 0;
  const float k = fit_scale({runs}, room - indent, FLT_MAX);
  ImVec2 sz = measure(runs, (room - indent) / k);
  sz = ImVec2(sz.x * k, sz.y * k);
  Color c = muted ? th().text_muted : th().text;
  if (bullet) {
    // the number or bullet at the text's size (an answer or a kids' page in the reading size)
    ImFont* f = !runs.empty() && runs.front().font && runs.front().font->FontSize > fonts.body->FontSize * 1.1f ? fonts.reading : fonts.body;
    const float bx = rtl ? p.x + room - em * 0.3f - f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, bullet).x : p.x + em * 0.3f;
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, ImVec2(bx, p.y + f->FontSize * 0.125f), col(c), bullet);
  }
  const float tx = rtl ? p.x : p.x + indent;  // right to left: the bullet sits at the right
  draw_runs(runs, ImVec2(tx, p.y), room - indent, c, k);
  ImGui::Dummy(ImVec2(room, sz.y));
  std::string label;
  for (const auto& r : runs) label += r.text;
  Rect tr{rtl ? p.x + room - indent - sz.x : p.x, p.y, indent + sz.x, sz.y};
  text_node(label, tr, role);
  note_font(runs, k);
}

bool Ui::row(const std::string& title, const std::string& subtitle, float width, ImFont* title_font) {
  if (width <= 0) width = avail();
  const float pad = em * 0.8f, arrow = em * 2.0f, stripe = em * 0.35f;
  const float wrap = width - pad * 2 - arrow - stripe;
  std::vector<std::vector<Run>> blocks{{{title, title_font ? title_font : fonts.large}}};
  if (!subtitle.empty()) blocks.push_back({{subtitle, fonts.body}});
  const float k = fit_scale(blocks, wrap, FLT_MAX);  // below 1 only for a word longer than the row
  ImVec2 ts = measure(blocks[0], wrap / k);
  ImVec2 ss = subtitle.empty() ? ImVec2(0, 0) : measure(blocks[1], wrap / k);
  ts = ImVec2(ts.x * k, ts.y * k);
  ss = ImVec2(ss.x * k, ss.y * k);
  float h = std::max(min_target, pad * 1.4f + ts.y + (subtitle.empty() ? 0 : em * 0.2f + ss.y));
  Hit hit = card(title + "##row" + subtitle, title, ImVec2(width, h), Role::Row, false, em * 0.35f, Part::Row);
  tree_.last().description = subtitle;
  note_font(blocks[0], k);
  auto* dl = ImGui::GetWindowDrawList();
  const Look& lk = hit.look;
  // right to left: the stripe on the right, the arrow on the left pointing left
  if (rtl) dl->AddRectFilled(ImVec2(hit.b.x - stripe, hit.a.y), hit.b, col(lk.mark), em * 0.35f, ImDrawFlags_RoundCornersRight);
  else dl->AddRectFilled(hit.a, ImVec2(hit.a.x + stripe, hit.b.y), col(lk.mark), em * 0.35f, ImDrawFlags_RoundCornersLeft);
  const float text_x = rtl ? hit.a.x + arrow + pad : hit.a.x + stripe + pad;
  float y = hit.a.y + (h - ts.y - (subtitle.empty() ? 0 : em * 0.2f + ss.y)) / 2;
  draw_runs(blocks[0], ImVec2(text_x, y), wrap, lk.text, k);
  note_text(ImVec2(rtl ? text_x + wrap - ts.x : text_x, y), ts);
  if (!subtitle.empty()) {
    draw_runs(blocks[1], ImVec2(text_x, y + ts.y + em * 0.2f), wrap, lk.subtext, k);
    note_text(ImVec2(rtl ? text_x + wrap - ss.x : text_x, y + ts.y + em * 0.2f), ss);
  }
  // the arrow: a chevron drawn as lines, so it needs no glyph
  const float dir = rtl ? -1.0f : 1.0f;
  float cx = rtl ? hit.a.x + arrow / 2 + pad * 0.3f : hit.b.x - arrow / 2 - pad * 0.3f, cy = (hit.a.y + hit.b.y) / 2, r = em * 0.4f;
  dl->AddPolyline(std::array<ImVec2, 3>{ImVec2(cx - dir * r / 2, cy - r), ImVec2(cx + dir * r / 2, cy), ImVec2(cx - dir * r / 2, cy + r)}.data(),
                  3, col(lk.mark), 0, std::max(3.0f, em * 0.12f));
  if (hit.focused) draw_focus(hit.a, hit.b);
  return hit.clicked;
}

bool Ui::checkbox(const std::string& label, bool checked, float width) {
  if (width <= 0) width = avail();
  const float pad = em * 0.7f, box = std::max(em * 1.5f, min_target * 0.6f);
  const float wrap = width - pad * 3 - box;
  const std::vector<Run> runs{{label, fonts.body}};
  const float k = fit_scale({runs}, wrap, FLT_MAX);
  ImVec2 ts = measure(runs, wrap / k);
  ts = ImVec2(ts.x * k, ts.y * k);
  float h = std::max(min_target, ts.y + pad * 1.4f);
  Hit hit = card(label + "##check", label, ImVec2(width, h), Role::Checkbox, checked, em * 0.3f, Part::Checkbox);
  auto* dl = ImGui::GetWindowDrawList();
  const Look& lk = hit.look;
  ImVec2 ba(hit.a.x + pad, hit.a.y + (h - box) / 2), bb(ba.x + box, ba.y + box);
  dl->AddRectFilled(ba, bb, col(checked ? lk.mark : lk.fill), em * 0.2f);
  dl->AddRect(ba, bb, col(lk.mark), em * 0.2f, 0, std::max(2.0f, em * 0.1f));
  if (checked) {
    std::array<ImVec2, 3> tick{ImVec2(ba.x + box * 0.2f, ba.y + box * 0.52f), ImVec2(ba.x + box * 0.42f, ba.y + box * 0.74f),
                               ImVec2(ba.x + box * 0.8f, ba.y + box * 0.28f)};
    dl->AddPolyline(tick.data(), 3, col(lk.mark_text), 0, std::max(3.0f, box * 0.12f));
  }
  draw_runs(runs, ImVec2(bb.x + pad, hit.a.y + (h - ts.y) / 2), wrap, lk.text, k);
  note_text(ImVec2(rtl ? bb.x + pad + wrap - ts.x : bb.x + pad, hit.a.y + (h - ts.y) / 2), ts);
  if (hit.focused) draw_focus(hit.a, hit.b);
  return hit.clicked;
}

bool Ui::chip(const std::string& label, bool selected) {
  ImFont* f = fonts.body;
  // one line when the row has room, else wrapped within it
  Fitted fl = fit({f}, label, std::max(em, avail() - em * 1.6f), FLT_MAX);
  ImVec2 ts = fl.extent;
  ImVec2 size(ts.x + em * 1.6f, std::max(min_target, ts.y + em));
  ImVec2 a = ImGui::GetCursorScreenPos();
  bool pressed = false;
  bool clicked = interact(label + "##chip", size, Role::Toggle, label, selected, &pressed);
  ImVec2 b(a.x + size.x, a.y + size.y);
  const Look lk = look(th(), Part::Chip, pressed ? State::Pressed : selected ? State::Selected : State::Normal);
  auto* dl = ImGui::GetWindowDrawList();
  const float round = std::min(size.y / 2, em * 1.2f);  // a pill, or a rounded card when it wraps
  dl->AddRectFilled(a, b, col(lk.fill), round);
  dl->AddRect(a, b, col(lk.edge), round, 0, std::max(2.0f, em * 0.08f));
  const ImVec2 tp(a.x + (size.x - ts.x) / 2, a.y + (size.y - ts.y) / 2);
  draw_fitted(dl, fl, tp, ts.x, col(lk.text));
  note_text(tp, ts);
  if (ImGui::GetID((label + "##chip").c_str()) == focused_) draw_focus(a, b);
  return clicked;
}

void Ui::heading(const std::string& text, ImFont* font) { text_block(text, font ? font : fonts.title, th().text, Role::Heading); }

void Ui::paragraph(const std::string& text, ImFont* font, bool muted) {
  text_block(text, font ? font : fonts.body, muted ? th().text_muted : th().text, Role::Text);
}

}  // namespace kiosk::ui
