// Spoken text: the rules' output, and espeak-ng itself as the judge: the
// phonemes espeak-ng -x gives for a rule's output must be the phonemes of the
// words a person would say ("$35" sounds like "thirty-five dollars").
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <set>
#include <sstream>

#include "fixtures.h"
#include "i18n/spoken.h"

using kiosk::i18n::espeak_voice;
using kiosk::i18n::spoken_text;

namespace {
std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  ::pclose(p);
  return out;
}

bool have_espeak_cli() { return run("command -v espeak-ng").find("espeak-ng") != std::string::npos; }

// espeak-ng's phonemes for text, without what does not change the words:
// stress marks, word gaps, pauses. In Spanish e/E and o/O are one vowel each
// (espeak-ng picks the open one by stress and neighbours), so they are folded.
std::string phonemes(const std::string& voice, const std::string& text) {
  static test::TempDir dir;
  std::string f = dir.file("text.txt", text);
  std::string raw = run("espeak-ng -q -x -v " + voice + " -f '" + f + "' 2>&1");
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char ch = raw[i];
    if (ch == '_') {  // a pause: _ _: _!
      while (i + 1 < raw.size() && (raw[i + 1] == ':' || raw[i + 1] == '!')) ++i;
      continue;
    }
    if (ch == '\'' || ch == ',' || ch == ';' || ch == ' ' || ch == '\n') continue;
    if (voice.rfind("es", 0) == 0 && (ch == 'E' || ch == 'O')) ch = static_cast<char>(ch - 'A' + 'a');
    out += ch;
  }
  return out;
}

struct Case {
  const char* locale;
  const char* shown;     // what the kiosk shows
  const char* expected;  // the words a person says, written out
  bool needed = true;    // false: espeak-ng already says it right as shown (the rule must keep it so)
};
const Case kCases[] = {
    // phone numbers: digit by digit, a pause at each dash; letters spelled, then their digits
    {"en", "Call 1-800-228-KIDS (5437).", "Call one, eight zero zero, two two eight, K I D S, five four three seven."},
    {"en", "860-555-1234", "eight six zero, five five five, one two three four"},
    {"en", "(860) 832-1878", "eight six zero, eight three two, one eight seven eight"},
    {"en", "1-888-233-7223", "one, eight eight eight, two three three, seven two two three"},
    {"es", "Llame al 1-800-228-KIDS (5437).", "Llame al uno, ocho cero cero, dos dos ocho, K I D S, cinco cuatro tres siete."},
    {"es", "860-555-1234", "ocho seis cero, cinco cinco cinco, uno dos tres cuatro"},
    {"es", "(860) 832-1878", "ocho seis cero, ocho tres dos, uno ocho siete ocho"},
    {"en", "Call 2-1-1 or 7-1-1.", "Call two one one or seven one one."},
    {"es", "Llame al 2-1-1.", "Llame al dos uno uno.", false},
    // money
    {"en", "$35", "thirty-five dollars"},
    {"en", "You may be charged a yearly fee of $35.", "You may be charged a yearly fee of thirty-five dollars."},
    {"en", "$1", "one dollar"},
    {"en", "$1,200.50", "one thousand two hundred dollars and fifty cents"},
    {"es", "$35", "treinta y cinco dólares"},
    {"es", "una cuota anual de $35.", "una cuota anual de treinta y cinco dólares."},
    {"es", "$1", "un dólar"},
    {"es", "$1,500", "mil quinientos dólares"},
    // initials, spelled
    {"en", "SES", "S E S"},
    {"en", "OCSS", "O C S S"},
    {"en", "DSS", "D S S", false},
    {"en", "CIP", "C I P"},
    {"en", "IMRP", "I M R P"},
    {"en", "TDD", "T D D", false},
    {"en", "TTY", "T T Y", false},
    {"en", "The DSS has a TDD/TTY line.", "The D S S has a T D D or T T Y line."},
    {"en", "SES and OCSS can help.", "S E S and O C S S can help."},
    {"es", "SES", "S E S"},
    {"es", "OCSS", "O C S S"},
    {"es", "DSS", "D S S", false},
    {"es", "CIP", "C I P"},
    {"es", "IMRP", "I M R P"},
    {"es", "TDD", "T D D", false},
    {"es", "TTY", "te te i griega", false},
    {"es", "una línea TDD/TTY", "una línea te de de o te te i griega"},
    // numbers, hours, ZIP codes
    {"en", "over 150,000 cases", "over one hundred fifty thousand cases", false},
    {"es", "más de 150,000 casos", "más de ciento cincuenta mil casos"},
    {"en", "8:30-5:00", "eight thirty to five"},
    {"es", "de 8:30 a 5:00", "de ocho treinta a cinco"},
    {"en", "Hartford, CT 06106", "Hartford, C T, zero six one zero six", false},
    {"es", "Hartford, CT 06106", "Hartford, C T, cero seis uno cero seis"},
};
}  // namespace

