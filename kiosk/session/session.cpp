// Session reset and rest detection.
#include "session/session.h"

namespace kiosk::session {

void Session::reset(const std::string& default_locale) {
  nav.reset({ScreenId::Attract});
  prefs = Preferences{};
  prefs.locale = default_locale;
  search_text.clear();
  audience_filter.clear();
  ticked.clear();
  office_town.clear();
  show_language_picker = show_accessibility = show_help = show_more = false;
}

bool Session::at_rest() const {
  const ScreenId s = nav.top().screen;
  return nav.depth() <= 2 && (s == ScreenId::Attract || s == ScreenId::Home) && !show_language_picker &&
         !show_accessibility && !show_help && !show_more;
}

}  // namespace kiosk::session
