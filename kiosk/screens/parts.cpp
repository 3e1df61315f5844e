#include "content/takeaway.h"
#include "screens/parts.h"

#include <cmath>

#include "content/kinds.h"
#include "content/markdown.h"
#include "content/memo.h"
#include "ui/keyboard.h"

namespace kiosk::screens {

// (large text on a short screen: the normal text's gaps)
void gap(Ctx& c, float ems) { ImGui::Dummy(ImVec2(0, (cramped(c) ? c.ui.em / 1.5f : c.ui.em) * ems)); }

void title(Ctx& c, const std::string& text) {
  // large text on a short screen: a screen's heading in the large words, not
  // the larger title size, so what it heads starts in view
  if (cramped(c)) c.ui.heading(text, c.ui.fonts.large);
  else c.ui.heading(text);
  gap(c, 0.3f);
}

void section(Ctx& c, const std::string& text) {
  gap(c, 0.5f);
  // large text on a short screen: under the screen's heading, in bold text size
  c.ui.heading(text, cramped(c) ? c.ui.fonts.bold : c.ui.fonts.large);
  gap(c, 0.1f);
}

void markdown(Ctx& c, const std::string& md, ImFont* font) {
  ImFont* regular = font ? font : c.ui.fonts.body;
  ImFont* bold = font == c.ui.fonts.reading ? c.ui.fonts.large : font ? font : c.ui.fonts.bold;
  // parsed once per text and model, not every frame
  const std::vector<content::Block> parsed = c.model ? std::vector<content::Block>{} : content::parse_markdown(md);
  for (const auto& block : c.model ? content::memo(*c.model).markdown(md) : parsed) {
    std::vector<ui::Run> runs;
    for (const auto& span : block.spans) runs.push_back({span.text, span.bold ? bold : regular});
    std::string number = std::to_string(block.number) + ".";
    const char* bullet = block.type == content::Block::Type::Bullet     ? "•"
                         : block.type == content::Block::Type::Numbered ? number.c_str()
                                                                        : nullptr;
    c.ui.rich(runs, false, bullet);
    if (!bullet) gap(c, 0.3f);
  }
}

std::string agency_name(const Ctx& c, const std::string& agency) { return c.t("agency." + agency); }

// A card: a surface behind whatever is drawn between begin and end. The
// background goes on a lower draw channel once the height is known.
Card card_begin(Ctx& c) {
  Card k{ImGui::GetCursorScreenPos(), c.ui.em * 0.9f, 0};
  k.right = k.start.x + c.ui.avail();
  ImGui::GetWindowDrawList()->ChannelsSplit(2);
  ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(k.start.x + k.pad, k.start.y + k.pad));
  ImGui::BeginGroup();
  c.ui.push_right(k.right - k.pad);
  return k;
}
void card_end(Ctx& c, const Card& k) {
  c.ui.pop_right();
  ImGui::EndGroup();
  float w = k.right - k.start.x;
  ImVec2 end(k.start.x + w, ImGui::GetItemRectMax().y + k.pad);
  auto* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  const ui::Theme& t = c.ui.th();
  dl->AddRectFilled(k.start, end, ui::col(t.surface), c.ui.em * 0.4f);
  dl->AddRect(k.start, end, ui::col(t.surface_pressed), c.ui.em * 0.4f, 0, std::max(2.0f, c.ui.em * 0.06f));
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(k.start.x, end.y));
  ImGui::Dummy(ImVec2(w, c.ui.em * 0.2f));
}

QrCard qr_card_begin(Ctx& c, float side) {
  QrCard q{card_begin(c), ImGui::GetCursorScreenPos().y, side};
  ImGui::BeginGroup();
  c.ui.push_right(q.card.right - q.card.pad * 2 - side);
  return q;
}

void qr_card_end(Ctx& c, const QrCard& q, const std::string& payload, const std::string& label, const std::string& caption) {
  c.ui.pop_right();
  ImGui::EndGroup();
  ImGui::SetCursorScreenPos(ImVec2(q.card.right - q.card.pad - q.side, q.top));
  ImGui::BeginGroup();
  c.ui.qr(payload, q.side, label);
  if (!caption.empty()) {
    c.ui.push_right(q.card.right - q.card.pad);
    c.ui.paragraph(caption, nullptr, true);
    c.ui.pop_right();
  }
  ImGui::EndGroup();
  card_end(c, q.card);
}

void phone_card(Ctx& c, const content::Contact& line, bool full) {
  // In full (the call screen): a QR code a phone dials from, beside the number.
  const std::string tel = full ? content::tel_uri(line.phone) : "";
  QrCard q{};
  Card k{};
  if (!tel.empty()) q = qr_card_begin(c, (cramped(c) ? c.ui.em / 1.5f : c.ui.em) * 6.0f);
  else k = card_begin(c);
  c.ui.paragraph(line.name, c.ui.fonts.large);
  c.ui.paragraph(line.phone, c.ui.fonts.title);
  if (!line.hours.empty()) c.ui.paragraph(line.hours, nullptr, true);
  if (full) {
    gap(c, 0.3f);
    markdown(c, line.body);
  }
  if (!tel.empty()) qr_card_end(c, q, tel, c.t("call.qr_label", {{"name", line.name}}), "");
  else card_end(c, k);
}

