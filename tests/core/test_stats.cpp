// Usage statistics keep nothing of a person: from a search that found nothing,
// only words the content or the language's dictionary knows (not names), never
// a number in any script; counts are written in batches by a writer thread.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "stats/dictionary.h"
#include "content/search.h"
#include "content/sqlite.h"
#include "stats/stats.h"
#include "content/store.h"
#include "fixtures.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {
// What the statistics keep of `typed`, searched in `locale` on the real content.
struct Kept {
  std::unique_ptr<content::Store> store;
  std::unique_ptr<content::Search> search;
  std::unique_ptr<stats::Dictionary> dict;
  explicit Kept(const std::string& locale, bool with_dictionary = true) {
    store = content::Store::open(test::real_db()).value;
    REQUIRE(store);
    search = std::make_unique<content::Search>(*store, locale);
    if (with_dictionary) {
      auto opened = stats::Dictionary::open(locale, "/usr/share/hunspell");
      INFO(opened.why);
      dict = std::move(opened.value);
      REQUIRE(dict);
    }
  }
  std::string operator()(const std::string& typed) {
    auto words = stats::search_words(typed, search->locale(), [&](const std::string& w) { return search->knows(w); });
    return stats::keep_known(words, dict.get());
  }
};
}  // namespace

TEST_CASE("a search that found nothing keeps only known words: no name typed in lowercase, no number in any script", "[stats]") {
  SECTION("English") {
    Kept kept("en");
    // names as the on-screen keyboard types them: lowercase
    CHECK(kept("maria lopez") == "");            // "maria" is also Latin for seas; "Maria" is a name
    CHECK(kept("keisha jones") == "");           // only "Keisha" and "Jones" in the dictionary
    CHECK(kept("zzqx kowalski brzezinski") == "");
    CHECK(kept("rose white") == "");             // words, but also names ("Rose", "White")
    CHECK(kept("Maria Lopez") == "");            // from a physical keyboard, capitalised
    // numbers in any script, and spelled out
    CHECK(kept("٨٦٠٥٥٥١٢٣٤") == "");             // Arabic-Indic digits
    CHECK(kept("８６０５５５") == "");            // full-width digits
    CHECK(kept("۸۶۰ ५५५ ①②③ 八六〇") == "");       // Persian, Devanagari, circled, CJK numerals
    CHECK(kept("eight six zero five five five") == "");
    CHECK(kept("call 860-555-0199 or me@example.org") == "call or");
    CHECK(kept("my docket fa-19-6012345 john") == "my docket");
    CHECK(kept("umbrella٨٦٠ custody") == "custody");  // a word with a digit goes whole
    // mixed scripts: a Cyrillic name, a Latin name with a Cyrillic "о"
    CHECK(kept("custody мария") == "custody");
    CHECK(kept("jоnes") == "");
    // what a worried parent really asks is kept, folded as search compares it
    CHECK(kept("custody") == "custody");
    CHECK(kept("custody for maria lopez") == "custody for");
    CHECK(kept("umbrella") == "umbrella");       // the dictionary's word, not the content's
    CHECK(kept("Can't pay my arrears?") == "cant pay my arrears");
    CHECK(kept("hartford") == "hartford");       // a place the content names (only "Hartford" in the dictionary)
    CHECK(kept("will") == "will");               // also "Will", but a word of the content
    CHECK(kept("baby daddy") == "baby daddy");   // words of a synonym
  }
  SECTION("Spanish") {
    Kept kept("es");
    CHECK(kept("maría lópez") == "");            // "maría" is a word in Spain, and "María" a name
    CHECK(kept("maria lopez") == "");
    CHECK(kept("keisha jones") == "");
    CHECK(kept("ocho seis cero cinco") == "");
    CHECK(kept("٨٦٠٥٥٥١٢٣٤ ８６０５５５") == "");
    CHECK(kept("modificación") == "modificacion");
    CHECK(kept("pensión alimenticia") == "pension alimenticia");
    CHECK(kept("paraguas") == "paraguas");
    CHECK(kept("el paraguas de maría") == "el paraguas de");
  }
  SECTION("no dictionary: only the content's own words count") {
    auto none = stats::Dictionary::open("en", "/nonexistent");
    REQUIRE_FALSE(none.value);
    CHECK(none.why.find("en_US.dic") != std::string::npos);
    Kept kept("en", false);
    CHECK(kept("umbrella") == "");
    CHECK(kept("custody for umbrella") == "custody for");
    CHECK(kept("maria lopez") == "");
  }
  SECTION("at most 80 bytes, of whole words") {
    Kept kept("en");
    std::string typed;
    for (int i = 0; i < 20; ++i) typed += "custody ";
    const std::string k = kept(typed);
    CHECK(k.size() <= 80);
    CHECK(k.size() > 70);
    CHECK(k.back() == 'y');
  }
}

