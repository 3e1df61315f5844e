// A folder with a signing key and a live database path, and signed copies of
// the real content: what every pack test starts from.
#pragma once
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "packs/pack.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "fixtures.h"

namespace test {

// Overwrites the whole page in the middle of an SQLite file with garbage: a
// table, index or overflow page no longer parses (a few bytes inside a page
// could land in a text and change only a word).
inline void damage_middle_page(const std::string& path) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  unsigned char h[2];
  f.seekg(16);
  f.read(reinterpret_cast<char*>(h), 2);
  const std::streamoff page = (h[0] << 8 | h[1]) == 1 ? 65536 : (h[0] << 8 | h[1]);
  const std::streamoff pages = static_cast<std::streamoff>(std::filesystem::file_size(path)) / page;
  f.seekp(pages / 2 * page);
  const std::string junk(static_cast<size_t>(page), '\xde');
  f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

struct Packs {
  TempDir dir;
  std::string pub = (dir.path / "pack.pub").string(), key = (dir.path / "pack.key").string();
  std::string live = (dir.path / "live" / "content.db").string();
  Packs() {
    REQUIRE(kiosk::packs::make_keys(pub, key).empty());
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
    return kiosk::content::Store::open(db).value->info().content_hash;
  }

private:
  std::string make(const std::string& name, int64_t version, const std::string& sql, const std::string& signing_key) {
    std::string p = (dir.path / (name + ".db")).string();
    std::filesystem::copy_file(real_db(), p, std::filesystem::copy_options::overwrite_existing);
    if (!sql.empty()) {
      kiosk::content::Db d(p, kiosk::content::Db::Mode::ReadWriteCreate);
      d.exec(sql);
    }
    REQUIRE(kiosk::packs::sign_pack(p, signing_key, version).empty());
    return p;
  }
};

}  // namespace test
