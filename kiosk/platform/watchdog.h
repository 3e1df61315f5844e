// systemd's service notifications, without libsystemd: READY=1 once the first
// frame is drawn, and WATCHDOG=1 from the frame loop, so a frozen screen is
// restarted. Does nothing when not started by systemd (no NOTIFY_SOCKET).
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::platform {

class Watchdog {
public:
  Watchdog();  // reads NOTIFY_SOCKET and WATCHDOG_USEC
  bool active() const { return !socket_.empty(); }
  // How often to ping, in ms (half of systemd's watchdog time); -1 without one.
  int64_t interval_ms() const { return interval_ms_; }
  void ready();
  // Pings when half the watchdog time has passed since the last ping.
  void ping(int64_t now_ms);

private:
  bool send(const std::string& msg);
  std::string socket_;
  int64_t interval_ms_ = -1, last_ms_ = -1;
};

}  // namespace kiosk::platform
