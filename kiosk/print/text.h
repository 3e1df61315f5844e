// The text stack the printed pages and the content proof (tools/lib) share:
// a pango layout on a cairo context in a language's fonts (Noto via
// fontconfig), its base direction and alignment, and numbers kept left to
// right inside right-to-left text.
#pragma once
#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>
#include <string>

namespace kiosk::print {

// The font families for a locale's script ("ar": Noto Sans Arabic first,
// "zh": Noto Sans CJK SC); pango falls back through fontconfig for the rest.
std::string font_family_for(const std::string& locale);

// Runs that read as numbers ("1-800-228-KIDS (5437)") isolated left to
// right, so inside right-to-left text their parts keep their order and the
// brackets do not mirror.
std::string isolate_numbers(const std::string& s);

// Metrics as the font designs them, not snapped to an image's pixels, so a
// measuring context and a PDF's agree.
void unhinted(cairo_t* cr);

struct LayoutDel {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDel>;

struct TextStyle {
  std::string locale = "en";  // the language pango shapes and breaks for (and picks Chinese forms by)
  double size = 12;           // points
  bool bold = false;
  double width = 0;           // wrap at this many points; 0: one line per paragraph, never wrapped
  bool rtl = false;           // base direction right to left
  bool isolate = true;        // and then numbers isolated left to right (isolate_numbers)
  bool right_align = false;
  double spacing = 0.15;      // extra space between lines, in sizes
};

// A layout of `text` on `cr` (any cairo context: pango measures the same on each).
Layout text_layout(cairo_t* cr, const std::string& text, const TextStyle& st);

}  // namespace kiosk::print
