// What a visitor typed, split into words the way usage statistics judge them
// (content/stats.h keeps only known words, and never a number).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

// True when any character of `utf8` has a numeric value in Unicode: the
// digits of every script (0-9, Arabic-Indic ٠-٩, Persian ۰-۹, Devanagari ०-९,
// full-width ０-９, ...), superscripts, circled and Roman numerals, fractions
// and CJK numerals (八, 六).
bool has_number(std::string_view utf8);

// True when `word` is a number spelled out ("eight", "twenty-one", "ocho",
// "cero"), by ICU's spell-out rules for the locale's language and English.
bool is_number_word(std::string_view word, std::string_view locale);

// True when the first character is an uppercase letter ("Maria", "López").
bool starts_upper(std::string_view utf8);

struct TypedWord {
  std::string lower;   // lowercase, accents kept ("modificación"): what a dictionary looks up
  std::string title;   // its first letter capitalised ("Modificación"): how a name is written
  std::string folded;  // lowercase without accents or apostrophes, as search compares ("modificacion")
};

// The words of what was typed, in order. A chunk between spaces that holds a
// number in any script, "@" or "#" is left out whole (a phone, case or docket
// number, an e-mail address: "860-555-0199", "FA-19-6012345"); the other
// chunks are split at ICU word boundaries ("custody?" -> "custody"), and
// numbers spelled out are left out too.
std::vector<TypedWord> typed_words(std::string_view utf8, std::string_view locale);

}  // namespace kiosk::i18n
