// Fuzz target: a whole database file through the acceptance check
// (content/accept.h), as a pack, a renamed file or start-up would give it.
// Seeds: tests/fuzz/corpus/db (a minimal database that passes the check).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "content/accept.h"
#include "i18n/catalog.h"

namespace fs = std::filesystem;

static const std::string& path() {
  static const std::string p = [] {
    kiosk::i18n::init_icu_defaults();
    fs::path d = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    return (d / ("kiosk-fuzz-db-" + std::to_string(::getpid()) + ".db")).string();
  }();
  return p;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream f(path(), std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  (void)kiosk::content::accept_database(path());
  return 0;
}
