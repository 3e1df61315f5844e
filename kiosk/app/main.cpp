// kiosk: the lobby kiosk. Fullscreen on a display, or --headless with a script.
#include <chrono>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <sys/stat.h>

#include <imgui.h>

#include "app/app.h"
#include "app/benchmark.h"
#include "app/loop.h"
#include "app/config.h"
#include "app/headless.h"
#include "app/soak.h"
#include "app/script.h"
#include "i18n/catalog.h"
#include "platform/clock.h"
#include "platform/video.h"
#include "tools/cli.h"

using namespace kiosk;

namespace {
constexpr const char* kUsage = R"(kiosk: the child-support lobby kiosk

  kiosk [--config FILE] [--windowed] [--db FILE] [--trace FILE]
  kiosk --headless --script FILE --out DIR [--size WxH] [--config FILE] [--db FILE] [--speech espeak]
  kiosk --headless --benchmark [--size WxH] [--idle-seconds N]
  kiosk --headless --soak STEPS [--seed N]
  kiosk [--config FILE] --setting SECTION.KEY

--config FILE   settings (default: none, built-in defaults; see kiosk.toml)
--windowed      a window instead of fullscreen, for trying it on a desktop
--db FILE       content database (overrides the config file)
--setting SECTION.KEY  print the value the kiosk would use for one setting
                (e.g. monitoring.textfile; "" when it is not set) and exit
--trace FILE    on a display: a JSON line per frame drawn (time, screen,
                pointer, every visible widget), for real-window tests
--headless      no display: SDL's dummy driver and software renderer
--script FILE   steps to run headless (README.md, "Headless scripts")
--out DIR       where screenshots and trace.jsonl go
--size WxH      headless screen size (default 1920x1080)
--speech MODE   headless speech: "record" (the default: kept, not heard) or
                "espeak" (played through ALSA; waits for the last words)
--benchmark     print start-to-first-frame time, peak RSS and idle CPU
--idle-seconds N  benchmark: seconds idle on each screen (1-3600, default 10)
--soak STEPS    random taps, drags, keys, typing, languages and clock jumps
                (seeded); fails if memory grows 5 MB after the first tenth
--seed N        soak: the random seed (a whole number, default 1)

Options of headless runs need --headless; an unknown or misspelled option is
an error. A script is a regular file of at most 1 MB.
)";

// The most a script may hold: the longest journey is a few kilobytes.
constexpr std::uintmax_t kMaxScriptBytes = 1 << 20;

// A script: a regular file (not a FIFO or /dev/zero) of at most kMaxScriptBytes. Its text, or why not.
util::Result<std::string> read_script(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {"", "cannot read script " + path + ": " + std::strerror(errno)};
  if (!S_ISREG(st.st_mode)) return {"", "script " + path + " is not a regular file"};
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxScriptBytes)
    return {"", "script " + path + " is " + std::to_string(st.st_size) + " bytes; a script may have at most " +
                    std::to_string(kMaxScriptBytes)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {"", "cannot read script " + path};
  std::string text(kMaxScriptBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxScriptBytes) return {"", "script " + path + " grew past " + std::to_string(kMaxScriptBytes) + " bytes"};
  return {std::move(text), ""};
}

// --size WIDTHxHEIGHT, each from 320 to 8192 pixels.
CLI::Validator screen_size() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        int w = 0, h = 0;
        char end = 0;
        if (s.find_first_not_of("0123456789x") != std::string::npos || std::sscanf(s.c_str(), "%5dx%5d%c", &w, &h, &end) != 2)
          return "'" + s + "' is not WIDTHxHEIGHT, e.g. 1080x1920";
        if (w < 320 || h < 320 || w > 8192 || h > 8192) return s + ": each side from 320 to 8192 pixels";
        return "";
      },
      "");
}

}  // namespace

