// Staff PIN (Argon2id hash, lockout) and private usage statistics.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>

#include "stats/stats.h"
#include "fixtures.h"
#include "staff/staff.h"

using namespace kiosk;

TEST_CASE("the staff PIN is kept only as an Argon2id hash and locks after 5 wrong tries", "[staff]") {
  test::TempDir d;
  const std::string file = (d.path / "pin").string();
  REQUIRE_FALSE(staff::set_pin(file, "12a4").empty());  // digits only
  REQUIRE_FALSE(staff::set_pin(file, "123").empty());   // at least 4
  REQUIRE(staff::set_pin(file, "482913").empty());
  const std::string stored = test::read(file);
  REQUIRE(stored.rfind("$argon2id$", 0) == 0);
  REQUIRE(stored.find("482913") == std::string::npos);
  staff::StaffLock lock(file, 5, 5 * 60 * 1000);
  REQUIRE(lock.configured());
  int64_t now = 1'000'000;
  REQUIRE(lock.check("482913", now) == staff::StaffLock::Result::Ok);
  for (int i = 0; i < 4; ++i) REQUIRE(lock.check("000000", now) == staff::StaffLock::Result::Wrong);
  REQUIRE(lock.attempts_left() == 1);
  REQUIRE(lock.check("000000", now) == staff::StaffLock::Result::Locked);
  // locked: even the right PIN is not compared for 5 minutes
  REQUIRE(lock.check("482913", now + 60'000) == staff::StaffLock::Result::Locked);
  // and a restart (a new lock on the same file) does not unlock it
  {
    staff::StaffLock after_restart(file, 5, 5 * 60 * 1000);
    REQUIRE(after_restart.check("482913", 0) == staff::StaffLock::Result::Locked);
  }
  REQUIRE(lock.locked_ms_left(now + 60'000) == 4 * 60'000);
  std::filesystem::remove(file + ".lockout");  // (the wall-clock 5 minutes are not waited out here)
  staff::StaffLock fresh(file, 5, 5 * 60 * 1000);
  REQUIRE(fresh.check("482913", now) == staff::StaffLock::Result::Ok);
  // wrong tries before a restart still count after it
  for (int i = 0; i < 3; ++i) REQUIRE(fresh.check("000000", now) == staff::StaffLock::Result::Wrong);
  staff::StaffLock restarted(file, 5, 5 * 60 * 1000);
  REQUIRE(restarted.attempts_left() == 2);
  // no PIN set: staff mode cannot be entered at all
  staff::StaffLock none((d.path / "missing").string(), 5, 1000);
  REQUIRE_FALSE(none.configured());
  REQUIRE(none.check("482913", now) == staff::StaffLock::Result::NoPin);
}
