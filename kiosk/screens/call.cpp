// Call or visit: every phone line with what it is for and the hours the
// sources give. A line opened from elsewhere (param = its id) comes first.
#include "screens/parts.h"

namespace kiosk::screens {

void draw_call(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  begin_body(c, "##call");
  const std::string first = c.session.nav.top().param;
  title(c, c.t("call.title"));
  c.ui.paragraph(c.t("call.intro"), nullptr, true);
  gap(c, 0.5f);
  if (const auto* line = c.model->contact(first)) {
    phone_card(c, *line, true);
    gap(c, 0.4f);
  }
  for (const auto& line : c.model->contacts) {
    if (line.id == first) continue;
    phone_card(c, line, true);
    gap(c, 0.4f);
  }
  section(c, c.t("call.visit"));
  if (c.ui.row(c.t("home.tile.offices"), c.t("home.tile.offices.sub"))) c.ask(Intent::Type::Open, "offices", "");
  end_body();
}

}  // namespace kiosk::screens
