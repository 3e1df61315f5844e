// The font atlas: ImGui's fonts at the kiosk's sizes, holding only the
// characters the enabled languages' UI strings and content use (Latin-1,
// plus each script's own), with the faces of scripts the main family lacks
// (Arabic, Chinese) merged in, and the tiles' icons.
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
  // Builds ImGui's atlas with lines `base` pixels tall, into `fonts`. The
  // renderer's texture must be rebuilt after.
  void build(float base, const std::vector<std::string>& locales, const i18n::Catalog& catalog, ContentHost& content,
             ui::Fonts& fonts);

private:
  std::string family_;
  ImVector<ImWchar> ranges_;  // the atlas reads it until the next build
  platform::FontFiles files_;
  std::map<std::string, platform::FontFace> script_fonts_;  // "ar", "zh-cn/bold"...
  i18n::Glyphs glyphs_;  // every character the atlas holds (empty: gather them again)
};

}  // namespace kiosk::app
