// Packs and databases as untrusted input (issue 14): every attack the red
// team found, each named after what it proves. A broken pack is refused by
// check-pack and install alike, a renamed file by the kiosk's own copy, with
// a reason, and the content in use stays; nothing that arrives is read past
// its signed size, blocks, or freezes updates.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <future>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "content/accept.h"
#include "content/model.h"
#include "packs/pack.h"
#include "packs/pack_watch.h"
#include "content/search.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "fixtures.h"
#include "packs_fixture.h"
#include "tools/lib/model.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {
using test::Packs;
std::string hash_of(const std::string& db) { return Packs::hash_of(db); }

// A fresh folder's own HTTP server (tests/tools/hostile_server.py), gone with the test.
struct Server {
  FILE* pipe = nullptr;
  int port = 0, pid = 0;
  fs::path site;
  explicit Server(const fs::path& folder) : site(folder) {
    fs::create_directories(site);
    pipe = ::popen(("exec python3 " KIOSK_SOURCE_DIR "/tests/tools/hostile_server.py " + site.string()).c_str(), "r");
    REQUIRE(pipe);
    char line[64] = {};
    REQUIRE(std::fgets(line, sizeof line, pipe));
    REQUIRE(std::sscanf(line, "%d %d", &port, &pid) == 2);
  }
  ~Server() { ::kill(pid, SIGTERM); ::pclose(pipe); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/content.db"; }
  void mode(const std::string& m) const { std::ofstream(site / ".mode") << m; }
  void publish(const std::string& db) const {
    fs::copy_file(db, site / "content.db", fs::copy_options::overwrite_existing);
    fs::copy_file(db + ".sig", site / "content.db.sig", fs::copy_options::overwrite_existing);
  }
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool any_has(const std::deque<std::string>& m, const std::string& needle) {
  for (const auto& s : m) if (s.find(needle) != std::string::npos) return true;
  return false;
}
std::string joined(const std::deque<std::string>& m) {
  std::string s;
  for (const auto& x : m) s += x + "\n";
  return s;
}
}  // namespace

TEST_CASE("the real content passes the acceptance check", "[packs][accept]") {
  REQUIRE(content::accept_database(test::real_db()) == "");
}

TEST_CASE("a signed pack with broken content is refused by check-pack, install and as a renamed file, the content stays",
          "[packs][accept]") {
  Packs p;
  REQUIRE(packs::install_pack(p.pack("good", 100), p.pub, p.live).empty());
  const std::string good_hash = hash_of(p.live);
  // the kiosk's own copy of the published file, as the app reads it
  const std::string published = (p.dir.path / "published" / "content.db").string();
  fs::create_directories(fs::path(published).parent_path());
  fs::copy_file(p.live, published);
  content::OwnedContent owned((p.dir.path / "own").string());
  auto in_use = owned.adopt(published).value;
  REQUIRE(in_use);

  auto refused = [&](const std::string& sql, const std::string& needle) {
    std::string db = p.pack("broken", 300, sql);
    auto c = packs::check_pack(db, p.pub);
    INFO(c.why);
    REQUIRE_FALSE(c.ok);
    REQUIRE(c.why.find(needle) != std::string::npos);
    std::string w = packs::install_pack(db, p.pub, p.live);
    INFO(w);
    REQUIRE(w.find(needle) != std::string::npos);
    REQUIRE(packs::installed(p.live).version == 100);
    REQUIRE(hash_of(p.live) == good_hash);
    REQUIRE_FALSE(fs::exists(p.live + ".incoming"));
    // the same file moved over the published one (`mv`)
    fs::copy_file(db, published + ".new", fs::copy_options::overwrite_existing);
    fs::rename(published + ".new", published);
    auto [refused_store, aw] = owned.adopt(published);
    REQUIRE_FALSE(refused_store);
    INFO(aw);
    REQUIRE(aw.find(needle) != std::string::npos);
    REQUIRE(aw.find(published) != std::string::npos);  // named as staff know it
    REQUIRE(content::load_model(*in_use, "en")->faqs.size() > 0);  // what visitors read is untouched
  };
  SECTION("no locales table (the crash loop)") { refused("DROP TABLE locales", "missing table locales"); }
  SECTION("no texts table") { refused("DROP TABLE texts", "missing table texts"); }
  SECTION("no links table") { refused("DROP TABLE links", "missing table links"); }
  SECTION("no English search index") { refused("DROP TABLE search_en", "missing search index table search_en"); }
  SECTION("no English stop words") { refused("DELETE FROM stopwords WHERE locale = 'en'", "no English stop words"); }
  SECTION("negative steps") { refused("UPDATE fields SET value = '-1' WHERE field = 'steps'", "-1 steps"); }
  SECTION("3,000,000 steps") { refused("UPDATE fields SET value = '3000000' WHERE field = 'steps'", "3000000 steps"); }
  SECTION("steps that are not a number") { refused("UPDATE fields SET value = 'many' WHERE field = 'steps'", "many steps"); }
  SECTION("a field of no item") { refused("INSERT INTO fields VALUES('no-such-item', 'phone', '860-555-0100', 0)", "no-such-item"); }
  SECTION("a MessageFormat pattern {unclosed") {
    refused("UPDATE ui_strings SET pattern = '{unclosed' WHERE locale = 'es' AND key = 'keyboard.space'", "keyboard.space");
  }
  SECTION("a translation with other placeholders than English") {
    refused("UPDATE ui_strings SET pattern = 'Quedan {minutos}' WHERE locale = 'es' AND key = 'idle.countdown'",
            "other placeholders than English");
  }
  SECTION("an empty keyboard.rows (a keyboard without letters)") {
    refused("UPDATE ui_strings SET pattern = '' WHERE key = 'keyboard.rows' AND locale = 'en'", "keyboard");
  }
  SECTION("a keyboard row without letters") {
    refused("UPDATE ui_strings SET pattern = 'qwerty||asdf' WHERE key = 'keyboard.rows' AND locale = 'es'", "row without letters");
  }
  SECTION("a 50 MB answer") {
    refused("UPDATE texts SET value = hex(zeroblob(25000000)) WHERE rowid = (SELECT min(rowid) FROM texts WHERE field = 'body')",
            "");
  }
  SECTION("an answer just over the text limit") {
    refused("UPDATE texts SET value = hex(zeroblob(" + std::to_string(content::limits().max_text_bytes / 2 + 1) +
                ")) WHERE rowid = (SELECT min(rowid) FROM texts WHERE field = 'body')",
            "more than the " + std::to_string(content::limits().max_text_bytes) + " allowed");
  }
  SECTION("an extra column") { refused("ALTER TABLE items ADD COLUMN x TEXT", "table items is not the one this kiosk reads"); }
  SECTION("an extra view, trigger or table") {
    refused("CREATE TABLE extra(x)", "unexpected table extra");
    refused("CREATE VIEW v AS SELECT 1", "unexpected view v");
    refused("CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END", "unexpected trigger t");
    refused("CREATE INDEX i ON items(kind)", "unexpected index i");
  }
  SECTION("a locale code that is SQL") { refused("UPDATE locales SET code = 'zh; DROP' WHERE code = 'zh'", "locale code"); }
  SECTION("an item without an English title") { refused("DELETE FROM texts WHERE field = 'question' AND locale = 'en'", "no English title"); }
  SECTION("an item of an unknown kind") { refused("UPDATE items SET kind = 'rocket' WHERE rowid = 1", "unknown kind"); }
  SECTION("a damaged page, signed as it is") {
    std::string db = p.pack("damaged", 300);
    test::damage_middle_page(db);
    REQUIRE(packs::sign_pack(db, p.key, 300).empty());
    REQUIRE_FALSE(packs::check_pack(db, p.pub).ok);
    REQUIRE_FALSE(packs::install_pack(db, p.pub, p.live).empty());
    REQUIRE(packs::installed(p.live).version == 100);
  }
}

TEST_CASE("the validator refuses what a kiosk would refuse: an answer over the text limit", "[packs][accept]") {
  test::TempDir d;
  fs::copy(KIOSK_SOURCE_DIR "/content", d.path / "content", fs::copy_options::recursive);
  {
    std::ofstream f(d.path / "content" / "faq" / "apply-how.en.md", std::ios::app);
    f << "\n" << std::string(static_cast<size_t>(content::limits().max_text_bytes), 'a') << "\n";
  }
  std::vector<tools::Diag> diags;
  auto set = tools::load_content((d.path / "content").string(), KIOSK_SOURCE_DIR "/locales", diags);
  tools::validate(set, diags);
  std::string all;
  for (const auto& x : diags) all += x.str() + "\n";
  INFO(all);
  REQUIRE(all.find("apply-how.en.md") != std::string::npos);
  REQUIRE(all.find("a kiosk takes at most " + std::to_string(content::limits().max_text_bytes)) != std::string::npos);
}

TEST_CASE("a 2 GB .sig, a .sig linked to /dev/zero and a FIFO .sig are refused without being read", "[packs][bounded]") {
  Packs p;
  std::string db = p.pack("v", 300);
  auto t0 = std::chrono::steady_clock::now();
  SECTION("2 GB") {
    fs::resize_file(db + ".sig", 2147483648ull);  // sparse: costs no disk
    std::string why = packs::install_pack(db, p.pub, p.live);
    INFO(why);
    REQUIRE(why.find("more than the 4096") != std::string::npos);
  }
  SECTION("linked to /dev/zero") {
    fs::remove(db + ".sig");
    fs::create_symlink("/dev/zero", db + ".sig");
    std::string why = packs::install_pack(db, p.pub, p.live);
    INFO(why);
    REQUIRE(why.find("a device") != std::string::npos);
  }
  SECTION("a FIFO") {
    fs::remove(db + ".sig");
    REQUIRE(::mkfifo((db + ".sig").c_str(), 0600) == 0);
    auto f = std::async(std::launch::async, [&] { return packs::install_pack(db, p.pub, p.live); });
    if (f.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
      int fd = ::open((db + ".sig").c_str(), O_WRONLY | O_NONBLOCK);  // let it go, then fail
      if (fd >= 0) ::close(fd);
      FAIL("install_pack blocked on a FIFO");
    }
    REQUIRE(f.get().find("a pipe") != std::string::npos);
  }
  REQUIRE(seconds_since(t0) < 2);
  REQUIRE_FALSE(fs::exists(p.live));
}

TEST_CASE("a database longer or shorter than its signed length is refused, never read past the length", "[packs][bounded]") {
  Packs p;
  std::string db = p.pack("v", 300);
  SECTION("appended") { std::ofstream(db, std::ios::app | std::ios::binary) << std::string(100000, 'x'); }
  SECTION("truncated") { fs::resize_file(db, fs::file_size(db) - 4096); }
  SECTION("same length, other bytes") {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    f.write("x", 1);
  }
  std::string why = packs::install_pack(db, p.pub, p.live);
  INFO(why);
  REQUIRE(why.find("wrong signature") != std::string::npos);
  REQUIRE_FALSE(packs::check_pack(db, p.pub).ok);
  REQUIRE_FALSE(fs::exists(p.live));
  REQUIRE_FALSE(fs::exists(p.live + ".incoming"));
}

TEST_CASE("a signature of the old format, an edited version line, another key: refused with a reason", "[packs]") {
  Packs p;
  std::string db = p.pack("v", 300);
  SECTION("old format") {
    std::ofstream(db + ".sig") << "kiosk-content-pack 1\nversion 300\nsignature " << std::string(128, 'a') << "\n";
    REQUIRE(packs::install_pack(db, p.pub, p.live).find("old signature format") != std::string::npos);
  }
  SECTION("edited version") {
    std::string sig = test::read(db + ".sig");
    sig.replace(sig.find("version 300"), 11, "version 301");
    std::ofstream(db + ".sig") << sig;
    REQUIRE(packs::install_pack(db, p.pub, p.live).find("wrong signature") != std::string::npos);
  }
  SECTION("an edited length with a real hash") {
    std::string sig = test::read(db + ".sig");
    sig.replace(sig.find("length "), 7, "length 1");
    std::ofstream(db + ".sig") << sig;
    REQUIRE_FALSE(packs::install_pack(db, p.pub, p.live).empty());
  }
  REQUIRE_FALSE(fs::exists(p.live));
}

TEST_CASE("a version far ahead is refused at signing and on install, and cannot freeze later packs", "[packs][versions]") {
  Packs p;
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  std::string db = (p.dir.path / "max.db").string();
  fs::copy_file(test::real_db(), db);
  std::string why = packs::sign_pack(db, p.key, INT64_MAX);
  INFO(why);
  REQUIRE(why.find("more than a year ahead") != std::string::npos);
  // signed where the clock was two years ahead: a kiosk still refuses it
  REQUIRE(packs::sign_pack(db, p.key, now + 2 * packs::kMaxVersionAhead, now + 2 * packs::kMaxVersionAhead).empty());
  why = packs::install_pack(db, p.pub, p.live);
  REQUIRE(why.find("more than a year ahead") != std::string::npos);
  // so the next ordinary pack goes in
  REQUIRE(packs::install_pack(p.pack("ordinary", now), p.pub, p.live).empty());
  REQUIRE(packs::installed(p.live).version == now);
}

TEST_CASE("roll back works once per version and never revives the withdrawn pack", "[packs][versions]") {
  Packs p;
  REQUIRE(packs::install_pack(p.pack("v1", 100), p.pub, p.live).empty());
  const std::string h1 = hash_of(p.live);
  REQUIRE(packs::install_pack(p.pack("v2", 200, "UPDATE meta SET value = 'v2' WHERE key = 'content_hash'"), p.pub, p.live).empty());
  REQUIRE(hash_of(p.live) == "v2");
  REQUIRE(packs::roll_back(p.live).empty());
  REQUIRE(hash_of(p.live) == h1);
  // pressed again: nothing to go back to, and v2 does not come back
  REQUIRE(packs::roll_back(p.live).find("no previous content") != std::string::npos);
  REQUIRE(hash_of(p.live) == h1);
  REQUIRE(packs::installed(p.live).version == 100);
  REQUIRE(packs::install_pack((p.dir.path / "v2.db").string(), p.pub, p.live).find("rolled back") != std::string::npos);
  REQUIRE(packs::install_pack(p.pack("v3", 300), p.pub, p.live).empty());
}

TEST_CASE("overwriting the published file in place changes nothing until a valid replacement is accepted", "[packs][own]") {
  Packs p;
  const std::string published = (p.dir.path / "pub" / "content.db").string();
  fs::create_directories(fs::path(published).parent_path());
  fs::copy_file(test::real_db(), published);
  content::OwnedContent owned((p.dir.path / "own").string());
  auto store = owned.adopt(published).value;
  REQUIRE(store);
  REQUIRE(owned.current() != published);
  REQUIRE((fs::status(owned.current()).permissions() & (fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write)) ==
          fs::perms::none);
  // cp random.db live.db: the same inode, other bytes
  {
    std::ofstream f(published, std::ios::binary | std::ios::in | std::ios::out);
    std::string junk(static_cast<size_t>(fs::file_size(published)), '\0');
    for (size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 2654435761u) >> 13);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  content::Search search(*store, "en");
  for (int i = 0; i < 48; ++i) REQUIRE_FALSE(search.query("child support").results.empty());
  REQUIRE(content::load_model(*store, "en")->faqs.size() > 0);
  auto damaged = owned.adopt(published);
  REQUIRE_FALSE(damaged.value);
  REQUIRE_FALSE(damaged.why.empty());
  // a valid replacement is taken
  fs::copy_file(test::real_db(), published, fs::copy_options::overwrite_existing);
  REQUIRE(owned.adopt(published).value);
}

TEST_CASE("a copy that fails after acceptance is set aside and the last good one opens", "[packs][own]") {
  Packs p;
  content::OwnedContent owned((p.dir.path / "own").string());
  auto a = owned.adopt(test::real_db()).value;
  REQUIRE(a);
  const std::string first = owned.current();
  auto b = owned.adopt(test::real_db()).value;
  REQUIRE(b);
  const std::string second = owned.current();
  REQUIRE(first != second);
  b.reset();
  // a disk fault, or someone writing into the kiosk's own file
  fs::permissions(second, fs::perms::owner_write, fs::perm_options::add);
  fs::resize_file(second, 8192);
  auto [back, w] = owned.fall_back();
  INFO(w);
  REQUIRE(back);
  REQUIRE(owned.current() == first);
  REQUIRE(fs::exists(second + ".failed"));
  REQUIRE(content::load_model(*back, "en")->faqs.size() > 0);
  // and nothing further back: it says so instead of failing
  auto none = owned.fall_back();
  REQUIRE_FALSE(none.value);
  REQUIRE_FALSE(none.why.empty());
}

TEST_CASE("drop folder: the newest valid signed pack wins over junk, a directory, a FIFO and links leaving the folder",
          "[packs][drop]") {
  Packs p;
  const fs::path stick = p.dir.path / "stick";
  fs::create_directories(stick);
  std::string db = p.pack("v2", 200);
  fs::copy_file(db, stick / "content.db");
  fs::copy_file(db + ".sig", stick / "content.db.sig");
  // newer-looking things that are not packs
  std::ofstream(stick / "junk.db") << "not a database";
  fs::create_directories(stick / "zz.db");
  REQUIRE(::mkfifo((stick / "p.db").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((stick / "p.db.sig").c_str(), 0600) == 0);
  std::string outside = p.pack("v9", 900);
  fs::create_symlink(outside, stick / "out.db");
  fs::create_symlink(outside + ".sig", stick / "out.db.sig");
  packs::PackWatcher w({p.pub, stick.string(), "", p.live, (p.dir.path / "work").string(), 60}, false);
  auto f = std::async(std::launch::async, [&] { w.run_once(); });
  if (f.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    int fd = ::open((stick / "p.db.sig").c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
    FAIL("the worker blocked on a FIFO");
  }
  auto m = w.take_messages();
  INFO(joined(m));
  REQUIRE(packs::installed(p.live).version == 200);  // not the 900 linked from outside
  REQUIRE(any_has(m, "installed"));
}

TEST_CASE("drop folder: a valid signed pack whose content fails does not hide an older valid one", "[packs][drop]") {
  Packs p;
  const fs::path stick = p.dir.path / "stick";
  fs::create_directories(stick);
  std::string good = p.pack("v2", 200), bad = p.pack("v3", 300, "DROP TABLE locales");
  fs::copy_file(good, stick / "a.db");
  fs::copy_file(good + ".sig", stick / "a.db.sig");
  fs::copy_file(bad, stick / "b.db");
  fs::copy_file(bad + ".sig", stick / "b.db.sig");
  packs::PackWatcher w({p.pub, stick.string(), "", p.live, (p.dir.path / "work").string(), 60}, false);
  w.run_once();
  auto m = w.take_messages();
  INFO(joined(m));
  REQUIRE(any_has(m, "missing table locales"));
  REQUIRE(packs::installed(p.live).version == 200);
}

TEST_CASE("HTTP: a server announcing 2 GB, or sending bytes without end, is cut at the signed length and leaves no file",
          "[packs][http]") {
  Packs p;
  Server s(p.dir.path / "site");
  s.publish(p.pack("v3", 300));
  const std::string work = (p.dir.path / "work").string();
  packs::PackWatcher w({p.pub, "", s.url(), p.live, work, 60}, false);
  std::string mode = GENERATE(std::string("huge"), std::string("endless"));
  s.mode(mode);
  auto t0 = std::chrono::steady_clock::now();
  w.run_once();
  INFO(mode);
  auto m = w.take_messages();
  INFO(joined(m));
  REQUIRE(any_has(m, "more than the"));
  REQUIRE(seconds_since(t0) < 20);
  REQUIRE_FALSE(fs::exists(fs::path(work) / "download.db"));
  REQUIRE_FALSE(fs::exists(p.live));
  // and once it behaves, the pack comes
  s.mode("normal");
  w.run_once();
  REQUIRE(packs::installed(p.live).version == 300);
}

TEST_CASE("HTTP: a server sending a byte a second is dropped by the low-speed limit, the next poll fetches a good pack",
          "[packs][http]") {
  Packs p;
  Server s(p.dir.path / "site");
  s.publish(p.pack("v3", 300));
  packs::PackSources src{p.pub, "", s.url(), p.live, (p.dir.path / "work").string(), 60};
  src.low_speed_bytes = 100;
  src.low_speed_seconds = 2;
  packs::PackWatcher w(src, false);
  s.mode("slow");
  auto t0 = std::chrono::steady_clock::now();
  w.run_once();
  const double slow = seconds_since(t0);
  auto m = w.take_messages();
  INFO(joined(m));
  REQUIRE(slow < 10);
  REQUIRE(any_has(m, "could not fetch"));
  s.mode("normal");
  w.run_once();
  REQUIRE(packs::installed(p.live).version == 300);
}

TEST_CASE("HTTP: shutdown mid-transfer waits under a second", "[packs][http]") {
  Packs p;
  Server s(p.dir.path / "site");
  s.publish(p.pack("v3", 300));
  s.mode("slow");
  auto w = std::make_unique<packs::PackWatcher>(
      packs::PackSources{p.pub, "", s.url(), p.live, (p.dir.path / "work").string(), 60});
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // inside the slow transfer
  auto t0 = std::chrono::steady_clock::now();
  w.reset();
  const double took = seconds_since(t0);
  WARN("shutdown mid-transfer took " << took << " s");
  REQUIRE(took < 1.0);
}

TEST_CASE("HTTP: a .sig published before its database is installed once the upload finishes (its ETag is not kept)",
          "[packs][http]") {
  Packs p;
  Server s(p.dir.path / "site");
  s.publish(p.pack("v2", 200));
  packs::PackWatcher w({p.pub, "", s.url(), p.live, (p.dir.path / "work").string(), 60}, false);
  w.run_once();
  REQUIRE(packs::installed(p.live).version == 200);
  std::string v3 = p.pack("v3", 300, "UPDATE meta SET value = 'v3' WHERE key = 'content_hash'");
  fs::copy_file(v3 + ".sig", s.site / "content.db.sig", fs::copy_options::overwrite_existing);  // the database still uploading
  w.run_once();
  auto m = w.take_messages();
  INFO(joined(m));
  REQUIRE(any_has(m, "wrong signature"));
  REQUIRE(packs::installed(p.live).version == 200);
  fs::copy_file(v3, s.site / "content.db", fs::copy_options::overwrite_existing);
  w.run_once();
  REQUIRE(packs::installed(p.live).version == 300);
  REQUIRE(hash_of(p.live) == "v3");
}

TEST_CASE("HTTP: a server answering 304 to everything is logged and the kiosk says it has no valid pack", "[packs][http]") {
  Packs p;
  Server s(p.dir.path / "site");
  s.publish(p.pack("v2", 200));
  packs::PackSources src{p.pub, "", s.url(), p.live, (p.dir.path / "work").string(), 60};
  src.stale_after_seconds = 1;
  packs::PackWatcher w(src, false);
  s.mode("always304");
  w.run_once();
  auto m = w.take_messages();
  INFO(joined(m));
  REQUIRE(any_has(m, "304"));
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  w.run_once();
  m = w.take_messages();
  INFO(joined(m));
  REQUIRE(any_has(m, "No valid content pack for"));
  REQUIRE(w.stale_seconds() >= 2);
  REQUIRE(w.stale_words().find("No valid content pack") != std::string::npos);
  // a server that serves the pack again ends it
  s.mode("normal");
  w.run_once();
  REQUIRE(packs::installed(p.live).version == 200);
  REQUIRE(w.stale_seconds() == 0);
}

TEST_CASE("the fuzz seed database passes the acceptance check, so the fuzzer starts deep", "[packs][accept]") {
  REQUIRE(content::accept_database(KIOSK_SOURCE_DIR "/tests/fuzz/corpus/db/minimal.db") == "");
}

TEST_CASE("a database is checked on a thread of its own: the caller goes on, and gets the checked copy or the reason",
          "[packs][own][background]") {
  Packs p;
  content::OwnedContent owned((p.dir.path / "own").string());
  auto copies = [&] {
    int n = 0;
    for (const auto& e : fs::directory_iterator(owned.dir())) n += e.path().extension() == ".db";
    return n;
  };
  using Clock = std::chrono::steady_clock;
  auto wait_ready = [](content::BackgroundAdopt& bg) {
    for (int i = 0; i < 6000 && !bg.ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(bg.ready());
  };
  SECTION("accepted: start() returns at once, the copy is taken on the caller's thread") {
    const std::string db = test::real_db();  // built on first use
    content::BackgroundAdopt bg(owned);
    auto t0 = Clock::now();
    REQUIRE(bg.start(db));
    auto started = Clock::now() - t0;
    REQUIRE_FALSE(bg.start(db));  // one at a time
    wait_ready(bg);
    auto checked = Clock::now() - t0;
    // the whole check takes far longer than handing it over
    CHECK(started * 5 < checked);
    REQUIRE(owned.current().empty());  // nothing in use changed yet
    auto c = bg.take();
    REQUIRE(c);
    INFO(c->why);
    REQUIRE(c->why.empty());
    auto store = owned.take(std::move(*c));
    REQUIRE(store);
    REQUIRE(owned.current().rfind(owned.dir(), 0) == 0);
    REQUIRE(content::load_model(*store, "en")->faqs.size() > 0);
    REQUIRE(copies() == 1);
  }
  SECTION("refused: the reason names the published file, and no copy is left") {
    const std::string junk = (p.dir.path / "junk.db").string();
    std::ofstream(junk) << std::string(100000, 'x');
    content::BackgroundAdopt bg(owned);
    REQUIRE(bg.start(junk));
    wait_ready(bg);
    auto c = bg.take();
    REQUIRE(c);
    REQUIRE_FALSE(c->store);
    REQUIRE(c->why.find("junk.db") != std::string::npos);
    REQUIRE(copies() == 0);
  }
  SECTION("a checked copy never taken is removed") {
    {
      content::BackgroundAdopt bg(owned);
      REQUIRE(bg.start(test::real_db()));
      wait_ready(bg);
      auto c = bg.take();
      REQUIRE(c->store);
      REQUIRE(copies() == 1);
    }
    REQUIRE(copies() == 0);
  }
  SECTION("shut down mid-check: it stops within a second and leaves no copy") {
    auto t0 = Clock::now();
    {
      content::BackgroundAdopt bg(owned);
      REQUIRE(bg.start(test::real_db()));
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    CHECK(Clock::now() - t0 < std::chrono::seconds(1));
    REQUIRE(copies() == 0);
  }
}
