// The icons tiles carry: the table's codepoints are the icon font package's
// own, and an icon name content uses that is not in the table is a file:line
// error from the validator.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "content/icons.h"
#include "fixtures.h"
#include "tools/lib/model.h"

using namespace kiosk;

TEST_CASE("every icon's codepoint is the one the icon font package gives its name", "[content][icons]") {
  // the package's own map of names to codepoints: lines like `	"gavel": e90e,`
  std::ifstream in(content::kIconCodepointsFile);
  INFO("install " << content::kIconFontPackage << " (scripts/setup.sh does)");
  REQUIRE(in.good());
  std::map<std::string, char32_t> font;
  const std::regex line(R"re(^\s*"([a-z0-9_]+)":\s*([0-9a-f]+),?\s*$)re");
  for (std::string s; std::getline(in, s);) {
    std::smatch m;
    if (std::regex_match(s, m, line)) font[m[1]] = static_cast<char32_t>(std::stoul(m[2], nullptr, 16));
  }
  REQUIRE(font.size() > 1000);
  std::set<std::string> names;
  for (const auto& i : content::icons()) {
    INFO(i.name << " drawn as " << i.material);
    REQUIRE(names.insert(i.name).second);  // each name once
    REQUIRE(font.count(i.material));
    CHECK(font[i.material] == i.codepoint);
    CHECK(i.codepoint <= 0xFFFF);  // ImGui 1.86's ImWchar is 16 bits
  }
  // the home screen's six tiles have theirs
  for (const char* home : {"questions", "offices", "guides", "kids", "search", "call"}) CHECK(content::find_icon(home));
}

TEST_CASE("the topics' icons are all known, and an unknown one is an error at its file and line", "[content][icons]") {
  // the real content: every topic names an icon in the table
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  tools::validate(set, diags);
  for (auto& d : diags) FAIL(d.str());
  size_t topics = 0;
  for (const auto& f : set.files)
    if (f.kind == "topic" && f.locale == "en") {
      const auto* icon = f.meta.get_as<std::string>("icon");
      REQUIRE(icon);
      INFO(f.path << ": icon " << icon->get());
      CHECK(content::find_icon(icon->get()));
      ++topics;
    }
  REQUIRE(topics >= 10);

  // a misspelled one, on line 3 of its file
  test::TempDir d;
  d.file("content/sources.toml", "[[source]]\nfile = \"002_655b8a153c870c4a.txt\"\ntitle = \"Brief guide\"\ndate = \"2024-10\"\n");
  d.file("content/topics/apply.en.md", "+++\ntitle = \"Applying\"\nicon = \"gavle\"\norder = 1\nsource = \"002_655b8a153c870c4a.txt\"\n"
                                       "source_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\nHow to apply.\n");
  d.file("locales/en.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
  std::vector<tools::Diag> bad;
  auto fixture = tools::load_content((d.path / "content").string(), (d.path / "locales").string(), bad);
  tools::validate(fixture, bad);
  std::string all;
  for (auto& x : bad) all += x.str() + "\n";
  INFO(all);
  REQUIRE(all.find("content/topics/apply.en.md:3: 'icon' is \"gavle\" but must be one of: apply, money, gavel") != std::string::npos);
}
