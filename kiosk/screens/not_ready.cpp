// A part of the kiosk that is not built yet says so plainly.
#include "screens/screens.h"

namespace kiosk::screens {

void draw_not_ready(Ctx& c) {
  begin_body(c, "##not-ready");
  // the part's name, as its home tile says it
  for (const auto* s : home_tiles())
    if (c.session.nav.top().screen == s->id) c.ui.heading(c.t(s->home_tile));
  ImGui::Dummy(ImVec2(0, c.ui.em * 0.5f));
  c.ui.paragraph(c.t("notready.title"), c.ui.fonts.large);
  ImGui::Dummy(ImVec2(0, c.ui.em * 0.3f));
  c.ui.paragraph(c.t("notready.body"));
  ImGui::Dummy(ImVec2(0, c.ui.em));
  if (c.ui.button(c.t("header.back"), ImVec2(0, 0), ui::Style::Primary)) c.ask(intent::Back{});
  end_body();
}

}  // namespace kiosk::screens
