// proof.pdf (proof_pdf.h): cairo's PDF surface and pango layouts, US Letter.
#include "tools/lib/proof_pdf.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "i18n/bidi.h"
#include "print/text.h"

namespace kiosk::tools {

namespace {

constexpr double kW = 612, kH = 792;  // US Letter, in points
constexpr double kMargin = 40;
constexpr double kTextW = kW - 2 * kMargin;
constexpr double kGutter = 12;  // the column of "-" and "+" before a diff line
constexpr double kImageDpi = 150;  // screenshots are scaled down to this before they go in
constexpr double kMinShot = 0.40;  // of the page's height: the screenshots are never shorter

struct Rgb { double r, g, b; };
constexpr Rgb kBlack{0.07, 0.07, 0.07}, kGrey{0.33, 0.33, 0.33}, kRed{0.63, 0, 0}, kGreen{0, 0.38, 0}, kFrame{0.6, 0.6, 0.6};

guint16 channel(double v) { return static_cast<guint16>(std::lround(std::clamp(v, 0.0, 1.0) * 65535)); }

// A piece of a diff line: kept, only in the old text, only in the new.
struct Run {
  char op = ' ';
  std::string text;
};

// Pages top down: text blocks at y, a new page when one would not fit.
class Pages {
public:
  explicit Pages(cairo_t* cr) : cr_(cr) {}

  double y = kMargin;

  // ltr: left to right whatever it holds (a heading: English words, then a title in its language)
  print::Layout layout(const std::string& text, const std::string& locale, double size, bool bold, double width,
                       bool ltr = false) {
    print::TextStyle st;
    st.locale = locale.empty() ? "en" : locale;
    st.size = size;
    st.bold = bold;
    st.width = width;
    // a line in a right-to-left language that has a right-to-left letter
    // runs right to left from the right edge, as the kiosk shows it
    st.rtl = !ltr && i18n::is_rtl_locale(st.locale) && i18n::needs_bidi(text);
    st.right_align = st.rtl;
    st.spacing = 0.1;
    return print::text_layout(cr_, text, st);
  }

  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return h / double(PANGO_SCALE);
  }

  void show(PangoLayout* l, double x, Rgb c) {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
    y += height(l);
  }

  // A block that runs onto a new page when it does not fit above `bottom`.
  void flow(PangoLayout* l, double x, Rgb c, double bottom = kH - kMargin) {
    if (y + height(l) > bottom && y > kMargin + 1) next();
    show(l, x, c);
  }

  void text(const std::string& s, double size, bool bold = false, Rgb c = kBlack, const std::string& locale = "en",
            double x = kMargin) {
    auto l = layout(s, locale, size, bold, kW - kMargin - x);
    flow(l.get(), x, c);
  }

  void next() {
    cairo_show_page(cr_);
    y = kMargin;
  }

  cairo_t* cr() const { return cr_; }

private:
  cairo_t* cr_;
};

// One side's versions: its file, content version, date and source.
void versions(Pages& p, const ContentDiff& d) {
  for (const auto& [label, s] : {std::pair<const char*, const DiffSide*>{"Old", &d.old_side}, {"New", &d.new_side}}) {
    p.text(std::string(label) + ": " + s->path, 11, true);
    p.text("content version " + (s->content_hash.empty() ? std::string("(none)") : s->content_hash) + ", file of " + s->modified,
           10, false, kBlack, "en", kMargin + 12);
    if (!s->built_from.empty()) p.text(s->built_from, 10, false, kGrey, "en", kMargin + 12);
    p.y += 6;
  }
}

// A diff line as one layout: removed runs red and struck through, added
// runs green (bold inside a line changed in place), on a light ground.
// Each run is isolated as the whole line would be, so byte offsets of the
// attributes are those of the text pango gets.
print::Layout diff_layout(Pages& p, const std::vector<Run>& runs, const std::string& locale, double size, bool whole) {
  std::string plain;
  for (const auto& r : runs) plain += r.text;
  const bool rtl = i18n::is_rtl_locale(locale.empty() ? "en" : locale) && i18n::needs_bidi(plain);
  std::string text;
  PangoAttrList* attrs = pango_attr_list_new();
  auto add = [&](PangoAttribute* a, size_t from, size_t to) {
    a->start_index = static_cast<guint>(from);
    a->end_index = static_cast<guint>(to);
    pango_attr_list_insert(attrs, a);
  };
  for (const auto& r : runs) {
    const size_t from = text.size();
    text += rtl ? print::isolate_numbers(r.text) : r.text;
    const size_t to = text.size();
    if (r.op == ' ') continue;
    const Rgb c = r.op == '-' ? kRed : kGreen;
    add(pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)), from, to);
    if (r.op == '-') {
      add(pango_attr_strikethrough_new(TRUE), from, to);
      if (!whole) add(pango_attr_background_new(channel(1), channel(0.87), channel(0.87)), from, to);
    } else if (!whole) {
      add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), from, to);
      add(pango_attr_background_new(channel(0.87), channel(1), channel(0.87)), from, to);
    }
  }
  print::TextStyle st;
  st.locale = locale.empty() ? "en" : locale;
  st.size = size;
  st.width = kTextW - kGutter;
  st.rtl = rtl;
  st.isolate = false;  // done run by run above
  st.right_align = rtl;
  st.spacing = 0.1;
  auto l = print::text_layout(p.cr(), text, st);
  pango_layout_set_attributes(l.get(), attrs);
  pango_attr_list_unref(attrs);
  return l;
}

