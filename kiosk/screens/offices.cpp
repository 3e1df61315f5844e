// Offices: every SES, DSS OCSS and CIP office by town (the locale's collation),
// an agency filter, finding by typing a town, one office with a QR code, and
// "Which office handles my case?".
#include <algorithm>

#include "content/memo.h"
#include "content/offices.h"
#include "screens/parts.h"

namespace kiosk::screens {

namespace {
const std::vector<std::string> kAgencies = {"", "SES", "OCSS", "CIP"};
}  // namespace

void draw_offices(Ctx& c) {
  if (!c.model) return draw_not_ready(c);
  const std::string agency = c.session.nav.top().id;
  const KeysLayout keys = keys_layout(c);
  begin_body(c, "##offices", keys.footer, keys.side);
  title(c, c.t("offices.title"));
  // with large text or on a short screen it follows the offices, so the
  // list starts in view
  const bool large = c.session.prefs.large_text || ImGui::GetIO().DisplaySize.y < c.ui.em * 30;
  auto which_row = [&] {
    if (c.ui.row(c.t("which.title"), c.t("which.sub"))) c.open(ScreenId::Which);
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
    if (int tapped = chips(c, labels, sel); tapped >= 0) c.ask(intent::Replace{{ScreenId::Offices, kAgencies[tapped]}});
    gap(c, 0.4f);
  };
  if (!filter_after) filter();
  // the model finds them (content/offices.h): typed letters start any word of
  // the name, town or street; the kiosk's own office first, its agency's next
  const content::OfficeList found = content::memo(*c.model).offices(*c.model, c.session.office_town, agency, c.site_office);
  if (found.nothing_matched) {  // never an empty screen: the call center, then every office
    c.ui.paragraph(c.t("offices.none", {{"town", c.session.office_town}}));
    if (const auto* cc = c.model->line(content::Line::Main)) {
      // on a short screen with large text, its name and margins at the
      // normal text's size, so the number is in view beside the keyboard
      ImFont* const large_font = c.ui.fonts.large;
      const float em = c.ui.em;
      if (cramped(c)) c.ui.fonts.large = c.ui.fonts.bold, c.ui.em = em / 1.5f;
      phone_card(c, *cc, false);
      c.ui.fonts.large = large_font, c.ui.em = em;
    }
    gap(c, 0.3f);
    c.ui.paragraph(c.t("offices.all"), c.ui.fonts.bold);
  }
  // the parts' headings after "You are here" only where they leave the next
  // office in view (each row names its agency anyway)
  const bool part_headings = !cramped(c);
  for (size_t i = 0; i < found.offices.size(); ++i) {
    if (found.here && i == 0) c.ui.paragraph(c.t("offices.here"), c.ui.fonts.bold);
    else if (!part_headings) {
    } else if (found.here && i == 1 && found.same_agency)
      c.ui.paragraph(c.t("offices.same_agency", {{"agency", c.t("agency.short." + found.here->agency)}}), nullptr, true);
    else if (found.here && i == 1 + found.same_agency) c.ui.paragraph(c.t("offices.others"), nullptr, true);
    if (office_row(c, *found.offices[i])) c.open(ScreenId::Office, found.offices[i]->id);
    gap(c, 0.1f);
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
  keyboard_panel(c, keys, TextField::Town, c.t("offices.town"), c.session.office_town, c.t("offices.town_hint"));
}

void draw_office(Ctx& c) {
  const content::Office* o = c.model ? c.model->office(c.session.nav.top().id) : nullptr;
  if (!o) return draw_not_ready(c);
  begin_body(c, "##office");
  title(c, o->name);
  c.ui.paragraph(agency_name(c, o->agency), c.ui.fonts.bold, true);
  // before the address: a visitor about to travel reads it first
  if (o->by_appointment) c.ui.paragraph(c.t("office.appointment"), c.ui.fonts.bold);
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
  print_button(c, "print-office", [&] { return print::page_for_office(*o, agency_name(c, o->agency), print_words(c)); });
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
  const std::string step = c.session.nav.top().id;
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
    if (c.ui.row(c.t(key), "", col_w)) c.open(ScreenId::Which, next);
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
    // a result: who handles it, why, and where to go (content/which.toml)
    const content::WhichResult* r = c.model->which_result(step);
    if (!r) r = c.model->which_result(content::kWhichResults[1]);
    if (!r) {  // content that lacks the result (the validator refuses it): the questions again
      if (c.ui.button(c.t("which.again"), ImVec2(0, 0))) c.ask(intent::Replace{{ScreenId::Which}});
      return end_body();
    }
    c.ui.paragraph(c.t("which." + r->id + ".title"), c.ui.fonts.large);
    gap(c, 0.3f);
    c.ui.paragraph(c.t("which." + r->id + ".body"));
    gap(c, 0.4f);
    if (const auto* line = c.model->contact(r->line)) phone_card(c, *line, false);
    if (!r->agency.empty()) {
      gap(c, 0.2f);
      if (c.ui.row(c.t("which.offices", {{"agency", c.t("agency.short." + r->agency)}}), agency_name(c, r->agency)))
        c.open(ScreenId::Offices, r->agency);
    }
    if (const auto* g = c.model->guide(r->guide)) {
      gap(c, 0.2f);
      if (c.ui.row(g->title, g->summary)) c.open(ScreenId::Guide, g->id);
    }
    if (const auto* f = c.model->faq(r->faq)) {
      gap(c, 0.2f);
      if (c.ui.row(f->question, "")) c.open(ScreenId::Answer, f->id);
    }
    gap(c, 0.6f);
    if (c.ui.button(c.t("which.again"), ImVec2(0, 0))) c.ask(intent::Replace{{ScreenId::Which}});
  }
  end_body();
}

}  // namespace kiosk::screens
