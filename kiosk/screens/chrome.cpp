// The parts around every screen: the navigation bar (Home, Back, Language,
// Accessibility, Help, Start over) and the dialogs drawn over a screen.
// The bar sits at the bottom, within reach of a seated visitor.
#include <algorithm>

#include <imgui_internal.h>

#include "screens/screens.h"

namespace kiosk::screens {

namespace {
// The bar's buttons in order; Read aloud only where speech can be heard.
struct BarButton {
  const char* key;
  Intent::Type kind;
  bool needs_speech;
};
constexpr BarButton kBar[] = {{"header.home", Intent::Type::Home, false},
                              {"header.back", Intent::Type::Back, false},
                              {"header.language", Intent::Type::ShowLanguage, false},
                              {"header.accessibility", Intent::Type::ShowAccessibility, false},
                              {"header.read_aloud", Intent::Type::ReadAloud, true},
                              {"header.help", Intent::Type::ShowHelp, false},
                              {"header.start_over", Intent::Type::StartOver, false}};

std::vector<const BarButton*> bar_buttons(const Ctx& c) {
  std::vector<const BarButton*> out;
  for (const auto& b : kBar)
    if (!b.needs_speech || c.speech_available) out.push_back(&b);
  return out;
}

// A screen under 30 lines of body text high (720p, 768p, 800p; large text on
// 1080p) keeps its bar low: shorter buttons, and fewer rows of body-size
// words before more rows of large ones.
bool short_screen(const ui::Ui& ui, float height) { return height < ui.em * 30; }

int bar_rows(const ui::Ui& ui, float width, float height, const std::vector<std::string>& labels) {
  const int count = static_cast<int>(labels.size());
  const float gap = ui.em * 0.5f;
  auto fits = [&](ImFont* font, int rows) {
    const int per_row = (count + rows - 1) / rows;
    for (int i = 0; i < count; ++i) {
      const int in_row = std::min(per_row, count - (i / per_row) * per_row);  // a shorter last row is wider
      if (ui.text_size(font, labels[i]).x + ui.em * 1.2f > (width - ui.em * 2 - gap * (in_row - 1)) / in_row) return false;
    }
    return true;
  };
  // as few rows as let every label fit its button at full size; a short
  // screen never gives the bar a third row (its words get smaller instead)
  for (int rows = 1; rows < 3; ++rows)
    if (fits(ui.fonts.large, rows) || (short_screen(ui, height) && fits(ui.fonts.body, rows))) return rows;
  return short_screen(ui, height) ? 2 : 3;
}

// One size of words for the whole bar: the large one when every label fits
// it, else the body size (a label that fits neither is drawn smaller alone).
bool bar_fits_large(const ui::Ui& ui, float width, int rows, const std::vector<std::string>& labels) {
  const int count = static_cast<int>(labels.size()), per_row = (count + rows - 1) / rows;
  const float gap = ui.em * 0.5f;
  for (int i = 0; i < count; ++i) {
    const int in_row = std::min(per_row, count - (i / per_row) * per_row);
    if (ui.text_size(ui.fonts.large, labels[i]).x + ui.em * 0.4f > (width - ui.em * 2 - gap * (in_row - 1)) / in_row) return false;
  }
  return true;
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
  c.ui.push_right(start.x + full_width() - bw - c.ui.em * 0.5f);
  c.ui.heading(title);
  c.ui.pop_right();
  const float after = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(start.x + full_width() - bw, start.y));
  if (c.ui.button(close, ImVec2(bw, row))) c.ask(Intent::Type::CloseOverlay);
  ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(after, start.y + row + c.ui.em * 0.3f)));
}
}  // namespace

namespace {
struct BarLayout {
  int rows;
  float pad, gap, button_h, height;
};
BarLayout bar_layout(const Ctx& c, const std::vector<std::string>& labels) {
  BarLayout l;
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  l.rows = bar_rows(c.ui, ds.x, ds.y, labels);
  l.pad = c.ui.em * 0.6f;
  l.gap = c.ui.em * 0.5f;
  // a short screen: at most 8.5% of its height a row, never under the minimum target
  l.button_h = short_screen(c.ui, ds.y) ? std::max(c.ui.min_target, std::min(c.ui.em * 1.7f, ds.y * 0.085f))
                                        : std::max(c.ui.min_target, c.ui.em * 2.2f);
  l.height = l.rows * l.button_h + (l.rows - 1) * l.gap + l.pad * 2;
  return l;
}
std::vector<std::string> bar_labels(const Ctx& c) {
  std::vector<std::string> labels;
  for (const BarButton* b : bar_buttons(c)) labels.push_back(c.t(b->key));
  return labels;
}
}  // namespace

