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

std::string display_order(std::string_view logical, bool rtl_paragraph) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(logical.data(), static_cast<int32_t>(logical.size())));
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