bool compact_row(Ctx& c, const std::string& title, const std::string& subtitle) {
  if (!cramped(c)) return c.ui.row(title, subtitle);
  // its padding and arrow in the normal text's em too, so the words have the room
  ImFont* const large = c.ui.fonts.large;
  const float em = c.ui.em;
  c.ui.fonts.large = c.ui.fonts.bold;
  c.ui.em = em / 1.5f;
  const bool tapped = c.ui.row(title, subtitle);
  c.ui.em = em;
  c.ui.fonts.large = large;
  return tapped;
}

bool office_row(Ctx& c, const content::Office& o) {
  std::string phones;
  for (const auto& p : o.phones) phones += (phones.empty() ? "" : ", ") + p;
  // with large text the list keeps to the address and agency (the office's
  // screen has its phones and, first, whether it needs an appointment), so
  // two offices stay in view
  std::string sub = o.street + ", " + o.town + (o.zip.empty() ? "" : " " + o.zip);
  sub += c.session.prefs.large_text ? " · " + o.agency : "\n" + phones + " · " + o.agency;
  if (o.by_appointment && !c.session.prefs.large_text) sub += " · " + c.t("offices.appointment");
  // large text on a short screen: the name in bold text size and the agency
  // alone, so a long name (CIP Initiative) leaves room for the next office
  if (!cramped(c)) return c.ui.row(o.name, sub);
  const std::string short_agency = c.t("agency.short." + o.agency);
  std::string compact = o.name.find(short_agency) == std::string::npos ? short_agency : "";
  if (o.by_appointment) compact += (compact.empty() ? "" : " · ") + c.t("offices.appointment");
  return compact_row(c, o.name, compact);
}

std::string office_card_text(const Ctx& c, const content::Office& o) {
  return content::office_vcard(o, agency_name(c, o.agency));  // a contact card the phone can save
}

int chips(Ctx& c, const std::vector<std::string>& labels, int selected) {
  int tapped = -1;
  const float x0 = ImGui::GetCursorPosX(), room = ImGui::GetContentRegionAvail().x;
  const float gap_x = c.ui.em * 0.5f;
  // lines as the chips fill them (a chip wider than the room has a line of its own)
  std::vector<float> w(labels.size());
  std::vector<size_t> line(labels.size());
  float used = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    w[i] = std::min(room, c.ui.text_size(c.ui.fonts.body, labels[i]).x + c.ui.em * 1.6f);
    line[i] = i == 0 ? 0 : line[i - 1];
    if (i && used + gap_x + w[i] > room) ++line[i], used = 0;
    else if (i) used += gap_x;
    used += w[i];
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    // each line from the start of the reading direction: the left, or the right in Arabic
    float x = 0;
    for (size_t j = i; j > 0 && line[j - 1] == line[i]; --j) x += w[j - 1] + gap_x;
    if (c.ui.rtl) x = room - x - w[i];
    if (i && line[i] == line[i - 1]) ImGui::SameLine(x0 + x);
    else ImGui::SetCursorPosX(x0 + x);
    if (c.ui.chip(labels[i], static_cast<int>(i) == selected)) tapped = static_cast<int>(i);
  }
  return tapped;
}

void grid_cell(Ctx& c, int i, int cols, float w, float gap, float x0) {
  int col = i % cols;
  if (c.ui.rtl) col = cols - 1 - col;
  const float x = x0 + static_cast<float>(col) * (w + gap);
  if (i % cols) ImGui::SameLine(x);
  else ImGui::SetCursorPosX(x);
}

namespace {
ui::KeyboardLabels keyboard_labels(const Ctx& c) {
  // the keys follow the normal text's size, whatever the visitor's text size
  const float key_em = c.session.prefs.large_text ? c.ui.em / 1.5f : c.ui.em;
  // large text on a short screen: the rows closer together, so the keys keep their height
  return {c.t("keyboard.rows"), c.t("keyboard.space"), c.t("keyboard.erase"), c.t("keyboard.clear"), c.t("keyboard.go"), key_em,
          cramped(c) ? 0.15f : 0.3f};
}
}  // namespace

namespace {
// The text field and the padding around the keyboard.
float field_h(const Ctx& c) { return std::max(c.ui.min_target, c.ui.em * 2.4f) + c.ui.em * 3.4f; }
// The side panel's field and margins in em `e`: its padding (1.2 em top and
// bottom), the gaps around the field and the field itself.
float side_chrome_h(const Ctx& c, float e) { return e * (1.2f * 2 + 0.8f + 0.4f) + std::max(c.ui.min_target, e * 2.4f); }
}  // namespace

