// Builds the content database: one SQLite file holding every item, every
// translation, the UI strings and one search index per locale. Deterministic:
// the same sources give a byte-identical file.
#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <map>
#include <tuple>
#include <set>
#include <stdexcept>
#include <unistd.h>
#include <fcntl.h>

#include <sodium.h>
#include <sqlite3.h>

#include "content/markdown.h"
#include "content/schema.h"
#include "content/sqlite.h"
#include "i18n/text.h"
#include "tools/lib/model.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace kiosk::tools {

namespace {

std::string join_lines(const toml::array* arr) {
  std::string out;
  if (!arr) return out;
  for (auto& e : *arr)
    if (auto s = e.value<std::string>()) {
      if (!out.empty()) out += '\n';
      out += *s;
    }
  return out;
}

// The content's version is the content: SHA-256 over every row of every
// table a visitor's words come from (not the search indexes, which are made
// from them, nor meta), in a fixed order, each value with its type. Where the
// sources lay (items.file) is left out, so the same sources anywhere give the
// same version, and a changed phone, step, synonym or UI string another.
std::string content_version(content::Db& db) {
  crypto_hash_sha256_state h;
  crypto_hash_sha256_init(&h);
  auto feed = [&](const void* p, size_t n) { crypto_hash_sha256_update(&h, static_cast<const unsigned char*>(p), n); };
  std::vector<std::string> tables;
  {
    content::Stmt t(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'meta' AND name NOT LIKE 'search%'"
                        " AND name NOT LIKE 'sqlite%' ORDER BY name");
    while (t.step()) tables.push_back(t.text(0));
  }
  for (const auto& table : tables) {
    feed(table.data(), table.size() + 1);
    sqlite3_stmt* cols = nullptr;
    sqlite3_prepare_v2(db.raw(), ("SELECT * FROM \"" + table + "\" LIMIT 0").c_str(), -1, &cols, nullptr);
    std::vector<std::string> keep;
    for (int i = 0; cols && i < sqlite3_column_count(cols); ++i)
      if (std::string c = sqlite3_column_name(cols, i); c != "file") keep.push_back("\"" + c + "\"");
    sqlite3_finalize(cols);
    std::string list, order;
    for (size_t i = 0; i < keep.size(); ++i) {
      list += (i ? ", " : "") + keep[i];
      order += (i ? ", " : "") + std::to_string(i + 1);
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db.raw(), ("SELECT " + list + " FROM \"" + table + "\" ORDER BY " + order).c_str(), -1, &st,
                           nullptr) != SQLITE_OK)
      throw content::SqlError(std::string("content version: ") + sqlite3_errmsg(db.raw()));
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const unsigned char type = static_cast<unsigned char>(sqlite3_column_type(st, i));
        feed(&type, 1);
        const void* v = type == SQLITE_NULL ? nullptr : sqlite3_column_blob(st, i);
        const uint64_t n = type == SQLITE_NULL ? 0 : static_cast<uint64_t>(sqlite3_column_bytes(st, i));
        feed(&n, sizeof n);
        if (n) feed(v, n);
      }
    }
    sqlite3_finalize(st);
  }
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&h, out);
  char hex[17];
  for (int i = 0; i < 8; ++i) std::snprintf(hex + 2 * i, 3, "%02x", out[i]);
  return hex;
}

std::string date_text(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// The translatable texts of one file as (field, value) pairs, and a
// translation's review (reviewed_on as YYYY-MM-DD, reviewed_by, reviewed_en).
std::vector<std::pair<std::string, std::string>> texts_of(const ItemFile& f) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& spec : fields_for(f.kind)) {
    if (!spec.translated) continue;
    const toml::node* n = f.meta[spec.name].node();
    if (!n) continue;
    if (spec.translation_only) {
      if (auto d = n->value<toml::date>()) out.emplace_back(spec.name, date_text(*d));
      else if (auto s = n->value<std::string>()) out.emplace_back(spec.name, *s);
      continue;
    }
    if (spec.type == FieldType::String) {
      if (auto s = n->value<std::string>()) out.emplace_back(spec.name, *s);
    } else if (spec.type == FieldType::StringList) {
      out.emplace_back(spec.name, join_lines(n->as_array()));
    } else if (spec.type == FieldType::Steps) {
      int i = 0;
      if (auto* arr = n->as_array())
        for (auto& e : *arr) {
          ++i;
          auto* t = e.as_table();
          if (!t) continue;
          std::string p = "step." + std::to_string(i) + ".";
          out.emplace_back(p + "title", (*t)["title"].value_or(std::string()));
          out.emplace_back(p + "text", (*t)["text"].value_or(std::string()));
          out.emplace_back(p + "checklist", join_lines((*t)["checklist"].as_array()));
        }
    }
  }
  if (!f.body.empty()) out.emplace_back("body", f.body);
  return out;
}

