// Spoken text: what the kiosk shows, rewritten so espeak-ng reads it the way a
// person reads it aloud (phone numbers digit by digit, money as money, agency
// initials as letters), and the espeak-ng voice for each locale.
#pragma once
#include <functional>
#include <string>

namespace kiosk::i18n {

// Rewrites text for the speech synthesizer in the locale's language:
//   "1-800-228-KIDS (5437)" -> "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7"
//   "(860) 832-1878"        -> "8 6 0, 8 3 2, 1 8 7 8";  "2-1-1" -> "2 1 1"
//   "$35" -> "35 dollars" (en), "35 dólares" (es, pt), "35 dolarów" (pl),
//            "35 đô la" (vi), "35美元" (zh), "35 دولارًا" (ar), "trant senk dola" (ht);
//            "$1,200.50" -> "1200 dollars and 50 cents"; the noun's form follows
//            ICU's plural rules of the language (pl 2 dolary, 5 dolarów, 22 dolary)
//   "SES", "OCSS", "DSS", "CIP", "IMRP", "TDD", "TTY", "CT" -> "S.E.S." ... (letters);
//   "TDD/TTY" -> "T.D.D. or T.T.Y."
//   "150,000" -> "150000" (espeak-ng's Spanish reads the comma as a decimal point)
//   "CT 06106" -> "C.T. 0 6 1 0 6"; "8:30-5:00" -> "8:30 to 5" (en), "8:30 a 5" (es),
//            "8点30到5点" (zh), "8 giờ 30 đến 5 giờ" (vi)
//   "40%" -> "百分之40" (zh), "40 بالمئة" (ar), "karant pousan" (ht)
// Digits stay digits where the language's espeak-ng voice reads them right
// (checked against ICU's spellout in tests/core/test_spoken.cpp); Haitian
// Creole's voice does not (it says 35 as "kenz"), so there numbers are words.
// Each language is one row of the table in spoken.cpp; a locale without a row
// gets only the rules that need no words.
std::string spoken_text(const std::string& text, const std::string& locale);

// The espeak-ng voice for a locale: "en" -> "en-us", "es" -> "es-419" (Latin
// American Spanish, as in Connecticut's lobbies), "pt" -> "pt-br", "pl", "ht",
// "vi", "ar", and "zh" -> "cmn-latn-pinyin" (espeak-ng 1.51's "cmn" reads
// Chinese characters as pinyin spelled out in English: "nin two hao three").
// A language without a row: its own code (espeak-ng may still have it).
std::string espeak_voice(const std::string& locale);

// How a locale is said when its voice may be missing: the voice, or English
// (the en-us voice) and words in English saying why, never the locale's text
// read by a voice of another language.
struct VoiceChoice {
  std::string voice;         // the espeak-ng voice to set
  bool english_instead = false;
  std::string text;          // what to say (the locale's text, or the English notice)
  std::string why;           // for the log, once per locale: "no espeak-ng voice 'vi' for vi (...)"
};
// has_voice answers whether espeak-ng could set a voice by that name.
VoiceChoice choose_voice(const std::string& text, const std::string& locale,
                         const std::function<bool(const std::string&)>& has_voice);

}  // namespace kiosk::i18n
