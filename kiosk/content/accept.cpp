// The acceptance check, bounded reads and the kiosk's own copies of content.
#include "content/accept.h"

#include <algorithm>
#include <cctype>
#include <atomic>
#include <utility>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <malloc.h>
#include <map>
#include <set>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <vector>

#include "content/model.h"
#include "content/schema.h"
#include "content/search.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "i18n/bidi.h"
#include "i18n/catalog.h"

namespace kiosk::content {

namespace fs = std::filesystem;

const Limits& limits() {
  static const Limits l;
  return l;
}

util::Result<OpenFile> open_regular(const std::string& path, bool no_follow) {
  // lstat/stat first, so a device is never even opened (opening some has effects)
  struct stat st {};
  if ((no_follow ? ::lstat(path.c_str(), &st) : ::stat(path.c_str(), &st)) != 0)
    return {{}, path + ": " + std::strerror(errno)};
  auto what = [&](const struct stat& s) -> std::string {
    if (S_ISREG(s.st_mode)) return "";
    if (S_ISLNK(s.st_mode)) return "a symbolic link";
    if (S_ISDIR(s.st_mode)) return "a folder";
    if (S_ISFIFO(s.st_mode)) return "a pipe (FIFO)";
    if (S_ISCHR(s.st_mode) || S_ISBLK(s.st_mode)) return "a device";
    if (S_ISSOCK(s.st_mode)) return "a socket";
    return "not a regular file";
  };
  if (auto w = what(st); !w.empty()) return {{}, path + ": " + w + ", not a file; not read"};
  // O_NONBLOCK: a FIFO swapped in after the stat never blocks the open
  util::Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | (no_follow ? O_NOFOLLOW : 0)));
  if (!fd) return {{}, path + ": " + std::strerror(errno)};
  if (::fstat(fd.get(), &st) != 0 || !what(st).empty())
    return {{}, path + ": " + (what(st).empty() ? std::string("cannot be checked") : what(st)) + ", not a file; not read"};
  return {{std::move(fd), static_cast<int64_t>(st.st_size)}, ""};
}

util::Result<std::string> read_small_file(const std::string& path, int64_t max_bytes) {
  auto file = open_regular(path, false);
  if (!file.ok()) return {"", std::move(file.why)};
  if (file.value.size > max_bytes)
    return {"", path + ": " + std::to_string(file.value.size) + " bytes, more than the " + std::to_string(max_bytes) +
                    " it may have; not read"};
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(file.value.fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (static_cast<int64_t>(out.size()) > max_bytes)  // it grew while read
      return {"", path + ": longer than " + std::to_string(max_bytes) + " bytes; not read"};
  }
  return {std::move(out), ""};
}

std::string copy_bounded(const std::string& from, const std::string& to, int64_t max_bytes, std::string* sha256_hex,
                         const std::atomic<bool>* cancel) {
  std::string why;
  auto file = open_regular(from, false);
  if (!file.ok()) return file.why;
  util::Fd in = std::move(file.value.fd);
  const int64_t size = file.value.size;
  if (size > max_bytes) {
    return from + ": " + std::to_string(size) + " bytes, more than the " + std::to_string(max_bytes) + " allowed; not copied";
  }
  util::Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!out) {
    return to + ": cannot create (" + std::strerror(errno) + ")";
  }
  crypto_hash_sha256_state h;
  crypto_hash_sha256_init(&h);
  std::vector<unsigned char> buf(1 << 16);  // a fixed buffer: memory does not grow with the file
  int64_t total = 0;
  for (;;) {
    if (cancel && cancel->load()) { why = "stopped"; break; }
    ssize_t n = ::read(in.get(), buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) { why = from + ": " + std::strerror(errno); break; }
    if (n == 0) break;
    total += n;
    if (total > max_bytes) { why = from + ": longer than " + std::to_string(max_bytes) + " bytes; not copied"; break; }
    crypto_hash_sha256_update(&h, buf.data(), static_cast<unsigned long long>(n));
    for (ssize_t off = 0; off < n && why.empty();) {
      ssize_t w = ::write(out.get(), buf.data() + off, static_cast<size_t>(n - off));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) why = to + ": cannot write (" + std::strerror(errno) + ")";
      else off += w;
    }
    if (!why.empty()) break;
  }
  in.reset();
  if (why.empty() && (::fchmod(out.get(), 0444) != 0 || ::fsync(out.get()) != 0 || !out.close()))
    why = to + ": cannot finish writing";
  out.reset();
  if (!why.empty()) {
    std::error_code ec;
    fs::remove(to, ec);
    return why;
  }
  if (sha256_hex) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&h, d);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, d, sizeof d);
    *sha256_hex = hex;
  }
  return "";
}

