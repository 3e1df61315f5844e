// Reading level of what the kiosk shows (issue 17): every English item of the
// built content at or under its Flesch-Kincaid grade by GNU diction's `style`
// (grade 6; grade 3 for the children's pages), and the legal words a visitor
// meets explained where an item first uses them.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "content/schema.h"
#include "content/store.h"
#include "fixtures.h"
#include "tools/lib/grades.h"

using namespace kiosk;

namespace {

std::unique_ptr<content::Store> open_real() {
  auto opened = content::Store::open(test::real_db());
  INFO(opened.why);
  REQUIRE(opened.ok());
  return std::move(opened.value);
}

const char* kKinds[] = {"faq", "guide", "kids", "office", "contact", "topic"};

// Whether the term found at [pos, pos+len) of text is explained there: in
// parentheses after it (or it is the formal word in parentheses after a plain
// one), named by "this is called", defined by "means" or "is a/like/when..."
// in its sentence, or by "This means" / "<term> is a..." in the next two.
bool explained(const std::string& t, size_t pos, size_t len, const std::string& term) {
  size_t s = t.find_last_of(".\n", pos == 0 ? 0 : pos - 1);
  s = s == std::string::npos || pos == 0 ? 0 : s + 1;
  static const std::regex end_re(R"([.!?](\s|$))");
  std::smatch m;
  std::string rest = t.substr(pos + len);
  size_t e = std::regex_search(rest, m, end_re) ? pos + len + static_cast<size_t>(m.position(0) + m.length(0)) : t.size();
  const std::string before = t.substr(s, pos - s), after = t.substr(pos + len, e - pos - len);
  if (std::count(before.begin(), before.end(), '(') > std::count(before.begin(), before.end(), ')')) return true;
  if (std::regex_search(before, std::regex(R"(\bcall(ed|s this)\b)"))) return true;
  if (after.find('(') != std::string::npos || std::regex_search(after, std::regex(R"(\bmeans?\b)")) ||
      std::regex_search(after, std::regex(R"(^[\s,]+(\w+\s+){0,2}(is|are) (a|an|the|like|when|what|how|someone|past)\b)")))
    return true;
  std::string next = t.substr(e);  // the next two sentences
  size_t cut = next.size();
  int n = 0;
  for (std::sregex_iterator i(next.begin(), next.end(), end_re), none; i != none && n < 2; ++i, ++n)
    cut = static_cast<size_t>(i->position(0) + i->length(0));
  next.resize(cut);
  next.erase(0, next.find_first_not_of(" \n"));
  if (std::regex_search(next, std::regex(R"(^(This|That|It) (means|is)\b)"))) return true;
  return std::regex_search(next, std::regex("(" + term + R"()(\s+\w+){0,2}\s+(means|is (a|an|the|like|when|what|how|someone)|are (the|people|what))\b)",
                                            std::regex::icase));
}

}  // namespace

TEST_CASE("every item a visitor reads is at or under its reading grade", "[content][reading]") {
  auto store = open_real();
  auto [grades, why] = tools::grade_items(*store, "en");
  if (grades.empty()) FAIL("cannot grade the content: " << why);
  std::map<std::string, int> per_kind;
  std::ostringstream over;
  for (const auto& g : grades) {
    ++per_kind[g.kind];
    if (g.over()) over << g.kind << " " << g.id << ": grade " << g.grade << ", target " << g.target << "\n";
  }
  for (const char* kind : kKinds) CHECK(per_kind[kind] == static_cast<int>(store->items(kind).size()));
  INFO("over target (kiosk-content grades lists every item):\n" << over.str());
  CHECK(over.str().empty());
}

