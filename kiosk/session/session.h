// One visitor's session: where they are, what they chose, what they typed.
// reset() forgets all of it; nothing of one visitor reaches the next.
#pragma once
#include <set>
#include <string>

#include "session/nav.h"

namespace kiosk::session {

struct Preferences {
  std::string locale = "en";
  bool large_text = false;     // 1.5x text, layouts reflow
  bool high_contrast = false;
  bool speech = false;         // speak the focused item as it changes
  bool touch_hear = false;     // a touch reads what is under the finger; Enter or a second touch activates
  int volume = 60;             // percent, for speech
  bool operator==(const Preferences&) const = default;
};

struct Session {
  NavStack nav;
  Preferences prefs;
  std::string search_text;
  std::string audience_filter;            // "", "pays", "receives", "caregiver"
  std::set<std::string> ticked;           // checklist boxes ticked in guides: "guide/step/item"
  std::string office_town;                // typed to find an office by town
  bool show_language_picker = false;
  bool show_accessibility = false;
  bool show_help = false;
  bool show_more = false;  // the bar's less-used buttons, when the bar is compact

  // Full reset for the next visitor: attract screen, defaults everywhere.
  void reset(const std::string& default_locale);
  // True on screens where nobody is mid-task (safe moment for a content reload).
  bool at_rest() const;
};

}  // namespace kiosk::session
