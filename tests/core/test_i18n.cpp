// i18n: catalog fallback, plurals, pattern checks, folding, collation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unicode/unistr.h>
#include <unistd.h>

#include "i18n/bidi.h"
#include "i18n/catalog.h"
#include "i18n/icu_util.h"
#include "i18n/text.h"

using namespace kiosk::i18n;
namespace i18n = kiosk::i18n;

TEST_CASE("fallback chain goes es_US -> es -> en, never the OS locale", "[i18n]") {
  REQUIRE(fallback_chain("es_US") == std::vector<std::string>{"es_US", "es", "en"});
  REQUIRE(fallback_chain("en") == std::vector<std::string>{"en"});
  REQUIRE(fallback_chain("zh_Hans_CN") == std::vector<std::string>{"zh_Hans_CN", "zh_Hans", "zh", "en"});
}

TEST_CASE("catalog falls back per key", "[i18n]") {
  init_icu_defaults();
  Catalog c;
  c.add("en", "home", "Home");
  c.add("en", "back", "Back");
  c.add("en", "only.en", "Only English");
  c.add("es", "home", "Inicio");
  c.add("es_US", "back", "Regresar");
  REQUIRE(c.format("es_US", "back") == "Regresar");
  REQUIRE(c.format("es_US", "home") == "Inicio");
  REQUIRE(c.format("es_US", "only.en") == "Only English");
  REQUIRE(c.format("es", "back") == "Back");
  REQUIRE(c.resolve("es_US", "home") == "es");
  REQUIRE(c.format("fr", "missing.key") == "missing.key");  // visible, never a crash
}

TEST_CASE("plural formatting in English and Spanish", "[i18n]") {
  init_icu_defaults();
  Catalog c;
  c.add("en", "n", "{count, plural, =0 {No results} one {# result} other {# results}}");
  c.add("es", "n", "{count, plural, =0 {Ningún resultado} one {# resultado} other {# resultados}}");
  c.add("en", "big", "{count, plural, one {# item} other {# items}}");
  REQUIRE(c.format("en", "n", {{"count", int64_t(0)}}) == "No results");
  REQUIRE(c.format("en", "n", {{"count", int64_t(1)}}) == "1 result");
  REQUIRE(c.format("en", "n", {{"count", int64_t(2)}}) == "2 results");
  REQUIRE(c.format("es", "n", {{"count", int64_t(1)}}) == "1 resultado");
  REQUIRE(c.format("es", "n", {{"count", int64_t(7)}}) == "7 resultados");
  REQUIRE(c.format("en", "big", {{"count", int64_t(12000)}}) == "12,000 items");
  SECTION("a string argument") {
    c.add("en", "hi", "Hello {name}");
    REQUIRE(c.format("en", "hi", {{"name", std::string("Ana")}}) == "Hello Ana");
  }
}

TEST_CASE("message patterns are checked and their placeholders listed", "[i18n]") {
  std::vector<std::string> args;
  REQUIRE(check_pattern("{count, plural, one {# x} other {# xs}} for {name}", &args).empty());
  REQUIRE(args == std::vector<std::string>{"count", "name"});
  REQUIRE_FALSE(check_pattern("{count, plural, one {# x}", &args).empty());
  REQUIRE_FALSE(check_pattern("Hello {", &args).empty());
}

TEST_CASE("folding, words, stemming and collation", "[i18n]") {
  REQUIRE(fold("Cárcel PRISIÓN Niños") == "carcel prision ninos");
  REQUIRE(words("My ex stopped paying!") == std::vector<std::string>{"my", "ex", "stopped", "paying"});
  Stemmer en("en"), es("es"), fr("fr");
  REQUIRE(en.stem("paying") == "pay");
  REQUIRE(es.stem("pagando") == es.stem("pagar"));
  REQUIRE_FALSE(fr.active());
  std::vector<std::string> towns = {"Willimantic", "Ávila", "avena", "Bridgeport", "Éste"};
  collate_sort(towns, "es");
  REQUIRE(towns == std::vector<std::string>{"avena", "Ávila", "Bridgeport", "Éste", "Willimantic"});
  REQUIRE(edit_distance("aply", "apply") == 1);
  REQUIRE(edit_distance("prsion", "prison") == 1);
  REQUIRE(edit_distance("jial", "jail") == 1);
}

TEST_CASE("right-to-left lines are shaped and put in visual order", "[i18n][bidi]") {
  REQUIRE(i18n::is_rtl_locale("ar"));
  REQUIRE(i18n::is_rtl_locale("ar_EG"));
  REQUIRE_FALSE(i18n::is_rtl_locale("es"));
  REQUIRE_FALSE(i18n::needs_bidi("Child support, manutención 1-800"));
  // "Call 1-800-228-KIDS now" with Arabic words around an English one
  const std::string logical = "اتصل بـ SES الآن";
  REQUIRE(i18n::needs_bidi(logical));
  std::string visual = i18n::display_order(logical, true);
  // the Latin word keeps its own order inside the reversed line
  REQUIRE(visual.find("SES") != std::string::npos);
  // the line's last logical word (الآن, "now") is drawn first, at the left:
  // its letters, shaped and reversed, come before "SES"
  REQUIRE(visual.find("SES") > 0);
  // shaping: the output uses Arabic presentation forms (U+FE70..U+FEFF), not base letters
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(visual);
  int presentation = 0, base = 0;
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u[i];
    if (c >= 0xFE70 && c <= 0xFEFF) ++presentation;
    if (c >= 0x0621 && c <= 0x064A && c != 0x0640) ++base;  // (U+0640, the joining stroke, has no other form)
  }
  REQUIRE(presentation > 5);
  REQUIRE(base == 0);
  // and the first word logically (اتصل) ends the visual line: its first letter is rightmost
  icu::UnicodeString first = icu::UnicodeString::fromUTF8(i18n::display_order("اتصل", true));
  REQUIRE(u.endsWith(first));
  // a left-to-right line with no Arabic is untouched
  REQUIRE(i18n::display_order("Hello 123", false) == "Hello 123");
}

