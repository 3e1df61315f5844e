// The usage report: statistics files merged into CSV tables, drawn by report_charts.py.
#include "tools/lib/report.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "content/kinds.h"
#include "content/store.h"
#include "stats/stats.h"

extern char** environ;

namespace fs = std::filesystem;

namespace kiosk::tools {

namespace {

const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The rows of Stats::csv(): hour,kind,"key",count (the key always quoted).
bool parse_stats_csv(const std::string& csv, size_t kiosk, std::vector<ReportCount>* out) {
  size_t pos = csv.find('\n');  // the heading
  while (pos != std::string::npos && pos + 1 < csv.size()) {
    ++pos;
    ReportCount c;
    c.kiosk = kiosk;
    size_t comma = csv.find(',', pos);
    if (comma == std::string::npos) return false;
    c.hour = csv.substr(pos, comma - pos);
    pos = comma + 1;
    comma = csv.find(',', pos);
    if (comma == std::string::npos) return false;
    c.kind = csv.substr(pos, comma - pos);
    pos = comma + 1;
    if (pos >= csv.size() || csv[pos] != '"') return false;
    for (++pos; pos < csv.size(); ++pos) {
      if (csv[pos] != '"') { c.key += csv[pos]; continue; }
      if (pos + 1 < csv.size() && csv[pos + 1] == '"') { c.key += '"'; ++pos; continue; }
      break;
    }
    if (pos + 1 >= csv.size() || csv[pos + 1] != ',') return false;
    pos += 2;
    size_t nl = csv.find('\n', pos);
    c.n = std::strtoll(csv.substr(pos, nl - pos).c_str(), nullptr, 10);
    out->push_back(std::move(c));
    pos = nl;
  }
  return true;
}

// "2026-11-22T16" (UTC) as seconds since 1970; false when it is not an hour.
bool utc_seconds(const std::string& hour, int64_t* seconds) {
  std::tm tm{};
  const char* end = strptime(hour.c_str(), "%Y-%m-%dT%H", &tm);
  if (!end || *end) return false;
  *seconds = static_cast<int64_t>(timegm(&tm));
  return true;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// "Spanish (es)": the language's English name, and the code the kiosk uses.
std::string language_name(const std::string& code) {
  icu::UnicodeString name;
  icu::Locale(code.c_str()).getDisplayName(icu::Locale::getEnglish(), name);
  std::string n = utf8(name);
  return n.empty() || n == code ? code : n + " (" + code + ")";
}

// Guide steps in the order a visitor meets them: intro, 1, 2, ..., then finished.
int step_order(const std::string& step) {
  if (step == "intro") return -1;
  if (step == "finished") return 1 << 20;
  return std::atoi(step.c_str());
}

ReportTable table(const ReportData& d, const std::string& file, const std::string& label) {
  ReportTable t;
  t.file = file;
  t.label = label;
  for (const auto& k : d.kiosks) t.kiosks.push_back(k.name);
  return t;
}

// Rows from a map of label -> per-kiosk counts, largest total first.
void add_by_total(ReportTable& t, const std::map<std::string, std::vector<int64_t>>& m) {
  for (const auto& [label, v] : m) t.rows.emplace_back(label, v);
  auto total = [](const std::vector<int64_t>& v) {
    int64_t s = 0;
    for (int64_t n : v) s += n;
    return s;
  };
  std::stable_sort(t.rows.begin(), t.rows.end(), [&](const auto& a, const auto& b) { return total(a.second) > total(b.second); });
}

// A topic's or guide's English title ("guide/", "review"); its id when the database has none.
std::string title_of(const ReportData& d, const std::string& prefix, const std::string& id) {
  auto it = d.titles.find(prefix + id);
  return it == d.titles.end() || it->second.empty() ? id : it->second;
}

// With titles: each row's label (an id) becomes its title, the id kept beside it.
void name_rows(const ReportData& d, const std::string& prefix, ReportTable& t) {
  if (d.titles.empty()) return;
  for (auto& row : t.rows) {
    t.ids.push_back(row.first);
    row.first = title_of(d, prefix, row.first);
  }
}

}  // namespace

std::string read_titles(const std::string& content_db, ReportData* out) {
  std::string why;
  auto store = content::Store::open(content_db, &why);
  if (!store) return "--db " + content_db + " is not a content database" + (why.empty() ? "" : " (" + why + ")");
  try {
    // the statistics key items as "<kind>/<id>"; the database as "<kind>:<id>"
    for (const char* kind : {"topic", "guide"}) {
      const char* field = content::title_field(kind);
      for (const auto& item : store->items(kind))
        out->titles[std::string(kind) + "/" + content::plain_id(item.id)] = store->text(item.id, field, "en");
    }
  } catch (const std::exception& e) {
    return content_db + " is not a content database: " + e.what();
  }
  return "";
}

std::string ReportTable::csv() const {
  std::string out = quoted(label) + (ids.empty() ? "" : ",content id");
  for (const auto& k : kiosks) out += "," + quoted(k);
  out += ",total\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& [name, v] = rows[r];
    out += quoted(name);
    if (!ids.empty()) out += "," + quoted(ids[r]);
    int64_t sum = 0;
    for (int64_t n : v) {
      out += "," + std::to_string(n);
      sum += n;
    }
    out += "," + std::to_string(sum) + "\n";
  }
  return out;
}

std::string read_report(const std::vector<std::string>& files, const std::string& zone, ReportData* out) {
  *out = {};
  if (files.empty()) return "no statistics files given";
  std::unique_ptr<icu::TimeZone> tz(zone.empty() ? icu::TimeZone::createDefault()
                                                 : icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  icu::UnicodeString id;
  if (tz) tz->getID(id);
  if (!tz || id == UNICODE_STRING_SIMPLE("Etc/Unknown"))
    return "--timezone " + zone + ": not a time zone (an IANA name such as America/New_York)";
  out->zone = utf8(id);
  // every file is opened before anything is written: a wrong one is refused alone
  std::map<std::string, int> stems;
  for (const auto& f : files) ++stems[fs::path(f).stem().string()];
  std::set<std::string> names;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string why;
    auto st = stats::Stats::open_read_only(files[i], &why);
    if (!st) return why;
    ReportKiosk k;
    k.path = files[i];
    const fs::path p(files[i]);
    k.name = p.stem().string();
    if (stems[k.name] > 1) k.name = (p.parent_path().filename() / p.stem()).string();
    if (!names.insert(k.name).second) k.name = files[i];
    const size_t before = out->counts.size();
    if (!parse_stats_csv(st->csv(), i, &out->counts)) return files[i] + ": its counts could not be read";
    for (size_t c = before; c < out->counts.size(); ++c) {
      ReportCount& rc = out->counts[c];
      int64_t utc = 0;
      if (!utc_seconds(rc.hour, &utc)) return files[i] + ": an hour that is not an hour: " + rc.hour;
      int32_t raw = 0, dst = 0;
      UErrorCode status = U_ZERO_ERROR;
      tz->getOffset(static_cast<UDate>(utc) * 1000.0, false, raw, dst, status);
      const std::time_t local = static_cast<std::time_t>(utc + (raw + dst) / 1000);
      std::tm tm{};
      gmtime_r(&local, &tm);
      rc.local_hour = tm.tm_hour;
      rc.local_weekday = (tm.tm_wday + 6) % 7;
      char day[16];
      std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
      rc.local_day = day;
      if (rc.kind == "visit") k.visits += rc.n;
      if (k.first_hour.empty() || rc.hour < k.first_hour) k.first_hour = rc.hour;
      if (rc.hour > k.last_hour) k.last_hour = rc.hour;
    }
    out->kiosks.push_back(std::move(k));
  }
  return "";
}

std::vector<ReportTable> report_tables(const ReportData& d) {
  const size_t nk = d.kiosks.size();
  std::vector<ReportTable> out;
  ReportTable hours = table(d, "visits_by_hour.csv", "hour");
  for (int h = 0; h < 24; ++h) hours.rows.emplace_back(std::to_string(h), std::vector<int64_t>(nk));
  ReportTable days = table(d, "visits_by_weekday.csv", "day");
  for (const char* w : kWeekdays) days.rows.emplace_back(w, std::vector<int64_t>(nk));
  std::map<std::string, std::vector<int64_t>> languages, topics, guides, searches;
  std::map<std::pair<std::string, std::string>, std::vector<int64_t>> left;  // (guide, step)
  auto add = [&](auto& m, const auto& key, const ReportCount& c) {
    auto& v = m[key];
    v.resize(nk);
    v[c.kiosk] += c.n;
  };
  for (const auto& c : d.counts) {
    if (c.kind == "visit") {
      hours.rows[static_cast<size_t>(c.local_hour)].second[c.kiosk] += c.n;
      days.rows[static_cast<size_t>(c.local_weekday)].second[c.kiosk] += c.n;
    } else if (c.kind == "locale") {
      add(languages, language_name(c.key), c);
    } else if (c.kind == "item" && c.key.rfind("topic/", 0) == 0) {
      add(topics, c.key.substr(6), c);
    } else if (c.kind == "item" && c.key.rfind("guide/", 0) == 0 && c.key.size() > 12 &&
               c.key.compare(c.key.size() - 6, 6, ":intro") == 0) {
      add(guides, c.key.substr(6, c.key.size() - 12), c);  // opened: its introduction shown
    } else if (c.kind == "guide-left") {
      const size_t colon = c.key.rfind(':');
      add(left, std::make_pair(c.key.substr(0, colon), colon == std::string::npos ? std::string() : c.key.substr(colon + 1)), c);
    } else if (c.kind == "guide-done") {
      add(left, std::make_pair(c.key, std::string("finished")), c);
    } else if (c.kind == "search-none") {
      add(searches, c.key, c);
    }
  }
  out.push_back(std::move(hours));
  out.push_back(std::move(days));
  ReportTable t = table(d, "languages.csv", "language");
  add_by_total(t, languages);
  out.push_back(std::move(t));
  t = table(d, "topics.csv", "topic");
  add_by_total(t, topics);
  name_rows(d, "topic/", t);
  out.push_back(std::move(t));
  t = table(d, "guides.csv", "guide");
  add_by_total(t, guides);
  name_rows(d, "guide/", t);
  out.push_back(std::move(t));
  // where visitors leave: each guide's steps in order, "finished" last
  t = table(d, "guides_left.csv", "guide and step");
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<int64_t>>> steps(left.begin(), left.end());
  std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) {
    if (a.first.first != b.first.first) return a.first.first < b.first.first;
    return step_order(a.first.second) < step_order(b.first.second);
  });
  for (auto& [gs, v] : steps) {
    const std::string& step = gs.second;
    const std::string where = step == "finished" ? "finished" : step == "intro" ? "left at the introduction" : "left at step " + step;
    const std::string name = d.titles.empty() ? gs.first : title_of(d, "guide/", gs.first);
    t.rows.emplace_back(name + ": " + where, std::move(v));
    if (!d.titles.empty()) t.ids.push_back(gs.first);
  }
  out.push_back(std::move(t));
  t = table(d, "searches_not_found.csv", "words kept");
  add_by_total(t, searches);
  out.push_back(std::move(t));
  return out;
}

