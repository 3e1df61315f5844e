// A folder with a signing key and a live database path, and signed copies of
// the real content: what every pack test starts from.
#pragma once
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "content/pack.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "fixtures.h"

namespace test {

struct Packs {
  TempDir dir;
  std::string pub = (dir.path / "pack.pub").string(), key = (dir.path / "pack.key").string();
  std::string live = (dir.path / "live" / "content.db").string();
  Packs() {
    REQUIRE(kiosk::content::make_keys(pub, key).empty());
    std::filesystem::create_directories(std::filesystem::path(live).parent_path());
  }
  // A copy of the real content changed by `sql` (none: as it is), signed as `version`.
  std::string pack(const std::string& name, int64_t version, const std::string& sql = "") {
    return make(name, version, sql, key);
  }
  // The same, signed with another secret key.
  std::string pack_signed_by(const std::string& name, int64_t version, const std::string& signing_key) {
    return make(name, version, "", signing_key);
  }
  static std::string hash_of(const std::string& db) {
    return kiosk::content::Store::open(db, nullptr)->info().content_hash;
  }

private:
  std::string make(const std::string& name, int64_t version, const std::string& sql, const std::string& signing_key) {
    std::string p = (dir.path / (name + ".db")).string();
    std::filesystem::copy_file(real_db(), p, std::filesystem::copy_options::overwrite_existing);
    if (!sql.empty()) {
      kiosk::content::Db d(p, kiosk::content::Db::Mode::ReadWriteCreate);
      d.exec(sql);
    }
    REQUIRE(kiosk::content::sign_pack(p, signing_key, version).empty());
    return p;
  }
};

}  // namespace test
