// Every screen size a lobby has: the real app headless at 1280x720, 1366x768,
// 1280x800, 1920x1080, 1080x1920 and 3840x2160 (dpi = "auto", as the
// journeys run: 92 DPI, and 184 at 4K), in English and Spanish, with normal
// and large text, over every kind of screen and dialog. Every word drawn must
// lie within the screen, its window and its widget, and no window may show a
// scrollbar.
#include <catch2/catch.hpp>

#include <imgui_internal.h>
#include <fstream>
#include <sstream>

#include "app/config.h"
#include "headless.h"

using namespace test;

namespace {
struct Size {
  int w, h;
};
constexpr Size kSizes[] = {{1280, 720}, {1366, 768}, {1280, 800}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

// What the screen shows now, checked; each problem is one line in *out.
void check(Headless& k, const Size& s, const std::string& where, std::vector<std::string>* out) {
  const ui::Rect screen{0, 0, static_cast<float>(s.w), static_cast<float>(s.h)};
  auto problem = [&](const ui::A11yNode& n, const char* what, const ui::Rect& box) {
    std::ostringstream o;
    o << s.w << "x" << s.h << " " << where << " (" << k.app->screen() << (k.app->overlay().empty() ? "" : "+" + k.app->overlay())
      << ", " << k.app->session().prefs.locale << (k.app->session().prefs.large_text ? ", large" : "") << "): \"" << n.label.substr(0, 60)
      << "\" words " << fmt(n.text) << " " << what << " " << fmt(box);
    out->push_back(o.str());
  };
  for (const auto& n : k.app->tree().nodes()) {
    if (n.text.w <= 0) continue;
    // a window that scrolls may hold words above or below its visible part
    if (!inside(n.text, screen, !n.scrolls)) problem(n, "outside the screen", screen);
    else if (!inside(n.text, n.clip, !n.scrolls)) problem(n, "outside its window", n.clip);
    else if (n.interactive() && !inside(n.text, n.rect, true)) problem(n, "outside its widget", n.rect);
  }
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (w->Active && (w->ScrollbarY || w->ScrollbarX)) out->push_back(std::to_string(s.w) + "x" + std::to_string(s.h) + " " + where +
                                                                      ": window " + w->Name + " shows a scrollbar");
}

void set_locale(Headless& k, const std::string& code) {
  if (k.app->session().prefs.locale == code) return;
  REQUIRE(activate_bar(k, code == "es" ? "Language" : "Idioma"));
  activate(k, code == "es" ? "Español" : "English");
  REQUIRE(k.app->session().prefs.locale == code);
}

void type(Headless& k, const std::string& text) {
  platform::InputEvent ev{platform::InputEvent::Type::Text};
  ev.text = text;
  k.input(ev);
}
}  // namespace

TEST_CASE("dpi = auto: the display's DPI, else 92, headless 92 per 1080 rows", "[ui][sizes][dpi]") {
  std::string note;
  REQUIRE(app::auto_dpi(138.0f, false, 3840, 2160, &note) == Approx(138.0f));
  REQUIRE(note.find("138") != std::string::npos);
  REQUIRE(app::auto_dpi(0, false, 1920, 1080, &note) == Approx(92.0f));
  REQUIRE(note.find("does not report") != std::string::npos);
  REQUIRE(app::auto_dpi(1200.0f, false, 1920, 1080, &note) == Approx(92.0f));  // a TV whose EDID has no size
  REQUIRE(app::auto_dpi(0, true, 1280, 720, &note) == Approx(92.0f));
  REQUIRE(app::auto_dpi(0, true, 1080, 1920, &note) == Approx(92.0f));
  REQUIRE(app::auto_dpi(0, true, 3840, 2160, &note) == Approx(184.0f));
  REQUIRE(note.find("headless") != std::string::npos);

  Tmp tmp;
  const std::string path = (tmp.dir / "dpi.toml").string();
  std::vector<std::string> warnings;
  std::ofstream(path) << "[display]\ndpi = \"auto\"\n";
  auto s = app::load_settings(path, &warnings);
  REQUIRE(warnings.empty());
  REQUIRE(s.display_dpi_auto);
  std::ofstream(path) << "[display]\ndpi = 138\n";
  s = app::load_settings(path, &warnings);
  REQUIRE((!s.display_dpi_auto && s.display_dpi == Approx(138.0f)));
  std::ofstream(path) << "[display]\ndpi = \"big\"\n";
  s = app::load_settings(path, &warnings);
  REQUIRE(warnings.size() == 1);
  REQUIRE(s.display_dpi == Approx(92.0f));

  // the app at 4K headless: twice the 1080p sizes
  auto heading_h = [](int w, int h) {  // one app at a time: each owns the ImGui context
    Headless k(w, h, real_db(), [](app::Settings& st) { st.display_dpi_auto = true; });
    k.start();
    return k.app->tree().find("How can we help you today?")->rect.h;
  };
  REQUIRE(heading_h(3840, 2160) == Approx(heading_h(1920, 1080) * 2).margin(2));
}

TEST_CASE("every size, both languages, both text sizes: no word outside its widget, window or screen, no scrollbar",
          "[ui][sizes]") {
  // places by the English labels that lead there; a lambda for what takes more than taps
  struct Place {
    std::vector<std::string> walk;
    std::string typed;
  };
  const std::vector<Place> places = {
      {{}, ""},
      {{"Questions"}, ""},
      {{"Questions", "A parent in prison"}, ""},
      {{"Questions", "A parent in prison", "What happens to a child support order if a parent is in prison?"}, ""},
      {{"Offices"}, ""},
      {{"Offices"}, "zz"},
      {{"Offices", "Bridgeport"}, ""},
      {{"Offices", "Which office handles my case?"}, ""},
      {{"Offices", "Which office handles my case?", "No, not yet"}, ""},
      {{"Offices", "Which office handles my case?", "Yes, I have an order", "Change my order (a review)"}, ""},
      {{"Step-by-step guides"}, ""},
      {{"Step-by-step guides", "Ask for a review of your order"}, ""},
      {{"Step-by-step guides", "Ask for a review of your order", "Start"}, ""},
      {{"Step-by-step guides", "Ask for a review of your order", "Start", "Next", "Next", "Next", "Next", "Where to go"}, ""},
      {{"Kids' corner"}, ""},
      {{"Kids' corner", "Your feelings are okay"}, ""},
      {{"Search"}, ""},
      {{"Search"}, "jail"},
      {{"Search"}, "qqqq"},
      {{"Call or visit"}, ""},
  };
  // the dialogs, opened from the bar in each language
  const std::vector<std::pair<std::string, std::string>> dialogs = {
      {"Language", "Idioma"}, {"Accessibility", "Accesibilidad"}, {"Help", "Ayuda"}};
  std::vector<std::string> problems;
  for (const Size& s : kSizes) {
    Headless k(s.w, s.h, real_db(), [](app::Settings& st) { st.display_dpi_auto = true; });
    // the attract screen, in each language it cycles through
    for (int i = 0; i < 2; ++i) {
      check(k, s, "attract " + std::to_string(i), &problems);
      k.clock.advance(3000);
      settle(*k.app);
    }
    k.start();
    for (bool large : {false, true}) {
      if (large) {
        REQUIRE(activate_bar(k, "Accessibility"));
        activate(k, "Larger text");
        activate(k, "Close");
        REQUIRE(k.app->session().prefs.large_text);
      }
      for (const auto& p : places) {
        k.key(platform::Key::Home);
        for (const auto& label : p.walk) activate(k, label);
        if (!p.typed.empty()) type(k, p.typed);
        std::string where;
        for (const auto& l : p.walk) where += (where.empty() ? "" : " > ") + l.substr(0, 24);
        if (!p.typed.empty()) where += " typed " + p.typed;
        if (where.empty()) where = "home";
        check(k, s, where, &problems);
        set_locale(k, "es");
        check(k, s, where, &problems);
        set_locale(k, "en");
      }
      k.key(platform::Key::Home);
      for (const char* loc : {"en", "es"}) {
        set_locale(k, loc);
        for (const auto& [en, es] : dialogs) {
          REQUIRE(activate_bar(k, std::string(loc) == "es" ? es : en));
          REQUIRE(!k.app->overlay().empty());
          check(k, s, "dialog " + en, &problems);
          k.key(platform::Key::Escape);
        }
        // the idle warning
        k.clock.advance(91'000);
        settle(*k.app);
        REQUIRE(k.app->overlay() == "idle-warning");
        check(k, s, "idle warning", &problems);
        k.key(platform::Key::Enter);  // "Yes, more time" has focus
        REQUIRE(k.app->overlay().empty());
      }
      set_locale(k, "en");
    }
  }
  std::string first;
  for (size_t i = 0; i < problems.size() && i < 60; ++i) first += problems[i] + "\n";
  INFO(problems.size() << " problems:\n" << first);
  CHECK(problems.empty());
}
