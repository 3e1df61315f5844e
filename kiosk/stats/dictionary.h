// A language's word list, for usage statistics: Debian's hunspell dictionaries
// (hunspell-en-us, hunspell-es) read with libhunspell. It answers one question:
// is this a common word of the language, and not a name?
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "i18n/typed_words.h"
#include "util/result.h"

class Hunspell;

namespace kiosk::stats {

// Where the dictionaries are: $KIOSK_DICTIONARY_DIR (tests), else
// /usr/share/hunspell.
std::string dictionary_dir();

class Dictionary {
public:
  // The dictionary of the locale's language under `dir`: <lang>_US, then
  // <lang>_<LANG>, then <lang> (each a .aff and a .dic). Null, and in `why`
  // what was looked for, when none is there or readable.
  static util::Result<std::unique_ptr<Dictionary>> open(std::string_view locale, const std::string& dir);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // A common word: the dictionary has it in lowercase, and has it not also as
  // a name. A name is an entry written with a capital: "jones" is only
  // "Jones" there, so it is not a word; "maria" is both a Latin plural and
  // "Maria", and "rose" both a flower and "Rose", so neither counts. (Such
  // words count when the content uses them: content/stats.h.)
  bool common_word(const i18n::TypedWord& w);
  const std::string& file() const { return file_; }

private:
  Dictionary() = default;
  std::unique_ptr<Hunspell> h_;
  std::string file_;
};

}  // namespace kiosk::stats
