// Locales: the facts of every item are the same in English and Spanish; every
// UI key of English is in every shipped locale or falls back by design; every
// message parses with the same placeholders as English.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "content/store.h"
#include "fixtures.h"
#include "i18n/catalog.h"
#include "tools/lib/model.h"

using namespace kiosk;

// The facts a translation must keep (phone numbers, money, percentages, ages,
// days, times, ZIP codes) are checked by the staff tool's own validator, so
// `kiosk-content validate` and this test cannot disagree.
TEST_CASE("numbers are read as a visitor reads them, in any script", "[locales][facts]") {
  auto digits = [](const std::string& text) {
    std::string s;
    for (const auto& n : tools::numbers_in(text)) s += n.digits + " ";
    return s;
  };
  CHECK(digits("The fee is $35 a year.") == "35 ");
  CHECK(digits("Call 1-800-228-KIDS (5437), 8:00 to 5:00.") == "1 800 228 5437 8 00 5 00 ");
  CHECK(digits("La cuota es de 35 dólares; el 20% del ingreso.") == "35 20 ");
  CHECK(digits("\u0661\u0662 \uff13\uff15") == "12 35 ");  // Arabic-Indic and full-width digits
  CHECK(tools::numbers_in("caf\xc3\xa9 35")[0].offset == 6);
}

TEST_CASE("every item's facts are the same in English and every translation", "[locales][facts]") {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  REQUIRE(diags.empty());
  const int compared = tools::check_translated_numbers(set, diags);
  for (const auto& d : diags) FAIL_CHECK(d.str());
  REQUIRE(compared > 400);  // every translated field of every item
}

TEST_CASE("UI strings: every English key in every shipped locale, the same placeholders, valid patterns", "[locales]") {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  REQUIRE(diags.empty());
  i18n::Catalog cat;
  const tools::PoFile* english = nullptr;
  for (const auto& p : set.po) {
    for (const auto& e : p.entries) cat.add(p.locale, e.key, e.pattern);
    if (p.locale == "en") english = &p;
  }
  REQUIRE(english);
  REQUIRE(set.po.size() >= 2);
  for (const auto& p : set.po) {
    std::map<std::string, std::string> mine;
    for (const auto& e : p.entries) mine[e.key] = e.pattern;
    for (const auto& e : english->entries) {
      INFO(p.locale << ": " << e.key);
      REQUIRE(mine.count(e.key));
      std::vector<std::string> theirs, ours;
      REQUIRE(i18n::check_pattern(mine[e.key], &theirs) == "");
      REQUIRE(i18n::check_pattern(e.pattern, &ours) == "");
      REQUIRE(theirs == ours);
      // and it formats: the catalog never shows a raw key or an error
      std::vector<i18n::Arg> args;
      for (const auto& name : ours) args.push_back({name, int64_t{2}});
      std::string out = cat.format(p.locale, e.key, args);
      REQUIRE(!out.empty());
      REQUIRE(out != e.key);
    }
  }
}
