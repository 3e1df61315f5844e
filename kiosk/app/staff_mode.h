// Staff mode: the PIN pad with its lockout, the staff menu's actions and
// what it shows. It opens with the key chord or a finger held in the top-left
// corner for 5 seconds, and ends when staff leave its screens or the session
// resets. The app routes; this says where to go.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "app/content_host.h"
#include "app/settings.h"
#include "packs/pack_watch.h"
#include "platform/clock.h"
#include "platform/speech.h"
#include "print/printer.h"
#include "screens/screens.h"
#include "staff/staff.h"
#include "stats/stats.h"

namespace kiosk::app {

class StaffMode {
public:
  // What staff mode reads and acts on; owned by the app.
  struct Parts {
    ContentHost& content;
    packs::PackWatcher* packs;  // null: no pack source set
    stats::Stats* stats;        // null: statistics are off
    platform::Speech& speech;
    std::function<void()> reload;  // checks the published content now
    print::PrintWorker* printer = nullptr;  // null: no printer configured
  };
  // Where the app goes after a key or an action.
  struct Outcome {
    enum class Go { Stay, Home, Menu, Test } go = Go::Stay;
    int exit_code = -1;  // >= 0: the kiosk stops with it (4 stays stopped, 75 restarts)
  };

  StaffMode(const Settings& settings, const platform::Clock& clock);

  bool in() const { return in_; }
  // The PIN pad is about to open: false (and a log line) when no PIN is set.
  bool open_pin();
  // A key of the PIN pad: a digit, "clear", "ok" or "cancel".
  Outcome key(const std::string& k, Parts& p);
  using Action = screens::intent::StaffAction;
  // A staff menu action (the staff screen's buttons).
  Outcome act(Action what, Parts& p);
  // The session ended or staff left the staff screens.
  void end();
  // A finger at (x, y), down or not: true once per hold of 5 s in the top-left corner.
  bool corner_held(bool down, float x, float y, int64_t now_ms);
  // A touch on the test screen (the last 40 are drawn).
  void touched(float x, float y);
  // Packs' messages show in the menu.
  void note(const std::string& message) { view_.message = message; }
  // The printer's state for the menu's Printer line; true when it changed.
  bool printer_seen(const std::string& line) {
    if (line == view_.printer) return false;
    view_.printer = line;
    return true;
  }
  const screens::StaffView& view() const { return view_; }

private:
  void fill_view(Parts& p);

  const Settings& settings_;
  const platform::Clock& clock_;
  staff::StaffLock lock_;
  bool in_ = false;
  std::string entry_;
  std::string save_error_;  // the last lockout write failure logged
  screens::StaffView view_;
  int64_t corner_down_ms_ = -1;  // a finger held in the top-left corner since (-2: this hold opened the pad)
};

}  // namespace kiosk::app
