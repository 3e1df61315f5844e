// Search in every language (issue 18): letters typed without their marks,
// Chinese split into words and found from pinyin, Portuguese and Arabic
// stemming, and each language's stop words and synonyms loaded.
#include <catch2/catch.hpp>

#include <algorithm>

#include "content/search.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "fixtures.h"
#include "i18n/text.h"

using namespace kiosk;

namespace {
std::string ids_of(const content::SearchResponse& r) {
  std::string out;
  for (const auto& x : r.results) out += x.id + " ";
  return out;
}
bool in_top(const content::SearchResponse& r, const std::string& id, size_t n = 3) {
  for (size_t i = 0; i < r.results.size() && i < n; ++i)
    if (r.results[i].id == id) return true;
  return false;
}
}  // namespace

TEST_CASE("letters that are not a letter with a mark fold as visitors type them", "[i18n][search-langs]") {
  REQUIRE(i18n::fold("Địa chỉ văn phòng") == "dia chi van phong");
  REQUIRE(i18n::fold("Płacić ALIMENTY, więzienie") == "placic alimenty, wiezienie");
  REQUIRE(i18n::words("Nie mogę płacić") == std::vector<std::string>{"nie", "moge", "placic"});
  // Arabic: without harakat, hamza or tatweel, and with Western digits
  REQUIRE(i18n::fold("أُسرة") == i18n::fold("اسرة"));
  REQUIRE(i18n::fold("محـكمة") == i18n::fold("محكمة"));
  REQUIRE(i18n::fold("٣٥ دولارًا") == "35 دولارا");
  // the index folds the same way, so its tokenizer never sees đ or ł
  REQUIRE(i18n::index_text("Đến văn phòng, mang giấy tờ") == "den van phong, mang giay to");
}

TEST_CASE("Chinese is split into words, in the index and in a question", "[i18n][search-langs]") {
  const auto ws = i18n::words("我的前夫不付抚养费");
  INFO([&] { std::string s; for (auto& w : ws) s += w + "|"; return s; }());
  // a word each, not one token for the whole run: 前夫, and 抚养费 as ICU's
  // dictionary has it (抚养 + 费, adjacent, as the synonyms' 抚养费 is split too)
  REQUIRE(ws.size() >= 4);
  REQUIRE(std::find(ws.begin(), ws.end(), "前夫") != ws.end());
  auto fy = std::find(ws.begin(), ws.end(), "抚养");
  REQUIRE(fy != ws.end());
  REQUIRE(fy + 1 != ws.end());
  REQUIRE(*(fy + 1) == "费");
  REQUIRE(i18n::words("抚养费") == std::vector<std::string>{"抚养", "费"});
  // the index gets a space between those words, and no other change
  REQUIRE(i18n::index_text("我的前夫不付抚养费。") == "我的 前夫 不 付 抚养 费 。");
  REQUIRE(i18n::index_text("SES 办公室") == "ses 办公 室");
}

TEST_CASE("Chinese words as toneless pinyin", "[i18n][search-langs]") {
  REQUIRE(i18n::pinyin_words("监狱") == "jianyu");
  REQUIRE(i18n::pinyin_words("抚养费", 3) == "fuyang fuyangfei fei");
  REQUIRE(i18n::pinyin_words("SES 残疾") == "canji");  // only the Chinese words
}

TEST_CASE("Chinese search finds a word inside a sentence, and from pinyin typed on the Latin keyboard", "[content][search][search-langs]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  content::Search zh(*store, "zh");
  REQUIRE(zh.locale() == "zh");
  // words inside a title's sentence, no spaces: "the other parent pays me
  // directly" (title 如果另一方父母直接付钱给我，怎么办？), where the index once
  // held the whole run as one token
  auto direct = zh.query("直接付钱 ", 3);
  INFO("直接付钱: " << ids_of(direct) << " match " << direct.match);
  REQUIRE(!direct.results.empty());
  REQUIRE(direct.results[0].id == "payments-direct-from-parent");
  // 残疾 (disability) typed as pinyin, which no synonym lists: found through
  // the pinyin of the items' keywords, what the characters find
  auto chars = zh.query("残疾 ", 3), latin = zh.query("canji ", 3);
  INFO("残疾: " << ids_of(chars) << "canji: " << ids_of(latin) << " match " << latin.match);
  REQUIRE(in_top(chars, "access-ada"));
  REQUIRE(in_top(latin, "access-ada"));
  REQUIRE(in_top(latin, "hard-injured"));
  REQUIRE(latin.did_you_mean.empty());  // a word, not a typo
  // while it is being typed too
  auto typing = zh.query("canj", 3);
  REQUIRE(!typing.results.empty());
  REQUIRE(typing.did_you_mean.empty());
}

