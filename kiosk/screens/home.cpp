// Home: large tiles for each part of the mission.
#include "screens/screens.h"

namespace kiosk::screens {

void draw_home(Ctx& c) {
  begin_body(c, "##home");
  c.ui.heading(c.t("home.welcome"));
  ImGui::Dummy(ImVec2(0, c.ui.em * 0.6f));
  struct T { const char* screen; const char* key; };
  static constexpr T tiles[] = {{"questions", "home.tile.questions"}, {"offices", "home.tile.offices"},
                                {"guides", "home.tile.guides"},       {"kids", "home.tile.kids"},
                                {"search", "home.tile.search"},       {"call", "home.tile.call"}};
  const float gap = c.ui.em * 0.9f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool portrait = c.h > c.w;
  const int cols = portrait ? 2 : 3, rows = portrait ? 3 : 2;
  float tw = (avail.x - gap * (cols - 1)) / cols;
  float th = std::max(c.ui.min_target * 2, (avail.y - gap * (rows - 1)) / rows);
  th = std::min(th, c.ui.em * (portrait ? 11.0f : 9.0f));
  // On a tall screen the grid sits low, within reach of a seated visitor.
  float grid_h = rows * th + (rows - 1) * gap;
  if (portrait && avail.y > grid_h) ImGui::Dummy(ImVec2(0, avail.y - grid_h - ImGui::GetStyle().ItemSpacing.y * 2));
  for (int i = 0; i < 6; ++i) {
    if (i % cols != 0) ImGui::SameLine(0, gap);
    else if (i) ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y * 2));
    std::string key = tiles[i].key;
    if (c.ui.tile(c.t(key), c.t(key + ".sub"), ImVec2(tw, th))) c.ask(Intent::Type::Open, tiles[i].screen);
  }
  end_body();
}

}  // namespace kiosk::screens
