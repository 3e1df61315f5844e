// A PrintPage drawn as a PDF with a real text stack: cairo's PDF surface,
// pango (HarfBuzz shaping, fribidi, ICU-grade line breaking) and fonts found
// through fontconfig (Noto Sans, Noto Naskh Arabic, Noto Sans CJK).
#pragma once
#include <string>
#include <string_view>

#include "print/page.h"

namespace kiosk::print {

enum class Paper {
  Letter,     // 8.5 x 11 in; body text 16 pt (14 pt when that fits the content on one page)
  Receipt80,  // 80 mm wide, as long as the content; body text 12 pt
};
// "letter" | "receipt80" (the [printer] paper setting); false for anything else.
bool paper_from_name(std::string_view name, Paper& out);
const char* paper_name(Paper p);

// Page sizes in PostScript points (1/72 in).
constexpr double kLetterWidthPt = 612, kLetterHeightPt = 792;
constexpr double kReceiptWidthPt = 80.0 / 25.4 * 72.0;  // 226.77

struct Rendered {
  std::string pdf;    // the PDF's bytes; empty when it failed
  std::string error;  // why, in words for the log
  int pages = 0;      // letter: 1 unless the content is longer than a page; receipt: always 1
  double width_pt = 0, height_pt = 0;  // of the (first) page
  bool ok() const { return !pdf.empty() && error.empty(); }
};

// Draws the page. Right-to-left pages run right to left (pango's base
// direction from PrintPage::rtl) with every line right-aligned; phone numbers
// are isolated left to right inside them. Takes some tens of milliseconds
// (more the first time fontconfig loads its cache): call it off the UI thread
// (print::PrintWorker does).
Rendered render_pdf(const PrintPage& page, Paper paper);

}  // namespace kiosk::print
