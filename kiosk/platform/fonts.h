// Finds font files among the installed Debian font packages with fontconfig.
#pragma once
#include <string>
#include <vector>

struct ImFontAtlas;

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
// Merges the glyphs `codepoints` of the icon font (Material Icons, from
// fonts-material-design-icons-iconfont) into the font the atlas added last,
// rasterized `px` high (ImGui's MergeMode with a range of just those glyphs).
// False, logged once, when the font is not installed: tiles go without icons.
bool merge_icon_font(ImFontAtlas& atlas, float px, const std::vector<char32_t>& codepoints);
}
