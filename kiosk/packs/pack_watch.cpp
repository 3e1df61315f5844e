// The pack watcher: drop folder and HTTP sources, bounded, on a stoppable worker.
#include "packs/pack_watch.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <curl/curl.h>
#include <filesystem>
#include <mutex>
#include <sys/stat.h>
#include <vector>

#include "content/accept.h"
#include "packs/pack.h"
#include "util/files.h"

namespace kiosk::packs {

using content::open_regular;

namespace fs = std::filesystem;

namespace {
int64_t unix_now() { return static_cast<int64_t>(std::time(nullptr)); }

struct Body {
  FILE* f = nullptr;
  int64_t written = 0, max = 0;
  bool over = false;
};
size_t write_body(char* p, size_t size, size_t n, void* userdata) {
  auto* b = static_cast<Body*>(userdata);
  if (b->written + static_cast<int64_t>(size * n) > b->max) {  // more than signed: curl stops
    b->over = true;
    return 0;
  }
  size_t w = std::fwrite(p, size, n, b->f) * size;
  b->written += static_cast<int64_t>(w);
  return w;
}
size_t read_header(char* p, size_t size, size_t n, void* out) {
  std::string line(p, size * n);
  auto* etag = static_cast<std::string*>(out);
  if (line.size() > 5 && (line.compare(0, 5, "ETag:") == 0 || line.compare(0, 5, "etag:") == 0)) {
    *etag = line.substr(5, 200);
    while (!etag->empty() && (etag->front() == ' ')) etag->erase(0, 1);
    while (!etag->empty() && (etag->back() == '\r' || etag->back() == '\n' || etag->back() == ' ')) etag->pop_back();
  }
  return size * n;
}
int progress(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return stop && static_cast<const std::atomic<bool>*>(stop)->load() ? 1 : 0;
}
}  // namespace

Fetched http_get(const std::string& url, const std::string& if_none_match, const std::string& to_file,
                 const HttpLimits& lim) {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  Fetched r;
  if (!ready) { r.error = "libcurl could not start"; return r; }
  std::error_code ec;
  fs::remove(to_file, ec);
  Body body{std::fopen(to_file.c_str(), "wbx"), 0, lim.max_bytes, false};
  if (!body.f) { r.error = to_file + ": cannot write"; return r; }
  CURL* c = curl_easy_init();
  curl_slist* headers = nullptr;
  if (!if_none_match.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + if_none_match).c_str());
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, read_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r.etag);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(lim.max_bytes));  // an announced length over it
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(lim.connect_timeout_seconds));
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(lim.low_speed_bytes));
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(lim.low_speed_seconds));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(lim.stop));
  CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  else if (rc == CURLE_FILESIZE_EXCEEDED || (rc == CURLE_WRITE_ERROR && body.over))
    r.error = "the server sent (or announced) more than the " + std::to_string(lim.max_bytes) + " bytes signed for";
  else if (rc == CURLE_ABORTED_BY_CALLBACK) r.error = "stopped";
  else r.error = curl_easy_strerror(rc);
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  std::fclose(body.f);
  if (r.status != 200) fs::remove(to_file, ec);  // a partial or refused body never stays
  return r;
}

struct PackWatcher::State {
  PackSources src;
  mutable std::mutex mu;
  std::condition_variable cv;
  std::deque<std::string> messages;
  bool poked = false, finished = false;
  std::atomic<bool> stop{false};
  std::string etag, last_refused_drop, last_refused_http;
  std::atomic<int64_t> last_seen{0};
  std::atomic<int64_t> checked_at{0};  // the last whole pass, and whether it refused nothing
  std::atomic<bool> check_ok{false};
  bool refused_this_pass = false;
  bool stale_said = false;

  void say(const std::string& line) {
    std::lock_guard<std::mutex> lock(mu);
    messages.push_back(line);
  }
  std::string seen_file() const { return (fs::path(src.work_dir) / "last-valid-pack").string(); }
  void seen() {
    last_seen = unix_now();
    stale_said = false;
    util::write_atomically(seen_file(), std::to_string(last_seen.load()) + "\n");
  }
  std::string stale_words() const;
  int64_t stale() const {
    int64_t age = unix_now() - last_seen.load();
    return age > src.stale_after_seconds ? age : 0;
  }
  bool install(const std::string& db, const std::string& from, std::string* last_refused) {
    std::string why = install_pack(db, src.public_key, src.live, &stop);
    if (why.empty()) {
      say("content pack installed from " + from + " (version " + std::to_string(installed(src.live).version) + ")");
      last_refused->clear();
      seen();
      return true;
    }
    if (why != "stopped") refused_this_pass = true;
    if (why != *last_refused && why != "stopped") say("content pack from " + from + " refused: " + why);
    *last_refused = why;
    return false;
  }
  void drop_folder();
  void http();
  void run_once() {
    refused_this_pass = false;
    if (!src.drop_folder.empty()) drop_folder();
    if (!src.url.empty() && !stop) http();
    if (!stop) {
      check_ok = !refused_this_pass;
      checked_at = unix_now();
    }
    if (int64_t s = stale(); s > 0 && !stale_said) {
      stale_said = true;
      say(stale_words() + " Check the pack sources.");
    }
  }
};

