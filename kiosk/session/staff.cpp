#include "session/staff.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sodium.h>
#include <unistd.h>

namespace kiosk::session {

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

std::string set_pin(const std::string& path, const std::string& pin) {
  if (!ready()) return "libsodium could not start";
  if (pin.size() < 4 || pin.size() > 12) return "a PIN has 4 to 12 digits";
  for (char c : pin)
    if (!std::isdigit(static_cast<unsigned char>(c))) return "a PIN has digits only";
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return "not enough memory to hash the PIN";
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return path + ": cannot write";
  std::string line = std::string(hash) + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) return path + ": cannot write";
  return "";
}

StaffLock::StaffLock(std::string pin_file, int max_attempts, int64_t lockout_ms)
    : file_(std::move(pin_file)), max_(max_attempts), lockout_ms_(lockout_ms) {
  std::ifstream in(file_ + ".lockout");
  int wrong = 0;
  int64_t until = 0;
  if (in >> wrong >> until) {
    wrong_ = std::max(0, std::min(wrong, max_ - 1));
    wall_until_ = until;
  }
}

void StaffLock::save(int64_t until_unix) const {
  if (file_.empty()) return;
  std::ofstream(file_ + ".lockout") << wrong_ << " " << until_unix << "\n";
}

bool StaffLock::configured() const { return stored_hash(file_).rfind("$argon2id$", 0) == 0; }

StaffLock::Result StaffLock::check(const std::string& pin, int64_t now_ms) {
  if (locked_ms_left(now_ms) > 0) return Result::Locked;
  if (wall_until_ > static_cast<int64_t>(std::time(nullptr))) return Result::Locked;  // locked before a restart
  const std::string hash = stored_hash(file_);
  if (!ready() || hash.rfind("$argon2id$", 0) != 0) return Result::NoPin;
  if (crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
    wrong_ = 0;
    wall_until_ = 0;
    save(0);
    return Result::Ok;
  }
  if (++wrong_ >= max_) {
    wrong_ = 0;
    locked_until_ = now_ms + lockout_ms_;  // this run: the kiosk's clock
    save(static_cast<int64_t>(std::time(nullptr)) + lockout_ms_ / 1000);  // after a restart: the wall clock
    return Result::Locked;
  }
  save(0);
  return Result::Wrong;
}

}  // namespace kiosk::session
