#include "app/benchmark.h"

#include <cstdio>
#include <functional>
#include <string>
#include <sys/resource.h>

#include <imgui.h>

#include "app/app.h"
#include "app/loop.h"
#include "platform/clock.h"

namespace kiosk::app {

namespace {
double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}
long peak_rss_kb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}
}  // namespace

int run_benchmark(const Settings& settings, platform::Video& video, std::chrono::steady_clock::time_point started,
                  int idle_seconds) {
  platform::SteadyClock clock;
  app::App app(settings, clock, video);
  app.tick();
  app.frame();
  double first_frame = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  while (app.wants_frame()) { app.tick(); app.frame(); }
  std::printf("start_to_first_frame_ms %.1f\n", first_frame * 1000);
  // Idle on the attract screen (it changes language every few seconds),
  // then on the home screen (nothing moves until the idle warning).
  for (const session::ScreenId where : {session::ScreenId::Attract, session::ScreenId::Home}) {
    if (where == session::ScreenId::Home) {
      app.handle({platform::InputEvent::Type::PointerDown, 10, 10});
      app.handle({platform::InputEvent::Type::PointerUp, 10, 10});
      while (app.wants_frame()) { app.tick(); app.frame(); }
    }
    int frames_before = app.frames_drawn();
    double cpu0 = cpu_seconds();
    auto w0 = std::chrono::steady_clock::now();
    run_event_loop(app, clock, idle_seconds * 1000LL, true);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    double cpu = cpu_seconds() - cpu0;
    std::printf("idle_%s_seconds %.1f cpu_percent_of_one_core %.3f frames_drawn %d\n", session::screen_name(where), wall,
                100.0 * cpu / wall, app.frames_drawn() - frames_before);
  }
  // Frame CPU time, pixels drawn (software renderer): the home screen, then
  // the offices list while a finger drags it up and down.
  auto frames_cpu_ms = [&](int n, const std::function<void(int)>& each) {
    double c0 = cpu_seconds();
    for (int i = 0; i < n; ++i) {
      each(i);
      app.frame();
    }
    return 1000.0 * (cpu_seconds() - c0) / n;
  };
  std::printf("frame_cpu_ms_home %.2f\n", frames_cpu_ms(200, [](int) {}));
  // in whichever language the attract screen showed when touched
  const auto* offices = app.tree().find(app.catalog().format(app.session().prefs.locale, "home.tile.offices"));
  if (offices) {
    app.handle({platform::InputEvent::Type::PointerDown, offices->rect.cx(), offices->rect.cy()});
    app.handle({platform::InputEvent::Type::PointerUp, offices->rect.cx(), offices->rect.cy()});
    while (app.wants_frame()) { app.tick(); app.frame(); }
    const float x = 400, y0 = static_cast<float>(video.height()) * 0.7f;
    app.handle({platform::InputEvent::Type::PointerDown, x, y0});
    double ms = frames_cpu_ms(200, [&](int i) {
      float y = y0 - static_cast<float>((i % 50 < 25 ? i % 25 : 25 - i % 25) * 16);
      app.handle({platform::InputEvent::Type::PointerMove, x, y});
    });
    app.handle({platform::InputEvent::Type::PointerUp, x, y0});
    std::printf("frame_cpu_ms_scrolling_list %.2f\n", ms);
  }
  // Each language in turn, as a visitor picks it: the frame that shows it
  // builds that language's atlas. The largest is the figure that counts.
  const ImGuiIO& io = ImGui::GetIO();
  double largest_mb = 0;
  std::string largest;
  for (const auto& loc : settings.locales) {
    app.ask(screens::intent::SetLocale{loc});
    const auto t0 = std::chrono::steady_clock::now();
    app.frame();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    while (app.wants_frame()) { app.tick(); app.frame(); }
    const double mb = io.Fonts->TexWidth * io.Fonts->TexHeight * 4 / 1048576.0;
    std::printf("language %s first_frame_ms %.1f font_atlas %dx%d rgba32_mb %.1f\n", loc.c_str(), ms, io.Fonts->TexWidth,
                io.Fonts->TexHeight, mb);
    if (mb > largest_mb) largest_mb = mb, largest = loc;
  }
  std::printf("font_atlas_largest %s rgba32_mb %.1f glyph_ranges_fonts %d\n", largest.c_str(), largest_mb, io.Fonts->Fonts.Size);
  std::printf("peak_rss_mb %.1f\n", static_cast<double>(peak_rss_kb()) / 1024.0);
  return 0;
}

}  // namespace kiosk::app
