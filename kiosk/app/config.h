// Reads the settings file (TOML) into session::Settings.
#pragma once
#include <string>
#include <vector>

#include "session/settings.h"

namespace kiosk::app {
// Missing or unreadable file: defaults, and the reason in *warnings.
session::Settings load_settings(const std::string& path, std::vector<std::string>* warnings);
}
