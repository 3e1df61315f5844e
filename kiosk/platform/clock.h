// Injectable time: the real monotonic clock, or a manual one that tests and
// headless scripts move forward by hand.
#pragma once
#include <chrono>
#include <cstdint>

namespace kiosk::platform {

class Clock {
public:
  virtual ~Clock() = default;
  virtual int64_t now_ms() const = 0;
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

private:
  // A whole number of attract cycles (3 s) for 1 to 4 languages: a script's
  // first touch finds the attract screen showing the first language.
  int64_t now_ = 1'008'000;
};

}  // namespace kiosk::platform
