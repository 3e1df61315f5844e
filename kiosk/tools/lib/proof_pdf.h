// proof.pdf of kiosk-content proof (diff.h), drawn with the kiosk's print
// text stack (print/text.h: cairo + pango, Noto fonts): a page of both
// versions, the date and the changes; a page per changed screen with its
// change's text in that change's own language (Arabic joined and right to
// left, Chinese in a CJK font) over the old and new screenshots; a sign-off page.
#pragma once
#include <string>
#include <vector>

#include "tools/lib/diff.h"

namespace kiosk::tools {

struct ProofPdfShot {
  size_t change = 0;                  // index in ContentDiff::changes
  std::string screen, param, locale;  // what the kiosk showed, in which language
  std::string old_png, new_png;       // the screenshots
  bool differs = true;                // false: the two screenshots are the same
};

// Writes `path`; `headings` has one line per change ("1. changed faq apply-how, ar: ...").
// "" or why not.
std::string draw_proof_pdf(const ContentDiff& d, const std::vector<std::string>& headings,
                           const std::vector<ProofPdfShot>& shots, const std::string& path);

}  // namespace kiosk::tools
