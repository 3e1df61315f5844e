#include "app/voice.h"

#include "app/log.h"

namespace kiosk::app {

void Voice::say(const std::string& text, const session::Session& s) {
  if (!text.empty()) speech_.say(text, s.prefs.locale, s.prefs.volume);
}

void Voice::reset() {
  speech_.stop();  // nothing of one visitor is still speaking to the next
  pending_.clear();
  summary_next_frame_ = false;
  offered_ = false;  // the next visitor's first key offers audio again
  read_aloud_later_ = false;
}

std::string Voice::screen_text(const Screen& s) const {
  std::string out;
  for (const auto& n : s.ui.tree().nodes()) {
    if (n.region == "nav" || n.role == ui::Role::Key) continue;  // the bar and keyboard keys are not the page
    if (!out.empty()) out += ". ";
    out += s.ui.spoken(n);
  }
  return out;
}

bool Voice::offer_audio(session::Session& s, const i18n::Catalog& catalog) {
  if (offered_ || s.prefs.speech || !speech_.unavailable().empty()) return false;
  offered_ = true;
  s.prefs.speech = true;
  const std::string& loc = s.prefs.locale;
  pending_ = catalog.format(loc, "audio.on") + " " + catalog.format(loc, "audio.keys");
  summary_next_frame_ = true;  // where the visitor is, from the tree the next frame builds (attract's is still up)
  log("audio on from a key");
  return true;
}

void Voice::help_key(const Screen& now, bool help_open) {
  if (!now.session.prefs.speech) return;
  const std::string& loc = now.session.prefs.locale;
  summary_next_frame_ = false;  // said here, from the screen under the dialog about to open
  pending_ = (pending_.empty() ? "" : now.catalog.format(loc, "audio.on") + " ") +
             (help_open ? screen_text(now) : screen_summary(now)) + " " + now.catalog.format(loc, "audio.keys");
}

std::string Voice::screen_summary(const Screen& s) const {
  const std::string& loc = s.session.prefs.locale;
  std::string out;
  // a screen's spoken name (screen.<name>), where its heading does not say it
  const std::string name_key = std::string("screen.") + session::screen_name(s.screen);
  if (!s.overlay && !s.catalog.resolve(loc, name_key).empty()) out = s.catalog.format(loc, name_key) + ".";
  std::vector<std::string> choices;
  bool heading = false;
  for (const auto& n : s.ui.tree().nodes()) {
    if (n.region == "nav" || n.role == ui::Role::Key) continue;  // the bar is on every screen; keys are a keyboard
    if (n.role == ui::Role::Heading && !heading) {
      heading = true;
      out += (out.empty() ? "" : " ") + n.label + (n.label.empty() || std::string(".?!").find(n.label.back()) != std::string::npos ? "" : ".");
    } else if (n.interactive() && n.enabled) {
      choices.push_back(n.label);
    }
  }
  if (choices.empty()) return out;
  constexpr size_t kNamed = 6;  // a long list is named in part: Down reads the rest
  std::string names;
  for (size_t i = 0; i < choices.size() && i < kNamed; ++i) names += (i ? ", " : "") + choices[i];
  if (choices.size() > kNamed)
    names += ", " + s.catalog.format(loc, "audio.more", {{"count", int64_t(choices.size() - kNamed)}});
  return out + (out.empty() ? "" : " ") +
         s.catalog.format(loc, "audio.choices", {{"count", int64_t(choices.size())}, {"names", names}});
}

void Voice::after_frame(const Screen& drawn) {
  // Focus moved, or a Touch and Hear finger rests on something: say it.
  // A new place is named by its heading as it opens (Enter on a tile would
  // otherwise be followed by silence).
  const bool arrived = drawn.session.nav.top().visit != spoken_visit_;
  spoken_visit_ = drawn.session.nav.top().visit;
  if (drawn.session.prefs.speech) {
    std::string words = pending_;
    if (summary_next_frame_) {
      words += (words.empty() ? "" : " ") + screen_summary(drawn);
    } else if (arrived && !drawn.overlay) {
      for (const auto& n : drawn.ui.tree().nodes())
        if (n.role == ui::Role::Heading && n.region != "nav") {
          words += (words.empty() ? "" : " ") + n.label;
          break;
        }
    }
    if (!drawn.ui.speak_request().empty()) words += (words.empty() ? "" : " ") + drawn.ui.speak_request();
    say(words, drawn.session);
  }
  pending_.clear();
  summary_next_frame_ = false;
  if (read_aloud_later_ && !drawn.overlay) {
    read_aloud_later_ = false;
    say(screen_text(drawn), drawn.session);
  }
}

}  // namespace kiosk::app
