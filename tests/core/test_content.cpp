// Content pipeline: validator messages with file:line, deterministic build,
// refusing broken databases, the facts of the sources, and search ranking.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "content/markdown.h"
#include "content/schema.h"
#include "content/search.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "fixtures.h"
#include "i18n/catalog.h"
#include "tools/lib/model.h"
#include "tools/lib/search_check.h"

using namespace kiosk;
using test::all;
using test::has;
namespace fs = std::filesystem;

const std::string& test::real_db() {
  static TempDir dir;
  static std::string path;
  if (path.empty()) {
    std::vector<tools::Diag> diags;
    auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
    tools::validate(set, diags);
    for (auto& d : diags) FAIL(d.str());
    path = (dir.path / "content.db").string();
    REQUIRE(tools::build_database(set, path).empty());
  }
  return path;
}

namespace {

const char* kSources = R"([[source]]
file = "002_655b8a153c870c4a.txt"
title = "Brief guide"
date = "2024-10"
)";
const char* kTopic = "+++\ntitle = \"Applying\"\nicon = \"apply\"\norder = 1\nsource = \"002_655b8a153c870c4a.txt\"\n"
                     "source_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\nHow to apply.\n";
std::string faq(const std::string& extra, const std::string& body = "Call the **call center**.") {
  return "+++\nquestion = \"How do I apply?\"\ntopic = \"apply\"\n" + extra +
         "source = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\n" + body + "\n";
}
const char* kPo = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                  "msgid \"n\"\nmsgstr \"{count, plural, one {# result} other {# results}}\"\n\n"
                  "msgid \"keyboard.rows\"\nmsgstr \"qwertyuiop|asdfghjkl|zxcvbnm\"\n";

// Messages of validating a fixture folder with the given extra files, after
// `tweak` (optional) did what a file of its own cannot (a folder in a file's place).
std::vector<std::string> problems(const std::map<std::string, std::string>& files,
                                  const std::function<void(const fs::path&)>& tweak = nullptr) {
  test::TempDir d;
  d.file("content/sources.toml", kSources);
  d.file("content/topics/apply.en.md", kTopic);
  d.file("locales/en.po", kPo);
  for (const auto& [k, v] : files) d.file(k, v);
  if (tweak) tweak(d.path);
  return test::validation_messages(d.path);
}
}  // namespace

TEST_CASE("a valid fixture has no problems", "[content]") {
  auto p = problems({{"content/faq/apply-how.en.md", faq("")}});
  INFO(all(p));
  REQUIRE(p.empty());
}

