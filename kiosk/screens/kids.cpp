// Kids' corner: its own calm look (the app switches the theme for these
// screens), larger type, and sections for children, teens and caregivers,
// with how to reach the CIP Initiative.
#include "screens/parts.h"

namespace kiosk::screens {

namespace {
const char* kSections[] = {"children", "teens", "caregivers"};
}

void draw_kids(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  begin_body(c, "##kids");
  title(c, c.t("kids.title"));
  c.ui.paragraph(c.t("kids.intro"), c.ui.fonts.reading);
  const bool portrait = c.h > c.w;
  for (const char* sec : kSections) {
    section(c, c.t(std::string("kids.section.") + sec));
    const int cols = portrait ? 1 : 2;
    const float g = c.ui.em * 0.7f;
    const float tw = (c.ui.avail() - g * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    float th = c.ui.em * 4.4f;
    for (const auto& p : c.model->kids) th = c.ui.tile_height(p.title, "", tw, true, th);
    int shown = 0;
    const float x0 = ImGui::GetCursorPosX();
    for (const auto& p : c.model->kids) {
      if (p.audience != sec) continue;
      if (shown && shown % cols == 0) gap(c, 0.2f);
      grid_cell(c, shown, cols, tw, g, x0);
      if (c.ui.tile(p.title, "", ImVec2(tw, th), p.illustration)) c.open(ScreenId::KidsPage, p.id);
      ++shown;
    }
  }
  section(c, c.t("kids.reach"));
  if (const auto* line = c.model->line(content::Line::Children)) phone_card(c, *line, false);
  if (const auto* o = c.model->place(content::Place::Children))
    if (office_row(c, *o)) c.open(ScreenId::Office, o->id);
  end_body();
}

void draw_kids_page(Ctx& c) {
  const content::KidsPage* p = c.model ? c.model->kids_page(c.session.nav.top().id) : nullptr;
  if (!p) return draw_not_ready(c);
  begin_body(c, "##kids-page");
  c.ui.paragraph(c.t(std::string("kids.section.") + p->audience), c.ui.fonts.bold, true);
  {
    // the page's picture beside its title
    const float pic = c.ui.em * 3.0f;
    ImVec2 a = ImGui::GetCursorScreenPos();
    c.ui.draw_picture(p->illustration, ImVec2(a.x + pic / 2, a.y + pic / 2), pic / 2);
    ImGui::SetCursorScreenPos(ImVec2(a.x + pic + c.ui.em, a.y + (pic - c.ui.fonts.title->FontSize * 1.25f) / 2));
    title(c, p->title);
    ImGui::SetCursorScreenPos(ImVec2(a.x, std::max(ImGui::GetCursorScreenPos().y, a.y + pic + c.ui.em * 0.4f)));
  }
  Card k = card_begin(c);
  // simpler words deserve bigger letters
  markdown(c, p->body, c.ui.fonts.reading);
  card_end(c, k);
  gap(c, 0.4f);
  if (const auto* line = c.model->line(content::Line::Children)) phone_card(c, *line, false);
  end_body();
}

}  // namespace kiosk::screens
