#include "app/font_atlas.h"

#include <cmath>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/log.h"
#include "content/icons.h"
#include "i18n/bidi.h"

namespace kiosk::app {

namespace {
// A font file mapped read only: the atlas reads the glyphs it bakes from it
// (the pages of those glyphs alone come into memory), and the six sizes
// share one mapping instead of six copies of a 20 MB CJK collection.
struct Mapped {
  void* data = nullptr;
  size_t size = 0;
  Mapped() = default;
  explicit Mapped(const std::string& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) data = p, size = static_cast<size_t>(st.st_size);
    }
    ::close(fd);
  }
  Mapped(Mapped&& o) noexcept : data(o.data), size(o.size) { o.data = nullptr; }
  Mapped& operator=(Mapped&&) = delete;
  Mapped(const Mapped&) = delete;
  ~Mapped() {
    if (data) ::munmap(data, size);
  }
};

// The words shown in every enabled language whatever the visitor reads: the
// attract screen cycles through them, the picker and the bar name each language.
constexpr const char* kEveryLanguageKeys[] = {"attract.touch", "app.title", "attract.subtitle", "language.self"};
}  // namespace

void FontAtlas::build(float base, const std::string& locale, const std::vector<std::string>& locales,
                      const i18n::Catalog& catalog, ContentHost& content, ui::Fonts& fonts) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // as tall as the glyphs need, not the next power of two (SDL's renderers
  // take any size): up to half the texture's memory
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  // Glyphs: Latin-1, every character of the visitor's language's UI strings
  // and content, as drawn (Arabic shaped) and with its digits; of the other
  // languages, the words every screen may show in them.
  i18n::Glyphs& glyphs = glyphs_[locale];
  if (glyphs.empty()) {
    for (char32_t c : U"…•–—“”‘’·") if (c) glyphs.insert(c);
    for (const auto& loc : locales) {
      const bool rtl = i18n::is_rtl_locale(loc);
      for (const char* key : kEveryLanguageKeys) i18n::add_glyphs(catalog.format(loc, key), rtl, glyphs);
    }
    const bool rtl = i18n::is_rtl_locale(locale);
    for (const auto& key : catalog.keys(locale)) i18n::add_glyphs(catalog.format(locale, key), rtl, glyphs);
    i18n::add_glyphs(i18n::native_digits(locale), rtl, glyphs);
    content.add_glyphs(locale, rtl, glyphs);
  }
  built_for_ = locale;
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  for (char32_t c : glyphs)
    if (c <= IM_UNICODE_CODEPOINT_MAX) builder.AddChar(static_cast<ImWchar>(c));
  ranges_.clear();
  builder.BuildRanges(&ranges_);
  {
    i18n::Glyphs huge;
    for (const auto& loc : locales) i18n::add_glyphs(catalog.format(loc, "attract.touch"), i18n::is_rtl_locale(loc), huge);
    for (char32_t c : U" …?")
      if (c) huge.insert(c);  // and the fallback glyph ImGui draws for any other
    ImFontGlyphRangesBuilder hb;
    for (char32_t c : huge)
      if (c <= IM_UNICODE_CODEPOINT_MAX) hb.AddChar(static_cast<ImWchar>(c));
    huge_ranges_.clear();
    hb.BuildRanges(&huge_ranges_);
  }
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
  std::map<std::string, Mapped> mapped;  // unmapped once the atlas is built
  auto add_file = [&](const std::string& file, float px, ImFontConfig& cfg, const ImWchar* ranges) -> ImFont* {
    auto it = mapped.find(file);
    if (it == mapped.end()) it = mapped.emplace(file, Mapped(file)).first;
    if (!it->second.data) return nullptr;
    // "owned" keeps ImGui from copying the file for every size (ImGui 1.86
    // copies data it does not own); the mapping stays ours: handed back below
    cfg.FontDataOwnedByAtlas = true;
    return io.Fonts->AddFontFromMemoryTTF(it->second.data, static_cast<int>(it->second.size), px, &cfg, ranges);
  };
  auto add = [&](const std::string& file, float px, const ImWchar* ranges) -> ImFont* {
    // No horizontal oversampling: at kiosk sizes (33 px and up) glyphs
    // placed on whole pixels look the same, and the atlas is half the size
    // in memory (ImGui's copy and the GPU's).
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* font = nullptr;
    if (!file.empty()) {
      font = add_file(file, std::round(px), cfg, ranges);
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
      // Arabic letters are small for their size in pixels beside Latin ones:
      // at 1.4 its letters stand as tall as Latin lower case beside them
      const float size = std::round(px * (sc.lang == std::string("ar") ? 1.4f : 1.0f));
      if (!add_file(face.file, size, merge, ranges))
        log("cannot load font " + face.file);
    }
    return font;
  };
  fonts.body = add(files_.regular, base, ranges_.Data);
  fonts.bold = add(files_.bold, base, ranges_.Data);
  fonts.large = add(files_.bold, base * 1.3f, ranges_.Data);
  fonts.reading = add(files_.regular, base * 1.3f, ranges_.Data);
  fonts.title = add(files_.bold, base * 1.7f, ranges_.Data);
  // the largest size draws the attract screen's call to action alone (and
  // the tiles' icons): its own few characters, not Latin-1 nor the content's
  fonts.huge = add(files_.bold, base * 2.4f, huge_ranges_.Data);
  // the tiles' icons: merged into the huge font at the size a tile draws them
  std::vector<char32_t> icons;
  for (const auto& i : content::icons()) icons.push_back(i.codepoint);
  fonts.icons = platform::merge_icon_font(*io.Fonts, base * 3.2f, icons) ? fonts.huge : nullptr;
  io.Fonts->Build();
  // the glyphs are baked: the fonts' files are not read again until the next
  // build, and the mappings are ours to unmap, not ImGui's to free
  for (auto& cfg : io.Fonts->ConfigData)
    for (const auto& [file, m] : mapped)
      if (cfg.FontData == m.data) {
        cfg.FontData = nullptr;
        cfg.FontDataOwnedByAtlas = false;
      }
  io.Fonts->ClearInputData();
}

}  // namespace kiosk::app
