// Usage statistics: the known-word filter, and a writer thread that adds
// counts in batches.
#include "stats/stats.h"

#include <malloc.h>

#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include "stats/dictionary.h"
#include "content/sqlite.h"

namespace kiosk::stats {

using content::Db;
using content::SqlError;
using content::Stmt;
using content::Transaction;

std::vector<SearchWord> search_words(std::string_view typed, std::string_view locale,
                                     const std::function<bool(const std::string& folded)>& in_content) {
  std::vector<SearchWord> out;
  for (auto& w : i18n::typed_words(typed, locale)) {
    const bool known = in_content && in_content(w.folded);
    out.push_back({std::move(w), known});
  }
  return out;
}

std::string keep_known(const std::vector<SearchWord>& words, Dictionary* dictionary) {
  constexpr size_t kMaxBytes = 80;
  std::string out;
  for (const auto& w : words) {
    if (!w.in_content && !(dictionary && dictionary->common_word(w.word))) continue;
    if (out.size() + (out.empty() ? 0 : 1) + w.word.folded.size() > kMaxBytes) break;
    if (!out.empty()) out += ' ';
    out += w.word.folded;
  }
  return out;
}

namespace {
// Version 1: searches are kept only as known words. Files of version 0 kept
// what the old filter let through (lowercase names), so their searches go.
constexpr int kStatsVersion = 1;

std::string hour_of(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char hour[16];
  std::strftime(hour, sizeof hour, "%Y-%m-%dT%H", &tm);
  return hour;
}

struct Pending {
  std::string hour, kind, key;       // key: "" for a search, whose words are below
  std::string locale;                // of a search
  std::vector<SearchWord> words;
};
}  // namespace

struct Stats::Writer {
  Db* db = nullptr;
  std::string dictionary_dir;
  std::chrono::milliseconds batch{1000};

  mutable std::mutex m;               // everything below, and the connection
  std::condition_variable wake, done;
  std::vector<Pending> queue;
  uint64_t queued = 0, written = 0, flush_to = 0;
  int64_t batches = 0;
  bool stop = false, failed = false;
  std::string error;
  std::deque<std::string> messages;
  std::set<std::string> said_missing;  // languages whose missing dictionary was logged
  std::mutex db_m;                    // the connection: the writer's batch, a reader's query

  void run() {
    std::unique_lock lk(m);
    for (;;) {
      wake.wait(lk, [&] { return stop || !queue.empty() || flush_to > written; });
      // gather a batch: counts that come within a moment share one transaction
      wake.wait_for(lk, batch, [&] { return stop || flush_to > written; });
      std::vector<Pending> work;
      work.swap(queue);
      const uint64_t upto = queued;
      lk.unlock();
      if (!work.empty()) write(work);
      lk.lock();
      written = upto;
      done.notify_all();
      if (stop && queue.empty()) return;
    }
  }

  void write(std::vector<Pending>& work) {
    // Searches first: their words are judged here, off the frame loop, with
    // each language's dictionary loaded for this batch only (8-9 MB each).
    std::map<std::string, std::unique_ptr<Dictionary>> dicts;
    std::map<std::tuple<std::string, std::string, std::string>, int64_t> sums;
    for (auto& p : work) {
      if (p.kind == "search-none") {
        auto it = dicts.find(p.locale);
        if (it == dicts.end()) {
          auto opened = Dictionary::open(p.locale, dictionary_dir);
          const std::string why = std::move(opened.why);
          it = dicts.emplace(p.locale, std::move(opened.value)).first;
          if (!it->second) {
            std::lock_guard g(m);
            if (said_missing.insert(p.locale).second)
              messages.push_back("usage statistics: " + why + "; searches in \"" + p.locale +
                                 "\" keep only the content's own words");
          }
        }
        p.key = keep_known(p.words, it->second.get());
        p.words.clear();
      }
      if (!p.key.empty()) ++sums[{p.hour, p.kind, p.key}];
    }
    const bool had_dicts = !dicts.empty();
    dicts.clear();
    if (had_dicts) malloc_trim(0);  // give the dictionaries' memory back to the system
    if (sums.empty() || failed) return;
    try {
      std::lock_guard g(db_m);
      Transaction tx(*db);
      Stmt st(*db, "INSERT INTO counts(hour, kind, key, n) VALUES(?1, ?2, ?3, ?4)"
                   " ON CONFLICT(hour, kind, key) DO UPDATE SET n = n + ?4");
      for (const auto& [k, n] : sums) {
        st.bind(1, std::get<0>(k)).bind(2, std::get<1>(k)).bind(3, std::get<2>(k)).bind(4, n);
        st.run();
      }
      tx.commit();
      std::lock_guard g2(m);
      ++batches;
    } catch (const SqlError& e) {
      std::lock_guard g(m);
      failed = true;  // said once; the kiosk goes on serving visitors without counting
      error = e.what();
      messages.push_back("usage statistics could not be written, counting stops: " + error);
    }
  }

