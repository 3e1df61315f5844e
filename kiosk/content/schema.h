// The content database's schema, shared by the builder (tools/) and the reader.
#pragma once
#include <string>

#include "content/kinds.h"  // title_field()

namespace kiosk::content {

// Bump when the layout changes; the kiosk refuses any other version.
// 3: an item's English-only fields are rows of `fields` (per kind, from
// content/kinds.h), not columns of `items`.
inline constexpr int kSchemaVersion = 3;

inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE locales(code TEXT PRIMARY KEY, ord INTEGER NOT NULL);
CREATE TABLE ui_strings(locale TEXT NOT NULL, key TEXT NOT NULL, pattern TEXT NOT NULL,
                        PRIMARY KEY(locale, key));
CREATE TABLE items(id TEXT PRIMARY KEY, kind TEXT NOT NULL, ord INTEGER NOT NULL,
                   source TEXT, source_date TEXT, review_by TEXT, file TEXT);
CREATE TABLE fields(id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, ord INTEGER NOT NULL,
                    PRIMARY KEY(id, field, ord));
CREATE TABLE texts(id TEXT NOT NULL, locale TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
                   PRIMARY KEY(id, locale, field));
CREATE TABLE links(id TEXT NOT NULL, rel TEXT NOT NULL, target TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE synonyms(locale TEXT NOT NULL, grp INTEGER NOT NULL, term TEXT NOT NULL);
CREATE TABLE stopwords(locale TEXT NOT NULL, word TEXT NOT NULL);
)sql";

// One full-text index per locale. `display` is the title as shown; the indexed
// columns hold text with apostrophes removed. Title and keywords are weighted above the
// body; `stems` holds the stemmed words of all three for inflected matches.
inline std::string fts_table(const std::string& locale) {
  std::string t = "search_";
  for (char c : locale) t += (c == '-' ? '_' : c);
  return t;
}
inline std::string fts_create_sql(const std::string& locale) {
  return "CREATE VIRTUAL TABLE " + fts_table(locale) +
         " USING fts5(id UNINDEXED, kind UNINDEXED, display UNINDEXED, title, keywords, body, stems,"
         " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5')";
}

}  // namespace kiosk::content
