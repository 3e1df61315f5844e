#include "app/input_router.h"

namespace kiosk::app {

std::vector<FrameInput> InputRouter::take_frame() {
  std::vector<FrameInput> out;
  bool moved = false;
  using T = platform::InputEvent::Type;
  while (!queue_.empty()) {
    platform::InputEvent ev = queue_.front();
    if (ev.type == T::PointerDown || ev.type == T::PointerUp || ev.type == T::PointerCancel) {
      if (moved) break;  // the last position gets its own frame before the release
      const bool down = ev.type == T::PointerDown;
      if (down == down_ && x_ == ev.x && y_ == ev.y) { queue_.pop_front(); continue; }
      // a press first moves the pointer there for one frame
      if (down && (x_ != ev.x || y_ != ev.y || release_frames_ >= 2)) {
        x_ = ev.x; y_ = ev.y; release_frames_ = 0;
        break;
      }
      queue_.pop_front();
      // A press held this long, or one a second finger cancelled, chooses
      // nothing: the pointer leaves the screen as it lifts.
      const bool cancel = ev.type == T::PointerCancel || (!down && down_ && clock_.now_ms() - down_ms_ >= kLongPressMs);
      if (down) down_ms_ = clock_.now_ms();
      down_ = down;
      x_ = cancel ? -1 : ev.x;
      y_ = cancel ? -1 : ev.y;
      if (!down) release_frames_ = 0;
      if (!down && !cancel) out.push_back({FrameInput::Kind::Tap, platform::Key::None, {}, ev.x, ev.y});
      break;
    }
    queue_.pop_front();
    if (ev.type == T::PointerMove) {
      if (down_) { x_ = ev.x; y_ = ev.y; release_frames_ = 0; moved = true; }
    } else if (ev.type == T::Text) {
      out.push_back({FrameInput::Kind::Text, platform::Key::None, std::move(ev.text)});
    } else if (ev.type == T::Key) {
      out.push_back({FrameInput::Kind::Key, ev.key, {}});
    }
  }
  return out;
}

PointerFrame InputRouter::pointer_for_frame() {
  const bool gone = !down_ && release_frames_ >= 2;
  PointerFrame p{!gone && x_ >= 0, x_, y_, down_};
  if (!down_) ++release_frames_;
  return p;
}

void InputRouter::clear() {
  queue_.clear();
  down_ = false;
}

}  // namespace kiosk::app
