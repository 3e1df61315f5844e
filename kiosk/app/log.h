// The kiosk's log: one line on stderr (the journal, under systemd) per event.
#pragma once
#include <cstdio>
#include <string>

namespace kiosk::app {
inline void log(const std::string& s) { std::fprintf(stderr, "kiosk: %s\n", s.c_str()); }
}  // namespace kiosk::app
