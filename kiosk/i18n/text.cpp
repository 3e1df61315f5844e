// ICU and libstemmer behind the text helpers of text.h.
#include "i18n/text.h"

#include <algorithm>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/numsys.h>
#include <unicode/translit.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "i18n/bidi.h"
#include "i18n/icu_util.h"

namespace kiosk::i18n {

std::string fold(std::string_view utf8) {
  IcuStatus status("NFD normalizer");
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), (int32_t)utf8.size()));
  s.foldCase();
  icu::UnicodeString decomposed = status.ok() ? nfd->normalize(s, status) : s;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // letters of their own that a visitor types as the plain one
    switch (c) {
      case 0x0111: c = 'd'; break;     // đ (Vietnamese)
      case 0x0142: c = 'l'; break;     // ł (Polish)
      case 0x0640: continue;           // Arabic tatweel
      default:
        if (c >= 0x0660 && c <= 0x0669) c = '0' + (c - 0x0660);       // Arabic-Indic digits
        else if (c >= 0x06F0 && c <= 0x06F9) c = '0' + (c - 0x06F0);  // Eastern Arabic-Indic
    }
    out.append(c);
  }
  return to_utf8(out);
}

namespace {
bool is_han(UChar32 c) {
  UErrorCode e = U_ZERO_ERROR;
  return uscript_getScript(c, &e) == USCRIPT_HAN;
}
}  // namespace

bool has_han(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return false;
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i)))
    if (const UChar32 c = s.char32At(i); c >= 0x2E80 && is_han(c)) return true;
  return false;
}

std::string index_text(std::string_view utf8) {
  std::string folded = fold(strip_apostrophes(utf8));
  if (!has_han(folded)) return folded;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(folded);
  IcuStatus status("word breaking");
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (!status.ok()) return folded;
  it->setText(s);
  icu::UnicodeString out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (start > 0) {
      const UChar32 before = s.char32At(start - 1), after = s.char32At(start);
      if ((is_han(before) || is_han(after)) && !u_isWhitespace(before) && !u_isWhitespace(after)) out.append(u' ');
    }
    out.append(s, start, end - start);
  }
  return to_utf8(out);
}

std::string pinyin_words(std::string_view utf8, size_t span) {
  // the transliterator's rules take long to load: once per thread
  thread_local std::unique_ptr<icu::Transliterator> latin;
  if (!latin) {
    IcuStatus status("Han-Latin transliterator");
    latin.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (!status.ok()) latin.reset();
  }
  if (!latin) return {};
  std::vector<std::string> ws = words(utf8);
  std::vector<std::string> out;
  auto push = [&](const std::string& w) {
    if (!w.empty() && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  };
  for (size_t i = 0; i < ws.size(); ++i) {
    std::string joined;
    for (size_t n = 0; n < span && i + n < ws.size() && has_han(ws[i + n]); ++n) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(ws[i + n]);
      latin->transliterate(u);
      for (char c : to_utf8(u))
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) joined += static_cast<char>(c | 0x20);
      push(joined);
    }
  }
  std::string text;
  for (const auto& w : out) text += (text.empty() ? "" : " ") + w;
  return text;
}

std::string strip_apostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\'') continue;
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) { i += 2; continue; }  // U+2019
    out += s[i];
  }
  return out;
}

std::vector<std::string> words(std::string_view utf8_in) {
  std::string stripped = strip_apostrophes(utf8_in);
  std::string_view utf8 = stripped;
  std::vector<std::string> out;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), (int32_t)utf8.size()));
  IcuStatus status("word breaking");
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (!status.ok()) return out;
  it->setText(s);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
    icu::UnicodeString w;
    s.extractBetween(start, end, w);
    out.push_back(fold(to_utf8(w)));
  }
  return out;
}

namespace {
// Polish has no Snowball stemmer in libstemmer 2.2: the commonest case and
// verb endings (folded, so ó ę ą ć are o e a c) are cut, longest first, while
// four letters are left, and search adds the rest as a prefix ("więzieniu",
// "więzienia", "wiezienie" -> "wiezien"; "alimentów", "alimenty" -> "aliment").
std::string polish_stem(std::string_view w) {
  static const char* const endings[] = {"owie", "iego", "ami", "ach", "owi", "ego", "emu", "ych", "ymi", "iem", "iej",
                                        "esz", "isz", "ysz", "amy", "emy", "imy", "ie", "ia", "iu", "ii", "ow", "om",
                                        "em", "ej", "ym", "ic", "ac", "ec", "yc", "a", "e", "i", "o", "u", "y"};
  for (const char* e : endings) {
    const std::string_view end(e);
    if (w.size() >= end.size() + 4 && w.substr(w.size() - end.size()) == end)
      return std::string(w.substr(0, w.size() - end.size()));
  }
  return std::string(w);
}
}  // namespace

struct Stemmer::Impl {
  sb_stemmer* st = nullptr;
  bool polish = false, portuguese = false;
  mutable std::mutex mu;  // a sb_stemmer is not reentrant
  ~Impl() { if (st) sb_stemmer_delete(st); }
};

Stemmer::Stemmer(std::string_view locale) {
  std::string lang(locale.substr(0, locale.find_first_of("_-")));
  const char* algo = lang == "en"   ? "english"
                     : lang == "es" ? "spanish"
                     : lang == "pt" ? "portuguese"
                     : lang == "ar" ? "arabic"
                                    : nullptr;
  if (lang == "pl") {
    impl_ = std::make_unique<Impl>();
    impl_->polish = true;
    return;
  }
  if (!algo) return;
  if (sb_stemmer* st = sb_stemmer_new(algo, "UTF_8")) {
    impl_ = std::make_unique<Impl>();
    impl_->st = st;
    impl_->portuguese = lang == "pt";
  }
}
Stemmer::~Stemmer() = default;