TEST_CASE("numbers keep their left-to-right order inside an Arabic line", "[i18n][bidi]") {
  // each as a visitor reads it, whatever the Arabic words around it
  for (const char* number : {"(860) 832-1878", "1-800-228-KIDS (5437)", "$35", "8:30-5:00", "8:30 - 5:00", "15%", "2-1-1"}) {
    INFO(number);
    const std::string line = std::string("اتصل بالرقم ") + number + " الآن";
    const std::string visual = i18n::display_order(line, true);
    CHECK(visual.find(number) != std::string::npos);
    // the line still reads right to left: its first word at the right end
    CHECK(visual.rfind(i18n::display_order("اتصل", true)) == visual.size() - i18n::display_order("اتصل", true).size());
  }
  // a number closing an Arabic parenthesis leaves it Arabic (mirrored, not taken into the number)
  const std::string visual = i18n::display_order("الرسوم (35 دولارًا)", true);
  CHECK(visual.find("35") != std::string::npos);
  CHECK(visual.find("(35") == std::string::npos);
  // the isolates are not drawn
  CHECK(visual.find("\u2066") == std::string::npos);
  CHECK(visual.find("\u2069") == std::string::npos);
}

TEST_CASE("Chinese wraps between characters, never inside a word or number", "[i18n][cjk]") {
  const std::string text = "请致电SES热线1-800-228-5437了解您的付款信息。";
  auto breaks = i18n::line_breaks(text, "zh");
  REQUIRE(breaks.size() >= 8);  // between most ideographs
  auto inside = [&](const std::string& word) {
    size_t a = text.find(word), b = a + word.size();
    for (size_t x : breaks)
      if (x > a && x < b) return true;
    return false;
  };
  REQUIRE_FALSE(inside("SES"));
  REQUIRE_FALSE(inside("5437"));
  REQUIRE_FALSE(inside("228"));
  // every break falls on a character boundary (never inside a UTF-8 sequence)
  for (size_t x : breaks) REQUIRE((static_cast<unsigned char>(text[x]) & 0xC0) != 0x80);
  // a full stop never starts a line
  REQUIRE(std::find(breaks.begin(), breaks.end(), text.find("。")) == breaks.end());
}

namespace {
// What the kiosk writes to stderr (its journal) while f runs.
template <class F> std::string journal_of(F&& f) {
  std::fflush(stderr);
  char path[] = "/tmp/kiosk-icu-journal-XXXXXX";
  const int fd = ::mkstemp(path);
  const int saved = ::dup(2);
  ::dup2(fd, 2);
  f();
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  ::close(fd);
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ::unlink(path);
  return text;
}
}  // namespace

TEST_CASE("ICU statuses are checked: a failure or a missing collation is said once, root rules where they are the rules are not",
          "[i18n][icu]") {
  SECTION("a failed call is false and is written once, by name") {
    std::string said = journal_of([] {
      for (int i = 0; i < 3; ++i) {
        i18n::IcuStatus status("test call", "xx");
        status.set(U_ILLEGAL_ARGUMENT_ERROR);
        CHECK_FALSE(status.ok());
      }
    });
    CHECK(said == "kiosk: ICU test call for xx failed (U_ILLEGAL_ARGUMENT_ERROR)\n");
  }
  SECTION("Haitian Creole has no collation of its own: sorted by the root rules, and the journal says so once") {
    std::vector<std::string> towns{"Waterbury", "Bridgeport", "Ansonia"};
    std::string said = journal_of([&] {
      i18n::collate_sort(towns, "ht");
      i18n::collate_sort(towns, "ht");
    });
    CHECK(towns == std::vector<std::string>{"Ansonia", "Bridgeport", "Waterbury"});
    CHECK(said == "kiosk: ICU has no collation data for ht; using the root rules (U_USING_DEFAULT_WARNING)\n");
  }
  SECTION("English, Spanish and Chinese sorting, line breaking and formatting say nothing") {
    std::string said = journal_of([] {
      std::vector<std::string> v{"b", "a"};
      for (const char* loc : {"en", "es", "zh"}) i18n::collate_sort(v, loc);
      i18n::Catalog cat;
      cat.add("es", "n", "{n, plural, one {# oficina} other {# oficinas}}");
      CHECK(cat.format("es", "n", {{"n", int64_t{3}}}) == "3 oficinas");
    });
    CHECK(said.empty());
  }
}