// The English-only fields of an English file as (field, value) rows, a list
// one row per entry (its ord the entry's place), as the kind's definition
// lists them; a Steps field (translated) stores how many steps there are.
// `order` is the items table's own column.
std::vector<std::pair<std::string, std::string>> fields_of(const ItemFile& f) {
  std::vector<std::pair<std::string, std::string>> out;
  const content::KindDef* k = content::find_kind(f.kind);
  if (!k) return out;
  for (const auto& spec : k->fields) {
    const toml::node* n = f.meta[spec.name].node();
    if (!n || spec.name == std::string("order")) continue;
    if (spec.type == FieldType::Steps) {
      if (auto* a = n->as_array()) out.emplace_back(spec.name, std::to_string(a->size()));
      continue;
    }
    if (spec.translated) continue;
    if (auto* arr = n->as_array()) {
      for (auto& e : *arr)
        if (auto v = e.value<std::string>()) out.emplace_back(spec.name, *v);
    } else if (auto v = n->value<std::string>()) {
      out.emplace_back(spec.name, *v);
    } else if (auto i = n->value<int64_t>()) {
      out.emplace_back(spec.name, std::to_string(*i));
    } else if (auto d = n->value<toml::date>()) {
      out.emplace_back(spec.name, date_text(*d));
    }
  }
  return out;
}

// content/which.toml into links (no schema change): ("which", "result", <id>,
// ord) in file order, ("which:<id>", agency|guide|line|faq, <value>, 0) for
// each value given, ("lines", <role>, <contact id>, 0) and ("offices", <role>,
// <office id>, 0). Without the file
// nothing is stored, and the model falls back to content::which_fallback().
void store_which(const WhichFile& w, content::Stmt& ins_link) {
  if (!w.present) return;
  auto link = [&](const std::string& id, const std::string& rel, const std::string& target, int64_t ord) {
    if (target.empty()) return;
    ins_link.bind(1, id).bind(2, rel).bind(3, target).bind(4, ord);
    ins_link.run();
  };
  int64_t ord = 0;
  for (const auto& r : w.results) {
    link("which", "result", r.id.text, ord++);
    const std::string key = "which:" + r.id.text;
    link(key, "agency", r.agency.text, 0);
    link(key, "guide", r.guide.text, 0);
    link(key, "line", r.line_id.text, 0);
    link(key, "faq", r.faq.text, 0);
  }
  for (const auto& [role, v] : w.lines) link("lines", role, v.text, 0);
  for (const auto& [role, v] : w.offices) link("offices", role, v.text, 0);
}

}  // namespace

