// The router table: every screen the kiosk can show, in ScreenId's order.
#include "screens/screens.h"

namespace kiosk::screens {

const std::vector<ScreenDef>& all_screens() {
  static const std::vector<ScreenDef> list = {
      {ScreenId::Attract, draw_attract, false, nullptr, TextField::None, false, true},
      {ScreenId::Home, draw_home, true},
      {ScreenId::Questions, draw_questions, true, "home.tile.questions"},
      {ScreenId::Topic, draw_topic, true},
      {ScreenId::Answer, draw_answer, true},
      {ScreenId::Offices, draw_offices, true, "home.tile.offices", TextField::Town, false, false, false, false},
      {ScreenId::Office, draw_office, true},
      {ScreenId::Which, draw_which, true, nullptr, TextField::None, false, false, false, false},
      {ScreenId::Guides, draw_guides, true, "home.tile.guides"},
      {ScreenId::Guide, draw_guide, true},
      {ScreenId::Kids, draw_kids, true, "home.tile.kids", TextField::None, false, false, true},
      {ScreenId::KidsPage, draw_kids_page, true, nullptr, TextField::None, false, false, true},
      {ScreenId::Search, draw_search, true, "home.tile.search", TextField::Search},
      {ScreenId::Call, draw_call, true, "home.tile.call"},
      {ScreenId::StaffPin, draw_staff_pin, false, nullptr, TextField::None, true},
      {ScreenId::Staff, draw_staff, false, nullptr, TextField::None, true},
      {ScreenId::StaffTest, draw_staff_test, false, nullptr, TextField::None, true},
      {ScreenId::ContentMissing, draw_content_missing, false, nullptr, TextField::None, false, true},
  };
  return list;
}

std::vector<const ScreenDef*> home_tiles() {
  std::vector<const ScreenDef*> out;
  for (const auto& s : all_screens())
    if (s.home_tile) out.push_back(&s);
  return out;
}

const ScreenDef& find_screen(ScreenId id) {
  const auto& list = all_screens();
  // the table is in ScreenId's order (a test checks it); a search keeps a slip harmless
  const size_t i = static_cast<size_t>(id);
  if (i < list.size() && list[i].id == id) return list[i];
  for (const auto& s : list)
    if (s.id == id) return s;
  return list[1];  // home
}

void begin_panel(Ctx& c, const char* id, ImVec2 pos, ImVec2 size, ui::Color bg, bool scrolls, float pad_em) {
  const float e = pad_em > 0 ? pad_em : c.ui.em;
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(bg));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(e * 1.5f, e * (scrolls ? 1.2f : 0.6f)));
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                           ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                           // fingers drag; a window with more to show fades at its edge (Ui::touch_scroll)
                           ImGuiWindowFlags_NoScrollbar;
  ImGui::Begin(id, nullptr, flags);
  // with pad_em, the space between items follows it too
  const ImVec2 sp = ImGui::GetStyle().ItemSpacing;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, pad_em > 0 ? ImVec2(sp.x * e / c.ui.em, sp.y * e / c.ui.em) : sp);
  if (scrolls) c.ui.touch_scroll();
}

bool cramped(const Ctx& c) { return c.session.prefs.large_text && ImGui::GetIO().DisplaySize.y < c.ui.em * 18; }

void begin_body(Ctx& c, const char* id, float footer, float side) {
  // right to left the side panel (the keyboard) is at the left, the page first at the right
  begin_panel(c, id, ImVec2(c.ui.rtl ? c.x + side : c.x, c.y), ImVec2(c.w - side, c.h - footer), c.ui.th().background, true,
              cramped(c) ? c.ui.em / 1.5f : 0);
}

void begin_footer(Ctx& c, const char* id, float height) {
  begin_panel(c, id, ImVec2(c.x, c.y + c.h - height), ImVec2(c.w, height), c.ui.th().surface_pressed, false);
}

void begin_side(Ctx& c, const char* id, float width, float pad_em) {
  // it scrolls only if its keys cannot shrink enough (very large text); with
  // pad_em (large text on a short screen) the keys are sized to fit, and its
  // padding is the footer's, narrower
  begin_panel(c, id, ImVec2(c.ui.rtl ? c.x : c.x + c.w - width, c.y), ImVec2(width, c.h), c.ui.th().surface_pressed, pad_em <= 0,
              pad_em);
}

void end_body() {
  ImGui::PopStyleVar();  // ItemSpacing
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace kiosk::screens
