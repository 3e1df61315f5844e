// TOML settings loader. One table (fields() below) names every setting with
// its type, range and meaning; it drives the reading, the type errors, the
// clamping, the unknown-key warnings and the documentation check
// (settings_table()). Nothing in a settings file can crash the kiosk: every
// problem is a file:line warning and the setting keeps a value that works.
#include "app/config.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <toml++/toml.h>
#include <variant>

#include "staff/staff.h"

namespace kiosk::app {

namespace {

enum class Kind { Int, Float, Bool, Text, Path, List, Keys, Dpi };

struct Field {
  const char* section;
  const char* key;
  Kind kind;
  std::variant<std::monostate, int Settings::*, float Settings::*, bool Settings::*, std::string Settings::*,
               std::vector<std::string> Settings::*>
      member;
  double lo = 0, hi = 0;  // numbers: the range a value is held to
  const char* meaning;
  bool zero_ok = false;   // numbers: 0 is allowed besides the range (scale: 0 = from the DPI)
};

constexpr int kLockoutFloorMinutes = static_cast<int>(staff::StaffLock::kShortestLockoutMs / 60'000);

const std::vector<Field>& fields() {
  static const std::vector<Field> f = {
      {"display", "dpi", Kind::Dpi, &Settings::display_dpi, 50, 400,
       "physical pixels per inch of the screen (24-inch 1080p = 92), or \"auto\": what the display reports"},
      {"display", "scale", Kind::Float, &Settings::scale_override, 0.5, 4, "overrides the DPI-derived scale (0: from the DPI)", true},
      {"display", "fullscreen", Kind::Bool, &Settings::fullscreen, 0, 0, "fullscreen (--windowed turns it off)"},
      {"display", "window_width", Kind::Int, &Settings::window_width, 320, 7680, "the window's width with --windowed"},
      {"display", "window_height", Kind::Int, &Settings::window_height, 240, 4320, "the window's height with --windowed"},
      {"session", "idle_seconds", Kind::Int, &Settings::idle_seconds, 10, 3600, "quiet time before \"Do you need more time?\""},
      {"session", "warning_seconds", Kind::Int, &Settings::warning_seconds, 5, 600, "the countdown in that dialog"},
      {"session", "attract_cycle_seconds", Kind::Int, &Settings::attract_cycle_seconds, 1, 60, "\"Touch to start\" changes language this often"},
      {"content", "database", Kind::Path, &Settings::database, 0, 0, "the content database"},
      {"locales", "enabled", Kind::List, &Settings::locales, 0, 0, "the languages offered, in order"},
      {"locales", "default", Kind::Text, &Settings::default_locale, 0, 0, "the language after every reset (one of enabled)"},
      {"fonts", "family", Kind::Text, &Settings::font_family, 0, 0, "the font family (fontconfig)"},
      {"site", "office", Kind::Text, &Settings::site_office, 0, 0, "the id of the office this kiosk stands in, first as \"You are here\""},
      {"keys", "up", Kind::Keys, {}, 0, 0, "extra keys that move up"},
      {"keys", "down", Kind::Keys, {}, 0, 0, "extra keys that move down"},
      {"keys", "enter", Kind::Keys, {}, 0, 0, "extra keys that choose"},
      {"keys", "back", Kind::Keys, {}, 0, 0, "extra keys that go back"},
      {"keys", "help", Kind::Keys, {}, 0, 0, "extra keys that explain"},
      {"keys", "home", Kind::Keys, {}, 0, 0, "extra keys that go home"},
      {"packs", "public_key", Kind::Path, &Settings::pack_public_key, 0, 0, "the key packs are signed with (none: no packs)"},
      {"packs", "drop_folder", Kind::Path, &Settings::pack_drop_folder, 0, 0, "a folder packs are dropped in (a USB stick)"},
      {"packs", "url", Kind::Text, &Settings::pack_url, 0, 0, "where packs are fetched (HTTP)"},
      {"packs", "poll_minutes", Kind::Int, &Settings::pack_poll_minutes, 1, 10080, "how often packs are looked for"},
      {"packs", "stale_days", Kind::Int, &Settings::pack_stale_days, 1, 365, "no valid pack for this long is said"},
      {"packs", "connect_timeout_seconds", Kind::Int, &Settings::pack_connect_timeout_seconds, 1, 300, "HTTP: a server that does not answer"},
      {"packs", "low_speed_bytes", Kind::Int, &Settings::pack_low_speed_bytes, 1, 1e9, "HTTP: slower than this many bytes a second..."},
      {"packs", "low_speed_seconds", Kind::Int, &Settings::pack_low_speed_seconds, 1, 600, "...for this long is dropped"},
      {"staff", "pin_file", Kind::Path, &Settings::staff_pin_file, 0, 0, "the staff PIN's hash (none: no staff mode)"},
      {"staff", "max_attempts", Kind::Int, &Settings::staff_max_attempts, 1, staff::StaffLock::kMostAttempts, "wrong PINs before the pad locks"},
      {"staff", "lockout_minutes", Kind::Int, &Settings::staff_lockout_minutes, kLockoutFloorMinutes, 1440, "the first lockout (each after is twice as long)"},
      {"stats", "file", Kind::Path, &Settings::stats_file, 0, 0, "the usage counts (none: nothing kept)"},
      {"stats", "export_dir", Kind::Path, &Settings::stats_export_dir, 0, 0, "where staff's export writes"},
      {"monitoring", "textfile", Kind::Path, &Settings::monitoring_textfile, 0, 0, "the health file for Prometheus (none: not written)"},
      {"monitoring", "interval_seconds", Kind::Int, &Settings::monitoring_interval_seconds, 5, 3600, "how often the health file is written"},
      {"printer", "queue", Kind::Text, &Settings::printer_queue, 0, 0, "the CUPS queue pages print on (none: no Print button)"},
      {"printer", "paper", Kind::Text, &Settings::printer_paper, 0, 0, "\"letter\" or \"receipt80\" (an 80 mm roll)"},
  };
  return f;
}

// 1000000000, not 1e+09: whole numbers as a person writes them
std::string number_text(double x) {
  std::ostringstream o;
  if (std::isfinite(x) && x == std::round(x) && std::fabs(x) < 1e15) o << static_cast<long long>(x);
  else o << x;
  return o.str();
}

std::string relative_to_config(const std::string& config, const std::string& value) {
  std::filesystem::path p(value);
  return p.is_relative() ? (std::filesystem::path(config).parent_path() / p).lexically_normal().string() : value;
}

std::string type_name(Kind k) {
  switch (k) {
    case Kind::Int: case Kind::Float: return "a number";
    case Kind::Dpi: return "a number or \"auto\"";
    case Kind::Bool: return "true or false";
    case Kind::Text: case Kind::Path: return "text in quotes";
    case Kind::List: case Kind::Keys: return "a list of texts in quotes";
  }
  return "";
}

// How a value looks in a warning: "yes" in quotes, numbers as written.
std::string shown(const toml::node& n) {
  if (auto s = n.value_exact<std::string>()) return '"' + *s + '"';
  if (auto b = n.value_exact<bool>()) return *b ? "true" : "false";
  if (auto d = n.value<double>()) return number_text(*d);
  if (n.is_array()) return "a list";
  if (n.is_table()) return "a table";
  return "a date or time";
}

// A setting's value as TOML writes it ("quoted" with quotes, a list in []).
std::string value_text(const Settings& s, const Field& f, bool quoted = true) {
  const std::string q = quoted ? "\"" : "";
  return std::visit(
      [&](auto m) -> std::string {
        using M = decltype(m);
        if constexpr (std::is_same_v<M, std::monostate>) return "[]";
        else if constexpr (std::is_same_v<M, bool Settings::*>) return s.*m ? "true" : "false";
        else if constexpr (std::is_same_v<M, std::string Settings::*>) return q + s.*m + q;
        else if constexpr (std::is_same_v<M, std::vector<std::string> Settings::*>) {
          std::string out = "[";
          for (const auto& v : s.*m) out += (out.size() > 1 ? ", \"" : "\"") + v + "\"";
          return out + "]";
        } else return number_text(s.*m);
      },
      f.member);
}

std::string default_text(const Field& f) {
  static const Settings defaults;
  return value_text(defaults, f);
}
}  // namespace

std::optional<std::string> setting_text(const Settings& s, const std::string& name) {
  for (const Field& f : fields())
    if (name == std::string(f.section) + "." + f.key) return value_text(s, f, false);
  return std::nullopt;
}

std::vector<SettingInfo> settings_table() {
  std::vector<SettingInfo> out;
  for (const Field& f : fields()) {
    std::string range;
    if (f.kind == Kind::Int || f.kind == Kind::Float || f.kind == Kind::Dpi)
      range = (f.zero_ok ? "0, or " : "") + number_text(f.lo) + " to " + number_text(f.hi);
    out.push_back({f.section, f.key, type_name(f.kind), default_text(f), range, f.meaning});
  }
  return out;
}

Settings load_settings(const std::string& path, std::vector<std::string>* warnings) {
  Settings s;
  if (path.empty()) return s;
  auto warn = [&](const std::string& w) { if (warnings) warnings->push_back(w); };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || !std::ifstream(path)) {
    warn(path + ": cannot read this settings file (using default settings)");
    return s;
  }
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    warn(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()) + " (using default settings)");
    return s;
  }
  auto line = [&](const toml::node& n) { return path + ":" + std::to_string(n.source().begin.line) + ": "; };

  // unknown sections and settings, by the table
  for (auto&& [sec, v] : t) {
    const std::string section(sec.str());
    if (std::none_of(fields().begin(), fields().end(), [&](const Field& f) { return section == f.section; })) {
      warn(line(v) + "unknown section [" + section + "]");
      continue;
    }
    auto* tab = v.as_table();
    if (!tab) {
      warn(line(v) + section + " is a section ([" + section + "]), not a value");
      continue;
    }
    for (auto&& [k, kv] : *tab) {
      const std::string key(k.str());
      if (std::none_of(fields().begin(), fields().end(), [&](const Field& f) { return section == f.section && key == f.key; }))
        warn(line(kv) + "unknown setting " + section + "." + key);
    }
  }

  for (const Field& f : fields()) {
    const toml::node* node = t[f.section][f.key].node();
    if (!node) continue;
    const std::string name = std::string(f.section) + "." + f.key;
    const std::string where = line(*node) + name;
    auto wrong_type = [&](const std::string& keeping) {
      warn(where + " is " + type_name(f.kind) + ", not " + shown(*node) + " (using " + keeping + ")");
    };
    switch (f.kind) {
      case Kind::Dpi:
        if (auto v = node->value<std::string>(); v && *v == "auto") {
          s.display_dpi_auto = true;
          break;
        }
        [[fallthrough]];
      case Kind::Int:
      case Kind::Float: {
        const std::string keeping = std::visit(
            [&](auto m) -> std::string {
              if constexpr (std::is_same_v<decltype(m), int Settings::*> || std::is_same_v<decltype(m), float Settings::*>)
                return number_text(s.*m);
              else return "";
            },
            f.member);
        std::optional<double> v = node->is_number() ? node->value<double>() : std::nullopt;
        if (!v || !std::isfinite(*v)) {
          wrong_type(keeping);
          break;
        }
        double held = (f.zero_ok && *v == 0) ? 0 : std::clamp(*v, f.lo, f.hi);
        if (f.kind == Kind::Int) held = std::round(held);
        if (held != *v && *v >= f.lo && *v <= f.hi)
          warn(where + " = " + number_text(*v) + " is not a whole number (using " + number_text(held) + ")");
        else if (held != *v)
          warn(where + " = " + number_text(*v) + " is outside " + (f.zero_ok ? "0, or " : "") + number_text(f.lo) + " to " +
               number_text(f.hi) + " (using " + number_text(held) + ")");
        std::visit(
            [&](auto m) {
              if constexpr (std::is_same_v<decltype(m), int Settings::*>) s.*m = static_cast<int>(held);
              else if constexpr (std::is_same_v<decltype(m), float Settings::*>) s.*m = static_cast<float>(held);
            },
            f.member);
        break;
      }
      case Kind::Bool: {
        auto m = std::get<bool Settings::*>(f.member);
        if (auto v = node->value_exact<bool>()) s.*m = *v;
        else wrong_type(s.*m ? "true" : "false");
        break;
      }
      case Kind::Text:
      case Kind::Path: {
        auto m = std::get<std::string Settings::*>(f.member);
        auto v = node->value_exact<std::string>();
        if (!v) wrong_type("\"" + s.*m + "\"");
        else s.*m = f.kind == Kind::Path ? relative_to_config(path, *v) : *v;  // paths: relative to this file
        break;
      }
      case Kind::List:
      case Kind::Keys: {
        const toml::array* a = node->as_array();
        if (!a) {
          wrong_type(f.kind == Kind::Keys ? "the built-in keys" : default_text(f));
          break;
        }
        std::vector<std::string> texts;
        for (const auto& e : *a) {
          if (auto v = e.value_exact<std::string>()) texts.push_back(*v);
          else warn(line(e) + name + " holds " + shown(e) + ", which is not text in quotes (left out)");
        }
        if (f.kind == Kind::Keys)
          for (const auto& k : texts) s.extra_keys.emplace_back(k, f.key);
        else if (texts.empty()) warn(where + " names no language (using " + default_text(f) + ")");
        else {
          s.*std::get<std::vector<std::string> Settings::*>(f.member) = {};
          for (const auto& l : texts)
            if (std::find(s.locales.begin(), s.locales.end(), l) == s.locales.end()) s.locales.push_back(l);
        }
        break;
      }
    }
  }
  // the language after a reset is one the visitor is offered
  if (std::find(s.locales.begin(), s.locales.end(), s.default_locale) == s.locales.end()) {
    const toml::node* n = t["locales"]["default"].node();
    warn((n ? line(*n) : path + ": ") + "locales.default = \"" + s.default_locale + "\" is not among locales.enabled (using \"" +
         s.locales.front() + "\")");
    s.default_locale = s.locales.front();
  }
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
