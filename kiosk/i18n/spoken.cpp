// Spoken text rules (see spoken.h); each rule was checked against espeak-ng's
// own phonemes (tests/core/test_spoken.cpp runs espeak-ng -x on every case).
#include "i18n/spoken.h"

#include <functional>
#include <regex>

namespace kiosk::i18n {

namespace {
std::string language(const std::string& locale) { return locale.substr(0, locale.find_first_of("_-")); }

// The words a rule needs, per language; a language without a row gets only
// the rules that need no words.
struct Words {
  const char* lang;
  const char *one, *dollar, *dollars, *cents_join, *cent, *cents, *or_, *to;
};
constexpr Words kWords[] = {
    {"en", "1", "dollar", "dollars", "and", "cent", "cents", "or", "to"},
    {"es", "un", "dólar", "dólares", "con", "centavo", "centavos", "o", "a"},
};
const Words* words_for(const std::string& locale) {
  const std::string l = language(locale);
  for (const auto& w : kWords)
    if (l == w.lang) return &w;
  return nullptr;
}

// Initials a visitor hears spelled: espeak-ng reads "SES" as a word ("sez"),
// "OCSS" as "ox"; written "S.E.S." it says the letters in every voice.
constexpr const char* kSpelled[] = {"SES", "OCSS", "DSS", "CIP", "IMRP", "TDD", "TTY", "CT"};

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

// "5437" -> "5 4 3 7"; "KIDS" -> "K.I.D.S." (letters, in the voice's own names for them)
std::string one_by_one(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch >= 'A' && ch <= 'Z') {
      out += ch;
      out += '.';
    } else {
      if (!out.empty()) out += ' ';
      out += ch;
    }
  }
  return out;
}
std::string dotted(const std::string& s) {
  std::string out;
  for (char ch : s) {
    out += ch;
    out += '.';
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
}  // namespace

std::string spoken_text(const std::string& text, const std::string& locale) {
  const Words* w = words_for(locale);
  std::string s = text;

  // Phone numbers, a group at a time with a pause between groups:
  // [1-]AAA-EEE-LLLL, (AAA) EEE-LLLL, and a spelled line with its digits after it.
  static const std::regex phone(
      R"((\b1[-. ])?(?:\((\d{3})\) ?|\b(\d{3})[-. ])(\d{3})[-. ](\d{4}\b|[A-Z]{4,7}\b)(?: ?\((\d{4,7})\))?)");
  s = replace_all(s, phone, [](const std::smatch& m) {
    std::string out;
    auto group = [&](const std::string& g) {
      if (g.empty()) return;
      if (!out.empty()) out += ", ";
      out += one_by_one(g);
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
      std::string n = no_commas(m[1].str());
      // one dollar: "un dólar", not "uno dólar"
      std::string out = (n == "1" ? std::string(w->one) : n) + " " + (n == "1" ? w->dollar : w->dollars);
      if (m[2].matched && m[2].str() != "00") {
        std::string c = m[2].str();
        if (c[0] == '0') c = c.substr(1);
        out += std::string(" ") + w->cents_join + " " + c + " " + (c == "1" ? w->cent : w->cents);
      }
      return out;
    });
  }

  // ZIP codes after the state, digit by digit: "CT 06106" (Spanish would say "cero seis punto...").
  static const std::regex zip(R"(\bCT (\d{5})(?:-(\d{4}))?\b)");
  s = replace_all(s, zip, [](const std::smatch& m) {
    return "C.T. " + one_by_one(m[1].str()) + (m[2].matched ? ", " + one_by_one(m[2].str()) : "");
  });

  // Hours: "8:30-5:00" -> "8:30 to 5"; "5:00" -> "5" (not "five zero zero").
  if (w) {
    static const std::regex range(R"(\b(\d{1,2}:\d{2}) ?[-–] ?(\d{1,2}:\d{2})\b)");
    s = replace_all(s, range, [w](const std::smatch& m) { return m[1].str() + " " + w->to + " " + m[2].str(); });
  }
  static const std::regex whole_hour(R"(\b(\d{1,2}):00\b)");
  s = std::regex_replace(s, whole_hour, "$1");

  // Thousands separators: espeak-ng's Spanish reads "150,000" as "150 point 000".
  static const std::regex thousands(R"(\b\d{1,3}(?:,\d{3})+\b)");
  s = replace_all(s, thousands, [](const std::smatch& m) { return no_commas(m[0].str()); });

  // Initials, spelled; two of them joined by a slash are alternatives.
  static const std::regex pair("\\b(" + spelled_alternation() + ")/(" + spelled_alternation() + ")\\b");
  s = replace_all(s, pair, [w](const std::smatch& m) {
    return dotted(m[1].str()) + (w ? std::string(" ") + w->or_ + " " : std::string(", ")) + dotted(m[2].str());
  });
  static const std::regex initials("\\b(" + spelled_alternation() + ")\\b");
  s = replace_all(s, initials, [](const std::smatch& m) { return dotted(m[1].str()); });
  return s;
}

std::string espeak_voice(const std::string& locale) {
  static const std::pair<const char*, const char*> kVoices[] = {{"en", "en-us"}, {"es", "es-419"}, {"ar", "ar"}, {"zh", "cmn"}};
  const std::string l = language(locale);
  for (const auto& [lang, voice] : kVoices)
    if (l == lang) return voice;
  return l;
}

}  // namespace kiosk::i18n