// The drop folder: every *.db that is a regular file inside the folder (a
// symlink may point within it, never out) with a good signature beside it;
// the highest signed version that installs wins.
void PackWatcher::State::drop_folder() {
  std::error_code ec;
  if (!fs::is_directory(src.drop_folder, ec)) return;
  const fs::path root = fs::canonical(src.drop_folder, ec);
  if (ec) return;
  auto inside = [&](const fs::path& p) -> util::Result<std::string> {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) return {"", p.string() + ": missing"};
    std::error_code e2;
    fs::path real = S_ISLNK(st.st_mode) ? fs::canonical(p, e2) : p;
    if (e2) return {"", p.string() + ": a broken link"};
    std::string r = real.string(), base = root.string() + "/";
    if (S_ISLNK(st.st_mode) && r.rfind(base, 0) != 0) return {"", p.string() + ": a link leaving the drop folder; not read"};
    return {r, ""};
  };
  struct SignedPack { int64_t version; std::string path; };  // (content::Candidate is a pack being checked)
  std::vector<SignedPack> good;
  std::string first_refusal;
  const Installed inst = installed(src.live);
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (stop) return;
    if (e.path().extension() != ".db") continue;
    auto db = inside(e.path());
    std::string why = db.why;
    util::Result<std::string> sig;
    if (db.ok()) {
      sig = inside(fs::path(e.path().string() + ".sig"));
      why = sig.why;
    }
    PackCheck c;
    if (db.ok() && sig.ok()) {
      auto file = open_regular(db.value, true);  // directories, FIFOs, devices named *.db: skipped
      why = file.why;
      if (file.ok()) {
        c = read_signature(sig.value, src.public_key);
        if (!c.ok) why = c.why;
      }
    }
    if (c.ok) good.push_back({c.version, e.path().string()});
    else if (first_refusal.empty()) first_refusal = e.path().string() + ": " + why;
  }
  std::sort(good.begin(), good.end(), [](const SignedPack& a, const SignedPack& b) { return a.version > b.version; });
  if (!good.empty() && good.front().version == inst.version) seen();  // the stick holds what is installed
  for (const auto& c : good) {
    if (stop) return;
    if (c.version <= inst.version) {
      std::string why = c.path + ": version " + std::to_string(c.version) + " is not newer than the installed " + std::to_string(inst.version);
      if (why != last_refused_drop) say("content pack from " + c.path + " refused: " + why);
      last_refused_drop = why;
      return;
    }
    if (install(c.path, c.path, &last_refused_drop)) return;  // else the next lower version, if newer
  }
  if (good.empty() && !first_refusal.empty()) refused_this_pass = true;
  if (good.empty() && !first_refusal.empty() && first_refusal != last_refused_drop) {
    say("content pack from the drop folder refused: " + first_refusal);
    last_refused_drop = first_refusal;
  }
}

