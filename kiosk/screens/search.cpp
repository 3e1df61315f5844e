// Search: an on-screen keyboard that follows the locale, results as you type
// grouped by kind, "did you mean", and a kind empty state that offers the
// topics and the call center.
#include <algorithm>

#include "content/kinds.h"
#include "content/search.h"
#include "screens/parts.h"
#include "util/strings.h"

namespace kiosk::screens {

using util::split;

void draw_search(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  const KeysLayout keys = keys_layout(c);
  const std::string& text = c.session.search_text;
  begin_body(c, "##search", keys.footer, keys.side);
  const content::SearchResponse* resp = text.empty() ? nullptr : &c.search(text);
  // with results, on a screen that holds few rows (larger text, or 720 to 1080
  // rows beside the keyboard, where a Spanish question wraps to three lines):
  // no screen heading and no count above them, so two results start in view;
  // large text on a short screen: each group's heading says how many it holds
  const bool results = resp && !resp->results.empty();
  const bool few_rows = c.session.prefs.large_text || ImGui::GetIO().DisplaySize.y < c.ui.em * 36;
  const bool bare = results && few_rows;
  const bool group_titles = cramped(c) && results;
  const std::string count = resp ? c.t("search.results", {{"count", static_cast<int64_t>(resp->results.size())}}) : "";
  if (!bare) title(c, c.t("search.title"));
  if (resp && !resp->did_you_mean.empty()) {
    if (c.ui.row(c.t("search.did_you_mean", {{"words", resp->did_you_mean}}), "")) c.ask(intent::Type{TextField::Search, resp->did_you_mean + " "});
    gap(c, 0.2f);
  }
  if (resp && !resp->results.empty()) {
    if (!bare) c.ui.paragraph(count, nullptr, true);
    // grouped by kind, in the order of their search_group (content/kinds.h); within a kind, best first
    bool first_group = true;
    static const std::vector<const content::KindDef*> groups = [] {
      std::vector<const content::KindDef*> v;
      for (const auto& k : content::kinds())
        if (k.searched) v.push_back(&k);
      std::stable_sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->search_group < b->search_group; });
      return v;
    }();
    for (const content::KindDef* group : groups) {
      const std::string kind = group->kind;
      const auto in_kind = std::count_if(resp->results.begin(), resp->results.end(), [&](const auto& r) { return r.kind == kind; });
      if (in_kind == 0) continue;
      const std::string name = c.t(std::string("search.kind.") + kind);
      const std::string heading = group_titles ? c.t("search.group", {{"kind", name}, {"count", static_cast<int64_t>(in_kind)}}) : name;
      if (bare && first_group) {  // at the very top: no gap above it
        c.ui.heading(heading, cramped(c) ? c.ui.fonts.bold : c.ui.fonts.large);
        gap(c, 0.1f);
      } else {
        section(c, heading);
      }
      first_group = false;
      for (const auto& r : resp->results) {
        if (r.kind != kind) continue;
        const std::string id = content::plain_id(r.id);
        // with large text or on a short screen a result is its title alone, so
        // several are in view beside the keyboard
        const bool snippet = group->search_snippet && !c.session.prefs.large_text &&
                             ImGui::GetIO().DisplaySize.y >= c.ui.em * 30;
        if (compact_row(c, r.title, snippet ? r.snippet : "")) open_item(c, id);
        gap(c, 0.1f);
      }
    }
  } else if (resp) {
    // nothing found: kind words, the topics, and a person to talk to
    c.ui.paragraph(c.t("search.none.title"), c.ui.fonts.large);
    c.ui.paragraph(c.t("search.none.body"));
    if (const auto* cc = c.model->line(content::Line::Main)) phone_card(c, *cc, false);
    section(c, c.t("questions.title"));
    for (const auto& t : c.model->topics) {
      if (c.ui.row(t.title, "")) c.open(ScreenId::Topic, t.id);
      gap(c, 0.1f);
    }
  } else {
    // nothing typed yet: questions people often ask, one tap each
    c.ui.paragraph(c.t("search.examples"), nullptr, true);
    gap(c, 0.2f);
    std::vector<std::string> examples;
    for (const std::string& all = c.t("search.example_list"); const auto& e : split(all, '|')) examples.push_back(e);
    if (int tapped = chips(c, examples, -1); tapped >= 0) c.ask(intent::Type{TextField::Search, examples[tapped]});
  }
  end_body();
  keyboard_panel(c, keys, TextField::Search, c.t("search.field"), text, c.t("search.hint"));
}

}  // namespace kiosk::screens
