// The usage report merges two kiosks' statistics, written by the real Stats
// writer: its CSV numbers are the sums, hours are local, the charts are real
// PNGs, and a file that is not a statistics file is refused with nothing written.
#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>

#include "fixtures.h"
#include "stats/stats.h"
#include "tools/lib/report.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {
// Seconds of a UTC time.
int64_t utc(int y, int mo, int d, int h, int mi = 0) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return static_cast<int64_t>(timegm(&tm));
}

struct Count {
  const char* kind;
  const char* key;
  int64_t at;
  int times;
};

std::string write_stats(const std::string& path, const std::vector<Count>& counts, const std::vector<std::pair<std::string, int64_t>>& searches) {
  std::string why;
  stats::Stats::Options o;
  o.batch_ms = 0;
  auto st = stats::Stats::open(path, &why, o);
  REQUIRE(st);
  for (const auto& c : counts)
    for (int i = 0; i < c.times; ++i) REQUIRE(st->count(c.kind, c.key, c.at));
  for (const auto& [typed, at] : searches)
    REQUIRE(st->count_search_none("en", stats::search_words(typed, "en", [](const std::string&) { return true; }), at));
  REQUIRE(st->flush());
  return path;
}

bool has_line(const std::string& text, const std::string& line) { return ("\n" + text).find("\n" + line + "\n") != std::string::npos; }

// A PNG: its signature, and more than a blank image's bytes.
bool real_png(const fs::path& p) {
  const std::string bytes = test::read(p.string());
  return bytes.size() > 8000 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
}
}  // namespace

TEST_CASE("the usage report of two kiosks sums their counts in local hours and draws every chart", "[report]") {
  test::TempDir tmp;
  // 2026-11-23 is a Monday: 14:00 UTC is 9 am in New York (EST, UTC-5)
  const auto hartford = write_stats((tmp.path / "hartford.db").string(),
                                    {{"visit", "en", utc(2026, 11, 23, 14, 5), 3},
                                     {"visit", "es", utc(2026, 11, 25, 20, 30), 1},  // Wednesday 3 pm
                                     {"locale", "es", utc(2026, 11, 23, 14, 6), 2},
                                     {"item", "topic/paternity", utc(2026, 11, 23, 14, 7), 1},
                                     {"item", "guide/review:intro", utc(2026, 11, 23, 14, 8), 2},
                                     {"guide-left", "review:2", utc(2026, 11, 23, 14, 9), 1},
                                     {"guide-done", "review", utc(2026, 11, 23, 14, 9), 1}},
                                    {{"custody umbrella", utc(2026, 11, 23, 14, 10)}});
  const auto waterbury = write_stats((tmp.path / "waterbury.db").string(),
                                     {{"visit", "en", utc(2026, 11, 23, 14, 50), 2},
                                      {"visit", "en", utc(2026, 11, 29, 3, 15), 1},  // Saturday 10 pm in New York
                                      {"locale", "es", utc(2026, 11, 29, 3, 16), 1},
                                      {"item", "topic/paternity", utc(2026, 11, 23, 14, 51), 2},
                                      {"item", "guide/review:intro", utc(2026, 11, 23, 14, 52), 1},
                                      {"guide-left", "review:intro", utc(2026, 11, 23, 14, 53), 1}},
                                     {{"custody umbrella", utc(2026, 11, 29, 3, 17)}});
  const fs::path out = tmp.path / "report";
  tools::ReportData data;
  const std::string why = tools::make_report({hartford, waterbury}, out.string(), "America/New_York",
                                             KIOSK_SOURCE_DIR "/kiosk/tools/report_charts.py", &data);
  INFO(why);
  REQUIRE(why.empty());
  REQUIRE(data.kiosks.size() == 2);
  CHECK(data.kiosks[0].visits == 4);
  CHECK(data.kiosks[1].visits == 3);

  const std::string hours = test::read((out / "visits_by_hour.csv").string());
  INFO(hours);
  CHECK(hours.rfind("hour,hartford,waterbury,total\n", 0) == 0);
  CHECK(has_line(hours, "9,3,2,5"));
  CHECK(has_line(hours, "15,1,0,1"));
  CHECK(has_line(hours, "22,0,1,1"));
  CHECK(has_line(hours, "14,0,0,0"));  // no UTC hour left in the table
  const std::string days = test::read((out / "visits_by_weekday.csv").string());
  CHECK(has_line(days, "Monday,3,2,5"));
  CHECK(has_line(days, "Wednesday,1,0,1"));
  CHECK(has_line(days, "Saturday,0,1,1"));
  CHECK(has_line(days, "Sunday,0,0,0"));
  CHECK(has_line(test::read((out / "languages.csv").string()), "Spanish (es),2,1,3"));
  CHECK(has_line(test::read((out / "topics.csv").string()), "paternity,1,2,3"));
  CHECK(has_line(test::read((out / "guides.csv").string()), "review,2,1,3"));
  const std::string left = test::read((out / "guides_left.csv").string());
  INFO(left);
  CHECK(has_line(left, "review: left at the introduction,0,1,1"));
  CHECK(has_line(left, "review: left at step 2,1,0,1"));
  CHECK(has_line(left, "review: finished,1,0,1"));
  CHECK(left.find("introduction") < left.find("step 2"));  // steps in the order a visitor meets them
  CHECK(left.find("step 2") < left.find("finished"));
  CHECK(has_line(test::read((out / "searches_not_found.csv").string()), "custody umbrella,1,1,2"));
  const std::string kiosks = test::read((out / "kiosks.csv").string());
  CHECK(kiosks.find("hartford,") != std::string::npos);
  CHECK(kiosks.find(",2026-11-23,2026-11-25,") != std::string::npos);
  CHECK(kiosks.find(",2026-11-23,2026-11-28,") != std::string::npos);  // the last count is Saturday evening there
  CHECK(test::read((out / "counts.csv").string()).find("waterbury,2026-11-29T03,2026-11-28,22,Saturday,visit,en,1") !=
        std::string::npos);

  for (const char* png : {"visits_by_hour.png", "visits_by_weekday.png", "languages.png", "topics.png", "guides.png",
                          "guides_left.png", "searches_not_found.png"}) {
    INFO(png);
    CHECK(real_png(out / png));
  }
  const std::string page = test::read((out / "index.html").string());
  CHECK(page.find("hartford") != std::string::npos);
  CHECK(page.find("waterbury") != std::string::npos);
  CHECK(page.find("2026-11-23 to 2026-11-28") != std::string::npos);
  CHECK(page.find("href=\"visits_by_hour.csv\"") != std::string::npos);
  CHECK(page.find("<td>5</td>") != std::string::npos);  // the numbers as a table, readable without the images
}

