#include "app/loop.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>
#include <thread>
#include <SDL.h>

#include "platform/input.h"
#include "platform/watchdog.h"

namespace kiosk::app {

std::string json_str(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"') o += "\\\"";
    else if (c == '\\') o += "\\\\";
    else if (c == '\n') o += "\\n";
    else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); o += b; }
    else o += static_cast<char>(c);
  }
  return o + "\"";
}


std::string screen_json(const App& app, bool with_pointer) {
  // a live trace names the screen whose widgets it lists; a script's trace the
  // screen the step led to
  std::string o = "{\"screen\":" + json_str(with_pointer ? app.drawn_screen() : app.screen()) +
                  ",\"overlay\":" + json_str(app.overlay()) +
                  ",\"locale\":" + json_str(app.session().prefs.locale);
  if (with_pointer) {
    char p[96];
    std::snprintf(p, sizeof p, ",\"pointer\":[%.0f,%.0f,%d]", app.pointer_x(), app.pointer_y(), app.pointer_down() ? 1 : 0);
    o += p;
  }
  o += ",\"labels\":[";
  bool first = true;
  for (const auto& n : app.tree().nodes()) {
    if (!n.visible()) continue;
    char r[96];
    std::snprintf(r, sizeof r, "[%d,%d,%d,%d]", static_cast<int>(n.rect.x), static_cast<int>(n.rect.y),
                  static_cast<int>(n.rect.w), static_cast<int>(n.rect.h));
    o += std::string(first ? "" : ",") + "{\"label\":" + json_str(n.label) + ",\"role\":\"" + ui::role_name(n.role) +
         "\",\"rect\":" + r + (n.focused ? ",\"focused\":true" : "") + (n.selected ? ",\"selected\":true" : "") + "}";
    first = false;
  }
  return o + "]}";
}

int run_event_loop(App& app, platform::Clock& clock, int64_t max_ms, bool headless, std::ostream* trace) {
  const int64_t start = clock.now_ms();
  SDL_Event e;
  platform::Translator translate;
  // systemd: ready once a frame is up; then the loop itself is the watchdog's
  // heartbeat, so a frozen kiosk stops pinging and is restarted
  platform::Watchdog watchdog;
  bool told_ready = false;
  while (!app.quit_requested()) {
    if (max_ms > 0 && clock.now_ms() - start >= max_ms) break;
    int64_t wait = app.wants_frame() ? 0 : app.ms_to_next_wake();
    if (watchdog.interval_ms() > 0) wait = wait < 0 ? watchdog.interval_ms() : std::min(wait, watchdog.interval_ms());
    if (max_ms > 0) {
      int64_t left = max_ms - (clock.now_ms() - start);
      wait = wait < 0 ? left : std::min(wait, left);
    }
    int got = 0;
    if (headless) {
      // SDL's dummy driver cannot block: its SDL_WaitEventTimeout polls every
      // millisecond. Headless has no input but scripts, so a plain sleep is
      // the honest equivalent of blocking.
      if (wait != 0) std::this_thread::sleep_for(std::chrono::milliseconds(wait < 0 ? 1000 : wait));
    } else {
      got = wait < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, static_cast<int>(std::max<int64_t>(wait, 0)));
    }
    // everything queued is taken before the frame (the app folds moves together)
    while (got) {
      if (auto ev = translate(e)) app.handle(*ev);
      got = SDL_PollEvent(&e);
    }
    app.tick();
    if (app.wants_frame()) {
      app.frame();
      if (trace) {
        // a line per frame drawn (frames are drawn only when something
        // happens), stamped with the monotonic clock (CLOCK_MONOTONIC, as an
        // outside test process reads it)
        double t = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
        char stamp[64];
        std::snprintf(stamp, sizeof stamp, "{\"t\":%.4f,\"frame\":%d,", t, app.frames_drawn());
        *trace << stamp << screen_json(app, true).substr(1) << "\n" << std::flush;
      }
    }
    if (!told_ready && app.frames_drawn() > 0) {
      watchdog.ready();
      told_ready = true;
    }
    watchdog.ping(clock.now_ms());
  }
  return app.exit_code();
}

}  // namespace kiosk::app
