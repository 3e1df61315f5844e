// What the kiosk says aloud: the focus as it moves (and Touch and Hear),
// a new place's heading as it opens, the Help key's summary of the screen,
// Read aloud, and the audio introduction a first key gives (EZ Access).
#pragma once
#include <cstdint>
#include <string>

#include "i18n/catalog.h"
#include "platform/speech.h"
#include "session/session.h"
#include "ui/ui.h"

namespace kiosk::app {

class Voice {
public:
  explicit Voice(platform::Speech& speech) : speech_(speech) {}

  // What the screen shows, for the voice: the screen's spoken name key
  // ("screen.<name>"), whether a dialog is over it, the widgets drawn.
  struct Screen {
    const ui::Ui& ui;
    const i18n::Catalog& catalog;
    const session::Session& session;
    session::ScreenId screen;
    bool overlay = false;
  };

  // EZ Access: the first key on the attract or home screen turns speech on
  // and says so, with the keys and where the visitor is (the key then does
  // its usual work, and its words follow). False once audio was offered or
  // chosen this session, or when nothing can be heard.
  bool offer_audio(session::Session& s, const i18n::Catalog& catalog);
  // The visitor turned speech on or off themselves: a key does not offer it again.
  void chosen() { offered_ = true; }
  // The Help key: the screen's summary (the whole screen when help is already open), then the keys.
  void help_key(const Screen& now, bool help_open);
  // Said with the next frame's focus words, so they do not cut it off.
  void say_next(const std::string& words) { pending_ = words; }
  // Read aloud from a dialog: the screen under it, once the dialog has closed.
  void read_aloud_later() { read_aloud_later_ = true; }
  // Every node of the screen in reading order, now.
  void read_aloud(const Screen& now) { say(screen_text(now), now.session); }
  void say(const std::string& text, const session::Session& s);
  // After a frame: what focus, arrival, Touch and Hear and pending words say.
  void after_frame(const Screen& drawn);
  // A new visitor: nothing of the last one is still said or remembered.
  void reset();

private:
  std::string screen_text(const Screen& s) const;
  // What the Help key says: the screen's name and heading, and its choices.
  std::string screen_summary(const Screen& s) const;

  platform::Speech& speech_;
  bool read_aloud_later_ = false;  // Read aloud chosen in a dialog: the screen, after it closes
  bool offered_ = false;           // this session: a key turned speech on, or the visitor chose it
  std::string pending_;            // said with the next frame's focus words (so they do not cut it off)
  bool summary_next_frame_ = false;  // add screen_summary() of the next frame's tree to what it says
  uint64_t spoken_visit_ = 0;        // the visit (session::Route::visit) the last frame drew
};

}  // namespace kiosk::app
