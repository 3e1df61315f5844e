// The printed take-away: pages built from the real content, drawn as PDFs a
// reader (pdftotext) can read back in English, Spanish, Arabic and Chinese,
// at the sizes a lobby's printer takes; and, against a real CUPS with the
// cups-pdf printer (the print_cups test), jobs that arrive and a stopped
// queue that gives the visitor the kind message.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "content/store.h"
#include "i18n/catalog.h"
#include "print/page.h"
#include "print/pdf.h"
#include "print/printer.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct Content {
  std::unique_ptr<content::Store> store;
  i18n::Catalog catalog;
};
Content& content_db() {
  static Content c = [] {
    Content x;
    auto opened = content::Store::open(std::string(KIOSK_BINARY_DIR) + "/test-content.db");
    if (!opened.ok()) FAIL("no content database: " << opened.why);
    x.store = std::move(opened.value);
    x.store->load_catalog(x.catalog);
    return x;
  }();
  return c;
}
std::shared_ptr<const content::Model> model(const std::string& locale) {
  return content::load_model(*content_db().store, locale);
}

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

fs::path write_temp(const std::string& bytes, const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "kiosk-print-tests";
  fs::create_directories(dir);
  fs::path f = dir / name;
  std::ofstream(f, std::ios::binary) << bytes;
  return f;
}

std::string pdftotext(const fs::path& pdf) { return run("pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>&1"); }

// Letters and digits only, in order: what a reader of the page sees, whatever
// pdftotext makes of spaces, line ends, punctuation and right-to-left runs
// (it wraps them in embedding marks).
std::string squeeze(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x80) {
      if (std::isalnum(c)) out += s[i];
      i += 1;
      continue;
    }
    std::string ch = s.substr(i, len);
    // a Latin ligature (ﬁ ﬂ ﬀ ﬃ ﬄ) as the letters it joins
    static const std::map<std::string, std::string> latin = {
        {"\ufb00", "ff"}, {"\ufb01", "fi"}, {"\ufb02", "fl"}, {"\ufb03", "ffi"}, {"\ufb04", "ffl"}};
    if (auto l = latin.find(ch); l != latin.end()) ch = l->second;
    static const std::set<std::string> skip = {"\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
                                               "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u060c",
                                               "\u061b", "\u061f", "\u06d4", "\u00a0", "\u2022"};
    const bool mark = len == 2 && ((c == 0xD9 && static_cast<unsigned char>(s[i + 1]) >= 0x8B &&
                                    static_cast<unsigned char>(s[i + 1]) <= 0x9F) ||
                                   (c == 0xD9 && static_cast<unsigned char>(s[i + 1]) == 0xB0));  // U+064B-065F, U+0670
    if (!skip.count(ch) && !mark) out += ch;
    i += len;
  }
  return out;
}
// pdftotext writes the two letters of Arabic's lam-alef ligatures (لا, لأ,
// لإ, لآ, لى: one glyph) in the order they are drawn, alef first, and a
// vowel mark (تنوين) where it falls; the words expected are compared in that
// order and without the marks.
std::string lam_alef_drawn(std::string s) {
  const std::string lam = "ل";
  for (const char* alef : {"ا", "أ", "إ", "آ", "ى"}) {
    const std::string pair = lam + alef, drawn = std::string(alef) + lam;
    for (size_t at = s.find(pair); at != std::string::npos; at = s.find(pair, at + pair.size())) s.replace(at, pair.size(), drawn);
  }
  return s;
}
bool reads(const std::string& text, const std::string& words) {
  return squeeze(text).find(squeeze(lam_alef_drawn(words))) != std::string::npos;
}

