// fontconfig lookup.
#include "platform/fonts.h"

#include <cstdio>
#include <fontconfig/fontconfig.h>

namespace kiosk::platform {

namespace {
std::string match(const std::string& family, int weight, bool* exact) {
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pat, FC_WEIGHT, weight);
  FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult res;
  FcPattern* m = FcFontMatch(nullptr, pat, &res);
  std::string out;
  if (m) {
    FcChar8* file = nullptr;
    FcChar8* fam = nullptr;
    if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) out = reinterpret_cast<char*>(file);
    if (FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch && exact)
      *exact = family == reinterpret_cast<char*>(fam);
    FcPatternDestroy(m);
  }
  FcPatternDestroy(pat);
  // ImGui reads TrueType/OpenType files, not Type 1 or bitmap fonts.
  if (out.size() < 4 || (out.substr(out.size() - 4) != ".ttf" && out.substr(out.size() - 4) != ".otf")) return {};
  return out;
}
}  // namespace

FontFiles find_fonts(const std::string& family) {
  FontFiles f;
  if (!FcInit()) {
    std::fprintf(stderr, "kiosk: fontconfig could not start; using ImGui's built-in font\n");
    return f;
  }
  bool exact = false;
  f.regular = match(family, FC_WEIGHT_REGULAR, &exact);
  if (!exact)
    std::fprintf(stderr, "kiosk: font family '%s' not found (install fonts-noto-core); using %s\n", family.c_str(),
                 f.regular.empty() ? "ImGui's built-in font" : f.regular.c_str());
  f.bold = match(family, FC_WEIGHT_BOLD, nullptr);
  if (f.bold.empty()) f.bold = f.regular;
  return f;
}

}  // namespace kiosk::platform
