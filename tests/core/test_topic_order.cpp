// Questions in the order a visitor needs them (issue 17): a topic file's
// `questions` list sets the order on screen, may name a question of another
// topic (shown in both), and validate refuses a list that is wrong, at its line.
#include <catch2/catch.hpp>

#include <algorithm>

#include "content/model.h"
#include "content/store.h"
#include "fixtures.h"
#include "tools/lib/model.h"

using namespace kiosk;

namespace {

const char* kSources = "[[source]]\nfile = \"002_655b8a153c870c4a.txt\"\ntitle = \"Brief guide\"\ndate = \"2024-10\"\n";
const char* kPo = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                  "msgid \"keyboard.rows\"\nmsgstr \"qwertyuiop|asdfghjkl|zxcvbnm\"\n";
const char* kSrc = "source = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\nreview_by = 2027-10-01\n";

// A topic file whose line 5 starts `questions` (one id a line from line 6).
std::string topic(const std::string& title, int order, const std::vector<std::string>& questions) {
  std::string s = "+++\ntitle = \"" + title + "\"\nicon = \"money\"\norder = " + std::to_string(order) + "\nquestions = [\n";
  for (const auto& q : questions) s += "  \"" + q + "\",\n";
  return s + "]\n" + kSrc + "+++\nAbout " + title + ".\n";
}
std::string faq(const std::string& question, const std::string& topic_id) {
  return "+++\nquestion = \"" + question + "\"\ntopic = \"" + topic_id + "\"\n" + kSrc + "+++\nThe answer.\n";
}

struct Fixture {
  test::TempDir d;
  Fixture(const std::vector<std::string>& payments, const std::vector<std::string>& collected) {
    d.file("content/sources.toml", kSources);
    d.file("locales/en.po", kPo);
    d.file("content/topics/payments.en.md", topic("Payments", 1, payments));
    d.file("content/topics/enforcement.en.md", topic("Collecting", 2, collected));
    d.file("content/faq/a-how-to-pay.en.md", faq("How do I pay?", "payments"));
    d.file("content/faq/b-not-received.en.md", faq("Where is my payment?", "payments"));
    d.file("content/faq/c-stopped-paying.en.md", faq("What if the other parent stops paying?", "enforcement"));
    d.file("content/faq/d-license.en.md", faq("Can a license be suspended?", "enforcement"));
  }
  tools::ContentSet load(std::vector<tools::Diag>& diags) const {
    return tools::load_content((d.path / "content").string(), (d.path / "locales").string(), diags);
  }
  std::vector<std::string> problems() const {
    std::vector<tools::Diag> diags;
    tools::validate(load(diags), diags);
    std::vector<std::string> out;
    for (const auto& x : diags) out.push_back(x.str());
    return out;
  }
};

std::string all(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}
bool has(const std::vector<std::string>& v, const std::string& needle) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

std::vector<std::string> questions_of(const content::Model& m, const std::string& topic_id, const std::string& audience = "") {
  std::vector<std::string> out;
  for (const auto* f : m.faqs_for(topic_id, audience)) out.push_back(f->id);
  return out;
}

}  // namespace

TEST_CASE("a topic shows its questions in the order its file lists them, and a question of another topic too", "[content][order]") {
  // file-id order would be a, b under Payments: staff put b first and add c from Collecting
  Fixture fx({"b-not-received", "c-stopped-paying", "a-how-to-pay"}, {"d-license", "c-stopped-paying"});
  INFO(all(fx.problems()));
  REQUIRE(fx.problems().empty());
  std::vector<tools::Diag> diags;
  auto set = fx.load(diags);
  const std::string db = (fx.d.path / "content.db").string();
  REQUIRE(tools::build_database(set, db).empty());
  auto store = content::Store::open(db).value;
  REQUIRE(store);
  auto m = content::load_model(*store, "en");
  CHECK(questions_of(*m, "payments") == std::vector<std::string>{"b-not-received", "c-stopped-paying", "a-how-to-pay"});
  CHECK(questions_of(*m, "enforcement") == std::vector<std::string>{"d-license", "c-stopped-paying"});
}

