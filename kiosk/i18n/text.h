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
std::string fold(std::string_view utf8);

// Removes apostrophes inside words (can't -> cant, Kids' -> Kids), so the
// index and typed queries split words the same way.
std::string strip_apostrophes(std::string_view utf8);

// Words of a text (ICU word boundaries), folded, apostrophes removed.
std::vector<std::string> words(std::string_view utf8);

// Snowball stemmer for a locale's language ("en", "es"); identity for others.
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
