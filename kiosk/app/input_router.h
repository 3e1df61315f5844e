// The pointer and keys between the input devices and the frames. A touch
// panel sends about a hundred moves a second, more than frames are drawn, and
// ImGui must see every press and release in its own frame: the router folds
// the moves queued up to the next press or release into one frame, lets at
// most one press or release through per frame, gives a press a frame at its
// position first, and keeps a lifted finger's position two frames (ImGui 1.86
// keeps a tapped widget hovered where the finger lifted) before moving it off
// the screen. Keys and typed text pass through in order for the app to act on.
// No SDL and no ImGui here: unit tests drive it with events and a clock.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.h"
#include "platform/input.h"

namespace kiosk::app {

// A finger resting this long (a leaning hand, a long press) chooses nothing
// when it lifts. Long enough for a slow, deliberate tap.
inline constexpr int64_t kLongPressMs = 3000;

// What a frame's input asks the app to act on, in the order it came.
struct FrameInput {
  enum class Kind { Key, Text, Tap };
  Kind kind;
  platform::Key key = platform::Key::None;  // Key
  std::string text;                         // Text: UTF-8
  float x = 0, y = 0;                       // Tap: where a finger lifted (not cancelled, not long)
};

// Where ImGui sees the pointer in a frame: off the screen, or at (x, y).
struct PointerFrame {
  bool on_screen = false;
  float x = 0, y = 0;
  bool down = false;
};

class InputRouter {
public:
  explicit InputRouter(const platform::Clock& clock) : clock_(clock) {}

  void push(platform::InputEvent ev) { queue_.push_back(std::move(ev)); }
  // One frame's input: every key and text up to the next press or release,
  // the moves before it folded into one position, and that press or release.
  std::vector<FrameInput> take_frame();
  // The pointer as the frame just taken draws it. Call once per frame, after take_frame().
  PointerFrame pointer_for_frame();
  // Forgets the queue and the finger (a new visitor).
  void clear();

  bool pending() const { return !queue_.empty(); }
  // A finger is down, or one lifted and its last frames are still to come.
  bool settling() const { return down_ || (release_frames_ > 0 && release_frames_ < 3); }
  float x() const { return x_; }
  float y() const { return y_; }
  bool down() const { return down_; }

private:
  const platform::Clock& clock_;
  std::deque<platform::InputEvent> queue_;
  float x_ = -1, y_ = -1;    // -1: off the screen
  bool down_ = false;
  int64_t down_ms_ = 0;      // when the finger went down
  int release_frames_ = 0;   // frames since the finger lifted
};

}  // namespace kiosk::app
