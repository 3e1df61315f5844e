// Right-to-left text for drawing: ImGui draws glyphs left to right, one code
// point each, so Arabic must be shaped (letters joined into their
// presentation forms, u_shapeArabic) and each line put in visual order
// (ubidi) before it reaches the renderer. Logical text stays everywhere else
// (catalog, accessibility tree, speech, search).
#pragma once
#include <string>
#include <string_view>

namespace kiosk::i18n {

// Languages written right to left (ar, he, fa, ur), by locale code.
bool is_rtl_locale(std::string_view locale);
// True when the text holds a right-to-left character or needs Arabic shaping.
bool needs_bidi(std::string_view utf8);
// One line of text in the order its glyphs are drawn, Arabic shaped. With
// rtl_paragraph the line's base direction is right to left (as in an Arabic
// sentence that contains an English word or a phone number).
std::string display_order(std::string_view logical_line, bool rtl_paragraph);

}  // namespace kiosk::i18n
