// Content database reader.
#include "content/store.h"

#include <cstdio>
#include <map>

#include <sodium.h>

#include "content/kinds.h"
#include "content/schema.h"
#include "i18n/catalog.h"

namespace kiosk::content {

namespace {
Item read_item(Stmt& st) {
  Item it;
  it.id = st.text(0);
  it.kind = st.text(1);
  it.order = static_cast<int>(st.integer(2));
  it.source = st.text(3);
  it.source_date = st.text(4);
  it.review_by = st.text(5);
  it.file = st.text(6);
  return it;
}

constexpr const char* kItemCols = "SELECT id, kind, ord, source, source_date, review_by, file FROM items ";

// The English-only fields of the items `where` selects (with ?1 bound to `arg`).
void read_fields(Db& db, std::vector<Item>& items, const char* where, const std::string& arg) {
  std::map<std::string, Item*> by_id;
  for (auto& it : items) by_id[it.id] = &it;
  Stmt st(db, std::string("SELECT f.id, f.field, f.value FROM fields f JOIN items i ON i.id = f.id WHERE ") + where +
                  " ORDER BY f.id, f.field, f.ord");
  st.bind(1, arg);
  while (st.step())
    if (auto it = by_id.find(st.text(0)); it != by_id.end()) it->second->fields[st.text(1)].push_back(st.text(2));
}
}  // namespace

util::Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
  try {
    Db db(path, Db::Mode::ReadOnly);
    int v = db.user_version();
    if (v != kSchemaVersion) {
      return {nullptr, path + ": schema version " + std::to_string(v) + ", this kiosk reads version " +
                           std::to_string(kSchemaVersion)};
    }
    // A quick integrity check catches truncated or overwritten files before a
    // visitor meets them.
    {
      Stmt chk(db, "PRAGMA quick_check");
      if (!chk.step() || chk.text(0) != "ok") {
        return {nullptr, path + ": damaged database (" + chk.text(0) + ")"};
      }
    }
    // Nothing writes this file in place (builds rename a new file over it),
    // so the read lock is taken once instead of per query, and a larger page
    // cache keeps the search index's busy pages in memory. No mmap: a file
    // overwritten in place by mistake must give an error, not a crash.
    db.exec("PRAGMA locking_mode = EXCLUSIVE");
    db.exec("PRAGMA cache_size = -16384");
    std::unique_ptr<Store> s(new Store(std::move(db)));
    s->info_.path = path;
    s->info_.schema = v;
    Stmt meta(s->db_, "SELECT key, value FROM meta");
    while (meta.step()) {
      if (meta.text(0) == "content_hash") s->info_.content_hash = meta.text(1);
      if (meta.text(0) == "built_from") s->info_.built_from = meta.text(1);
    }
    Stmt n(s->db_, "SELECT count(*) FROM items");
    if (n.step()) s->info_.items = static_cast<int>(n.integer(0));
    return {std::move(s), ""};
  } catch (const SqlError& e) {
    return {nullptr, path + ": " + e.what()};
  }
}

std::string Item::value(const std::string& field) const {
  auto it = fields.find(field);
  return it == fields.end() || it->second.empty() ? std::string() : it->second.front();
}

const std::vector<std::string>& Item::list(const std::string& field) const {
  static const std::vector<std::string> none;
  auto it = fields.find(field);
  return it == fields.end() ? none : it->second;
}

std::vector<Item> Store::items(const std::string& kind) {
  Stmt st(db_, std::string(kItemCols) + "WHERE kind = ?1 ORDER BY ord, id");
  st.bind(1, kind);
  std::vector<Item> out;
  while (st.step()) out.push_back(read_item(st));
  read_fields(db_, out, "i.kind = ?1", kind);
  return out;
}

