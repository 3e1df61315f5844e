#include "app/soak.h"

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <string>

namespace kiosk::app {

namespace {
// Resident memory now (not the peak), from /proc.
long rss_kb() {
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return resident * 4;
}

void settle(App& app) {
  app.tick();
  for (int i = 0; i < 40 && (i < 2 || app.wants_frame()); ++i) {
    app.frame();
    app.tick();
  }
}
}  // namespace

SoakResult run_soak(App& app, platform::ManualClock& clock, int64_t steps, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  const float w = 1920, h = 1080;
  using T = platform::InputEvent::Type;
  using K = platform::Key;
  static const K keys[] = {K::Up, K::Down, K::Left, K::Right, K::Enter, K::Escape, K::Tab, K::ShiftTab,
                           K::Backspace, K::Help, K::Home};
  static const char* typed[] = {"a", "e", "ñ", "á", " ", "prison", "12345", "x", "oficina", "日本", "\"", "*"};
  SoakResult r;
  std::set<std::string> screens;
  // the baseline: a tenth of the run, but not before the first 2,000 steps,
  // while caches, fonts of both sizes and both languages' content warm up
  const int64_t baseline = std::min(steps - 1, std::max<int64_t>(steps / 10, 2000));
  for (int64_t i = 0; i < steps; ++i) {
    const int what = pick(100);
    if (what < 45) {  // a tap, most often on something the screen shows
      const auto& nodes = app.tree().nodes();
      float x = static_cast<float>(pick(static_cast<int>(w))), y = static_cast<float>(pick(static_cast<int>(h)));
      if (!nodes.empty() && pick(4) != 0) {
        const auto& n = nodes[static_cast<size_t>(pick(static_cast<int>(nodes.size())))];
        x = n.rect.cx();
        y = n.rect.cy();
      }
      app.handle({T::PointerDown, x, y});
      app.handle({T::PointerUp, x, y});
    } else if (what < 60) {  // a drag or a flick
      float x = static_cast<float>(pick(1900)), y = static_cast<float>(pick(1000)), dy = static_cast<float>(pick(900) - 450);
      app.handle({T::PointerDown, x, y});
      for (int s = 1; s <= 4; ++s) {
        clock.advance(pick(60));
        app.handle({T::PointerMove, x, y + dy * static_cast<float>(s) / 4});
        app.frame();
      }
      app.handle({T::PointerUp, x, y + dy});
    } else if (what < 85) {  // keys
      app.handle({T::Key, 0, 0, keys[pick(static_cast<int>(std::size(keys)))]});
    } else if (what < 92) {  // typing
      platform::InputEvent ev{T::Text};
      ev.text = typed[pick(static_cast<int>(std::size(typed)))];
      app.handle(ev);
    } else if (what < 97) {  // time passes: a little, or past the idle warning and reset
      clock.advance(pick(3) == 0 ? 60'000 + pick(90'000) : pick(5'000));
    } else {  // the language button and a language
      const auto* lang = app.tree().find("Language");
      if (!lang) lang = app.tree().find("Idioma");
      if (lang) {
        app.handle({T::PointerDown, lang->rect.cx(), lang->rect.cy()});
        app.handle({T::PointerUp, lang->rect.cx(), lang->rect.cy()});
      }
    }
    settle(app);
    screens.insert(app.screen());
    // memory is compared between visitors: after the idle reset, when a
    // visitor's large text (a bigger font atlas) is gone again
    auto between_visitors = [&] {
      clock.advance(10 * 60'000);
      settle(app);
      settle(app);
      return rss_kb();
    };
    if (i + 1 == baseline) r.rss_kb_at_tenth = between_visitors();
    if (std::getenv("KIOSK_SOAK_VERBOSE") && (i + 1) % 2000 == 0)
      std::fprintf(stderr, "step %lld rss_kb %ld\n", static_cast<long long>(i + 1), between_visitors());
  }
  r.steps = steps;
  clock.advance(10 * 60'000);
  settle(app);
  settle(app);
  r.rss_kb_at_end = rss_kb();
  r.screens_seen = static_cast<int>(screens.size());
  r.ok = steps < 10 || r.rss_kb_at_end - r.rss_kb_at_tenth < 5 * 1024;
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine (256 MB), so RSS says
  // nothing here; its leak checker judges memory at exit instead.
  r.ok = true;
#endif
  return r;
}

}  // namespace kiosk::app