TEST_CASE("each validator error names file and line", "[content]") {
  SECTION("unknown field") {
    auto p = problems({{"content/faq/apply-how.en.md", faq("questoin = \"x\"\n")}});
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.en.md:4: unknown setting 'questoin'"));
  }
  SECTION("duplicate id") {
    auto p = problems({{"content/faq/apply-how.en.md", faq("")}, {"content/kids/apply-how.en.md", faq("")}});
    INFO(all(p));
    REQUIRE(has(p, "duplicate id 'apply-how'"));
  }
  SECTION("dangling reference") {
    auto p = problems({{"content/faq/apply-how.en.md", faq("related = [\"no-such-item\"]\n")}});
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.en.md:4: 'no-such-item' in related does not match any item id"));
  }
  SECTION("topic that does not exist") {
    auto t = faq("");
    t.replace(t.find("\"apply\""), 7, "\"nope\"");
    auto p = problems({{"content/faq/apply-how.en.md", t}});
    REQUIRE(has(p, "content/faq/apply-how.en.md:3: topic 'nope' does not exist"));
  }
  SECTION("missing English") {
    auto p = problems({{"content/faq/other.es.md", "+++\nquestion = \"¿Cómo?\"\n+++\nTexto.\n"}});
    INFO(all(p));
    REQUIRE(has(p, "content/faq/other.es.md:1: missing English"));
  }
  SECTION("a translation may not change facts fields") {
    auto p = problems({{"content/faq/apply-how.en.md", faq("")},
                       {"content/faq/apply-how.es.md", "+++\nquestion = \"¿Cómo?\"\ntopic = \"apply\"\n+++\nTexto.\n"}});
    REQUIRE(has(p, "content/faq/apply-how.es.md:3: 'topic' is only set in the English file"));
  }
  SECTION("malformed phone and ZIP") {
    std::string office =
        "+++\nagency = \"SES\"\nname = \"Bridgeport\"\nstreet = \"172 Golden Hill Street\"\ntown = \"Bridgeport\"\n"
        "zip = \"6604\"\nphones = [\"203-579-659\"]\nsource = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\n"
        "review_by = 2027-10-01\n+++\nCourt-based enforcement.\n";
    auto p = problems({{"content/offices/ses-bridgeport.en.md", office}});
    INFO(all(p));
    REQUIRE(has(p, "content/offices/ses-bridgeport.en.md:6: '6604' is not a ZIP code"));
    REQUIRE(has(p, "content/offices/ses-bridgeport.en.md:7: '203-579-659' does not look like a phone number"));
  }
  SECTION("Markdown outside the subset, on its own line") {
    auto p = problems({{"content/faq/apply-how.en.md", faq("", "First line.\n\n# A heading\n\nA [link](http://x).")}});
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.en.md:10: Markdown outside the supported subset: a heading"));
    REQUIRE(has(p, "content/faq/apply-how.en.md:12: Markdown outside the supported subset: a link"));
  }
  SECTION("source date must match sources.toml") {
    auto t = faq("");
    t.replace(t.find("\"2024-10\""), 9, "\"2006-06\"");
    auto p = problems({{"content/faq/apply-how.en.md", t}});
    REQUIRE(has(p, "content/faq/apply-how.en.md:5: source_date is \"2006-06\" but sources.toml gives \"2024-10\""));
  }
  SECTION("a PO message that is not valid MessageFormat") {
    auto p = problems({{"locales/es.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                         "msgid \"n\"\nmsgstr \"{count, plural, one {# resultado}\"\n"}});
    INFO(all(p));
    REQUIRE(has(p, "es.po:5: message 'n' is not a valid message pattern"));
  }
  SECTION("placeholders that differ between locales") {
    auto p = problems({{"locales/es.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                         "msgid \"n\"\nmsgstr \"{total} resultados\"\n"}});
    INFO(all(p));
    REQUIRE(has(p, "es.po:5: message 'n' uses placeholders {total} but English uses {count}"));
  }
  SECTION("a translation whose phone number or fee differs from English") {
    const std::string en = faq("", "Call the **call center**.\n\nOr call 1-800-228-KIDS (5437). The fee is $35 a year.");
    auto p = problems({{"content/faq/apply-how.en.md", en},
                       {"content/faq/apply-how.es.md", "+++\nquestion = \"¿Cómo hago la solicitud?\"\n+++\n"
                                                       "Llame al **centro de llamadas**.\n\n"
                                                       "O llame al 1-800-228-KIDS (5438). La cuota es de $35 al año.\n"}});
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.es.md:6: the text after the second +++ has 5438 where English "
                   "(content/faq/apply-how.en.md) has 5437"));
    auto fee = problems({{"content/faq/apply-how.en.md", faq("", "Is the fee $35?")},
                         {"content/faq/apply-how.es.md", "+++\nquestion = \"¿Cómo hago la solicitud?\"\n+++\n¿La cuota es de $25?\n"}});
    INFO(all(fee));
    REQUIRE(has(fee, "content/faq/apply-how.es.md:4: the text after the second +++ has 25 where English"));
    auto question = problems({{"content/faq/apply-how.en.md", faq("")},
                              {"content/faq/apply-how.es.md", "+++\nquestion = \"¿Cuesta $25 solicitar?\"\n+++\nTexto.\n"}});
    INFO(all(question));
    REQUIRE(has(question, "content/faq/apply-how.es.md:2: 'question' has 25, which English (content/faq/apply-how.en.md) does not"));
    // the same numbers in another order are the same facts
    auto same = problems({{"content/faq/apply-how.en.md", faq("", "Call 860-569-6233 or 7-1-1. The fee is $35.")},
                          {"content/faq/apply-how.es.md", "+++\nquestion = \"¿Cómo?\"\n+++\nLa cuota es de $35. Llame al 7-1-1 o al 860-569-6233.\n"}});
    INFO(all(same));
    REQUIRE(same.empty());
    // a locale that writes its own digits: Arabic-Indic ٣٥ is 35, and ٣٦ is not
    auto arabic = [&](const std::string& body) {
      return problems({{"content/faq/apply-how.en.md", faq("", "The fee is $35.")},
                       {"content/faq/apply-how.ar.md", "+++\nquestion = \"كيف أقدّم الطلب؟\"\n+++\n" + body + "\n"}});
    };
    auto eastern = arabic("الرسوم ٣٥ دولارًا.");
    INFO(all(eastern));
    REQUIRE(eastern.empty());
    auto wrong = arabic("الرسوم ٣٦ دولارًا.");
    INFO(all(wrong));
    REQUIRE(has(wrong, "content/faq/apply-how.ar.md:4: the text after the second +++ has 36 where English"));
  }
  SECTION("a UI string whose phone number differs from English") {
    const std::string call = "\nmsgid \"call\"\nmsgstr \"Call 1-800-228-KIDS (5437).\"\n";
    auto p = problems({{"locales/en.po", std::string(kPo) + call},
                       {"locales/es.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                         "msgid \"n\"\nmsgstr \"{count, plural, =0 {Ningún resultado} one {# resultado} other {# resultados}}\"\n\n"
                                         "msgid \"call\"\nmsgstr \"Llame al 1-800-228-KIDS (5438).\"\n"}});
    INFO(all(p));
    REQUIRE(has(p, "locales/es.po:8: message 'call' has 5438 where English (locales/en.po) has 5437"));
    REQUIRE(!has(p, "message 'n'"));  // "=0 {...}" is a plural case, not a fact
  }
  SECTION("a locale file that cannot be read, no locales folder, no English UI strings") {
    // a link to nowhere (also unreadable for root, where chmod 000 still reads) gave "ok" and no Spanish
    auto gone = problems({}, [](const fs::path& root) { fs::create_symlink(root / "moved/es.po", root / "locales/es.po"); });
    INFO(all(gone));
    REQUIRE(has(gone, "locales/es.po:0: cannot be read (No such file or directory)"));
    auto p = problems({}, [](const fs::path& root) { fs::create_directories(root / "locales/es.po"); });
    INFO(all(p));
    REQUIRE(has(p, "locales/es.po:0: cannot be read (a folder, not a file"));
    auto none = problems({}, [](const fs::path& root) { fs::remove_all(root / "locales"); });
    INFO(all(none));
    REQUIRE(has(none, "locales:0: the folder of UI strings (locales/*.po) does not exist"));
    auto no_en = problems({{"locales/es.po", kPo}}, [](const fs::path& root) { fs::remove(root / "locales/en.po"); });
    INFO(all(no_en));
    REQUIRE(has(no_en, "locales/en.po:0: missing: the English UI strings"));
  }
  SECTION("text that is not UTF-8, at its line") {
    auto p = problems({{"content/faq/apply-how.en.md", faq("", "First line.\n\nThe fee is \xff$35 a year.")},
                       {"locales/es.po", std::string(kPo) + "\nmsgid \"x\"\nmsgstr \"caf\xe9\"\n"}});
    INFO(all(p));
    REQUIRE(has(p, "content/faq/apply-how.en.md:10: not UTF-8 text (byte 0xFF at character 12)"));
    REQUIRE(has(p, "locales/es.po:12: not UTF-8 text (byte 0xE9 at character 12)"));
  }
  SECTION("a UI string ICU parses but cannot format") {
    auto p = problems({{"locales/es.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                         "msgid \"n\"\nmsgstr \"{count, numero} resultados\"\n"}});
    INFO(all(p));
    REQUIRE(has(p, "es.po:5: message 'n' is not a message ICU can format"));
  }
  SECTION("a broken settings block") {
    auto p = problems({{"content/faq/apply-how.en.md", faq("keywords = [\"a\", \n")}});
    REQUIRE(has(p, "content/faq/apply-how.en.md:"));
    REQUIRE(has(p, "cannot read the settings"));
  }
}

