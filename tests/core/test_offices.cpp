// Finding an office (content/offices.h): any word of name, town or street, in
// every locale, the kiosk's own office first, and never an empty list.
#include <set>

#include <catch2/catch.hpp>

#include <algorithm>

#include "content/offices.h"
#include "content/store.h"
#include "fixtures.h"

using namespace kiosk;

namespace {
std::vector<std::string> ids(const content::OfficeList& l) {
  std::vector<std::string> out;
  for (const auto* o : l.offices) out.push_back(o->id);
  return out;
}
bool has(const std::vector<std::string>& v, const std::string& id) { return std::find(v.begin(), v.end(), id) != v.end(); }
}  // namespace

TEST_CASE("offices are found by the start of any word of their name, town or street, in every locale", "[content][offices]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  for (const char* loc : {"en", "es", "ar", "zh"}) {
    INFO(loc);
    auto m = content::load_model(*store, loc);
    REQUIRE(m->offices.size() == 27);
    SECTION(std::string("hart ") + loc) {
      const auto hart = content::find_offices(*m, "hart", "", "");
      CHECK_FALSE(hart.nothing_matched);
      const auto got = ids(hart);
      CHECK(got.size() == 4);
      CHECK(has(got, "ocss-greater-hartford"));  // "Greater Hartford", in Windsor
      CHECK(has(got, "ses-admin"));              // East Hartford
      CHECK(has(got, "ses-hartford-main"));
      CHECK(has(got, "ses-hartford-court"));
      // names that start with it first, then names with it, then towns and streets
      // (the two names that start with it in the locale's own order: translated, "Hartford (...)" sorts by its words)
      REQUIRE(got.size() == 4);
      CHECK(std::set<std::string>{got[0], got[1]} == std::set<std::string>{"ses-hartford-court", "ses-hartford-main"});
      CHECK(std::vector<std::string>{got[2], got[3]} == std::vector<std::string>{"ocss-greater-hartford", "ses-admin"});
      // case and accents optional, as search folds them
      CHECK(ids(content::find_offices(*m, "HÁRT", "", "")) == got);
      CHECK(ids(content::find_offices(*m, "  Hart ", "", "")) == got);
    }
    SECTION(std::string("streets and several words ") + loc) {
      CHECK(ids(content::find_offices(*m, "asylum", "", "")) == std::vector<std::string>{"ses-hartford-main"});
      CHECK(ids(content::find_offices(*m, "999", "", "")) == std::vector<std::string>{"ses-hartford-main"});
      CHECK(ids(content::find_offices(*m, "meadow", "", "")) == std::vector<std::string>{"ocss-greater-hartford"});
      CHECK(ids(content::find_offices(*m, "windsor", "", "")) == std::vector<std::string>{"ocss-greater-hartford"});
      // every typed word starts a word of the office: New Haven's three, not New Britain's
      const auto nh = ids(content::find_offices(*m, "new hav", "", ""));
      CHECK(nh.size() == 3);
      CHECK(has(nh, "ses-cpu"));
      CHECK_FALSE(has(nh, "ses-new-britain"));
      // inside a word is not a start: "ford" is not Hartford
      CHECK(content::find_offices(*m, "ford", "", "").nothing_matched);
      // the agency filter applies to what is found
      CHECK(ids(content::find_offices(*m, "hart", "OCSS", "")) == std::vector<std::string>{"ocss-greater-hartford"});
    }
  }
}

TEST_CASE("the kiosk's own office is first, its agency's offices next, each part by town", "[content][offices]") {
  auto store = content::Store::open(test::real_db()).value;
  auto m = content::load_model(*store, "en");
  const auto l = content::find_offices(*m, "", "", "ocss-greater-hartford");
  REQUIRE(l.here);
  REQUIRE(l.offices.size() == 27);
  CHECK(l.offices[0]->id == "ocss-greater-hartford");
  CHECK(l.same_agency == 11);
  for (size_t i = 1; i <= 11; ++i) CHECK(l.offices[i]->agency == "OCSS");
  for (size_t i = 12; i < 27; ++i) CHECK(l.offices[i]->agency != "OCSS");
  CHECK(l.offices[1]->town == "Bridgeport");   // by town within each part
  CHECK(l.offices[12]->town == "Bridgeport");
  // without a site office: every office by town, Greater Hartford under W(indsor)
  const auto all = content::find_offices(*m, "", "", "");
  CHECK_FALSE(all.here);
  CHECK(all.same_agency == 0);
  CHECK(all.offices.front()->town == "Bridgeport");
  // an id that is not an office, or one the agency filter leaves out, marks nothing
  CHECK_FALSE(content::find_offices(*m, "", "", "hartford").here);
  CHECK(content::find_offices(*m, "", "", "hartford").offices.size() == 27);
  CHECK_FALSE(content::find_offices(*m, "", "SES", "ocss-greater-hartford").here);
  // typed letters that match it keep it first
  const auto hart = content::find_offices(*m, "hart", "", "ocss-greater-hartford");
  REQUIRE(hart.here);
  CHECK(hart.offices[0]->id == "ocss-greater-hartford");
}

TEST_CASE("letters that match no office give the whole list, never an empty one", "[content][offices]") {
  auto store = content::Store::open(test::real_db()).value;
  for (const char* loc : {"en", "es"}) {
    auto m = content::load_model(*store, loc);
    const auto none = content::find_offices(*m, "qxzv", "", "");
    CHECK(none.nothing_matched);
    CHECK(none.offices.size() == 27);
    const auto ses = content::find_offices(*m, "qxzv", "SES", "");
    CHECK(ses.nothing_matched);
    CHECK(ses.offices.size() == 14);
    CHECK_FALSE(content::find_offices(*m, "", "", "").nothing_matched);
  }
}

TEST_CASE("offices the sources say see visitors by appointment are marked so, and only those", "[content][offices]") {
  auto store = content::Store::open(test::real_db()).value;
  for (const char* loc : {"en", "es"}) {
    auto m = content::load_model(*store, loc);
    for (const auto& o : m->offices) {
      INFO(loc << " " << o.id);
      CHECK(o.by_appointment == (o.agency == "OCSS"));  // 004: "OCSS staff are available by appointment"
    }
  }
}
