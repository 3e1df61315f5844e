// Health as a Prometheus textfile, written atomically by its own thread.
#include "health/health.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

#include "util/files.h"

namespace kiosk::health {

std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

namespace {

struct Text {
  std::string out;
  void metric(const char* name, const char* type, const char* help) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
  }
  void sample(const char* name, const std::string& labels, const std::string& value) {
    out += std::string(name) + (labels.empty() ? "" : "{" + labels + "}") + " " + value + "\n";
  }
  void one(const char* name, const char* type, const char* help, const std::string& value) {
    metric(name, type, help);
    sample(name, "", value);
  }
};

std::string num(int64_t v) { return std::to_string(v); }
std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

int64_t local_day(int64_t unix_s, int* hour) {
  std::time_t t = static_cast<std::time_t>(unix_s);
  std::tm tm {};
  localtime_r(&t, &tm);
  if (hour) *hour = tm.tm_hour;
  return int64_t(tm.tm_year) * 1000 + tm.tm_yday;
}

}  // namespace

std::string exposition(const Health& h, int64_t now_unix) {
  Text t;
  t.one("kiosk_up", "gauge", "1 while the kiosk runs; 0 in the last file a stopping kiosk writes.", h.up ? "1" : "0");
  t.one("kiosk_last_frame_age_seconds", "gauge",
        "Seconds since the frame loop's last turn. The loop wakes at least once per write interval even when "
        "nobody touches the screen (it draws no frame then), so on a working kiosk this stays under the interval; "
        "a frozen kiosk's keeps growing while this file stays fresh.",
        num(h.last_frame_age_seconds));
  t.metric("kiosk_info", "gauge", "Always 1; the content in use (its database hash) and the signed pack installed (0 = none) as labels.");
  t.sample("kiosk_info", "content_version=\"" + escape_label(h.content_version) + "\",pack_version=\"" + num(h.pack_version) + "\"",
           "1");
  if (h.content_published_unix > 0) {
    t.one("kiosk_content_published_timestamp_seconds", "gauge",
          "When the content database in use was published on this kiosk (the file's modification time), Unix seconds.",
          num(h.content_published_unix));
    t.one("kiosk_content_age_seconds", "gauge", "Seconds since the content in use was published on this kiosk.",
          num(std::max<int64_t>(0, now_unix - h.content_published_unix)));
  }
  if (h.content_past_review >= 0)
    t.one("kiosk_content_past_review_items", "gauge", "Content items whose review date has passed (the staff menu lists them).",
          num(h.content_past_review));
  if (h.packs_configured) {
    if (h.pack_check_unix > 0) {
      t.one("kiosk_pack_check_success", "gauge", "1 when the last look at the pack sources refused nothing, else 0.",
            h.pack_check_ok ? "1" : "0");
      t.one("kiosk_pack_check_timestamp_seconds", "gauge", "When the pack sources were last looked at, Unix seconds.",
            num(h.pack_check_unix));
    }
    if (h.pack_last_valid_unix > 0)
      t.one("kiosk_pack_last_valid_timestamp_seconds", "gauge", "When a valid signed pack was last seen (installed or confirmed), Unix seconds.",
            num(h.pack_last_valid_unix));
  }
  t.one("kiosk_speech_up", "gauge", "1 when the kiosk's voice can be heard (speech output works), else 0.", h.speech_up ? "1" : "0");
  if (h.printer_up)
    t.one("kiosk_printer_up", "gauge", "1 when the configured printer is ready, else 0 (absent: no printer configured).",
          *h.printer_up ? "1" : "0");
  t.one("kiosk_starts_total", "counter", "Times the kiosk process started on this machine (restarts are its increase).", num(h.starts_total));
  t.one("kiosk_visits_total", "counter", "Visits (a touch that leaves the attract screen) since the process started.", num(h.visits_total));
  t.one("kiosk_searches_total", "counter", "Times the search screen was opened since the process started (counts only, never words).",
        num(h.searches_total));
  auto hours = [&](const char* name, const char* help, const std::array<int64_t, 24>& a) {
    t.metric(name, "gauge", help);
    for (int i = 0; i < 24; ++i) {
      char l[16];
      std::snprintf(l, sizeof l, "hour=\"%02d\"", i);
      t.sample(name, l, num(a[static_cast<size_t>(i)]));
    }
  };
  hours("kiosk_visits_today", "Visits today by local hour (since the process started, if it started today).", h.visits_today);
  hours("kiosk_searches_today", "Search screens opened today by local hour (since the process started, if it started today).",
        h.searches_today);
  return t.out;
}

