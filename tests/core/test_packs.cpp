// Content packs: signing, every way a pack is refused, the atomic swap, roll
// back, and a crash between copying and renaming.
#include <catch2/catch.hpp>

#include <filesystem>
#include <csignal>
#include <cstdio>
#include <sys/types.h>
#include <fstream>

#include "packs/pack.h"
#include "packs/pack_watch.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "fixtures.h"
#include "packs_fixture.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {
using test::Packs;
void corrupt_middle(const std::string& path) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(fs::file_size(path) / 2));
  f.write("\xde\xad\xbe\xef\xde\xad\xbe\xef", 8);
}
}  // namespace

TEST_CASE("a signed pack installs, the previous content is kept", "[packs]") {
  Packs p;
  REQUIRE(packs::install_pack(p.pack("a", 100), p.pub, p.live).empty());
  REQUIRE(packs::installed(p.live).version == 100);
  REQUIRE(content::Store::open(p.live).ok());
  REQUIRE(packs::install_pack(p.pack("b", 200), p.pub, p.live).empty());
  auto v = packs::installed(p.live);
  REQUIRE(v.version == 200);
  REQUIRE(v.previous_version == 100);
  REQUIRE(content::Store::open(p.live + ".previous").ok());
  REQUIRE_FALSE(fs::exists(p.live + ".incoming"));
}

TEST_CASE("every bad pack is refused with a reason and the content stays", "[packs]") {
  Packs p;
  REQUIRE(packs::install_pack(p.pack("good", 100), p.pub, p.live).empty());
  const auto before = fs::last_write_time(p.live);
  auto refused = [&](const std::string& db, const std::string& needle) {
    std::string why = packs::install_pack(db, p.pub, p.live);
    INFO(why);
    REQUIRE_FALSE(why.empty());
    REQUIRE(why.find(needle) != std::string::npos);
    REQUIRE(packs::installed(p.live).version == 100);
    REQUIRE(fs::last_write_time(p.live) == before);
    REQUIRE(content::Store::open(p.live).ok());
  };
  SECTION("unsigned") {
    std::string db = p.pack("unsigned", 300);
    fs::remove(db + ".sig");
    refused(db, "unsigned");
  }
  SECTION("signed with another key") {
    std::string other_pub = (p.dir.path / "o.pub").string(), other_key = (p.dir.path / "o.key").string();
    REQUIRE(packs::make_keys(other_pub, other_key).empty());
    refused(p.pack_signed_by("other", 300, other_key), "wrong signature");
  }
  SECTION("changed after signing (corrupt)") {
    std::string db = p.pack("corrupt", 300);
    corrupt_middle(db);
    refused(db, "wrong signature");
  }
  SECTION("truncated after signing") {
    std::string db = p.pack("truncated", 300);
    fs::resize_file(db, fs::file_size(db) / 3);
    refused(db, "wrong signature");
  }
  SECTION("a damaged database, signed as it is") {
    std::string db = p.pack("damaged", 300);
    test::damage_middle_page(db);
    REQUIRE(packs::sign_pack(db, p.key, 300).empty());
    refused(db, "damaged");
  }
  SECTION("a database of another schema version") {
    std::string db = p.pack("schema", 300);
    { content::Db d(db, content::Db::Mode::ReadWriteCreate); d.exec("PRAGMA user_version = 99"); }
    REQUIRE(packs::sign_pack(db, p.key, 300).empty());
    refused(db, "schema version 99");
  }
  SECTION("older or the same version") {
    refused(p.pack("older", 50), "not newer");
    refused(p.pack("same", 100), "not newer");
  }
  SECTION("a signature file that is not one") {
    std::string db = p.pack("garbage", 300);
    std::ofstream(db + ".sig") << "hello\n";
    refused(db, "not a pack signature");
  }
}

TEST_CASE("roll back puts the previous content back and keeps the withdrawn version out", "[packs]") {
  Packs p;
  REQUIRE(packs::install_pack(p.pack("v1", 100), p.pub, p.live).empty());
  const std::string h1 = p.hash_of(p.live);
  REQUIRE(packs::install_pack(p.pack("v2", 200), p.pub, p.live).empty());
  REQUIRE(packs::roll_back(p.live).empty());
  REQUIRE(packs::installed(p.live).version == 100);
  REQUIRE(p.hash_of(p.live) == h1);
  std::string why = packs::install_pack(p.pack("v2-again", 200), p.pub, p.live);
  REQUIRE(why.find("rolled back") != std::string::npos);
  REQUIRE(packs::install_pack(p.pack("v3", 300), p.pub, p.live).empty());
  REQUIRE(packs::installed(p.live).version == 300);
}

