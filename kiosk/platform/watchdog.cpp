#include "platform/watchdog.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace kiosk::platform {

Watchdog::Watchdog() {
  if (const char* s = std::getenv("NOTIFY_SOCKET")) socket_ = s;
  if (const char* w = std::getenv("WATCHDOG_USEC")) {
    long long usec = std::atoll(w);
    if (usec > 0) interval_ms_ = usec / 2000;
  }
}

bool Watchdog::send(const std::string& msg) {
  if (socket_.empty() || socket_.size() >= sizeof(sockaddr_un::sun_path)) return false;
  int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, socket_.data(), socket_.size());
  if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';  // an abstract socket
  socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_.size());
  bool ok = ::sendto(fd, msg.data(), msg.size(), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&addr), len) >= 0;
  ::close(fd);
  return ok;
}

void Watchdog::ready() { send("READY=1"); }

void Watchdog::ping(int64_t now_ms) {
  if (interval_ms_ <= 0 || (last_ms_ >= 0 && now_ms - last_ms_ < interval_ms_)) return;
  last_ms_ = now_ms;
  send("WATCHDOG=1");
}

}  // namespace kiosk::platform
