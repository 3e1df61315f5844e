// Applying what screens ask for, between frames: the one place a visitor's
// route, preferences and dialogs change (and staff mode's actions start).
#include "app/app.h"

#include <algorithm>

namespace kiosk::app {

void App::apply(const screens::Intent& in) {
  using T = screens::Intent::Type;
  auto close_overlays = [&] { close_all_overlays(); };
  switch (in.type) {
    case T::Open: {
      // staff screens open only through the PIN pad
      const auto* def = screens::find_screen(in.a);
      if (def && def->staff_only && !staff_.in()) break;
      count("screen", in.a);
      if (!in.b.empty() && (!def || def->counts_item)) count("item", in.a + "/" + in.b);
      if (in.a == "guide" && in.b.size() > 4 && in.b.substr(in.b.size() - 4) == ":end") count("guide-done", in.b.substr(0, in.b.size() - 4));
      // a new visit to a screen with a text field starts empty (Back keeps it)
      if (std::string* field = def ? field_text(def->text_field) : nullptr) field->clear();
      session_.nav.push({in.a, in.b});
      break;
    }
    case T::Back:
      if (!session_.nav.pop() || session_.nav.top().screen == "attract") session_.nav.reset({"home", ""});
      break;
    case T::Home:
      // from the attract screen, in the language it was showing when touched
      if (screen() == "attract") {
        session_.prefs.locale = screens::attract_locale(content_.locales(), session_.prefs.locale, clock_.now_ms(),
                                                        settings_.attract_cycle_seconds * 1000LL);
        count("visit", session_.prefs.locale);  // a visit: the attract screen touched, in the language it showed
      }
      leaving(session_.nav.top()); close_overlays(); session_.nav.reset({"home", ""}); idle_.on_input(clock_.now_ms()); break;
    case T::StartOver: reset_session(); break;
    case T::SetLocale: session_.prefs.locale = in.a; close_overlays(); count("locale", in.a); break;
    case T::ToggleLargeText: session_.prefs.large_text = !session_.prefs.large_text; fonts_dirty_ = true; setup_style(); break;
    case T::ToggleContrast: session_.prefs.high_contrast = !session_.prefs.high_contrast; setup_style(); break;
    case T::MoreTime: idle_.more_time(clock_.now_ms()); break;
    case T::ShowLanguage: close_overlays(); session_.show_language_picker = true; break;
    case T::ShowAccessibility: close_overlays(); session_.show_accessibility = true; break;
    case T::ShowHelp: close_overlays(); session_.show_help = true; break;
    case T::ShowMore: close_overlays(); session_.show_more = true; break;
    case T::CloseOverlay: close_overlays(); break;
    case T::Set:
      if (in.a == "search") {
        session_.search_text = in.b.substr(0, 200);  // a visitor's question, not a document
        // searched now, when the words change; the screen draws the kept results
        if (!session_.search_text.empty()) content_.search(session_.prefs.locale, session_.search_text);
      }
      else if (in.a == "audience") session_.audience_filter = in.b;
      else if (in.a == "office_town") session_.office_town = in.b.substr(0, 60);
      else if (in.a == "focus" && in.b == "results") ui_.focus_first_result();  // the keyboard's Go key
      return;  // typing and filters keep keyboard focus where it is
    case T::Tick:
      if (!session_.ticked.erase(in.a)) session_.ticked.insert(in.a);
      return;
    case T::Replace: session_.nav.pop(); session_.nav.push({in.a, in.b}); break;
    case T::ToggleSpeech:
      if (!speech_->unavailable().empty()) return;  // nothing can be heard: no speech to turn on
      session_.prefs.speech = !session_.prefs.speech;
      voice_.chosen();  // the visitor chose: a key does not turn it on again
      if (!session_.prefs.speech) { session_.prefs.touch_hear = false; speech_->stop(); }
      return;
    case T::ToggleTouchHear:
      if (!speech_->unavailable().empty()) return;  // a touch that reads nothing aloud would only confuse
      session_.prefs.touch_hear = !session_.prefs.touch_hear;
      if (session_.prefs.touch_hear) session_.prefs.speech = true;  // Touch and Hear speaks
      return;
    case T::Volume:
      session_.prefs.volume = std::clamp(session_.prefs.volume + (in.a == "up" ? 20 : -20), 0, 100);
      voice_.say(content_.catalog().format(session_.prefs.locale, "access.volume", {{"percent", int64_t(session_.prefs.volume)}}), session_);
      return;
    case T::ReadAloud:
      // from the More dialog: the screen under it, once the dialog has closed
      if (!overlay().empty()) { close_overlays(); voice_.read_aloud_later(); return; }
      voice_.read_aloud(voice_screen());
      return;
    case T::StaffKey: { auto parts = staff_parts(); staff_outcome(staff_.key(in.a, parts)); break; }
    case T::StaffDo: {
      auto parts = staff_parts();
      staff_outcome(staff_.act(in.a, parts));
      break;
    }
  }
  ui_.clear_focus();
}

}  // namespace kiosk::app
