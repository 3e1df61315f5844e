// The idle/timeout state machine: quiet time -> "Do you need more time?"
// with a countdown -> full reset. Pure: time is passed in (milliseconds from
// any monotonic origin), so tests jump minutes ahead without waiting.
#pragma once
#include <cstdint>

namespace kiosk::session {

enum class IdleState { Attract, Active, Warning };
enum class IdleEvent { None, ShowWarning, Reset };

class IdleTimer {
public:
  IdleTimer(int64_t idle_ms, int64_t warning_ms) : idle_ms_(idle_ms), warning_ms_(warning_ms) {}

  IdleState state() const { return state_; }
  // Any touch or key. From Attract it starts a session. While the warning
  // shows it changes nothing: only more_time() or a reset answers it.
  void on_input(int64_t now_ms);
  void more_time(int64_t now_ms);
  // Advances the machine; returns what the app must do now.
  IdleEvent tick(int64_t now_ms);
  // Back to the attract screen (reset done or "Start over").
  void to_attract() { state_ = IdleState::Attract; }
  // Whole seconds left in the warning countdown (rounded up).
  int seconds_left(int64_t now_ms) const;
  // Milliseconds until the next thing that can happen without input
  // (-1: nothing, e.g. on the attract screen).
  int64_t ms_to_next_deadline(int64_t now_ms) const;

private:
  int64_t idle_ms_, warning_ms_;
  IdleState state_ = IdleState::Attract;
  int64_t last_input_ = 0;
  int64_t warning_start_ = 0;
};

}  // namespace kiosk::session
