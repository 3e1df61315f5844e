// The parts around every screen: the navigation bar (Home, Back, Language,
// Accessibility, Read aloud, Help, Start over; compact, with More, where that
// would take over a fifth of the screen) and the dialogs drawn over a screen.
// The bar sits at the bottom, within reach of a seated visitor.
#include <algorithm>

#include <imgui_internal.h>

#include "screens/parts.h"

namespace kiosk::screens {

namespace {
// The bar's buttons in order; Read aloud only where speech can be heard.
// `stays`: on the compact bar too (the rest move behind More).
struct BarButton {
  const char* key;
  Intent kind;
  bool needs_speech;
  bool stays;
};
const BarButton kBar[] = {{"header.home", intent::Home{}, false, true},
                              {"header.back", intent::Back{}, false, true},
                              {"header.language", intent::Show{intent::Dialog::Language}, false, true},
                              {"header.accessibility", intent::Show{intent::Dialog::Accessibility}, false, false},
                              {"header.read_aloud", intent::ReadAloud{}, true, false},
                              {"header.help", intent::Show{intent::Dialog::Help}, false, false},
                              {"header.start_over", intent::StartOver{}, false, false}};
const BarButton kMore = {"header.more", intent::Show{intent::Dialog::More}, false, true};

std::vector<const BarButton*> bar_buttons(const Ctx& c) {
  std::vector<const BarButton*> out;
  for (const auto& b : kBar)
    if (!b.needs_speech || c.speech_available) out.push_back(&b);
  return out;
}

// The Language button names the language it leads to in that language's own
// words ("Language · Español"): the next enabled one after the visitor's.
std::string bar_label(const Ctx& c, const BarButton& b) {
  const auto* show = std::get_if<intent::Show>(&b.kind);
  if (!show || show->dialog != intent::Dialog::Language) return c.t(b.key);
  const auto& locs = c.locales;
  const auto it = std::find(locs.begin(), locs.end(), c.session.prefs.locale);
  const std::string& other = locs.empty() ? c.session.prefs.locale
                             : it == locs.end() || it + 1 == locs.end() ? locs.front() : *(it + 1);
  return c.t(b.key, {{"other", c.catalog.format(other, "language.self")}});
}

// A screen under 30 lines of body text high (720p, 768p, 800p; large text on
// 1080p) keeps its bar low: shorter buttons, and fewer rows of body-size
// words before more rows of large ones.
bool short_screen(const ui::Ui& ui, float height) { return height < ui.em * 30; }

// Every row of `rows` has room for its labels at `font` (each button as wide
// as its words plus `pad`, the rest of the row shared out).
bool rows_fit(const ui::Ui& ui, ImFont* font, float width, int rows, const std::vector<std::string>& labels, float pad) {
  const int count = static_cast<int>(labels.size()), per_row = (count + rows - 1) / rows;
  const float gap = ui.em * 0.5f;
  for (int first = 0; first < count; first += per_row) {
    const int in_row = std::min(per_row, count - first);
    float need = gap * static_cast<float>(in_row - 1);
    for (int i = first; i < first + in_row; ++i) need += ui.text_size(font, labels[i]).x + pad;
    if (need > width - ui.em * 2) return false;
  }
  return true;
}

int bar_rows(const ui::Ui& ui, float width, float height, const std::vector<std::string>& labels) {
  // as few rows as let every label fit its button at full size; a short
  // screen never gives the bar a third row (its words get smaller instead)
  for (int rows = 1; rows < 3; ++rows)
    if (rows_fit(ui, ui.fonts.large, width, rows, labels, ui.em * 1.2f) ||
        (short_screen(ui, height) && rows_fit(ui, ui.fonts.body, width, rows, labels, ui.em * 1.2f)))
      return rows;
  return short_screen(ui, height) ? 2 : 3;
}

// One size of words for the whole bar: the large one when every label fits
// it, else the body size (a label that fits neither is drawn smaller alone).
bool bar_fits_large(const ui::Ui& ui, float width, int rows, const std::vector<std::string>& labels) {
  return rows_fit(ui, ui.fonts.large, width, rows, labels, ui.em * 0.4f);
}

// cover: the screen under the dialog is hidden entirely (the page's own
// background colour, opaque), not dimmed: the idle warning may be read by
// the next person in line, and must show nothing of this visitor's screen.
void begin_dialog(Ctx& c, const char* id, float width_em, bool cover = false) {
  c.ui.begin_modal();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImU32 under = ui::col(cover ? c.ui.th().background : c.ui.th().dialog_dim);
  if (cover) under |= IM_COL32_A_MASK;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, under);
  ImGui::Begin((std::string(id) + "-dim").c_str(), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  // over every window of the screen, the bar too (a bar button tapped since
  // this window was made would otherwise be in front of it); not by focus,
  // which would take the press from the dialog's buttons
  if (cover) ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  ImGui::End();
  ImGui::PopStyleColor();
  ImVec2 ds = ImGui::GetIO().DisplaySize;
  float w = std::min(ds.x * 0.92f, c.ui.em * width_em);
  ImGui::SetNextWindowPos(ImVec2(ds.x / 2, ds.y / 2), 0, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  // never taller than the screen: with large text a dialog scrolls
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, ds.y * 0.94f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(c.ui.th().surface));
  ImGui::PushStyleColor(ImGuiCol_Border, ui::col(c.ui.th().accent));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(c.ui.em * 1.5f, c.ui.em * 1.2f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(2.0f, c.ui.em * 0.1f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, c.ui.em * 0.6f);
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);  // a finger drags; the edge fades
  ImGui::SetWindowFocus();
  c.ui.touch_scroll();
}

// The language picker's grid: one column for a few languages, two for five to
// eight (each name in its own words and script, at the buttons' size), more
// when the rows would not fit the screen's height (large text on 1280x800).
struct LanguageGrid {
  int cols = 1;
  float width_em = 24;
};
LanguageGrid language_grid(const Ctx& c, float row) {
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  const float em = c.ui.em, gap = em * 0.5f;
  const size_t n = std::max<size_t>(1, c.locales.size());
  float widest = 0;
  for (const auto& loc : c.locales)
    widest = std::max(widest, c.ui.text_size(c.ui.fonts.large, c.catalog.format(loc, "language.self")).x + em * 1.6f);
  const float pad = em * 3;  // the dialog's padding, both sides
  const float room_w = std::min(ds.x * 0.92f, em * 60) - pad;
  // the heading's row and the dialog's padding above and below
  const float room_h = ds.y * 0.94f - std::max(c.ui.min_target, em * 2.2f) - em * (2.4f + 0.7f);
  LanguageGrid g;
  g.cols = n > 4 ? 2 : 1;
  auto rows = [&](int cols) { return static_cast<float>((n + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols)); };
  auto width = [&](int cols) { return static_cast<float>(cols) * widest + static_cast<float>(cols - 1) * gap; };
  while (rows(g.cols) * row + (rows(g.cols) - 1) * gap > room_h && width(g.cols + 1) <= room_w && static_cast<size_t>(g.cols) < n) ++g.cols;
  while (g.cols > 1 && width(g.cols) > room_w) --g.cols;  // never so many that a name is squeezed
  g.width_em = std::max(24.0f, (width(g.cols) + pad) / em);
  return g;
}

void end_dialog() {
  ImGui::End();
  ImGui::PopStyleVar(3);
  ImGui::PopStyleColor(2);
}

float full_width() { return ImGui::GetContentRegionAvail().x; }

// A dialog's heading with its Close button on the same line, so Close is in
// view whatever the text size.
void dialog_heading(Ctx& c, const std::string& title) {
  const std::string close = c.t("common.close");
  const float bw = c.ui.text_size(c.ui.fonts.large, close).x + c.ui.em * 1.6f;
  const float row = std::max(c.ui.min_target, c.ui.em * 2.2f);
  ImVec2 start = ImGui::GetCursorScreenPos();
  const float room = full_width();
  // Close at the end of the heading's line: the right, or the left in Arabic
  const bool rtl = c.ui.rtl;
  if (rtl) {
    ImGui::SetCursorScreenPos(ImVec2(start.x + bw + c.ui.em * 0.5f, start.y));
    ImGui::Indent(bw + c.ui.em * 0.5f);
  } else {
    c.ui.push_right(start.x + room - bw - c.ui.em * 0.5f);
  }
  c.ui.heading(title);
  if (rtl) ImGui::Unindent(bw + c.ui.em * 0.5f);
  else c.ui.pop_right();
  const float after = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(rtl ? start.x : start.x + room - bw, start.y));
  if (c.ui.button(close, ImVec2(bw, row))) c.ask(intent::CloseOverlay{});
  ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(after, start.y + row + c.ui.em * 0.3f)));
}
}  // namespace

