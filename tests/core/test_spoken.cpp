// Spoken text: the rules' output, and espeak-ng itself as the judge: the
// phonemes espeak-ng -x gives for a rule's output must be the phonemes of the
// words a person would say ("$35" sounds like "thirty-five dollars").
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
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
// stress marks, word gaps, pauses, syllable boundaries. In Spanish e/E and o/O are one vowel each
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
    // '|' is a syllable boundary (Chinese, Vietnamese), not a sound
    if (ch == '\'' || ch == ',' || ch == ';' || ch == ' ' || ch == '\n' || ch == '|') continue;
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
    // Portuguese (pt-br): money in its words; the voice says digits, "%" and "8:30" itself
    {"pt", "uma taxa anual de serviço de $35.", "uma taxa anual de serviço de trinta e cinco dólares."},
    {"pt", "$1", "um dólar"},
    {"pt", "Ligue para 1-800-228-KIDS (5437).", "Ligue para 1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7."},
    {"pt", "uma linha TDD/TTY", "uma linha T.D.D. ou T.T.Y."},
    {"pt", "15%", "15 por cento", false},
    // Polish: the noun follows Polish plurals (1 dolar, 2-4 dolary, 5-21 dolarów, 22 dolary)
    {"pl", "opłata w wysokości $35.", "opłata w wysokości 35 dolarów."},
    {"pl", "$22", "22 dolary"},
    {"pl", "$1", "1 dolar"},
    {"pl", "$5", "5 dolarów"},
    {"pl", "15%", "15 procent", false},
    {"pl", "od 8:30-5:00", "od 8:30 do 5"},
    // Haitian Creole: espeak-ng's ht voice says "35" as "kenz" (15), so numbers are words
    {"ht", "frè sèvis chak ane $35.", "frè sèvis chak ane trant senk dola."},
    {"ht", "40%", "karant pousan"},
    {"ht", "15%", "kenz pousan"},
    {"ht", "Rele 1-800-228-KIDS (5437).", "Rele en, uit zewo zewo, de de uit, ka i de ès, senk kat twa sèt."},
    {"ht", "8:30-5:00", "uit è trant rive senk è"},
    {"ht", "gadri a koute $100.", "gadri a koute san dola."},
    // Chinese (the pinyin voice): 35美元, 百分之四十, 8点30到5点
    {"zh", "每年 $35 的年度服务费", "每年 三十五美元 的年度服务费"},
    {"zh", "负责 40%", "负责 百分之四十"},
    {"zh", "8:30-5:00", "八点三十 到 五点"},
    // Vietnamese
    {"vi", "lệ phí hằng năm là $35.", "lệ phí hằng năm là 35 đô la."},
    {"vi", "8:30-5:00", "8 giờ 30 đến 5 giờ"},
    {"vi", "15%", "15 phần trăm", false},
    // Arabic: the noun follows Arabic's counting (3-10 دولارات, 11-99 دولارًا); the sign said
    {"ar", "رسوم خدمة سنوية قدرها $35.", "رسوم خدمة سنوية قدرها 35 دولارًا."},
    {"ar", "$5", "5 دولارات"},
    {"ar", "$1", "دولار واحد"},
    {"ar", "40%", "40 بالمئة"},
    {"ar", "1-800-228-KIDS (5437)", "1, 8 0 0, 2 2 8, K I D S, 5 4 3 7"},
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
    CHECK(spoken_text("1-800-228-KIDS (5437)", "fr") == "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7");
    CHECK(spoken_text("$35", "fr") == "$35");
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
  REQUIRE(espeak_voice("pt") == "pt-br");  // Brazilian, not espeak-ng's "pt" (Portugal)
  REQUIRE(espeak_voice("pt_BR") == "pt-br");
  std::set<std::string> voices;
  std::istringstream in(run("espeak-ng --voices"));
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream cols(line);
    std::string pty, name;
    cols >> pty >> name;
    voices.insert(name);
  }
  for (const char* locale : {"en", "es", "pt", "pl", "ht", "zh", "vi", "ar"}) {
    INFO(locale << " -> " << espeak_voice(locale));
    CHECK(voices.count(espeak_voice(locale)));
  }
}

