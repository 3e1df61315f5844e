// A part of the kiosk that is not built yet says so plainly.
#include "screens/screens.h"

namespace kiosk::screens {

void draw_not_ready(Ctx& c) {
  begin_body(c, "##not-ready");
  static const std::pair<const char*, const char*> names[] = {
      {"questions", "home.tile.questions"}, {"offices", "home.tile.offices"}, {"guides", "home.tile.guides"},
      {"kids", "home.tile.kids"},           {"search", "home.tile.search"},   {"call", "home.tile.call"}};
  for (const auto& [screen, key] : names)
    if (c.session.nav.top().screen == screen) c.ui.heading(c.t(key));
  ImGui::Dummy(ImVec2(0, c.ui.em * 0.5f));
  c.ui.paragraph(c.t("notready.title"), c.ui.fonts.large);
  ImGui::Dummy(ImVec2(0, c.ui.em * 0.3f));
  c.ui.paragraph(c.t("notready.body"));
  ImGui::Dummy(ImVec2(0, c.ui.em));
  if (c.ui.button(c.t("header.back"), ImVec2(0, 0), ui::Style::Primary)) c.ask(Intent::Type::Back);
  end_body();
}

}  // namespace kiosk::screens
