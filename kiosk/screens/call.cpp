// Call or visit: every phone line with what it is for and the hours the
// sources give. A line opened from elsewhere (param = its id) comes first.
#include "screens/parts.h"

namespace kiosk::screens {

void draw_call(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  begin_body(c, "##call");
  const std::string first = c.session.nav.top().id;
  title(c, c.t("call.title"));
  c.ui.paragraph(c.t("call.intro"), nullptr, true);
  gap(c, 0.5f);
  // each line with its Print button (with a printer)
  auto card = [&](const content::Contact& line) {
    phone_card(c, line, true);
    print_button(c, line.id.c_str(), [&] { return print::page_for_line(line, print_words(c)); });
    gap(c, 0.4f);
  };
  if (const auto* line = c.model->contact(first)) card(*line);
  for (const auto& line : c.model->contacts)
    if (line.id != first) card(line);
  section(c, c.t("call.visit"));
  if (c.ui.row(c.t("home.tile.offices"), c.t("home.tile.offices.sub"))) c.open(ScreenId::Offices);
  end_body();
}

}  // namespace kiosk::screens
