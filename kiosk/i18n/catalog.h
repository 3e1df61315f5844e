// The message catalog: UI strings per locale as ICU MessageFormat patterns,
// with per-key fallback (es_US -> es -> en) and cached compiled formats.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk::i18n {

using ArgValue = std::variant<int64_t, double, std::string>;
struct Arg {
  std::string name;
  ArgValue value;
};

// Call once at start-up: ICU's default locale becomes en_US so nothing ever
// falls back through the operating system's locale.
void init_icu_defaults();

// "es_US" -> {"es_US", "es", "en"}; "en" -> {"en"}.
std::vector<std::string> fallback_chain(std::string_view locale);

class Catalog {
public:
  Catalog();
  ~Catalog();
  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;

  void add(const std::string& locale, const std::string& key, const std::string& pattern);
  bool has_exact(std::string_view locale, std::string_view key) const;
  // The locale whose pattern would be used for key, or "" when none has it.
  std::string resolve(std::string_view locale, std::string_view key) const;
  // Formats key for locale; a missing key yields the key itself (visible in
  // tests and screenshots, never a crash).
  std::string format(std::string_view locale, std::string_view key,
                     const std::vector<Arg>& args = {}) const;
  std::vector<std::string> keys(std::string_view locale) const;
  size_t size() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses an ICU MessageFormat pattern. On success returns "" and fills
// arg_names (sorted, unique); on failure returns a readable reason.
std::string check_pattern(const std::string& pattern, std::vector<std::string>* arg_names);

}  // namespace kiosk::i18n
