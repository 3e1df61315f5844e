// The parts around every screen: the navigation bar (Home, Back, Language,
// Accessibility, Help, Start over) and the dialogs drawn over a screen.
// The bar sits at the bottom, within reach of a seated visitor.
#include <algorithm>

#include "screens/screens.h"

namespace kiosk::screens {

namespace {
const char* const kBar[] = {"header.home", "header.back", "header.language", "header.accessibility", "header.help",
                            "header.start_over"};

int bar_rows(const ui::Ui& ui, float width, const std::vector<std::string>& labels) {
  float widest = 0;
  for (const auto& l : labels)
    widest = std::max(widest, ui.text_size(ui.fonts.large, l).x);
  float per = (width - ui.em * 2) / 6 - ui.em * 0.5f;
  return widest + ui.em * 1.2f <= per ? 1 : 2;
}

void begin_dialog(Ctx& c, const char* id, float width_em) {
  c.ui.begin_modal();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(c.ui.th().dialog_dim));
  ImGui::Begin((std::string(id) + "-dim").c_str(), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::End();
  ImGui::PopStyleColor();
  ImVec2 ds = ImGui::GetIO().DisplaySize;
  float w = std::min(ds.x * 0.92f, c.ui.em * width_em);
  ImGui::SetNextWindowPos(ImVec2(ds.x / 2, ds.y / 2), 0, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(c.ui.th().surface));
  ImGui::PushStyleColor(ImGuiCol_Border, ui::col(c.ui.th().accent));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(c.ui.em * 1.5f, c.ui.em * 1.2f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(2.0f, c.ui.em * 0.1f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, c.ui.em * 0.6f);
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::SetWindowFocus();
}

void end_dialog() {
  ImGui::End();
  ImGui::PopStyleVar(3);
  ImGui::PopStyleColor(2);
}

float full_width() { return ImGui::GetContentRegionAvail().x; }
}  // namespace

namespace {
struct BarLayout {
  int rows;
  float pad, gap, button_h, height;
};
BarLayout bar_layout(const Ctx& c, const std::vector<std::string>& labels) {
  BarLayout l;
  l.rows = bar_rows(c.ui, ImGui::GetIO().DisplaySize.x, labels);
  l.pad = c.ui.em * 0.6f;
  l.gap = c.ui.em * 0.5f;
  l.button_h = std::max(c.ui.min_target, c.ui.em * 2.2f);
  l.height = l.rows * l.button_h + (l.rows - 1) * l.gap + l.pad * 2;
  return l;
}
std::vector<std::string> bar_labels(const Ctx& c) {
  std::vector<std::string> labels;
  for (const char* k : kBar) labels.push_back(c.t(k));
  return labels;
}
}  // namespace

float nav_bar_height(const Ctx& c) { return bar_layout(c, bar_labels(c)).height; }

void draw_nav_bar(Ctx& c) {
  std::vector<std::string> labels = bar_labels(c);
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
  int per_row = rows == 1 ? 6 : 3;
  float bw = (ds.x - c.ui.em * 2 - gap * (per_row - 1)) / per_row;
  c.ui.set_region("nav");
  static constexpr Intent::Type kinds[] = {Intent::Type::Home, Intent::Type::Back, Intent::Type::ShowLanguage,
                                           Intent::Type::ShowAccessibility, Intent::Type::ShowHelp, Intent::Type::StartOver};
  for (int i = 0; i < 6; ++i) {
    if (i % per_row) ImGui::SameLine();
    if (c.ui.button(labels[i], ImVec2(bw, bh), i == 5 ? ui::Style::Danger : ui::Style::Bar)) c.ask(kinds[i]);
  }
  c.ui.set_region("");
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

void draw_overlays(Ctx& c) {
  const auto& s = c.session;
  float row = std::max(c.ui.min_target, c.ui.em * 2.4f);
  if (c.idle_seconds_left > 0) {
    begin_dialog(c, "##idle", 26);
    c.ui.heading(c.t("idle.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    c.ui.paragraph(c.t("idle.countdown", {{"seconds", int64_t(c.idle_seconds_left)}}), c.ui.fonts.large);
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.6f));
    if (c.ui.button(c.t("idle.more"), ImVec2(full_width(), row * 1.3f), ui::Style::Primary)) c.ask(Intent::Type::MoreTime);
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.3f));
    if (c.ui.button(c.t("idle.done"), ImVec2(full_width(), row))) c.ask(Intent::Type::StartOver);
    end_dialog();
    return;
  }
  if (s.show_language_picker) {
    begin_dialog(c, "##language", 24);
    c.ui.heading(c.t("language.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    for (const auto& loc : c.locales) {
      std::string name = c.catalog.format(loc, "language.self");
      bool current = loc == s.prefs.locale;
      if (c.ui.button(name, ImVec2(full_width(), row), current ? ui::Style::Primary : ui::Style::Normal))
        c.ask(Intent::Type::SetLocale, loc);
    }
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.3f));
    if (c.ui.button(c.t("common.close"), ImVec2(full_width(), row))) c.ask(Intent::Type::CloseOverlay);
    end_dialog();
  } else if (s.show_accessibility) {
    begin_dialog(c, "##access", 28);
    c.ui.heading(c.t("access.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    if (c.ui.toggle(c.t("access.large_text"), s.prefs.large_text, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
      c.ask(Intent::Type::ToggleLargeText);
    if (c.ui.toggle(c.t("access.contrast"), s.prefs.high_contrast, c.t("access.on"), c.t("access.off"), ImVec2(full_width(), row)))
      c.ask(Intent::Type::ToggleContrast);
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.3f));
    if (c.ui.button(c.t("common.close"), ImVec2(full_width(), row), ui::Style::Primary)) c.ask(Intent::Type::CloseOverlay);
    end_dialog();
  } else if (s.show_help) {
    begin_dialog(c, "##help", 30);
    c.ui.heading(c.t("help.title"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.4f));
    c.ui.paragraph(c.t("help.body"));
    ImGui::Dummy(ImVec2(0, c.ui.em * 0.6f));
    if (c.ui.button(c.t("common.close"), ImVec2(full_width(), row), ui::Style::Primary)) c.ask(Intent::Type::CloseOverlay);
    end_dialog();
  }
}

}  // namespace kiosk::screens
