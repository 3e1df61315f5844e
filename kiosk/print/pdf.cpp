// A PrintPage as a PDF: cairo + pangocairo, laid out line by line so a
// letter page can run onto a second sheet and a receipt is exactly as long
// as its content.
#include "print/pdf.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <memory>
#include <pango/pangocairo.h>

#include "i18n/bidi.h"
#include "print/text.h"

namespace kiosk::print {

bool paper_from_name(std::string_view name, Paper& out) {
  if (name == "letter") out = Paper::Letter;
  else if (name == "receipt80") out = Paper::Receipt80;
  else return false;
  return true;
}

const char* paper_name(Paper p) { return p == Paper::Letter ? "letter" : "receipt80"; }

namespace {

// Type sizes in points, per paper. Letter is read at arm's length by people
// who may have left their glasses at home: body 16 pt (14 pt to keep a long
// page on one sheet); a receipt is narrow: body 12 pt.
struct Sizes {
  double width, margin, title, heading, body, number, detail, footer;
};
Sizes sizes_for(Paper p, bool compact) {
  if (p == Paper::Receipt80) return {kReceiptWidthPt, 4.0 / 25.4 * 72.0, 17, 14, 12, 15, 11, 10};
  if (compact) return {kLetterWidthPt, 54, 26, 18, 14, 18, 13, 11};
  return {kLetterWidthPt, 54, 30, 21, 16, 21, 14, 12};
}

// One block as laid out: its text layout, where it starts, and what is drawn beside it.
struct Item {
  Layout layout;
  double indent = 0;   // from the start edge (left, or right on a right-to-left page)
  double before = 0;   // space above
  bool check = false, ticked = false;
  double box = 0;      // the checkbox's side
  bool rule = false;   // a line under it (the title)
};

class Drawer {
public:
  Drawer(const PrintPage& page, Paper paper, bool compact)
      : page_(page), paper_(paper), s_(sizes_for(paper, compact)) {}

  // Lays the page out on `cr` (any cairo context: pango measures the same on each).
  void layout(cairo_t* cr) {
    items_.clear();
    const double text_w = s_.width - 2 * s_.margin;
    add(cr, page_.title, s_.title, true, text_w, 0, 0, false).rule = true;
    for (const auto& b : page_.blocks) {
      switch (b.type) {
        case Block::Type::Heading: add(cr, b.text, s_.heading, true, text_w, 0, s_.body * 1.0, false); break;
        case Block::Type::Paragraph: add(cr, b.text, s_.body, false, text_w, 0, s_.body * 0.45, false); break;
        case Block::Type::Bullet: add(cr, "• " + b.text, s_.body, false, text_w - s_.body, s_.body, s_.body * 0.3, false); break;
        case Block::Type::Address: add(cr, b.text, s_.body * 1.1, false, text_w, 0, s_.body * 0.45, false); break;
        case Block::Type::Phone:
          add(cr, b.text, s_.body, true, text_w, 0, s_.body * 0.6, false);
          add(cr, b.number, s_.number, true, text_w, 0, 0, true);
          if (!b.detail.empty()) add(cr, b.detail, s_.detail, false, text_w, 0, 0, false);
          break;
        case Block::Type::Check: {
          const double box = s_.body * 0.95, gap = s_.body * 0.6;
          Item& it = add(cr, b.text, s_.body, false, text_w - box - gap, box + gap, s_.body * 0.45, false);
          it.check = true;
          it.ticked = b.ticked;
          it.box = box;
          break;
        }
      }
    }
    footer_.reset();
    if (!page_.footer.empty()) {
      Item f = make(cr, page_.footer, s_.footer, false, text_w, false);
      footer_ = std::move(f.layout);
    }
  }

  double content_height() const {
    double h = 0;
    for (const auto& it : items_) h += it.before + height(it.layout.get()) + (it.rule ? rule_space() : 0);
    return h;
  }
  double footer_height() const { return footer_ ? height(footer_.get()) + s_.body : 0; }

