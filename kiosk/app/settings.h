// Every setting of the kiosk, with a default that works. Read from one TOML
// file (kiosk.toml, documented there and in README.md) by app/config.cpp.
#pragma once
#include <string>
#include <vector>

namespace kiosk::app {

struct Settings {
  // [display]
  float display_dpi = 92.0f;        // 24-inch 1080p screen
  // dpi = "auto": display_dpi comes from the display as SDL reports it (92
  // and a log line when SDL does not know it); headless, from the pixel size
  // (92 per 1080 rows of the short side, whole steps: 3840x2160 is 184).
  bool display_dpi_auto = false;
  float scale_override = 0.0f;      // > 0 replaces the DPI-derived scale
  bool fullscreen = true;           // false with --windowed
  int window_width = 1280, window_height = 800;  // for --windowed
  // [session]
  int idle_seconds = 90;            // quiet time before "Do you need more time?"
  int warning_seconds = 30;         // countdown shown in that dialog
  int attract_cycle_seconds = 3;    // "Touch to start" changes language this often
  // [content]
  std::string database = "build/content.db";
  // [locales]
  std::vector<std::string> locales = {"en", "es", "pt", "pl", "ht", "zh", "vi", "ar"};  // shown in the language picker, in order
  std::string default_locale = "en";
  // [fonts]
  std::string font_family = "Noto Sans";
  // [site]
  std::string site_office;          // the office id this kiosk stands in ("" = none): first as "You are here"
  // [packs] signed content packs (see README "Content packs")
  std::string pack_public_key;      // "" = packs are not taken at all
  std::string pack_drop_folder;     // a USB stick's mount point
  std::string pack_url;             // https://.../content.db (and content.db.sig)
  int pack_poll_minutes = 15;
  int pack_stale_days = 7;              // no valid pack for this long: said in the staff menu and the log
  int pack_connect_timeout_seconds = 10;  // HTTP: giving up on a server that does not answer
  int pack_low_speed_bytes = 1024;      // HTTP: a server slower than this many bytes a second...
  int pack_low_speed_seconds = 30;      // ...for this long is dropped until the next poll
  // [staff]
  std::string staff_pin_file;       // Argon2id hash written by kiosk-content set-pin
  int staff_max_attempts = 5;       // wrong PINs before the pad locks
  int staff_lockout_minutes = 5;
  // [stats]
  std::string stats_file;           // usage counts (SQLite); "" = none kept
  std::string stats_export_dir;     // where the staff menu writes stats.csv
  // [monitoring] health for Prometheus (README "Monitoring a fleet with Prometheus")
  std::string monitoring_textfile;  // node_exporter's textfile collector reads it; "" = off
  int monitoring_interval_seconds = 60;
  // [printer] the printed take-away (README "Printing")
  std::string printer_queue;         // a CUPS queue name; "" = no printer, no Print button
  std::string printer_paper = "letter";  // "letter" | "receipt80" (80 mm roll, cut to the page's length)
  // [keys] extra keys for each action, by SDL key name ("Keypad 8", "PageDown"),
  // added to the built-in ones (arrows, Enter, Escape, F1, the numeric keypad)
  std::vector<std::pair<std::string, std::string>> extra_keys;  // (key name, action)
};

}  // namespace kiosk::app