float nav_bar_height(const Ctx& c) { return bar_layout(c, bar_labels(c)).height; }

void draw_nav_bar(Ctx& c) {
  std::vector<std::string> labels = bar_labels(c);
  const std::vector<const BarButton*> buttons = bar_buttons(c);
  const int count = static_cast<int>(buttons.size());
  ImVec2 ds = ImGui::GetIO().DisplaySize;
  BarLayout l = bar_layout(c, labels);
  int rows = l.rows;
  float pad = l.pad, gap = l.gap, bh = l.button_h, h = l.height;
  ImGui::SetNextWindowPos(ImVec2(0, ds.y - h));
  ImGui::SetNextWindowSize(ImVec2(ds.x, h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(c.ui.th().bar));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(c.ui.em, pad));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::Begin("##navbar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  int per_row = (count + rows - 1) / rows;
  float bw = (ds.x - c.ui.em * 2 - gap * (per_row - 1)) / per_row;
  c.ui.set_region("nav");
  ImFont* const large = c.ui.fonts.large;
  if (!bar_fits_large(c.ui, ds.x, rows, labels) || large->FontSize > bh - c.ui.em * 0.2f) c.ui.fonts.large = c.ui.fonts.body;
  for (int i = 0; i < count; ++i) {
    if (i % per_row) ImGui::SameLine();
    // a shorter last row shares the whole width too
    const int in_row = std::min(per_row, count - (i / per_row) * per_row);
    const float w = in_row == per_row ? bw : (ds.x - c.ui.em * 2 - gap * (in_row - 1)) / in_row;
    if (c.ui.button(labels[i], ImVec2(w, bh), i == count - 1 ? ui::Style::Danger : ui::Style::Bar)) c.ask(buttons[i]->kind);
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
    if (c.ui.button(c.t("idle.more"), ImVec2(full_width(), row * (low ? 1.15f : 1.3f)), ui::Style::Primary)) c.ask(Intent::Type::MoreTime);
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.3f));
    if (c.ui.button(c.t("idle.done"), ImVec2(full_width(), row))) c.ask(Intent::Type::StartOver);
    end_dialog();
    return;
  }
  if (s.show_language_picker) {
    begin_dialog(c, "##language", 24);
    dialog_heading(c, c.t("language.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    for (const auto& loc : c.locales) {
      std::string name = c.catalog.format(loc, "language.self");
      bool current = loc == s.prefs.locale;
      if (c.ui.button(name, ImVec2(full_width(), row), current ? ui::Style::Primary : ui::Style::Normal))
        c.ask(Intent::Type::SetLocale, loc);
    }
    end_dialog();
  } else if (s.show_accessibility) {
    begin_dialog(c, "##access", 28);
    dialog_heading(c, c.t("access.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    if (c.ui.toggle(c.t("access.large_text"), s.prefs.large_text, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
      c.ask(Intent::Type::ToggleLargeText);
    if (c.ui.toggle(c.t("access.contrast"), s.prefs.high_contrast, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
      c.ask(Intent::Type::ToggleContrast);
    // speech, Touch and Hear and the volume only where something can be heard
    if (c.speech_available) {
      if (c.ui.toggle(c.t("access.speech"), s.prefs.speech, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
        c.ask(Intent::Type::ToggleSpeech);
      if (c.ui.toggle(c.t("access.touch_hear"), s.prefs.touch_hear, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
        c.ask(Intent::Type::ToggleTouchHear);
      c.ui.paragraph(c.t("access.touch_hear_help"), nullptr, true);
      // volume: quieter, the level, louder
      const float third = (full_width() - c.ui.em) / 3;
      if (c.ui.button(c.t("access.quieter"), ImVec2(third, row))) c.ask(Intent::Type::Volume, "down");
      ImGui::SameLine(0, c.ui.em * 0.5f);
      ImVec2 p = ImGui::GetCursorScreenPos();
      std::string level = c.t("access.volume", {{"percent", int64_t(s.prefs.volume)}});
      ImVec2 ts = c.ui.text_size(c.ui.fonts.large, level);
      c.ui.draw_text(ImGui::GetWindowDrawList(), c.ui.fonts.large, ImVec2(p.x + (third - ts.x) / 2, p.y + (row - ts.y) / 2),
                     ui::col(c.ui.th().text), level);
      c.ui.text_node(level, {p.x, p.y, third, row});
      ImGui::Dummy(ImVec2(third, row));
      ImGui::SameLine(0, c.ui.em * 0.5f);
      if (c.ui.button(c.t("access.louder"), ImVec2(third, row))) c.ask(Intent::Type::Volume, "up");
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
