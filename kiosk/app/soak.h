// The monkey: drives the real app headless with random taps, drags, keys,
// typing, language switches and clock jumps from a seed (the same seed gives
// the same run), and watches memory. It fails when memory grows more than
// 5 MB between a tenth of the steps and the end.
#pragma once
#include <cstdint>

#include "app/app.h"
#include "platform/clock.h"

namespace kiosk::app {

struct SoakResult {
  int64_t steps = 0;
  long rss_kb_at_tenth = 0, rss_kb_at_end = 0;
  int screens_seen = 0;
  bool ok = false;
};

SoakResult run_soak(App& app, platform::ManualClock& clock, int64_t steps, uint64_t seed);

}  // namespace kiosk::app
