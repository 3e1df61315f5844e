// Small ICU helpers shared inside i18n/ (UnicodeString never leaves this layer).
#pragma once
#include <string>
#include <unicode/unistr.h>

namespace kiosk::i18n {
inline std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}
}  // namespace kiosk::i18n
