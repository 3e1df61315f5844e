// Privacy on screen: while "Do you need more time?" waits for an answer, the
// next person in line sees nothing of the previous visitor's screen and hears
// nothing of it: judged from the drawn pixels, the accessibility tree and
// what speech was asked to say.
#include <catch2/catch.hpp>

#include <algorithm>

#include "headless.h"
#include "platform/png.h"
#include "ui/theme.h"

using namespace test;

namespace {
platform::RecordedSpeech& rec(app::App& app) { return dynamic_cast<platform::RecordedSpeech&>(app.speech()); }

// The dialog: its nodes' box, grown by more than its padding and border.
ui::Rect dialog_box(Headless& k) {
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  for (const auto& n : k.app->tree().nodes()) {
    x0 = std::min(x0, n.rect.x);
    y0 = std::min(y0, n.rect.y);
    x1 = std::max(x1, n.rect.x + n.rect.w);
    y1 = std::max(y1, n.rect.y + n.rect.h);
  }
  const float pad = 33.0f * 2;  // more than the dialog's padding and border at 92 DPI
  return {x0 - pad, y0 - pad, x1 - x0 + pad * 2, y1 - y0 + pad * 2};
}

// Pixels outside `skip` that are not the cover colour.
size_t uncovered_pixels(Headless& k, ui::Color cover, const ui::Rect& skip) {
  const int w = k.video->width(), h = k.video->height();
  const std::vector<uint8_t> px = k.video->pixels();
  size_t off = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      if (skip.contains(static_cast<float>(x), static_cast<float>(y))) continue;
      const uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      off += p[0] != cover.r || p[1] != cover.g || p[2] != cover.b;
    }
  return off;
}

void write_shot(Headless& k, const std::string& name) { save_screen(k, "privacy", name); }
}  // namespace

TEST_CASE("the idle warning covers the previous visitor's screen and says only itself", "[ui][privacy][idle]") {
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Headless k(w, h, real_db());
    k.start();
    k.key(platform::Key::Down);  // the first key turns speech on
    REQUIRE(k.app->session().prefs.speech);
    // what a visitor leaves behind: a search for their worry, and a bar
    // button used (the bar's window then sits in front of older windows)
    tap(*k.app, "Search");
    platform::InputEvent typed{platform::InputEvent::Type::Text};
    typed.text = "jail";
    k.input(typed);
    REQUIRE(k.app->session().search_text == "jail");
    tap(*k.app, "Help");
    tap(*k.app, "Close");
    std::string result;  // a result title the screen shows now
    for (const auto& n : k.app->tree().nodes())
      if (n.role == ui::Role::Row && n.visible() && result.empty()) result = n.label;
    REQUIRE_FALSE(result.empty());
    REQUIRE(uncovered_pixels(k, ui::theme(false).background, {}) > 10'000);  // the screen shows, of course

    auto& said = rec(*k.app).said;
    said.clear();
    k.clock.advance(91'000);
    settle(*k.app);
    REQUIRE(k.app->overlay() == "idle-warning");
    write_shot(k, "idle-warning-search-" + std::to_string(w) + "x" + std::to_string(h));

    // the accessibility tree holds the warning alone
    std::vector<std::string> labels;
    for (const auto& n : k.app->tree().nodes()) labels.push_back(n.label);
    INFO("on screen: " << Catch::Detail::stringify(labels));
    REQUIRE(labels.size() == 4);
    REQUIRE(labels[0] == "Do you need more time?");
    REQUIRE(labels[1].rfind("The screen will start over in", 0) == 0);
    REQUIRE(labels[2] == "Yes, more time");
    REQUIRE(labels[3] == "No, start over");

    // every pixel outside the dialog is the page colour: no word, result or bar button shows
    const ui::Rect dialog = dialog_box(k);
    const size_t off = uncovered_pixels(k, ui::theme(false).background, dialog);
    INFO(w << "x" << h << ": dialog box " << dialog.x << "," << dialog.y << " " << dialog.w << "x" << dialog.h);
    REQUIRE(dialog.w * dialog.h < static_cast<float>(w * h) * 0.4f);  // the box is the dialog, not the whole screen
    REQUIRE(off == 0);

    // spoken: the warning and the button focus is on, nothing of the search
    INFO("said: " << (said.empty() ? std::string("nothing") : said.back().text));
    REQUIRE(said.size() == 1);
    REQUIRE(said[0].text == "Do you need more time? The screen will start over in 30 seconds. Yes, more time");
    // the countdown redraws every second: still nothing else is said
    k.clock.advance(5'000);
    settle(*k.app);
    REQUIRE(k.app->overlay() == "idle-warning");
    REQUIRE(said.size() == 1);
    REQUIRE(uncovered_pixels(k, ui::theme(false).background, dialog_box(k)) == 0);

    // "Yes, more time" brings the visitor's screen back as it was
    tap(*k.app, "Yes, more time");
    REQUIRE(k.app->overlay().empty());
    REQUIRE(k.app->tree().find(result));
  }
}

TEST_CASE("the idle warning over the kids' corner covers it in the kids' page colour", "[ui][privacy][idle]") {
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Kids' corner");
  tap(*k.app, "Your feelings are okay");
  REQUIRE(k.app->screen() == "kids-page");
  k.clock.advance(91'000);
  settle(*k.app);
  REQUIRE(k.app->overlay() == "idle-warning");
  write_shot(k, "idle-warning-kids");
  REQUIRE(uncovered_pixels(k, ui::kids_theme().background, dialog_box(k)) == 0);
  REQUIRE_FALSE(k.app->tree().find("Your feelings are okay"));
  REQUIRE(rec(*k.app).said.empty());  // speech is off: nothing at all is said
}