std::string build_database(const ContentSet& set, const std::string& out_path) {
  fs::path out(out_path);
  if (out.has_parent_path()) fs::create_directories(out.parent_path());
  std::string tmp = out_path + ".tmp-" + std::to_string(::getpid());
  fs::remove(tmp);
  try {
    {
      content::Db db(tmp, content::Db::Mode::ReadWriteCreate);
      db.exec("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
      db.exec(content::kSchemaSql);

      // Locales: English first, then every other locale any source has.
      std::set<std::string> locs;
      for (const auto& f : set.files) locs.insert(f.locale);
      for (const auto& p : set.po) locs.insert(p.locale);
      std::vector<std::string> locales = {"en"};
      for (const auto& l : locs) if (l != "en") locales.push_back(l);

      content::Transaction tx(db);
      {
        content::Stmt st(db, "INSERT INTO locales(code, ord) VALUES(?1, ?2)");
        for (size_t i = 0; i < locales.size(); ++i) { st.bind(1, locales[i]).bind(2, (int64_t)i); st.run(); }
      }
      std::map<std::string, std::map<std::string, std::string>> ui;  // locale -> key -> pattern
      {
        content::Stmt st(db, "INSERT INTO ui_strings(locale, key, pattern) VALUES(?1, ?2, ?3)");
        for (const auto& p : set.po)
          for (const auto& e : p.entries) {
            st.bind(1, p.locale).bind(2, e.key).bind(3, e.pattern);
            st.run();
            ui[p.locale][e.key] = e.pattern;
          }
      }
      content::Stmt ins_item(db,
          "INSERT INTO items(id, kind, ord, source, source_date, review_by, file) VALUES(?1,?2,?3,?4,?5,?6,?7)");
      content::Stmt ins_field(db, "INSERT INTO fields(id, field, value, ord) VALUES(?1, ?2, ?3, ?4)");
      content::Stmt ins_text(db, "INSERT OR REPLACE INTO texts(id, locale, field, value) VALUES(?1, ?2, ?3, ?4)");
      content::Stmt ins_link(db, "INSERT INTO links(id, rel, target, ord) VALUES(?1, ?2, ?3, ?4)");
      std::vector<const ItemFile*> en_items;
      for (const auto& f : set.files) {
        // A kind with ids of its own (topics: a guide may share a topic's
        // name) is stored as "<kind>:<id>".
        const content::KindDef* kind = content::find_kind(f.kind);
        if (!kind) continue;  // load_content reads only the registry's folders
        const std::string key_id = content::stored_id(*kind, f.id);
        for (const auto& [field, value] : texts_of(f)) {
          ins_text.bind(1, key_id).bind(2, f.locale).bind(3, field).bind(4, value);
          ins_text.run();
        }
        if (f.locale != "en") continue;
        en_items.push_back(&f);
        auto str = [&](const char* k) { return f.meta[k].value_or(std::string()); };
        std::string review;
        if (auto d = f.meta["review_by"].value<toml::date>()) review = date_text(*d);
        ins_item.bind(1, key_id).bind(2, f.kind).bind(3, f.meta["order"].value_or<int64_t>(0))
            .bind(4, str("source")).bind(5, str("source_date")).bind(6, review).bind(7, f.path);
        ins_item.run();
        std::map<std::string, int64_t> ord;
        for (const auto& [field, value] : fields_of(f)) {
          ins_field.bind(1, key_id).bind(2, field).bind(3, value).bind(4, ord[field]++);
          ins_field.run();
        }
      }
      store_which(set.which, ins_link);
      {
        content::Stmt syn(db, "INSERT INTO synonyms(locale, grp, term) VALUES(?1, ?2, ?3)");
        content::Stmt sw(db, "INSERT INTO stopwords(locale, word) VALUES(?1, ?2)");
        for (const auto& s : set.synonyms) {
          int64_t g = 0;
          for (const auto& grp : s.groups) {
            for (const auto& t : grp) { syn.bind(1, s.locale).bind(2, g).bind(3, t); syn.run(); }
            ++g;
          }
          for (const auto& w : s.stopwords) { sw.bind(1, s.locale).bind(2, w); sw.run(); }
          // one-way meanings: grp -1, -2, ...; the meaning marked "=", then the words that mean it
          int64_t m = 0;
          for (const auto& [meaning, words] : s.means) {
            --m;
            syn.bind(1, s.locale).bind(2, m).bind(3, "=" + meaning); syn.run();
            for (const auto& w : words) { syn.bind(1, s.locale).bind(2, m).bind(3, w); syn.run(); }
          }
        }
      }

      // Search indexes: every item in every locale, falling back to English per field.
      // (kind, id, locale) -> field -> text, so each lookup is a map find.
      std::map<std::tuple<std::string, std::string, std::string>, std::map<std::string, std::string>> texts;
      for (const auto& f : set.files)
        for (auto& [k, v] : texts_of(f)) texts[{f.kind, f.id, f.locale}].emplace(k, std::move(v));
      auto text_in = [&](const ItemFile& en, const std::string& loc, const std::string& field) {
        for (const std::string& l : {loc, std::string("en")}) {
          auto it = texts.find({en.kind, en.id, l});
          if (it == texts.end()) continue;
          if (auto jt = it->second.find(field); jt != it->second.end()) return jt->second;
        }
        return std::string();
      };
      // FTS rows in id order, so the rowid breaks ties in ranking as the id would.
      auto stored_id = [](const ItemFile* f) { return content::stored_id(*content::find_kind(f->kind), f->id); };
      std::sort(en_items.begin(), en_items.end(),
                [&](const ItemFile* a, const ItemFile* b) { return stored_id(a) < stored_id(b); });
      auto ui_in = [&](const std::string& loc, const std::string& key) {
        if (auto it = ui[loc].find(key); it != ui[loc].end()) return it->second;
        if (auto it = ui["en"].find(key); it != ui["en"].end()) return it->second;
        return std::string();
      };
      for (const auto& loc : locales) {
        db.exec(content::fts_create_sql(loc));
        i18n::Stemmer stemmer(loc);
        content::Stmt fts(db, "INSERT INTO " + content::fts_table(loc) +
                                  "(id, kind, display, title, keywords, body, stems) VALUES(?1,?2,?3,?4,?5,?6,?7)");
        for (const ItemFile* f : en_items) {
          const content::KindDef& kind = *content::find_kind(f->kind);
          if (!kind.searched) continue;
          // a field's value in this locale ("{steps}": every step's title, text and checklist)
          auto value = [&](const std::string& field) -> std::string {
            const content::FieldDef* spec = content::find_field(kind, field);
            if (!spec) return {};
            if (spec->type == FieldType::Steps) {
              std::string steps;
              int n = 0;
              if (auto* a = f->meta[field].as_array()) n = static_cast<int>(a->size());
              for (int i = 1; i <= n; ++i) {
                std::string p = "step." + std::to_string(i) + ".";
                steps += "\n" + text_in(*f, loc, p + "title") + "\n" + content::markdown_plain(text_in(*f, loc, p + "text")) +
                       "\n" + text_in(*f, loc, p + "checklist");
              }
              return steps;
            }
            if (spec->translated) return text_in(*f, loc, field);
            return f->meta[field].value_or(std::string());
          };
          // "{field}" replaced by its value; then "@key" is the UI string key
          auto expand = [&](const std::string& tmpl) {
            std::string text;
            for (size_t i = 0; i < tmpl.size();) {
              size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string::npos;
              if (close == std::string::npos) { text += tmpl[i++]; continue; }
              text += value(tmpl.substr(i + 1, close - i - 1));
              i = close + 1;
            }
            return !text.empty() && text[0] == '@' ? ui_in(loc, text.substr(1)) : text;
          };
          const std::string display = text_in(*f, loc, kind.title);
          // "also asked as" phrasings count as the title does (they are how visitors ask it)
          std::string title = display;
          if (std::string asked = text_in(*f, loc, "asked"); !asked.empty()) title += "\n" + asked;
          std::string keywords = text_in(*f, loc, "keywords");
          for (const auto& k : kind.search_keywords) keywords += "\n" + expand(k);
          std::string body = expand(kind.search_lead) + content::markdown_plain(text_in(*f, loc, "body"));
          std::string stems;
          for (const auto* part : {&title, &keywords, &body})
            for (const auto& w : i18n::words(*part)) {
              std::string s = stemmer.stem(w);
              if (!stems.empty()) stems += ' ';
              stems += s;
            }
          // Chinese also as pinyin typed on the Latin keyboard: the title's
          // words and runs of two or three ("fuyang", "fuyangfei"), each keyword whole
          if (i18n::has_han(title) || i18n::has_han(keywords)) {
            stems += ' ' + i18n::pinyin_words(title, 3);
            for (size_t at = 0; at <= keywords.size();) {
              size_t nl = std::min(keywords.find('\n', at), keywords.size());
              stems += ' ' + i18n::pinyin_words(keywords.substr(at, nl - at), 4);
              at = nl + 1;
            }
          }
          // folded (đ, ł, Arabic letters and digits as search folds them) and
          // Chinese with a space between words, for the index's tokenizer
          fts.bind(1, stored_id(f)).bind(2, f->kind).bind(3, display).bind(4, i18n::index_text(title))
              .bind(5, i18n::index_text(keywords)).bind(6, i18n::index_text(body)).bind(7, i18n::index_text(stems));
          fts.run();
        }
        db.exec("INSERT INTO " + content::fts_table(loc) + "(" + content::fts_table(loc) + ") VALUES('optimize')");
      }
      {
        content::Stmt m(db, "INSERT INTO meta(key, value) VALUES(?1, ?2)");
        m.bind(1, "content_hash").bind(2, content_version(db)); m.run();
        std::string newest;
        for (const auto& s : set.sources) if (s.date > newest && s.date[0] >= '0' && s.date[0] <= '9') newest = s.date;
        m.bind(1, "built_from").bind(2, std::to_string(set.files.size()) + " files; newest source " + newest); m.run();
      }
      tx.commit();
      db.exec("PRAGMA user_version = " + std::to_string(content::kSchemaVersion));
      db.exec("VACUUM");
    }
    // Durable before visible: fsync the file, rename over the old one, fsync the folder.
    if (auto why = util::replace_durably(tmp, out_path); !why.empty()) throw std::runtime_error(why);
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return e.what();
  }
  return {};
}

}  // namespace kiosk::tools
