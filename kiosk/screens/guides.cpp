// Step-by-step guides: the guide's introduction first, then one step per
// screen with progress and Next (Back is the bar's, the only one), a checklist
// whose ticks live only for the session, and a last screen with where to go,
// a QR code that carries the checklist away, and Done, which returns home.
#include <algorithm>

#include "content/takeaway.h"
#include "screens/parts.h"

namespace kiosk::screens {

void draw_guides(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  begin_body(c, "##guides");
  title(c, c.t("guides.title"));
  c.ui.paragraph(c.t("guides.intro"), nullptr, true);
  gap(c, 0.5f);
  // large text on a short screen: each guide its title alone, so several are in view
  for (const auto& g : c.model->guides) {
    if (c.ui.row(g.title, cramped(c) ? "" : g.summary)) c.open(ScreenId::Guide, g.id);
    gap(c, 0.15f);
  }
  end_body();
}

namespace {
std::string tick_key(const std::string& guide, size_t step, size_t item) {
  return guide + "/" + std::to_string(step) + "/" + std::to_string(item);
}
// The whole checklist, ticked items marked.
std::vector<content::CheckItem> check_items(const Ctx& c, const content::Guide& g) {
  std::vector<content::CheckItem> items;
  for (size_t i = 0; i < g.steps.size(); ++i)
    for (size_t j = 0; j < g.steps[i].checklist.size(); ++j)
      items.push_back({g.steps[i].checklist[j], c.session.ticked.count(tick_key(g.id, i + 1, j)) > 0});
  return items;
}
// The checklist as text, for the QR code.
std::string checklist_text(const Ctx& c, const content::Guide& g) {
  return content::checklist_text(g.title, check_items(c, g), [&](size_t n) {
    return c.t("guide.qr_more", {{"count", static_cast<int64_t>(n)}});
  });
}
}  // namespace

void draw_guide(Ctx& c) {
  const session::Route& route = c.session.nav.top();
  const content::Guide* g = c.model ? c.model->guide(route.id) : nullptr;
  if (!g || g->steps.empty()) return draw_not_ready(c);
  const size_t n = g->steps.size();
  // 0: the introduction (the guide's body), 1..n: the steps, n + 1: where to go
  const size_t step = route.step == session::kGuideEnd ? n + 1
                      : route.step <= 0             ? 0
                                                    : std::min(static_cast<size_t>(route.step), n);
  // a short screen (720p, large text) keeps Back and Next low, as the bar does
  const bool low = ImGui::GetIO().DisplaySize.y < c.ui.em * 30;
  const float bh = low ? std::max(c.ui.min_target, std::min(c.ui.em * 1.7f, c.h * 0.085f)) : std::max(c.ui.min_target, c.ui.em * 2.4f);
  const float footer = bh + c.ui.em * (low ? 0.8f : 1.2f);
  begin_body(c, "##guide", footer);
  const std::string progress = c.t("guide.progress", {{"step", static_cast<int64_t>(step)}, {"count", static_cast<int64_t>(n)}});
  // large text on a short screen: the guide's name and the step count share
  // a line, and the step's title is a size smaller, so its words are in view
  const bool tight = low && c.session.prefs.large_text;
  if (step == 0) {
    // the introduction: what the guide is for, before step 1
    title(c, g->title);
    Card k = card_begin(c);
    markdown(c, g->body, cramped(c) ? nullptr : c.ui.fonts.reading);
    card_end(c, k);
    gap(c, 0.2f);
    c.ui.paragraph(c.t("guide.intro_steps", {{"count", static_cast<int64_t>(n)}}), nullptr, true);
  } else if (tight && step <= n) c.ui.paragraph(g->title + " \u00B7 " + progress, c.ui.fonts.bold, true);
  else c.ui.paragraph(g->title, c.ui.fonts.bold, true);
  if (step >= 1 && step <= n) {
    const content::Step& s = g->steps[step - 1];
    // the step count (in the heading line when tight) over one segment per step
    c.ui.progress(step, n, progress, !tight);
    gap(c, tight ? 0.2f : 0.3f);
    if (tight) {
      c.ui.heading(s.title, c.ui.fonts.large);
      gap(c, 0.15f);
    } else {
      title(c, s.title);
    }
    Card k = card_begin(c);
    markdown(c, s.text);
    card_end(c, k);
    if (!s.checklist.empty()) {
      section(c, c.t("guide.checklist"));
      for (size_t j = 0; j < s.checklist.size(); ++j) {
        std::string key = tick_key(g->id, step, j);
        if (c.ui.checkbox(s.checklist[j], c.session.ticked.count(key) > 0)) c.ask(intent::Tick{key});
        gap(c, 0.1f);
      }
    }
  } else if (step > n) {
    // where to go: the phone lines, then the offices, and the checklist to take away
    title(c, c.t("guide.where"));
    const bool portrait = c.h > c.w;
    const float qr_side = c.ui.em * (portrait ? 8.5f : 7.5f);
    QrCard q = qr_card_begin(c, qr_side);
    c.ui.paragraph(c.t("guide.take_away"), c.ui.fonts.large);
    c.ui.paragraph(c.t("guide.take_away_sub"), nullptr, true);
    qr_card_end(c, q, checklist_text(c, *g), c.t("guide.qr_label"), "");
    print_button(c, "print-checklist", [&] {
      // the checklist with the visitor's ticks, and where the guide leads
      std::vector<const content::Contact*> lines;
      std::vector<const content::Office*> offices;
      for (const auto& id : g->ends_at) {
        if (const auto* line = c.model->contact(id)) lines.push_back(line);
        if (const auto* o = c.model->office(id)) offices.push_back(o);
      }
      return print::page_for_checklist(g->title, check_items(c, *g), print_words(c), lines, offices);
    });
    gap(c, 0.3f);
    for (const auto& id : g->ends_at)
      if (const auto* line = c.model->contact(id)) {
        phone_card(c, *line, false);
        gap(c, 0.2f);
      }
    bool any_office = false;
    for (const auto& id : g->ends_at)
      if (const auto* o = c.model->office(id)) {
        if (!any_office) section(c, c.t("guide.offices"));
        any_office = true;
        if (office_row(c, *o)) c.open(ScreenId::Office, o->id);
        gap(c, 0.1f);
      }
  }
  end_body();
  // one button, where Next always is: Back is the bar's (one Back on screen)
  begin_footer(c, "##guide-nav", footer);
  const float bw = std::min(c.ui.em * 12.0f, (c.ui.avail() - c.ui.em) / 2);
  // at the end of the reading direction: the right, or the left in Arabic (the bar's Back is mirrored too)
  ImGui::SetCursorPosX(c.ui.rtl ? ImGui::GetStyle().WindowPadding.x : ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - bw);
  if (step <= n) {
    const int next = step == n ? session::kGuideEnd : static_cast<int>(step) + 1;
    const char* label = step == 0 ? "guide.start" : step == n ? "guide.finish" : "guide.next";
    if (c.ui.button(c.t(label), ImVec2(bw, bh), ui::Style::Primary)) c.open(ScreenId::Guide, g->id, next);
  } else if (c.ui.button(c.t("guide.done"), ImVec2(bw, bh), ui::Style::Primary)) {
    c.ask(intent::Home{});
  }
  end_footer();
}

}  // namespace kiosk::screens
