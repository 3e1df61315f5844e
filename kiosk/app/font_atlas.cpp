#include "app/font_atlas.h"

#include <cmath>

#include "app/log.h"
#include "content/icons.h"
#include "i18n/bidi.h"

namespace kiosk::app {

void FontAtlas::build(float base, const std::vector<std::string>& locales, const i18n::Catalog& catalog,
                      ContentHost& content, ui::Fonts& fonts) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Glyphs: Latin-1 plus every character of the active locales' UI strings
  // and content, as drawn (Arabic shaped) and with the locale's digits, so a
  // new script costs only its own glyphs.
  if (glyphs_.empty()) {
    for (char32_t c : U"…•–—“”‘’") if (c) glyphs_.insert(c);
    for (const auto& loc : locales) {
      const bool rtl = i18n::is_rtl_locale(loc);
      for (const auto& key : catalog.keys(loc)) i18n::add_glyphs(catalog.format(loc, key), rtl, glyphs_);
      i18n::add_glyphs(i18n::native_digits(loc), rtl, glyphs_);
      content.add_glyphs(loc, rtl, glyphs_);
    }
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  for (char32_t c : glyphs_)
    if (c <= IM_UNICODE_CODEPOINT_MAX) builder.AddChar(static_cast<ImWchar>(c));
  ranges_.clear();
  builder.BuildRanges(&ranges_);
  // Scripts the main family lacks get a merged face of their own.
  auto uses = [&](ImWchar from, ImWchar to) {
    for (ImWchar c = from; c <= to && c >= from; ++c)
      if (builder.GetBit(c)) return true;
    return false;
  };
  struct Script { const char* lang; bool used; };
  const Script scripts[] = {{"ar", uses(0x0600, 0x06FF) || uses(0xFE70, 0xFEFE)},
                            {"zh-cn", uses(0x3000, 0x303F) || uses(0x4E00, 0x9FFF) || uses(0xFF00, 0xFFEF)}};

  if (files_.regular.empty()) files_ = platform::find_fonts(family_);
  auto add = [&](const std::string& file, float px) -> ImFont* {
    // No horizontal oversampling: at kiosk sizes (33 px and up) glyphs
    // placed on whole pixels look the same, and the atlas is half the size
    // in memory (ImGui's copy and the GPU's).
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* font = nullptr;
    if (!file.empty()) {
      font = io.Fonts->AddFontFromFileTTF(file.c_str(), std::round(px), &cfg, ranges_.Data);
      if (!font) log("cannot load font " + file + "; using the built-in font");
    }
    if (!font) {
      cfg.SizePixels = std::round(px);
      font = io.Fonts->AddFontDefault(&cfg);
    }
    const bool bold = file == files_.bold && files_.bold != files_.regular;
    for (const auto& sc : scripts) {
      if (!sc.used) continue;
      auto key = std::string(sc.lang) + (bold ? "/bold" : "");
      if (!script_fonts_.count(key)) script_fonts_[key] = platform::find_script_font(sc.lang, bold);
      const platform::FontFace& face = script_fonts_[key];
      if (face.file.empty()) continue;
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.FontNo = face.index;
      merge.OversampleH = 1;
      merge.PixelSnapH = true;
      // Arabic letters are small for their size in pixels beside Latin ones
      const float size = std::round(px * (sc.lang == std::string("ar") ? 1.2f : 1.0f));
      if (!io.Fonts->AddFontFromFileTTF(face.file.c_str(), size, &merge, ranges_.Data))
        log("cannot load font " + face.file);
    }
    return font;
  };
  fonts.body = add(files_.regular, base);
  fonts.bold = add(files_.bold, base);
  fonts.large = add(files_.bold, base * 1.3f);
  fonts.reading = add(files_.regular, base * 1.3f);
  fonts.title = add(files_.bold, base * 1.7f);
  fonts.huge = add(files_.bold, base * 2.4f);
  // the tiles' icons: merged into the huge font at the size a tile draws them
  std::vector<char32_t> icons;
  for (const auto& i : content::icons()) icons.push_back(i.codepoint);
  fonts.icons = platform::merge_icon_font(*io.Fonts, base * 3.2f, icons) ? fonts.huge : nullptr;
  io.Fonts->Build();
}

}  // namespace kiosk::app