util::Result<int64_t> count_start(const std::string& path) {
  int64_t n = 0;
  if (std::ifstream in(path); in) {
    if (!(in >> n) || n < 0) n = 0;  // unreadable: counting starts again
  }
  ++n;
  return {n, util::write_atomically(path, std::to_string(n) + "\n")};
}

Monitor::Monitor(std::string path, int interval_seconds, Clocks clocks, bool start_thread)
    : path_(std::move(path)), interval_s_(interval_seconds < 1 ? 1 : interval_seconds), clocks_(std::move(clocks)) {
  if (!clocks_.steady_ms)
    clocks_.steady_ms = [] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    };
  if (!clocks_.unix_s) clocks_.unix_s = [] { return static_cast<int64_t>(std::time(nullptr)); };
  heartbeat_ms_ = clocks_.steady_ms();
  if (start_thread) start();
}

void Monitor::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

Monitor::~Monitor() {
  if (thread_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    update([](Health& h) { h.up = false; });  // stopped on purpose: said, not left to go stale
    write_now();
  }
}

void Monitor::beat() { heartbeat_ms_.store(clocks_.steady_ms(), std::memory_order_relaxed); }

void Monitor::update(const std::function<void(Health&)>& change) {
  std::lock_guard<std::mutex> lock(mu_);
  change(h_);
}

void Monitor::count(std::array<int64_t, 24> Health::*today, int64_t Health::*total) {
  int hour = 0;
  const int64_t day = local_day(clocks_.unix_s(), &hour);
  std::lock_guard<std::mutex> lock(mu_);
  if (day != today_) {  // a new day: yesterday's hours are gone
    today_ = day;
    h_.visits_today = {};
    h_.searches_today = {};
  }
  ++(h_.*total);
  ++(h_.*today)[static_cast<size_t>(hour)];
}

void Monitor::count_visit() { count(&Health::visits_today, &Health::visits_total); }
void Monitor::count_search() { count(&Health::searches_today, &Health::searches_total); }

Health Monitor::snapshot() const {
  Health h;
  int64_t day;
  {
    std::lock_guard<std::mutex> lock(mu_);
    h = h_;
    day = today_;
  }
  if (day != local_day(clocks_.unix_s(), nullptr)) h.visits_today = h.searches_today = {};  // nobody came today yet
  const int64_t age = clocks_.steady_ms() - heartbeat_ms_.load(std::memory_order_relaxed);
  h.last_frame_age_seconds = static_cast<double>(age < 0 ? 0 : age) / 1000.0;
  return h;
}

// As util::write_atomically, but readable by all whatever the umask (the
// kiosk's unit has 0027; node_exporter runs as another user): a fleet's
// health is no secret, and counts are all it holds.
static std::string write_readable(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  util::Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  std::string err;
  if (!fd) return path + ": cannot write (" + std::strerror(errno) + ")";
  if (::fchmod(fd.get(), 0644) != 0 || !util::write_all(fd.get(), text) || !fd.close())
    err = path + ": cannot write (" + std::strerror(errno) + ")";
  else err = util::replace_durably(tmp, path);
  if (!err.empty()) ::unlink(tmp.c_str());
  return err;
}

std::string Monitor::write_now() {
  std::string err = write_readable(path_, exposition(snapshot(), clocks_.unix_s()));
  std::lock_guard<std::mutex> lock(mu_);
  if (err != last_err_) {  // said once, not every interval
    last_err_ = err;
    if (!err.empty()) error_ = err;
  }
  return err;
}

std::string Monitor::take_error() {
  std::lock_guard<std::mutex> lock(mu_);
  return std::exchange(error_, std::string());
}

int64_t Monitor::ms_to_next_beat() const {
  const int64_t due = heartbeat_ms_.load(std::memory_order_relaxed) + interval_s_ * 1000LL - clocks_.steady_ms();
  return due < 0 ? 0 : due;
}

void Monitor::run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    lock.unlock();
    write_now();
    lock.lock();
    cv_.wait_for(lock, std::chrono::seconds(interval_s_), [&] { return stop_; });
  }
}

}  // namespace kiosk::health
