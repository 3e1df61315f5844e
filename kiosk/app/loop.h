// The real event-driven loop, and what a trace line says about a frame.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>

#include "app/app.h"
#include "platform/clock.h"

namespace kiosk::app {

// Blocks in SDL_WaitEventTimeout until input or the app's next deadline;
// draws only while the app wants frames. Returns when asked to quit or when
// `max_ms` (> 0) of wall time has passed. With `trace`, writes one JSON line
// per frame drawn (monotonic time, frame, screen, pointer, visible nodes):
// real-window tests read it.
int run_event_loop(App& app, platform::Clock& clock, int64_t max_ms = 0, bool headless = false,
                   std::ostream* trace = nullptr);

// What is on screen as one JSON object: screen, overlay, locale, the visible
// nodes with their rectangles (and, for a live window, the pointer).
std::string screen_json(const App& app, bool with_pointer);
// A JSON string literal of s (quotes, backslashes and control characters escaped).
std::string json_str(const std::string& s);

}  // namespace kiosk::app