std::string Stemmer::stem(std::string_view w) const {
  if (!impl_) return std::string(w);
  if (impl_->polish) return polish_stem(w);
  std::string word(w);
  // Portuguese folded: "pensoes" was "pensões", the plural of "pensao"
  if (impl_->portuguese && word.size() > 5 && word.compare(word.size() - 3, 3, "oes") == 0)
    word.replace(word.size() - 3, 3, "ao");
  std::lock_guard lock(impl_->mu);
  const sb_symbol* r = sb_stemmer_stem(impl_->st, reinterpret_cast<const sb_symbol*>(word.data()), (int)word.size());
  if (!r) return std::string(w);
  return std::string(reinterpret_cast<const char*>(r), sb_stemmer_length(impl_->st));
}

std::vector<size_t> collate_order(const std::vector<std::string>& keys, std::string_view locale) {
  std::vector<size_t> idx(keys.size());
  std::iota(idx.begin(), idx.end(), 0);
  // English sorts by the root collation (ICU says U_USING_DEFAULT_WARNING); any
  // other language's order is its own, and a fallback is written to the journal.
  const bool root_is_english = locale == "en" || locale.substr(0, 3) == "en-" || locale.substr(0, 3) == "en_";
  IcuStatus status("collation", locale, root_is_english ? IcuStatus::Data::RootIsFine : IcuStatus::Data::OfTheLocale);
  std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale(std::string(locale).c_str()), status));
  if (!status.ok() || !coll) {
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
    return idx;
  }
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    UErrorCode st = U_ZERO_ERROR;
    return coll->compareUTF8(keys[a], keys[b], st) == UCOL_LESS;
  });
  return idx;
}

void collate_sort(std::vector<std::string>& items, std::string_view locale) {
  auto order = collate_order(items, locale);
  std::vector<std::string> sorted;
  sorted.reserve(items.size());
  for (size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

namespace {
template <typename Seq>
int osa_distance(const Seq& a, const Seq& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}
bool ascii(std::string_view s) {
  for (unsigned char c : s) if (c >= 0x80) return false;
  return true;
}
}  // namespace

int edit_distance(std::string_view a8, std::string_view b8) {
  if (ascii(a8) && ascii(b8)) return osa_distance(a8, b8);  // the common case, no ICU round trip
  icu::UnicodeString ua = icu::UnicodeString::fromUTF8(icu::StringPiece(a8.data(), (int32_t)a8.size()));
  icu::UnicodeString ub = icu::UnicodeString::fromUTF8(icu::StringPiece(b8.data(), (int32_t)b8.size()));
  std::vector<UChar32> a, b;
  for (int32_t i = 0; i < ua.length(); i += U16_LENGTH(ua.char32At(i))) a.push_back(ua.char32At(i));
  for (int32_t i = 0; i < ub.length(); i += U16_LENGTH(ub.char32At(i))) b.push_back(ub.char32At(i));
  return osa_distance(a, b);
}

}  // namespace kiosk::i18n

namespace kiosk::i18n {

std::vector<size_t> line_breaks(std::string_view utf8, std::string_view locale) {
  std::vector<size_t> out;
  if (utf8.empty()) return out;
  // One iterator per locale, kept: creating one costs more than using it.
  thread_local std::string cached_locale;
  thread_local std::unique_ptr<icu::BreakIterator> it;
  IcuStatus status("line breaking", locale);
  if (!it || cached_locale != locale) {
    it.reset(icu::BreakIterator::createLineInstance(icu::Locale(std::string(locale).c_str()), status));
    if (!status.ok()) { it.reset(); return out; }
    cached_locale = locale;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  it->setText(u);
  // Map UTF-16 offsets back to UTF-8 byte offsets while walking.
  size_t byte = 0;
  int32_t unit = 0;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE && b < u.length(); b = it->next()) {
    while (unit < b) {
      UChar32 c = u.char32At(unit);
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      unit += U16_LENGTH(c);
    }
    if (byte >= utf8.size() || (!out.empty() && byte <= out.back())) break;  // invalid UTF-8 shifts offsets
    out.push_back(byte);
  }
  return out;
}

}  // namespace kiosk::i18n

namespace kiosk::i18n {
std::string native_digits(std::string_view locale) {
  IcuStatus status("numbering system", locale);
  std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(icu::Locale(std::string(locale).c_str()), status));
  if (!status.ok() || !ns || ns->isAlgorithmic()) return "0123456789";
  return to_utf8(ns->getDescription());
}
namespace {
void add_code_points(std::string_view s, Glyphs& out) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) break;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.insert(cp);
    i += n;
  }
}
}  // namespace

void add_glyphs(std::string_view utf8, bool rtl, Glyphs& out) {
  add_code_points(utf8, out);
  if (!needs_bidi(utf8)) return;
  add_code_points(display_order(utf8, rtl), out);
  // Each character alone (its isolated form): worked out once per character
  // and thread, not once per time it occurs (it was a fifth of start-up with
  // Arabic content).
  thread_local std::unordered_map<std::string, std::string> alone;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string ch(utf8.substr(i, n));
    auto it = alone.find(ch);
    if (it == alone.end()) it = alone.emplace(ch, display_order(ch, true)).first;
    add_code_points(it->second, out);
    i += n;
  }
}

}  // namespace kiosk::i18n