TEST_CASE("validate writes nothing and build is deterministic and atomic", "[content]") {
  test::TempDir d;
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  tools::validate(set, diags);
  REQUIRE(diags.empty());
  std::string a = (d.path / "a.db").string(), b = (d.path / "b.db").string();
  REQUIRE(tools::build_database(set, a).empty());
  REQUIRE(tools::build_database(set, b).empty());
  REQUIRE(test::read(a) == test::read(b));
  REQUIRE(test::read(a).size() > 10000);
  // no temporary file is left behind
  int files = 0;
  for (auto& e : fs::directory_iterator(d.path)) { (void)e; ++files; }
  REQUIRE(files == 2);
  content::Db db(a, content::Db::Mode::ReadOnly);
  REQUIRE(db.user_version() == content::kSchemaVersion);
}

TEST_CASE("the content version is the content: each kind of edit changes it, the folder does not", "[content][version]") {
  test::TempDir d;
  // a copy of the sources, edited by `edit` (file under the copy, text, replacement)
  auto version = [&](const std::string& name, const std::string& file = "", const std::string& from = "",
                     const std::string& to = "") {
    const fs::path root = d.path / name;
    fs::create_directories(root);
    fs::copy(KIOSK_SOURCE_DIR "/content", root / "content", fs::copy_options::recursive);
    fs::copy(KIOSK_SOURCE_DIR "/locales", root / "locales", fs::copy_options::recursive);
    if (!file.empty()) {
      std::string text = test::read((root / file).string());
      const size_t at = text.find(from);
      REQUIRE(at != std::string::npos);
      text.replace(at, from.size(), to);
      std::ofstream(root / file, std::ios::binary | std::ios::trunc) << text;
    }
    std::vector<tools::Diag> diags;
    auto set = tools::load_content((root / "content").string(), (root / "locales").string(), diags);
    tools::validate(set, diags);
    for (const auto& x : diags) INFO(x.str());
    REQUIRE(diags.empty());
    const std::string db = (root / "content.db").string();
    REQUIRE(tools::build_database(set, db).empty());
    return content::Store::open(db).value->info().content_hash;
  };
  const std::string base = version("a");
  REQUIRE(base.size() == 16);
  CHECK(version("elsewhere/deeper/b") == base);  // the same sources in another folder
  CHECK(version("phone", "content/contacts/cip.en.md", "832-1878", "832-1879") != base);
  CHECK(version("step", "content/guides/apply.en.md", "so call the office first.", "so call the office before you go.") != base);
  CHECK(version("synonym", "content/synonyms/en.toml", "\"behind bars\"", "\"behind bars\", \"in custody\"") != base);
  CHECK(version("ui", "locales/en.po", "How can we help you today?", "How can we help you?") != base);
}