namespace {
std::string a_noun(const std::string& noun) {
  return (std::string("aeiou").find(noun[0]) != std::string::npos ? "an " : "a ") + noun;
}

using Row = std::tuple<std::string, std::string, std::string, std::string>;  // type, name, table, sql

std::set<Row> schema_rows(Db& db) {
  std::set<Row> out;
  Stmt st(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master");
  while (st.step()) out.insert({st.text(0), st.text(1), st.text(2), st.text(3)});
  return out;
}

// "missing table locales", "unexpected trigger t", "table items is not the one this kiosk reads"
std::string compare_schema(const std::set<Row>& expected, const std::set<Row>& actual) {
  auto named = [](const std::set<Row>& rows, const std::string& name) -> const Row* {
    for (const auto& r : rows) if (std::get<1>(r) == name) return &r;
    return nullptr;
  };
  auto words = [](const std::string& type, const std::string& name) {
    if (name.rfind("search_", 0) == 0) return "search index table " + name;
    return type + " " + name;
  };
  std::vector<Row> order(expected.begin(), expected.end());  // tables before their indexes
  std::stable_sort(order.begin(), order.end(), [](const Row& a, const Row& b) {
    return (std::get<0>(a) == "table") > (std::get<0>(b) == "table");
  });
  for (const auto& r : order) {
    if (actual.count(r)) continue;
    const Row* other = named(actual, std::get<1>(r));
    if (!other) return "missing " + words(std::get<0>(r), std::get<1>(r));
    return words(std::get<0>(r), std::get<1>(r)) + " is not the one this kiosk reads (columns or definition differ)";
  }
  for (const auto& r : actual)
    if (!expected.count(r)) return "unexpected " + words(std::get<0>(r), std::get<1>(r)) + " (not part of a content database)";
  return "";
}

bool valid_locale_code(const std::string& s) {
  // en, es, zh, es-419, pt_BR, zh-Hant: letters and digits in short parts
  if (s.size() < 2 || s.size() > 16) return false;
  size_t i = 0;
  while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  size_t part = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '-' || c == '_') {
      if (part == 0 && i != 2 && i != 3) return false;
      part = 0;
      continue;
    }
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    ++part;
  }
  return s.back() != '-' && s.back() != '_';
}

int64_t one_int(Db& db, const std::string& sql) {
  Stmt st(db, sql);
  return st.step() ? st.integer(0) : 0;
}

int stop_check(void* flag) { return static_cast<const std::atomic<bool>*>(flag)->load() ? 1 : 0; }