std::optional<Item> Store::item(const std::string& id) {
  Stmt st(db_, std::string(kItemCols) + "WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  std::vector<Item> one{read_item(st)};
  read_fields(db_, one, "i.id = ?1", id);
  return std::move(one.front());
}

std::string Store::text(const std::string& id, const std::string& field, const std::string& locale) {
  Stmt st(db_, "SELECT value FROM texts WHERE id = ?1 AND locale = ?2 AND field = ?3");
  for (const auto& loc : i18n::fallback_chain(locale)) {
    st.bind(1, id).bind(2, loc).bind(3, field);
    if (st.step()) return st.text(0);
    st.reset();
  }
  return {};
}

std::map<std::string, std::map<std::string, std::string>> Store::all_texts(const std::string& locale) {
  std::map<std::string, std::map<std::string, std::string>> out;
  Stmt st(db_, "SELECT id, field, value FROM texts WHERE locale = ?1");
  // the chain's first locale wins: read it first, and keep what is there
  for (const auto& loc : i18n::fallback_chain(locale)) {
    st.bind(1, loc);
    while (st.step()) out[st.text(0)].emplace(st.text(1), st.text(2));
    st.reset();
  }
  return out;
}

bool Store::has_text(const std::string& id, const std::string& field, const std::string& locale) {
  Stmt st(db_, "SELECT 1 FROM texts WHERE id = ?1 AND locale = ?2 AND field = ?3");
  st.bind(1, id).bind(2, locale).bind(3, field);
  return st.step();
}

std::vector<std::string> Store::links(const std::string& id, const std::string& rel) {
  Stmt st(db_, "SELECT target FROM links WHERE id = ?1 AND rel = ?2 ORDER BY ord");
  st.bind(1, id).bind(2, rel);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

std::vector<std::string> Store::locales() {
  Stmt st(db_, "SELECT code FROM locales ORDER BY ord");
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

namespace {
// The fingerprint of (field, value) rows in field order (english_text_hash).
struct TextHash {
  crypto_hash_sha256_state h;
  TextHash() { crypto_hash_sha256_init(&h); }
  void add(const std::string& field, const std::string& value) {
    crypto_hash_sha256_update(&h, reinterpret_cast<const unsigned char*>(field.c_str()), field.size() + 1);
    crypto_hash_sha256_update(&h, reinterpret_cast<const unsigned char*>(value.c_str()), value.size() + 1);
  }
  std::string hex() {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&h, out);
    char s[9];
    for (int i = 0; i < 4; ++i) std::snprintf(s + 2 * i, 3, "%02x", out[i]);
    return s;
  }
};
}  // namespace

std::string Store::english_text_hash(const std::string& id) {
  Stmt st(db_, "SELECT field, value FROM texts WHERE id = ?1 AND locale = 'en' ORDER BY field");
  st.bind(1, id);
  TextHash h;
  bool any = false;
  while (st.step()) {
    h.add(st.text(0), st.text(1));
    any = true;
  }
  return any ? h.hex() : std::string();
}

std::optional<Store::Review> Store::review(const std::string& id, const std::string& locale) {
  Stmt st(db_, "SELECT field, value FROM texts WHERE id = ?1 AND locale = ?2 AND field IN (?3, ?4, ?5)");
  st.bind(1, id).bind(2, locale).bind(3, kReviewedOn).bind(4, kReviewedBy).bind(5, kReviewedEn);
  Review r;
  while (st.step()) (st.text(0) == kReviewedOn ? r.on : st.text(0) == kReviewedBy ? r.by : r.english) = st.text(1);
  if (r.on.empty()) return std::nullopt;
  r.current = !r.english.empty() && r.english == english_text_hash(id);
  return r;
}

std::vector<Store::Coverage> Store::coverage(const std::string& locale) {
  std::vector<Coverage> out;
  for (const auto& k : kinds()) {
    if (!k.staff_listed) continue;
    Coverage c;
    c.kind = k.kind;
    for (const auto& it : items(k.kind)) {
      ++c.total;
      if (!has_text(it.id, k.title, locale)) {
        c.missing.push_back(it.id);
        continue;
      }
      ++c.done;
      if (locale == "en") continue;  // the source: nobody reviews it against itself
      auto r = review(it.id, locale);
      if (r && r->current) ++c.reviewed;
      else (r ? c.out_of_date : c.unreviewed).push_back(it.id);
      if (r && r->on > c.last_reviewed) c.last_reviewed = r->on;
    }
    out.push_back(std::move(c));
  }
  return out;
}

void Store::load_catalog(i18n::Catalog& catalog) {
  Stmt st(db_, "SELECT locale, key, pattern FROM ui_strings");
  while (st.step()) catalog.add(st.text(0), st.text(1), st.text(2));
}

}  // namespace kiosk::content
