// Headless scripts: one step per line (tap, drag, type, key, advance,
// screenshot, expect...). The grammar is documented in README.md.
#pragma once
#include <string>
#include <vector>

namespace kiosk::app {

struct Step {
  int line = 0;
  std::string verb;               // tap, drag, type, key, advance, screenshot, expect, expect-not, expect-screen, expect-locale, frames
  std::vector<std::string> args;  // quoted text arrives unquoted
  std::string source;             // the line as written
};

// Parses a script. Problems are returned as "FILE:LINE: message".
std::vector<Step> parse_script(const std::string& text, const std::string& name, std::vector<std::string>* errors);


}  // namespace kiosk::app