std::string check_open(Db& db, const std::atomic<bool>* cancel, std::vector<std::string>* locales) {
  const Limits& L = limits();
  if (cancel) sqlite3_progress_handler(db.raw(), 10000, stop_check, const_cast<std::atomic<bool>*>(cancel));
  if (int v = db.user_version(); v != kSchemaVersion)
    return "schema version " + std::to_string(v) + ", this kiosk reads version " + std::to_string(kSchemaVersion);
  {
    Stmt chk(db, "PRAGMA integrity_check(1)");
    if (!chk.step() || chk.text(0) != "ok") return "damaged database (" + chk.text(0) + ")";
  }
  // the exact schema: the base tables first (so `locales` can be read), then
  // one search index per locale, and nothing else at all
  Db ref(":memory:", Db::Mode::ReadWriteCreate);
  ref.exec(kSchemaSql);
  const std::set<Row> actual = schema_rows(db);
  {
    std::set<Row> base = schema_rows(ref);
    for (const auto& r : base)
      if (!actual.count(r)) return compare_schema(base, actual);
  }
  if (int64_t n = one_int(db, "SELECT count(*) FROM locales"); n < 1 || n > L.max_locales)
    return std::to_string(n) + " locales (a pack has 1 to " + std::to_string(L.max_locales) + ", English among them)";
  {
    Stmt st(db, "SELECT code, typeof(code) FROM locales ORDER BY ord");
    while (st.step()) {
      if (st.text(1) != "text" || !valid_locale_code(st.text(0))) return "a locale code that is not one: '" + st.text(0).substr(0, 20) + "'";
      locales->push_back(st.text(0));
    }
  }
  if (std::find(locales->begin(), locales->end(), "en") == locales->end()) return "no English (locale en)";
  for (const auto& loc : *locales) ref.exec(fts_create_sql(loc));
  if (auto why = compare_schema(schema_rows(ref), actual); !why.empty()) return why;

  // counts and sizes, before anything is loaded into memory
  auto over = [](const std::string& what, int64_t n, int64_t max) {
    return what + ": " + std::to_string(n) + ", more than the " + std::to_string(max) + " a pack may have";
  };
  if (int64_t n = one_int(db, "SELECT count(*) FROM items"); n > L.max_items) return over("items", n, L.max_items);
  if (one_int(db, "SELECT count(*) FROM items") == 0) return "no items at all";
  if (int64_t n = one_int(db, "SELECT count(*) FROM ui_strings"); n > L.max_ui_strings) return over("UI strings", n, L.max_ui_strings);
  if (int64_t n = one_int(db, "SELECT count(*) FROM links"); n > L.max_links) return over("links", n, L.max_links);
  if (int64_t n = one_int(db, "SELECT count(*) FROM synonyms"); n > L.max_synonyms) return over("synonyms", n, L.max_synonyms);
  if (int64_t n = one_int(db, "SELECT count(*) FROM stopwords"); n > L.max_stopwords) return over("stop words", n, L.max_stopwords);
  // the kinds, their step counts and titles as the registry (content/kinds.h) has them
  std::string kind_list, title_case;
  for (const auto& k : kinds()) {
    kind_list += (kind_list.empty() ? "'" : ",'") + std::string(k.kind) + "'";
    title_case += " WHEN '" + std::string(k.kind) + "' THEN '" + k.title + "'";
  }
  {
    Stmt st(db, "SELECT id, kind FROM items WHERE kind NOT IN (" + kind_list + ") LIMIT 1");
    if (st.step()) return "item '" + st.text(0).substr(0, 60) + "' is of an unknown kind '" + st.text(1).substr(0, 20) + "'";
  }
  if (int64_t n = one_int(db, "SELECT count(*) FROM fields"); n > L.max_items * 64) return over("field values", n, L.max_items * 64);
  for (const auto& k : kinds())
    for (const auto& f : k.fields) {
      if (f.type != FieldType::Steps) continue;
      Stmt st(db, "SELECT i.id, coalesce(f.value, '0') FROM items i LEFT JOIN fields f ON f.id = i.id AND f.field = ?2 "
                  "WHERE i.kind = ?1 AND (f.value IS NOT NULL AND (typeof(f.value) != 'text' OR "
                  "CAST(CAST(f.value AS INTEGER) AS TEXT) != f.value OR CAST(f.value AS INTEGER) < 0 OR "
                  "CAST(f.value AS INTEGER) > ?3)) LIMIT 1");
      st.bind(1, k.kind).bind(2, f.name).bind(3, L.max_steps);
      if (st.step())
        return "item '" + st.text(0).substr(0, 60) + "' has " + st.text(1).substr(0, 20) + " " + f.name + " (" + a_noun(k.noun) +
               " has 0 to " + std::to_string(L.max_steps) + ")";
    }
  {
    Stmt st(db, "SELECT id FROM items WHERE typeof(ord) != 'integer' OR length(CAST(id || "
                "coalesce(source,'') || coalesce(source_date,'') || coalesce(review_by,'') || coalesce(file,'') AS BLOB)) > ?1 "
                "UNION ALL SELECT id FROM fields WHERE typeof(ord) != 'integer' OR typeof(value) != 'text' OR "
                "length(CAST(value AS BLOB)) > ?1 OR id NOT IN (SELECT id FROM items) LIMIT 1");
    st.bind(1, L.max_text_bytes);
    if (st.step()) return "item '" + st.text(0).substr(0, 60) + "' has fields that are not what they should be or too long";
  }
  {
    Stmt st(db, "SELECT id, locale, field, length(CAST(value AS BLOB)), typeof(value) FROM texts "
                "WHERE typeof(value) != 'text' OR length(CAST(value AS BLOB)) > ?1 LIMIT 1");
    st.bind(1, L.max_text_bytes);
    if (st.step())
      return "the " + st.text(2).substr(0, 40) + " of '" + st.text(0).substr(0, 60) + "' (" + st.text(1).substr(0, 16) + ") is " +
             (st.text(4) != "text" ? std::string("not text") : st.text(3) + " bytes, more than the " + std::to_string(L.max_text_bytes) + " allowed");
  }
  if (int64_t n = one_int(db, "SELECT coalesce(sum(length(CAST(value AS BLOB))), 0) FROM texts"); n > L.max_total_text_bytes)
    return over("bytes of text", n, L.max_total_text_bytes);
  {
    Stmt st(db, "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.id = i.id AND t.locale = 'en' AND "
                "t.field = CASE i.kind" + title_case + " ELSE 'title' END AND t.value != '') LIMIT 1");
    if (st.step()) return "item '" + st.text(0).substr(0, 60) + "' has no English title";
  }
  if (one_int(db, "SELECT count(*) FROM stopwords WHERE locale = 'en'") == 0) return "search has no English stop words";

  // UI strings: each compiles, and a translation has exactly English's arguments
  std::map<std::string, std::map<std::string, std::string>> ui;  // locale -> key -> pattern
  {
    Stmt st(db, "SELECT locale, key, pattern, typeof(pattern), length(CAST(pattern AS BLOB)) FROM ui_strings");
    while (st.step()) {
      if (st.text(3) != "text" || st.integer(4) > L.max_pattern_bytes)
        return "UI string '" + st.text(1).substr(0, 60) + "' (" + st.text(0).substr(0, 16) + ") is not text or longer than " +
               std::to_string(L.max_pattern_bytes) + " bytes";
      ui[st.text(0)][st.text(1)] = st.text(2);
    }
  }
  if (ui["en"].empty()) return "no English UI strings";
  std::map<std::string, std::vector<std::string>> en_args;
  for (const auto& [key, pattern] : ui["en"]) {
    std::vector<std::string> args;
    if (auto err = i18n::check_pattern(pattern, &args); !err.empty())
      return "UI string '" + key.substr(0, 60) + "' (en) is " + err;
    en_args[key] = std::move(args);
  }
  for (const auto& [loc, strings] : ui) {
    if (loc == "en") continue;
    for (const auto& [key, pattern] : strings) {
      std::vector<std::string> args;
      if (auto err = i18n::check_pattern(pattern, &args); !err.empty())
        return "UI string '" + key.substr(0, 60) + "' (" + loc.substr(0, 16) + ") is " + err;
      auto it = en_args.find(key);
      if (it == en_args.end()) return "UI string '" + key.substr(0, 60) + "' (" + loc.substr(0, 16) + ") does not exist in English";
      if (args != it->second)
        return "UI string '" + key.substr(0, 60) + "' (" + loc.substr(0, 16) + ") has other placeholders than English";
    }
  }
  // the on-screen keyboard: rows of keys separated by |, none empty
  if (!ui["en"].count("keyboard.rows")) return "no English keyboard (UI string keyboard.rows)";
  for (const auto& [loc, strings] : ui) {
    auto it = strings.find("keyboard.rows");
    if (it == strings.end()) continue;
    const std::string& rows = it->second;
    bool bad = rows.empty() || rows.front() == '|' || rows.back() == '|' || rows.find("||") != std::string::npos ||
               rows.find_first_not_of("| \t") == std::string::npos;
    if (bad) return "the keyboard (" + loc.substr(0, 16) + ") has a row without letters";
  }
  return "";
}

}  // namespace

