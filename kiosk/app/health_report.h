// The glue between the app and health::Monitor: what the frame loop knows
// (the screen, the content, the packs, the voice) handed to the health
// writer on each turn, cheaply; the rest is read again once an interval.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include <optional>

#include "app/settings.h"
#include "health/health.h"
#include "session/nav.h"

namespace kiosk::content { class Store; }
namespace kiosk::packs { class PackWatcher; }

namespace kiosk::app {

class HealthReport {
public:
  // Null when [monitoring] textfile is unset. Counts this start.
  static std::unique_ptr<HealthReport> open(const Settings& settings);
  // On every turn of the loop: the heartbeat, visits (leaving the attract
  // screen) and searches (opening the search screen) from the screen shown,
  // and once an interval the content's and packs' state. printer_up: null
  // without a printer, else whether it was ready when last checked.
  void beat(session::ScreenId screen, content::Store* store, const packs::PackWatcher* packs, bool speech_up,
            std::optional<bool> printer_up = std::nullopt);
  int64_t ms_to_next_beat() const { return monitor_.ms_to_next_beat(); }
  health::Monitor& monitor() { return monitor_; }

  HealthReport(const Settings& settings, int64_t starts);

private:
  const Settings& settings_;
  health::Monitor monitor_;
  session::ScreenId last_screen_ = session::ScreenId::Attract;
  const content::Store* last_store_ = nullptr;
  std::string review_day_;  // the day content_past_review was counted on
  int64_t next_refresh_ms_ = 0;
};

}  // namespace kiosk::app