// Arabic words as a reader compares them: no vowel marks or tatweel, one alef,
// and ى/ي, ة/ه alike (how an OCR engine reads a letter it cannot tell apart).
std::set<std::string> arabic_words(const std::string& text) {
  std::string s = text;
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  };
  for (const char* alef : {"أ", "إ", "آ"}) replace_all(alef, "ا");
  replace_all("ى", "ي");
  replace_all("ة", "ه");
  std::set<std::string> out;
  std::string word;
  bool arabic = false;
  auto flush = [&] {
    if (arabic && word.size() >= 4) out.insert(word);  // two letters or more
    word.clear();
    arabic = false;
  };
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const unsigned char c1 = len > 1 ? static_cast<unsigned char>(s[i + 1]) : 0;
    const bool letter = len == 2 && ((c == 0xD8 && c1 >= 0xA1 && c1 <= 0xBA) || (c == 0xD9 && c1 >= 0x81 && c1 <= 0x8A) ||
                                     c == 0xDA || c == 0xDB);
    const bool mark = len == 2 && c == 0xD9 && ((c1 >= 0x8B && c1 <= 0x9F) || c1 == 0x80 || c1 == 0xB0);
    if (letter) {
      word += s.substr(i, len);
      arabic = true;
    } else if (!mark) {
      flush();
    }
    i += len;
  }
  flush();
  return out;
}

// The share of the Arabic words of `page` that Tesseract (its Arabic model)
// reads on the first page of `pdf` drawn at 200 dpi: a reader of the paper,
// not of the PDF's text layer. -1 when Tesseract or its Arabic model is missing.
double arabic_read_by_ocr(const fs::path& pdf, const print::PrintPage& page, std::string* seen) {
  if (run("tesseract --list-langs 2>&1").find("\nara") == std::string::npos) return -1;
  const fs::path png = pdf.string() + "-ocr";
  run("pdftoppm -r 200 -gray -png -f 1 -l 1 -singlefile '" + pdf.string() + "' '" + png.string() + "' 2>&1");
  *seen = run("tesseract '" + png.string() + ".png' - -l ara 2>/dev/null");
  std::string all = page.title;
  for (const auto& b : page.blocks) all += "\n" + b.text;
  const std::set<std::string> want = arabic_words(all), got = arabic_words(*seen);
  if (want.empty()) return 0;
  size_t found = 0;
  for (const auto& w : want) found += got.count(w);
  return double(found) / double(want.size());
}

const content::Office& office(const content::Model& m, const std::string& id) {
  const content::Office* o = m.office(id);
  if (!o) FAIL("no office " << id);
  return *o;
}

print::PrintPage office_page(const std::string& locale, const std::string& id = "ocss-bridgeport") {
  auto m = model(locale);
  const auto& o = office(*m, id);
  print::Words w = print::words_from(content_db().catalog, locale);
  return print::page_for_office(o, content_db().catalog.format(locale, "agency." + o.agency), w);
}

print::PrintPage checklist_page(const std::string& locale) {
  auto m = model(locale);
  const content::Guide* g = m->guides.empty() ? nullptr : &m->guides.front();
  REQUIRE(g);
  std::vector<content::CheckItem> items;
  bool tick = true;
  for (const auto& s : g->steps)
    for (const auto& c : s.checklist) {
      items.push_back({c, tick});
      tick = !tick;
    }
  REQUIRE(items.size() >= 2);
  return print::page_for_checklist(g->title, items, print::words_from(content_db().catalog, locale));
}

print::PrintPage answer_page(const std::string& locale, std::string* question = nullptr) {
  auto m = model(locale);
  // an answer that names a phone line
  for (const auto& f : m->faqs)
    for (const auto& r : f.related)
      if (const content::Contact* c = m->contact(r); c && !c->phone.empty()) {
        if (question) *question = f.question;
        return print::page_for_answer(f, {c}, print::words_from(content_db().catalog, locale));
      }
  FAIL("no answer names a phone line");
  return {};
}

struct Box {
  double x0, x1;
  std::string word;
};
// Each word's box on the first page (pdftotext -bbox).
std::vector<Box> boxes(const fs::path& pdf) {
  std::string html = run("pdftotext -bbox -f 1 -l 1 '" + pdf.string() + "' - 2>/dev/null");
  std::vector<Box> out;
  std::regex re("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>");
  for (std::sregex_iterator it(html.begin(), html.end(), re), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3]});
  return out;
}

std::string pdfinfo(const fs::path& pdf) { return run("pdfinfo '" + pdf.string() + "' 2>&1"); }

}  // namespace