std::string accept_database(const std::string& path, const std::atomic<bool>* cancel, LocaleGlyphs* glyphs) {
  std::string why;
  int64_t size = 0;
  {
    auto file = open_regular(path, false);
    if (!file.ok()) return file.why;
    size = file.value.size;
  }
  if (size > limits().max_database_bytes)
    return path + ": " + std::to_string(size) + " bytes, more than the " + std::to_string(limits().max_database_bytes) +
           " a content database may have";
  std::vector<std::string> locales;
  try {
    Db db(path, Db::Mode::ReadOnly);
    why = check_open(db, cancel, &locales);
  } catch (const std::exception& e) {
    why = std::string("cannot be read (") + e.what() + ")";
  }
  if (!why.empty()) return path + ": " + why;
  // every item loadable by the content library, and a search, in every
  // locale: half of them on a second thread, each half with its own
  // connection (start-up with eight languages waited for all of it)
  if (glyphs)
    for (const auto& loc : locales) (*glyphs)[loc];  // made here: the threads only fill them
  auto check_locales = [&](size_t from, size_t to) -> std::string {
    try {
      auto opened = Store::open(path);
      if (!opened.ok()) return opened.why;
      auto store = std::move(opened.value);
      if (cancel) sqlite3_progress_handler(store->db().raw(), 10000, stop_check, const_cast<std::atomic<bool>*>(cancel));
      if (from == 0) {
        i18n::Catalog cat;
        store->load_catalog(cat);
      }
      for (size_t i = from; i < to; ++i) {
        const std::string& loc = locales[i];
        auto model = load_model(*store, loc);
        if (model->topics.empty()) return path + ": no topics in " + loc;
        if (glyphs) add_model_glyphs(*model, i18n::is_rtl_locale(loc), glyphs->at(loc));
        Search search(*store, loc);
        search.query("help");
        search.query("a");
      }
    } catch (const std::exception& e) {
      return path + ": content that cannot be read (" + e.what() + ")";
    }
    return "";
  };
  const size_t half = locales.size() / 2;
  std::string second;
  std::thread other;
  if (half > 0) other = std::thread([&] { second = check_locales(half, locales.size()); });
  std::string first = check_locales(0, half > 0 ? half : locales.size());
  if (other.joinable()) other.join();
  // the second thread's malloc arena keeps what it freed: give it back, so
  // the check leaves the kiosk's memory as it found it
  malloc_trim(0);
  return !first.empty() ? first : second;
}