std::string report_raw_csv(const ReportData& d) {
  std::string out = "kiosk,hour_utc,local_day,local_hour,local_weekday,kind,key,count\n";
  for (const auto& c : d.counts)
    out += quoted(d.kiosks[c.kiosk].name) + "," + c.hour + "," + c.local_day + "," + std::to_string(c.local_hour) + "," +
           kWeekdays[c.local_weekday] + "," + quoted(c.kind) + "," + quoted(c.key) + "," + std::to_string(c.n) + "\n";
  return out;
}

std::string write_report_csv(const ReportData& d, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return dir + ": " + ec.message();
  auto write = [&](const std::string& name, const std::string& text) -> std::string {
    const fs::path p = fs::path(dir) / name;
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    return f ? "" : p.string() + ": cannot be written";
  };
  for (const auto& t : report_tables(d))
    if (auto why = write(t.file, t.csv()); !why.empty()) return why;
  // the kiosks merged, and the days each covers in the report's zone
  std::string kiosks = "kiosk,file,visits,first_day,last_day,first_hour_utc,last_hour_utc\n";
  for (size_t i = 0; i < d.kiosks.size(); ++i) {
    const auto& k = d.kiosks[i];
    std::string first, last;
    for (const auto& c : d.counts) {
      if (c.kiosk != i) continue;
      if (first.empty() || c.local_day < first) first = c.local_day;
      if (c.local_day > last) last = c.local_day;
    }
    kiosks += quoted(k.name) + "," + quoted(k.path) + "," + std::to_string(k.visits) + "," + first + "," + last + "," +
              k.first_hour + "," + k.last_hour + "\n";
  }
  if (auto why = write("kiosks.csv", kiosks); !why.empty()) return why;
  return write("counts.csv", report_raw_csv(d));
}