  bool add(Pending p) {
    std::lock_guard g(m);
    if (failed || stop) return false;
    queue.push_back(std::move(p));
    ++queued;
    wake.notify_one();
    return true;
  }
};

util::Result<std::unique_ptr<Stats>> Stats::open(const std::string& path) { return open(path, Options{}); }

util::Result<std::unique_ptr<Stats>> Stats::open(const std::string& path, const Options& options) {
  try {
    std::unique_ptr<Stats> s(new Stats());
    s->db_ = std::make_unique<Db>(path, Db::Mode::ReadWriteCreate);
    Db& db = *s->db_;
    db.exec("CREATE TABLE IF NOT EXISTS counts(hour TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
            " n INTEGER NOT NULL, PRIMARY KEY(hour, kind, key)) WITHOUT ROWID");
    if (db.user_version() < kStatsVersion) {
      // before the switch to WAL, so the old words are overwritten in the file itself
      db.exec("PRAGMA secure_delete = ON");
      db.exec("DELETE FROM counts WHERE kind = 'search-none'");
      db.exec("PRAGMA user_version = " + std::to_string(kStatsVersion));
    }
    // WAL: a commit appends to the log without waiting for the disk
    // (synchronous = NORMAL); the log reaches the file at checkpoints and at
    // close. A power cut loses at most the last batches, never the file.
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    auto w = std::make_shared<Writer>();
    w->db = s->db_.get();
    w->dictionary_dir = options.dictionary_dir.empty() ? dictionary_dir() : options.dictionary_dir;
    w->batch = std::chrono::milliseconds(std::max(0, options.batch_ms));
    s->writer_ = w;
    s->thread_ = std::thread([w] { w->run(); });
    return {std::move(s), ""};
  } catch (const SqlError& e) {
    return {nullptr, path + ": " + e.what()};
  }
}

util::Result<std::unique_ptr<Stats>> Stats::open_read_only(const std::string& path) {
  try {
    std::unique_ptr<Stats> s(new Stats());
    s->db_ = std::make_unique<Db>(path, Db::Mode::ReadOnly);
    Stmt st(*s->db_, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'counts'");
    if (!st.step() || st.integer(0) != 1) return {nullptr, path + ": not a kiosk statistics file (it has no counts table)"};
    return {std::move(s), ""};
  } catch (const SqlError& e) {
    return {nullptr, path + ": " + e.what()};
  }
}

Stats::~Stats() {
  if (writer_) {
    {
      std::lock_guard g(writer_->m);
      writer_->stop = true;
      writer_->wake.notify_one();
    }
    if (thread_.joinable()) thread_.join();
    // At rest the file is a plain rollback-journal database again: anyone who
    // may read it can (kiosk-content stats as another user), with no -wal or
    // -shm beside it to create. The next start turns WAL on again.
    try {
      db_->exec("PRAGMA journal_mode = DELETE");
    } catch (const SqlError&) {
    }
  }
}

bool Stats::count(const std::string& kind, const std::string& key, int64_t unix_seconds) {
  if (!writer_) return false;
  if (kind == "search-none") return true;  // a search is counted only through count_search_none
  if (key.empty()) return true;
  return writer_->add({hour_of(unix_seconds), kind, key, {}, {}});
}

bool Stats::count_search_none(const std::string& locale, std::vector<SearchWord> words, int64_t unix_seconds) {
  if (!writer_) return false;
  if (words.empty()) return true;
  return writer_->add({hour_of(unix_seconds), "search-none", {}, locale, std::move(words)});
}

std::string Stats::flush() {
  if (!writer_) return "";
  std::unique_lock lk(writer_->m);
  const uint64_t target = writer_->queued;
  writer_->flush_to = std::max(writer_->flush_to, target);
  writer_->wake.notify_one();
  writer_->done.wait(lk, [&] { return writer_->written >= target; });
  if (!writer_->failed) return "";
  // a failure says why; SQLite always does, this is only in case
  return writer_->error.empty() ? std::string("the statistics file could not be written") : writer_->error;
}

std::deque<std::string> Stats::take_messages() {
  std::deque<std::string> out;
  if (!writer_) return out;
  std::lock_guard g(writer_->m);
  out.swap(writer_->messages);
  return out;
}

int64_t Stats::batches_written() const {
  if (!writer_) return 0;
  std::lock_guard g(writer_->m);
  return writer_->batches;
}

std::vector<std::pair<std::string, int64_t>> Stats::totals(int limit) {
  flush();
  std::unique_lock<std::mutex> g;
  if (writer_) g = std::unique_lock(writer_->db_m);
  std::vector<std::pair<std::string, int64_t>> out;
  Stmt st(*db_, "SELECT kind || ' ' || key, sum(n) AS total FROM counts GROUP BY kind, key ORDER BY total DESC, kind, key LIMIT ?1");
  st.bind(1, static_cast<int64_t>(limit));
  while (st.step()) out.emplace_back(st.text(0), st.integer(1));
  return out;
}

std::string Stats::csv() {
  flush();
  std::unique_lock<std::mutex> g;
  if (writer_) g = std::unique_lock(writer_->db_m);
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

}  // namespace kiosk::stats
