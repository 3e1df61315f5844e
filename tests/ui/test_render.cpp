// The renderer's shapes path (rects, copies, rows for rounded fills) draws
// what the plain all-triangles path draws: the same frames through both into
// the software surface, compared pixel by pixel. Both PNGs land in
// <build>/render/ for people to look at.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "headless.h"
#include "platform/png.h"

using namespace test;

namespace {
using Path = platform::ImGuiSdl::Path;

// A pixel differs when a channel is off by more than this: blending rounds a
// little differently in SDL's triangle filler and its rect fill and blitter.
constexpr int kTolerance = 24;

void same_through_both_paths(Headless& k, const std::string& name) {
  auto& video = *k.video;
  const int w = video.width(), h = video.height();
  video.set_render_path(Path::Triangles);
  const std::vector<uint8_t> triangles = video.pixels();
  video.set_render_path(Path::Shapes);
  const std::vector<uint8_t> shapes = video.pixels();
  const platform::ImGuiSdl::Counts counts = video.imgui()->counts();
  REQUIRE(triangles.size() == shapes.size());
  REQUIRE(triangles.size() == static_cast<size_t>(w) * h * 4);

  const fs::path dir = fs::path(KIOSK_BINARY_DIR) / "render";
  fs::create_directories(dir);
  const std::string stem = (dir / (name + "-" + std::to_string(w) + "x" + std::to_string(h))).string();
  CHECK(platform::write_png(stem + "-shapes.png", shapes.data(), w, h, w * 4).empty());
  CHECK(platform::write_png(stem + "-triangles.png", triangles.data(), w, h, w * 4).empty());

  size_t differ = 0;
  std::vector<uint8_t> marks(shapes.size(), 255);  // differing pixels in red on white
  for (size_t p = 0; p < shapes.size(); p += 4) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(shapes[p + c] - triangles[p + c]));
    if (worst > kTolerance) {
      ++differ;
      marks[p + 1] = marks[p + 2] = 0;
    }
  }
  const double share = 100.0 * static_cast<double>(differ) / (static_cast<double>(w) * h);
  if (differ) CHECK(platform::write_png(stem + "-differ.png", marks.data(), w, h, w * 4).empty());
  INFO(name << " at " << w << "x" << h << ": " << differ << " pixels differ (" << share << "%); " << counts.fills << " fills, "
            << counts.copies << " copies, " << counts.polygons << " polygons, " << counts.triangles << " triangles left");
  CHECK(share < 0.5);
  // the fast path really ran: glyphs went out as copies, rectangles as
  // fills, rounded fills as rows (what is left is edges' fringes)
  CHECK(counts.copies > 20);
  CHECK(counts.fills > 0);
  CHECK(counts.polygons > 0);
}
}  // namespace

TEST_CASE("the shapes renderer draws what the triangles renderer draws", "[ui][render]") {
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Headless k(w, h, real_db(), [](app::Settings& s) { s.locales = {"en", "es", "ar", "zh"}; });
    same_through_both_paths(k, "attract");
    k.start();
    same_through_both_paths(k, "home");
    tap(*k.app, "Offices");
    same_through_both_paths(k, "offices");
    // mid-drag: the list scrolled by a finger, which is still down
    const float x = static_cast<float>(w) * 0.3f, y = static_cast<float>(h) * 0.7f;
    k.app->handle({platform::InputEvent::Type::PointerDown, x, y});
    for (int i = 1; i <= 10; ++i) {
      k.app->handle({platform::InputEvent::Type::PointerMove, x, y - 30.0f * static_cast<float>(i)});
      k.app->frame();
    }
    same_through_both_paths(k, "offices-dragged");
    k.app->handle({platform::InputEvent::Type::PointerUp, x, y - 300});
    settle(*k.app);
    tap(*k.app, "Help");
    same_through_both_paths(k, "help-dialog");
    activate(k, "Close");
    tap(*k.app, "Home");
    tap(*k.app, "Kids' corner");
    same_through_both_paths(k, "kids");
    tap(*k.app, "Home");
    tap(*k.app, "Language · Español");
    tap(*k.app, "العربية");
    REQUIRE(k.app->session().prefs.locale == "ar");
    same_through_both_paths(k, "home-arabic");
  }
}

TEST_CASE("the font atlas's CPU copy is freed once uploaded, and large text builds and uploads a new one", "[ui][render]") {
  Headless k(1920, 1080, real_db());
  k.start();
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  REQUIRE(atlas.TexPixelsAlpha8 == nullptr);
  REQUIRE(atlas.TexPixelsRGBA32 == nullptr);
  REQUIRE(atlas.TexID != nullptr);
  const float normal = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
  tap(*k.app, "Accessibility");
  tap(*k.app, "Larger text");
  activate(k, "Close");
  REQUIRE(k.app->session().prefs.large_text);
  REQUIRE(ImGui::GetIO().Fonts->Fonts[0]->FontSize >= normal * 1.45f);
  REQUIRE(atlas.TexPixelsAlpha8 == nullptr);
  REQUIRE(atlas.TexPixelsRGBA32 == nullptr);
  same_through_both_paths(k, "home-large-text");
  // and a headless screenshot still has text in it: dark pixels on the light page
  const std::vector<uint8_t> px = k.video->pixels();
  size_t dark = 0;
  for (size_t p = 0; p < px.size(); p += 4) dark += px[p] < 80 && px[p + 1] < 80 && px[p + 2] < 80;
  REQUIRE(dark > 1000);
}

// One window, renderer and SDL session per Video: a copy would destroy them twice.
static_assert(!std::is_copy_constructible_v<platform::Video> && !std::is_copy_assignable_v<platform::Video>);
static_assert(std::is_nothrow_move_constructible_v<platform::Video> && std::is_nothrow_move_assignable_v<platform::Video>);

TEST_CASE("a headless display handed to a new owner still draws the app, and the old owner holds nothing", "[ui][render][video]") {
  std::string why;
  auto first = platform::Video::open_headless(640, 400, &why);
  REQUIRE(first);
  platform::Video moved(std::move(*first));
  REQUIRE_FALSE(first->headless());
  REQUIRE(first->pixels().empty());
  REQUIRE(moved.headless());
  moved.set_lazy(true);
  {
    platform::ManualClock clock;
    app::Settings s;
    s.database = real_db();
    app::App app(s, clock, moved);
    settle(app);
    REQUIRE(app.tree().find("Touch to start"));
    const std::vector<uint8_t> px = moved.pixels();
    REQUIRE(px.size() == 640u * 400u * 4u);
    // the accent pill of "Touch to start" is drawn: not one colour everywhere
    REQUIRE(std::any_of(px.begin(), px.end(), [&](uint8_t b) { return b != px[0]; }));
  }
  *first = std::move(moved);  // and back: the surface moves with it
  REQUIRE(first->headless());
  REQUIRE_FALSE(moved.headless());
}
