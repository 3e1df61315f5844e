// kiosk --headless --benchmark: start to first frame, idle CPU on the
// attract and home screens, frame CPU time (a still screen, a dragged list),
// the font atlas and the peak RSS, printed as "name value" lines.
#pragma once
#include <chrono>

#include "app/settings.h"
#include "platform/video.h"

namespace kiosk::app {

// `started`: when the process started; `idle_seconds` on each idle screen.
int run_benchmark(const Settings& settings, platform::Video& video, std::chrono::steady_clock::time_point started,
                  int idle_seconds);

}  // namespace kiosk::app