TEST_CASE("a broken or foreign database is refused with a reason", "[content]") {
  test::TempDir d;
  SECTION("missing") {
    auto r = content::Store::open((d.path / "none.db").string());
    REQUIRE_FALSE(r.value);
    REQUIRE(r.why.find("none.db") != std::string::npos);
  }
  SECTION("wrong schema version") {
    std::string p = (d.path / "v.db").string();
    fs::copy_file(test::real_db(), p);
    { content::Db db(p, content::Db::Mode::ReadWriteCreate); db.exec("PRAGMA user_version = 99"); }
    auto r = content::Store::open(p);
    REQUIRE_FALSE(r.value);
    REQUIRE(r.why.find("schema version 99") != std::string::npos);
  }
  SECTION("truncated") {
    std::string bytes = test::read(test::real_db());
    std::string p = d.file("t.db", bytes.substr(0, bytes.size() / 3));
    auto r = content::Store::open(p);
    REQUIRE_FALSE(r.value);
    INFO(r.why);
    REQUIRE(!r.why.empty());
  }
  SECTION("not a database") {
    std::string p = d.file("g.db", std::string(8192, 'x'));
    auto r = content::Store::open(p);
    REQUIRE_FALSE(r.value);
    REQUIRE(!r.why.empty());
  }
}

