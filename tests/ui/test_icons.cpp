// Pictures for visitors who read little: the home and topic tiles carry an
// icon from the Material Icons font, merged into the atlas; a missing font
// leaves tiles without icons and says so; icons are never spoken.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <imgui.h>

#include "content/icons.h"
#include "content/model.h"
#include "headless.h"
#include "platform/png.h"

using namespace test;

namespace {
// The atlas's glyph for an icon, and the font it was merged into.
const ImFontGlyph* icon_glyph(const content::Icon& icon, ImFont** in = nullptr) {
  for (ImFont* f : ImGui::GetIO().Fonts->Fonts)
    if (const ImFontGlyph* g = f->FindGlyphNoFallback(static_cast<ImWchar>(icon.codepoint))) {
      if (in) *in = f;
      return g;
    }
  return nullptr;
}

// True when the last frame drew this glyph (a quad with its texture
// corner) inside the rectangle.
bool drawn_inside(const ImFontGlyph& g, const ui::Rect& r) {
  const ImDrawData* dd = ImGui::GetDrawData();
  if (!dd) return false;
  for (int l = 0; l < dd->CmdListsCount; ++l)
    for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer)
      if (v.uv.x == g.U0 && v.uv.y == g.V0 && r.contains(v.pos.x, v.pos.y)) return true;
  return false;
}

bool private_use(const std::string& s) {
  // U+E000..U+F8FF is EE 80 80 .. EF A3 BF in UTF-8
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    if (a == 0xEE || (a == 0xEF && b <= 0xA3)) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("every icon's glyph is in the font atlas, and nothing else of the icon font is", "[ui][icons]") {
  Headless k(1920, 1080, real_db());
  ImFont* font = nullptr;
  for (const auto& i : content::icons()) {
    INFO(i.name << " (" << i.material << ")");
    const ImFontGlyph* g = icon_glyph(i, &font);
    REQUIRE(g);
    CHECK(g->Visible);
    CHECK(g->X1 - g->X0 > 40);  // drawn large, not a speck
  }
  // a glyph of the font no tile uses was left out of the atlas
  REQUIRE(!font->FindGlyphNoFallback(static_cast<ImWchar>(0xe84d)));  // 3d_rotation
}

TEST_CASE("each topic tile and each home tile draws its icon, and no icon is spoken", "[ui][icons]") {
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Headless k(w, h, real_db());
    k.start();
    // home: the six tiles, by the screen each opens
    const std::array<std::pair<const char*, const char*>, 6> home = {{{"Questions", "questions"}, {"Offices", "offices"},
                                                                       {"Step-by-step guides", "guides"}, {"Kids' corner", "kids"},
                                                                       {"Search", "search"}, {"Call or visit", "call"}}};
    for (const auto& [label, icon] : home) {
      const ui::A11yNode* n = k.app->tree().find(label);
      INFO(w << "x" << h << " home tile " << label);
      REQUIRE(n);
      REQUIRE(n->role == ui::Role::Tile);
      CHECK(drawn_inside(*icon_glyph(*content::find_icon(icon)), n->rect));
      CHECK(!private_use(n->label + n->description));
    }
    const fs::path dir = fs::path(KIOSK_BINARY_DIR) / "icons";
    fs::create_directories(dir);
    auto shot = [&](const std::string& name) {
      const std::vector<uint8_t> px = k.video->pixels();
      CHECK(platform::write_png((dir / (name + "-" + std::to_string(w) + "x" + std::to_string(h) + ".png")).string(), px.data(), w, h,
                                w * 4).empty());
    };
    shot("home");
    // topics: each tile draws the icon its content names
    tap(*k.app, "Questions");
    shot("topics");
    auto store = content::Store::open(real_db()).value;
    auto model = content::load_model(*store, "en");
    // the tiles in view are checked, then the list is dragged up to the next ones
    std::set<std::string> want, seen;
    for (const auto& t : model->topics)
      if (!model->faqs_for(t.id, "").empty()) want.insert(t.id);  // a topic with no questions shows no tile
    for (int page = 0; page < 6 && seen.size() < want.size(); ++page) {
      for (const auto& t : model->topics) {
        const ui::A11yNode* n = k.app->tree().find(t.title);
        if (!want.count(t.id) || !n || n->rect.y < n->clip.y || n->rect.y + n->rect.h > n->clip.y + n->clip.h) continue;
        INFO(w << "x" << h << " topic " << t.id << " icon " << t.icon);
        const content::Icon* icon = content::find_icon(t.icon);
        REQUIRE(icon);
        CHECK(drawn_inside(*icon_glyph(*icon), n->rect));
        // and not another topic's
        for (const auto& other : model->topics)
          if (other.icon != t.icon) CHECK(!drawn_inside(*icon_glyph(*content::find_icon(other.icon)), n->rect));
        CHECK(!private_use(n->label + n->description));
        seen.insert(t.id);
      }
      const float x = static_cast<float>(w) * 0.5f, y = static_cast<float>(h) * 0.6f;
      k.app->handle({platform::InputEvent::Type::PointerDown, x, y});
      for (int i = 1; i <= 10; ++i) {
        k.app->handle({platform::InputEvent::Type::PointerMove, x, y - 40.0f * static_cast<float>(i)});
        k.app->frame();
      }
      k.app->handle({platform::InputEvent::Type::PointerUp, x, y - 400});
      for (int i = 0; i < 120; ++i) { k.app->frame(); k.app->tick(); }  // the flick settles
    }
    REQUIRE(seen == want);
    REQUIRE(want.size() >= 10);
  }
}

TEST_CASE("without the icon font the tiles draw without icons, and the log says so", "[ui][icons]") {
  Tmp tmp;
  // a fontconfig that knows only the Noto fonts: no Material Icons
  const fs::path conf = tmp.dir / "fonts.conf";
  std::ofstream(conf) << "<?xml version=\"1.0\"?>\n<fontconfig><dir>/usr/share/fonts/truetype/noto</dir><cachedir>"
                      << (tmp.dir / "cache").string() << "</cachedir></fontconfig>\n";
  const fs::path script = tmp.dir / "script.txt";
  std::ofstream(script) << "tap 500 500\nexpect-screen home\nscreenshot home\ntap \"Questions\"\nexpect-screen questions\n"
                           "screenshot topics\n";
  const fs::path out = tmp.dir / "out", log = tmp.dir / "log.txt";
  const std::string cmd = "FONTCONFIG_FILE=" + conf.string() + " SDL_VIDEODRIVER=dummy " KIOSK_BINARY_DIR "/kiosk --headless --script " +
                          script.string() + " --out " + out.string() + " --db " + real_db() + " > " + log.string() + " 2>&1";
  const int rc = std::system(cmd.c_str());
  std::ifstream in(log);
  const std::string said{std::istreambuf_iterator<char>(in), {}};
  INFO(said);
  REQUIRE(rc == 0);
  REQUIRE(said.find("icon font 'Material Icons' not found (install fonts-material-design-icons-iconfont)") != std::string::npos);
  REQUIRE(fs::exists(out / "topics.png"));
}