TEST_CASE("An office page prints as a PDF a reader reads in English, Spanish, Arabic and Chinese", "[print]") {
  for (const std::string locale : {"en", "es", "ar", "zh"}) {
    INFO(locale);
    auto m = model(locale);
    const auto& o = office(*m, "ocss-bridgeport");
    print::PrintPage page = office_page(locale);
    CHECK(page.rtl == (locale == "ar"));
    for (print::Paper paper : {print::Paper::Letter, print::Paper::Receipt80}) {
      INFO(print::paper_name(paper));
      print::Rendered r = print::render_pdf(page, paper);
      REQUIRE(r.ok());
      CHECK(r.pdf.rfind("%PDF-", 0) == 0);
      fs::path f = write_temp(r.pdf, "office-" + locale + "-" + print::paper_name(paper) + ".pdf");
      std::string text = pdftotext(f);
      CHECK(reads(text, o.name));
      CHECK(reads(text, o.street));
      CHECK(reads(text, "203-551-2703"));  // the office's phone, as content writes it
      CHECK(reads(text, content_db().catalog.format(locale, "office.address")));
      CHECK(reads(text, content_db().catalog.format(locale, "agency." + o.agency)));
      // by appointment, in the visitor's language
      CHECK(reads(text, content_db().catalog.format(locale, "office.appointment")));
    }
  }
}

