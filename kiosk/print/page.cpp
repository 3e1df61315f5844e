// The printed pages built from the content model (print/page.h).
#include "print/page.h"

#include <memory>
#include <unicode/datefmt.h>
#include <unicode/locid.h>

#include "content/markdown.h"
#include "i18n/bidi.h"
#include "i18n/icu_util.h"

namespace kiosk::print {

namespace {

PrintPage start(const Words& w, std::string title) {
  PrintPage p;
  p.locale = w.locale;
  p.rtl = i18n::is_rtl_locale(w.locale);
  p.title = std::move(title);
  return p;
}

void heading(PrintPage& p, const std::string& text) {
  if (!text.empty()) p.blocks.push_back({Block::Type::Heading, text, "", "", false});
}

void paragraph(PrintPage& p, const std::string& text) {
  if (!text.empty()) p.blocks.push_back({Block::Type::Paragraph, text, "", "", false});
}

void phone(PrintPage& p, const std::string& label, const std::string& number, const std::string& detail = "") {
  if (!number.empty()) p.blocks.push_back({Block::Type::Phone, label, number, detail, false});
}

// Markdown as printed blocks: paragraphs, bullets (a numbered item keeps its number).
void markdown(PrintPage& p, const std::string& md) {
  for (const auto& b : content::parse_markdown(md)) {
    std::string text = b.plain();
    if (text.empty()) continue;
    if (b.type == content::Block::Type::Paragraph) paragraph(p, text);
    else {
      std::string mark = b.type == content::Block::Type::Numbered ? std::to_string(b.number) + ". " : "";
      p.blocks.push_back({Block::Type::Bullet, mark + text, "", "", false});
    }
  }
}

void line_blocks(PrintPage& p, const content::Contact& c) {
  phone(p, c.name, c.phone, c.hours);
}

void office_blocks(PrintPage& p, const content::Office& o, const Words& w, bool with_name) {
  if (with_name) heading(p, o.name);
  std::string addr = o.street;
  std::string town = o.town + (o.zip.empty() ? "" : " " + o.zip);
  if (!o.town.empty()) addr += (addr.empty() ? "" : "\n") + town;
  if (!addr.empty()) p.blocks.push_back({Block::Type::Address, addr, "", "", false});
  for (const auto& ph : o.phones) phone(p, w.phone, ph);
  phone(p, w.fax, o.fax);
}

}  // namespace

std::string long_date(const std::string& locale, std::time_t now) {
  i18n::IcuStatus status("print date", locale);
  std::unique_ptr<icu::DateFormat> f(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale::forLanguageTag(locale, status)));
  if (!f) return "";
  icu::UnicodeString out;
  f->format(static_cast<UDate>(now) * 1000.0, out);
  return i18n::to_utf8(out);
}

Words words_from(const i18n::Catalog& catalog, const std::string& locale) {
  Words w;
  w.locale = locale;
  auto t = [&](const char* key) { return catalog.format(locale, key); };
  w.address = t("office.address");
  w.phone = t("office.phone");
  w.fax = t("print.fax");
  w.hours = t("office.hours");
  w.appointment = t("office.appointment");
  w.checklist = t("guide.checklist");
  w.source = t("app.title");
  return w;
}

std::string footer_text(const Words& w, const std::string& who, std::time_t now) {
  std::string date = w.date.empty() ? long_date(w.locale, now) : w.date;
  if (who.empty()) return date;
  return date.empty() ? who : who + " · " + date;
}

PrintPage page_for_office(const content::Office& o, const std::string& agency_name, const Words& w) {
  PrintPage p = start(w, o.name);
  paragraph(p, agency_name);
  heading(p, w.address);
  office_blocks(p, o, w, false);
  if (o.by_appointment) paragraph(p, w.appointment);
  if (!o.hours.empty()) {
    heading(p, w.hours);
    paragraph(p, o.hours);
  }
  p.footer = footer_text(w, agency_name.empty() ? w.source : agency_name);
  return p;
}

PrintPage page_for_checklist(const std::string& title, const std::vector<content::CheckItem>& items, const Words& w,
                             const std::vector<const content::Contact*>& lines,
                             const std::vector<const content::Office*>& offices) {
  PrintPage p = start(w, title);
  heading(p, w.checklist);
  for (const auto& it : items)
    if (!it.text.empty()) p.blocks.push_back({Block::Type::Check, it.text, "", "", it.ticked});
  for (const auto* o : offices)
    if (o) office_blocks(p, *o, w, true);
  if (!lines.empty()) heading(p, w.phone);
  for (const auto* c : lines)
    if (c) line_blocks(p, *c);
  p.footer = footer_text(w, w.source);
  return p;
}

PrintPage page_for_answer(const content::Faq& f, const std::vector<const content::Contact*>& lines, const Words& w) {
  PrintPage p = start(w, f.question);
  markdown(p, f.answer);
  bool any = false;
  for (const auto* c : lines) any = any || (c && !c->phone.empty());
  if (any) heading(p, w.phone);
  for (const auto* c : lines)
    if (c) line_blocks(p, *c);
  p.footer = footer_text(w, w.source);
  return p;
}

PrintPage page_for_line(const content::Contact& c, const Words& w) {
  PrintPage p = start(w, c.name);
  phone(p, w.phone, c.phone);
  if (!c.hours.empty()) {
    heading(p, w.hours);
    paragraph(p, c.hours);
  }
  markdown(p, c.body);
  p.footer = footer_text(w, w.source);
  return p;
}

}  // namespace kiosk::print
