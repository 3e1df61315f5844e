// Where new content comes from on a kiosk: a drop folder (a USB stick's mount
// point) and an HTTP(S) URL polled on a schedule: the small signature file
// with ETag/If-None-Match, the database only when the signature is good and
// newer, never more of it than the signed length.
// A worker thread fetches, checks and installs packs (content/pack.h), so the
// frame loop never waits on a stick or a network; the kiosk notices the new
// file and reloads at its next quiet moment, as for any new database.
// Everything that arrives is bounded: regular files only, timeouts and a
// low-speed limit on HTTP, and the worker stops within a second when asked.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <thread>

namespace kiosk::packs {

struct PackSources {
  std::string public_key;   // required: packs are never taken unsigned
  std::string drop_folder;  // "" = none
  std::string url;          // "" = none; the signature is at url + ".sig"
  std::string live;         // the database the kiosk reads
  std::string work_dir;     // downloads land here first (same disk as live)
  int poll_seconds = 900;
  // HTTP: a server slower than low_speed_bytes a second for
  // low_speed_seconds is dropped (and tried again at the next poll).
  int connect_timeout_seconds = 10;
  int low_speed_bytes = 1024;
  int low_speed_seconds = 30;
  // No valid signed pack seen for this long (every source silent, refusing,
  // or answering 304 to everything): said in the log and the staff menu.
  int64_t stale_after_seconds = 7 * 24 * 3600;
};

// One bounded HTTP GET with If-None-Match; what came back. Anything but a
// whole 200 removes to_file. More than max_bytes (announced or sent) fails.
struct Fetched {
  long status = 0;          // 200, 304, ... 0 when the request failed
  std::string etag, error;
};
struct HttpLimits {
  int64_t max_bytes = 4096;
  int connect_timeout_seconds = 10, low_speed_bytes = 1024, low_speed_seconds = 30;
  const std::atomic<bool>* stop = nullptr;  // checked by curl's progress callback
};
Fetched http_get(const std::string& url, const std::string& if_none_match, const std::string& to_file,
                 const HttpLimits& limits = {});

class PackWatcher {
public:
  // start_thread false: nothing runs until run_once() (tests).
  explicit PackWatcher(PackSources sources, bool start_thread = true);
  // Stops the worker; waits for it at most a second (a worker still inside
  // a file system call then finishes on its own and touches nothing of ours).
  ~PackWatcher();
  PackWatcher(const PackWatcher&) = delete;
  PackWatcher& operator=(const PackWatcher&) = delete;
  // Look now instead of at the next poll (staff "Check for new content").
  void poke();
  // Log lines since the last call (installed, refused with the reason).
  std::deque<std::string> take_messages();
  // One pass over the sources, on the calling thread (tests).
  void run_once();
  // Seconds since a valid signed pack was last seen, when longer than
  // stale_after_seconds; 0 while packs keep arriving or checking out.
  int64_t stale_seconds() const;
  // "No valid content pack for 9 days (since 2025-01-02)." or "".
  std::string stale_words() const;
  // The last look at the sources, for monitoring: when (Unix seconds, 0 =
  // none yet), whether it refused nothing (a source offering only what is
  // installed is no refusal), and when a valid signed pack was last seen.
  struct LastCheck {
    int64_t at = 0;
    bool ok = false;
    int64_t last_valid = 0;
  };
  LastCheck last_check() const;

  struct State;

private:
  std::shared_ptr<State> state_;
  std::thread worker_;
};

}  // namespace kiosk::packs
