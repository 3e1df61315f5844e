// A person's review of a translation (issue 18): reviewed_on, reviewed_by and
// reviewed_en in a translation's settings, refused at file:line when the day
// is not a day, is after today, names nobody or is in the English file; kept
// per item and locale, counted by coverage, out of date once English changes.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "content/store.h"
#include "fixtures.h"

using namespace kiosk;
using test::all;
using test::has;
namespace fs = std::filesystem;

namespace {

std::string faq_en(const std::string& extra = "") {
  return "+++\nquestion = \"How do I apply?\"\ntopic = \"apply\"\n" + extra +
         "source = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\nCall the call center.\n";
}
// The Spanish translation with `review` as its settings' first lines (line 2 on).
std::string faq_es(const std::string& review) { return "+++\n" + review + "question = \"¿Cómo solicito?\"\n+++\nLlame al centro.\n"; }

std::vector<std::string> problems(const std::string& en, const std::string& es) {
  std::map<std::string, std::string> files{{"content/faq/apply-how.en.md", en}};
  if (!es.empty()) files["content/faq/apply-how.es.md"] = es;
  return test::ContentTree(files).messages();
}

const std::string kGood = "reviewed_on = 2026-11-30\nreviewed_by = \"Ana Pérez\"\nreviewed_en = \"0123abcd\"\n";

}  // namespace

TEST_CASE("a review of a translation is checked at its line", "[content][reviewed]") {
  SECTION("a good review is no problem") {
    auto p = problems(faq_en(), faq_es(kGood));
    INFO(all(p));
    REQUIRE(p.empty());
  }
  SECTION("a day that is not in the calendar") {
    auto p = problems(faq_en(), faq_es("reviewed_on = 2026-02-30\nreviewed_by = \"Ana Pérez\"\nreviewed_en = \"0123abcd\"\n"));
    INFO(all(p));
    REQUIRE(p.size() == 1);
    REQUIRE(p[0].rfind("content/faq/apply-how.es.md:2: ", 0) == 0);
  }
  SECTION("a day in quotes") {
    auto p = problems(faq_en(), faq_es("reviewed_on = \"2026-11-30\"\nreviewed_by = \"Ana Pérez\"\nreviewed_en = \"0123abcd\"\n"));
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.es.md:2: 'reviewed_on' must be a date like 2027-10-01 (no quotes)"));
  }
  SECTION("a day after today") {
    auto p = problems(faq_en(), faq_es("reviewed_on = 2999-01-01\nreviewed_by = \"Ana Pérez\"\nreviewed_en = \"0123abcd\"\n"));
    INFO(all(p));
    REQUIRE(p.size() == 1);
    REQUIRE(has(p, "content/faq/apply-how.es.md:2: 'reviewed_on' is 2999-01-01, after today"));
  }
  SECTION("no name, or no letter in it") {
    auto p = problems(faq_en(), faq_es("reviewed_on = 2026-11-30\nreviewed_by = \"12.\"\nreviewed_en = \"0123abcd\"\n"));
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.es.md:3: 'reviewed_by' is \"12.\": write the name of the person who reviewed it"));
    p = problems(faq_en(), faq_es("reviewed_on = 2026-11-30\nreviewed_en = \"0123abcd\"\n"));
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.es.md:2: a review needs reviewed_on, reviewed_by and reviewed_en together; missing 'reviewed_by'"));
  }
  SECTION("an English text that is not one coverage shows") {
    auto p = problems(faq_en(), faq_es("reviewed_on = 2026-11-30\nreviewed_by = \"Ana Pérez\"\nreviewed_en = \"yes\"\n"));
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.es.md:4: 'reviewed_en' is \"yes\" but must be the 8 letters and digits that "
                   "kiosk-content coverage --unreviewed es shows beside apply-how"));
  }
  SECTION("English is the source: a review in the English file is refused") {
    auto p = problems(faq_en("reviewed_on = 2026-11-30\n"), "");
    INFO(all(p));
    REQUIRE(p.size() == 1);
    REQUIRE(has(p, "content/faq/apply-how.en.md:4: 'reviewed_on' is only set in a translation: English is the source"));
  }
}

TEST_CASE("coverage counts what a person reviewed against today's English, and a change to English makes it out of date", "[content][reviewed]") {
  test::ContentTree tree({{"content/topics/apply.es.md", "+++\ntitle = \"Solicitar\"\n+++\nCómo solicitar.\n"},
                          {"content/faq/apply-how.en.md", faq_en()},
                          {"content/faq/apply-how.es.md", faq_es("")}});
  auto build = [&] { return content::Store::open(tree.build(), nullptr); };
  auto faq_of = [](content::Store& s, const std::string& loc) {
    for (auto& c : s.coverage(loc))
      if (c.kind == "faq") return c;
    FAIL("no faq coverage");
    return content::Store::Coverage{};
  };
  std::string hash;
  {
    auto s = build();
    REQUIRE(s);
    hash = s->english_text_hash("apply-how");
    REQUIRE(hash.size() == 8);
    auto c = faq_of(*s, "es");
    CHECK(c.done == 1);
    CHECK(c.reviewed == 0);
    CHECK(c.unreviewed == std::vector<std::string>{"apply-how"});
    CHECK_FALSE(s->review("apply-how", "es"));
    // English is never counted as reviewed or not
    CHECK(faq_of(*s, "en").unreviewed.empty());
  }
  tree.d.file("content/faq/apply-how.es.md", faq_es("reviewed_on = 2026-11-30\nreviewed_by = \"Ana Pérez\"\nreviewed_en = \"" + hash + "\"\n"));
  {
    auto s = build();
    auto c = faq_of(*s, "es");
    CHECK(c.reviewed == 1);
    CHECK(c.unreviewed.empty());
    CHECK(c.last_reviewed == "2026-11-30");
    auto r = s->review("apply-how", "es");
    REQUIRE(r);
    CHECK(r->by == "Ana Pérez");
    CHECK(r->current);
    // nothing a visitor reads changed: the Spanish question is as it was
    CHECK(s->text("apply-how", "question", "es") == "¿Cómo solicito?");
    CHECK(s->text("apply-how", "reviewed_by", "en").empty());
  }
  // English changes after the review: the review is out of date, not counted
  tree.d.file("content/faq/apply-how.en.md", faq_en() + "Or visit an office.\n");
  {
    auto s = build();
    CHECK(s->english_text_hash("apply-how") != hash);
    auto c = faq_of(*s, "es");
    CHECK(c.reviewed == 0);
    CHECK(c.out_of_date == std::vector<std::string>{"apply-how"});
    CHECK(c.last_reviewed == "2026-11-30");
  }
}