TEST_CASE("spoken text: phone numbers, money and initials as a person reads them", "[i18n][spoken]") {
  CHECK(spoken_text("1-800-228-KIDS (5437)", "en") == "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7");
  CHECK(spoken_text("860-555-1234", "es") == "8 6 0, 5 5 5, 1 2 3 4");
  CHECK(spoken_text("(860) 832-1878", "en") == "8 6 0, 8 3 2, 1 8 7 8");
  CHECK(spoken_text("$35", "en") == "35 dollars");
  CHECK(spoken_text("$35", "es") == "35 dólares");
  CHECK(spoken_text("$40.", "en") == "40 dollars.");
  CHECK(spoken_text("$2.05", "en") == "2 dollars and 5 cents");
  CHECK(spoken_text("SES, OCSS, DSS, CIP, IMRP, TDD, TTY", "es") == "S.E.S., O.C.S.S., D.S.S., C.I.P., I.M.R.P., T.D.D., T.T.Y.");
  SECTION("what is not a phone number, money or initials is left alone") {
    for (const char* s : {"Questions. Answers about child support", "Volumen 80%", "ZIP 06106", "page 12 of 30", "SESSION",
                          "1234-5678", "call 555-1234", "the 40% rule"})
      CHECK(spoken_text(s, "en") == s);
    CHECK(spoken_text("Speaking", "es") == "Speaking");
  }
  SECTION("locales without words keep the language-neutral rules") {
    CHECK(spoken_text("1-800-228-KIDS (5437)", "ar") == "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7");
    CHECK(spoken_text("$35", "zh") == "$35");
  }
}

TEST_CASE("spoken text: espeak-ng pronounces each rule's output as the words a person says", "[i18n][spoken][espeak]") {
  if (!have_espeak_cli()) FAIL("the espeak-ng command is needed to judge pronunciation (apt-get install espeak-ng)");
  for (const auto& c : kCases) {
    const std::string voice = espeak_voice(c.locale), said = spoken_text(c.shown, c.locale);
    INFO(c.locale << " (" << voice << "): \"" << c.shown << "\" -> \"" << said << "\"\n  should sound like \"" << c.expected
                  << "\"");
    const std::string got = phonemes(voice, said), want = phonemes(voice, c.expected);
    REQUIRE_FALSE(want.empty());
    CHECK(got == want);
    // and the rule was needed: as shown, espeak-ng would have said something else
    if (c.needed) CHECK(phonemes(voice, c.shown) != want);
  }
}

TEST_CASE("the voices of the kiosk's locales exist in espeak-ng-data", "[i18n][spoken][espeak]") {
  if (!have_espeak_cli()) FAIL("the espeak-ng command is needed to list the voices (apt-get install espeak-ng)");
  REQUIRE(espeak_voice("en") == "en-us");
  REQUIRE(espeak_voice("es") == "es-419");
  REQUIRE(espeak_voice("es_US") == "es-419");
  std::set<std::string> voices;
  std::istringstream in(run("espeak-ng --voices"));
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream cols(line);
    std::string pty, name;
    cols >> pty >> name;
    voices.insert(name);
  }
  for (const char* locale : {"en", "es", "ar", "zh"}) {
    INFO(locale << " -> " << espeak_voice(locale));
    CHECK(voices.count(espeak_voice(locale)));
  }
}