TEST_CASE("the graded text is what a visitor reads, one sentence per list item, step and checklist line", "[content][reading]") {
  auto store = open_real();
  auto guide = store->item("moved");
  REQUIRE(guide);
  std::string t = tools::shown_text(*store, *guide, "guide", "en");
  CHECK(t.find("**") == std::string::npos);  // Markdown stripped
  CHECK(t.find("\n\nTell SES in writing.\n\n") != std::string::npos);  // a step title ends a sentence
  CHECK(t.find("\n\nYour name.\n\n") != std::string::npos);             // so does each checklist line
  CHECK(t.find("tell SES in writing as soon as possible.") != std::string::npos);  // the step's text, bold gone
  auto kid = store->item("kids-feelings"), teen = store->item("teens-feelings"), faq = store->item("apply-how");
  REQUIRE((kid && teen && faq));
  CHECK(tools::grade_target(*kid, "kids") == 3.0);
  CHECK(tools::grade_target(*teen, "kids") == 6.0);
  CHECK(tools::grade_target(*faq, "faq") == 6.0);
  // the same words as one run-on sentence grade far higher: the periods matter
  std::string run_on = t;
  for (auto& c : run_on) if (c == '.' || c == '\n') c = ' ';
  auto split = tools::kincaid(t), joined = tools::kincaid(run_on + ".");
  INFO(split.why << joined.why);
  REQUIRE((split.ok() && joined.ok()));
  CHECK(joined.value > split.value + 5);
}

TEST_CASE("without style the grade is an error that says to install diction", "[reading]") {
  const char* old = std::getenv("PATH");
  std::string saved = old ? old : "";
  test::TempDir empty;
  ::setenv("PATH", empty.path.c_str(), 1);
  auto [g, why] = tools::kincaid("A short sentence.");
  ::setenv("PATH", saved.c_str(), 1);
  CHECK_FALSE(why.empty());
  CHECK(why.find("'style' was not found") != std::string::npos);
  CHECK(why.find("diction") != std::string::npos);
}

TEST_CASE("legal words are explained where an item first uses them", "[content][reading][jargon]") {
  // the words of the issue and the others found in the content
  const char* terms[] = {R"(non-?custodial parent)", R"(\bcustodial (parent|party))", R"(review and adjustment)",
                         R"(\bmodif(y|ies|ied|ication|ications)\b)", R"(\bcontempt\b)", R"(\barrears\b)", R"(\bIV-D\b)",
                         R"(\bparentage\b)", R"(\bwithholdings?\b)", R"(\bliens?\b)", R"(\bpurge\b)", R"(\bpro se\b)",
                         R"(\bmagistrates?\b)", R"(\bdisbursement\b)", R"(\bgarnish\w*)", R"(\baccommodations?\b)",
                         R"(\balimony\b)", R"(\bsubstantial assets\b)", R"(\bmotions?\b)"};
  auto store = open_real();
  std::ostringstream bare;
  int uses = 0;
  for (const char* kind : kKinds)
    for (const auto& it : store->items(kind)) {
      const std::string title = store->text(it.id, content::title_field(kind), "en");
      const std::string text = tools::shown_text(*store, it, kind, "en");
      for (const char* term : terms) {
        std::regex re(term, std::regex::icase);
        if (std::regex_search(title, re)) continue;  // the answer to "What is contempt?" explains it whole
        std::smatch m;
        if (!std::regex_search(text, m, re)) continue;
        ++uses;
        auto pos = static_cast<size_t>(m.position(0));
        if (!explained(text, pos, static_cast<size_t>(m.length(0)), term))
          bare << kind << " " << it.id << ": '" << m.str(0) << "' in \"..." << text.substr(pos > 50 ? pos - 50 : 0, 110) << "...\"\n";
      }
    }
  CHECK(uses > 40);  // the words are there to be explained
  INFO("used without a plain explanation:\n" << bare.str());
  CHECK(bare.str().empty());
  SECTION("the check itself: a bare use is caught, the explained forms pass") {
    auto check = [&](const std::string& t, const std::string& term) {
      std::smatch m;
      std::regex_search(t, m, std::regex(term, std::regex::icase));
      return explained(t, static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)), term);
    };
    CHECK_FALSE(check("SES files a contempt application.\n\nThen it waits.", R"(\bcontempt\b)"));
    CHECK_FALSE(check("The noncustodial parent is responsible for 40%.", R"(non-?custodial parent)"));
    CHECK(check("You owe arrears (support that was owed and not paid).", R"(\barrears\b)"));
    CHECK(check("SES files a contempt application. Contempt means not obeying a court order.", R"(\bcontempt\b)"));
    CHECK(check("Ask for a change (a modification).", R"(\bmodif(y|ies|ied|ication|ications)\b)"));
    CHECK(check("SES checks your order. This is called review and adjustment.", R"(review and adjustment)"));
  }
}