TEST_CASE("spoken text in Portuguese, Polish, Haitian Creole, Chinese, Vietnamese and Arabic", "[i18n][spoken]") {
  SECTION("phone numbers: the digits as a caller dials them, the letters spelled") {
    for (const char* l : {"pt", "pl", "zh", "vi"})
      CHECK(spoken_text("1-800-228-KIDS (5437)", l) == "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7");
    CHECK(spoken_text("1-800-228-KIDS (5437)", "ar") == "1, 8 0 0, 2 2 8, K I D S, 5 4 3 7");  // "K.I.D.S." is "kids"
    CHECK(spoken_text("Rele 1-800-228-KIDS (5437).", "ht") == "Rele en, uit zewo zewo, de de uit, ka i de ès, senk kat twa sèt.");
    CHECK(spoken_text("1-888-233-7223", "pl") == "1, 8 8 8, 2 3 3, 7 2 2 3");
  }
  SECTION("money: the language's word for dollars, in its plural") {
    CHECK(spoken_text("$35", "pt") == "35 dólares");
    CHECK(spoken_text("$1", "pt") == "um dólar");
    CHECK(spoken_text("$35", "pl") == "35 dolarów");
    CHECK(spoken_text("$2", "pl") == "2 dolary");
    CHECK(spoken_text("$22", "pl") == "22 dolary");
    CHECK(spoken_text("$12", "pl") == "12 dolarów");
    CHECK(spoken_text("$1", "pl") == "1 dolar");
    CHECK(spoken_text("$40.", "pl") == "40 dolarów.");
    CHECK(spoken_text("$35", "ht") == "trant senk dola");
    CHECK(spoken_text("$100", "ht") == "san dola");
    CHECK(spoken_text("$35", "zh") == "35美元");
    CHECK(spoken_text("$35", "vi") == "35 đô la");
    CHECK(spoken_text("$35", "ar") == "35 دولارًا");
    CHECK(spoken_text("$5", "ar") == "5 دولارات");
    CHECK(spoken_text("$2", "ar") == "دولاران");
    CHECK(spoken_text("$100", "ar") == "100 دولار");
    CHECK(spoken_text("$1,200.50", "pl") == "1200 dolarów i 50 centów");
  }
  SECTION("percentages: the sign said where the voice would not say it") {
    CHECK(spoken_text("15%", "zh") == "百分之15");
    CHECK(spoken_text("40%", "ar") == "40 بالمئة");
    CHECK(spoken_text("40%", "ht") == "karant pousan");
    for (const char* l : {"pt", "pl", "vi"}) CHECK(spoken_text("15%", l) == "15%");  // their voices say "por cento", "procent", "phần trăm"
  }
  SECTION("hours") {
    CHECK(spoken_text("8:30-5:00", "zh") == "8点30 到 5点");
    CHECK(spoken_text("8:30-5:00", "vi") == "8 giờ 30 đến 5 giờ");
    CHECK(spoken_text("8:30-5:00", "pl") == "8:30 do 5");
    CHECK(spoken_text("4:30", "ht") == "kat è trant");
  }
  SECTION("Haitian Creole numbers as words") {
    CHECK(spoken_text("21 22 70 71 80 91 1200 2026", "ht") ==
          "venteyen ven de swasant dis swasant onz katreven katreven onz mil de san de mil ven sis");
  }
}

TEST_CASE("a locale whose voice is missing says so in English, not its text in another voice", "[i18n][spoken]") {
  auto all = [](const std::string&) { return true; };
  auto no_vietnamese = [](const std::string& v) { return v != "vi"; };
  auto c = kiosk::i18n::choose_voice("Âm thanh đã bật.", "vi", all);
  CHECK(c.voice == "vi");
  CHECK_FALSE(c.english_instead);
  CHECK(c.text == "Âm thanh đã bật.");
  CHECK(c.why.empty());
  c = kiosk::i18n::choose_voice("Âm thanh đã bật.", "vi", no_vietnamese);
  CHECK(c.voice == "en-us");
  CHECK(c.english_instead);
  CHECK(c.text == "Spoken help is not available in Vietnamese on this kiosk.");
  CHECK(c.why.find("'vi'") != std::string::npos);
  c = kiosk::i18n::choose_voice("Sound is on.", "en", [](const std::string&) { return false; });
  CHECK(c.text.empty());  // without English there is nothing to say
}

