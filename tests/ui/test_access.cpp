// Accessibility on the real app: speech of the focused item and of the whole
// screen in the visitor's language, Touch and Hear, the idle warning spoken
// and held back while speech plays, large text that reflows without clipping,
// contrast of every text colour pair, and text size in millimetres.
#include <catch2/catch.hpp>

#include <algorithm>

#include <SDL.h>
#include <fstream>

#include "app/config.h"
#include "headless.h"
#include "ui/theme.h"

using namespace test;

namespace {
platform::RecordedSpeech& rec(app::App& app) { return dynamic_cast<platform::RecordedSpeech&>(app.speech()); }

void open_accessibility_and(Headless& k, const char* toggle) {
  tap(*k.app, "Accessibility");
  tap(*k.app, toggle);
  activate(k, "Close");  // with large text the dialog may need scrolling to show it
}
}  // namespace

TEST_CASE("speech says the focused item, in the visitor's language, and stops on reset", "[ui][access][speech]") {
  Headless k(1920, 1080, real_db());
  k.start();
  auto& said = rec(*k.app).said;
  REQUIRE(said.empty());  // a visitor who touched to start hears nothing
  REQUIRE_FALSE(k.app->session().prefs.speech);
  // the first key on home turns speech on (EZ Access) and says so, then
  // does its work: focus moves, and the item is said after the introduction
  k.key(platform::Key::Tab);
  REQUIRE(k.app->session().prefs.speech);
  REQUIRE(said.size() == 1);
  REQUIRE(said[0].text.rfind("Audio is on. Press Up or Down to move", 0) == 0);
  REQUIRE(said[0].text.find("6 choices: Questions, Offices") != std::string::npos);
  REQUIRE(said[0].text.substr(said[0].text.size() - 38) == "Questions. Answers about child support");
  k.key(platform::Key::ShiftTab);  // back to where the test began: nothing focused before Questions
  said.clear();
  k.key(platform::Key::Tab);
  REQUIRE(said.size() == 1);
  REQUIRE(said[0].text == "Questions. Answers about child support");  // label and second line
  REQUIRE(said[0].locale == "en");
  REQUIRE(said[0].volume == 60);
  k.key(platform::Key::Tab);
  REQUIRE(said.back().text.rfind("Offices", 0) == 0);
  // the voice follows the language
  tap(*k.app, "Language · Español");
  tap(*k.app, "Español");
  said.clear();
  k.key(platform::Key::Tab);
  REQUIRE_FALSE(said.empty());
  REQUIRE(said.back().locale == "es");
  REQUIRE(said.back().text.rfind("Preguntas", 0) == 0);
  // louder, and the new level is said
  tap(*k.app, "Accesibilidad");
  tap(*k.app, "Más alto");
  REQUIRE(k.app->session().prefs.volume == 80);
  REQUIRE(said.back().text == "Volumen 80%");
  REQUIRE(said.back().volume == 80);
  tap(*k.app, "Cerrar");
  // the next visitor starts silent, at the normal volume
  const int stops = rec(*k.app).stops;
  tap(*k.app, "Empezar de nuevo");
  REQUIRE(rec(*k.app).stops > stops);
  REQUIRE_FALSE(k.app->session().prefs.speech);
  REQUIRE(k.app->session().prefs.volume == 60);
}

TEST_CASE("Read aloud says the whole screen in reading order, without the bar", "[ui][access][speech]") {
  Headless k(1080, 1920, real_db());
  k.start();
  tap(*k.app, "Call or visit");
  auto& said = rec(*k.app).said;
  tap(*k.app, "Read aloud");  // works with speech off: it is an explicit request
  REQUIRE(said.size() == 1);
  const std::string& t = said[0].text;
  REQUIRE(t.rfind("Call or visit", 0) == 0);
  size_t center = t.find("Child Support Call Center"), number = t.find("1-800-228-KIDS (5437)");
  REQUIRE(center != std::string::npos);
  REQUIRE(number > center);
  REQUIRE(t.find("Start over") == std::string::npos);
}

TEST_CASE("Touch and Hear: a touch reads, a second touch or Enter chooses", "[ui][access][speech]") {
  Headless k(1920, 1080, real_db());
  k.start();
  open_accessibility_and(k, "Touch and Hear");
  REQUIRE(k.app->session().prefs.touch_hear);
  REQUIRE(k.app->session().prefs.speech);
  auto& said = rec(*k.app).said;
  said.clear();
  tap(*k.app, "Offices");
  REQUIRE(k.app->screen() == "home");  // not opened
  REQUIRE(said.back().text == "Offices. Addresses and phone numbers");
  // text that is not a button is read too
  tap(*k.app, "How can we help you today?");
  REQUIRE(said.back().text == "How can we help you today?");
  // the same item touched twice quickly opens it
  tap(*k.app, "Offices");
  k.clock.advance(200);
  tap(*k.app, "Offices");
  REQUIRE(k.app->screen() == "offices");
  // Enter chooses what the finger found
  k.key(platform::Key::Home);
  tap(*k.app, "Search");
  REQUIRE(k.app->screen() == "home");
  k.key(platform::Key::Enter);
  REQUIRE(k.app->screen() == "search");
}

