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
  float wrap = c.w * 0.8f;
  ImVec2 ts = big->CalcTextSizeA(big->FontSize, FLT_MAX, wrap, title.c_str());
  ImVec2 hs = huge->CalcTextSizeA(huge->FontSize, FLT_MAX, wrap, touch.c_str());
  ImVec2 ss = c.ui.fonts.large->CalcTextSizeA(c.ui.fonts.large->FontSize, FLT_MAX, wrap, sub.c_str());
  float cy = c.y + c.h * 0.5f;
  dl->AddText(big, big->FontSize, ImVec2(c.x + (c.w - ts.x) / 2, cy - hs.y - ts.y - c.ui.em * 2), ui::col(th.text), title.c_str(), nullptr, wrap);
  // the call to action sits in a large accent pill
  float pw = hs.x + c.ui.em * 3, ph = hs.y + c.ui.em * 1.6f;
  ImVec2 pa(c.x + (c.w - pw) / 2, cy - ph / 2);
  dl->AddRectFilled(pa, ImVec2(pa.x + pw, pa.y + ph), ui::col(th.accent), ph / 2);
  dl->AddText(huge, huge->FontSize, ImVec2(pa.x + c.ui.em * 1.5f, pa.y + c.ui.em * 0.8f), ui::col(th.accent_text), touch.c_str());
  dl->AddText(c.ui.fonts.large, c.ui.fonts.large->FontSize, ImVec2(c.x + (c.w - ss.x) / 2, cy + ph / 2 + c.ui.em * 1.5f),
              ui::col(th.text_muted), sub.c_str(), nullptr, wrap);
  c.ui.text_node(title, {c.x + (c.w - ts.x) / 2, cy - hs.y - ts.y - c.ui.em * 2, ts.x, ts.y}, ui::Role::Heading);
  // register the full-screen target under the visible call to action
  ImGui::SetCursorScreenPos(ImVec2(c.x, c.y));
  if (ImGui::InvisibleButton("##attract-any", ImVec2(c.w, c.h))) c.ask(Intent::Type::Home);
  c.ui.text_node(touch, {pa.x, pa.y, pw, ph}, ui::Role::Button);
  end_body();
}

}  // namespace kiosk::screens
