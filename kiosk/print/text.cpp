// The shared text stack (text.h): fonts by script, base direction, numbers isolated.
#include "print/text.h"

#include <algorithm>

namespace kiosk::print {

std::string font_family_for(const std::string& locale) {
  std::string lang = locale.substr(0, locale.find_first_of("-_"));
  if (lang == "ar" || lang == "fa" || lang == "ur") return "Noto Sans Arabic, Noto Naskh Arabic, Noto Sans";
  if (lang == "zh") return "Noto Sans CJK SC, Noto Sans";
  if (lang == "ja") return "Noto Sans CJK JP, Noto Sans";
  if (lang == "ko") return "Noto Sans CJK KR, Noto Sans";
  return "Noto Sans, Noto Sans CJK SC";
}

namespace {
constexpr const char* kLri = "\u2066";  // left-to-right isolate
constexpr const char* kPdi = "\u2069";  // pop directional isolate

bool digit(char c) { return c >= '0' && c <= '9'; }
bool phone_char(char c) { return digit(c) || c == '-' || c == '(' || c == ')' || c == ' ' || c == '.' || (c >= 'A' && c <= 'Z'); }
}  // namespace

std::string isolate_numbers(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (digit(s[i]) || (s[i] == '(' && i + 1 < s.size() && digit(s[i + 1]))) {
      size_t j = i, digits = 0, end = i;
      while (j < s.size() && phone_char(s[j])) {
        if (digit(s[j])) digits++;
        if (digit(s[j]) || s[j] == ')') end = j + 1;
        j++;
      }
      if (digits >= 3) {
        out += kLri + s.substr(i, end - i) + kPdi;
        i = end;
        continue;
      }
      out += s.substr(i, std::max<size_t>(end, i + 1) - i);
      i = std::max<size_t>(end, i + 1);
      continue;
    }
    out += s[i++];
  }
  return out;
}

void unhinted(cairo_t* cr) {
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr, fo);
  cairo_font_options_destroy(fo);
}

Layout text_layout(cairo_t* cr, const std::string& text, const TextStyle& st) {
  Layout layout(pango_cairo_create_layout(cr));
  PangoLayout* l = layout.get();
  PangoContext* ctx = pango_layout_get_context(l);
  pango_context_set_language(ctx, pango_language_from_string(st.locale.c_str()));
  pango_context_set_base_dir(ctx, st.rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed(l);
  pango_layout_set_auto_dir(l, FALSE);
  PangoFontDescription* fd = pango_font_description_from_string(font_family_for(st.locale).c_str());
  pango_font_description_set_size(fd, static_cast<gint>(st.size * PANGO_SCALE));
  pango_font_description_set_weight(fd, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  if (st.width > 0) {
    pango_layout_set_width(l, static_cast<int>(st.width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(l, st.right_align ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_spacing(l, static_cast<int>(st.size * st.spacing * PANGO_SCALE));
  const std::string shown = st.rtl && st.isolate ? isolate_numbers(text) : text;
  pango_layout_set_text(l, shown.c_str(), static_cast<int>(shown.size()));
  return layout;
}

}  // namespace kiosk::print
