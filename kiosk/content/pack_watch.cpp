#include "content/pack_watch.h"

#include <algorithm>
#include <cstdio>
#include <curl/curl.h>
#include <filesystem>
#include <fstream>

#include "content/pack.h"

namespace kiosk::content {

namespace fs = std::filesystem;

namespace {
size_t write_body(char* p, size_t size, size_t n, void* f) { return std::fwrite(p, size, n, static_cast<FILE*>(f)) * size; }
size_t read_header(char* p, size_t size, size_t n, void* out) {
  std::string line(p, size * n);
  auto* etag = static_cast<std::string*>(out);
  if (line.size() > 5 && (line.compare(0, 5, "ETag:") == 0 || line.compare(0, 5, "etag:") == 0)) {
    *etag = line.substr(5);
    while (!etag->empty() && (etag->front() == ' ')) etag->erase(0, 1);
    while (!etag->empty() && (etag->back() == '\r' || etag->back() == '\n' || etag->back() == ' ')) etag->pop_back();
  }
  return size * n;
}
}  // namespace

Fetched http_get(const std::string& url, const std::string& if_none_match, const std::string& to_file) {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  Fetched r;
  if (!ready) { r.error = "libcurl could not start"; return r; }
  FILE* f = std::fopen(to_file.c_str(), "wb");
  if (!f) { r.error = to_file + ": cannot write"; return r; }
  CURL* c = curl_easy_init();
  curl_slist* headers = nullptr;
  if (!if_none_match.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + if_none_match).c_str());
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, read_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r.etag);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 600L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  else r.error = curl_easy_strerror(rc);
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  std::fclose(f);
  return r;
}

PackWatcher::PackWatcher(PackSources sources, bool start_thread) : src_(std::move(sources)) {
  if (!src_.work_dir.empty()) fs::create_directories(src_.work_dir);
  if (start_thread) worker_ = std::thread([this] { loop(); });
}

PackWatcher::~PackWatcher() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void PackWatcher::poke() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

std::deque<std::string> PackWatcher::take_messages() {
  std::lock_guard<std::mutex> lock(mu_);
  std::deque<std::string> out;
  out.swap(messages_);
  return out;
}

void PackWatcher::say(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  messages_.push_back(line);
}

void PackWatcher::loop() {
  for (;;) {
    run_once();
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(std::max(5, src_.poll_seconds)), [&] { return stop_ || poked_; });
    if (stop_) return;
    poked_ = false;
  }
}

void PackWatcher::run_once() {
  auto try_install = [&](const std::string& db, const std::string& from) {
    std::string why = install_pack(db, src_.public_key, src_.live);
    if (why.empty()) {
      say("content pack installed from " + from + " (version " + std::to_string(installed(src_.live).version) + ")");
      last_refused_.clear();
    } else if (why != last_refused_) {
      say("content pack from " + from + " refused: " + why);
      last_refused_ = why;
    }
  };
  // 1. a drop folder: the newest signed database in it
  std::error_code ec;
  if (!src_.drop_folder.empty() && fs::is_directory(src_.drop_folder, ec)) {
    std::string newest;
    fs::file_time_type newest_time{};
    for (const auto& e : fs::directory_iterator(src_.drop_folder, ec))
      if (e.path().extension() == ".db" && (newest.empty() || e.last_write_time(ec) > newest_time)) {
        newest = e.path().string();
        newest_time = e.last_write_time(ec);
      }
    if (!newest.empty()) try_install(newest, newest);
  }
  // 2. a URL: the small signature file is polled with its ETag; the database
  //    is fetched only when that changed (every new pack has a new signature)
  if (!src_.url.empty()) {
    const std::string db = (fs::path(src_.work_dir) / "download.db").string();
    Fetched sig = http_get(src_.url + ".sig", etag_, db + ".sig");
    if (sig.status == 200) {
      Fetched got = http_get(src_.url, "", db);
      if (got.status == 200) {
        try_install(db, src_.url);
        etag_ = sig.etag;
      } else {
        say("content pack at " + src_.url + " could not be fetched (" + (got.error.empty() ? "HTTP " + std::to_string(got.status) : got.error) + ")");
      }
    } else if (sig.status != 304) {
      std::string why = sig.error.empty() ? "HTTP " + std::to_string(sig.status) : sig.error;
      if (why != last_refused_) say("content pack at " + src_.url + " could not be fetched: " + why);
      last_refused_ = why;
    }
    fs::remove(db, ec);
    fs::remove(db + ".sig", ec);
  }
}

}  // namespace kiosk::content
