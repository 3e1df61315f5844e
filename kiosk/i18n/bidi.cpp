#include "i18n/bidi.h"

#include <memory>
#include <vector>

#include <unicode/ubidi.h>
#include <unicode/ushape.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "i18n/icu_util.h"

namespace kiosk::i18n {

bool is_rtl_locale(std::string_view locale) {
  std::string_view lang = locale.substr(0, locale.find_first_of("_-"));
  return lang == "ar" || lang == "he" || lang == "fa" || lang == "ur";
}

bool needs_bidi(std::string_view s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0x0590) continue;  // ASCII and Latin are never right to left
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) return true;
  }
  return false;
}

namespace {
bool digit(UChar c) { return c >= u'0' && c <= u'9'; }
bool latin(UChar c) { return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z'); }
bool inner(UChar c) { return c == u'.' || c == u',' || c == u':' || c == u'/' || c == u'-' || c == 0x2013 || c == u'%' || c == u'(' || c == u')'; }

// Each number with what holds it together ("(860) 832-1878",
// "1-800-228-KIDS (5437)", "$35", "8:30 - 5:00", "15%") wrapped in a
// left-to-right isolate (LRI ... PDI). Without it the bidi algorithm counts
// a European number as right to left for the neutrals around it, so in an
// Arabic line "(860) 832-1878" is drawn "832-1878 (860)" and "8:30 - 5:00"
// as "5:00 - 8:30". A bracket closes inside only when it opened inside (an
// Arabic parenthesis that ends on a number stays Arabic, and mirrors).
icu::UnicodeString isolate_numbers(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  const int32_t n = in.length();
  int32_t i = 0;
  while (i < n) {
    if (!digit(in[i])) {
      out.append(in[i++]);
      continue;
    }
    int32_t start = i;
    // a sign, a dollar or an opening bracket just before the number
    while (start > 0 && out.length() > 0 && (in[start - 1] == u'$' || in[start - 1] == u'+' || in[start - 1] == u'(')) {
      --start;
      out.truncate(out.length() - 1);
    }
    int32_t end = i;  // one past the last character taken
    int32_t last_good = i;  // one past the last character a span may end on
    int depth = 0;
    for (int32_t k = start; k < end; ++k) depth += in[k] == u'(';
    while (end < n) {
      const UChar c = in[end];
      if (digit(c) || c == u'%') {
        last_good = ++end;
      } else if (c == u')') {
        if (depth == 0) break;
        --depth;
        last_good = ++end;
      } else if (c == u'(') {
        ++depth;
        ++end;
      } else if (inner(c) || c == u'$') {
        ++end;
      } else if (c == u' ' && end + 1 < n && (digit(in[end + 1]) || in[end + 1] == u'(' || in[end + 1] == u'-' || in[end + 1] == 0x2013)) {
        ++end;
      } else if (latin(c) && end > 0 && in[end - 1] == u'-') {
        while (end < n && latin(in[end])) ++end;  // 1-800-228-KIDS
        last_good = end;
      } else {
        break;
      }
    }
    // an opening bracket left open belongs to the text around the number
    icu::UnicodeString span(in, start, last_good - start);
    int open = 0;
    for (int32_t k = 0; k < span.length(); ++k) open += span[k] == u'(' ? 1 : span[k] == u')' ? -1 : 0;
    int32_t lead = 0;
    while (open > 0 && lead < span.length() && span[lead] == u'(') ++lead, --open;
    out.append(icu::UnicodeString(span, 0, lead));
    out.append(static_cast<UChar>(0x2066)).append(icu::UnicodeString(span, lead)).append(static_cast<UChar>(0x2069));
    i = last_good;
  }
  return out;
}
}  // namespace

std::string display_order(std::string_view logical, bool rtl_paragraph) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(logical.data(), static_cast<int32_t>(logical.size())));
  u = isolate_numbers(u);
  IcuStatus err("Arabic shaping and bidi reordering");
  // 1. Shape: Arabic letters take their joined forms (in logical order).
  std::vector<UChar> shaped(static_cast<size_t>(u.length()) * 2 + 1);
  int32_t n = u_shapeArabic(u.getBuffer(), u.length(), shaped.data(), static_cast<int32_t>(shaped.size()),
                            U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_GROW_SHRINK, err);
  if (!err.ok()) return std::string(logical);
  // 2. Reorder the line for display, mirroring brackets in right-to-left runs.
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_openSized(n, 0, err), &ubidi_close);
  if (!err.ok()) return std::string(logical);
  ubidi_setPara(bidi.get(), shaped.data(), n, rtl_paragraph ? UBIDI_RTL : UBIDI_DEFAULT_LTR, nullptr, err);
  std::vector<UChar> visual(static_cast<size_t>(n) + 1);
  int32_t m = ubidi_writeReordered(bidi.get(), visual.data(), static_cast<int32_t>(visual.size()),
                                   UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, err);
  if (!err.ok()) return std::string(logical);
  return to_utf8(icu::UnicodeString(visual.data(), m));
}

}  // namespace kiosk::i18n
