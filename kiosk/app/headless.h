// Running the app: the real event-driven loop, and the headless script runner.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/script.h"
#include "platform/clock.h"

namespace kiosk::app {

// Blocks in SDL_WaitEventTimeout until input or the app's next deadline;
// draws only while the app wants frames. Returns when asked to quit or when
// `max_ms` (> 0) of wall time has passed. With `trace`, writes one JSON line
// per frame drawn (monotonic time, frame, screen, pointer, visible nodes):
// real-window tests read it.
int run_event_loop(App& app, platform::Clock& clock, int64_t max_ms = 0, bool headless = false,
                   std::ostream* trace = nullptr);

// Runs steps against a headless app; writes PNGs and trace.jsonl into out_dir.
// Returns 0, or 1 with the failing step's message on stderr.
int run_script(App& app, platform::ManualClock& clock, platform::Video& video, const std::vector<Step>& steps,
               const std::string& script_name, const std::string& out_dir);

}  // namespace kiosk::app
