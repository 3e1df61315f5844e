// Finds font files among the installed Debian font packages with fontconfig.
#pragma once
#include <string>

namespace kiosk::platform {
struct FontFiles {
  std::string regular, bold;
};
// One face of a font file (collections such as Noto Sans CJK hold several).
struct FontFace {
  std::string file;
  int index = 0;
};
// A face for a script the main family lacks, by language ("ar", "zh-cn"):
// the Noto family first, else any installed font for that language (logged);
// empty file when there is none at all (logged, with the package to install).
FontFace find_script_font(const std::string& lang, bool bold);
// Files for `family` (e.g. "Noto Sans"). A missing family is logged and the
// closest match fontconfig offers is used; empty strings when none at all.
FontFiles find_fonts(const std::string& family);
}