namespace {
std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream ss(test::read(path));
  std::string line;
  std::getline(ss, line);  // header
  while (std::getline(ss, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      size_t t = line.find('\t', pos);
      cols.push_back(line.substr(pos, t == std::string::npos ? t : t - pos));
      if (t == std::string::npos) break;
      pos = t + 1;
    }
    rows.push_back(cols);
  }
  return rows;
}
}  // namespace

TEST_CASE("every office of the sources is present with its exact phone and street", "[content][facts]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  auto offices = store->items("office");
  std::map<std::string, int> per_agency;
  for (const auto& o : offices) per_agency[o.value("agency")]++;
  // The table was written from ../shared/seeds by hand, not from content/.
  auto rows = read_tsv(KIOSK_SOURCE_DIR "/tests/data/source_offices.tsv");
  REQUIRE(rows.size() == 27);
  for (const auto& r : rows) {
    const std::string &agency = r[0], &name = r[1], &street = r[2], &town = r[3], &zip = r[4], &phone = r[5];
    INFO(agency << " " << name << " " << phone);
    auto it = std::find_if(offices.begin(), offices.end(), [&](const content::Item& o) {
      return o.value("agency") == agency && std::find(o.list("phones").begin(), o.list("phones").end(), phone) != o.list("phones").end();
    });
    REQUIRE(it != offices.end());
    REQUIRE(it->value("street").rfind(street, 0) == 0);  // "287 Main Street, 3rd Floor" starts with "287 Main Street"
    REQUIRE(it->value("town") == town);
    if (!zip.empty()) REQUIRE(it->value("zip") == zip);
  }
  REQUIRE(per_agency["SES"] == 14);
  REQUIRE(per_agency["OCSS"] == 12);
  REQUIRE(per_agency["CIP"] == 1);
}

TEST_CASE("every phone line of the sources is present exactly", "[content][facts]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  std::map<std::string, std::string> ids = {{"call-center", "call-center"}, {"payment-line", "payment-line"},
                                            {"tdd-tty", "tdd-tty"}, {"relay", "relay-711"},
                                            {"info", "info-211"}, {"cip", "cip"}};
  for (const auto& r : read_tsv(KIOSK_SOURCE_DIR "/tests/data/source_phone_lines.tsv")) {
    INFO(r[0]);
    auto item = store->item(ids.at(r[0]));
    REQUIRE(item);
    REQUIRE(item->kind == "contact");
    REQUIRE(item->list("phone").size() == 1);
    REQUIRE(item->value("phone") == r[1]);
  }
}

TEST_CASE("the newest source wins: the annual fee is $35, never $25", "[content][facts]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  content::Stmt st(store->db(), "SELECT id, value FROM texts WHERE locale = 'en'");
  bool has35 = false;
  while (st.step()) {
    INFO(st.text(0));
    REQUIRE(st.text(1).find("$25") == std::string::npos);
    has35 |= st.text(1).find("$35") != std::string::npos;
  }
  REQUIRE(has35);
}