// The rows of a change's diff: a field's label, then its lines, a line
// changed in place as the old line (its removed words struck) over the new
// (its added words marked).
struct Row {
  char op = ' ';  // ' ' a label, '-' old, '+' new
  std::vector<Run> runs;
  bool whole = true;  // a whole line removed or added (not one changed in place)
};
std::vector<Row> diff_rows(const ItemChange& c) {
  std::vector<Row> rows;
  for (const auto& f : c.fields) {
    rows.push_back({' ', {{' ', f.label + ":"}}, true});
    for (const auto& l : f.lines) {
      if (l.op != '~') {
        rows.push_back({l.op, {{l.op, l.text}}, true});
        continue;
      }
      Row was{'-', {}, false}, now{'+', {}, false};
      for (const auto& w : l.words) {
        if (w.op != '+') was.runs.push_back({w.op, w.text});
        if (w.op != '-') now.runs.push_back({w.op, w.text});
      }
      rows.push_back(std::move(was));
      rows.push_back(std::move(now));
    }
  }
  return rows;
}

struct SurfaceDel {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDel>;

Surface load_png(const std::string& path) {
  Surface s(cairo_image_surface_create_from_png(path.c_str()));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
  return s;
}

// A screenshot in the box (x, y, w, h), scaled down first to kImageDpi (a
// PDF of full-size screenshots would be tens of megabytes), framed.
void draw_image(cairo_t* cr, cairo_surface_t* img, double x, double y, double w, double h) {
  const int iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
  const int tw = std::max(1, std::min(iw, static_cast<int>(std::lround(w / 72 * kImageDpi))));
  const int th = std::max(1, std::min(ih, static_cast<int>(std::lround(h / 72 * kImageDpi))));
  Surface small(cairo_image_surface_create(CAIRO_FORMAT_RGB24, tw, th));
  cairo_t* sc = cairo_create(small.get());
  cairo_scale(sc, double(tw) / iw, double(th) / ih);
  cairo_set_source_surface(sc, img, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(sc), CAIRO_FILTER_BEST);
  cairo_paint(sc);
  cairo_destroy(sc);
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, w / tw, h / th);
  cairo_set_source_surface(cr, small.get(), 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, kFrame.r, kFrame.g, kFrame.b);
  cairo_set_line_width(cr, 0.75);
  cairo_rectangle(cr, x, y, w, h);
  cairo_stroke(cr);
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

void shot_page(Pages& p, const ContentDiff& d, const std::string& heading, const ProofPdfShot& s) {
  const ItemChange& c = d.changes[s.change];
  cairo_t* cr = p.cr();
  const std::string loc = c.locale.empty() ? "en" : c.locale;
  // the heading's English words first, its title in the change's language
  auto h = p.layout(heading, loc, 13, true, kTextW, true);
  p.show(h.get(), kMargin, kBlack);
  p.y += 2;
  p.text("screen " + s.screen + (s.param.empty() ? "" : " " + s.param) + ", language " + s.locale, 9, false, kGrey);
  p.y += 6;

  // the change's text first, then the screenshots at the foot of the page,
  // two side by side: as tall as the text leaves room for, never shorter
  // than kMinShot of the page (a longer text is cut, index.html has it all)
  const double size = 9;
  struct Drawn {
    char op;
    print::Layout layout;
    double before, h;
  };
  std::vector<Drawn> drawn;
  double text_h = 0;
  for (const auto& r : diff_rows(c)) {
    print::Layout l = r.op == ' ' ? p.layout(r.runs.front().text, "en", size, true, kTextW) : diff_layout(p, r.runs, loc, size, r.whole);
    const double before = r.op == ' ' ? 3 : 0, after = r.op == ' ' ? 0 : 1.5;
    const double lh = Pages::height(l.get());
    drawn.push_back({r.op, std::move(l), before, lh + after});
    text_h += before + lh + after;
  }
  Surface old_img = load_png(s.old_png), new_img = load_png(s.new_png);
  const double gap = 16, box_w = (kTextW - gap) / 2, caption_h = 26;
  const double room = kH - kMargin - p.y - caption_h - 20;  // below the heading (and 14 for a cut's note)
  double box_h = std::clamp(room - text_h, kH * kMinShot, kH * 0.58);
  for (auto* img : {old_img.get(), new_img.get()})
    if (img) {
      const double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
      box_h = std::min(box_h, box_w * ih / iw);
    }
  const double images_top = kH - kMargin - box_h;
  const double text_bottom = images_top - caption_h - 6;

  bool cut = false;
  for (auto& r : drawn) {
    if (p.y + r.before + r.h > text_bottom - 14) {
      cut = true;
      break;
    }
    p.y += r.before;
    if (r.op == ' ') {
      p.show(r.layout.get(), kMargin, kBlack);
      continue;
    }
    // the sign in the gutter, on the first line
    auto sign = p.layout(r.op == '-' ? "\u2212" : "+", "en", size, true, 0);
    const double y0 = p.y;
    p.show(sign.get(), kMargin, r.op == '-' ? kRed : kGreen);
    p.y = y0 + r.h;
    cairo_set_source_rgb(cr, kBlack.r, kBlack.g, kBlack.b);
    cairo_move_to(cr, kMargin + kGutter, y0);
    pango_cairo_show_layout(cr, r.layout.get());
  }
  if (cut) p.text("... (the whole change is in index.html)", size, false, kGrey);

  const bool added = c.what == "added", removed = c.what == "removed";
  for (int i = 0; i < 2; ++i) {
    const double x = kMargin + i * (box_w + gap);
    const DiffSide& side = i == 0 ? d.old_side : d.new_side;
    std::string caption = std::string(i == 0 ? "Before" : "After") + " (" +
                          (side.content_hash.empty() ? std::string("no version") : side.content_hash) + ")";
    if ((i == 0 && added) || (i == 1 && removed)) caption += ": not in this version";
    else if (!s.differs) caption += ": no visible difference";
    cairo_surface_t* img = i == 0 ? old_img.get() : new_img.get();
    // the image centred in its half, its caption over its left edge
    double w = box_w;
    if (img) w = std::min(box_w, box_h * cairo_image_surface_get_width(img) / cairo_image_surface_get_height(img));
    const double ix = x + (box_w - w) / 2;
    p.y = images_top - caption_h;
    auto cl = p.layout(caption, "en", 9, true, box_w - (ix - x));
    p.show(cl.get(), ix, s.differs ? kBlack : Rgb{0.63, 0.38, 0});
    if (img) {
      draw_image(cr, img, ix, images_top, w, w * cairo_image_surface_get_height(img) / cairo_image_surface_get_width(img));
    } else {
      p.y = images_top;
      p.text("(the screenshot " + (i == 0 ? s.old_png : s.new_png) + " could not be read)", 9, false, kRed, "en", x);
    }
  }
}

void signoff_page(Pages& p, const ContentDiff& d) {
  p.text("Sign-off", 20, true);
  p.y += 10;
  versions(p, d);
  p.y += 16;
  for (const char* line : {"Reviewer name: ______________________________________", "Date: ____________________"}) {
    p.text(line, 12);
    p.y += 28;
  }
  // two boxes to tick
  cairo_t* cr = p.cr();
  double x = kMargin;
  for (const char* label : {"Approved", "Changes needed"}) {
    cairo_set_source_rgb(cr, kBlack.r, kBlack.g, kBlack.b);
    cairo_set_line_width(cr, 1.2);
    cairo_rectangle(cr, x, p.y + 2, 12, 12);
    cairo_stroke(cr);
    auto l = p.layout(label, "en", 12, false, 0);
    const double y0 = p.y;
    p.show(l.get(), x + 20, kBlack);
    p.y = y0;
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    x += 20 + w / double(PANGO_SCALE) + 48;
  }
  p.y += 46;
  p.text("Notes:", 12);
  p.y = kH - kMargin - 40;
  p.text("Signature: ______________________________________", 12);
}

}  // namespace