TEST_CASE("A letter page is one sheet of large type and a receipt is 80 mm wide and as long as its content", "[print]") {
  print::PrintPage page = office_page("en");
  print::Rendered letter = print::render_pdf(page, print::Paper::Letter);
  REQUIRE(letter.ok());
  CHECK(letter.pages == 1);
  fs::path lf = write_temp(letter.pdf, "size-letter.pdf");
  std::string li = pdfinfo(lf);
  CHECK(std::regex_search(li, std::regex("Page size: +612 x 792 pts \\(letter\\)")));
  CHECK(std::regex_search(li, std::regex("Pages: +1\n")));

  print::Rendered receipt = print::render_pdf(page, print::Paper::Receipt80);
  REQUIRE(receipt.ok());
  fs::path rf = write_temp(receipt.pdf, "size-receipt.pdf");
  std::smatch mm;
  std::string ri = pdfinfo(rf);
  REQUIRE(std::regex_search(ri, mm, std::regex("Page size: +([0-9.]+) x ([0-9.]+) pts")));
  const double w_mm = std::stod(mm[1]) / 72.0 * 25.4, h_mm = std::stod(mm[2]) / 72.0 * 25.4;
  CHECK(w_mm == Approx(80.0).margin(0.1));
  // the office card is long on a narrow strip, but not a metre of paper
  CHECK(h_mm > 120);
  CHECK(h_mm < 900);
  // a shorter page is a shorter receipt
  print::PrintPage shorter = page;
  shorter.blocks.resize(2);
  print::Rendered short_r = print::render_pdf(shorter, print::Paper::Receipt80);
  REQUIRE(short_r.ok());
  CHECK(short_r.height_pt < receipt.height_pt);

  // body text: at least 14 pt on letter, 11 pt on a receipt (pdffonts does
  // not say sizes; the words' boxes do: a body line's height)
  auto body_height = [](const fs::path& f, const std::string& word) {
    std::string html = run("pdftotext -bbox '" + f.string() + "' - 2>/dev/null");
    std::regex re("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">" + word + "</word>");
    std::smatch s;
    return std::regex_search(html, s, re) ? std::stod(s[2]) - std::stod(s[1]) : 0.0;
  };
  // a word's box is the font's ascent to descent: about 1.36 em for Noto Sans
  CHECK(body_height(lf, "Housatonic") / 1.36 >= 14.0 - 0.5);
  CHECK(body_height(rf, "Housatonic") / 1.36 >= 11.0 - 0.5);
}

TEST_CASE("A page too long for one sheet of letter runs onto the next and a receipt never breaks", "[print]") {
  std::vector<content::CheckItem> items;
  for (int i = 1; i <= 60; ++i) items.push_back({"Item " + std::to_string(i) + " of the long list", i % 3 == 0});
  print::PrintPage p = print::page_for_checklist("A long checklist", items, print::Words{});
  print::Rendered letter = print::render_pdf(p, print::Paper::Letter);
  REQUIRE(letter.ok());
  CHECK(letter.pages >= 2);
  const std::string text = pdftotext(write_temp(letter.pdf, "long-letter.pdf"));
  for (int i : {1, 30, 60}) CHECK(reads(text, "Item " + std::to_string(i) + " of the long list"));
  print::Rendered receipt = print::render_pdf(p, print::Paper::Receipt80);
  REQUIRE(receipt.ok());
  CHECK(receipt.pages == 1);
  CHECK(std::regex_search(pdfinfo(write_temp(receipt.pdf, "long-receipt.pdf")), std::regex("Pages: +1\n")));
}

TEST_CASE("An Arabic page runs right to left with every line at the right margin and the phone number in order", "[print]") {
  for (const std::string locale : {"ar", "en"}) {
    INFO(locale);
    print::Rendered r = print::render_pdf(office_page(locale), print::Paper::Letter);
    REQUIRE(r.ok());
    fs::path f = write_temp(r.pdf, "align-" + locale + ".pdf");
    auto bs = boxes(f);
    REQUIRE(bs.size() > 20);
    double min_x = 1e9, max_x = 0;
    for (const auto& b : bs) {
      min_x = std::min(min_x, b.x0);
      max_x = std::max(max_x, b.x1);
    }
    const double right = print::kLetterWidthPt - 54, left = 54;
    // the first word of the page (the title) starts at its margin
    if (locale == "ar") {
      CHECK(max_x == Approx(right).margin(2));
      CHECK(min_x > left - 2);
    } else {
      CHECK(min_x == Approx(left).margin(2));
      CHECK(max_x < right + 2);
    }
    // the phone number is one left-to-right run: 203-551-2703, not 2703-551-203
    std::string text = pdftotext(f);
    CHECK(text.find("203-551-2703") != std::string::npos);
    if (locale == "ar") {
      // and each line ends at the right margin: the phone number's box too
      bool number_right = false;
      for (const auto& b : bs)
        if (b.word == "203-551-2703") number_right = b.x1 == Approx(right).margin(2);
      CHECK(number_right);
    }
  }
}

TEST_CASE("A checklist prints with the visitor's ticks and an answer with the phone line it names", "[print]") {
  for (const std::string locale : {"en", "es", "ar", "zh"}) {
    INFO(locale);
    print::PrintPage cl = checklist_page(locale);
    size_t checks = 0, ticked = 0;
    for (const auto& b : cl.blocks)
      if (b.type == print::Block::Type::Check) {
        checks++;
        ticked += b.ticked;
      }
    CHECK(checks >= 2);
    CHECK(ticked == (checks + 1) / 2);
    print::Rendered r = print::render_pdf(cl, print::Paper::Letter);
    REQUIRE(r.ok());
    std::string text = pdftotext(write_temp(r.pdf, "checklist-" + locale + ".pdf"));
    INFO(cl.title << " in " << text);
    CHECK(reads(text, cl.title));
    for (const auto& b : cl.blocks)
      if (b.type == print::Block::Type::Check) CHECK(reads(text, b.text));

    std::string question;
    print::PrintPage ans = answer_page(locale, &question);
    print::Rendered ra = print::render_pdf(ans, print::Paper::Receipt80);
    REQUIRE(ra.ok());
    std::string at = pdftotext(write_temp(ra.pdf, "answer-" + locale + ".pdf"));
    CHECK(reads(at, question));
    bool phone = false;
    for (const auto& b : ans.blocks)
      if (b.type == print::Block::Type::Phone) {
        phone = true;
        CHECK(reads(at, b.number));
        CHECK(reads(at, b.text));
      }
    CHECK(phone);
  }
}

TEST_CASE("A page carries only content, the ticks and a footer with the agency and the date", "[print]") {
  print::Words w = print::words_from(content_db().catalog, "es");
  w.date = "2 de diciembre de 2026";
  auto m = model("es");
  const auto& o = office(*m, "ocss-bridgeport");
  print::PrintPage p = print::page_for_office(o, "OCSS", w);
  CHECK(p.footer == "OCSS · 2 de diciembre de 2026");
  CHECK(print::long_date("es", 1796212800) == "2 de diciembre de 2026");  // 2026-12-02 12:00 UTC
  CHECK(print::long_date("en", 1796212800) == "December 2, 2026");
  // no field of a page is anything but the content's and the catalog's words
  std::set<std::string> allowed = {o.name, "OCSS", o.hours, w.address, w.phone, w.fax, w.hours, w.appointment};
  for (const auto& b : p.blocks)
    if (b.type == print::Block::Type::Heading) CHECK(allowed.count(b.text));
}

TEST_CASE("Printer states from CUPS attributes and their staff lines", "[print]") {
  using print::PrinterState;
  CHECK(print::classify(3, {"none"}, true) == PrinterState::Ready);
  CHECK(print::classify(4, {"none"}, true) == PrinterState::Ready);
  CHECK(print::classify(5, {"paused"}, true) == PrinterState::Stopped);
  CHECK(print::classify(3, {"none"}, false) == PrinterState::Stopped);
  CHECK(print::classify(4, {"media-empty-error"}, true) == PrinterState::OutOfPaper);
  CHECK(print::classify(5, {"media-needed-warning", "paused"}, true) == PrinterState::OutOfPaper);
  CHECK(print::classify(4, {"media-jam-error", "media-empty-error"}, true) == PrinterState::Jammed);
  CHECK(print::classify(3, {"offline-report"}, true) == PrinterState::Offline);
  CHECK(print::classify(3, {"media-empty-report"}, true) == PrinterState::Ready);  // information only
  CHECK(print::classify(3, {"media-low-warning"}, true) == PrinterState::Ready);
  const std::string line = print::staff_words(PrinterState::OutOfPaper, "lobby", {"media-empty-error"}, "");
  CHECK_THAT(line, Catch::Contains("\"lobby\" is out of paper"));
  CHECK_THAT(line, Catch::Contains("load paper"));
  CHECK_THAT(print::staff_words(PrinterState::Stopped, "lobby", {"paused"}, ""), Catch::Contains("cupsenable lobby"));
  print::Paper p;
  CHECK(print::paper_from_name("receipt80", p));
  CHECK(p == print::Paper::Receipt80);
  CHECK(print::paper_from_name("letter", p));
  CHECK(p == print::Paper::Letter);
  CHECK_FALSE(print::paper_from_name("A4", p));
}

TEST_CASE("A printer CUPS does not have is missing and its page gets the kind message", "[print]") {
  print::Printer pr("kiosk-no-such-queue-" + std::to_string(::getpid()), 2000, 2000);
  const auto t0 = std::chrono::steady_clock::now();
  print::PrinterStatus st = pr.state();
  // no CUPS running: unknown; CUPS running: missing. Either way not ready, quickly.
  CHECK((st.state == print::PrinterState::Missing || st.state == print::PrinterState::Unknown));
  CHECK_FALSE(st.staff_line.empty());
  std::atomic<int> woken{0};
  print::PrintWorker worker(pr, print::Paper::Receipt80, [&] { woken++; });
  REQUIRE(worker.print(office_page("en")));
  std::optional<print::PrintOutcome> out;
  for (int i = 0; i < 200 && !out; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    out = worker.take();
  }
  REQUIRE(out);
  CHECK_FALSE(out->printed);
  CHECK(out->visitor_key == "print.failed");
  CHECK(content_db().catalog.format("en", out->visitor_key) == "The printer is not working. Scan the code instead.");
  CHECK_FALSE(out->staff_line.empty());
  CHECK(woken >= 1);  // the app's loop is woken for it
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(8));
}

