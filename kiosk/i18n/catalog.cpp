// ICU-backed implementation of the catalog; UnicodeString stays in this file.
#include "i18n/catalog.h"

#include <algorithm>
#include <mutex>
#include <set>

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include "i18n/icu_util.h"

namespace kiosk::i18n {

void init_icu_defaults() {
  IcuStatus status("default locale", "en_US");
  icu::Locale::setDefault(icu::Locale("en_US"), status);
  status.ok();
}

std::vector<std::string> fallback_chain(std::string_view locale) {
  std::vector<std::string> chain;
  std::string cur(locale);
  while (!cur.empty()) {
    chain.push_back(cur);
    auto pos = cur.find_last_of("_-");
    if (pos == std::string::npos) break;
    cur.resize(pos);
  }
  if (std::find(chain.begin(), chain.end(), "en") == chain.end()) chain.push_back("en");
  return chain;
}

struct Catalog::Impl {
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> patterns;
  mutable std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>> cache;
  mutable std::mutex mu;
};

Catalog::Catalog() : impl_(std::make_unique<Impl>()) {}
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

void Catalog::add(const std::string& locale, const std::string& key, const std::string& pattern) {
  std::lock_guard lock(impl_->mu);
  impl_->patterns[locale][key] = pattern;
  impl_->cache.erase(locale + '\x1f' + key);
}

bool Catalog::has_exact(std::string_view locale, std::string_view key) const {
  auto it = impl_->patterns.find(locale);
  return it != impl_->patterns.end() && it->second.find(key) != it->second.end();
}

std::string Catalog::resolve(std::string_view locale, std::string_view key) const {
  for (const auto& loc : fallback_chain(locale))
    if (has_exact(loc, key)) return loc;
  return {};
}

std::string Catalog::format(std::string_view locale, std::string_view key,
                            const std::vector<Arg>& args) const {
  std::string loc = resolve(locale, key);
  if (loc.empty()) return std::string(key);
  const std::string& pattern = impl_->patterns.find(loc)->second.find(key)->second;

  std::lock_guard lock(impl_->mu);
  std::string cache_key = loc + '\x1f' + std::string(key);
  auto it = impl_->cache.find(cache_key);
  if (it == impl_->cache.end()) {
    IcuStatus status("message format", loc);
    UParseError perr;
    auto fmt = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(pattern),
                                                    icu::Locale(loc.c_str()), perr, status);
    if (!status.ok()) return pattern;  // the validator refuses these at build time
    it = impl_->cache.emplace(cache_key, std::move(fmt)).first;
  }
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& a : args) {
    names.push_back(icu::UnicodeString::fromUTF8(a.name));
    if (auto* i = std::get_if<int64_t>(&a.value)) values.emplace_back(*i);
    else if (auto* d = std::get_if<double>(&a.value)) values.emplace_back(*d);
    else values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(a.value)));
  }
  IcuStatus status("message formatting", loc);
  icu::UnicodeString out;
  it->second->format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
  if (!status.ok()) return pattern;
  return to_utf8(out);
}


std::vector<std::string> Catalog::keys(std::string_view locale) const {
  std::vector<std::string> out;
  auto it = impl_->patterns.find(locale);
  if (it != impl_->patterns.end())
    for (const auto& [k, _] : it->second) out.push_back(k);
  return out;
}

size_t Catalog::size() const {
  size_t n = 0;
  for (const auto& [_, m] : impl_->patterns) n += m.size();
  return n;
}

std::string check_pattern(const std::string& pattern, std::vector<std::string>* arg_names) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr{};
  icu::MessagePattern mp(icu::UnicodeString::fromUTF8(pattern), &perr, status);
  if (U_FAILURE(status)) {
    return std::string("not a valid message pattern (") + u_errorName(status) + " near character " +
           std::to_string(perr.offset + 1) + ")";
  }
  // MessagePattern only parses; an argument type or number skeleton ICU does
  // not know ({n, foo}, {n, number, ::bogus}) fails when the kiosk compiles
  // the message, and a visitor would see the raw pattern.
  icu::MessageFormat compiled(icu::UnicodeString::fromUTF8(pattern), icu::Locale("en"), perr, status);
  if (U_FAILURE(status)) return std::string("not a message ICU can format (") + u_errorName(status) + ")";
  std::set<std::string> names;
  for (int32_t i = 0; i < mp.countParts(); ++i) {
    const auto& part = mp.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
      names.insert(to_utf8(mp.getSubstring(part)));
    }
  }
  if (arg_names) arg_names->assign(names.begin(), names.end());
  return {};
}

}  // namespace kiosk::i18n
