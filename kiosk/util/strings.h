// Small string helpers (core: no ImGui, no SDL).
#pragma once
#include <string>
#include <vector>

namespace kiosk::util {

// s cut at every sep: "a|b||c" -> {"a", "b", "", "c"}; "" -> {""}.
inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t a = 0;
  for (size_t b; (b = s.find(sep, a)) != std::string::npos; a = b + 1) out.push_back(s.substr(a, b - a));
  out.push_back(s.substr(a));
  return out;
}

}  // namespace kiosk::util