// ---- against a real CUPS (tests/print/print_cups.sh sets up the queue and
// runs this case with KIOSK_PRINT_QUEUE and KIOSK_PRINT_OUT).
namespace {
std::set<fs::path> pdfs_in(const fs::path& dir) {
  std::set<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".pdf") out.insert(it->path());
  return out;
}
// The PDF cups-pdf writes for the job just sent (a file of a name not seen
// before: cups-pdf names it after the job's title), once it is whole (its
// size holds still and pdfinfo reads it), waited for up to 30 s.
fs::path arrived(const fs::path& dir, std::set<fs::path>& seen) {
  for (int i = 0; i < 300; ++i) {
    for (const auto& p : pdfs_in(dir)) {
      if (seen.count(p)) continue;
      std::error_code ec;
      const auto size = fs::file_size(p, ec);
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      if (ec || size == 0 || fs::file_size(p, ec) != size) continue;
      if (run("pdfinfo '" + p.string() + "' >/dev/null 2>&1 && echo ok").find("ok") == std::string::npos) continue;
      seen.insert(p);
      return p;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return {};
}
// The first page drawn in grey at 50 DPI (pdftoppm), as a PGM file's bytes.
std::string picture(const fs::path& pdf, const std::string& name) {
  const fs::path out = fs::temp_directory_path() / "kiosk-print-tests" / name;
  run("pdftoppm -gray -r 50 -f 1 -l 1 -singlefile '" + pdf.string() + "' '" + out.string() + "' 2>&1");
  std::ifstream in(out.string() + ".pgm", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
// How much of two pictures differs: the share of pixels more than a quarter
// of the grey scale from every pixel around them in the other, over the area both cover from the top left (a
// receipt's custom size comes back rounded to whole points); 1 when either is
// not a picture or their sizes differ by more than 2 pixels.
double differs(const std::string& a, const std::string& b) {
  auto parse = [](const std::string& p, int& w, int& h) -> const unsigned char* {
    std::istringstream in(p);
    std::string magic;
    int maxval = 0;
    if (!(in >> magic >> w >> h >> maxval) || magic != "P5") return nullptr;
    const size_t at = static_cast<size_t>(in.tellg()) + 1;
    if (p.size() < at + size_t(w) * size_t(h)) return nullptr;
    return reinterpret_cast<const unsigned char*>(p.data() + at);
  };
  int wa = 0, ha = 0, wb = 0, hb = 0;
  const unsigned char* pa = parse(a, wa, ha);
  const unsigned char* pb = parse(b, wb, hb);
  if (!pa || !pb || std::abs(wa - wb) > 2 || std::abs(ha - hb) > 2) return 1;
  const int w = std::min(wa, wb), h = std::min(ha, hb);
  // a pixel differs when no pixel next to it in the other picture is close
  // (a page scaled to whole points moves a line by a pixel)
  auto near = [&](const unsigned char* p, int pw, int x, int y, int v) {
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        const int xx = std::clamp(x + dx, 0, w - 1), yy = std::clamp(y + dy, 0, h - 1);
        if (std::abs(int(p[yy * pw + xx]) - v) <= 64) return true;
      }
    return false;
  };
  size_t n = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) n += !near(pb, wb, x, y, pa[y * wa + x]) || !near(pa, wa, x, y, pb[y * wb + x]);
  return double(n) / (double(w) * double(h));
}
}  // namespace

TEST_CASE("Pages print through CUPS to the cups-pdf printer and a stopped queue gives the kind message", "[.print-cups]") {
  const char* q = std::getenv("KIOSK_PRINT_QUEUE");
  const char* outdir = std::getenv("KIOSK_PRINT_OUT");
  REQUIRE(q);
  REQUIRE(outdir);
  print::Printer printer(q, 3000, 30000);
  print::PrinterStatus st = printer.state();
  INFO(st.staff_line);
  REQUIRE(st.state == print::PrinterState::Ready);
  std::set<fs::path> seen = pdfs_in(outdir);

  std::string question;
  struct Job {
    std::string name;
    print::PrintPage page;
    print::Paper paper;
  };
  std::vector<Job> jobs = {{"office-en", office_page("en"), print::Paper::Letter},
                           {"checklist-es", checklist_page("es"), print::Paper::Letter},
                           {"answer-ar", answer_page("ar", &question), print::Paper::Receipt80}};
  for (const auto& j : jobs) {
    INFO(j.name);
    print::Rendered r = print::render_pdf(j.page, j.paper);
    REQUIRE(r.ok());
    // a title of its own per job, so each is a new file in cups-pdf's folder
    const std::string title = "kiosk-test-" + j.name + "-" + std::to_string(::getpid());
    print::SubmitResult res = printer.submit(r.pdf, title, print::cups_media(r, j.paper));
    INFO(res.error);
    REQUIRE(res.printed);
    CHECK(res.job_id > 0);
    fs::path got = arrived(outdir, seen);
    REQUIRE_FALSE(got.empty());
    // the page that came out is the page drawn: the same picture...
    fs::path sent = write_temp(r.pdf, j.name + "-sent.pdf");
    CHECK(differs(picture(sent, j.name + "-sent"), picture(got, j.name + "-got")) < 0.005);
    // ...and its words read back. cups-pdf turns a job into PostScript and
    // back: Arabic's joined letters come back as glyphs without their text
    // layer, so on the Arabic page pdftotext reads the PDF sent (the [print]
    // cases read every Arabic page) and the numbers on the page that came
    // out, and Tesseract reads that page's Arabic words off its picture.
    std::string text = pdftotext(got);
    INFO(text);
    if (j.name != "answer-ar") CHECK(reads(text, j.page.title));
    if (j.name == "office-en") {
      CHECK(reads(text, "925 Housatonic Avenue"));
      CHECK(reads(text, "203-551-2703"));
    }
    if (j.name == "checklist-es")
      for (const auto& b : j.page.blocks)
        if (b.type == print::Block::Type::Check) CHECK(reads(text, b.text));
    if (j.name == "answer-ar") {
      std::string ocr;
      const double share = arabic_read_by_ocr(got, j.page, &ocr);
      INFO("Tesseract read: " << ocr);
      REQUIRE(share >= 0);  // scripts/setup.sh installs tesseract-ocr-ara
      WARN("Arabic words Tesseract read on the printed page: " << int(share * 100 + 0.5) << " %");
      CHECK(share >= 0.8);
      std::string sent_text = pdftotext(sent);
      CHECK(reads(sent_text, question));
      for (const auto& b : j.page.blocks)
        if (b.type == print::Block::Type::Phone) {
          CHECK(reads(sent_text, b.text));
          CHECK(reads(text, b.number));
        }
      // an 80 mm receipt, as long as the page
      std::smatch mm;
      std::string info = pdfinfo(got);
      REQUIRE(std::regex_search(info, mm, std::regex("Page size: +([0-9.]+) x ([0-9.]+) pts")));
      CHECK(std::stod(mm[1]) / 72.0 * 25.4 == Approx(80.0).margin(0.5));
      CHECK(std::stod(mm[2]) == Approx(r.height_pt).margin(3));
    }
  }

  // (and a different page is a different picture)
  {
    fs::path a = write_temp(print::render_pdf(jobs[0].page, print::Paper::Letter).pdf, "other-a.pdf");
    fs::path b = write_temp(print::render_pdf(jobs[1].page, print::Paper::Letter).pdf, "other-b.pdf");
    CHECK(differs(picture(a, "other-a"), picture(b, "other-b")) > 0.01);
  }

  // staff stop the queue (or CUPS does, on a fault): the visitor is told kindly
  REQUIRE(std::system(("cupsdisable '" + std::string(q) + "'").c_str()) == 0);
  print::PrinterStatus stopped = printer.state();
  CHECK(stopped.state == print::PrinterState::Stopped);
  CHECK_THAT(stopped.staff_line, Catch::Contains("is stopped"));
  print::Rendered r = print::render_pdf(office_page("en"), print::Paper::Letter);
  print::SubmitResult res = printer.submit(r.pdf, "Kiosk page");
  CHECK_FALSE(res.printed);
  CHECK(res.job_id == 0);  // no job left behind to print later, for nobody
  CHECK(res.status.state == print::PrinterState::Stopped);

  print::PrintWorker worker(printer, print::Paper::Letter);
  REQUIRE(worker.print(office_page("es")));
  CHECK(worker.busy());
  std::optional<print::PrintOutcome> out;
  for (int i = 0; i < 200 && !out; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    out = worker.take();
  }
  REQUIRE(out);
  CHECK_FALSE(out->printed);
  CHECK(content_db().catalog.format("es", out->visitor_key) == "La impresora no funciona. Escanee el código.");
  CHECK_THAT(out->staff_line, Catch::Contains("is stopped"));
  CHECK(worker.last_state().state == print::PrinterState::Stopped);
  CHECK(std::system(("cupsenable '" + std::string(q) + "'").c_str()) == 0);
  CHECK(printer.state().state == print::PrinterState::Ready);
}