TEST_CASE("statistics keep counts by the hour, written in one batch off the caller's thread", "[stats]") {
  test::TempDir d;
  const std::string file = (d.path / "stats.db").string();
  auto st = stats::Stats::open(file).value;
  REQUIRE(st);
  const int64_t t = 1795364400;  // 2026-11-22 16:20 UTC
  Kept kept("en");  // opened first: the counts below come in one burst, as a visitor's do
  for (int i = 0; i < 14; ++i) REQUIRE(st->count("screen", i % 2 ? "offices" : "faq", t + i));
  auto words = stats::search_words("my docket FA-19-6012345 john", "en", [&](const std::string& w) { return kept.search->knows(w); });
  REQUIRE(st->count_search_none("en", words, t));
  REQUIRE(st->count_search_none("en", stats::search_words("11111 22222", "en", {}), t));  // nothing left: not stored
  REQUIRE(st->count("search-none", "maria lopez", t));  // a search as raw text is never stored
  REQUIRE(st->flush().empty());
  CHECK(st->batches_written() == 1);  // 16 counts, one transaction
  const std::string csv = st->csv();
  INFO(csv);
  CHECK(csv.find("2026-11-22T16,screen,\"offices\",7") != std::string::npos);
  CHECK(csv.find("2026-11-22T16,search-none,\"my docket\",1") != std::string::npos);
  CHECK(csv.find("maria") == std::string::npos);
  REQUIRE(st->count("screen", "offices", t + 3600));  // the next hour: its own row, the same total
  auto top = st->totals(1);
  REQUIRE(top.size() == 1);
  CHECK(top[0] == std::pair<std::string, int64_t>{"screen offices", 8});
  // the file is in WAL mode: a commit does not wait for the disk
  {
    content::Db other(file, content::Db::Mode::ReadOnly);
    content::Stmt jm(other, "PRAGMA journal_mode");
    REQUIRE(jm.step());
    CHECK(jm.text(0) == "wal");
  }
  // no digit in any stored key (only in the hour and the count columns)
  const std::regex quoted("\"[^\"]*\"");
  for (auto it = std::sregex_iterator(csv.begin(), csv.end(), quoted); it != std::sregex_iterator(); ++it)
    for (char c : it->str()) REQUIRE_FALSE(std::isdigit(static_cast<unsigned char>(c)));
  // what is queued when the kiosk stops is written
  REQUIRE(st->count("screen", "kids", t));
  st.reset();
  // at rest a plain database again: readable by anyone who may read it, nothing beside it
  CHECK_FALSE(fs::exists(file + "-wal"));
  CHECK_FALSE(fs::exists(file + "-shm"));
  {
    content::Db other(file, content::Db::Mode::ReadOnly);
    content::Stmt jm(other, "PRAGMA journal_mode");
    REQUIRE(jm.step());
    CHECK(jm.text(0) == "delete");
  }
  st = stats::Stats::open(file).value;
  REQUIRE(st);
  CHECK(st->csv().find(",screen,\"kids\",1") != std::string::npos);
  // an unwritable file is refused with a reason, and the kiosk carries on without
  auto bad = stats::Stats::open("/proc/nope/stats.db");
  REQUIRE_FALSE(bad.value);
  REQUIRE_FALSE(bad.why.empty());
}

TEST_CASE("a statistics file from before known words were required loses its searches, and their bytes", "[stats]") {
  test::TempDir d;
  const std::string file = (d.path / "stats.db").string();
  {
    content::Db old(file, content::Db::Mode::ReadWriteCreate);  // as the old kiosk wrote it
    old.exec("CREATE TABLE counts(hour TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
             " n INTEGER NOT NULL, PRIMARY KEY(hour, kind, key)) WITHOUT ROWID");
    old.exec("INSERT INTO counts VALUES('2026-11-22T16', 'search-none', 'keisha jones', 1),"
             " ('2026-11-22T16', 'search-none', 'maria lopez', 2), ('2026-11-22T16', 'screen', 'offices', 3)");
  }
  REQUIRE(test::read(file).find("keisha jones") != std::string::npos);
  {
    auto st = stats::Stats::open(file).value;
    REQUIRE(st);
    const std::string csv = st->csv();
    CHECK(csv.find("screen,\"offices\",3") != std::string::npos);
    CHECK(csv.find("search-none") == std::string::npos);
  }
  for (const auto& e : fs::directory_iterator(d.path)) {
    const std::string bytes = test::read(e.path().string());
    INFO(e.path());
    CHECK(bytes.find("keisha") == std::string::npos);
    CHECK(bytes.find("maria lopez") == std::string::npos);
  }
}

TEST_CASE("a write that fails stops counting, and flush and the log say why", "[stats]") {
  test::TempDir d;
  const std::string file = (d.path / "stats.db").string();
  stats::Stats::Options o;
  o.batch_ms = 0;
  auto st = stats::Stats::open(file, o).value;
  REQUIRE(st);
  REQUIRE(st->count("screen", "home", 1795364400));
  REQUIRE(st->flush().empty());
  {
    // another writer holds the file: the next batch cannot be written
    content::Db other(file, content::Db::Mode::ReadWriteCreate);
    other.exec("BEGIN EXCLUSIVE");
    REQUIRE(st->count("screen", "offices", 1795364400));
    const std::string why = st->flush();
    INFO(why);
    REQUIRE_FALSE(why.empty());
    bool said = false;
    for (const auto& m : st->take_messages())
      said = said || m == "usage statistics could not be written, counting stops: " + why;
    CHECK(said);
    other.exec("ROLLBACK");
  }
  CHECK_FALSE(st->count("screen", "kids", 1795364400));  // stopped for good
  CHECK(st->flush() == st->flush());                     // and says the same reason again
  CHECK_FALSE(st->flush().empty());
}
