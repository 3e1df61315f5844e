// The navigation stack: where the visitor is and how they got there. Screens
// are named by ScreenId; the one table of their names (for scripts, traces and
// statistics) is in nav.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::session {

enum class ScreenId {
  Attract, Home, Questions, Topic, Answer, Offices, Office, Which, Guides, Guide,
  Kids, KidsPage, Search, Call, StaffPin, Staff, StaffTest, ContentMissing,
};
inline constexpr size_t kScreenCount = static_cast<size_t>(ScreenId::ContentMissing) + 1;

// "kids-page" for ScreenId::KidsPage: the name scripts, traces and statistics use.
const char* screen_name(ScreenId id);
std::optional<ScreenId> screen_from_name(std::string_view name);

// A guide's last screen (where to go, the checklist to take away); step 0 is
// its introduction, 1..n its steps.
inline constexpr int kGuideEnd = -1;

struct Route {
  ScreenId screen = ScreenId::Attract;
  std::string id;      // the item shown (an answer, an office...), a filter (an agency), or a which-office step; may be empty
  int step = 0;        // a guide's step (0 = introduction, kGuideEnd = where to go)
  uint64_t visit = 0;  // set by NavStack: which arrival this is (Back returns to the same visit)
  bool operator==(const Route& o) const { return screen == o.screen && id == o.id && step == o.step; }
};

// A route's place as the statistics and traces write it: the id, and for a
// guide "review:intro", "review:3" or "review:end".
std::string place_text(const Route& r);
// The route a screen name and a place_text() name; nullopt for an unknown
// screen or a guide step that is not intro, end or a number from 1.
std::optional<Route> parse_route(std::string_view screen, std::string_view place);
// The whole route as one line: "answer/apply-how", "guide/review:3", "home".
std::string route_text(const Route& r);

class NavStack {
public:
  explicit NavStack(Route root = {}) : stack_{std::move(root)} {}
  const Route& top() const { return stack_.back(); }
  size_t depth() const { return stack_.size(); }
  void push(Route r);
  // Goes back one screen; false (and no change) when already at the root.
  bool pop();
  // Back to a single screen (Home, Start over).
  void reset(Route root);
  const std::vector<Route>& routes() const { return stack_; }

private:
  std::vector<Route> stack_;
  uint64_t visits_ = 0;
};

}  // namespace kiosk::session
