// The staff PIN: stored only as an Argon2id hash (libsodium's crypto_pwhash),
// checked with a lockout after too many wrong tries. Nothing of staff mode is
// reachable except through this check.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::session {

// Writes the hash of pin to path (mode 0600). "" or why not. PINs are 4 to 12 digits.
std::string set_pin(const std::string& path, const std::string& pin);

// The count of wrong tries and a lockout survive a restart (a power cut is no
// way around them): they are kept beside the PIN file, in pin_file.lockout.
class StaffLock {
public:
  StaffLock(std::string pin_file, int max_attempts, int64_t lockout_ms);
  enum class Result { Ok, Wrong, Locked, NoPin };
  // Checks a PIN at time now_ms. While locked, nothing is even compared.
  Result check(const std::string& pin, int64_t now_ms);
  int attempts_left() const { return max_ - wrong_; }
  int64_t locked_ms_left(int64_t now_ms) const { return locked_until_ > now_ms ? locked_until_ - now_ms : 0; }
  bool configured() const;

private:
  void save(int64_t locked_until_unix) const;
  int64_t wall_until_ = 0;  // unix seconds: a lockout carried over from before a restart
  std::string file_;
  int max_;
  int64_t lockout_ms_;
  int wrong_ = 0;
  int64_t locked_until_ = 0;
};

}  // namespace kiosk::session
