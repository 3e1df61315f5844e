// Reads the settings file (TOML) into app::Settings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/settings.h"

namespace kiosk::app {
// Missing or unreadable file: defaults, and the reason in *warnings. Every
// problem in it (a wrong type, a number out of range, an unknown key, a
// default language not offered) is one file:line warning, and the setting
// keeps a value that works.
Settings load_settings(const std::string& path, std::vector<std::string>* warnings);

// Every setting the file can hold, as the reader knows it: for the
// documentation check and for anyone listing them.
struct SettingInfo {
  std::string section, key, type, default_value, range, meaning;
};
std::vector<SettingInfo> settings_table();

// The value a setting ("monitoring.textfile") has in `s`, as the kiosk uses it
// (a path already resolved, text unquoted); nullopt for a name that is not a
// setting. For scripts that must agree with the kiosk's own reading of the file.
std::optional<std::string> setting_text(const Settings& s, const std::string& name);

// The DPI `dpi = "auto"` stands for. `reported` is what SDL says (0 when it
// does not know); values no kiosk panel has (under 50 or over 400, a TV whose
// EDID gives no size) count as unknown: 92, and *note says so. Headless there
// is no panel at all: 92 for each whole 1080 rows of the screen's short side
// (1080p and smaller 92, 4K 184, that is scale 2), like a desktop's whole-number
// HiDPI scale. *note is the one log line saying what was chosen and why.
float auto_dpi(float reported, bool headless, int width, int height, std::string* note);
}