TEST_CASE("the idle warning is spoken, waits while speech plays, and time can be added again and again", "[ui][access][idle]") {
  Headless k(1920, 1080, real_db());
  k.start();
  open_accessibility_and(k, "Speak what I select");
  auto& sp = rec(*k.app);
  // while speech plays, no warning however long it takes
  sp.busy_for_tests = true;
  for (int i = 0; i < 30; ++i) { k.clock.advance(10'000); settle(*k.app); }
  REQUIRE(k.app->overlay().empty());
  sp.busy_for_tests = false;
  k.clock.advance(91'000);
  settle(*k.app);
  REQUIRE(k.app->overlay() == "idle-warning");
  // the warning is said (then the focused "Yes, more time")
  REQUIRE(std::any_of(sp.said.begin(), sp.said.end(), [](const auto& u) {
    return u.text.rfind("Do you need more time?", 0) == 0 && u.text.find("30") != std::string::npos;
  }));
  for (int round = 0; round < 3; ++round) {
    tap(*k.app, "Yes, more time");
    REQUIRE(k.app->overlay().empty());
    k.clock.advance(91'000);
    settle(*k.app);
    REQUIRE(k.app->overlay() == "idle-warning");
  }
}

TEST_CASE("large text is 1.5x and every screen reflows: no label is cut off at the side", "[ui][access][large]") {
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Headless k(w, h, real_db());
    k.start();
    const float em_normal = k.app->tree().find("How can we help you today?")->rect.h;
    open_accessibility_and(k, "Larger text");
    REQUIRE(k.app->session().prefs.large_text);
    const float em_large = k.app->tree().find("How can we help you today?")->rect.h;
    REQUIRE(em_large >= em_normal * 1.45f);
    // every place of the first two levels, and one of each deeper kind
    const std::vector<std::vector<std::string>> walks = {
        {}, {"Questions"}, {"Questions", "A parent in prison"}, {"Questions", "A parent in prison", "What happens to a child support order if a parent is in prison?"},
        {"Offices"}, {"Offices", "Bridgeport"}, {"Offices", "Which office handles my case?"},
        {"Step-by-step guides"}, {"Step-by-step guides", "Apply for child support services"},
        {"Kids' corner"}, {"Kids' corner", "Your feelings are okay"}, {"Search"}, {"Call or visit"}};
    for (const auto& walk : walks) {
      k.key(platform::Key::Home);
      for (const auto& label : walk) activate(k, label);
      for (const auto& n : k.app->tree().nodes()) {
        INFO(w << "x" << h << " " << k.app->screen() << ": \"" << n.label << "\" at x " << n.rect.x << " w " << n.rect.w
                << ", window " << n.clip.x << ".." << n.clip.x + n.clip.w);
        REQUIRE(n.rect.x >= n.clip.x - 1);
        REQUIRE(n.rect.x + n.rect.w <= n.clip.x + n.clip.w + 1);
        // the bar and the keyboard never scroll: all of them is in view
        if (n.region == "nav" || n.region == "keys") {
          REQUIRE(n.rect.y >= n.clip.y - 1);
          REQUIRE(n.rect.y + n.rect.h <= n.clip.y + n.clip.h + 1);
        }
      }
    }
  }
}

TEST_CASE("text colours meet WCAG: 4.5:1 in the calm and kids' themes, 7:1 in high contrast", "[ui][access][contrast]") {
  // every part of the screen in every state, from the same table ui.cpp draws with
  struct T { const char* name; const ui::Theme& theme; double min; };
  size_t pairs = 0;
  for (const T& t : {T{"calm", ui::theme(false), 4.5}, T{"kids", ui::kids_theme(), 4.5}, T{"high contrast", ui::theme(true), 7.0}})
    for (const auto& p : ui::text_pairs(t.theme)) {
      const double need = p.text ? t.min : 3.0;  // words; else a graphic or the focus ring (WCAG 1.4.11)
      INFO(t.name << ": " << p.name << " is " << ui::contrast_ratio(p.fg, p.bg) << ":1, needs " << need << ":1");
      CHECK(ui::contrast_ratio(p.fg, p.bg) >= need);
      ++pairs;
    }
  // each part, each state: words and second line at least
  REQUIRE(pairs >= 3 * std::size(ui::kParts) * std::size(ui::kStates) * 2);
  REQUIRE(ui::contrast_ratio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
  // what a pressed bar button shows in high contrast (it was yellow on dark yellow, 1.96:1)
  const ui::Look pressed = ui::look(ui::theme(true), ui::Part::Bar, ui::State::Pressed);
  REQUIRE(ui::contrast_ratio(pressed.text, pressed.fill) >= 7.0);
  // a finger on anything that can be pressed changes its face at once, in every theme
  using P = ui::Part;
  for (const ui::Theme* th : {&ui::theme(false), &ui::kids_theme(), &ui::theme(true)})
    for (P p : {P::Button, P::Primary, P::Danger, P::Bar, P::Key, P::Tile, P::Row, P::Chip, P::Checkbox, P::Toggle}) {
      INFO(ui::name(p) << " pressed");
      CHECK(ui::look(*th, p, ui::State::Pressed).fill != ui::look(*th, p, ui::State::Normal).fill);
    }
}

TEST_CASE("body text is at least 4.8 mm tall (capital letters) at the configured DPI", "[ui][access][size]") {
  Headless k(1920, 1080, real_db());
  k.start();
  // the cap height of the body font, in pixels, from the glyph of "H"
  ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
  const ImFontGlyph* g = body->FindGlyph('H');
  REQUIRE(g);
  const float cap_px = g->Y1 - g->Y0;
  const float mm = cap_px / 92.0f * 25.4f;
  INFO("cap height " << cap_px << " px = " << mm << " mm at 92 DPI");
  REQUIRE(mm >= 4.8f);
}

TEST_CASE("keys only: a keypad's keys come from the config", "[ui][access][keys]") {
  Tmp tmp;
  const std::string path = (tmp.dir / "keys.toml").string();
  std::ofstream(path) << "[keys]\ndown = [\"PageDown\"]\nenter = [\"Space\"]\nback = [\"No Such Key\"]\n";
  std::vector<std::string> warnings;
  auto s = app::load_settings(path, &warnings);
  REQUIRE(warnings.empty());
  REQUIRE(s.extra_keys.size() == 3);
  auto bad = platform::add_key_bindings(s.extra_keys);
  REQUIRE(bad == std::vector<std::string>{"No Such Key = back"});
  auto press = [](SDL_Keycode code) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = code;
    auto ev = platform::translate(e);
    return ev ? ev->key : platform::Key::None;
  };
  REQUIRE(press(SDLK_PAGEDOWN) == platform::Key::Down);
  REQUIRE(press(SDLK_SPACE) == platform::Key::Enter);
  REQUIRE(press(SDLK_KP_8) == platform::Key::Up);      // the numeric keypad is built in
  REQUIRE(press(SDLK_KP_0) == platform::Key::Escape);
  REQUIRE(press(SDLK_KP_PERIOD) == platform::Key::Help);
}

TEST_CASE("keys only: one kiosk's [keys] do not follow into the next one started", "[ui][access][keys]") {
  auto press = [](SDL_Keycode code) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = code;
    auto ev = platform::translate(e);
    return ev ? ev->key : platform::Key::None;
  };
  // a site whose keypad sends Return for "down" and Space for "back"
  REQUIRE(platform::add_key_bindings({{"Return", "down"}, {"Space", "back"}}).empty());
  REQUIRE(press(SDLK_RETURN) == platform::Key::Down);
  Headless k(1920, 1080, real_db());
  REQUIRE(press(SDLK_RETURN) == platform::Key::Enter);  // Enter chooses again
  REQUIRE(press(SDLK_SPACE) == platform::Key::None);
}

// The next two run in this order in one process (ctest key_bindings_per_kiosk):
// the first leaves a site's keys behind, the second must not see them.
namespace {
platform::Key pressed(SDL_Keycode code) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = code;
  auto ev = platform::translate(e);
  return ev ? ev->key : platform::Key::None;
}
}  // namespace

TEST_CASE("keys only: a site whose keypad sends Return for down moves focus with it", "[ui][access][keys][keys-per-kiosk]") {
  Headless k(1920, 1080, real_db());
  REQUIRE(platform::add_key_bindings({{"Return", "down"}}).empty());
  REQUIRE(pressed(SDLK_RETURN) == platform::Key::Down);
  // and it is left bound when this case ends
}

TEST_CASE("keys only: the next kiosk started has Return choosing again", "[ui][access][keys][keys-per-kiosk]") {
  Headless k(1920, 1080, real_db());
  REQUIRE(pressed(SDLK_RETURN) == platform::Key::Enter);
}