  // Draws everything from y = margin, starting a new page when a line would
  // run past `bottom` (letter); returns the pages drawn.
  int draw(cairo_t* cr, double page_h) {
    // A receipt is cut to its content: it never breaks.
    const double top = s_.margin;
    const double bottom = paper_ == Paper::Letter ? page_h - s_.margin - footer_height() : 1e9;
    double y = top;
    int pages = 1;
    for (const auto& it : items_) {
      y += it.before;
      if (y > bottom) y = bottom;
      PangoLayoutIter* iter = pango_layout_get_iter(it.layout.get());
      bool first_line = true;
      do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        const double line_top = logical.y / double(PANGO_SCALE);
        const double line_h = logical.height / double(PANGO_SCALE);
        const double baseline = pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE);
        if (y + line_h > bottom && y > top + 1) {
          draw_footer(cr, page_h);
          cairo_show_page(cr);
          pages++;
          y = top;
        }
        const double x0 = page_.rtl ? s_.margin : s_.margin + it.indent;
        if (it.check && first_line) draw_box(cr, it, y, line_h);
        cairo_move_to(cr, x0 + logical.x / double(PANGO_SCALE), y + (baseline - line_top));
        pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
        y += line_h;
        first_line = false;
      } while (pango_layout_iter_next_line(iter));
      pango_layout_iter_free(iter);
      if (it.rule) {
        y += rule_space() * 0.4;
        cairo_set_line_width(cr, paper_ == Paper::Letter ? 1.5 : 1.0);
        cairo_move_to(cr, s_.margin, y);
        cairo_line_to(cr, s_.width - s_.margin, y);
        cairo_stroke(cr);
        y += rule_space() * 0.6;
      }
    }
    end_y_ = y;
    draw_footer(cr, page_h);
    return pages;
  }

private:
  double rule_space() const { return s_.body * 0.8; }
  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return h / double(PANGO_SCALE);
  }

  Item make(cairo_t* cr, const std::string& text, double size, bool bold, double width, bool number) const {
    Item it;
    // A phone number is left to right on every page, and so is a line with
    // no right-to-left letter in it (a street, an English name): it is still
    // set at the right margin, but "925 Housatonic Avenue" keeps its order.
    TextStyle st;
    st.locale = page_.locale;
    st.size = size;
    st.bold = bold;
    st.width = width;
    st.rtl = page_.rtl && !number && i18n::needs_bidi(text);
    st.right_align = page_.rtl;
    it.layout = text_layout(cr, text, st);
    return it;
  }

  Item& add(cairo_t* cr, const std::string& text, double size, bool bold, double width, double indent, double before,
            bool number) {
    Item it = make(cr, text, size, bold, width, number);
    it.indent = indent;
    it.before = items_.empty() ? 0 : before;
    items_.push_back(std::move(it));
    return items_.back();
  }

  void draw_box(cairo_t* cr, const Item& it, double y, double line_h) const {
    const double side = it.box;
    const double bx = page_.rtl ? s_.width - s_.margin - side : s_.margin;
    const double by = y + (line_h - side) / 2;
    cairo_set_line_width(cr, paper_ == Paper::Letter ? 1.6 : 1.2);
    cairo_rectangle(cr, bx, by, side, side);
    cairo_stroke(cr);
    if (!it.ticked) return;
    cairo_set_line_width(cr, side * 0.16);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_move_to(cr, bx + side * 0.2, by + side * 0.52);
    cairo_line_to(cr, bx + side * 0.42, by + side * 0.76);
    cairo_line_to(cr, bx + side * 0.82, by + side * 0.24);
    cairo_stroke(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  }

  void draw_footer(cairo_t* cr, double page_h) {
    if (!footer_) return;
    const double fh = height(footer_.get());
    const double y = paper_ == Paper::Letter ? page_h - s_.margin - fh : end_y_ + s_.body;
    cairo_move_to(cr, s_.margin, y);
    pango_cairo_show_layout(cr, footer_.get());
  }

  const PrintPage& page_;
  Paper paper_;
  Sizes s_;
  std::vector<Item> items_;
  Layout footer_;
  double end_y_ = 0;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Rendered render_pdf(const PrintPage& page, Paper paper) {
  Rendered out;
  // Measure first (a layout is the same on any cairo context), to choose the
  // type size on letter and the length of a receipt.
  cairo_surface_t* probe = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  cairo_t* pcr = cairo_create(probe);
  unhinted(pcr);
  bool compact = false;
  double height = kLetterHeightPt;
  {
    Drawer d(page, paper, false);
    d.layout(pcr);
    const Sizes s = sizes_for(paper, false);
    if (paper == Paper::Letter) {
      compact = d.content_height() + d.footer_height() > kLetterHeightPt - 2 * s.margin;
    } else {
      height = s.margin * 2 + d.content_height() + d.footer_height();
    }
  }
  cairo_destroy(pcr);
  cairo_surface_destroy(probe);

  const Sizes s = sizes_for(paper, compact);
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, s.width, height);
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, page.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Lobby kiosk");
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  // Text as outlines of the fonts' glyphs with their Unicode text attached
  // (pango gives cairo the clusters), so pdftotext and screen readers read it.
  unhinted(cr);
  Drawer d(page, paper, compact);
  d.layout(cr);
  out.pages = d.draw(cr, height);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) {
    out.error = std::string("cairo could not write the PDF: ") + cairo_status_to_string(st);
    return out;
  }
  out.pdf = std::move(bytes);
  out.width_pt = s.width;
  out.height_pt = height;
  return out;
}

}  // namespace kiosk::print
