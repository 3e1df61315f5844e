// Offices: every SES, DSS OCSS and CIP office by town (the locale's collation),
// an agency filter, finding by typing a town, one office with a QR code, and
// "Which office handles my case?".
#include <algorithm>

#include "i18n/text.h"
#include "screens/parts.h"

namespace kiosk::screens {

namespace {
const std::vector<std::string> kAgencies = {"", "SES", "OCSS", "CIP"};
}  // namespace

void draw_offices(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  const std::string agency = c.session.nav.top().param;
  const KeysLayout keys = keys_layout(c);
  begin_body(c, "##offices", keys.footer, keys.side);
  title(c, c.t("offices.title"));
  // with large text or on a short screen it follows the offices, so the
  // list starts in view
  const bool large = c.session.prefs.large_text || ImGui::GetIO().DisplaySize.y < c.ui.em * 30;
  auto which_row = [&] {
    if (c.ui.row(c.t("which.title"), c.t("which.sub"))) c.ask(Intent::Type::Open, "which", "");
    gap(c, 0.4f);
  };
  if (!large) which_row();
  // on a short screen the agency filter follows the offices too (its chips,
  // two lines beside the keyboard, or one a line with large text, would
  // leave room for one office only); 1080p large text keeps it on top
  const bool filter_after = cramped(c) || (!c.session.prefs.large_text && ImGui::GetIO().DisplaySize.y < c.ui.em * 30);
  auto filter = [&] {
    std::vector<std::string> labels;
    for (const auto& a : kAgencies) labels.push_back(a.empty() ? c.t("offices.all") : c.t("agency.short." + a));
    int sel = static_cast<int>(std::find(kAgencies.begin(), kAgencies.end(), agency) - kAgencies.begin());
    if (int tapped = chips(c, labels, sel); tapped >= 0) c.ask(Intent::Type::Replace, "offices", kAgencies[tapped]);
    gap(c, 0.4f);
  };
  if (!filter_after) filter();
  // by town, in the visitor's language's order; typed letters match the start
  // of the town or of the office's name, accents and case optional
  std::vector<const content::Office*> list;
  std::vector<std::string> sort_keys;
  const std::string typed = i18n::fold(c.session.office_town);
  for (const auto& o : c.model->offices) {
    if (!agency.empty() && o.agency != agency) continue;
    if (!typed.empty() && i18n::fold(o.town).rfind(typed, 0) != 0 && i18n::fold(o.name).rfind(typed, 0) != 0) continue;
    list.push_back(&o);
    sort_keys.push_back(o.town + " " + o.name);
  }
  for (size_t i : i18n::collate_order(sort_keys, c.session.prefs.locale)) {
    if (office_row(c, *list[i])) c.ask(Intent::Type::Open, "office", list[i]->id);
    gap(c, 0.1f);
  }
  if (list.empty()) {
    c.ui.paragraph(c.t("offices.none", {{"town", c.session.office_town}}));
    if (const auto* cc = c.model->contact("call-center")) phone_card(c, *cc, false);
  }
  gap(c, 0.3f);
  if (filter_after) filter();
  if (large) which_row();
  // which agency does what, in plain words: after the offices, so the list
  // starts in view whatever the text size
  if (!agency.empty()) c.ui.paragraph(c.t("offices.about." + agency), nullptr, true);
  else
    for (const char* a : {"OCSS", "SES"}) c.ui.rich({{c.t("agency.short." + std::string(a)) + ": ", c.ui.fonts.bold}, {c.t("offices.about." + std::string(a)), c.ui.fonts.body}}, true);
  end_body();
  keyboard_panel(c, keys, "office_town", c.t("offices.town"), c.session.office_town, c.t("offices.town_hint"));
}

void draw_office(Ctx& c) {
  const content::Office* o = c.model ? c.model->office(c.session.nav.top().param) : nullptr;
  if (!o) return draw_not_ready(c);
  begin_body(c, "##office");
  title(c, o->name);
  c.ui.paragraph(agency_name(c, o->agency), c.ui.fonts.bold, true);
  gap(c, 0.4f);
  const bool portrait = c.h > c.w;
  // cramped: the code at its normal-text size, so the address is in view
  const float qr_side = (cramped(c) ? c.ui.em / 1.5f : c.ui.em) * (portrait ? 10.0f : 9.0f);
  // address and phone beside the QR code that carries them away
  QrCard q = qr_card_begin(c, qr_side);
  c.ui.paragraph(c.t("office.address"), nullptr, true);
  c.ui.paragraph(o->street, c.ui.fonts.large);
  c.ui.paragraph(o->town + ", CT" + (o->zip.empty() ? "" : " " + o->zip), c.ui.fonts.large);
  gap(c, 0.4f);
  c.ui.paragraph(c.t(o->phones.size() > 1 ? "office.phones" : "office.phone"), nullptr, true);
  for (const auto& p : o->phones) c.ui.paragraph(p, c.ui.fonts.title);
  if (!o->fax.empty()) c.ui.paragraph(c.t("office.fax", {{"fax", o->fax}}), nullptr, true);
  if (!o->hours.empty()) {
    gap(c, 0.3f);
    c.ui.paragraph(c.t("office.hours"), nullptr, true);
    c.ui.paragraph(o->hours);
  }
  qr_card_end(c, q, office_card_text(c, *o), c.t("office.qr_label"), c.t("office.qr"));
  gap(c, 0.3f);
  section(c, c.t("office.what"));
  markdown(c, o->body);
  end_body();
}

// "Which office handles my case?": two questions, no personal data. The
// answers follow the sources: applying and setting up orders with DSS OCSS;
// reviews and court enforcement with SES; payments on the payment line.
void draw_which(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  const std::string step = c.session.nav.top().param;
  begin_body(c, "##which");
  title(c, c.t("which.title"));
  // large text on a short landscape screen: the answers two to a line, so
  // more than one is in view below the question
  const bool two_cols = c.session.prefs.large_text && c.w > c.h && ImGui::GetIO().DisplaySize.y < c.ui.em * 30;
  const float col_gap = c.ui.em * 0.5f, col_w = two_cols ? (c.ui.avail() - col_gap) / 2 : 0;
  int answers = 0;
  auto choice = [&](const char* key, const char* next) {
    if (two_cols && answers % 2) ImGui::SameLine(0, col_gap);
    else if (answers) gap(c, 0.15f);
    ++answers;
    if (c.ui.row(c.t(key), "", col_w)) c.ask(Intent::Type::Open, "which", next);
  };
  if (step.empty()) {
    c.ui.paragraph(c.t("which.q.order"), c.ui.fonts.large);
    gap(c, 0.5f);
    choice("which.a.order_yes", "order");
    choice("which.a.order_no", "r-apply");
    choice("which.a.order_unsure", "r-unsure");
  } else if (step == "order") {
    c.ui.paragraph(c.t("which.q.need"), c.ui.fonts.large);
    gap(c, 0.5f);
    choice("which.a.change", "r-review");
    choice("which.a.payment", "r-payment");
    choice("which.a.not_paid", "r-enforce");
    choice("which.a.cant_pay", "r-cant-pay");
  } else {
    // a result: who handles it, why, and where to go
    struct Result { const char* id; const char* agency; const char* guide; const char* line; const char* faq; };
    static constexpr Result results[] = {
        {"r-apply", "OCSS", "apply", "call-center", "apply-how"},
        {"r-unsure", "", "", "call-center", ""},
        {"r-review", "SES", "review", "call-center", "review-how"},
        {"r-payment", "", "", "payment-line", "payments-info"},
        {"r-enforce", "SES", "", "call-center", "stopped-paying"},
        {"r-cant-pay", "SES", "cant-pay", "call-center", "hard-cant-pay"}};
    const Result* r = nullptr;
    for (const auto& x : results)
      if (step == x.id) r = &x;
    if (!r) r = &results[1];
    c.ui.paragraph(c.t("which." + std::string(r->id) + ".title"), c.ui.fonts.large);
    gap(c, 0.3f);
    c.ui.paragraph(c.t("which." + std::string(r->id) + ".body"));
    gap(c, 0.4f);
    if (const auto* line = c.model->contact(r->line)) phone_card(c, *line, false);
    if (*r->agency) {
      gap(c, 0.2f);
      if (c.ui.row(c.t("which.offices", {{"agency", c.t("agency.short." + std::string(r->agency))}}), agency_name(c, r->agency)))
        c.ask(Intent::Type::Open, "offices", r->agency);
    }
    if (const auto* g = *r->guide ? c.model->guide(r->guide) : nullptr) {
      gap(c, 0.2f);
      if (c.ui.row(g->title, g->summary)) c.ask(Intent::Type::Open, "guide", g->id + ":1");
    }
    if (const auto* f = *r->faq ? c.model->faq(r->faq) : nullptr) {
      gap(c, 0.2f);
      if (c.ui.row(f->question, "")) c.ask(Intent::Type::Open, "answer", f->id);
    }
    gap(c, 0.6f);
    if (c.ui.button(c.t("which.again"), ImVec2(0, 0))) c.ask(Intent::Type::Replace, "which", "");
  }
  end_body();
}

}  // namespace kiosk::screens