KeysLayout keys_layout(const Ctx& c) {
  KeysLayout k;
  // portrait: the field and every row of keys, with their padding, in at
  // most 45% of the screen (keys get shorter, never under the minimum target);
  // landscape: a side panel, the keys sharing its height
  if (c.h > c.w) {
    // (up to 48% of it when the keys would otherwise be shorter than with
    // normal text: large text, six rows of keys in Spanish)
    const ui::KeyboardLabels labels = keyboard_labels(c);
    const float room = std::max(c.h * 0.45f, std::min(c.h * 0.48f, field_h(c) + ui::keyboard_height(c.ui, labels)));
    k.footer = field_h(c) + ui::keyboard_height(c.ui, labels, room - field_h(c));
  } else {
    // never so narrow that a row of keys cannot keep the minimum target (720p)
    // a short screen with large text (720p): the field and margins keep the
    // normal text's size, so the keys keep theirs (the field's words stay large)
    const ui::KeyboardLabels labels = keyboard_labels(c);
    if (side_chrome_h(c, c.ui.em) + ui::keyboard_height(c.ui, labels) > c.h) k.em = labels.key_em;
    const float e = k.em > 0 ? k.em : c.ui.em;
    k.side = std::round(std::max(c.w * 0.42f, ui::keyboard_min_width(c.ui, labels) + e * 3.2f));
  }
  return k;
}

void keyboard_panel(Ctx& c, const KeysLayout& k, TextField field, const std::string& label, const std::string& text,
                    const std::string& placeholder) {
  const float e = k.em > 0 ? k.em : c.ui.em;
  if (k.side > 0) begin_side(c, "##keys", k.side, k.em);
  else begin_footer(c, "##keys", k.footer);
  c.ui.set_region("keys");
  // cramped: the normal text's spacing, and the panel's padding alone above the field
  const float sp = ImGui::GetStyle().ItemSpacing.y * e / c.ui.em;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, sp));
  if (k.em <= 0) ImGui::Dummy(ImVec2(0, e * (k.side > 0 ? 0.8f : 0.2f)));
  c.ui.text_field(label, text, placeholder, e);
  if (k.em <= 0) ImGui::Dummy(ImVec2(0, e * 0.4f));
  // the keys share exactly the height left below the field
  // with larger text the keys keep the normal text's margins (the panel's
  // padding is 1.5 em a side), so they are never narrower than without it
  const ui::KeyboardLabels labels = keyboard_labels(c);
  const float extra = (e - labels.key_em) * 1.5f;
  const float width = c.ui.avail() + extra * 2;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() - extra);
  bool go = false;
  std::string next = ui::keyboard(c.ui, labels, text, width, ImGui::GetContentRegionAvail().y, &go);
  if (next != text) c.ask(intent::Type{field, next});
  // Go: the results are already there as you type; focus moves to the first
  // (spoken, in view), so a keypad or speech user goes on from there
  if (go) c.ask(intent::FocusResults{});
  ImGui::PopStyleVar();
  c.ui.set_region("");
  end_side();
}

print::Words print_words(const Ctx& c) { return print::words_from(c.catalog, c.session.prefs.locale); }

void print_button(Ctx& c, const char* id, const std::function<print::PrintPage()>& page) {
  if (!c.print) return;
  ImGui::PushID(id);
  const bool busy = c.print->busy;
  const std::string label = c.t(busy ? "print.printing" : "print.button");
  if (c.ui.button(label, ImVec2(0, 0)) && !busy)
    c.ask(intent::Print{page()});
  // what became of the page printed from here (Back and forth, it is gone)
  if (!busy && !c.print->message.empty() && c.print->visit == c.session.nav.top().visit)
    c.ui.paragraph(c.print->message, c.ui.fonts.bold);
  ImGui::PopID();
}

void open_item(Ctx& c, const std::string& id) {
  if (!c.model) return;
  // the screen that shows an item of its kind (content/kinds.h)
  const content::KindDef* kind = content::find_kind(c.model->kind_of(id));
  if (!kind || !*kind->screen) return;
  // a guide opens at its introduction (step 0)
  if (const auto screen = session::screen_from_name(kind->screen)) c.open(*screen, id);
}

void related_rows(Ctx& c, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (!c.model) return;
    std::string label, sub;
    if (auto* f = c.model->faq(id)) label = f->question;
    else if (auto* g = c.model->guide(id)) { label = g->title; sub = c.t("guides.kind"); }
    else if (auto* p = c.model->contact(id)) { label = p->name; sub = p->phone; }
    else if (auto* o = c.model->office(id)) { label = o->name; sub = o->town; }
    else if (auto* k = c.model->kids_page(id)) label = k->title;
    else if (auto* t = c.model->topic(id)) label = t->title;
    if (label.empty()) continue;
    // under an answer: the links' words in the body's regular size, never
    // larger or heavier than the answer they lead on from
    if (c.ui.row(label, sub, 0, c.ui.fonts.body)) open_item(c, id);
    gap(c, 0.1f);
  }
}

}  // namespace kiosk::screens