namespace {
// The bar as it is drawn: every button, or (when that would take more than a
// fifth of the screen's height: large text, a short screen) one row of Home,
// Back, Language and More, the rest in the More dialog.
struct BarLayout {
  bool compact = false;
  std::vector<const BarButton*> buttons;
  std::vector<std::string> labels;
  int rows = 1;
  float pad = 0, gap = 0, button_h = 0, height = 0;
};
constexpr float kBarMaxShare = 0.2f;

BarLayout bar_layout(const Ctx& c) {
  BarLayout l;
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  l.buttons = bar_buttons(c);
  for (const BarButton* b : l.buttons) l.labels.push_back(bar_label(c, *b));
  l.rows = bar_rows(c.ui, ds.x, ds.y, l.labels);
  l.pad = c.ui.em * 0.6f;
  l.gap = c.ui.em * 0.5f;
  // a short screen: at most 8.5% of its height a row, never under the minimum target
  l.button_h = short_screen(c.ui, ds.y) ? std::max(c.ui.min_target, std::min(c.ui.em * 1.7f, ds.y * 0.085f))
                                        : std::max(c.ui.min_target, c.ui.em * 2.2f);
  l.height = static_cast<float>(l.rows) * l.button_h + static_cast<float>(l.rows - 1) * l.gap + l.pad * 2;
  if (l.height <= ds.y * kBarMaxShare) return l;
  l.compact = true;
  std::vector<const BarButton*> all = l.buttons;
  l.buttons.clear();
  l.labels.clear();
  for (const BarButton* b : all)
    if (b->stays) l.buttons.push_back(b), l.labels.push_back(bar_label(c, *b));
  l.buttons.push_back(&kMore);
  l.labels.push_back(c.t(kMore.key));
  l.rows = 1;
  l.button_h = std::max(c.ui.min_target, std::min(l.button_h, ds.y * kBarMaxShare - l.pad * 2));
  l.height = l.button_h + l.pad * 2;
  return l;
}

// Widths of one row of buttons: equal when every label fits that way, else
// each as wide as its words and the rest of the row shared out.
std::vector<float> row_widths(const Ctx& c, ImFont* font, const std::vector<std::string>& labels, float width, float gap) {
  const size_t n = labels.size();
  const float room = width - gap * static_cast<float>(n - 1);
  std::vector<float> need(n);
  float total = 0, widest = 0;
  for (size_t i = 0; i < n; ++i) {
    need[i] = c.ui.text_size(font, labels[i]).x + c.ui.em * 1.2f;
    total += need[i];
    widest = std::max(widest, need[i]);
  }
  std::vector<float> w(n, room / static_cast<float>(n));
  if (widest <= room / static_cast<float>(n)) return w;
  const float extra = std::max(0.0f, room - total) / static_cast<float>(n);
  const float k = total > room ? room / total : 1.0f;  // too wide even so: each shrinks alike (its words get smaller)
  for (size_t i = 0; i < n; ++i) w[i] = need[i] * k + extra;
  return w;
}
}  // namespace

