// Fuzz target: the PO loader (libgettextpo) and the MessageFormat checks of
// every message against English.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "tools/lib/model.h"

namespace fs = std::filesystem;
using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fs::path base = [] {
    fs::path p = (fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path()) /
                 ("kiosk-fuzz-po-" + std::to_string(::getpid()));
    fs::create_directories(p / "content");
    fs::create_directories(p / "locales");
    std::ofstream(p / "content" / "sources.toml") << "[[source]]\nfile = \"a.txt\"\ntitle = \"A\"\ndate = \"2024-10\"\n";
    std::ofstream(p / "locales" / "en.po") << "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                              "msgid \"n\"\nmsgstr \"{count, plural, one {# item} other {# items}}\"\n\n"
                                              "msgid \"t\"\nmsgstr \"Hello {name}\"\n";
    return p;
  }();
  std::ofstream(base / "locales" / "es.po", std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  std::vector<tools::Diag> diags;
  auto set = tools::load_content((base / "content").string(), (base / "locales").string(), diags);
  tools::validate(set, diags);
  return 0;
}