// HTTP: the signature (at most kMaxSignatureBytes) with If-None-Match; the
// database only for a good, newer signature, never more than its signed
// length. The ETag is kept only once the pack it names is accepted (or is
// the one installed), so a signature published before its database is
// fetched again. While no valid pack has been seen for half the stale time
// the request goes without If-None-Match: a server answering 304 to that is
// broken (or freezing us) and is logged.
void PackWatcher::State::http() {
  std::error_code ec;
  fs::create_directories(src.work_dir, ec);
  const std::string db = (fs::path(src.work_dir) / "download.db").string();
  HttpLimits lim{kMaxSignatureBytes, src.connect_timeout_seconds, src.low_speed_bytes, src.low_speed_seconds, &stop};
  const bool conditional = !etag.empty() && unix_now() - last_seen.load() < src.stale_after_seconds / 2;
  auto refuse = [&](const std::string& why) {
    if (why != "stopped") refused_this_pass = true;
    if (why != last_refused_http && why != "stopped") say("content pack at " + src.url + " refused: " + why);
    last_refused_http = why;
  };
  Fetched sig = http_get(src.url + ".sig", conditional ? etag : "", db + ".sig", lim);
  if (sig.status == 304) {
    if (!conditional) refuse("the server answers 304 Not Modified to a request that did not ask for it");
  } else if (sig.status != 200) {
    refuse("could not fetch the signature (" + (sig.error.empty() ? "HTTP " + std::to_string(sig.status) : sig.error) + ")");
  } else if (PackCheck c = read_signature(db + ".sig", src.public_key); !c.ok) {
    refuse(c.why);
  } else {
    const Installed inst = installed(src.live);
    if (c.version == inst.version) {  // what is installed, confirmed
      etag = sig.etag;
      last_refused_http.clear();
      seen();
    } else if (auto why = version_refusal(c.version, inst); !why.empty()) {
      refuse(why);
    } else {
      lim.max_bytes = c.length;
      lim.low_speed_seconds = src.low_speed_seconds;
      Fetched got = http_get(src.url, "", db, lim);
      if (got.status != 200) {
        refuse("could not fetch the database (" + (got.error.empty() ? "HTTP " + std::to_string(got.status) : got.error) + ")");
      } else if (install(db, src.url, &last_refused_http)) {
        etag = sig.etag;
      }
    }
  }
  fs::remove(db, ec);
  fs::remove(db + ".sig", ec);
}

PackWatcher::PackWatcher(PackSources sources, bool start_thread) : state_(std::make_shared<State>()) {
  state_->src = std::move(sources);
  std::error_code ec;
  if (!state_->src.work_dir.empty()) fs::create_directories(state_->src.work_dir, ec);
  // when a valid pack was last seen: kept across restarts, so a restart does not hide a freeze
  int64_t seen = 0;
  if (FILE* f = std::fopen(state_->seen_file().c_str(), "r")) {
    long long v = 0;
    if (std::fscanf(f, "%lld", &v) == 1) seen = v;
    std::fclose(f);
  }
  if (seen <= 0 || seen > unix_now()) {
    seen = unix_now();
    state_->seen();
  }
  state_->last_seen = seen;
  if (start_thread)
    worker_ = std::thread([s = state_] {  // owns the state: safe even if the watcher has gone
      for (;;) {
        s->run_once();
        std::unique_lock<std::mutex> lock(s->mu);
        s->cv.wait_for(lock, std::chrono::seconds(std::max(5, s->src.poll_seconds)), [&] { return s->stop.load() || s->poked; });
        s->poked = false;
        if (s->stop) {
          s->finished = true;
          s->cv.notify_all();
          return;
        }
      }
    });
}

PackWatcher::~PackWatcher() {
  state_->stop = true;
  state_->cv.notify_all();
  if (!worker_.joinable()) return;
  std::unique_lock<std::mutex> lock(state_->mu);
  bool done = state_->cv.wait_for(lock, std::chrono::milliseconds(900), [&] { return state_->finished; });
  lock.unlock();
  if (done) worker_.join();
  else worker_.detach();  // inside a long system call: it ends on its own, holding its own state
}

void PackWatcher::poke() {
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->poked = true;
  }
  state_->cv.notify_all();
}

std::deque<std::string> PackWatcher::take_messages() {
  std::lock_guard<std::mutex> lock(state_->mu);
  std::deque<std::string> out;
  out.swap(state_->messages);
  return out;
}

void PackWatcher::run_once() { state_->run_once(); }

int64_t PackWatcher::stale_seconds() const { return state_->stale(); }

std::string PackWatcher::stale_words() const { return state_->stale_words(); }

PackWatcher::LastCheck PackWatcher::last_check() const {
  return {state_->checked_at.load(), state_->check_ok.load(), state_->last_seen.load()};
}

std::string PackWatcher::State::stale_words() const {
  int64_t s = stale();
  if (s <= 0) return "";
  std::time_t since = static_cast<std::time_t>(last_seen.load());
  char buf[32];
  std::tm tm{};
  localtime_r(&since, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  std::string span = s >= 2 * 86400 ? std::to_string(s / 86400) + " days" : std::to_string(s / 3600) + " hours";
  if (s < 3600) span = std::to_string(s) + " seconds";
  return "No valid content pack for " + span + " (since " + buf + "); the content in use stays.";
}

}  // namespace kiosk::packs
