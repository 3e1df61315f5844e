// A value, or the reason it could not be had (README "Errors: one convention"; core: no ImGui, no SDL).
#pragma once
#include <string>

namespace kiosk::util {

// What a function that can fail for a reason a person must read returns when
// it also returns a value: `value` when `why` is empty, else `why` in words
// staff can read, and `value` as constructed unless the function says what it
// keeps (count_start: the count all the same). A move-only T such as
// std::unique_ptr works: `auto store = std::move(r.value);`, or
// `Store::open(p).value` when the reason is not wanted.
template <class T>
struct Result {
  T value{};
  std::string why;
  bool ok() const { return why.empty(); }
};

}  // namespace kiosk::util
