// Locales: the facts of every item are the same in English and Spanish; every
// UI key of English is in every shipped locale or falls back by design; every
// message parses with the same placeholders as English.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>

#include "content/store.h"
#include "fixtures.h"
#include "i18n/catalog.h"
#include "tools/lib/model.h"

using namespace kiosk;

namespace {
// The facts a translation must keep: every run of digits (phone numbers,
// money, percentages, ages, days, times, ZIP codes), in order of appearance
// sorted, so a sentence may be reordered but no number may change, appear or
// vanish.
std::vector<std::string> facts(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex digits("[0-9]+");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), digits); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  std::sort(out.begin(), out.end());
  return out;
}
std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + " ";
  return s;
}
}  // namespace

TEST_CASE("every item's facts are the same in English and Spanish", "[locales][facts]") {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  REQUIRE(diags.empty());
  std::map<std::string, const tools::ItemFile*> en;
  for (const auto& f : set.files)
    if (f.locale == "en") en[f.kind + "/" + f.id] = &f;
  auto store = content::Store::open(test::real_db(), nullptr);
  REQUIRE(store);
  int compared = 0;
  for (const auto& f : set.files) {
    if (f.locale != "es") continue;
    REQUIRE(en.count(f.kind + "/" + f.id));
    std::string id = f.kind == "topic" ? "topic:" + f.id : f.id;
    // every translated field, as the kiosk will show it
    content::Db& db = const_cast<content::Store&>(*store).db();
    content::Stmt st(db, "SELECT field, value FROM texts WHERE id = ?1 AND locale = 'es'");
    st.bind(1, id);
    while (st.step()) {
      std::string field = st.text(0);
      std::string english = store->text(id, field, "en");
      INFO(f.path << ": field \"" << field << "\"\n  en: " << english << "\n  es: " << st.text(1));
      CHECK(join(facts(st.text(1))) == join(facts(english)));
      ++compared;
    }
  }
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
