// The pictures tiles carry, for visitors who read little: every icon name a
// topic's `icon` field (or a home tile) may use, and the glyph of Material
// Icons (Debian's fonts-material-design-icons-iconfont) it is drawn with.
// Codepoints are the package's own (its scss/_variables.scss map, checked by
// a test); the validator takes its list of allowed names from here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

struct Icon {
  const char* name;      // as written in content ("gavel") and code ("offices")
  const char* material;  // the font's own name for the glyph ("gavel", "location_on")
  char32_t codepoint;    // in the font's private-use area
};

const std::vector<Icon>& icons();
// nullptr for a name not in the table.
const Icon* find_icon(std::string_view name);
// The names topics may use (what the content validator allows).
std::vector<std::string> topic_icon_names();

// Where Debian's package puts the font and its name -> codepoint map.
inline constexpr const char* kIconFontPackage = "fonts-material-design-icons-iconfont";
inline constexpr const char* kIconCodepointsFile = "/usr/share/fonts-material-design-icons-iconfont/scss/_variables.scss";

}  // namespace kiosk::content
