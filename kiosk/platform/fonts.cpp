// fontconfig lookup.
#include "platform/fonts.h"

#include <cmath>
#include <cstdio>
#include <fontconfig/fontconfig.h>
#include <imgui.h>

namespace kiosk::platform {

namespace {
// fontconfig's best scalable face for a family (or "" for any) and a language (or "").
FcPattern* best_match(const std::string& family, const std::string& lang, int weight) {
  FcPattern* pat = FcPatternCreate();
  if (!family.empty()) FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  if (!lang.empty()) {
    FcLangSet* ls = FcLangSetCreate();
    FcLangSetAdd(ls, reinterpret_cast<const FcChar8*>(lang.c_str()));
    FcPatternAddLangSet(pat, FC_LANG, ls);
    FcLangSetDestroy(ls);
  }
  FcPatternAddInteger(pat, FC_WEIGHT, weight);
  FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult res;
  FcPattern* m = FcFontMatch(nullptr, pat, &res);
  FcPatternDestroy(pat);
  return m;
}

std::string match(const std::string& family, int weight, bool* exact) {
  FcPattern* m = best_match(family, "", weight);
  std::string out;
  if (m) {
    FcChar8* file = nullptr;
    FcChar8* fam = nullptr;
    if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) out = reinterpret_cast<char*>(file);
    if (FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch && exact)
      *exact = family == reinterpret_cast<char*>(fam);
    FcPatternDestroy(m);
  }
  // ImGui reads TrueType/OpenType files, not Type 1 or bitmap fonts.
  if (out.size() < 4 || (out.substr(out.size() - 4) != ".ttf" && out.substr(out.size() - 4) != ".otf")) return {};
  return out;
}
bool readable(const std::string& f) {
  auto ends = [&](const char* x) { return f.size() > 4 && f.compare(f.size() - 4, 4, x) == 0; };
  return ends(".ttf") || ends(".otf") || ends(".ttc");
}

FontFace match_lang(const std::string& family, const std::string& lang, int weight, std::string* got_family) {
  FcPattern* m = best_match(family, lang, weight);
  FontFace face;
  if (m) {
    FcChar8* file = nullptr;
    FcChar8* fam = nullptr;
    FcLangSet* has = nullptr;
    int index = 0;
    bool covers = FcPatternGetLangSet(m, FC_LANG, 0, &has) == FcResultMatch &&
                  FcLangSetHasLang(has, reinterpret_cast<const FcChar8*>(lang.c_str())) != FcLangDifferentLang;
    if (covers && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch && readable(reinterpret_cast<char*>(file))) {
      face.file = reinterpret_cast<char*>(file);
      if (FcPatternGetInteger(m, FC_INDEX, 0, &index) == FcResultMatch) face.index = index;
      if (FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch && got_family) *got_family = reinterpret_cast<char*>(fam);
    }
    FcPatternDestroy(m);
  }
  return face;
}
}  // namespace

FontFace find_script_font(const std::string& lang, bool bold) {
  if (!FcInit()) return {};
  struct Want { const char* lang; const char* family; const char* package; };
  static constexpr Want wants[] = {{"ar", "Noto Sans Arabic", "fonts-noto-core"}, {"zh-cn", "Noto Sans CJK SC", "fonts-noto-cjk"}};
  const Want* w = nullptr;
  for (const auto& x : wants)
    if (lang == x.lang) w = &x;
  std::string fam;
  FontFace f = match_lang(w ? w->family : "", lang, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR, &fam);
  if (f.file.empty())
    std::fprintf(stderr, "kiosk: no font for language '%s' (install %s); its text cannot be drawn\n", lang.c_str(),
                 w ? w->package : "a Noto font package for it");
  else if (w && fam != w->family)
    std::fprintf(stderr, "kiosk: font '%s' not found for language '%s' (install %s); using %s\n", w->family, lang.c_str(),
                 w->package, f.file.c_str());
  return f;
}

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

bool merge_icon_font(ImFontAtlas& atlas, float px, const std::vector<char32_t>& codepoints) {
  // looked up once: the answer does not change while the kiosk runs, and a
  // missing font is said once, not at every rebuild of the atlas
  static const std::string file = [] {
    bool exact = false;
    std::string f = FcInit() ? match("Material Icons", FC_WEIGHT_REGULAR, &exact) : std::string();
    if (!exact) f.clear();
    if (f.empty())
      std::fprintf(stderr, "kiosk: icon font 'Material Icons' not found (install fonts-material-design-icons-iconfont); "
                           "tiles are drawn without icons\n");
    return f;
  }();
  if (file.empty() || codepoints.empty()) return false;
  // the atlas reads the ranges when it is built, after this returns
  static std::vector<ImWchar> ranges;
  ranges.clear();
  for (char32_t c : codepoints)
    if (c > 0 && c <= 0xFFFF) ranges.insert(ranges.end(), {static_cast<ImWchar>(c), static_cast<ImWchar>(c)});
  ranges.push_back(0);
  ImFontConfig cfg;
  cfg.MergeMode = true;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  if (!atlas.AddFontFromFileTTF(file.c_str(), std::round(px), &cfg, ranges.data())) {
    std::fprintf(stderr, "kiosk: cannot load the icon font %s; tiles are drawn without icons\n", file.c_str());
    return false;
  }
  return true;
}

}  // namespace kiosk::platform
