// Idle state machine transitions.
#include "session/idle.h"

#include <algorithm>

namespace kiosk::session {

void IdleTimer::on_input(int64_t now_ms) {
  // While the warning shows only its buttons answer it (more_time or a reset):
  // a touch that lands on "No, start over" must not first dismiss the dialog.
  if (state_ == IdleState::Warning) return;
  state_ = IdleState::Active;
  last_input_ = now_ms;
}

void IdleTimer::more_time(int64_t now_ms) {
  state_ = IdleState::Active;
  last_input_ = now_ms;
}

IdleEvent IdleTimer::tick(int64_t now_ms) {
  switch (state_) {
    case IdleState::Attract: return IdleEvent::None;
    case IdleState::Active:
      if (now_ms - last_input_ >= idle_ms_) {
        state_ = IdleState::Warning;
        warning_start_ = last_input_ + idle_ms_;
        if (now_ms - warning_start_ >= warning_ms_) {  // the clock jumped past both
          state_ = IdleState::Attract;
          return IdleEvent::Reset;
        }
        return IdleEvent::ShowWarning;
      }
      return IdleEvent::None;
    case IdleState::Warning:
      if (now_ms - warning_start_ >= warning_ms_) {
        state_ = IdleState::Attract;
        return IdleEvent::Reset;
      }
      return IdleEvent::None;
  }
  return IdleEvent::None;
}

int IdleTimer::seconds_left(int64_t now_ms) const {
  if (state_ != IdleState::Warning) return 0;
  int64_t left = warning_ms_ - (now_ms - warning_start_);
  return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

int64_t IdleTimer::ms_to_next_deadline(int64_t now_ms) const {
  switch (state_) {
    case IdleState::Attract: return -1;
    case IdleState::Active: return std::max<int64_t>(0, last_input_ + idle_ms_ - now_ms);
    case IdleState::Warning: {
      // wake each second so the countdown on screen stays true
      int64_t left = warning_ms_ - (now_ms - warning_start_);
      if (left <= 0) return 0;
      int64_t to_next_second = left % 1000;
      return to_next_second == 0 ? 1000 : to_next_second;
    }
  }
  return -1;
}

}  // namespace kiosk::session
