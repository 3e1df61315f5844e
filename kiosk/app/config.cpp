// TOML settings loader; every unknown key is reported, never silently ignored.
#include "app/config.h"

#include <algorithm>
#include <sstream>
#include <optional>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <toml++/toml.h>

#include "session/staff.h"

namespace kiosk::app {

namespace {
std::string relative_to_config(const std::string& config, const std::string& value) {
  std::filesystem::path p(value);
  return p.is_relative() ? (std::filesystem::path(config).parent_path() / p).lexically_normal().string() : value;
}
}  // namespace

session::Settings load_settings(const std::string& path, std::vector<std::string>* warnings) {
  session::Settings s;
  if (path.empty()) return s;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || !std::ifstream(path)) {
    if (warnings) warnings->push_back(path + ": cannot read this settings file (using default settings)");
    return s;
  }
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    if (warnings)
      warnings->push_back(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()) +
                          " (using default settings)");
    return s;
  }
  // A number within [lo, hi]: outside it is held to the nearest bound, and a
  // value that is no number (NaN, infinite, a string, true) keeps the
  // default; each said with file:line, so no setting can crash the kiosk.
  auto num = [&](const char* sec, const char* key, auto& dst, double lo, double hi) {
    auto node = t[sec][key];
    if (!node) return;
    const std::string where = path + ":" + std::to_string(node.node()->source().begin.line) + ": " + sec + "." + key;
    std::optional<double> v = node.value<double>();
    if (node.is_boolean() || node.is_string() || !v || !std::isfinite(*v)) {
      if (warnings && !(node.is_string() && std::string(sec) == "display" && std::string(key) == "dpi"))
        warnings->push_back(where + " is not a number (using " + std::to_string(dst) + ")");
      return;
    }
    const double held = std::clamp(*v, lo, hi);
    auto g = [](double x) { std::ostringstream o; o << x; return o.str(); };
    if (held != *v && warnings)
      warnings->push_back(where + " = " + g(*v) + " is outside " + g(lo) + " to " + g(hi) + " (using " + g(held) + ")");
    dst = static_cast<std::remove_reference_t<decltype(dst)>>(held);
  };
  if (auto v = t["display"]["dpi"].value<std::string>()) {
    if (*v == "auto") s.display_dpi_auto = true;
    else if (warnings)
      warnings->push_back(path + ":" + std::to_string(t["display"]["dpi"].node()->source().begin.line) +
                          ": display.dpi is a number or \"auto\", not \"" + *v + "\" (using " +
                          std::to_string(static_cast<int>(s.display_dpi)) + ")");
  }
  num("display", "dpi", s.display_dpi, 50, 400);
  num("display", "scale", s.scale_override, 0, 4);  // 0: from the DPI
  if (s.scale_override > 0 && s.scale_override < 0.5f) s.scale_override = 0.5f;
  if (auto v = t["display"]["fullscreen"].value<bool>()) s.fullscreen = *v;
  num("display", "window_width", s.window_width, 320, 7680);
  num("display", "window_height", s.window_height, 240, 4320);
  num("session", "idle_seconds", s.idle_seconds, 10, 3600);
  num("session", "warning_seconds", s.warning_seconds, 5, 600);
  num("session", "attract_cycle_seconds", s.attract_cycle_seconds, 1, 60);
  if (auto v = t["content"]["database"].value<std::string>()) {
    // relative to the config file's folder, so the kiosk can start from anywhere
    s.database = relative_to_config(path, *v);
  }
  if (auto* a = t["locales"]["enabled"].as_array()) {
    s.locales.clear();
    for (auto& e : *a)
      if (auto v = e.value<std::string>()) s.locales.push_back(*v);
  }
  if (auto v = t["locales"]["default"].value<std::string>()) s.default_locale = *v;
  if (auto v = t["fonts"]["family"].value<std::string>()) s.font_family = *v;

  static const std::map<std::string, std::set<std::string>> known = {
      {"display", {"dpi", "scale", "fullscreen", "window_width", "window_height"}},
      {"session", {"idle_seconds", "warning_seconds", "attract_cycle_seconds"}},
      {"content", {"database"}},
      {"locales", {"enabled", "default"}},
      {"keys", {"up", "down", "enter", "back", "help", "home"}},
      {"packs", {"public_key", "drop_folder", "url", "poll_minutes", "stale_days", "connect_timeout_seconds", "low_speed_bytes",
                 "low_speed_seconds"}},
      {"staff", {"pin_file", "max_attempts", "lockout_minutes"}},
      {"stats", {"file", "export_dir"}},
      {"fonts", {"family"}}};
  for (auto&& [sec, v] : t) {
    auto it = known.find(std::string(sec.str()));
    if (it == known.end()) {
      if (warnings) warnings->push_back(path + ":" + std::to_string(v.source().begin.line) + ": unknown section [" + std::string(sec.str()) + "]");
      continue;
    }
    if (auto* tab = v.as_table())
      for (auto&& [k, kv] : *tab)
        if (!it->second.count(std::string(k.str())) && warnings)
          warnings->push_back(path + ":" + std::to_string(kv.source().begin.line) + ": unknown setting " +
                              std::string(sec.str()) + "." + std::string(k.str()));
  }
  if (s.idle_seconds < 10) s.idle_seconds = 10;
  // file paths are relative to the config file, like content.database
  auto path_of = [&](const char* sec, const char* key, std::string& out) {
    if (auto v = t[sec][key].value<std::string>()) out = relative_to_config(path, *v);
  };
  path_of("packs", "public_key", s.pack_public_key);
  path_of("packs", "drop_folder", s.pack_drop_folder);
  if (auto v = t["packs"]["url"].value<std::string>()) s.pack_url = *v;
  num("packs", "poll_minutes", s.pack_poll_minutes, 1, 10080);
  num("packs", "stale_days", s.pack_stale_days, 1, 365);
  num("packs", "connect_timeout_seconds", s.pack_connect_timeout_seconds, 1, 300);
  num("packs", "low_speed_bytes", s.pack_low_speed_bytes, 1, 1e9);
  num("packs", "low_speed_seconds", s.pack_low_speed_seconds, 1, 600);
  path_of("staff", "pin_file", s.staff_pin_file);
  num("staff", "max_attempts", s.staff_max_attempts, 1, session::StaffLock::kMostAttempts);
  num("staff", "lockout_minutes", s.staff_lockout_minutes, session::StaffLock::kShortestLockoutMs / 60000, 1440);
  path_of("stats", "file", s.stats_file);
  path_of("stats", "export_dir", s.stats_export_dir);
  if (auto* keys = t["keys"].as_table()) {
    static const std::set<std::string> actions = {"up", "down", "enter", "back", "help", "home"};
    for (auto&& [action, names] : *keys) {
      if (!actions.count(std::string(action.str()))) continue;  // reported below as unknown
      if (auto* arr = names.as_array())
        for (auto& n : *arr)
          if (auto v = n.value<std::string>()) s.extra_keys.emplace_back(*v, std::string(action.str()));
    }
  }
  if (s.warning_seconds < 5) s.warning_seconds = 5;
  if (s.locales.empty()) s.locales = {"en"};
  return s;
}

float auto_dpi(float reported, bool headless, int width, int height, std::string* note) {
  constexpr float kFallback = 92.0f;
  auto say = [&](const std::string& s) { if (note) *note = s; };
  auto dpi_text = [](float d) { return std::to_string(static_cast<int>(d + 0.5f)); };
  if (headless) {
    const int steps = std::max(1, std::min(width, height) / 1080);
    const float dpi = kFallback * static_cast<float>(steps);
    say("display.dpi = auto: headless, no panel; " + dpi_text(dpi) + " DPI for " + std::to_string(width) + "x" +
        std::to_string(height) + " (92 per 1080 rows, scale " + std::to_string(steps) + ")");
    return dpi;
  }
  if (reported >= 50 && reported <= 400) {
    say("display.dpi = auto: the display reports " + dpi_text(reported) + " DPI");
    return reported;
  }
  say(reported > 0 ? "display.dpi = auto: the display reports " + dpi_text(reported) +
                         " DPI, which no kiosk screen has; using 92 (set display.dpi to the panel's DPI)"
                   : "display.dpi = auto: the display does not report its DPI; using 92 (set display.dpi to the panel's DPI)");
  return kFallback;
}

}  // namespace kiosk::app