std::string find_charts_script(const std::string& source_copy) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "kiosk" / "report_charts.py";
    if (fs::is_regular_file(installed, ec)) return installed.string();
  }
  if (!source_copy.empty() && fs::is_regular_file(source_copy, ec)) return source_copy;
  return "";
}

std::string draw_report(const std::string& script, const std::string& dir, const std::string& zone) {
  if (script.empty()) return "report_charts.py was not found (it is installed in /usr/share/kiosk/)";
  // Debian's python3 (python3-matplotlib is installed for it), not another one earlier on PATH
  const std::string python = ::access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
  std::vector<std::string> args = {python, script, "--dir", dir, "--zone", zone};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, python.c_str(), nullptr, nullptr, argv.data(), environ);
  if (rc != 0)
    return rc == ENOENT ? "python3 was not found: install the Debian package python3-matplotlib (apt-get install python3-matplotlib)"
                        : std::string("cannot run python3: ") + std::strerror(rc);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
    return "the charts need matplotlib: install the Debian package python3-matplotlib (apt-get install python3-matplotlib); "
           "the numbers are written in " + dir + "/*.csv";
  return script + " failed (" + (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status)) : "killed") +
         "); the numbers are written in " + dir + "/*.csv";
}

std::string make_report(const std::vector<std::string>& files, const std::string& dir, const std::string& zone,
                        const std::string& script, ReportData* data, const std::string& content_db) {
  ReportData local;
  ReportData& d = data ? *data : local;
  if (auto why = read_report(files, zone, &d); !why.empty()) return why;
  if (!content_db.empty())
    if (auto why = read_titles(content_db, &d); !why.empty()) return why;
  if (auto why = write_report_csv(d, dir); !why.empty()) return why;
  return draw_report(script, dir, d.zone);
}

}  // namespace kiosk::tools