namespace {
// A UI string straight from locales/<locale>.po (what the catalog shows).
std::string po_string(const std::string& locale, const std::string& key) {
  std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/locales/" + locale + ".po");
  std::string line, out;
  bool in_key = false, in_str = false;
  auto unquote = [](const std::string& q) {
    std::string s;
    for (size_t i = q.find('"') + 1; i < q.size() && q[i] != '"'; ++i) s += (q[i] == '\\' && i + 1 < q.size()) ? q[++i] : q[i];
    return s;
  };
  while (std::getline(in, line)) {
    if (line.rfind("msgid ", 0) == 0) {
      if (in_str) break;
      in_key = unquote(line) == key;
    } else if (in_key && line.rfind("msgstr ", 0) == 0) {
      in_str = true;
      out = unquote(line);
    } else if (in_str && !line.empty() && line[0] == '"') {
      out += unquote(line);
    } else if (in_str) {
      break;
    }
  }
  return out;
}

struct Rendered {
  double seconds = 0, rms = 0;
};
// espeak-ng renders text to a WAV file, as the kiosk's voice would say it.
Rendered render(const std::string& voice, const std::string& text) {
  static test::TempDir dir;
  const std::string f = dir.file("say.txt", text), wav = (dir.path / "say.wav").string();
  std::remove(wav.c_str());
  run("espeak-ng -v " + voice + " -f '" + f + "' -w '" + wav + "' 2>&1");
  std::ifstream in(wav, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Rendered r;
  const size_t at = data.find("data");
  if (data.size() < 44 || at == std::string::npos) return r;
  const size_t n = (data.size() - at - 8) / 2;
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto lo = static_cast<unsigned char>(data[at + 8 + 2 * i]), hi = static_cast<unsigned char>(data[at + 9 + 2 * i]);
    const double v = static_cast<int16_t>(static_cast<uint16_t>(lo | (hi << 8)));
    sum += v * v;
  }
  r.seconds = static_cast<double>(n) / 22050.0;
  r.rms = n ? std::sqrt(sum / static_cast<double>(n)) : 0;
  return r;
}
size_t code_points(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}
}  // namespace

TEST_CASE("the audio start is said in each language's own voice, heard at a plausible length", "[i18n][spoken][espeak][audio]") {
  if (!have_espeak_cli()) FAIL("the espeak-ng command is needed to render speech (apt-get install espeak-ng)");
  // Seconds per character of the sentence as written: Latin and Arabic
  // letters come about 0.06-0.1 s each, Chinese characters (one syllable
  // each) about 0.2 s. Out of range means silence, a voice reading another
  // language's letters, or a missing voice.
  struct Lang {
    const char* locale;
    double min_per_char, max_per_char;
  };
  for (const Lang& l : {Lang{"en", 0.04, 0.12}, Lang{"es", 0.04, 0.12}, Lang{"pt", 0.04, 0.12}, Lang{"pl", 0.04, 0.12},
                        Lang{"ht", 0.04, 0.12}, Lang{"vi", 0.04, 0.12}, Lang{"ar", 0.05, 0.15}, Lang{"zh", 0.12, 0.26}}) {
    const std::string text = po_string(l.locale, "audio.on") + " " + po_string(l.locale, "audio.keys");
    const std::string voice = espeak_voice(l.locale), said = spoken_text(text, l.locale);
    const Rendered r = render(voice, said);
    const double per_char = r.seconds / static_cast<double>(code_points(text));
    INFO(l.locale << " (" << voice << "): \"" << text << "\": " << r.seconds << " s, " << per_char << " s a character, rms " << r.rms);
    REQUIRE(text.size() > 20);
    CHECK(r.rms > 500);  // not silence (espeak-ng's speech is about 2500-3800)
    CHECK(per_char >= l.min_per_char);
    CHECK(per_char <= l.max_per_char);
  }
}

TEST_CASE("Chinese is read as Chinese, not as pinyin spelled out by the English voice", "[i18n][spoken][espeak]") {
  if (!have_espeak_cli()) FAIL("the espeak-ng command is needed (apt-get install espeak-ng)");
  // espeak-ng 1.51's "cmn" voice turns 您好 into "nin2 hao3" and reads that in
  // English ("nin two hao three"): -x shows the switch as (en).
  const std::string text = po_string("zh", "audio.on") + po_string("zh", "audio.keys");
  REQUIRE(text.find("语音") != std::string::npos);
  const std::string x = run("espeak-ng -q -x -v " + espeak_voice("zh") + " '" + text + "' 2>&1");
  INFO(espeak_voice("zh") << ": " << x);
  CHECK(x.find("(en)") == std::string::npos);
  CHECK_FALSE(x.empty());
}