TEST_CASE("validate refuses a topic's questions list that is wrong, at the line", "[content][order]") {
  SECTION("an id that is no question") {
    auto p = Fixture({"a-how-to-pay", "b-not-recieved", "b-not-received"}, {"c-stopped-paying", "d-license"}).problems();
    INFO(all(p));
    REQUIRE(has(p, "content/topics/payments.en.md:7: 'b-not-recieved' in questions is not a question"));
    REQUIRE(p.size() == 1);
  }
  SECTION("a guide or topic is no question") {
    auto p = Fixture({"a-how-to-pay", "b-not-received", "enforcement"}, {"c-stopped-paying", "d-license"}).problems();
    INFO(all(p));
    REQUIRE(has(p, "content/topics/payments.en.md:8: 'enforcement' in questions is not a question"));
  }
  SECTION("the same question twice") {
    auto p = Fixture({"a-how-to-pay", "b-not-received", "a-how-to-pay"}, {"c-stopped-paying", "d-license"}).problems();
    INFO(all(p));
    REQUIRE(has(p, "content/topics/payments.en.md:8: 'a-how-to-pay' is in questions twice (first on line 6)"));
  }
  SECTION("a question of the topic left out") {
    auto p = Fixture({"a-how-to-pay", "b-not-received"}, {"c-stopped-paying"}).problems();
    INFO(all(p));
    REQUIRE(has(p, "content/topics/enforcement.en.md:5: 'd-license' has topic = \"enforcement\" but is not in questions"));
    REQUIRE(p.size() == 1);
  }
  SECTION("only in the English file") {
    Fixture fx({"a-how-to-pay", "b-not-received"}, {"c-stopped-paying", "d-license"});
    fx.d.file("content/topics/payments.es.md", "+++\ntitle = \"Pagos\"\nquestions = [\"a-how-to-pay\"]\n+++\nSobre pagos.\n");
    auto p = fx.problems();
    INFO(all(p));
    REQUIRE(has(p, "content/topics/payments.es.md:3: 'questions' is only set in the English file"));
  }
}

TEST_CASE("the kiosk's topics: the order staff set, and the other parent stopping payment under Payments", "[content][order]") {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  for (const std::string loc : {"en", "es"}) {
    INFO(loc);
    auto m = content::load_model(*store, loc);
    // every topic of the kiosk has a list, and shows exactly it, in its order
    for (const auto& f : set.files) {
      if (f.kind != "topic" || f.locale != "en") continue;
      INFO("topic " << f.id);
      auto* arr = f.meta["questions"].as_array();
      REQUIRE(arr);
      std::vector<std::string> listed;
      for (auto& e : *arr) listed.push_back(*e.value<std::string>());
      CHECK(questions_of(*m, f.id) == listed);
    }
    // a parent whose payments stopped looks under Payments first, and finds it there
    const auto payments = questions_of(*m, "payments");
    const auto at = std::find(payments.begin(), payments.end(), "stopped-paying");
    REQUIRE(at != payments.end());
    CHECK(at - payments.begin() < 3);
    CHECK(questions_of(*m, "payments", "receives")[2] == "stopped-paying");
    // the first question under Payments is how payments are made
    CHECK(payments.front() == "payments-sdu");
    // a lost job: under hard times and under changing an order
    for (const char* t : {"hard-times", "review"}) {
      const auto q = questions_of(*m, t);
      CHECK(std::find(q.begin(), q.end(), "hard-lost-job") != q.end());
    }
  }
}

TEST_CASE("kids' corner pages that name the Children's Page or the booklet say they are on the CIP Initiative's website, run by IMRP", "[content][kids]") {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  int pages = 0;
  for (const auto& f : set.files) {
    if (f.kind != "kids") continue;
    // the wording is checked in English and Spanish; no language invents a web address
    if (f.locale != "en" && f.locale != "es") {
      for (const char* addr : {"http", "www", ".org", ".edu", ".gov", ".com"}) CHECK(f.body.find(addr) == std::string::npos);
      continue;
    }
    const bool es = f.locale == "es";
    const std::string& b = f.body;
    const bool names_them = b.find("Children's Page") != std::string::npos || b.find(es ? "folleto" : "booklet") != std::string::npos;
    if (!names_them) continue;
    ++pages;
    INFO(f.path);
    CHECK(b.find(es ? "sitio web de la Iniciativa CIP" : "website") != std::string::npos);
    CHECK(b.find(es ? "Iniciativa CIP" : "CIP Initiative") != std::string::npos);
    CHECK(b.find("IMRP") != std::string::npos);
    // the source gives no web address: the kiosk invents none
    for (const char* addr : {"http", "www", ".org", ".edu", ".gov", ".com"}) CHECK(b.find(addr) == std::string::npos);
  }
  CHECK(pages >= 10);  // five pages, English and Spanish
}
