// libhunspell behind dictionary.h.
#include "stats/dictionary.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include <hunspell.hxx>
#include <unistd.h>

namespace kiosk::stats {

std::string dictionary_dir() {
  const char* d = std::getenv("KIOSK_DICTIONARY_DIR");
  return d && *d ? std::string(d) : std::string("/usr/share/hunspell");
}

util::Result<std::unique_ptr<Dictionary>> Dictionary::open(std::string_view locale, const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string lang(locale.substr(0, locale.find_first_of("_-")));
  std::string upper = lang;
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  std::vector<std::string> names{lang + "_US", lang + "_" + upper, lang};
  std::string tried;
  for (const auto& name : names) {
    const fs::path aff = fs::path(dir) / (name + ".aff"), dic = fs::path(dir) / (name + ".dic");
    if (!tried.empty()) tried += ", ";
    tried += dic.string();
    std::error_code ec;
    if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) continue;
    if (::access(aff.c_str(), R_OK) != 0 || ::access(dic.c_str(), R_OK) != 0) {
      tried += " (unreadable)";
      continue;
    }
    std::unique_ptr<Dictionary> d(new Dictionary());
    d->h_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    // Words come as UTF-8; Debian's English and Spanish dictionaries are UTF-8.
    if (d->h_->get_dict_encoding() != "UTF-8") {
      tried += " (not UTF-8)";
      continue;
    }
    d->file_ = dic.string();
    return {std::move(d), ""};
  }
  return {nullptr, "no hunspell dictionary for \"" + std::string(locale) + "\" (looked for " + tried + ")"};
}

Dictionary::~Dictionary() = default;

bool Dictionary::common_word(const i18n::TypedWord& w) {
  if (w.lower.empty() || !h_->spell(w.lower)) return false;
  // Looked up capitalised, a word's stems are every entry it can come from:
  // "Custody" only "custody", "Maria" both "maria" and "Maria".
  for (const auto& stem : h_->stem(w.title))
    if (i18n::starts_upper(stem)) return false;
  return true;
}

}  // namespace kiosk::stats
