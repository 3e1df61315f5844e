// The attract screen: "Touch to start", cycling through every configured
// language, and each language by its own name to start in it.
#include <algorithm>

#include "screens/screens.h"

namespace kiosk::screens {

void draw_attract(Ctx& c) {
  // nothing here scrolls: the whole screen is one target
  begin_panel(c, "##attract", ImVec2(c.x, c.y), ImVec2(c.w, c.h), c.ui.th().background, false);
  const auto& th = c.ui.th();
  // One language at a time, attract_cycle_ms each (a key or touch starts in any).
  const std::string& loc = attract_locale(c.locales, c.session.prefs.locale, c.now_ms, c.attract_cycle_ms);
  std::string touch = c.catalog.format(loc, "attract.touch");
  std::string title = c.catalog.format(loc, "app.title");
  std::string sub = c.catalog.format(loc, "attract.subtitle");

  auto* dl = ImGui::GetWindowDrawList();
  const float em = c.ui.em, margin = em * 1.5f, room = c.w - margin * 2;
  // short lines, each centred; a line wider than the screen wraps (and, if it
  // must, gets smaller) instead of running off both sides
  ui::Ui::Fitted ft = c.ui.fit({c.ui.fonts.title}, title, room, c.h * 0.25f);
  ui::Ui::Fitted fh = c.ui.fit({c.ui.fonts.huge}, touch, room - em * 3, c.h * 0.3f);
  ui::Ui::Fitted fs = c.ui.fit({c.ui.fonts.large}, sub, std::min(room, em * 34), c.h * 0.2f);
  const float pw = fh.extent.x + em * 3, ph = fh.extent.y + em * 1.6f;
  const float cy = c.y + c.h * 0.5f;
  ImVec2 pa(c.x + (c.w - pw) / 2, cy - ph / 2);
  ImVec2 tp(c.x + (c.w - ft.extent.x) / 2, std::max(c.y + em, pa.y - em * 1.5f - ft.extent.y));
  ImVec2 sp(c.x + (c.w - fs.extent.x) / 2, pa.y + ph + em * 1.2f);
  c.ui.draw_fitted(dl, ft, tp, ft.extent.x, ui::col(th.text));
  c.ui.draw_fitted(dl, fs, sp, fs.extent.x, ui::col(th.text_muted));
  c.ui.text_node(title, {tp.x, tp.y, ft.extent.x, ft.extent.y}, ui::Role::Heading);
  // Each language in its own words ("English", "Español"), large, below the
  // call to action: a tap starts in it whatever the screen shows then.
  // Submitted before the full-screen target, so a tap on one is that
  // language's (ImGui gives a touch to the first item under it); the app
  // does not start on its own when a finger lifts over one (region "language").
  if (c.locales.size() > 1) {
    const float gap = em * 1.2f, row_gap = em * 0.6f, bh = std::max(c.ui.min_target * 1.4f, em * 2.6f);
    const size_t n = c.locales.size();
    // one row when every name fits its button at the buttons' size; else
    // as few rows as let them (eight: two rows of four, or four of two)
    float widest = 0;
    for (const auto& l : c.locales)
      widest = std::max(widest, c.ui.text_size(c.ui.fonts.large, c.catalog.format(l, "language.self")).x + em * 1.6f);
    size_t rows = 1, per_row = n;
    float each = 0;
    for (; rows <= n; ++rows) {
      per_row = (n + rows - 1) / rows;
      const float k = static_cast<float>(per_row);
      each = std::min(em * 9, (room - gap * (k - 1)) / k);
      if (each >= widest) break;
    }
    rows = std::min(rows, n);
    each = std::max(each, c.ui.min_target);
    const float block_h = static_cast<float>(rows) * bh + static_cast<float>(rows - 1) * row_gap;
    const float by = std::min(sp.y + fs.extent.y + em * 1.5f, c.y + c.h - margin - block_h);
    c.ui.set_region("language");
    for (size_t i = 0; i < n; ++i) {
      const size_t r = i / per_row, in_row = std::min(per_row, n - r * per_row);
      const float row_w = each * static_cast<float>(in_row) + gap * static_cast<float>(in_row - 1);
      ImGui::SetCursorScreenPos(ImVec2(c.x + (c.w - row_w) / 2 + static_cast<float>(i % per_row) * (each + gap),
                                       by + static_cast<float>(r) * (bh + row_gap)));
      ImGui::PushID(static_cast<int>(i));
      if (c.ui.button(c.catalog.format(c.locales[i], "language.self"), ImVec2(each, bh))) {
        c.ask(intent::Home{});
        c.ask(intent::SetLocale{c.locales[i]});
      }
      ImGui::PopID();
    }
    c.ui.set_region("");
  }
  // register the full-screen target under the visible call to action
  ImGui::SetCursorScreenPos(ImVec2(c.x, c.y));
  if (ImGui::InvisibleButton("##attract-any", ImVec2(c.w, c.h))) c.ask(intent::Home{});
  // the call to action sits in a large accent pill, over the target
  c.ui.pill(touch, fh, pa, ImVec2(pw, ph), ui::Role::Button);
  c.ui.text_node(sub, {sp.x, sp.y, fs.extent.x, fs.extent.y});
  end_body();
}

}  // namespace kiosk::screens