int main(int argc, char** argv) {
  auto t_start = std::chrono::steady_clock::now();
  i18n::init_icu_defaults();
  std::string speech_mode = "record";
  std::string config, script, out, db, trace_file, setting;
  bool headless = false, windowed = false, benchmark = false;
  int64_t soak_steps = 0;
  uint64_t soak_seed = 1;
  int w = 1920, h = 1080, idle_seconds = 10;
  std::string size = "1920x1080";
  bool help = false;
  CLI::App cli{"kiosk: the child-support lobby kiosk", "kiosk"};
  cli.set_help_flag();  // --help prints kUsage
  cli.add_flag("-h,--help", help, "this text");
  cli.add_option("--config", config, "settings")->type_name("FILE")->check(cli::readable_file());
  cli.add_option("--db", db, "content database")->type_name("FILE")->check(cli::readable_file());
  auto* o_setting = cli.add_option("--setting", setting, "print a setting's value")->type_name("SECTION.KEY");
  auto* o_headless = cli.add_flag("--headless", headless, "no display");
  cli.add_flag("--windowed", windowed, "a window, not fullscreen")->excludes(o_headless);
  cli.add_option("--trace", trace_file, "a JSON line per frame drawn")->type_name("FILE")->excludes(o_headless);
  auto* o_script = cli.add_option("--script", script, "steps to run")->type_name("FILE")->needs(o_headless);
  cli.add_option("--out", out, "screenshots and trace.jsonl")->type_name("DIR")->needs(o_script);
  cli.add_option("--size", size, "headless screen size")->type_name("WxH")->check(screen_size())->needs(o_headless);
  cli.add_option("--speech", speech_mode, "headless speech")->type_name("MODE")->check(CLI::IsMember({"record", "espeak"}))->needs(o_script);
  auto* o_bench = cli.add_flag("--benchmark", benchmark, "start, memory and idle figures")->needs(o_headless)->excludes(o_script);
  cli.add_option("--idle-seconds", idle_seconds, "benchmark idle time")->type_name("N")->check(cli::whole_number(1, 3600))->needs(o_bench);
  auto* o_soak = cli.add_option("--soak", soak_steps, "random steps")->type_name("STEPS")->check(cli::whole_number(1, 100'000'000))
                     ->needs(o_headless)->excludes(o_script)->excludes(o_bench);
  cli.add_option("--seed", soak_seed, "the soak's seed")->type_name("N")
      ->check(CLI::Validator(
          [](std::string& v) { return v.empty() || v.find_first_not_of("0123456789") != std::string::npos ? "'" + v + "' is not a whole number" : std::string(); },
          ""))
      ->needs(o_soak);
  if (int rc = cli::parse(cli, argc, argv, "kiosk"); rc >= 0) return rc;
  if (help) { std::fputs(kUsage, stdout); return 0; }
  std::sscanf(size.c_str(), "%dx%d", &w, &h);

  std::vector<std::string> warnings;
  app::Settings settings = app::load_settings(config, &warnings);
  for (const auto& wmsg : warnings) std::fprintf(stderr, "kiosk: %s\n", wmsg.c_str());
  for (const auto& bad : platform::add_key_bindings(settings.extra_keys))
    std::fprintf(stderr, "kiosk: %s: [keys] %s is not a key SDL knows or not an action; ignored\n", config.c_str(), bad.c_str());
  if (!db.empty()) settings.database = db;
  if (windowed) settings.fullscreen = false;
  if (*o_setting) {  // what the kiosk would use, for scripts (kiosk.service's ExecStartPre)
    auto value = app::setting_text(settings, setting);
    if (!value) { std::fprintf(stderr, "kiosk: --setting %s: there is no such setting (kiosk.toml lists them)\n", setting.c_str()); return 2; }
    std::printf("%s\n", value->c_str());
    return 0;
  }

  if (!headless) {
    auto window = platform::Video::open_window(settings.fullscreen, settings.window_width, settings.window_height);
    if (!window.ok()) {
      std::fprintf(stderr, "kiosk: no display found (%s). To run without a screen use: kiosk --headless --script FILE --out DIR\n",
                   window.why.c_str());
      return 2;
    }
    auto video = std::move(window.value);
    platform::SteadyClock clock;
    // Speech through espeak-ng; without it (no audio device) the kiosk still
    // runs, and says so once.
    auto espeak = platform::open_espeak();
    std::unique_ptr<platform::Speech> speech = std::move(espeak.value);
    if (!speech) {
      std::fprintf(stderr, "kiosk: speech is off: %s\n", espeak.why.c_str());
      speech = std::make_unique<platform::NoSpeech>(espeak.why);  // the app offers no speech controls
    }
    app::App app(settings, clock, *video, speech.get());
    std::ofstream trace;
    if (!trace_file.empty()) {
      trace.open(trace_file);
      if (!trace) { std::fprintf(stderr, "kiosk: cannot write the trace %s\n", trace_file.c_str()); return 2; }
    }
    return app::run_event_loop(app, clock, 0, false, trace_file.empty() ? nullptr : &trace);
  }

  auto headless_video = platform::Video::open_headless(w, h);
  if (!headless_video.ok()) {
    std::fprintf(stderr, "kiosk: cannot start the headless renderer: %s\n", headless_video.why.c_str());
    return 1;
  }
  auto video = std::move(headless_video.value);
  if (soak_steps > 0) {
    video->set_lazy(true);
    platform::ManualClock clock;
    app::App app(settings, clock, *video);
    auto t0 = std::chrono::steady_clock::now();
    auto r = app::run_soak(app, clock, soak_steps, soak_seed);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("soak_steps %lld seed %llu screens_seen %d rss_kb_at_tenth %ld rss_kb_at_end %ld growth_kb %ld seconds %.0f %s\n",
                static_cast<long long>(r.steps), static_cast<unsigned long long>(soak_seed), r.screens_seen, r.rss_kb_at_tenth,
                r.rss_kb_at_end, r.rss_kb_at_end - r.rss_kb_at_tenth, secs, r.ok ? "ok" : "MEMORY GREW");
    return r.ok ? 0 : 1;
  }
  if (benchmark) return app::run_benchmark(settings, *video, t_start, idle_seconds);
  if (script.empty() || out.empty()) {
    std::fprintf(stderr, "kiosk: --headless needs --script FILE and --out DIR (or --benchmark)\n");
    return 2;
  }
  const auto script_text = read_script(script);
  if (!script_text.ok()) {
    std::fprintf(stderr, "kiosk: %s\n", script_text.why.c_str());
    return 2;
  }
  std::vector<std::string> errors;
  auto steps = app::parse_script(script_text.value, script, &errors);
  if (!errors.empty()) {
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    return 2;
  }
  platform::ManualClock clock;
  std::unique_ptr<platform::Speech> speech;  // null: the app records what it would say
  if (speech_mode == "espeak") {
    auto espeak = platform::open_espeak();
    speech = std::move(espeak.value);
    if (!speech) {
      std::fprintf(stderr, "kiosk: speech is off: %s\n", espeak.why.c_str());
      speech = std::make_unique<platform::NoSpeech>(espeak.why);
    }
  }
  app::App app(settings, clock, *video, speech.get());
  video->set_lazy(true);  // pixels only for screenshots
  int code = app::run_script(app, clock, *video, steps, script, out);
  if (speech) platform::wait_until_said(*speech, 60'000);  // the script's last words are heard to the end
  return code;
}
