// Small ICU helpers shared inside i18n/ (UnicodeString never leaves this layer).
#pragma once
#include <string>
#include <string_view>
#include <unicode/errorcode.h>
#include <unicode/unistr.h>

namespace kiosk::i18n {
inline std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// An ICU status checked the ICU way (icu::ErrorCode); pass it where ICU wants a
// UErrorCode&. `ok()` is the check: it says whether the call worked, and writes
// to stderr (once per kind of call, locale and code) when it did not. With
// `Data::OfTheLocale`, the call needs the locale's own rules (sorting office
// names): a fallback to a parent's or the root data (U_USING_FALLBACK_WARNING,
// U_USING_DEFAULT_WARNING) is written too, so a kiosk whose ICU lacks a
// language's collation says so in its journal instead of quietly sorting by
// the root rules. Line and word breaking and number spell-out use the root
// rules for most languages by design (ICU 72 warns for es, ar, pl, vi line
// breaking), so there a fallback is not news.
class IcuStatus : public icu::ErrorCode {
public:
  enum class Data { RootIsFine, OfTheLocale };
  explicit IcuStatus(const char* what, std::string_view locale = {}, Data data = Data::RootIsFine)
      : what_(what), locale_(locale), data_(data) {}
  bool ok() const;

protected:
  void handleFailure() const override { ok(); }

private:
  const char* what_;
  std::string locale_;
  Data data_;
};
}  // namespace kiosk::i18n
