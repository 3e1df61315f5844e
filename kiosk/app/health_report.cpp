// HealthReport: the app's state handed to the health writer (health/health.h).
#include "app/health_report.h"

#include <chrono>
#include <ctime>
#include <sys/stat.h>

#include "app/log.h"
#include "content/kinds.h"
#include "content/store.h"
#include "packs/pack.h"
#include "packs/pack_watch.h"

namespace kiosk::app {

namespace {
int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

std::unique_ptr<HealthReport> HealthReport::open(const Settings& settings) {
  if (settings.monitoring_textfile.empty()) return nullptr;
  // the start count lives beside the textfile (node_exporter reads only *.prom)
  std::string why;
  const int64_t starts = health::count_start(settings.monitoring_textfile + ".starts", &why);
  if (!why.empty()) log("monitoring: cannot count this start: " + why);
  return std::make_unique<HealthReport>(settings, starts);
}

HealthReport::HealthReport(const Settings& settings, int64_t starts)
    : settings_(settings), monitor_(settings.monitoring_textfile, settings.monitoring_interval_seconds, {}, false) {
  monitor_.update([&](health::Health& h) {
    h.starts_total = starts;
    h.packs_configured = !settings.pack_public_key.empty() && (!settings.pack_drop_folder.empty() || !settings.pack_url.empty());
  });
}

void HealthReport::beat(session::ScreenId screen, content::Store* store, const packs::PackWatcher* packs, bool speech_up,
                        std::optional<bool> printer_up) {
  monitor_.beat();
  if (screen != last_screen_) {
    if (last_screen_ == session::ScreenId::Attract) monitor_.count_visit();  // a touch started a visit
    if (screen == session::ScreenId::Search) monitor_.count_search();
    last_screen_ = screen;
  }
  const int64_t now = steady_ms();
  if (store == last_store_ && now < next_refresh_ms_) return;
  next_refresh_ms_ = now + monitor_.interval_seconds() * 1000LL;

  std::time_t t = std::time(nullptr);
  char today[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", std::localtime(&t));
  int64_t past_review = -1;
  bool recount = store && (store != last_store_ || review_day_ != today);
  if (recount) try {
    past_review = 0;  // as the staff menu counts them (StaffMode::fill_view)
    for (const auto& k : content::kinds()) {
      if (!k.staff_listed) continue;
      for (const auto& it : store->items(k.kind))
        if (!it.review_by.empty() && it.review_by < today) ++past_review;
    }
    review_day_ = today;
  } catch (const std::exception& e) {
    log(std::string("monitoring: cannot read the content's review dates: ") + e.what());
    past_review = -1;
  }
  last_store_ = store;
  struct stat st {};
  const int64_t published = ::stat(settings_.database.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_mtime) : 0;
  const int64_t pack_version = packs::installed(settings_.database).version;
  const packs::PackWatcher::LastCheck check = packs ? packs->last_check() : packs::PackWatcher::LastCheck{};
  monitor_.update([&](health::Health& h) {
    h.content_version = store ? store->info().content_hash : std::string();
    if (!store) h.content_past_review = -1;
    else if (recount) h.content_past_review = past_review;
    h.content_published_unix = store ? published : 0;
    h.pack_version = pack_version;
    h.pack_check_unix = check.at;
    h.pack_check_ok = check.ok;
    h.pack_last_valid_unix = check.last_valid;
    h.speech_up = speech_up;
    h.printer_up = printer_up;
  });
  monitor_.start();  // the first file once all of it is known
  if (std::string e = monitor_.take_error(); !e.empty()) log("monitoring: " + e);
}

}  // namespace kiosk::app
