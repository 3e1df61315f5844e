// Injectable time: the real monotonic clock, or a manual one that tests and
// headless scripts move forward by hand.
#pragma once
#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>
#include <utility>

namespace kiosk::platform {

class Clock {
public:
  virtual ~Clock() = default;
  virtual int64_t now_ms() const = 0;
  // The local calendar day, "2026-12-24" (what dated content such as a
  // notice is shown by).
  virtual std::string today() const {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
  }
};

class SteadyClock : public Clock {
public:
  int64_t now_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
};

class ManualClock : public Clock {
public:
  int64_t now_ms() const override { return now_; }
  void advance(int64_t ms) { now_ += ms; }
  // The day a test or script is on; "" (the default): the real local day.
  std::string today() const override { return today_.empty() ? Clock::today() : today_; }
  void set_today(std::string day) { today_ = std::move(day); }

private:
  std::string today_;
  // A whole number of attract cycles (3 s) for 1 to 4 languages: a script's
  // first touch finds the attract screen showing the first language.
  int64_t now_ = 1'008'000;
};

}  // namespace kiosk::platform