TEST_CASE("the usage report refuses a file that is not a statistics file and writes nothing", "[report]") {
  test::TempDir tmp;
  const auto good = write_stats((tmp.path / "hartford.db").string(), {{"visit", "en", utc(2026, 11, 23, 14), 1}}, {});
  const auto text = tmp.file("notes.db", "not a database at all\n");
  const fs::path out = tmp.path / "report";
  std::string why = tools::make_report({good, text}, out.string(), "America/New_York", "", nullptr);
  CHECK(why.find(text) != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  // a SQLite file that is not the kiosk's statistics: a content database
  why = tools::make_report({good, test::real_db()}, out.string(), "America/New_York", "", nullptr);
  CHECK(why.find("not a kiosk statistics file") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  why = tools::make_report({good}, out.string(), "America/Hartford", "", nullptr);
  CHECK(why.find("America/Hartford") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("the usage report with a content database names topics and guides by their English titles", "[report]") {
  test::TempDir tmp;
  const auto hartford = write_stats((tmp.path / "hartford.db").string(),
                                    {{"visit", "en", utc(2026, 11, 23, 14, 5), 2},
                                     {"item", "topic/apply", utc(2026, 11, 23, 14, 7), 3},
                                     {"item", "topic/paternity", utc(2026, 11, 23, 14, 7), 1},  // not in the content any more
                                     {"item", "guide/review:intro", utc(2026, 11, 23, 14, 8), 2},
                                     {"guide-left", "review:2", utc(2026, 11, 23, 14, 9), 1}},
                                    {});
  const fs::path out = tmp.path / "report";
  tools::ReportData data;
  const std::string why = tools::make_report({hartford}, out.string(), "America/New_York",
                                             KIOSK_SOURCE_DIR "/kiosk/tools/report_charts.py", &data, test::real_db());
  INFO(why);
  REQUIRE(why.empty());
  const std::string topics = test::read((out / "topics.csv").string());
  INFO(topics);
  CHECK(topics.rfind("topic,content id,hartford,total\n", 0) == 0);
  CHECK(has_line(topics, "Applying for services,apply,3,3"));
  CHECK(has_line(topics, "paternity,paternity,1,1"));  // an id the database does not have stays as it is
  CHECK(has_line(test::read((out / "guides.csv").string()), "Ask for a review of your order,review,2,2"));
  CHECK(has_line(test::read((out / "guides_left.csv").string()), "Ask for a review of your order: left at step 2,review,1,1"));
  // the charts and the page read past the id column
  CHECK(real_png(out / "topics.png"));
  CHECK(real_png(out / "guides.png"));
  const std::string page = test::read((out / "index.html").string());
  CHECK(page.find("<th scope=\"row\">Applying for services</th><td>3</td>") != std::string::npos);
  CHECK(page.find("Ask for a review of your order") != std::string::npos);

  // without the database: ids, and no id column
  const fs::path plain = tmp.path / "plain";
  REQUIRE(tools::make_report({hartford}, plain.string(), "America/New_York", "", nullptr).find("report_charts.py") != std::string::npos);
  const std::string ids = test::read((plain / "topics.csv").string());
  CHECK(ids.rfind("topic,hartford,total\n", 0) == 0);
  CHECK(has_line(ids, "apply,3,3"));

  // a file that is not a content database is refused by name, nothing written
  const fs::path refused = tmp.path / "refused";
  const std::string no = tools::make_report({hartford}, refused.string(), "America/New_York", "", nullptr, hartford);
  CHECK(no.find(hartford) != std::string::npos);
  CHECK_FALSE(fs::exists(refused));
}
