// Read side of the content database: open read-only, check the schema, and
// answer typed questions about items in a locale (with fallback to English).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/sqlite.h"

namespace kiosk::i18n { class Catalog; }

namespace kiosk::content {

struct Item {
  std::string id, kind;
  int order = 0;
  std::string topic, agency, street, town, zip, fax, icon, audience, illustration;
  std::vector<std::string> audiences, phones;
  int steps = 0;
  std::string source, source_date, review_by, file;
};

struct StoreInfo {
  std::string path, content_hash, built_from;
  int schema = 0;
  int items = 0;
};

class Store {
public:
  // Opens path read-only and checks it. Returns nullptr and sets *why when
  // the file is missing, corrupt, or of another schema version.
  static std::unique_ptr<Store> open(const std::string& path, std::string* why);

  const StoreInfo& info() const { return info_; }
  std::vector<Item> items(const std::string& kind);
  std::optional<Item> item(const std::string& id);
  // A translatable field in the visitor's locale, falling back per key to English.
  std::string text(const std::string& id, const std::string& field, const std::string& locale);
  bool has_text(const std::string& id, const std::string& field, const std::string& locale);
  std::vector<std::string> links(const std::string& id, const std::string& rel);
  std::vector<std::string> locales();
  // Translated / total items per kind in a locale, with the untranslated ids.
  struct Coverage {
    std::string kind;
    int done = 0, total = 0;
    std::vector<std::string> missing;
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
