#include "session/staff.h"

#include <cctype>
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

bool StaffLock::configured() const { return stored_hash(file_).rfind("$argon2id$", 0) == 0; }

StaffLock::Result StaffLock::check(const std::string& pin, int64_t now_ms) {
  if (locked_ms_left(now_ms) > 0) return Result::Locked;
  const std::string hash = stored_hash(file_);
  if (!ready() || hash.rfind("$argon2id$", 0) != 0) return Result::NoPin;
  if (crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
    wrong_ = 0;
    return Result::Ok;
  }
  if (++wrong_ >= max_) {
    wrong_ = 0;
    locked_until_ = now_ms + lockout_ms_;
    return Result::Locked;
  }
  return Result::Wrong;
}

}  // namespace kiosk::session
