// The attract screen: "Touch to start", cycling through every configured language.
#include "screens/screens.h"

namespace kiosk::screens {

void draw_attract(Ctx& c) {
  begin_body(c, "##attract");
  const auto& th = c.ui.th();
  // One language at a time, attract_cycle_ms each (a key or touch starts in any).
  size_t n = c.locales.empty() ? 1 : c.locales.size();
  const std::string& loc = c.locales.empty() ? c.session.prefs.locale : c.locales[(c.now_ms / c.attract_cycle_ms) % n];
  std::string touch = c.catalog.format(loc, "attract.touch");
  std::string title = c.catalog.format(loc, "app.title");
  std::string sub = c.catalog.format(loc, "attract.subtitle");

  // The whole screen is one target: any touch starts.
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(c.x, c.y), ImVec2(c.x + c.w, c.y + c.h), ui::col(th.background));
  ImFont* huge = c.ui.fonts.huge;
  ImFont* big = c.ui.fonts.title;
  // short lines, each centred (drawn shaped and in visual order for any script)
  ImVec2 ts = c.ui.text_size(big, title);
  ImVec2 hs = c.ui.text_size(huge, touch);
  ImVec2 ss = c.ui.text_size(c.ui.fonts.large, sub);
  float cy = c.y + c.h * 0.5f;
  c.ui.draw_text(dl, big, ImVec2(c.x + (c.w - ts.x) / 2, cy - hs.y - ts.y - c.ui.em * 2), ui::col(th.text), title);
  // the call to action sits in a large accent pill
  float pw = hs.x + c.ui.em * 3, ph = hs.y + c.ui.em * 1.6f;
  ImVec2 pa(c.x + (c.w - pw) / 2, cy - ph / 2);
  dl->AddRectFilled(pa, ImVec2(pa.x + pw, pa.y + ph), ui::col(th.accent), ph / 2);
  c.ui.draw_text(dl, huge, ImVec2(pa.x + c.ui.em * 1.5f, pa.y + c.ui.em * 0.8f), ui::col(th.accent_text), touch);
  c.ui.draw_text(dl, c.ui.fonts.large, ImVec2(c.x + (c.w - ss.x) / 2, cy + ph / 2 + c.ui.em * 1.5f), ui::col(th.text_muted), sub);
  c.ui.text_node(title, {c.x + (c.w - ts.x) / 2, cy - hs.y - ts.y - c.ui.em * 2, ts.x, ts.y}, ui::Role::Heading);
  // register the full-screen target under the visible call to action
  ImGui::SetCursorScreenPos(ImVec2(c.x, c.y));
  if (ImGui::InvisibleButton("##attract-any", ImVec2(c.w, c.h))) c.ask(Intent::Type::Home);
  c.ui.text_node(touch, {pa.x, pa.y, pw, ph}, ui::Role::Button);
  end_body();
}

}  // namespace kiosk::screens