std::string draw_proof_pdf(const ContentDiff& d, const std::vector<std::string>& headings,
                           const std::vector<ProofPdfShot>& shots, const std::string& path) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kW, kH);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return "cannot write " + path;
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Content change for approval");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kiosk-content proof");
  cairo_t* cr = cairo_create(surface);
  // glyph outlines with their Unicode text (pango gives cairo the clusters):
  // pdftotext and a search read the words in every language
  print::unhinted(cr);
  Pages p(cr);

  p.text("Content change for approval", 20, true);
  p.y += 4;
  p.text("Proof made " + now_utc(), 10, false, kGrey);
  p.y += 12;
  versions(p, d);
  p.y += 6;
  p.text(std::to_string(d.changes.size()) + (d.changes.size() == 1 ? " change, " : " changes, ") + std::to_string(shots.size()) +
             (shots.size() == 1 ? " screen" : " screens") + ", in " + std::to_string(d.locales.size()) + " languages compared:",
         12, true);
  p.y += 4;
  for (size_t i = 0; i < d.changes.size() && i < headings.size(); ++i) {
    auto l = p.layout(headings[i], d.changes[i].locale, 10, false, kTextW, true);
    p.flow(l.get(), kMargin, kBlack);
    p.y += 3;
  }
  for (const auto& s : shots) {
    if (s.change >= d.changes.size()) continue;
    p.next();
    shot_page(p, d, s.change < headings.size() ? headings[s.change] : "", s);
  }
  p.next();
  signoff_page(p, d);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) return "cannot write " + path + ": " + cairo_status_to_string(st);
  return "";
}

}  // namespace kiosk::tools
