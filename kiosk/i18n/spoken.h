// Spoken text: what the kiosk shows, rewritten so espeak-ng reads it the way a
// person reads it aloud (phone numbers digit by digit, money as money, agency
// initials as letters), and the espeak-ng voice for each locale.
#pragma once
#include <string>

namespace kiosk::i18n {

// Rewrites text for the speech synthesizer in the locale's language:
//   "1-800-228-KIDS (5437)" -> "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7"
//   "(860) 832-1878"        -> "8 6 0, 8 3 2, 1 8 7 8";  "2-1-1" -> "2 1 1"
//   "$35" -> "35 dollars" (en), "35 dólares" (es); "$1,200.50" -> "1200 dollars and 50 cents"
//   "SES", "OCSS", "DSS", "CIP", "IMRP", "TDD", "TTY", "CT" -> "S.E.S." ... (letters);
//   "TDD/TTY" -> "T.D.D. or T.T.Y."
//   "150,000" -> "150000" (espeak-ng's Spanish reads the comma as a decimal point)
//   "CT 06106" -> "C.T. 0 6 1 0 6"; "8:30-5:00" -> "8:30 to 5" (en), "8:30 a 5" (es)
// Digits stay digits and letters stay letters, so the voice says them in its
// own language; commas are the pauses. Words for money and "or"/"to" exist
// for en and es; other locales get only the language-neutral rules.
std::string spoken_text(const std::string& text, const std::string& locale);

// The espeak-ng voice for a locale: "en" -> "en-us", "es" -> "es-419" (Latin
// American Spanish, as in Connecticut's lobbies), "ar" -> "ar", "zh" -> "cmn".
std::string espeak_voice(const std::string& locale);

}  // namespace kiosk::i18n
