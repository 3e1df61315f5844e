// The usage report (kiosk-content report): the statistics files of several
// kiosks merged into tables, one CSV per chart, and drawn by
// report_charts.py (matplotlib) into DIR/index.html.
//
// A visit is a touch (or key) on the attract screen: the kiosk counts
// "visit" then, keyed by the language the attract screen was showing. Hours
// are stored in UTC; the report shows them in a time zone (hour of day, day
// of week). Nothing is added to what the files hold: searches that found
// nothing are only the known words the kiosk kept (stats/stats.h).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kiosk::tools {

struct ReportKiosk {
  std::string name;  // the file's name without its extension (with its folder when two share one)
  std::string path;
  int64_t visits = 0;
  std::string first_hour, last_hour;  // UTC, "2026-11-22T16"; "" when the file is empty
};

struct ReportCount {
  size_t kiosk = 0;  // index in ReportData::kiosks
  std::string hour;  // UTC, "2026-11-22T16"
  std::string kind, key;
  int64_t n = 0;
  int local_hour = 0;     // 0-23 in the report's zone
  int local_weekday = 0;  // 0 = Monday ... 6 = Sunday
  std::string local_day;  // YYYY-MM-DD in the report's zone
};

struct ReportData {
  std::string zone;  // the IANA zone hours are shown in
  // English titles by stats key ("topic/apply", "guide/review"), from a
  // content database (read_titles); empty: topics and guides go by id
  std::map<std::string, std::string> titles;
  std::vector<ReportKiosk> kiosks;
  std::vector<ReportCount> counts;
};

// One table: a label column, one column per kiosk, then "total".
struct ReportTable {
  std::string file;   // "visits_by_hour.csv"
  std::string label;  // the first column's heading
  std::vector<std::string> kiosks;
  std::vector<std::pair<std::string, std::vector<int64_t>>> rows;  // label, per kiosk (total is their sum)
  std::vector<std::string> ids;  // a row's content id when the label is its title (a "content id" column after the label)
  std::string csv() const;
};

// Opens every file read only and merges the counts, in `zone` ("" = this
// machine's zone). "" or why, naming the file (or the zone) refused.
std::string read_report(const std::vector<std::string>& files, const std::string& zone, ReportData* out);

// The English title of every topic and guide in a content database, into
// out->titles; "" or why (naming the file).
std::string read_titles(const std::string& content_db, ReportData* out);

// The tables: visits_by_hour, visits_by_weekday, languages, topics, guides,
// guides_left, searches_not_found, kiosks (name, file, visits, days). With
// titles, topics, guides and guides_left are labelled by title, their ids in
// a column of their own.
std::vector<ReportTable> report_tables(const ReportData& data);

// Every count as CSV, each with its kiosk and local hour, day and weekday.
std::string report_raw_csv(const ReportData& data);

// Writes DIR/*.csv (creating DIR); "" or why.
std::string write_report_csv(const ReportData& data, const std::string& dir);

// report_charts.py: installed beside the tool (BIN/../share/kiosk/), else
// `source_copy` (the one in the source tree the tool was built from); "" if neither.
std::string find_charts_script(const std::string& source_copy);

// Runs `python3 SCRIPT --dir DIR --zone ZONE`: the PNG charts and DIR/index.html.
// "" or why (a missing python3-matplotlib is one line naming the package).
std::string draw_report(const std::string& script, const std::string& dir, const std::string& zone);

// read_report, write_report_csv and draw_report: the whole report; with
// content_db, topics and guides named by their English titles (read_titles).
std::string make_report(const std::vector<std::string>& files, const std::string& dir, const std::string& zone,
                        const std::string& script, ReportData* data, const std::string& content_db = "");

}  // namespace kiosk::tools
