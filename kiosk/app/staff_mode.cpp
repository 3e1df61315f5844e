#include "app/staff_mode.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <set>

#include "app/log.h"
#include "content/kinds.h"
#include "packs/pack.h"

namespace kiosk::app {

StaffMode::StaffMode(const Settings& settings, const platform::Clock& clock)
    : settings_(settings), clock_(clock),
      lock_(settings.staff_pin_file, settings.staff_max_attempts, settings.staff_lockout_minutes * 60'000LL) {}

bool StaffMode::open_pin() {
  if (!lock_.configured()) {
    log("staff mode asked for, but no staff PIN is set (kiosk-content set-pin)");
    return false;
  }
  entry_.clear();
  view_ = {};
  return true;
}

void StaffMode::end() {
  in_ = false;
  entry_.clear();
}

bool StaffMode::corner_held(bool down, float x, float y, int64_t now_ms) {
  if (!(down && x >= 0 && x < 80 && y >= 0 && y < 80)) {
    corner_down_ms_ = -1;
    return false;
  }
  if (corner_down_ms_ == -1) corner_down_ms_ = now_ms;
  else if (corner_down_ms_ >= 0 && now_ms - corner_down_ms_ >= 5000) {
    corner_down_ms_ = -2;  // once per hold
    return true;
  }
  return false;
}

void StaffMode::touched(float x, float y) {
  view_.touches.emplace_back(x, y);
  if (view_.touches.size() > 40) view_.touches.erase(view_.touches.begin());
}

StaffMode::Outcome StaffMode::key(const std::string& k, Parts& p) {
  using Go = Outcome::Go;
  view_.pin_status.clear();
  if (k == "cancel") { entry_.clear(); return {Go::Home}; }
  if (k == "clear") { entry_.clear(); view_.pin_digits = 0; return {}; }
  if (k != "ok") {
    if (entry_.size() < 12) entry_ += k;
    view_.pin_digits = static_cast<int>(entry_.size());
    return {};
  }
  using R = staff::StaffLock::Result;
  const int64_t now = clock_.now_ms();
  R r = lock_.check(entry_, now);
  std::fill(entry_.begin(), entry_.end(), '\0');  // not left in memory
  entry_.clear();
  view_.pin_digits = 0;
  Outcome out;
  if (r == R::Ok) {
    in_ = true;
    log("staff mode opened");
    out.go = Go::Menu;
    fill_view(p);
  } else {
    view_.pin_status = lock_.status_text(r, now);
    if (r == R::Wrong) log("staff PIN wrong (" + std::to_string(lock_.failed()) + " since staff last came in)");
    if (r == R::Locked) log("staff PIN pad locked: " + view_.pin_status);
  }
  if (const std::string& why = lock_.save_error(); !why.empty() && why != save_error_)
    log("the staff lockout cannot be kept over a restart: " + why);
  save_error_ = lock_.save_error();
  return out;
}

StaffMode::Outcome StaffMode::act(Action what, Parts& p) {
  using Go = Outcome::Go;
  using A = Action;
  if (!in_) return {};
  std::string& msg = view_.message;
  if (what == A::Reload) {
    p.reload();
    msg = !p.content.store() ? "No content could be loaded; see the log."
          : p.content.check_running() ? "Checking the content now; it is used as soon as it passes (see the log)."
                                      : "Content reloaded.";
  } else if (what == A::Rollback) {
    std::string why = packs::roll_back(settings_.database);
    if (why.empty()) p.reload();
    msg = why.empty() ? "The previous content is coming back: it is used as soon as its check passes." : "Roll back refused: " + why;
    log(msg);
  } else if (what == A::Packs) {
    if (p.packs) p.packs->poke();
    msg = p.packs ? "Looking for new content packs now; see below in a moment." : "No pack source is set in kiosk.toml ([packs]).";
  } else if (what == A::Export) {
    std::string dir = settings_.stats_export_dir.empty() ? std::string(".") : settings_.stats_export_dir;
    std::string path = (std::filesystem::path(dir) / "kiosk-usage.csv").string();
    FILE* f = p.stats ? std::fopen(path.c_str(), "w") : nullptr;
    if (f) {
      std::string csv = p.stats->csv();
      std::fwrite(csv.data(), 1, csv.size(), f);
      std::fclose(f);
    }
    msg = !p.stats ? "Statistics are off ([stats] file in kiosk.toml)." : f ? "Usage written to " + path : "Cannot write " + path;
  } else if (what == A::Test) {
    view_.touches.clear();
    return {Go::Test};
  } else if (what == A::Leave) {
    in_ = false;
    log("staff mode closed");
    return {Go::Home};
  } else if (what == A::Exit || what == A::Restart) {
    log(what == A::Exit ? "staff asked the kiosk to exit" : "staff asked the kiosk to restart");
    return {Go::Stay, what == A::Exit ? 4 : 75};  // kiosk.service: 4 stays stopped (RestartPreventExitStatus), 75 restarts
  }
  fill_view(p);
  return {};
}

void StaffMode::fill_view(Parts& p) {
  screens::StaffView& v = view_;
  v.database = settings_.database;
  v.speech_off = p.speech.unavailable();
  // as last checked by the print worker (never asked of CUPS on this thread)
  v.printer = p.printer ? p.printer->last_state().staff_line : "";
  auto inst = packs::installed(settings_.database);
  v.version = inst.version;
  v.previous_version = inst.previous_version;
  v.sources.clear();
  v.stale.clear();
  v.coverage.clear();
  v.usage.clear();
  v.pack_stale = p.packs ? p.packs->stale_words() : std::string();
  v.pin_failures = lock_.failures_text();
  v.pin_failed = lock_.failed_before_entry() > 0;
  if (content::Store* store = p.content.store()) try {
    v.content_hash = store->info().content_hash;
    v.built_from = store->info().built_from;
    v.items = store->info().items;
    std::time_t t = std::time(nullptr);
    char today[16];
    std::strftime(today, sizeof today, "%Y-%m-%d", std::localtime(&t));
    std::set<std::string> sources;
    for (const auto& k : content::kinds())  // the kinds staff see listed (content/kinds.h)
      for (const auto& it : store->items(k.kind)) {
        if (!k.staff_listed) break;
        sources.insert(it.source + ": " + it.source_date);
        if (!it.review_by.empty() && it.review_by < today) v.stale.push_back(it.file + ": review was due " + it.review_by);
      }
    v.sources.assign(sources.begin(), sources.end());
    for (const auto& loc : p.content.locales()) {
      if (loc == "en") continue;
      // of the translated, how many a person reviewed against today's English (content/README.md)
      int done = 0, total = 0, reviewed = 0, out_of_date = 0;
      std::string last;
      for (const auto& c : store->coverage(loc)) {
        done += c.done;
        total += c.total;
        reviewed += c.reviewed;
        out_of_date += static_cast<int>(c.out_of_date.size());
        last = std::max(last, c.last_reviewed);
      }
      std::string line = loc + ": translated " + std::to_string(done) + " of " + std::to_string(total) + ", reviewed " +
                         std::to_string(reviewed);
      if (!last.empty()) line += ", the last on " + last;
      if (out_of_date) line += "; " + std::to_string(out_of_date) + " reviewed before English changed";
      v.coverage.push_back(line);
    }
  } catch (const std::exception& e) {
    log(std::string("cannot read content for the staff menu: ") + e.what());
    p.content.mark_broken();
  }
  if (p.stats)
    for (const auto& [what, n] : p.stats->totals(25)) v.usage.push_back(what + ": " + std::to_string(n));
}

}  // namespace kiosk::app