TEST_CASE("visitor-style questions find the right item, in English and Spanish", "[content][search]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  const std::string locale = GENERATE(as<std::string>(), "en", "es");
  content::Search search(*store, locale);
  // query -> an id that must be among the first three results
  auto rows = read_tsv(KIOSK_SOURCE_DIR "/tests/data/search_" + locale + ".tsv");
  REQUIRE(rows.size() >= 15);
  for (const auto& r : rows) {
    auto resp = search.query(r[0], 3);
    std::string got;
    for (auto& x : resp.results) got += x.id + " ";
    INFO("query \"" << r[0] << "\" expected " << r[1] << " in top 3, got: " << got << " match: " << resp.match);
    REQUIRE(std::any_of(resp.results.begin(), resp.results.end(), [&](auto& x) { return x.id == r[1]; }));
  }
}

TEST_CASE("worried sentences find an answer in the top 3 for 95 % of each language's table", "[content][search][worried]") {
  // tests/data/worried_<locale>.tsv: questions written by someone who had not
  // seen the content, as people type them on a kiosk; the third column, the
  // items that answer each, chosen by reading the content.
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  const std::string locale = GENERATE(as<std::string>(), "en", "es");
  auto [cases, problems] = tools::read_search_cases(KIOSK_SOURCE_DIR "/tests/data/worried_" + locale + ".tsv");
  INFO(problems);
  REQUIRE(problems.empty());
  REQUIRE(cases.size() >= 100);
  content::Search search(*store, locale);
  auto r = tools::search_check(*store, search, cases, 3);
  WARN(r.report(locale, 3));  // the figure and every miss, in the test's output
  CHECK(r.unknown.empty());
  CHECK(r.percent() >= 95.0);
}

TEST_CASE("a parent in jail: the kids' pages and the prison pages come before contempt and enforcement", "[content][search][worried]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  for (auto [locale, q] : {std::pair{"en", "dad is in jail"}, {"en", "my mom is locked up"}, {"es", "mi papa esta preso"},
                           {"es", "mi mamá está en la cárcel"}}) {
    content::Search search(*store, locale);
    auto r = search.query(q, 40);
    std::string got;
    for (auto& x : r.results) got += x.id + " ";
    INFO(locale << " \"" << q << "\": " << got);
    // the first page that says "jail" as a punishment for not paying
    size_t first_punishment = r.results.size();
    for (size_t i = 0; i < r.results.size(); ++i)
      if (r.results[i].id.rfind("contempt-", 0) == 0 || r.results[i].id.rfind("enforce-", 0) == 0) {
        first_punishment = i;
        break;
      }
    // every kids' page, the prison guide and the prison questions are found, all above it
    std::vector<std::string> must = {"incarcerated", "prison-order", "prison-change"};
    for (const auto& k : store->items("kids")) must.push_back(k.id);
    REQUIRE(must.size() >= 12);
    for (const auto& id : must) {
      INFO(id);
      auto at = std::find_if(r.results.begin(), r.results.end(), [&](auto& x) { return x.id == id; });
      REQUIRE(at != r.results.end());
      CHECK(static_cast<size_t>(at - r.results.begin()) < first_punishment);
    }
    // and what comes first is written for a child or about a parent in prison
    const std::string& top = r.results.at(0).id;
    CHECK((top.rfind("kids-", 0) == 0 || top.rfind("teens-", 0) == 0 || top.rfind("caregivers-", 0) == 0 ||
           top == "incarcerated" || top.rfind("prison-", 0) == 0 || top == "cip-kids"));
  }
}

