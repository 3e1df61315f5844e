// The systemd notifications the kiosk sends: READY=1 and WATCHDOG=1 on the
// socket systemd names, so a frozen frame loop gets restarted.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "headless.h"
#include "platform/watchdog.h"

TEST_CASE("watchdog: READY once, then a ping every half watchdog period", "[ui][watchdog]") {
  test::Tmp tmp;
  const std::string path = (tmp.dir / "notify").string();
  int fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
  ::setenv("WATCHDOG_USEC", "20000000", 1);  // 20 s
  kiosk::platform::Watchdog w;
  ::unsetenv("NOTIFY_SOCKET");
  ::unsetenv("WATCHDOG_USEC");
  REQUIRE(w.active());
  REQUIRE(w.interval_ms() == 10'000);
  auto next = [&] {
    char buf[64] = {};
    ssize_t n = ::recv(fd, buf, sizeof buf - 1, MSG_DONTWAIT);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  };
  w.ready();
  REQUIRE(next() == "READY=1");
  w.ping(0);
  REQUIRE(next() == "WATCHDOG=1");
  w.ping(5'000);  // too soon
  REQUIRE(next().empty());
  w.ping(10'000);
  REQUIRE(next() == "WATCHDOG=1");
  ::close(fd);
}
