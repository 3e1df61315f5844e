// Script parsing (execution lives in headless.cpp, which owns the app loop).
#include "app/script.h"

#include <map>
#include <sstream>

namespace kiosk::app {

namespace {
// Splits a line into words; "double quoted" text is one word (\" and \\ escapes).
bool split(const std::string& line, std::vector<std::string>& out, std::string& err) {
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') { ++i; continue; }
    if (line[i] == '#') break;
    std::string w;
    if (line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        char c = line[i++];
        if (c == '\\' && i < line.size()) { w += line[i++]; continue; }
        if (c == '"') { closed = true; break; }
        w += c;
      }
      if (!closed) { err = "a quote is not closed"; return false; }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') w += line[i++];
    }
    out.push_back(w);
  }
  return true;
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}
}  // namespace

std::vector<Step> parse_script(const std::string& text, const std::string& name, std::vector<std::string>* errors) {
  // verb -> allowed argument counts, and whether they must be numbers
  struct Rule { std::vector<size_t> counts; bool numbers; const char* usage; };
  static const std::map<std::string, Rule> rules = {
      {"tap", {{1, 2}, false, "tap \"Label\"  or  tap X Y"}},
      {"drag", {{4, 5}, true, "drag X1 Y1 X2 Y2 [MILLISECONDS]"}},
      {"type", {{1}, false, "type \"text\""}},
      {"key", {{1}, false, "key Enter|Escape|Tab|Shift+Tab|Up|Down|Left|Right|Backspace|Help|Home"}},
      {"advance", {{1}, false, "advance SECONDS (e.g. advance 95 or advance 95s)"}},
      {"screenshot", {{1}, false, "screenshot NAME"}},
      {"expect", {{1}, false, "expect \"Label\""}},
      {"expect-not", {{1}, false, "expect-not \"Label\""}},
      {"expect-screen", {{1}, false, "expect-screen NAME"}},
      {"expect-locale", {{1}, false, "expect-locale CODE"}},
      {"expect-focus", {{1}, false, "expect-focus \"Label\""}},
      {"frames", {{1}, true, "frames N"}},
      {"scroll-to", {{1}, false, "scroll-to \"Label\""}},
      {"expect-said", {{1}, false, "expect-said \"words\"  (said during the last step that did something)"}},
      {"expect-silent", {{0}, false, "expect-silent  (nothing said during the last step that did something)"}},
      {"open", {{1, 2}, false, "open SCREEN [PARAM]  (a route, e.g. open answer payments-sdu)"}},
      {"locale", {{1}, false, "locale CODE"}},
  };
  std::vector<Step> steps;
  std::stringstream ss(text);
  int n = 0;
  for (std::string line; std::getline(ss, line);) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> words;
    std::string err;
    if (!split(line, words, err)) {
      if (errors) errors->push_back(name + ":" + std::to_string(n) + ": " + err);
      continue;
    }
    if (words.empty()) continue;
    Step st{n, words[0], {words.begin() + 1, words.end()}, line};
    auto it = rules.find(st.verb);
    if (it == rules.end()) {
      if (errors) errors->push_back(name + ":" + std::to_string(n) + ": unknown step '" + st.verb + "'");
      continue;
    }
    const Rule& r = it->second;
    bool count_ok = false;
    for (size_t c : r.counts) count_ok |= st.args.size() == c;
    bool nums_ok = true;
    if (r.numbers || (st.verb == "tap" && st.args.size() == 2))
      for (const auto& a : st.args) nums_ok &= is_number(a);
    if (st.verb == "advance" && !st.args.empty()) {
      std::string a = st.args[0];
      if (!a.empty() && a.back() == 's') a.pop_back();
      nums_ok = is_number(a);
      st.args[0] = a;
    }
    if (!count_ok || !nums_ok) {
      if (errors) errors->push_back(name + ":" + std::to_string(n) + ": expected: " + r.usage);
      continue;
    }
    steps.push_back(std::move(st));
  }
  return steps;
}

}  // namespace kiosk::app
