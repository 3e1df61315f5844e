// Spoken text rules (see spoken.h); each rule was checked against espeak-ng's
// own phonemes (tests/core/test_spoken.cpp runs espeak-ng -x on every case).
#include "i18n/spoken.h"

#include <map>
#include <memory>
#include <mutex>
#include <regex>

#include <unicode/locid.h>
#include <unicode/plurrule.h>

namespace kiosk::i18n {

namespace {
std::string language(const std::string& locale) { return locale.substr(0, locale.find_first_of("_-")); }

// A noun's forms by ICU's plural category of the count (CLDR's rules: Polish
// 2-4 and 22-24 "few", 5-21 "many"; Arabic 3-10 "few", 11-99 "many", 100
// "other"). A missing form is the "other" one.
struct Forms {
  const char *one, *two, *few, *many, *other;
  const char* pick(const std::string& category) const {
    const char* f = category == "one" ? one : category == "two" ? two : category == "few" ? few : category == "many" ? many : nullptr;
    return f ? f : other;
  }
};

// How initials are said: "S.E.S." is spelled in most voices; Arabic's switches
// to English for Latin letters and reads "S.E.S." as a word ("says"), but
// "S E S" letter by letter; Haitian Creole's reads single letters as sounds,
// so it gets the letters' names.
enum class Letters { Dotted, Spaced, Named };

// One row per language: its voice, and the words the rules need.
struct Lang {
  const char* lang;
  const char* voice;
  const char* english_name;  // for the notice when its voice is missing
  Forms dollar, cent;
  const char* one_dollar;  // "$1" when it is not "1" and the "one" form: "un dólar"; nullptr: "1 <one form>"
  const char* two_dollars;  // "$2" as a whole phrase (Arabic's dual needs no number), or nullptr
  const char* unit_gap;     // between the number and the unit: " ", or "" (35美元)
  const char* cents_join;   // "$2.05": "2 dollars and 5 cents"
  const char *or_, *to;     // "TDD/TTY" -> "T.D.D. or T.T.Y."; "8:30-5:00" -> "8:30 to 5"
  const char* clock;        // "{h}" "{m}": "8:30" as said (nullptr: left to the voice)
  const char* hour;         // "{h}": "5:00" as said (nullptr: "5")
  const char* percent;      // "{n}": "40%" as said (nullptr: left to the voice, which says it)
  Letters letters;
  bool number_words;        // digits written as words (the voice misreads numbers)
};
constexpr Lang kLangs[] = {
    {"en", "en-us", "English", {"dollar", nullptr, nullptr, nullptr, "dollars"}, {"cent", nullptr, nullptr, nullptr, "cents"},
     nullptr, nullptr, " ", "and", "or", "to", nullptr, nullptr, nullptr, Letters::Dotted, false},
    {"es", "es-419", "Spanish", {"dólar", nullptr, nullptr, nullptr, "dólares"}, {"centavo", nullptr, nullptr, nullptr, "centavos"},
     "un dólar", nullptr, " ", "con", "o", "a", nullptr, nullptr, nullptr, Letters::Dotted, false},
    {"pt", "pt-br", "Portuguese", {"dólar", nullptr, nullptr, nullptr, "dólares"}, {"centavo", nullptr, nullptr, nullptr, "centavos"},
     "um dólar", nullptr, " ", "e", "ou", "a", nullptr, nullptr, nullptr, Letters::Dotted, false},
    {"pl", "pl", "Polish", {"dolar", nullptr, "dolary", "dolarów", "dolara"}, {"cent", nullptr, "centy", "centów", "centa"},
     nullptr, nullptr, " ", "i", "lub", "do", nullptr, nullptr, nullptr, Letters::Dotted, false},
    {"ht", "ht", "Haitian Creole", {"dola", nullptr, nullptr, nullptr, "dola"}, {"santim", nullptr, nullptr, nullptr, "santim"},
     nullptr, nullptr, " ", "ak", "oswa", "rive", "{h} è {m}", "{h} è", "{n} pousan", Letters::Named, true},
    {"zh", "cmn-latn-pinyin", "Chinese", {"美元", nullptr, nullptr, nullptr, "美元"}, {"美分", nullptr, nullptr, nullptr, "美分"},
     nullptr, nullptr, "", "", "或", "到", "{h}点{m}", "{h}点", "百分之{n}", Letters::Dotted, false},
    {"vi", "vi", "Vietnamese", {"đô la", nullptr, nullptr, nullptr, "đô la"}, {"xu", nullptr, nullptr, nullptr, "xu"},
     nullptr, nullptr, " ", "và", "hoặc", "đến", "{h} giờ {m}", "{h} giờ", nullptr, Letters::Dotted, false},
    {"ar", "ar", "Arabic", {"دولار", "دولاران", "دولارات", "دولارًا", "دولار"}, {"سنت", "سنتان", "سنتات", "سنتًا", "سنت"},
     "دولار واحد", "دولاران", " ", "و", "أو", "إلى", nullptr, nullptr, "{n} بالمئة", Letters::Spaced, false},
};
const Lang* lang_for(const std::string& locale) {
  const std::string l = language(locale);
  for (const auto& w : kLangs)
    if (l == w.lang) return &w;
  return nullptr;
}

// ICU's plural category of a whole number in a language ("one", "few", ...).
std::string plural_category(const char* lang, long n) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<icu::PluralRules>> rules;
  std::lock_guard<std::mutex> lock(mu);
  auto& r = rules[lang];
  if (!r) {
    UErrorCode err = U_ZERO_ERROR;
    r.reset(icu::PluralRules::forLocale(icu::Locale(lang), err));
    if (U_FAILURE(err)) r.reset();
  }
  if (!r) return "other";
  std::string out;
  r->select(static_cast<double>(n)).toUTF8String(out);
  return out;
}

std::string put(std::string pattern, const std::string& key, const std::string& value) {
  for (size_t at; (at = pattern.find(key)) != std::string::npos;) pattern.replace(at, key.size(), value);
  return pattern;
}

// Haitian Creole numbers as words (ICU has no Haitian Creole spellout; it
// falls back to French, whose "trente-cinq" is not "trant senk"). Words are
// kept apart where espeak-ng's ht voice says the parts better alone.
std::string ht_words(long n) {
  static const char* const kSmall[] = {"zewo", "en",    "de",    "twa",  "kat",   "senk",   "sis",    "sèt",   "uit",    "nèf",
                                       "dis",  "onz",   "douz",  "trèz", "katòz", "kenz",   "sèz",    "disèt", "dizuit", "diznèf"};
  static const char* const kTens[] = {"", "", "ven", "trant", "karant", "senkant", "swasant"};
  if (n < 20) return kSmall[n];
  if (n < 70) {
    const long t = n / 10, u = n % 10;
    if (u == 0) return kTens[t];
    if (u == 1) return std::string(kTens[t]) + (t == 2 ? "teyen" : "eyen");  // venteyen, tranteyen, karanteyen
    return std::string(kTens[t]) + " " + kSmall[u];
  }
  if (n < 80) return "swasant " + ht_words(n - 60);  // swasant dis, swasant onz
  if (n < 100) return n == 80 ? "katreven" : "katreven " + ht_words(n - 80);
  if (n < 1000) {
    const long h = n / 100, rest = n % 100;
    return (h == 1 ? std::string("san") : ht_words(h) + " san") + (rest ? " " + ht_words(rest) : "");
  }
  const long th = n / 1000, rest = n % 1000;
  return (th == 1 ? std::string("mil") : ht_words(th) + " mil") + (rest ? " " + ht_words(rest) : "");
}

// Haitian Creole's names of the letters (espeak-ng's ht voice says "K" as /k/).
const char* const kHtLetters[] = {"a",  "be", "se", "de", "e",  "èf", "je", "ach",      "i",   "ji",     "ka",  "èl", "èm",
                                  "èn", "o",  "pe", "ki", "è",  "ès", "te", "u",        "ve",  "doubleve", "iks", "igrèk", "zèd"};

// Initials a visitor hears spelled: espeak-ng reads "SES" as a word ("sez"),
// "OCSS" as "ox"; written "S.E.S." it says the letters in most voices.
constexpr const char* kSpelled[] = {"SES", "OCSS", "DSS", "CIP", "IMRP", "TDD", "TTY", "CT"};

// "KIDS" -> "K.I.D.S." (letters, in the voice's own names for them), "K I D S" (ar), "ka i de ès" (ht)
std::string spell(const std::string& s, const Lang* w) {
  const Letters how = w ? w->letters : Letters::Dotted;
  std::string out;
  for (char ch : s) {
    if (how == Letters::Dotted) {
      out += ch;
      out += '.';
      continue;
    }
    if (!out.empty()) out += ' ';
    if (how == Letters::Named && ch >= 'A' && ch <= 'Z') out += kHtLetters[ch - 'A'];
    else out += ch;
  }
  return out;
}

std::string replace_all(const std::string& text, const std::regex& re, const std::function<std::string(const std::smatch&)>& fn) {
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    out += fn(*it);
    last = (*it)[0].second;
  }
  out.append(last, text.cend());
  return out;
}

