// ICU behind typed_words.h: character properties, word boundaries, spell-out rules.
#include "i18n/typed_words.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "i18n/icu_util.h"
#include "i18n/text.h"

namespace kiosk::i18n {

namespace {
bool is_number_char(UChar32 c) {
  const int8_t t = u_charType(c);
  return t == U_DECIMAL_DIGIT_NUMBER || t == U_LETTER_NUMBER || t == U_OTHER_NUMBER ||
         u_getNumericValue(c) != U_NO_NUMERIC_VALUE;
}

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string language_of(std::string_view locale) { return std::string(locale.substr(0, locale.find_first_of("_-"))); }
}  // namespace

bool has_number(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && is_number_char(c)) return true;
  }
  return false;
}

bool starts_upper(std::string_view utf8) {
  if (utf8.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(utf8.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

namespace {
// ICU's spell-out rules of the locale's language and English, built once per call.
class NumberWords {
public:
  explicit NumberWords(std::string_view locale) {
    std::vector<std::string> langs{language_of(locale)};
    if (langs[0] != "en") langs.push_back("en");
    for (const auto& lang : langs) {
      IcuStatus status("number spell-out", lang);
      auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale(lang.c_str()), status);
      if (status.ok()) rules_.push_back(std::move(f));
    }
  }
  bool is_number(const icu::UnicodeString& w) const {
    for (const auto& f : rules_) {
      icu::Formattable value;
      icu::ParsePosition pos(0);
      f->parse(w, value, pos);
      if (pos.getErrorIndex() < 0 && pos.getIndex() == w.length()) return true;
    }
    return false;
  }

private:
  std::vector<std::unique_ptr<icu::RuleBasedNumberFormat>> rules_;
};
}  // namespace

bool is_number_word(std::string_view word, std::string_view locale) {
  return !word.empty() && NumberWords(locale).is_number(from_utf8(word));
}

std::vector<TypedWord> typed_words(std::string_view utf8, std::string_view locale) {
  std::vector<TypedWord> out;
  const icu::UnicodeString all = from_utf8(utf8);
  const icu::Locale loc(language_of(locale).c_str());
  IcuStatus status("word breaking", language_of(locale));
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(loc, status));
  if (!status.ok()) return out;
  const NumberWords numbers(locale);
  for (int32_t i = 0; i < all.length();) {
    // one chunk between white space
    while (i < all.length() && u_isUWhiteSpace(all.char32At(i))) i = all.moveIndex32(i, 1);
    int32_t j = i;
    bool marked = false;
    while (j < all.length() && !u_isUWhiteSpace(all.char32At(j))) {
      const UChar32 c = all.char32At(j);
      marked = marked || is_number_char(c) || c == '@' || c == '#' || c == 0xFF20 /* ＠ */ || c == 0xFF03 /* ＃ */;
      j = all.moveIndex32(j, 1);
    }
    icu::UnicodeString chunk(all, i, j - i);
    i = j;
    if (chunk.isEmpty() || marked) continue;
    it->setText(chunk);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
      icu::UnicodeString w(chunk, start, end - start);
      w.toLower(loc);
      if (numbers.is_number(w)) continue;
      TypedWord t;
      t.lower = to_utf8(w);
      icu::UnicodeString first(w, 0, w.moveIndex32(0, 1));
      icu::UnicodeString rest(w, w.moveIndex32(0, 1));
      first.toUpper(loc);  // "ǆ" would want title case; a dictionary's names start with a capital
      t.title = to_utf8(first) + to_utf8(rest);
      t.folded = fold(strip_apostrophes(t.lower));
      if (t.folded.empty()) continue;
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace kiosk::i18n
