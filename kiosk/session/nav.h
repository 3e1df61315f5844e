// The navigation stack: where the visitor is and how they got there.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::session {

struct Route {
  std::string screen;  // "home", "faq", "offices", ...
  std::string param;   // item id or sub-view, may be empty
  uint64_t visit = 0;  // set by NavStack: which arrival this is (Back returns to the same visit)
  bool operator==(const Route& o) const { return screen == o.screen && param == o.param; }
};

class NavStack {
public:
  explicit NavStack(Route root = {"attract", ""}) : stack_{std::move(root)} {}
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
