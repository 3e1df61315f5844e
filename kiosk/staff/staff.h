// The staff PIN: stored only as an Argon2id hash (libsodium's crypto_pwhash),
// checked with a lockout that doubles each time. Nothing of staff mode is
// reachable except through this check.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::staff {

// Why this PIN would be easy to guess or is not a PIN ("" when it is fine):
// digits only, 4 to 12 of them, at least 6 unless allow_short, not one digit
// repeated (000000), not a run up or down (123456, 987654), not a short block
// repeated (121212, 123123).
std::string pin_problem(const std::string& pin, bool allow_short = false);

// Writes the hash of pin to path (mode 0600, atomically). "" or why not.
std::string set_pin(const std::string& path, const std::string& pin, bool allow_short = false);

// Wrong tries, lockouts and the failed-attempts count survive a restart (a
// power cut is no way around them): they are kept beside the PIN file, in
// pin_file.lockout. Each lockout is twice as long as the one before, up to a
// day, until the right PIN is entered.
class StaffLock {
public:
  // Floors no setting can lower: at most this many tries before a lockout...
  static constexpr int kMostAttempts = 5;
  // ...a first lockout at least this long, and none longer than a day.
  static constexpr int64_t kShortestLockoutMs = 5 * 60'000;
  static constexpr int64_t kLongestLockoutMs = 24 * 3'600'000LL;

  StaffLock(std::string pin_file, int max_attempts, int64_t lockout_ms);
  enum class Result { Ok, Wrong, Locked, NoPin };
  // Checks a PIN at time now_ms. While locked, nothing is even compared.
  Result check(const std::string& pin, int64_t now_ms);
  int attempts_left() const { return max_ - wrong_; }
  // What is left of a lockout, on this run's clock or (a lockout from before
  // a restart) on the wall clock.
  int64_t locked_ms_left(int64_t now_ms) const;
  bool configured() const;
  // Wrong PINs since staff last came in, and how many lockouts they caused
  // (after an Ok: those before it, for the staff menu).
  int failed() const { return failed_; }
  int lockouts() const { return lockouts_; }
  int failed_before_entry() const { return failed_before_; }
  int lockouts_before_entry() const { return lockouts_before_; }
  // "" or why the lockout state could not be written (a restart would then
  // forget it); the kiosk logs it.
  const std::string& save_error() const { return save_error_; }
  // What the PIN pad says after a check that was not Ok (staff mode is in
  // English; ICU plurals: "1 try left", "2 tries left", "1 minute").
  std::string status_text(Result r, int64_t now_ms) const;
  // For the staff menu: the wrong PINs and lockouts before this entry.
  std::string failures_text() const;

private:
  void save(int64_t locked_until_unix);
  int64_t lockout_now() const;  // the length of the next lockout
  int64_t wall_until_ = 0;      // unix seconds: a lockout carried over from before a restart
  std::string file_;
  int max_;
  int64_t lockout_ms_;
  int wrong_ = 0;
  int lockouts_ = 0;
  int failed_ = 0;
  int failed_before_ = 0, lockouts_before_ = 0;
  int64_t locked_until_ = 0;
  std::string save_error_;
};

}  // namespace kiosk::staff