// --- OwnedContent ----------------------------------------------------------

namespace {
std::atomic<int> g_serial{0};

// "<pid>-<n>.db" or "<pid>-<n>.db.failed" -> pid, else 0
long pid_of(const std::string& name) {
  size_t dash = name.find('-');
  if (dash == std::string::npos || dash == 0) return 0;
  long pid = 0;
  for (size_t i = 0; i < dash; ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    pid = pid * 10 + (name[i] - '0');
    if (pid > 1 << 30) return 0;
  }
  return pid;
}
}  // namespace

std::string own_dir_for(const std::string& published) {
  fs::path parent = fs::path(published).parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::path dir = parent / ".kiosk-content";
  fs::create_directories(dir, ec);
  if (!ec && ::access(dir.c_str(), W_OK) == 0) return dir.string();
  dir = fs::temp_directory_path(ec) / ("kiosk-content-" + std::to_string(::getuid()));
  fs::create_directories(dir, ec);
  return dir.string();
}

OwnedContent::OwnedContent(std::string own_dir) : dir_(std::move(own_dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  ::chmod(dir_.c_str(), 0700);
  // copies left by kiosks that have gone (a crash, a power cut)
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    long pid = pid_of(e.path().filename().string());
    if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
  }
}

OwnedContent::~OwnedContent() {
  // only this object's copies: another App in this process has its own
  std::error_code ec;
  for (const auto& p : {current_, last_good_, failed_})
    if (!p.empty()) fs::remove(p, ec);
}

Candidate::Candidate() = default;
Candidate::Candidate(Candidate&& o) noexcept
    : published(std::move(o.published)), copy(std::exchange(o.copy, {})), why(std::move(o.why)), store(std::move(o.store)),
      glyphs(std::move(o.glyphs)) {}
