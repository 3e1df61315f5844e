// Navigation stack operations.
#include "session/nav.h"

namespace kiosk::session {

namespace {
// In ScreenId's order.
constexpr const char* kNames[kScreenCount] = {
    "attract", "home", "questions", "topic", "answer", "offices", "office", "which", "guides", "guide",
    "kids", "kids-page", "search", "call", "staff-pin", "staff", "staff-test", "content-missing",
};
}  // namespace

const char* screen_name(ScreenId id) { return kNames[static_cast<size_t>(id)]; }

std::optional<ScreenId> screen_from_name(std::string_view name) {
  for (size_t i = 0; i < kScreenCount; ++i)
    if (name == kNames[i]) return static_cast<ScreenId>(i);
  return std::nullopt;
}

std::string place_text(const Route& r) {
  if (r.screen != ScreenId::Guide) return r.id;
  return r.id + ":" + (r.step == 0 ? std::string("intro") : r.step == kGuideEnd ? std::string("end") : std::to_string(r.step));
}

std::optional<Route> parse_route(std::string_view screen, std::string_view place) {
  const auto id = screen_from_name(screen);
  if (!id) return std::nullopt;
  Route r{*id, std::string(place)};
  if (*id != ScreenId::Guide) return r;
  const size_t colon = place.rfind(':');
  if (colon == std::string_view::npos) return r;  // "review": its introduction
  r.id = std::string(place.substr(0, colon));
  const std::string_view step = place.substr(colon + 1);
  if (step == "intro") return r;
  if (step == "end") {
    r.step = kGuideEnd;
    return r;
  }
  int n = 0;
  for (char ch : step) {
    if (ch < '0' || ch > '9' || n > 1000) return std::nullopt;
    n = n * 10 + (ch - '0');
  }
  if (step.empty() || n < 1) return std::nullopt;
  r.step = n;
  return r;
}

std::string route_text(const Route& r) {
  const std::string place = place_text(r);
  return std::string(screen_name(r.screen)) + (place.empty() ? "" : "/" + place);
}

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
