#include "i18n/icu_util.h"

#include <cstdio>
#include <mutex>
#include <set>
#include <tuple>

namespace kiosk::i18n {

bool IcuStatus::ok() const {
  const UErrorCode code = get();
  const bool fallback = data_ == Data::OfTheLocale && (code == U_USING_FALLBACK_WARNING || code == U_USING_DEFAULT_WARNING);
  if (isFailure() || fallback) {
    static std::mutex mu;
    static std::set<std::tuple<std::string, std::string, int>> said;
    std::lock_guard lock(mu);
    if (said.emplace(what_, locale_, static_cast<int>(code)).second) {
      const char* where = locale_.empty() ? "" : " for ";
      if (isFailure())
        std::fprintf(stderr, "kiosk: ICU %s%s%s failed (%s)\n", what_, where, locale_.c_str(), errorName());
      else
        std::fprintf(stderr, "kiosk: ICU has no %s data%s%s; using %s (%s)\n", what_, where, locale_.c_str(),
                     code == U_USING_DEFAULT_WARNING ? "the root rules" : "a parent locale's rules", errorName());
    }
  }
  return isSuccess();
}

}  // namespace kiosk::i18n