TEST_CASE("result snippets keep whole words, numbers and apostrophes as the answer says them", "[content][search][snippet]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  content::Search search(*store, "en");
  auto squeeze = [](const std::string& s) {  // the body's words with single spaces, as a snippet joins them
    std::string out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out += (out.empty() ? "" : " ") + w;
    return out;
  };
  const std::string dots = "…";
  std::map<std::string, std::string> snippet_of;
  for (const char* q : {"35 dollar fee", "can't pay", "childrens page", "other parent's income", "cant work"}) {
    for (const auto& r : search.query(q, 10).results) {
      if (r.kind != "faq" && r.kind != "kids") continue;
      INFO(q << " -> " << r.id << ": " << r.snippet);
      REQUIRE_FALSE(r.snippet.empty());
      snippet_of.emplace(r.id, r.snippet);
      std::string core = r.snippet;
      const bool cut_before = core.rfind(dots, 0) == 0, cut_after = core.size() >= dots.size() && core.compare(core.size() - dots.size(), dots.size(), dots) == 0;
      if (cut_before) core.erase(0, dots.size());
      if (cut_after) core.erase(core.size() - dots.size());
      const std::string body = squeeze(content::markdown_plain(store->text(r.id, "body", "en")));
      const size_t at = body.find(core);
      REQUIRE(at != std::string::npos);                        // the answer's own words, apostrophes and all
      CHECK((at == 0 || body[at - 1] == ' '));                 // starting where a word starts
      CHECK((at + core.size() == body.size() || body[at + core.size()] == ' '));  // ending where one ends
      CHECK(cut_before == (at != 0));
      CHECK(cut_after == (at + core.size() != body.size()));
    }
  }
  // the fee answer's snippet says the fee, "$" and all
  REQUIRE(snippet_of.count("apply-fee"));
  CHECK(snippet_of["apply-fee"].find("$35") != std::string::npos);
  REQUIRE(snippet_of.count("kids-childrens-page"));
  CHECK(snippet_of["kids-childrens-page"].find("Children's") != std::string::npos);
  // a hit far into a text: cut between words only, never inside "$35" or "can't"
  const std::string text =
      "Start here and read every line of this first sentence slowly, because it is long on purpose and says nothing "
      "much at all. If you can't pay the yearly fee of $35, call 1-800-228-KIDS (5437) and ask what else you can do.";
  for (const char* term : {"fee", "cant", "call", "ask"}) {
    const std::string snip = content::make_snippet(text, {term}, 60);
    INFO(term << ": " << snip);
    CHECK(snip.size() <= 60 + 2 * dots.size() + 20);
    std::string core = snip;
    if (core.rfind(dots, 0) == 0) core.erase(0, dots.size());
    if (core.size() >= dots.size() && core.compare(core.size() - dots.size(), dots.size(), dots) == 0) core.erase(core.size() - dots.size());
    REQUIRE(text.find(core) != std::string::npos);
    // every word of the snippet is a whole word of the text ("$35", not "35"; "can't", not "can")
    std::set<std::string> whole;
    std::istringstream tw(text);
    for (std::string word; tw >> word;) whole.insert(word);
    std::istringstream in(core);
    for (std::string word; in >> word;) CHECK(whole.count(word));
  }
  CHECK(content::make_snippet(text, {"cant"}, 60).find("can't pay the yearly fee of $35") != std::string::npos);
}

