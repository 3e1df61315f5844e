#include "content/stats.h"

#include <cctype>
#include <ctime>

#include "content/sqlite.h"
#include "i18n/text.h"

namespace kiosk::content {

std::string scrub_search(const std::string& typed) {
  // Keep only words a person types about child support, not about a person:
  // no word with a digit (phone, case or docket number, date, ZIP), none with
  // "@", and no capitalised word after the first (a name: "for Maria Lopez").
  std::string out;
  size_t i = 0, n = 0;
  while (i < typed.size()) {
    while (i < typed.size() && std::isspace(static_cast<unsigned char>(typed[i]))) ++i;
    size_t j = i;
    while (j < typed.size() && !std::isspace(static_cast<unsigned char>(typed[j]))) ++j;
    std::string w = typed.substr(i, j - i);
    i = j;
    if (w.empty()) continue;
    bool digit = false;
    for (char c : w) digit = digit || std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == '#';
    bool capital = n > 0 && std::isupper(static_cast<unsigned char>(w[0]));
    ++n;
    if (digit || capital) continue;
    if (!out.empty()) out += ' ';
    out += i18n::fold(w);
  }
  return out.substr(0, 80);
}

std::unique_ptr<Stats> Stats::open(const std::string& path, std::string* why) {
  try {
    std::unique_ptr<Stats> s(new Stats());
    s->db_ = std::make_unique<Db>(path, Db::Mode::ReadWriteCreate);
    s->db_->exec("CREATE TABLE IF NOT EXISTS counts(hour TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
                 " n INTEGER NOT NULL, PRIMARY KEY(hour, kind, key)) WITHOUT ROWID");
    return s;
  } catch (const SqlError& e) {
    if (why) *why = path + ": " + e.what();
    return nullptr;
  }
}

std::unique_ptr<Stats> Stats::open_read_only(const std::string& path, std::string* why) {
  try {
    std::unique_ptr<Stats> s(new Stats());
    s->db_ = std::make_unique<Db>(path, Db::Mode::ReadOnly);
    Stmt st(*s->db_, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'counts'");
    if (!st.step() || st.integer(0) != 1) {
      if (why) *why = path + ": not a kiosk statistics file (it has no counts table)";
      return nullptr;
    }
    return s;
  } catch (const SqlError& e) {
    if (why) *why = path + ": " + e.what();
    return nullptr;
  }
}

Stats::~Stats() = default;

bool Stats::count(const std::string& kind, const std::string& key, int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char hour[16];
  std::strftime(hour, sizeof hour, "%Y-%m-%dT%H", &tm);
  std::string k = kind == "search-none" ? scrub_search(key) : key;
  if (k.empty()) return true;
  try {
    Stmt st(*db_, "INSERT INTO counts(hour, kind, key, n) VALUES(?1, ?2, ?3, 1)"
                  " ON CONFLICT(hour, kind, key) DO UPDATE SET n = n + 1");
    st.bind(1, hour).bind(2, kind).bind(3, k);
    st.run();
    error_.clear();
    return true;
  } catch (const SqlError& e) {
    error_ = e.what();
    return false;
  }
}

std::vector<std::pair<std::string, int64_t>> Stats::totals(int limit) {
  std::vector<std::pair<std::string, int64_t>> out;
  Stmt st(*db_, "SELECT kind || ' ' || key, sum(n) AS total FROM counts GROUP BY kind, key ORDER BY total DESC, kind, key LIMIT ?1");
  st.bind(1, static_cast<int64_t>(limit));
  while (st.step()) out.emplace_back(st.text(0), st.integer(1));
  return out;
}

std::string Stats::csv() {
  std::string out = "hour,kind,key,count\n";
  Stmt st(*db_, "SELECT hour, kind, key, n FROM counts ORDER BY hour, kind, key");
  while (st.step()) {
    std::string key = st.text(2);
    std::string quoted = "\"";
    for (char c : key) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += st.text(0) + "," + st.text(1) + "," + quoted + "\"," + std::to_string(st.integer(3)) + "\n";
  }
  return out;
}

}  // namespace kiosk::content
