// i18n: catalog fallback, plurals, pattern checks, folding, collation.
#include <catch2/catch.hpp>

#include "i18n/catalog.h"
#include "i18n/text.h"

using namespace kiosk::i18n;

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