Candidate& Candidate::operator=(Candidate&& o) noexcept {
  if (this == &o) return *this;
  store.reset();
  std::error_code ec;
  if (!copy.empty()) fs::remove(copy, ec);
  published = std::move(o.published);
  copy = std::exchange(o.copy, {});
  why = std::move(o.why);
  store = std::move(o.store);
  glyphs = std::move(o.glyphs);
  return *this;
}
Candidate::~Candidate() {
  store.reset();
  std::error_code ec;
  if (!copy.empty()) fs::remove(copy, ec);
}

Candidate OwnedContent::prepare(const std::string& published, const std::atomic<bool>* cancel) const {
  Candidate c;
  c.published = published;
  c.copy = (fs::path(dir_) / (std::to_string(::getpid()) + "-" + std::to_string(++g_serial) + ".db")).string();
  std::error_code ec;
  fs::remove(c.copy, ec);
  std::string w = copy_bounded(published, c.copy, limits().max_database_bytes, nullptr, cancel);
  if (w.empty()) w = accept_database(c.copy, cancel, &c.glyphs);
  if (w.empty()) {
    auto opened = Store::open(c.copy);
    c.store = std::move(opened.value);
    w = std::move(opened.why);
  }
  if (!w.empty() && w.rfind(c.copy, 0) == 0) w = published + w.substr(c.copy.size());  // name what staff put there
  if (!c.store) {
    c.why = w.empty() ? "it could not be opened" : w;
    fs::remove(c.copy, ec);
    c.copy.clear();
  }
  return c;
}

std::unique_ptr<Store> OwnedContent::take(Candidate&& c, LocaleGlyphs* glyphs) {
  if (!c.store || c.copy.empty()) return nullptr;
  if (glyphs) *glyphs = std::move(c.glyphs);
  std::error_code ec;
  if (!last_good_.empty()) fs::remove(last_good_, ec);
  last_good_ = current_;
  current_ = c.copy;
  c.copy.clear();
  return std::move(c.store);
}

util::Result<std::unique_ptr<Store>> OwnedContent::adopt(const std::string& published, LocaleGlyphs* glyphs) {
  Candidate c = prepare(published);
  std::string why = c.store ? "" : c.why;
  return {take(std::move(c), glyphs), std::move(why)};
}

BackgroundAdopt::~BackgroundAdopt() {
  cancel_ = true;
  if (worker_.joinable()) worker_.join();
}

bool BackgroundAdopt::start(const std::string& published) {
  if (running()) return false;
  if (worker_.joinable()) worker_.join();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    result_ = Candidate{};
  }
  done_ = false;
  started_ = true;
  worker_ = std::thread([this, published] {
    Candidate c = owned_.prepare(published, &cancel_);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      result_ = std::move(c);
    }
    done_ = true;
  });
  return true;
}

std::optional<Candidate> BackgroundAdopt::take() {
  if (!ready()) return std::nullopt;
  worker_.join();
  started_ = false;
  std::lock_guard<std::mutex> lock(mutex_);
  return std::optional<Candidate>(std::move(result_));
}

util::Result<std::unique_ptr<Store>> OwnedContent::fall_back(LocaleGlyphs* glyphs) {
  std::error_code ec;
  if (!current_.empty()) {
    if (!failed_.empty()) fs::remove(failed_, ec);
    failed_ = current_ + ".failed";
    fs::rename(current_, failed_, ec);
    current_.clear();
  }
  if (last_good_.empty()) return {nullptr, "there is no earlier content to go back to"};
  std::string w = accept_database(last_good_, nullptr, glyphs);
  std::unique_ptr<Store> store;
  if (w.empty()) {
    auto opened = Store::open(last_good_);
    store = std::move(opened.value);
    w = std::move(opened.why);
  }
  if (!store) {
    fs::remove(last_good_, ec);
    last_good_.clear();
    return {nullptr, "the earlier content failed too: " + w};
  }
  current_ = last_good_;
  last_good_.clear();
  return {std::move(store), ""};
}

}  // namespace kiosk::content
