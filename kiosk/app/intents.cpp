// Applying what screens ask for, between frames: the one place a visitor's
// route, preferences and dialogs change (and staff mode's actions start).
#include "app/app.h"

#include <algorithm>

namespace kiosk::app {

namespace {
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;
}  // namespace

void App::apply(const screens::Intent& intent) {
  namespace in = screens::intent;
  using session::ScreenId;
  // typing, filters and ticks keep keyboard focus where it is; the rest clear it
  const bool keeps_focus = std::visit(
      Overloaded{
          [&](const in::Open& o) {
            // staff screens open only through the PIN pad
            const auto& def = screens::find_screen(o.to.screen);
            if (def.staff_only && !staff_.in()) return false;
            count("screen", session::screen_name(o.to.screen));
            const std::string place = session::place_text(o.to);
            if (!place.empty() && def.counts_item) count("item", std::string(session::screen_name(o.to.screen)) + "/" + place);
            if (o.to.screen == ScreenId::Guide && o.to.step == session::kGuideEnd) count("guide-done", o.to.id);
            // a new visit to a screen with a text field starts empty (Back keeps it)
            if (std::string* field = field_text(def.text_field)) field->clear();
            session_.nav.push(o.to);
            return false;
          },
          [&](const in::Replace& r) {
            session_.nav.pop();
            session_.nav.push(r.to);
            return false;
          },
          [&](const in::Back&) {
            if (!session_.nav.pop() || screen_id() == ScreenId::Attract) session_.nav.reset({ScreenId::Home});
            return false;
          },
          [&](const in::Home&) {
            // from the attract screen, in the language it was showing when touched
            if (screen_id() == ScreenId::Attract) {
              session_.prefs.locale = attract_shown_.empty()
                                          ? screens::attract_locale(content_.locales(), session_.prefs.locale, clock_.now_ms(),
                                                                    settings_.attract_cycle_seconds * 1000LL)
                                          : attract_shown_;
              attract_shown_.clear();  // the next visit's attract screen says its own
              count("visit", session_.prefs.locale);  // a visit: the attract screen touched, in the language it showed
            }
            leaving(session_.nav.top());
            close_all_overlays();
            session_.nav.reset({ScreenId::Home});
            idle_.on_input(clock_.now_ms());
            return false;
          },
          [&](const in::StartOver&) {
            reset_session();
            return false;
          },
          [&](const in::SetLocale& l) {
            session_.prefs.locale = l.locale;
            close_all_overlays();
            count("locale", l.locale);
            return false;
          },
          [&](const in::Toggle& t) {
            switch (t.pref) {
              case in::Pref::LargeText:
                session_.prefs.large_text = !session_.prefs.large_text;
                fonts_dirty_ = true;
                setup_style();
                return false;
              case in::Pref::Contrast:
                session_.prefs.high_contrast = !session_.prefs.high_contrast;
                setup_style();
                return false;
              case in::Pref::Speech:
                if (!speech_->unavailable().empty()) return true;  // nothing can be heard: no speech to turn on
                session_.prefs.speech = !session_.prefs.speech;
                voice_.chosen();  // the visitor chose: a key does not turn it on again
                if (!session_.prefs.speech) {
                  session_.prefs.touch_hear = false;
                  speech_->stop();
                }
                return true;
              case in::Pref::TouchHear:
                if (!speech_->unavailable().empty()) return true;  // a touch that reads nothing aloud would only confuse
                session_.prefs.touch_hear = !session_.prefs.touch_hear;
                if (session_.prefs.touch_hear) session_.prefs.speech = true;  // Touch and Hear speaks
                return true;
            }
            return true;
          },
          [&](const in::MoreTime&) {
            idle_.more_time(clock_.now_ms());
            return false;
          },
          [&](const in::Show& s) {
            close_all_overlays();
            switch (s.dialog) {
              case in::Dialog::Language: session_.show_language_picker = true; break;
              case in::Dialog::Accessibility: session_.show_accessibility = true; break;
              case in::Dialog::Help: session_.show_help = true; break;
              case in::Dialog::More: session_.show_more = true; break;
            }
            return false;
          },
          [&](const in::CloseOverlay&) {
            close_all_overlays();
            return false;
          },
          [&](const in::Type& t) {
            if (std::string* field = field_text(t.field)) {
              // a visitor's question or town, not a document
              *field = t.text.substr(0, t.field == screens::TextField::Search ? 200 : 60);
              // searched now, when the words change; the screen draws the kept results
              if (t.field == screens::TextField::Search && !field->empty()) content_.search(session_.prefs.locale, *field);
            }
            return true;
          },
          [&](const in::FocusResults&) {
            ui_.focus_first_result();
            return true;
          },
          [&](const in::Audience& a) {
            session_.audience_filter = a.audience;
            return true;
          },
          [&](const in::Tick& t) {
            if (!session_.ticked.erase(t.box)) session_.ticked.insert(t.box);
            return true;
          },
          [&](const in::Volume& v) {
            session_.prefs.volume = std::clamp(session_.prefs.volume + 20 * (v.step > 0 ? 1 : -1), 0, 100);
            voice_.say(content_.catalog().format(session_.prefs.locale, "access.volume", {{"percent", int64_t(session_.prefs.volume)}}),
                       session_);
            return true;
          },
          [&](const in::ReadAloud&) {
            // from the More dialog: the screen under it, once the dialog has closed
            if (overlay_id() != Overlay::None) {
              close_all_overlays();
              voice_.read_aloud_later();
              return true;
            }
            voice_.read_aloud(voice_screen());
            return true;
          },
          [&](const in::StaffKey& k) {
            auto parts = staff_parts();
            staff_outcome(staff_.key(k.key, parts));
            return false;
          },
          [&](const in::Print& p) {
            if (!printer_ || !printer_->print(p.page)) return true;  // one page at a time
            print_view_ = {true, session_.nav.top().visit, ""};
            voice_.say(content_.catalog().format(session_.prefs.locale, "print.printing"), session_);
            return true;
          },
          [&](const in::Staff& s) {
            auto parts = staff_parts();
            staff_outcome(staff_.act(s.action, parts));
            return false;
          },
      },
      intent);
  if (!keeps_focus) ui_.clear_focus();
}

}  // namespace kiosk::app
