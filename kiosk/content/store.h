// Read side of the content database: open read-only, check the schema, and
// answer typed questions about items in a locale (with fallback to English).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/sqlite.h"
#include "util/result.h"

namespace kiosk::i18n { class Catalog; }

namespace kiosk::content {

// One item as stored: what every item has, and its kind's English-only
// fields (content/kinds.h) as values, a list field one value per entry.
struct Item {
  std::string id, kind;
  int order = 0;
  std::string source, source_date, review_by, file;
  std::map<std::string, std::vector<std::string>> fields;
  // The field's first value, or "".
  std::string value(const std::string& field) const;
  // Every value of a list field (empty when it has none).
  const std::vector<std::string>& list(const std::string& field) const;
};

struct StoreInfo {
  std::string path, content_hash, built_from;
  int schema = 0;
  int items = 0;
};

class Store {
public:
  // Opens path read-only and checks it. The store, or (value null) why when
  // the file is missing, corrupt, or of another schema version.
  static util::Result<std::unique_ptr<Store>> open(const std::string& path);

  const StoreInfo& info() const { return info_; }
  std::vector<Item> items(const std::string& kind);
  std::optional<Item> item(const std::string& id);
  // A translatable field in the visitor's locale, falling back per key to English.
  std::string text(const std::string& id, const std::string& field, const std::string& locale);
  bool has_text(const std::string& id, const std::string& field, const std::string& locale);
  // Every translatable field of every item in the visitor's locale, falling
  // back per field to English: id -> field -> text (one query, for the model).
  std::map<std::string, std::map<std::string, std::string>> all_texts(const std::string& locale);
  std::vector<std::string> links(const std::string& id, const std::string& rel);
  std::vector<std::string> locales();
  // An item's English text as a fingerprint: 8 hex digits of SHA-256 over
  // its translatable fields in English. A translation's reviewed_en holds the
  // one its reviewer compared it with; another one now means English changed
  // since. "" for an unknown id.
  std::string english_text_hash(const std::string& id);
  // A person's review of an item's translation into `locale` (reviewed_on,
  // reviewed_by, reviewed_en); `current` when English is still what they
  // compared it with. nullopt when nobody reviewed it.
  struct Review {
    std::string on, by, english;
    bool current = false;
  };
  std::optional<Review> review(const std::string& id, const std::string& locale);
  // Translated / total items per kind in a locale, with the untranslated ids;
  // of the translated, how many a person reviewed against today's English,
  // the ids whose review is out of date (English changed since), those never
  // reviewed, and the latest review day.
  struct Coverage {
    std::string kind;
    int done = 0, total = 0;
    std::vector<std::string> missing;
    int reviewed = 0;
    std::vector<std::string> out_of_date, unreviewed;
    std::string last_reviewed;
  };
  std::vector<Coverage> coverage(const std::string& locale);
  // Loads every UI string into a catalog.
  void load_catalog(i18n::Catalog& catalog);
  Db& db() { return db_; }

private:
  explicit Store(Db db) : db_(std::move(db)) {}
  Db db_;
  StoreInfo info_;
};

}  // namespace kiosk::content
