// Staff PIN (Argon2id hash, lockout) and private usage statistics.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>

#include "content/stats.h"
#include "fixtures.h"
#include "session/staff.h"

using namespace kiosk;

TEST_CASE("the staff PIN is kept only as an Argon2id hash and locks after 5 wrong tries", "[staff]") {
  test::TempDir d;
  const std::string file = (d.path / "pin").string();
  REQUIRE_FALSE(session::set_pin(file, "12a4").empty());  // digits only
  REQUIRE_FALSE(session::set_pin(file, "123").empty());   // at least 4
  REQUIRE(session::set_pin(file, "482913").empty());
  const std::string stored = test::read(file);
  REQUIRE(stored.rfind("$argon2id$", 0) == 0);
  REQUIRE(stored.find("482913") == std::string::npos);
  session::StaffLock lock(file, 5, 5 * 60 * 1000);
  REQUIRE(lock.configured());
  int64_t now = 1'000'000;
  REQUIRE(lock.check("482913", now) == session::StaffLock::Result::Ok);
  for (int i = 0; i < 4; ++i) REQUIRE(lock.check("000000", now) == session::StaffLock::Result::Wrong);
  REQUIRE(lock.attempts_left() == 1);
  REQUIRE(lock.check("000000", now) == session::StaffLock::Result::Locked);
  // locked: even the right PIN is not compared for 5 minutes
  REQUIRE(lock.check("482913", now + 60'000) == session::StaffLock::Result::Locked);
  // and a restart (a new lock on the same file) does not unlock it
  {
    session::StaffLock after_restart(file, 5, 5 * 60 * 1000);
    REQUIRE(after_restart.check("482913", 0) == session::StaffLock::Result::Locked);
  }
  REQUIRE(lock.locked_ms_left(now + 60'000) == 4 * 60'000);
  std::filesystem::remove(file + ".lockout");  // (the wall-clock 5 minutes are not waited out here)
  session::StaffLock fresh(file, 5, 5 * 60 * 1000);
  REQUIRE(fresh.check("482913", now) == session::StaffLock::Result::Ok);
  // wrong tries before a restart still count after it
  for (int i = 0; i < 3; ++i) REQUIRE(fresh.check("000000", now) == session::StaffLock::Result::Wrong);
  session::StaffLock restarted(file, 5, 5 * 60 * 1000);
  REQUIRE(restarted.attempts_left() == 2);
  // no PIN set: staff mode cannot be entered at all
  session::StaffLock none((d.path / "missing").string(), 5, 1000);
  REQUIRE_FALSE(none.configured());
  REQUIRE(none.check("482913", now) == session::StaffLock::Result::NoPin);
}

TEST_CASE("statistics keep counts by the hour and never a digit or a name typed into search", "[stats]") {
  REQUIRE(content::scrub_search("what about case 12345 for Maria Lopez") == "what about case for");
  REQUIRE(content::scrub_search("call 860-555-0199 or me@example.org") == "call or");
  REQUIRE(content::scrub_search("Pensión alimenticia") == "pension alimenticia");
  test::TempDir d;
  const std::string file = (d.path / "stats.db").string();
  std::string why;
  auto st = content::Stats::open(file, &why);
  REQUIRE(st);
  const int64_t t = 1795364400;  // 2026-11-22 16:20 UTC
  REQUIRE(st->count("screen", "offices", t));
  REQUIRE(st->count("screen", "offices", t + 60));
  REQUIRE(st->count("search-none", "my docket FA-19-6012345 John", t));
  REQUIRE(st->count("search-none", "11111 22222", t));  // nothing left: not stored at all
  const std::string csv = st->csv();
  REQUIRE(csv.find("2026-11-22T16,screen,\"offices\",2") != std::string::npos);
  REQUIRE(csv.find("2026-11-22T16,search-none,\"my docket\",1") != std::string::npos);
  REQUIRE(st->count("screen", "offices", t + 3600));  // the next hour: its own row, the same total
  auto top = st->totals(1);
  REQUIRE(top.size() == 1);
  REQUIRE(top[0] == std::pair<std::string, int64_t>{"screen offices", 3});
  // no digit in any stored key (only in the hour and the count columns)
  const std::regex quoted("\"[^\"]*\"");
  for (auto it = std::sregex_iterator(csv.begin(), csv.end(), quoted); it != std::sregex_iterator(); ++it)
    for (char c : it->str()) REQUIRE_FALSE(std::isdigit(static_cast<unsigned char>(c)));
  // an unwritable file is refused with a reason, and the kiosk carries on without
  auto bad = content::Stats::open("/proc/nope/stats.db", &why);
  REQUIRE_FALSE(bad);
  REQUIRE_FALSE(why.empty());
}