TEST_CASE("a kill between copying and renaming leaves the old content usable", "[packs]") {
  Packs p;
  REQUIRE(packs::install_pack(p.pack("v1", 100), p.pub, p.live).empty());
  const std::string h1 = p.hash_of(p.live);
  // what a power cut mid-install leaves: half a copy beside the live file
  {
    std::string db = p.pack("v2", 200);
    std::ifstream in(db, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(p.live + ".incoming", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  REQUIRE(content::Store::open(p.live).ok());
  REQUIRE(p.hash_of(p.live) == h1);
  REQUIRE(packs::installed(p.live).version == 100);
  // and the next install simply replaces the leftover
  REQUIRE(packs::install_pack((p.dir.path / "v2.db").string(), p.pub, p.live).empty());
  REQUIRE(packs::installed(p.live).version == 200);
}

TEST_CASE("a kiosk takes packs from a drop folder and from an HTTP URL (ETag, 304)", "[packs][http]") {
  Packs p;
  REQUIRE(packs::install_pack(p.pack("v1", 100), p.pub, p.live).empty());
  SECTION("drop folder: the newest signed pack, a refused one logged once") {
    const fs::path stick = p.dir.path / "stick";
    fs::create_directories(stick);
    packs::PackWatcher w({p.pub, stick.string(), "", p.live, (p.dir.path / "work").string(), 60}, false);
    std::string db = p.pack("v2", 200);
    fs::copy_file(db, stick / "content.db");
    fs::copy_file(db + ".sig", stick / "content.db.sig");
    w.run_once();
    auto m = w.take_messages();
    REQUIRE(m.size() == 1);
    REQUIRE(m[0].find("installed") != std::string::npos);
    REQUIRE(packs::installed(p.live).version == 200);
    w.run_once();  // the same pack again: refused as not newer, said once
    w.run_once();
    m = w.take_messages();
    REQUIRE(m.size() == 1);
    REQUIRE(m[0].find("not newer") != std::string::npos);
  }
  SECTION("HTTP: 200 installs, 304 does nothing, a new pack installs") {
    const fs::path site = p.dir.path / "site";
    fs::create_directories(site);
    auto publish = [&](const std::string& name, int64_t version) {
      std::string db = p.pack(name, version);
      fs::copy_file(db, site / "content.db", fs::copy_options::overwrite_existing);
      fs::copy_file(db + ".sig", site / "content.db.sig", fs::copy_options::overwrite_existing);
    };
    publish("web2", 200);
    FILE* server = ::popen(("exec python3 " KIOSK_SOURCE_DIR "/tests/tools/pack_server.py " + site.string()).c_str(), "r");
    REQUIRE(server);
    char line[64] = {};
    REQUIRE(std::fgets(line, sizeof line, server));
    int port = 0, pid = 0;
    REQUIRE(std::sscanf(line, "%d %d", &port, &pid) == 2);
    struct Stop {  // the server goes when the test does, pass or fail
      int pid;
      FILE* pipe;
      ~Stop() { ::kill(pid, SIGTERM); ::pclose(pipe); }
    } stop{pid, server};
    const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/content.db";
    {
      packs::PackWatcher w({p.pub, "", url, p.live, (p.dir.path / "work").string(), 60}, false);
      w.run_once();
      auto m = w.take_messages();
      INFO((m.empty() ? std::string("no message") : m[0]));
      REQUIRE(packs::installed(p.live).version == 200);
      // unchanged on the server: the ETag answers 304 and nothing happens
      auto r = packs::http_get(url + ".sig", "", (p.dir.path / "probe").string());
      REQUIRE(r.status == 200);
      REQUIRE_FALSE(r.etag.empty());
      REQUIRE(packs::http_get(url + ".sig", r.etag, (p.dir.path / "probe").string()).status == 304);
      w.run_once();
      REQUIRE(w.take_messages().empty());
      REQUIRE(packs::installed(p.live).version == 200);
      publish("web3", 300);
      w.run_once();
      REQUIRE(packs::installed(p.live).version == 300);
    }
  }
}
