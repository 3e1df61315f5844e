// A printed take-away as plain data: the one page a visitor carries out of the
// lobby (an office card, a checklist with their ticks, an answer with the
// phone lines it names, a phone line), built from the content model. No
// drawing here (print/pdf.h draws it) and nothing a visitor typed: only
// content, the ticks, and a footer with who made it and the date.
#pragma once
#include <ctime>
#include <string>
#include <vector>

#include "content/model.h"
#include "content/takeaway.h"
#include "i18n/catalog.h"

namespace kiosk::print {

struct Block {
  enum class Type { Heading, Paragraph, Bullet, Phone, Address, Check };
  Type type = Type::Paragraph;
  std::string text;    // Phone: the label ("Call center"); Address: lines joined with '\n'
  std::string number;  // Phone: the number as content writes it, drawn left to right in any language
  std::string detail;  // Phone: the hours, in smaller type ("" = none)
  bool ticked = false;  // Check
};

struct PrintPage {
  std::string locale;  // "ar": the language pango shapes and breaks the text for
  bool rtl = false;    // right to left: every line right-aligned, numbers still left to right
  std::string title;
  std::vector<Block> blocks;
  std::string footer;  // "Connecticut Child Support · 2 December 2026": never anything a visitor typed
};

// The UI words a page needs, in the visitor's language: the app fills them
// from its catalog (i18n stays there), the defaults are English.
struct Words {
  std::string locale = "en";
  std::string address = "Address";               // office.address
  std::string phone = "Phone";                   // office.phone (a heading over the phone lines)
  std::string fax = "Fax";                       // print.fax
  std::string hours = "Hours";                   // office.hours
  std::string appointment = "Appointment needed: call this office to make one.";  // office.appointment
  std::string checklist = "What to bring or do";  // guide.checklist
  std::string source = "Child Support Help";      // app.title: who made the page, first in the footer
  std::string date;                               // the date as shown; "" = today in the locale (ICU, long form)
};

// The words from the kiosk's catalog in `locale` (the keys named above).
Words words_from(const i18n::Catalog& catalog, const std::string& locale);

// The footer: "<source> · <date>" (an office page names its agency instead of `source`).
std::string footer_text(const Words& w, const std::string& who, std::time_t now = std::time(nullptr));
// Today (or `now`) as a locale writes it in full: "December 2, 2026", "2 de diciembre de 2026".
std::string long_date(const std::string& locale, std::time_t now);

// An office's card: name, agency, address, phones, fax, hours and whether an
// appointment is needed (not what it does: the card stays on one sheet).
PrintPage page_for_office(const content::Office& o, const std::string& agency_name, const Words& w);
// A guide's checklist with the visitor's ticks (content::CheckItem, as the QR
// code has them) under the guide's title; `where` names where to go at the
// end (the offices and lines the guide ends at: their phone numbers print).
PrintPage page_for_checklist(const std::string& title, const std::vector<content::CheckItem>& items,
                             const Words& w, const std::vector<const content::Contact*>& lines = {},
                             const std::vector<const content::Office*>& offices = {});
// An answer (its Markdown as paragraphs and bullets) and the phone lines it
// names (content::Faq::related that are contacts: pass them resolved).
PrintPage page_for_answer(const content::Faq& f, const std::vector<const content::Contact*>& lines, const Words& w);
// One phone line: its name, number, hours and what it is for.
PrintPage page_for_line(const content::Contact& c, const Words& w);

}  // namespace kiosk::print