float nav_bar_height(const Ctx& c) { return bar_layout(c).height; }

void draw_nav_bar(Ctx& c) {
  const BarLayout l = bar_layout(c);
  const std::vector<std::string>& labels = l.labels;
  const int count = static_cast<int>(l.buttons.size());
  ImVec2 ds = ImGui::GetIO().DisplaySize;
  const int rows = l.rows;
  const float pad = l.pad, gap = l.gap, bh = l.button_h, h = l.height;
  ImGui::SetNextWindowPos(ImVec2(0, ds.y - h));
  ImGui::SetNextWindowSize(ImVec2(ds.x, h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(c.ui.th().bar));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(c.ui.em, pad));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::Begin("##navbar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const int per_row = (count + rows - 1) / rows;
  c.ui.set_region("nav");
  ImFont* const large = c.ui.fonts.large;
  if (l.compact) {
    // the large words when the whole row has room for them, else body size
    float need = 0;
    for (const auto& lb : labels) need += c.ui.text_size(large, lb).x + c.ui.em * 1.2f;
    if (need + gap * static_cast<float>(count - 1) > ds.x - c.ui.em * 2 || large->FontSize > bh - c.ui.em * 0.2f) c.ui.fonts.large = c.ui.fonts.body;
  } else if (!bar_fits_large(c.ui, ds.x, rows, labels) || large->FontSize > bh - c.ui.em * 0.2f) {
    c.ui.fonts.large = c.ui.fonts.body;
  }
  // each row shares the whole width (a shorter last row too), by its words
  std::vector<float> widths;
  for (int first = 0; first < count; first += per_row) {
    const int in_row = std::min(per_row, count - first);
    const std::vector<std::string> row(labels.begin() + first, labels.begin() + first + in_row);
    for (float w : row_widths(c, c.ui.fonts.large, row, ds.x - c.ui.em * 2, gap)) widths.push_back(w);
  }
  // each row from the start of the reading direction: Home at the left, or
  // at the right in Arabic (Back beside it, Start over at the far end)
  const float x0 = ImGui::GetCursorPosX(), row_w = ds.x - c.ui.em * 2;
  float x = 0;
  for (int i = 0; i < count; ++i) {
    const float w = widths[i];
    if (i % per_row == 0) x = 0;
    const float at = x0 + (c.ui.rtl ? row_w - x - w : x);
    if (i % per_row) ImGui::SameLine(at);
    else ImGui::SetCursorPosX(at);
    x += w + gap;
    const bool danger = std::holds_alternative<intent::StartOver>(l.buttons[i]->kind);
    if (c.ui.button(labels[i], ImVec2(w, bh), danger ? ui::Style::Danger : ui::Style::Bar)) c.ask(l.buttons[i]->kind);
  }
  c.ui.fonts.large = large;
  c.ui.set_region("");
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

void draw_overlays(Ctx& c) {
  const auto& s = c.session;
  // a short screen keeps every dialog's answers in view: shorter rows
  const bool low = short_screen(c.ui, ImGui::GetIO().DisplaySize.y);
  float row = std::max(c.ui.min_target, c.ui.em * (low ? 1.8f : 2.4f));
  if (c.idle_seconds_left > 0) {
    begin_dialog(c, "##idle", 26, true);
    c.ui.heading(c.t("idle.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    c.ui.paragraph(c.t("idle.countdown", {{"seconds", int64_t(c.idle_seconds_left)}}), c.ui.fonts.large);
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.6f));
    if (c.ui.button(c.t("idle.more"), ImVec2(full_width(), row * (low ? 1.15f : 1.3f)), ui::Style::Primary)) c.ask(intent::MoreTime{});
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.3f));
    if (c.ui.button(c.t("idle.done"), ImVec2(full_width(), row))) c.ask(intent::StartOver{});
    end_dialog();
    return;
  }
  if (s.show_language_picker) {
    const LanguageGrid g = language_grid(c, row);
    begin_dialog(c, "##language", g.width_em);
    dialog_heading(c, c.t("language.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    const float x0 = ImGui::GetCursorPosX(), gap = c.ui.em * 0.5f;
    const float cell = (full_width() - gap * static_cast<float>(g.cols - 1)) / static_cast<float>(g.cols);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (size_t i = 0; i < c.locales.size(); ++i) {
      const std::string& loc = c.locales[i];
      grid_cell(c, static_cast<int>(i), g.cols, cell, gap, x0);
      const bool current = loc == s.prefs.locale;
      if (c.ui.button(c.catalog.format(loc, "language.self"), ImVec2(cell, row), current ? ui::Style::Primary : ui::Style::Normal))
        c.ask(intent::SetLocale{loc});
    }
    ImGui::PopStyleVar();
    end_dialog();
  } else if (s.show_accessibility) {
    begin_dialog(c, "##access", 28);
    dialog_heading(c, c.t("access.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    if (c.ui.toggle(c.t("access.large_text"), s.prefs.large_text, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
      c.ask(intent::Toggle{intent::Pref::LargeText});
    if (c.ui.toggle(c.t("access.contrast"), s.prefs.high_contrast, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
      c.ask(intent::Toggle{intent::Pref::Contrast});
    // speech, Touch and Hear and the volume only where something can be heard
    if (c.speech_available) {
      if (c.ui.toggle(c.t("access.speech"), s.prefs.speech, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
        c.ask(intent::Toggle{intent::Pref::Speech});
      if (c.ui.toggle(c.t("access.touch_hear"), s.prefs.touch_hear, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
        c.ask(intent::Toggle{intent::Pref::TouchHear});
      c.ui.paragraph(c.t("access.touch_hear_help"), nullptr, true);
      // volume: quieter, the level, louder
      const float third = (full_width() - c.ui.em) / 3;
      if (c.ui.button(c.t("access.quieter"), ImVec2(third, row))) c.ask(intent::Volume{-1});
      ImGui::SameLine(0, c.ui.em * 0.5f);
      ImVec2 p = ImGui::GetCursorScreenPos();
      std::string level = c.t("access.volume", {{"percent", int64_t(s.prefs.volume)}});
      ImVec2 ts = c.ui.text_size(c.ui.fonts.large, level);
      c.ui.draw_text(ImGui::GetWindowDrawList(), c.ui.fonts.large, ImVec2(p.x + (third - ts.x) / 2, p.y + (row - ts.y) / 2),
                     ui::col(c.ui.th().text), level);
      c.ui.text_node(level, {p.x, p.y, third, row});
      ImGui::Dummy(ImVec2(third, row));
      ImGui::SameLine(0, c.ui.em * 0.5f);
      if (c.ui.button(c.t("access.louder"), ImVec2(third, row))) c.ask(intent::Volume{+1});
    }
    end_dialog();
  } else if (s.show_more) {
    // the bar's buttons that did not fit on it, one a row
    begin_dialog(c, "##more", 24);
    dialog_heading(c, c.t("more.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    for (const BarButton* b : bar_buttons(c)) {
      if (b->stays) continue;
      const bool danger = std::holds_alternative<intent::StartOver>(b->kind);
      if (c.ui.button(bar_label(c, *b), ImVec2(full_width(), row), danger ? ui::Style::Danger : ui::Style::Normal)) c.ask(b->kind);
      ImGui::Dummy(ImVec2(0, c.ui.em * 0.1f));
    }
    end_dialog();
  } else if (s.show_help) {
    begin_dialog(c, "##help", 30);
    dialog_heading(c, c.t("help.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    c.ui.paragraph(c.t("help.body"));
    end_dialog();
  }
}

}  // namespace kiosk::screens
