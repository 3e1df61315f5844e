// Contrast as drawn: the words of widgets measured against their own face in
// the app's pixels, pressed (finger down, not yet up) and not, in every theme.
// The look table's check (test_access.cpp) sees what the table says; this
// sees what reaches the screen.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "headless.h"
#include "platform/png.h"
#include "ui/theme.h"

using namespace test;

namespace {
struct Drawn {
  ui::Color face, words;
  double ratio = 0;
};

// The face is the commonest colour in the widget's rectangle; the words are
// the colour, among the pixels where its text is drawn, that stands out most
// from the face (taken at the 97th percentile, so a stray pixel of an edge
// decides nothing). Glyph edges blend into the face; their cores do not.
Drawn measure(const std::vector<uint8_t>& px, int w, int h, const ui::A11yNode& n) {
  auto at = [&](int x, int y) {
    const size_t p = (static_cast<size_t>(y) * w + x) * 4;
    return ui::Color{px[p], px[p + 1], px[p + 2]};
  };
  auto clampi = [](float v, int hi) { return std::clamp(static_cast<int>(v), 0, hi); };
  auto key = [](ui::Color colour) { return static_cast<uint32_t>(colour.b) << 16 | static_cast<uint32_t>(colour.g) << 8 | colour.r; };
  std::map<uint32_t, int> count;
  for (int y = clampi(n.rect.y + 2, h - 1); y < clampi(n.rect.y + n.rect.h - 2, h); ++y)
    for (int x = clampi(n.rect.x + 2, w - 1); x < clampi(n.rect.x + n.rect.w - 2, w); ++x) ++count[key(at(x, y))];
  Drawn d;
  if (count.empty()) return d;
  const uint32_t face = std::max_element(count.begin(), count.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  d.face = {static_cast<uint8_t>(face), static_cast<uint8_t>(face >> 8), static_cast<uint8_t>(face >> 16)};
  std::vector<std::pair<double, ui::Color>> c;
  for (int y = clampi(n.text.y, h - 1); y < clampi(n.text.y + n.text.h, h); ++y)
    for (int x = clampi(n.text.x, w - 1); x < clampi(n.text.x + n.text.w, w); ++x) c.push_back({ui::contrast_ratio(at(x, y), d.face), at(x, y)});
  if (c.empty()) return d;
  std::sort(c.begin(), c.end(), [](auto& a, auto& b) { return a.first < b.first; });
  const auto& pick = c[std::min(c.size() - 1, c.size() * 97 / 100)];
  d.ratio = pick.first;
  d.words = pick.second;
  return d;
}

// Wholly on the screen and within its window (not scrolled out of view).
bool in_view(const ui::A11yNode& n, int screen_h) {
  return n.rect.y >= n.clip.y - 1 && n.rect.y + n.rect.h <= n.clip.y + n.clip.h + 1 && n.rect.y >= 0 &&
         n.rect.y + n.rect.h <= static_cast<float>(screen_h);
}

std::string rgb(ui::Color c) { return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b); }

// Puts a finger down on the widget (and keeps it there), measures, then lifts
// it after sliding away, so nothing is chosen.
Drawn press_and_measure(Headless& k, const std::string& label, const std::string& shot) {
  const ui::A11yNode* n = k.app->tree().find(label);
  INFO("pressing " << label);
  REQUIRE(n);
  const float x = n->rect.cx(), y = n->rect.cy();
  k.app->handle({platform::InputEvent::Type::PointerDown, x, y});
  for (int i = 0; i < 3; ++i) { k.app->frame(); k.app->tick(); }
  const ui::A11yNode* p = k.app->tree().find(label);
  REQUIRE(p);
  const ui::A11yNode pressed = *p;
  const std::vector<uint8_t> px = k.video->pixels();
  const int w = k.video->width(), h = k.video->height();
  if (!shot.empty()) {
    const fs::path dir = fs::path(KIOSK_BINARY_DIR) / "contrast";
    fs::create_directories(dir);
    CHECK(platform::write_png((dir / (shot + ".png")).string(), px.data(), w, h, w * 4).empty());
  }
  Drawn d = measure(px, w, h, pressed);
  // slide off (a drag, never a tap) and lift
  k.app->handle({platform::InputEvent::Type::PointerMove, x, y + 400 > static_cast<float>(h) ? y - 400 : y + 400});
  k.app->frame();
  k.app->handle({platform::InputEvent::Type::PointerUp, x, y + 400 > static_cast<float>(h) ? y - 400 : y + 400});
  settle(*k.app);
  return d;
}

void high_contrast_on(Headless& k) {
  tap(*k.app, "Accessibility");
  tap(*k.app, "High contrast");
  activate(k, "Close");
  REQUIRE(k.app->session().prefs.high_contrast);
}
}  // namespace

TEST_CASE("a pressed bar button's words keep 7:1 on its face in high contrast, from the drawn pixels", "[ui][access][contrast]") {
  Headless k(1920, 1080, real_db());
  k.start();
  high_contrast_on(k);
  for (const char* label : {"Help", "Back", "Home", "Accessibility"}) {
    if (!k.app->tree().find(label)) continue;
    const Drawn d = press_and_measure(k, label, std::string("hc-pressed-") + label);
    INFO(label << " pressed: words " << rgb(d.words) << " on " << rgb(d.face) << " = " << d.ratio << ":1");
    CHECK(d.ratio >= 7.0);
  }
}

TEST_CASE("widgets' words on their faces as drawn, pressed and not, in the calm, kids' and high-contrast themes", "[ui][access][contrast]") {
  struct Case { const char* theme; double need; };
  for (const Case& t : {Case{"calm", 4.5}, Case{"high contrast", 7.0}}) {
    Headless k(1920, 1080, real_db());
    k.start();
    if (t.need > 5) high_contrast_on(k);
    std::vector<uint8_t> px = k.video->pixels();
    const int w = k.video->width(), h = k.video->height();
    size_t measured = 0;
    // at rest: every bar button and home tile
    for (const auto& n : k.app->tree().nodes()) {
      if (!n.interactive() || n.text.w <= 0 || !in_view(n, h)) continue;
      const Drawn d = measure(px, w, h, n);
      INFO(t.theme << ": \"" << n.label << "\" words " << rgb(d.words) << " on " << rgb(d.face) << " = " << d.ratio << ":1");
      CHECK(d.ratio >= t.need);
      ++measured;
    }
    REQUIRE(measured >= 10);
    // pressed: a tile, a bar button, and Start over
    for (const char* label : {"Offices", "Help", "Start over"}) {
      if (!k.app->tree().find(label)) continue;
      const Drawn d = press_and_measure(k, label, "");
      INFO(t.theme << ": \"" << label << "\" pressed: words " << rgb(d.words) << " on " << rgb(d.face) << " = " << d.ratio << ":1");
      CHECK(d.ratio >= t.need);
    }
    // the kids' corner: its own colours
    if (t.need < 5) {
      tap(*k.app, "Kids' corner");
      px = k.video->pixels();
      size_t kids = 0;
      for (const auto& n : k.app->tree().nodes()) {
        if (!n.interactive() || n.text.w <= 0 || n.region == "nav" || !in_view(n, h)) continue;
        const Drawn d = measure(px, w, h, n);
        INFO("kids: \"" << n.label << "\" words " << rgb(d.words) << " on " << rgb(d.face) << " = " << d.ratio << ":1");
        CHECK(d.ratio >= 4.5);
        ++kids;
      }
      REQUIRE(kids >= 3);
    }
  }
}
