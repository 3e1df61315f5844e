// Helpers for content tests: temporary folders and the real content built once.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "tools/lib/model.h"

namespace test {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static int n = 0;
    path = std::filesystem::temp_directory_path() / ("kiosk-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::error_code ec; std::filesystem::remove_all(path, ec); }
  std::string file(const std::string& rel, const std::string& text) const {
    auto p = path / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

inline std::string read(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// What `kiosk-content validate` says of root/content with root/locales: one
// "file:line: message" per problem, as staff read them.
inline std::vector<std::string> validation_messages(const std::filesystem::path& root) {
  std::vector<kiosk::tools::Diag> diags;
  auto set = kiosk::tools::load_content((root / "content").string(), (root / "locales").string(), diags);
  kiosk::tools::validate(set, diags);
  std::vector<std::string> out;
  for (auto& x : diags) out.push_back(x.str());
  return out;
}

// Whether one of the messages holds needle; all of them, one per line (for INFO).
inline bool has(const std::vector<std::string>& v, const std::string& needle) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}
inline std::string all(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v) s += x + "\n";
  return s;
}

// The repository's own content, built into a temporary database once per run.
const std::string& real_db();

}  // namespace test
