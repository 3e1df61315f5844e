// Navigation stack operations.
#include "session/nav.h"

namespace kiosk::session {

void NavStack::push(Route r) {
  if (stack_.back() == r) return;  // a double tap does not stack the same screen twice
  r.visit = ++visits_;
  stack_.push_back(std::move(r));
}

bool NavStack::pop() {
  if (stack_.size() <= 1) return false;
  stack_.pop_back();
  return true;
}

void NavStack::reset(Route root) {
  stack_.clear();
  root.visit = ++visits_;
  stack_.push_back(std::move(root));
}

}  // namespace kiosk::session
