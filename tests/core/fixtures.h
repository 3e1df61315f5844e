// Helpers for content tests: temporary folders, a small content tree, and the real content built once.
#pragma once
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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

// A small content tree to try one item in: the brief guide as its one source,
// the "apply" topic, English UI strings, and `files` (path: text) over them.
struct ContentTree {
  TempDir d;
  explicit ContentTree(const std::map<std::string, std::string>& files) {
    d.file("content/sources.toml", "[[source]]\nfile = \"002_655b8a153c870c4a.txt\"\ntitle = \"Brief guide\"\ndate = \"2024-10\"\n");
    d.file("content/topics/apply.en.md", "+++\ntitle = \"Applying\"\nicon = \"apply\"\norder = 1\n"
                                         "source = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\nHow to apply.\n");
    d.file("locales/en.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                            "msgid \"keyboard.rows\"\nmsgstr \"qwertyuiop|asdfghjkl|zxcvbnm\"\n");
    for (const auto& [path, text] : files) d.file(path, text);
  }
  std::vector<std::string> messages() const { return validation_messages(d.path); }
  // Validates (no problems) and builds content.db in the tree, again each call; its path.
  std::string build() const {
    std::vector<kiosk::tools::Diag> diags;
    auto set = kiosk::tools::load_content((d.path / "content").string(), (d.path / "locales").string(), diags);
    kiosk::tools::validate(set, diags);
    std::vector<std::string> said;
    for (auto& x : diags) said.push_back(x.str());
    INFO(all(said));
    REQUIRE(diags.empty());
    const std::string db = (d.path / "content.db").string();
    REQUIRE(kiosk::tools::build_database(set, db).empty());
    return db;
  }
};

// The repository's own content, built into a temporary database once per run.
const std::string& real_db();

}  // namespace test
