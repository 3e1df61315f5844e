// The font atlas: ImGui's fonts at the kiosk's sizes, holding only the
// characters the visitor's language needs (its UI strings and content, on
// top of Latin-1), and of every other enabled language only what is shown
// in it on any screen: the attract screen's words and the language's own
// name. The faces of scripts the main family lacks (Arabic, Chinese) are
// merged in, and the tiles' icons. A visitor who changes language gets a new
// atlas before the next frame: eight languages cost one language's glyphs.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/content_host.h"
#include "i18n/catalog.h"
#include "i18n/text.h"
#include "platform/fonts.h"
#include "ui/ui.h"

namespace kiosk::app {

class FontAtlas {
public:
  explicit FontAtlas(std::string family) : family_(std::move(family)) {}
  // The content or the languages changed: gather the characters again at the next build.
  void forget_glyphs() { glyphs_.clear(); }
  // Builds ImGui's atlas with lines `base` pixels tall for a visitor reading
  // `locale`, among the enabled `locales`, into `fonts`. The renderer's
  // texture must be rebuilt after.
  void build(float base, const std::string& locale, const std::vector<std::string>& locales, const i18n::Catalog& catalog,
             ContentHost& content, ui::Fonts& fonts);
  // The visitor language the atlas was last built for ("" before the first build).
  const std::string& built_for() const { return built_for_; }

private:
  std::string family_;
  ImVector<ImWchar> ranges_;       // the atlas reads them until the next build
  ImVector<ImWchar> huge_ranges_;  // the largest size's: the attract screen's words
  platform::FontFiles files_;
  std::map<std::string, platform::FontFace> script_fonts_;  // "ar", "zh-cn/bold"...
  std::map<std::string, i18n::Glyphs> glyphs_;  // per visitor language: every character its atlas holds
  std::string built_for_;
};

}  // namespace kiosk::app
