#include "staff/staff.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sodium.h>
#include <unistd.h>

#include "i18n/catalog.h"
#include "util/files.h"

namespace kiosk::staff {

namespace {
bool ready() {
  static const int rc = sodium_init();
  return rc >= 0;
}
std::string stored_hash(const std::string& file) {
  std::ifstream in(file);
  std::string h;
  std::getline(in, h);
  return h;
}
}  // namespace

std::string pin_problem(const std::string& pin, bool allow_short) {
  for (char c : pin)
    if (!std::isdigit(static_cast<unsigned char>(c))) return "a PIN has digits only";
  if (pin.size() < 4 || pin.size() > 12) return "a PIN has 4 to 12 digits";
  if (pin.size() < 6 && !allow_short) return "a PIN has at least 6 digits (--allow-short allows 4 or 5 where a site must)";
  if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin[0]; })) return "a PIN of one digit repeated is the first thing tried";
  for (int step : {1, -1}) {
    bool run = true;
    for (size_t i = 1; i < pin.size() && run; ++i) run = (pin[i - 1] - '0' + step + 10) % 10 == pin[i] - '0';
    if (run) return "a PIN counting up or down (like 123456) is the first thing tried";
  }
  for (size_t block = 2; block <= 3; ++block) {
    if (pin.size() % block) continue;
    bool repeats = true;
    for (size_t i = block; i < pin.size() && repeats; ++i) repeats = pin[i] == pin[i - block];
    if (repeats) return "a PIN of a short block repeated (like 121212) is easy to guess";
  }
  return "";
}

std::string set_pin(const std::string& path, const std::string& pin, bool allow_short) {
  if (!ready()) return "libsodium could not start";
  if (std::string why = pin_problem(pin, allow_short); !why.empty()) return why;
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return "not enough memory to hash the PIN";
  return util::write_atomically(path, std::string(hash) + "\n", 0600);
}

StaffLock::StaffLock(std::string pin_file, int max_attempts, int64_t lockout_ms)
    : file_(std::move(pin_file)),
      max_(std::clamp(max_attempts, 1, kMostAttempts)),
      lockout_ms_(std::clamp(lockout_ms, kShortestLockoutMs, kLongestLockoutMs)) {
  // "wrong until lockouts failed" (older files: "wrong until")
  std::ifstream in(file_ + ".lockout");
  int wrong = 0, lockouts = 0, failed = 0;
  int64_t until = 0;
  if (in >> wrong >> until) {
    if (!(in >> lockouts >> failed)) lockouts = failed = 0;
    wrong_ = std::clamp(wrong, 0, max_ - 1);
    wall_until_ = until;
    lockouts_ = std::clamp(lockouts, 0, 64);
    failed_ = std::max(0, failed);
  }
}

void StaffLock::save(int64_t until_unix) {
  if (file_.empty()) return;
  save_error_ = util::write_atomically(file_ + ".lockout",
                                 std::to_string(wrong_) + " " + std::to_string(until_unix) + " " + std::to_string(lockouts_) +
                                     " " + std::to_string(failed_) + "\n",
                                 0600);
}

int64_t StaffLock::lockout_now() const {
  int64_t ms = lockout_ms_;
  for (int i = 1; i < lockouts_ && ms < kLongestLockoutMs; ++i) ms *= 2;
  return std::min(ms, kLongestLockoutMs);
}

int64_t StaffLock::locked_ms_left(int64_t now_ms) const {
  const int64_t here = locked_until_ > now_ms ? locked_until_ - now_ms : 0;
  const int64_t wall = (wall_until_ - static_cast<int64_t>(std::time(nullptr))) * 1000;
  return std::max<int64_t>({here, wall, 0});
}

bool StaffLock::configured() const { return stored_hash(file_).rfind("$argon2id$", 0) == 0; }

StaffLock::Result StaffLock::check(const std::string& pin, int64_t now_ms) {
  if (locked_ms_left(now_ms) > 0) return Result::Locked;
  const std::string hash = stored_hash(file_);
  if (!ready() || hash.rfind("$argon2id$", 0) != 0) return Result::NoPin;
  if (crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
    failed_before_ = failed_;
    lockouts_before_ = lockouts_;
    wrong_ = lockouts_ = failed_ = 0;
    wall_until_ = 0;
    save(0);
    return Result::Ok;
  }
  ++failed_;
  if (++wrong_ >= max_) {
    wrong_ = 0;
    ++lockouts_;
    const int64_t ms = lockout_now();
    locked_until_ = now_ms + ms;  // this run: the kiosk's clock
    save(static_cast<int64_t>(std::time(nullptr)) + ms / 1000);  // after a restart: the wall clock
    return Result::Locked;
  }
  save(0);
  return Result::Wrong;
}

namespace {
const i18n::Catalog& messages() {
  static const i18n::Catalog text = [] {
    i18n::Catalog c;
    c.add("en", "wrong", "Wrong PIN. {left, plural, one {# try is} other {# tries are}} left before the pad locks.");
    c.add("en", "minutes", "Too many wrong PINs. The pad is locked for {n, plural, one {# more minute} other {# more minutes}}.");
    c.add("en", "hours", "Too many wrong PINs. The pad is locked for {n, plural, one {# more hour} other {# more hours}}.");
    c.add("en", "none", "No staff PIN is set on this kiosk.");
    c.add("en", "failures",
          "{n, plural, =0 {No wrong PIN} one {# wrong PIN} other {# wrong PINs}} since staff last came in"
          "{lockouts, plural, =0 {.} one {, and # lockout.} other {, and # lockouts.}}");
    return c;
  }();
  return text;
}
}  // namespace

std::string StaffLock::failures_text() const {
  return messages().format("en", "failures", {{"n", static_cast<int64_t>(failed_before_)}, {"lockouts", static_cast<int64_t>(lockouts_before_)}});
}

std::string StaffLock::status_text(Result r, int64_t now_ms) const {
  const i18n::Catalog& text = messages();
  switch (r) {
    case Result::Ok: return "";
    case Result::Wrong: return text.format("en", "wrong", {{"left", static_cast<int64_t>(attempts_left())}});
    case Result::Locked: {
      const int64_t minutes = std::max<int64_t>(1, (locked_ms_left(now_ms) + 59'999) / 60'000);
      if (minutes <= 90) return text.format("en", "minutes", {{"n", minutes}});
      return text.format("en", "hours", {{"n", (minutes + 59) / 60}});
    }
    case Result::NoPin: return text.format("en", "none");
  }
  return "";
}

}  // namespace kiosk::staff