TEST_CASE("Vietnamese and Polish without their marks find what the marks find", "[content][search][search-langs]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  content::Search vi(*store, "vi");
  // "địa chỉ" (address) typed without đ and tones: every item the marks find
  auto marked = vi.query("địa chỉ ", 40), plain = vi.query("dia chi ", 40);
  INFO("marked: " << ids_of(marked) << " plain: " << ids_of(plain) << " match " << plain.match);
  REQUIRE(plain.results.size() >= 10);
  REQUIRE(ids_of(plain) == ids_of(marked));
  REQUIRE(marked.did_you_mean.empty());
  auto offices = vi.query("dia chi van phong ", 3);
  INFO("dia chi van phong: " << ids_of(offices));
  REQUIRE(std::any_of(offices.results.begin(), offices.results.end(), [](auto& x) { return x.kind == "office"; }));
  content::Search pl(*store, "pl");
  auto placic = pl.query("nie moge placic alimentow ", 3), placic_marked = pl.query("nie mogę płacić alimentów ", 3);
  INFO("placic: " << ids_of(placic) << " płacić: " << ids_of(placic_marked));
  REQUIRE(in_top(placic, "hard-cant-pay"));
  REQUIRE(ids_of(placic) == ids_of(placic_marked));
  REQUIRE(placic.did_you_mean.empty());  // "placic" is how it is typed, not a typo of "płacic"
  auto prison = pl.query("wiezienie ", 3);
  INFO("wiezienie: " << ids_of(prison));
  REQUIRE((in_top(prison, "prison-order") || in_top(prison, "prison-change")));
}

TEST_CASE("Portuguese and Arabic are stemmed: another form of the word finds the item", "[content][search][search-langs]") {
  i18n::Stemmer pt("pt"), ar("ar"), pl("pl");
  REQUIRE(pt.active());
  REQUIRE(ar.active());
  REQUIRE(pt.stem("pensoes") == pt.stem("pensao"));
  REQUIRE(pt.stem("filhos") == pt.stem("filho"));
  REQUIRE(ar.stem(i18n::fold("السجن")) == ar.stem(i18n::fold("سجن")));
  REQUIRE(pl.stem("wiezieniu") == pl.stem("wiezienie"));
  REQUIRE(pl.stem("alimentow") == pl.stem("alimenty"));
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  content::Search pts(*store, "pt");
  // the content has "advogado" and "advogados"; "advogadas" is found by its
  // stem, not "corrected" to another word
  auto lawyer = pts.query("advogadas ", 3);
  INFO("advogadas: " << ids_of(lawyer) << " match " << lawyer.match << " did you mean " << lawyer.did_you_mean);
  REQUIRE(in_top(lawyer, "agencies-legal-advice"));
  REQUIRE(lawyer.did_you_mean.empty());
  auto pensions = pts.query("pensoes ", 3);
  INFO("pensoes: " << ids_of(pensions) << " did you mean " << pensions.did_you_mean);
  REQUIRE(!pensions.results.empty());
  REQUIRE(pensions.did_you_mean.empty());  // once "pessoas"
  content::Search ars(*store, "ar");
  // "بالمحكمة" (at the court), a form the content does not write, finds what "المحكمة" finds
  auto to_court = ars.query("بالمحكمة ", 3), court = ars.query("المحكمة ", 3);
  INFO("بالمحكمة: " << ids_of(to_court) << " المحكمة: " << ids_of(court) << " did you mean " << to_court.did_you_mean);
  REQUIRE(!to_court.results.empty());
  REQUIRE(to_court.did_you_mean.empty());
  REQUIRE(to_court.results[0].id == court.results[0].id);
}

TEST_CASE("every language's stop words and synonyms are loaded", "[content][search][search-langs]") {
  auto store = content::Store::open(test::real_db()).value;
  REQUIRE(store);
  for (const char* loc : {"en", "es", "pt", "pl", "ht", "zh", "vi", "ar"}) {
    INFO(loc);
    content::Stmt n(store->db(), "SELECT (SELECT count(*) FROM synonyms WHERE locale = ?1),"
                                 " (SELECT count(*) FROM stopwords WHERE locale = ?1)");
    n.bind(1, std::string(loc));
    REQUIRE(n.step());
    CHECK(n.integer(0) >= 50);
    CHECK(n.integer(1) >= 10);
    n.reset();  // no statement may run while a Search registers its functions
    content::Search s(*store, loc);
    REQUIRE(s.locale() == loc);  // its own index, not the English one
  }
  // a stop word is dropped and a synonym is searched: a Creole visitor's "papa
  // m nan prizon" is asked as "prizon" with its synonyms
  content::Search ht(*store, "ht");
  auto r = ht.query("papa m nan prizon ", 3);
  INFO(ids_of(r) << " match " << r.match);
  REQUIRE(r.match.find("\"m\"") == std::string::npos);
  REQUIRE(std::count(r.match.begin(), r.match.end(), '"') >= 4);
}
