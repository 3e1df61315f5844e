// Fuzz target: the content source parser and validator (TOML front matter,
// Markdown subset, field checks) on one item file of any kind.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "tools/lib/model.h"

namespace fs = std::filesystem;
using namespace kiosk;

static fs::path dir() {
  static const fs::path d = [] {
    fs::path p = fs::path("/dev/shm").string().size() && fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    p /= "kiosk-fuzz-content-" + std::to_string(::getpid());
    fs::create_directories(p / "content");
    fs::create_directories(p / "locales");
    std::ofstream(p / "content" / "sources.toml") << "[[source]]\nfile = \"a.txt\"\ntitle = \"A\"\ndate = \"2024-10\"\n";
    std::ofstream(p / "locales" / "en.po") << "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"k\"\nmsgstr \"v\"\n";
    return p;
  }();
  return d;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const char* folders[] = {"topics", "faq", "offices", "contacts", "guides", "kids"};
  const fs::path base = dir();
  for (const char* f : folders) fs::remove_all(base / "content" / f);
  const char* folder = folders[data[0] % 6];
  fs::create_directories(base / "content" / folder);
  std::ofstream(base / "content" / folder / "item.en.md", std::ios::binary).write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  std::vector<tools::Diag> diags;
  auto set = tools::load_content((base / "content").string(), (base / "locales").string(), diags);
  tools::validate(set, diags);
  for (const auto& d : diags) (void)d.str();
  return 0;
}