// "5437" -> "5 4 3 7"; "KIDS" spelled
std::string one_by_one(const std::string& s, const Lang* w) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') return spell(s, w);
  std::string out;
  for (char ch : s) {
    if (!out.empty()) out += ' ';
    out += ch;
  }
  return out;
}
std::string no_commas(std::string s) {
  std::erase(s, ',');
  return s;
}

const std::string& spelled_alternation() {
  static const std::string alt = [] {
    std::string a;
    for (const char* s : kSpelled) a += (a.empty() ? "" : "|") + std::string(s);
    return a;
  }();
  return alt;
}

// "35" + dollar -> "35 dolarów" (pl), "35美元" (zh), "دولار واحد" (ar, 1)
std::string amount(const std::string& n, const Forms& unit, const Lang& w, bool dollars) {
  if (dollars && n == "1" && w.one_dollar) return w.one_dollar;
  if (dollars && n == "2" && w.two_dollars) return w.two_dollars;
  const long v = n.size() > 12 ? 0 : std::stol(n);
  return n + w.unit_gap + unit.pick(plural_category(w.lang, v));
}
}  // namespace

std::string spoken_text(const std::string& text, const std::string& locale) {
  const Lang* w = lang_for(locale);
  std::string s = text;

  // Phone numbers, a group at a time with a pause between groups:
  // [1-]AAA-EEE-LLLL, (AAA) EEE-LLLL, and a spelled line with its digits after it.
  static const std::regex phone(
      R"((\b1[-. ])?(?:\((\d{3})\) ?|\b(\d{3})[-. ])(\d{3})[-. ](\d{4}\b|[A-Z]{4,7}\b)(?: ?\((\d{4,7})\))?)");
  s = replace_all(s, phone, [w](const std::smatch& m) {
    std::string out;
    auto group = [&](const std::string& g) {
      if (g.empty()) return;
      if (!out.empty()) out += ", ";
      out += one_by_one(g, w);
    };
    if (m[1].matched) group("1");
    group(m[2].matched ? m[2].str() : m[3].str());
    group(m[4].str());
    group(m[5].str());
    if (m[6].matched) group(m[6].str());
    return out;
  });

  // Three-digit service lines: "2-1-1" -> "2 1 1" (not "two dash one dash one").
  static const std::regex service(R"(\b(\d)-(\d)-(\d)\b)");
  s = std::regex_replace(s, service, "$1 $2 $3");

  // Money: "$35" -> "35 dollars", "$1,200.50" -> "1200 dollars and 50 cents".
  if (w) {
    static const std::regex money(R"(\$ ?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?!\d))");
    s = replace_all(s, money, [w](const std::smatch& m) {
      std::string out = amount(no_commas(m[1].str()), w->dollar, *w, true);
      if (m[2].matched && m[2].str() != "00") {
        std::string c = m[2].str();
        if (c[0] == '0') c = c.substr(1);
        out += std::string(*w->cents_join ? " " : "") + w->cents_join + " " + amount(c, w->cent, *w, false);
      }
      return out;
    });
  }

  // ZIP codes after the state, digit by digit: "CT 06106" (Spanish would say "cero seis punto...").
  static const std::regex zip(R"(\bCT (\d{5})(?:-(\d{4}))?\b)");
  s = replace_all(s, zip, [w](const std::smatch& m) {
    return spell("CT", w) + " " + one_by_one(m[1].str(), w) + (m[2].matched ? ", " + one_by_one(m[2].str(), w) : "");
  });

  // Hours: "8:30-5:00" -> "8:30 to 5"; "5:00" -> "5" (not "five zero zero");
  // where the language names the hour, "8点30", "8 giờ 30".
  if (w) {
    static const std::regex range(R"(\b(\d{1,2}:\d{2}) ?[-–] ?(\d{1,2}:\d{2})\b)");
    s = replace_all(s, range, [w](const std::smatch& m) { return m[1].str() + " " + w->to + " " + m[2].str(); });
  }
  static const std::regex clock(R"(\b(\d{1,2}):(\d{2})\b)");
  s = replace_all(s, clock, [w](const std::smatch& m) {
    const std::string h = m[1].str(), mm = m[2].str();
    if (mm == "00") return w && w->hour ? put(w->hour, "{h}", h) : h;
    return w && w->clock ? put(put(w->clock, "{h}", h), "{m}", mm) : m[0].str();
  });

  // Thousands separators: espeak-ng's Spanish reads "150,000" as "150 point 000".
  static const std::regex thousands(R"(\b\d{1,3}(?:,\d{3})+\b)");
  s = replace_all(s, thousands, [](const std::smatch& m) { return no_commas(m[0].str()); });

  // Percentages, where the voice does not say the sign: "40%" -> "百分之40".
  if (w && w->percent) {
    static const std::regex percent(R"(\b(\d+(?:\.\d+)?) ?%)");
    s = replace_all(s, percent, [w](const std::smatch& m) { return put(w->percent, "{n}", m[1].str()); });
  }

  // Initials, spelled; two of them joined by a slash are alternatives.
  static const std::regex pair("\\b(" + spelled_alternation() + ")/(" + spelled_alternation() + ")\\b");
  s = replace_all(s, pair, [w](const std::smatch& m) {
    return spell(m[1].str(), w) + (w ? std::string(" ") + w->or_ + " " : std::string(", ")) + spell(m[2].str(), w);
  });
  static const std::regex initials("\\b(" + spelled_alternation() + ")\\b");
  s = replace_all(s, initials, [w](const std::smatch& m) { return spell(m[1].str(), w); });

  // Numbers as words, for a voice that misreads digits.
  if (w && w->number_words) {
    static const std::regex number(R"(\b\d+\b)");
    s = replace_all(s, number, [](const std::smatch& m) {
      const std::string d = m[0].str();
      if (d.size() > 6 || (d.size() > 1 && d[0] == '0')) {  // not an amount: digit by digit
        std::string out;
        for (char ch : d) out += (out.empty() ? "" : " ") + ht_words(ch - '0');
        return out;
      }
      return ht_words(std::stol(d));
    });
  }
  return s;
}

std::string espeak_voice(const std::string& locale) {
  if (const Lang* w = lang_for(locale)) return w->voice;
  return language(locale);
}

VoiceChoice choose_voice(const std::string& text, const std::string& locale,
                         const std::function<bool(const std::string&)>& has_voice) {
  const std::string voice = espeak_voice(locale);
  if (has_voice(voice)) return {voice, false, text, ""};
  const Lang* w = lang_for(locale);
  const std::string name = w ? w->english_name : "this language";
  VoiceChoice c{espeak_voice("en"), true, "Spoken help is not available in " + name + " on this kiosk.",
                "no espeak-ng voice '" + voice + "' for " + locale + " (install espeak-ng-data); saying in English that " +
                    name + " cannot be spoken, instead of reading it with another language's voice"};
  if (language(locale) == "en") c.text.clear();  // nothing to fall back to
  return c;
}

}  // namespace kiosk::i18n
