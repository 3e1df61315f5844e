// Staff mode: a PIN pad, then a menu with what staff need to keep a lobby's
// kiosk right (content version and sources, stale items, translation
// coverage, reload, roll back, new packs, usage, a test screen, exit and
// restart). Its words are for staff, in English.
#include "screens/parts.h"

namespace kiosk::screens {

void draw_staff_pin(Ctx& c) {
  begin_body(c, "##staff-pin");
  title(c, "Staff");
  c.ui.paragraph("Enter the staff PIN.", c.ui.fonts.large);
  gap(c, 0.4f);
  const StaffView* v = c.staff;
  std::string dots;
  for (int i = 0; v && i < v->pin_digits; ++i) dots += "• ";
  c.ui.paragraph(dots.empty() ? " " : dots, c.ui.fonts.title);
  if (v && !v->pin_status.empty()) c.ui.paragraph(v->pin_status, c.ui.fonts.bold);
  gap(c, 0.4f);
  const float key = std::max(c.ui.min_target, c.ui.em * 3.0f), g = c.ui.em * 0.4f;
  static const char* rows[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"clear", "0", "ok"}};
  for (auto& row : rows) {
    for (int i = 0; i < 3; ++i) {
      if (i) ImGui::SameLine(0, g);
      std::string k = row[i];
      std::string label = k == "clear" ? "Clear" : k == "ok" ? "OK" : k;
      if (c.ui.button(label, ImVec2(key * 1.6f, key), k == "ok" ? ui::Style::Primary : ui::Style::Normal))
        c.ask(intent::StaffKey{k});
    }
  }
  gap(c, 0.6f);
  if (c.ui.button("Cancel", ImVec2(key * 4.8f + g * 2, key))) c.ask(intent::StaffKey{"cancel"});
  end_body();
}

void draw_staff(Ctx& c) {
  const StaffView* v = c.staff;
  if (!v) return;
  begin_body(c, "##staff");
  title(c, "Staff menu");
  if (!v->message.empty()) c.ui.paragraph(v->message, c.ui.fonts.bold);
  c.ui.paragraph(v->pin_failures, v->pin_failed ? c.ui.fonts.bold : nullptr);
  auto lines = [&](const char* heading, const std::vector<std::string>& items, const char* none) {
    section(c, heading);
    if (items.empty()) c.ui.paragraph(none, nullptr, true);
    for (const auto& l : items) c.ui.paragraph(l);
  };
  section(c, "Content");
  c.ui.paragraph("Database: " + v->database);
  c.ui.paragraph("Version: " + (v->version ? std::to_string(v->version) : std::string("not from a pack")) +
                 "   content " + v->content_hash + ", " + std::to_string(v->items) + " items");
  c.ui.paragraph("Built from: " + v->built_from);
  c.ui.paragraph("Previous version kept for roll back: " +
                 (v->previous_version ? std::to_string(v->previous_version) : std::string("none")));
  if (!v->pack_stale.empty()) c.ui.paragraph(v->pack_stale, c.ui.fonts.bold);
  const float bw = std::min(c.ui.avail(), c.ui.em * 16), bh = std::max(c.ui.min_target, c.ui.em * 2.2f);
  gap(c, 0.3f);
  if (c.ui.button("Reload content now", ImVec2(bw, bh))) c.ask(intent::Staff{intent::StaffAction::Reload});
  ImGui::SameLine();
  if (c.ui.button("Roll back to the previous content", ImVec2(bw * 1.3f, bh))) c.ask(intent::Staff{intent::StaffAction::Rollback});
  if (c.ui.button("Check for new content packs", ImVec2(bw, bh))) c.ask(intent::Staff{intent::StaffAction::Packs});
  lines("Sources", v->sources, "No sources recorded.");
  lines("Items past their review date", v->stale, "None: everything is within its review date.");
  lines("Translation coverage", v->coverage, "No other languages.");
  lines("Usage (counts by the hour, no personal data)", v->usage, "Nothing counted yet, or statistics are off.");
  gap(c, 0.3f);
  if (c.ui.button("Export usage as CSV", ImVec2(bw, bh))) c.ask(intent::Staff{intent::StaffAction::Export});
  section(c, "Kiosk");
  if (v->speech_off.empty())
    c.ui.paragraph("Speech: on. Visitors can have what they select, or the whole screen, read aloud.");
  else
    c.ui.paragraph("Speech is off: " + v->speech_off + ". Visitors are not offered speech, Read aloud or Touch and Hear. "
                   "Connect speakers or check the sound device, then restart the kiosk.", c.ui.fonts.bold);
  if (!v->printer.empty()) c.ui.paragraph("Printer: " + v->printer);
  if (c.ui.button("Test screen", ImVec2(bw, bh))) c.ask(intent::Staff{intent::StaffAction::Test});
  ImGui::SameLine();
  if (c.ui.button("Leave staff mode", ImVec2(bw, bh), ui::Style::Primary)) c.ask(intent::Staff{intent::StaffAction::Leave});
  if (c.ui.button("Restart the kiosk", ImVec2(bw, bh))) c.ask(intent::Staff{intent::StaffAction::Restart});
  ImGui::SameLine();
  if (c.ui.button("Exit the kiosk", ImVec2(bw, bh), ui::Style::Danger)) c.ask(intent::Staff{intent::StaffAction::Exit});
  end_body();
}

void draw_staff_test(Ctx& c) {
  begin_body(c, "##staff-test");
  title(c, "Test screen");
  c.ui.paragraph("Touch anywhere: each touch leaves a mark. The colours below are the themes' text and surfaces.");
  auto* dl = ImGui::GetForegroundDrawList();
  // touch points: the last touches (kept by the app), drawn where they landed
  if (c.staff)
    for (const auto& [x, y] : c.staff->touches) dl->AddCircle(ImVec2(x, y), c.ui.min_target / 2, ui::col(c.ui.th().focus), 24, 3.0f);
  dl = ImGui::GetWindowDrawList();
  // colour swatches of every theme
  for (const ui::Theme* t : {&ui::theme(false), &ui::theme(true), &ui::kids_theme()}) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float x = p.x;
    for (ui::Color col : {t->background, t->surface, t->text, t->text_muted, t->accent, t->focus, t->bar, t->danger}) {
      dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + c.ui.em * 2, p.y + c.ui.em * 2), ui::col(col));
      dl->AddRect(ImVec2(x, p.y), ImVec2(x + c.ui.em * 2, p.y + c.ui.em * 2), IM_COL32(128, 128, 128, 255));
      x += c.ui.em * 2.3f;
    }
    ImGui::Dummy(ImVec2(x - p.x, c.ui.em * 2.2f));
  }
  const float bw = c.ui.em * 12, bh = std::max(c.ui.min_target, c.ui.em * 2.2f);
  if (c.speech_available) {
    if (c.ui.button("Speech test", ImVec2(bw, bh))) c.ask(intent::ReadAloud{});
    ImGui::SameLine();
  } else if (c.staff) {
    c.ui.paragraph("Speech is off: " + c.staff->speech_off + ".", c.ui.fonts.bold);
  }
  if (c.ui.button("Back to the staff menu", ImVec2(bw * 1.4f, bh), ui::Style::Primary)) c.ask(intent::Back{});
  end_body();
}

}  // namespace kiosk::screens
