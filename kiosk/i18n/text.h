// Text folding, word splitting, stemming and collation: the language-aware
// text operations shared by search, sorting and the content build.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <set>
#include <vector>

namespace kiosk::i18n {

// Lowercase and without accents ("Cárcel" -> "carcel"), as search compares.
// Letters that are not a letter plus a mark fold as visitors type them on a
// plain keyboard: Vietnamese đ -> d, Polish ł -> l; Arabic without its
// tatweel and with Arabic-Indic digits as 0-9 (ة and ى stay: the Arabic
// stemmer reads them).
std::string fold(std::string_view utf8);

// A text as the search index holds it: folded, apostrophes removed, and for
// Chinese a space between words (ICU's dictionary word break), so the index's
// tokenizer sees 抚养 费 where the text has 抚养费 inside a sentence.
std::string index_text(std::string_view utf8);

// Whether a text has Chinese characters (Han script).
bool has_han(std::string_view utf8);

// Pinyin without tones of a Chinese text's words, each word's syllables
// joined ("监狱" -> "jianyu"; ICU's "Han-Latin; Latin-ASCII" transliterator):
// words of one to `span` adjacent Chinese words, space-separated; other words
// are left out.
std::string pinyin_words(std::string_view utf8, size_t span = 1);

// Removes apostrophes inside words (can't -> cant, Kids' -> Kids), so the
// index and typed queries split words the same way.
std::string strip_apostrophes(std::string_view utf8);

// Words of a text (ICU word boundaries), folded, apostrophes removed.
std::vector<std::string> words(std::string_view utf8);

// Snowball stemmer for a locale's language (en, es, pt, ar); identity for
// others (pl, ht, vi, zh: README, Search).
class Stemmer {
public:
  explicit Stemmer(std::string_view locale);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string stem(std::string_view folded_word) const;
  bool active() const { return impl_ != nullptr; }

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sorts strings in place by the locale's collation rules (ICU Collator).
void collate_sort(std::vector<std::string>& items, std::string_view locale);
// Returns the permutation that sorts keys by the locale's collation.
std::vector<size_t> collate_order(const std::vector<std::string>& keys, std::string_view locale);

// Where a line of text may break (ICU line BreakIterator, so "pay-" and CJK
// characters break correctly, and "1-800-228" is not split at a space it does
// not have): byte offsets of the start of every segment after the first, in
// order. A segment keeps its trailing spaces.
std::vector<size_t> line_breaks(std::string_view utf8, std::string_view locale);

// The ten digits numbers are written with in a locale ("0123456789", or
// "٠١٢٣٤٥٦٧٨٩" for Arabic), so fonts can hold them before any number shows.
std::string native_digits(std::string_view locale);

// Every character `utf8` needs drawn, as the kiosk draws it: its own code
// points, and for text that needs bidi its visual order (Arabic shaped) and
// each letter shaped alone (a keyboard key shows the isolated form).
using Glyphs = std::set<char32_t>;
void add_glyphs(std::string_view utf8, bool rtl, Glyphs& out);

// Edit distance with adjacent transpositions (optimal string alignment),
// over Unicode code points.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace kiosk::i18n