TEST_CASE("search never fails on odd input and offers did-you-mean", "[content][search]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  content::Search search(*store, "en");
  for (const char* q : {"\"", "AND OR NOT", "*", "(((", "NEAR(a b)", "col:val", "'; DROP TABLE items; --", "   ", "ñ", "日本"})
    REQUIRE_NOTHROW(search.query(q));
  auto r = search.query("prsion ");
  REQUIRE(r.did_you_mean == "prison");
  REQUIRE_FALSE(r.results.empty());
  SECTION("accents and case are optional") {
    REQUIRE(search.query("PRISON").results.size() == search.query("prison").results.size());
    content::Search es(*store, "es");
    for (auto [a, b] : {std::pair{"prisión", "prision"}, {"CÁRCEL", "carcel"}, {"manutención", "MANUTENCION"}}) {
      auto ra = es.query(a), rb = es.query(b);
      REQUIRE_FALSE(ra.results.empty());
      REQUIRE(ra.results.size() == rb.results.size());
      REQUIRE(ra.results[0].id == rb.results[0].id);
    }
  }
  SECTION("Spanish typos get a did-you-mean from the Spanish index") {
    content::Search es(*store, "es");
    auto found = es.query("carsel ");
    REQUIRE(found.did_you_mean == "carcel");
    REQUIRE_FALSE(found.results.empty());
  }
  SECTION("Spanish synonyms: cárcel finds what prisión finds") {
    content::Search es(*store, "es");
    auto a = es.query("cárcel ", 5), b = es.query("prisión ", 5);
    REQUIRE(a.results.size() == b.results.size());
    REQUIRE(a.results[0].id == b.results[0].id);
  }
  SECTION("results come from every kind") {
    std::set<std::string> kinds;
    for (const char* q : {"prison", "windsor", "payment line", "feelings", "apply"})
      for (auto& x : search.query(q, 10).results) kinds.insert(x.kind);
    REQUIRE(kinds.count("faq"));
    REQUIRE(kinds.count("office"));
    REQUIRE(kinds.count("contact"));
    REQUIRE(kinds.count("kids"));
    REQUIRE(kinds.count("guide"));
  }
}

TEST_CASE("with hundreds of matches, items with the words in their title still come first", "[content][search]") {
  // More matches than search scores one by one, so the candidate tiers decide.
  test::TempDir d;
  d.file("content/sources.toml", kSources);
  d.file("content/topics/apply.en.md", kTopic);
  d.file("locales/en.po", kPo);
  auto item = [](const std::string& question, const std::string& body) {
    return "+++\nquestion = \"" + question + "\"\ntopic = \"apply\"\nsource = \"002_655b8a153c870c4a.txt\"\n"
           "source_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\n" + body + "\n";
  };
  for (int i = 0; i < 600; ++i)
    d.file("content/faq/body-" + std::to_string(1000 + i) + ".en.md",
           item("Question number " + std::to_string(i), "This text mentions a payment once, in passing."));
  d.file("content/faq/zz-late-fee.en.md", item("Is there a fee for a late payment?", "Ask the office."));
  d.file("content/faq/zz-payment-where.en.md", item("Where does my payment go?", "To the state."));
  std::vector<tools::Diag> diags;
  auto set = tools::load_content((d.path / "content").string(), (d.path / "locales").string(), diags);
  tools::validate(set, diags);
  REQUIRE(all([&] { std::vector<std::string> v; for (auto& x : diags) v.push_back(x.str()); return v; }()).empty());
  REQUIRE(tools::build_database(set, (d.path / "c.db").string()).empty());
  auto store = content::Store::open((d.path / "c.db").string()).value;
  REQUIRE(store);
  content::Search search(*store, "en");
  for (const char* q : {"payment", "paym", "late payment"}) {
    auto r = search.query(q, 5);
    INFO(q);
    REQUIRE(r.results.size() >= 1);
    std::set<std::string> first;
    for (size_t i = 0; i < std::min<size_t>(2, r.results.size()); ++i) first.insert(r.results[i].id);
    REQUIRE(first.count("zz-late-fee"));
    if (std::string(q) != "late payment") REQUIRE(first.count("zz-payment-where"));
  }
}

TEST_CASE("a search table's header line is not a query, whatever its columns are called", "[search][worried]") {
  test::TempDir d;
  const std::string path = d.file("table.tsv", "query\twants\tids\ni moved\tnew address\tmoving-me|moved\n");
  auto [cases, why] = tools::read_search_cases(path);
  CHECK(why.empty());
  REQUIRE(cases.size() == 1);
  CHECK(cases[0].query == "i moved");
  CHECK(cases[0].ids == std::vector<std::string>{"moving-me", "moved"});
}
