// The kiosk's health for a fleet's monitoring: a snapshot, its text in the
// Prometheus exposition format (node_exporter's textfile collector reads it),
// and a writer thread that puts the file in place atomically every interval.
// Core: no ImGui, no SDL. Counts only: never a visitor's words.
//
// The writer runs beside the frame loop and reads what the loop last handed
// it (a heartbeat atomic and a snapshot under a lock), so a frozen loop shows
// as kiosk_last_frame_age_seconds growing in a file that stays fresh, and a
// dead process as a file nobody rewrites (node_textfile_mtime_seconds).
#pragma once
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "util/result.h"

namespace kiosk::health {

struct Health {
  bool up = true;                       // false in the last file a stopping kiosk writes
  double last_frame_age_seconds = 0;    // since the frame loop's last turn (its heartbeat)
  std::string content_version;          // the content database's hash ("" = no content)
  int64_t pack_version = 0;             // the signed pack installed (0 = none)
  int64_t content_published_unix = 0;   // the live database's modification time (0 = unknown)
  int64_t content_past_review = -1;     // items whose review date has passed (-1 = unknown)
  bool packs_configured = false;        // the pack_* lines below only then
  int64_t pack_check_unix = 0;          // the last pass over the pack sources (0 = none yet)
  bool pack_check_ok = false;           // that pass refused nothing
  int64_t pack_last_valid_unix = 0;     // a valid signed pack was last seen (0 = never)
  bool speech_up = false;               // the voice can be heard
  // The hook for printing: set only when a printer is configured; then
  // kiosk_printer_up is written (nothing is said of a kiosk without one).
  std::optional<bool> printer_up;
  int64_t starts_total = 0;             // process starts (a state file beside the textfile)
  int64_t visits_total = 0;             // since this process started (Prometheus handles resets)
  int64_t searches_total = 0;
  std::array<int64_t, 24> visits_today{};    // by local hour of today
  std::array<int64_t, 24> searches_today{};
};

// A label value escaped as the exposition format asks: \ " and newline.
std::string escape_label(std::string_view value);

// The snapshot as a textfile: HELP and TYPE for every metric, names
// kiosk_*, units in the names (_seconds, _total). now_unix: for the age.
std::string exposition(const Health& h, int64_t now_unix);

// Counts a start in the state file at path (a number; missing = 0): written
// atomically, returns the new count. On failure `why` says so and the count
// is what it would have been (1 for a missing file).
util::Result<int64_t> count_start(const std::string& path);

// The writer. The loop calls beat() on every turn and update() with what it
// knows; the thread writes the file every interval and once more, with
// kiosk_up 0, when the Monitor is destroyed.
class Monitor {
public:
  struct Clocks {
    std::function<int64_t()> steady_ms;  // for the heartbeat's age
    std::function<int64_t()> unix_s;     // for ages and the hour of day
  };
  // start_thread false: nothing is written until start() or write_now().
  Monitor(std::string path, int interval_seconds, Clocks clocks = {}, bool start_thread = true);
  // Starts the writer (once; the first file is written at once).
  void start();
  ~Monitor();
  Monitor(const Monitor&) = delete;
  Monitor& operator=(const Monitor&) = delete;

  // The loop's heartbeat: lock-free, on every turn.
  void beat();
  // Changes the snapshot (under the lock; the frame fields are the writer's).
  void update(const std::function<void(Health&)>& change);
  // A visit or a search now, counted in the totals and today's hour.
  void count_visit();
  void count_search();
  // The snapshot with the heartbeat's age filled in.
  Health snapshot() const;
  // Writes the file now; "" or why not.
  std::string write_now();
  // The last write's failure, "" while writes succeed; the loop logs it.
  std::string take_error();
  int interval_seconds() const { return interval_s_; }
  // How long the loop may sleep before its next beat is due (ms).
  int64_t ms_to_next_beat() const;

private:
  void count(std::array<int64_t, 24> Health::*today, int64_t Health::*total);
  void run();

  std::string path_;
  int interval_s_;
  Clocks clocks_;
  std::atomic<int64_t> heartbeat_ms_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  Health h_;
  int64_t today_ = -1;  // the local day today's hours are of (days since the epoch)
  bool stop_ = false;
  std::string error_, last_err_;
  std::thread thread_;
};

}  // namespace kiosk::health
