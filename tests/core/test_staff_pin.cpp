// The staff PIN resists guessing: trivial PINs refused, a lockout that doubles
// up to a day, floors no setting lowers, state that survives a restart and
// says what is left, and writes that are checked.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fixtures.h"
#include "staff/staff.h"

using namespace kiosk;
using R = staff::StaffLock::Result;

TEST_CASE("set-pin refuses the PINs tried first", "[staff][pin]") {
  for (const char* pin : {"000000", "111111111", "123456", "234567", "987654", "890123", "121212", "123123", "909090"}) {
    INFO(pin);
    CHECK_FALSE(staff::pin_problem(pin).empty());
  }
  // short ones only where a site insists, and never trivial ones
  CHECK_FALSE(staff::pin_problem("2468").empty());
  CHECK(staff::pin_problem("2468", true).empty());
  CHECK_FALSE(staff::pin_problem("0000", true).empty());
  CHECK_FALSE(staff::pin_problem("1234", true).empty());
  CHECK_FALSE(staff::pin_problem("4321", true).empty());
  for (const char* pin : {"482913", "246813", "7305128", "558127"}) {
    INFO(pin);
    CHECK(staff::pin_problem(pin).empty());
  }
  test::TempDir d;
  const std::string file = (d.path / "pin").string();
  CHECK_FALSE(staff::set_pin(file, "123456").empty());
  CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("each lockout is twice as long as the one before, up to a day", "[staff][pin]") {
  test::TempDir d;
  const std::string file = (d.path / "pin").string();
  REQUIRE(staff::set_pin(file, "482913").empty());
  staff::StaffLock lock(file, 5, 5 * 60'000);
  int64_t now = 1'000'000;
  int64_t expect = 5 * 60'000;
  for (int lockout = 1; lockout <= 12; ++lockout) {
    for (int i = 0; i < 4; ++i) REQUIRE(lock.check("000000", now) == R::Wrong);
    REQUIRE(lock.check("000000", now) == R::Locked);
    INFO("lockout " << lockout);
    REQUIRE(lock.locked_ms_left(now) >= expect);  // (the wall clock may add a second)
    REQUIRE(lock.locked_ms_left(now) <= expect + 1000);
    now += lock.locked_ms_left(now) + 1;
    expect = std::min<int64_t>(expect * 2, staff::StaffLock::kLongestLockoutMs);
    std::filesystem::remove(file + ".lockout");  // (the wall-clock lockout is not waited out here)
  }
  // 5 tries a day at most once the lockouts reach a day: 10,000 PINs take years
  REQUIRE(expect == staff::StaffLock::kLongestLockoutMs);
  REQUIRE(lock.failed() == 60);
  REQUIRE(lock.lockouts() == 12);
  // the right PIN ends the doubling, and staff see what came before
  REQUIRE(lock.check("482913", now) == R::Ok);
  CHECK(lock.failures_text() == "60 wrong PINs since staff last came in, and 12 lockouts.");
  CHECK(lock.lockouts() == 0);
  for (int i = 0; i < 4; ++i) REQUIRE(lock.check("000000", now) == R::Wrong);
  REQUIRE(lock.check("000000", now) == R::Locked);
  CHECK(lock.locked_ms_left(now) <= 5 * 60'000 + 1000);
}

TEST_CASE("no setting switches the lockout off", "[staff][pin]") {
  test::TempDir d;
  const std::string file = (d.path / "pin").string();
  REQUIRE(staff::set_pin(file, "482913").empty());
  staff::StaffLock lock(file, 1'000'000, 0);  // max_attempts = 1000000, lockout_minutes = 0
  REQUIRE(lock.attempts_left() == staff::StaffLock::kMostAttempts);
  for (int i = 0; i < staff::StaffLock::kMostAttempts - 1; ++i) REQUIRE(lock.check("000000", 0) == R::Wrong);
  REQUIRE(lock.check("000000", 0) == R::Locked);
  REQUIRE(lock.locked_ms_left(0) >= staff::StaffLock::kShortestLockoutMs);
}

TEST_CASE("the PIN pad's words: plurals, and a lockout carried over a restart", "[staff][pin]") {
  test::TempDir d;
  const std::string file = (d.path / "pin").string();
  REQUIRE(staff::set_pin(file, "482913").empty());
  staff::StaffLock lock(file, 3, 5 * 60'000);
  REQUIRE(lock.check("000000", 0) == R::Wrong);
  CHECK(lock.status_text(R::Wrong, 0) == "Wrong PIN. 2 tries are left before the pad locks.");
  REQUIRE(lock.check("000000", 0) == R::Wrong);
  CHECK(lock.status_text(R::Wrong, 0) == "Wrong PIN. 1 try is left before the pad locks.");
  REQUIRE(lock.check("000000", 0) == R::Locked);
  CHECK(lock.status_text(R::Locked, 0) == "Too many wrong PINs. The pad is locked for 5 more minutes.");
  CHECK(lock.status_text(R::Locked, 4 * 60'000 + 30'000) == "Too many wrong PINs. The pad is locked for 1 more minute.");
  // after a restart the kiosk's clock starts again, but the lockout and its minutes do not
  staff::StaffLock restarted(file, 3, 5 * 60'000);
  REQUIRE(restarted.check("482913", 0) == R::Locked);
  CHECK(restarted.status_text(R::Locked, 0) == "Too many wrong PINs. The pad is locked for 5 more minutes.");
  CHECK(restarted.lockouts() == 1);
  CHECK(restarted.failed() == 3);
}

TEST_CASE("a lockout that cannot be written is said, not ignored", "[staff][pin]") {
  test::TempDir d;
  const std::string file = (d.path / "pin").string();
  REQUIRE(staff::set_pin(file, "482913").empty());
  // the lockout's temporary file is a folder: no write can succeed (root included)
  std::filesystem::create_directory(file + ".lockout.tmp");
  staff::StaffLock lock(file, 5, 5 * 60'000);
  REQUIRE(lock.check("000000", 0) == R::Wrong);
  CHECK_THAT(lock.save_error(), Catch::Matchers::Contains("pin.lockout: cannot write"));
  std::filesystem::remove(file + ".lockout.tmp");
  REQUIRE(lock.check("000000", 0) == R::Wrong);
  CHECK(lock.save_error().empty());
}
