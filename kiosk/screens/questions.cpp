// Questions: topics as tiles -> the questions of a topic -> one answer. The
// "who is asking" filter narrows the questions and stays for the session.
#include <algorithm>

#include "screens/parts.h"

namespace kiosk::screens {

namespace {
const std::vector<std::string> kAudiences = {"", "pays", "receives", "caregiver"};

void audience_filter(Ctx& c) {
  std::vector<std::string> labels;
  for (const auto& a : kAudiences) labels.push_back(c.t(a.empty() ? "audience.all" : "audience." + a));
  int sel = static_cast<int>(std::find(kAudiences.begin(), kAudiences.end(), c.session.audience_filter) - kAudiences.begin());
  c.ui.paragraph(c.t("audience.prompt"), nullptr, true);
  int tapped = chips(c, labels, sel);
  if (tapped >= 0) c.ask(intent::Audience{kAudiences[tapped]});
}
}  // namespace

void draw_questions(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  begin_body(c, "##questions");
  title(c, c.t("questions.title"));
  audience_filter(c);
  gap(c, 0.6f);
  const bool portrait = c.h > c.w;
  const int cols = portrait ? 2 : 3;
  const float g = c.ui.em * 0.7f;
  const float tw = (c.ui.avail() - g * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  // one height for every tile: the tallest text decides
  float th = c.ui.em * 4.6f;
  for (const auto& t : c.model->topics)
    th = c.ui.tile_height(t.title, c.t("questions.count", {{"count", int64_t{10}}}), tw, c.ui.has_icon(t.icon), th);
  int shown = 0;
  const float x0 = ImGui::GetCursorPosX();
  for (const auto& t : c.model->topics) {
    size_t n = c.model->faqs_for(t.id, c.session.audience_filter).size();
    if (n == 0) continue;  // nothing for this visitor here
    if (shown && shown % cols == 0) gap(c, 0.2f);
    grid_cell(c, shown, cols, tw, g, x0);
    if (c.ui.tile(t.title, c.t("questions.count", {{"count", static_cast<int64_t>(n)}}), ImVec2(tw, th), {}, true, t.icon))
      c.open(ScreenId::Topic, t.id);
    ++shown;
  }
  end_body();
}

void draw_topic(Ctx& c) {
  const content::Topic* t = c.model ? c.model->topic(c.session.nav.top().id) : nullptr;
  if (!t) return draw_not_ready(c);
  begin_body(c, "##topic");
  title(c, t->title);
  // large text on a short screen: the questions first, "Who is asking?" after
  // them (its four choices would fill the screen above the list)
  const bool filter_after = c.session.prefs.large_text && ImGui::GetIO().DisplaySize.y < c.ui.em * 30;
  if (!filter_after) {
    audience_filter(c);
    gap(c, 0.5f);
  }
  auto faqs = c.model->faqs_for(t->id, c.session.audience_filter);
  for (const auto* f : faqs) {
    if (compact_row(c, f->question, "")) c.open(ScreenId::Answer, f->id);
    gap(c, 0.1f);
  }
  if (faqs.empty()) c.ui.paragraph(c.t("questions.none_for_you"));
  if (filter_after) {
    gap(c, 0.4f);
    audience_filter(c);
  }
  // guides of this topic lead on from its questions
  for (const auto& g : c.model->guides)
    if (g.topic == t->id) {
      section(c, c.t("guides.kind"));
      if (c.ui.row(g.title, g.summary)) c.open(ScreenId::Guide, g.id);
    }
  end_body();
}

void draw_answer(Ctx& c) {
  const content::Faq* f = c.model ? c.model->faq(c.session.nav.top().id) : nullptr;
  if (!f) return draw_not_ready(c);
  begin_body(c, "##answer");
  title(c, f->question);
  // the answer first and strongest: at the large size (large text on a short
  // screen: the body size, already large), above links drawn at body size
  Card k = card_begin(c);
  markdown(c, f->answer, cramped(c) ? nullptr : c.ui.fonts.reading);
  card_end(c, k);
  print_button(c, "print-answer", [&] {
    // the answer with the phone lines it names, and the call center
    std::vector<const content::Contact*> lines;
    for (const auto& id : f->related)
      if (const auto* line = c.model->contact(id)) lines.push_back(line);
    if (const auto* cc = c.model->line(content::Line::Main); cc && std::find(lines.begin(), lines.end(), cc) == lines.end())
      lines.push_back(cc);
    return print::page_for_answer(*f, lines, print_words(c));
  });
  // where it leads: related guides and phone lines first, then other questions
  std::vector<std::string> leads, more;
  for (const auto& id : f->related) (c.model->faq(id) ? more : leads).push_back(id);
  if (!leads.empty()) {
    section(c, c.t("answer.next"));
    related_rows(c, leads);
  }
  if (!more.empty()) {
    section(c, c.t("answer.related"));
    related_rows(c, more);
  }
  section(c, c.t("answer.help"));
  if (const auto* cc = c.model->line(content::Line::Main)) phone_card(c, *cc, false);
  end_body();
}

}  // namespace kiosk::screens
