// Finds font files among the installed Debian font packages with fontconfig.
#pragma once
#include <string>

namespace kiosk::platform {
struct FontFiles {
  std::string regular, bold;
};
// Files for `family` (e.g. "Noto Sans"). A missing family is logged and the
// closest match fontconfig offers is used; empty strings when none at all.
FontFiles find_fonts(const std::string& family);
}
