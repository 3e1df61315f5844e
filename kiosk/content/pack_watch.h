// Where new content comes from on a kiosk: a drop folder (a USB stick's mount
// point) and an HTTP(S) URL polled on a schedule: the small signature file
// with ETag/If-None-Match, the database only when that changed.
// A worker thread fetches, checks and installs packs (content/pack.h), so the
// frame loop never waits on a stick or a network; the kiosk notices the new
// file and reloads at its next quiet moment, as for any new database.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::content {

struct PackSources {
  std::string public_key;   // required: packs are never taken unsigned
  std::string drop_folder;  // "" = none
  std::string url;          // "" = none; the signature is at url + ".sig"
  std::string live;         // the database the kiosk reads
  std::string work_dir;     // downloads land here first (same disk as live)
  int poll_seconds = 900;
};

// One HTTP GET with If-None-Match; what came back.
struct Fetched {
  long status = 0;          // 200, 304, ... 0 when the request failed
  std::string etag, error;
};
Fetched http_get(const std::string& url, const std::string& if_none_match, const std::string& to_file);

class PackWatcher {
public:
  // start_thread false: nothing runs until run_once() (tests).
  explicit PackWatcher(PackSources sources, bool start_thread = true);
  ~PackWatcher();
  // Look now instead of at the next poll (staff "Check for new content").
  void poke();
  // Log lines since the last call (installed, refused with the reason).
  std::deque<std::string> take_messages();
  // One pass over the sources, on the calling thread (tests).
  void run_once();

private:
  void loop();
  void say(const std::string& line);

  PackSources src_;
  std::string etag_;
  std::string last_refused_;  // so a refused pack on a stick is logged once, not every poll
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> messages_;
  bool stop_ = false, poked_ = false;
  std::thread worker_;
};

}  // namespace kiosk::content
