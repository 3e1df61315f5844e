// The router table: every screen the kiosk can show, by name.
#include "screens/screens.h"

namespace kiosk::screens {

const std::vector<ScreenDef>& all_screens() {
  static const std::vector<ScreenDef> list = {
      {"attract", draw_attract, false},
      {"home", draw_home, true},
      {"questions", draw_not_ready, true},
      {"offices", draw_not_ready, true},
      {"guides", draw_not_ready, true},
      {"kids", draw_not_ready, true},
      {"search", draw_not_ready, true},
      {"call", draw_not_ready, true},
      {"content-missing", draw_content_missing, false},
  };
  return list;
}

const ScreenDef* find_screen(const std::string& name) {
  for (const auto& s : all_screens())
    if (name == s.name) return &s;
  return nullptr;
}

void begin_body(Ctx& c, const char* id) {
  ImGui::SetNextWindowPos(ImVec2(c.x, c.y));
  ImGui::SetNextWindowSize(ImVec2(c.w, c.h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(c.ui.th().background));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(c.ui.em * 1.5f, c.ui.em * 1.2f));
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
}

void end_body() {
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace kiosk::screens
