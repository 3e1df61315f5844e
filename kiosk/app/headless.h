// Running the app headless from a script of steps (screenshots, traces, checks).
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/script.h"
#include "platform/clock.h"

namespace kiosk::app {

// Runs steps against a headless app; writes PNGs and trace.jsonl into out_dir.
// Returns 0, or 1 with the failing step's message on stderr.
int run_script(App& app, platform::ManualClock& clock, platform::Video& video, const std::vector<Step>& steps,
               const std::string& script_name, const std::string& out_dir);

}  // namespace kiosk::app
