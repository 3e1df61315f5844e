// Staff-facing screen when no content database could be opened. Its words are
// fixed English on purpose: without content there is no catalog to translate
// them, and the reader is a staff member, not a visitor.
#include "screens/screens.h"

namespace kiosk::screens {

void draw_content_missing(Ctx& c) {
  begin_body(c, "##content-missing");
  c.ui.heading("Content is missing");
  ImGui::Dummy(ImVec2(0, c.ui.em * 0.5f));
  c.ui.paragraph("This kiosk has no usable content database, so it cannot help visitors yet.");
  c.ui.paragraph("Staff: build it with  kiosk-content build content --out <database>  and check the "
                 "database path in the kiosk's config file. The kiosk loads it as soon as it appears.");
  c.ui.paragraph("Visitors: please ask a staff member at the front desk.", c.ui.fonts.large);
  end_body();
}

}  // namespace kiosk::screens
