// The kiosk never fails on content (issue 14): a broken published database at
// start-up falls back to content.db.previous, then to the packaged database;
// a broken file moved or copied over the live one while running changes
// nothing a visitor sees.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "headless.h"

using namespace test;

namespace {
std::string broken_copy(const fs::path& at, const std::string& sql) {
  fs::copy_file(real_db(), at, fs::copy_options::overwrite_existing);
  content::Db d(at.string(), content::Db::Mode::ReadWriteCreate);
  d.exec(sql);
  return at.string();
}
}  // namespace

TEST_CASE("a kiosk whose database lacks the locales table starts on content.db.previous instead of aborting",
          "[ui][content][packs]") {
  Tmp tmp;
  const std::string db = broken_copy(tmp.dir / "content.db", "DROP TABLE locales");
  fs::copy_file(real_db(), db + ".previous");
  Headless k(1280, 720, db);
  REQUIRE(k.app->store() != nullptr);
  REQUIRE(k.app->screen() != "content-missing");
  k.start();
  REQUIRE(k.app->tree().find("How can we help you today?"));
}

TEST_CASE("with the database and its previous broken, the kiosk opens the packaged database", "[ui][content][packs]") {
  Tmp tmp;
  const std::string db = broken_copy(tmp.dir / "content.db", "DROP TABLE texts");
  broken_copy(tmp.dir / "content.db.previous", "UPDATE fields SET value = '3000000' WHERE field = 'steps'");
  ::setenv("KIOSK_PACKAGED_DATABASE", real_db().c_str(), 1);
  Headless k(1280, 720, db);
  ::unsetenv("KIOSK_PACKAGED_DATABASE");
  REQUIRE(k.app->store() != nullptr);
  k.start();
  REQUIRE(k.app->tree().find("How can we help you today?"));
}

TEST_CASE("a broken database moved or copied over the live one while running changes nothing a visitor sees",
          "[ui][content][packs]") {
  Tmp tmp;
  const std::string db = (tmp.dir / "content.db").string();
  fs::copy_file(real_db(), db);
  Headless k(1920, 1080, db);
  app::App& app = *k.app;
  const std::string hash = app.store()->info().content_hash;
  SECTION("moved over it (mv), without a locales table") {
    std::string other = broken_copy(tmp.dir / "other.db", "DROP TABLE locales");
    fs::rename(other, db);
  }
  SECTION("copied over it in place (cp random.db live.db)") {
    std::ofstream f(db, std::ios::binary | std::ios::in | std::ios::out);
    std::string junk(static_cast<size_t>(fs::file_size(db)), 'x');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  SECTION("a pattern {unclosed shown to visitors") {
    std::string other = broken_copy(tmp.dir / "other.db", "UPDATE ui_strings SET pattern = '{unclosed' WHERE key = 'keyboard.space'");
    fs::rename(other, db);
  }
  k.clock.advance(5000);
  settle(app);
  REQUIRE(app.store() != nullptr);
  REQUIRE(app.store()->info().content_hash == hash);
  k.start();
  REQUIRE(app.tree().find("How can we help you today?"));
  tap(app, "Questions");
  REQUIRE(app.screen() == "questions");
}
