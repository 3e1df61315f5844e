// The kiosk application: one visitor's session and the parts that serve it.
// A frame takes the input, draws the route's screen, and applies the intents
// the screen asked for. The parts each have a file: the input router
// (input_router.h), the content host (content_host.h), the font atlas
// (font_atlas.h), staff mode (staff_mode.h), the voice (voice.h); intent
// application is intents.cpp, the event loop loop.h, the benchmark benchmark.h.
#pragma once
#include <memory>
#include <string>

#include "app/content_host.h"
#include "app/font_atlas.h"
#include "app/health_report.h"
#include "app/input_router.h"
#include "app/settings.h"
#include "app/staff_mode.h"
#include "app/voice.h"
#include "packs/pack_watch.h"
#include "platform/clock.h"
#include "platform/input.h"
#include "platform/speech.h"
#include "platform/video.h"
#include "print/printer.h"
#include "screens/screens.h"
#include "session/idle.h"
#include "session/session.h"
#include "stats/stats.h"
#include "ui/ui.h"

namespace kiosk::app {

class App {
public:
  // speech: where spoken words go; null records them (headless, tests).
  App(Settings settings, platform::Clock& clock, platform::Video& video, platform::Speech* speech = nullptr);
  ~App();

  void handle(const platform::InputEvent& ev);
  // Idle machine and content reload; call after input and on every wake-up.
  void tick();
  // Draws one frame (and consumes at most one pointer transition).
  void frame();
  // True while frames must keep coming: input pending, grace frames, finger down.
  bool wants_frame() const;
  // How long the loop may sleep (ms) before tick() must run again; -1 = until input.
  int64_t ms_to_next_wake() const;
  bool quit_requested() const { return quit_; }
  // The process exit code a staff "Restart" asks for (the service restarts it).
  int exit_code() const { return exit_code_; }

  // What is on screen, for scripts, traces and tests.
  const ui::A11yTree& tree() const { return ui_.tree(); }
  session::ScreenId screen_id() const { return session_.nav.top().screen; }
  std::string screen() const;  // its name (session::screen_name), for scripts and traces
  // The screen the last frame drew (screen() may already be the next one,
  // after that frame's intents).
  std::string drawn_screen() const { return session::screen_name(drawn_screen_); }
  // What is drawn over the screen: a dialog the visitor opened, or the idle warning.
  enum class Overlay { None, IdleWarning, Language, Accessibility, Help, More };
  Overlay overlay_id() const;
  std::string overlay() const;  // its name ("" for none), for scripts and traces
  const session::Session& session() const { return session_; }
  const content::Store* store() const { return content_.store(); }
  const i18n::Catalog& catalog() const { return content_.catalog(); }
  int frames_drawn() const { return frames_; }
  // The content model in the visitor's locale (null without content), how
  // many searches ran and QR codes were encoded: tests check that drawing
  // again works nothing out.
  const content::Model* model() { return content_.model(session_.prefs.locale); }
  size_t searches_run() const { return content_.searches_run(); }
  size_t qr_codes_encoded() const { return ui_.qr_encoded(); }
  // Where ImGui sees the pointer (-1 when off the screen), and if it is down.
  float pointer_x() const { return input_.x(); }
  float pointer_y() const { return input_.y(); }
  bool pointer_down() const { return input_.down(); }
  // The speech output in use (a RecordedSpeech unless one was given).
  platform::Speech& speech() { return *speech_; }
  // A new database is being checked beside the frames (tests wait for it).
  bool content_check_running() const { return content_.check_running(); }
  // Headless scripts' open and locale steps: what a screen's tap asks for.
  void ask(const screens::Intent& in) { apply(in); }

private:
  // the frame's steps
  void take_input();
  void begin_frame();
  void draw_route(std::vector<screens::Intent>& intents);
  void end_frame();
  void apply(const screens::Intent& in);  // intents.cpp

  void act_on(const FrameInput& in);  // a key, typed text or a tap
  void reset_session();               // the one place a visitor's state ends
  void check_content(bool force);
  void content_changed(ContentHost::Change c);
  void setup_style();
  void build_fonts();
  float scale() const;
  void open_staff_pin();
  void staff_outcome(StaffMode::Outcome o);
  StaffMode::Parts staff_parts();
  void close_all_overlays();
  Voice::Screen voice_screen() const;
  // The text field of the screen shown (search words, town), or null.
  std::string* text_field();
  screens::TextField shown_field() const;
  std::string* field_text(screens::TextField f);  // the visitor text a screen's keyboard types into
  // The attract screen's language names (region "language") take a touch themselves.
  bool on_language_choice(float x, float y) const;
  void count(const std::string& kind, const std::string& key);
  void leaving(const session::Route& from);  // statistics of the place a visitor leaves

  Settings settings_;
  std::unique_ptr<platform::Speech> own_speech_;
  platform::Speech* speech_;
  platform::Clock& clock_;
  platform::Video& video_;
  session::Session session_;  // the visitor's state: where, preferences, what they typed
  session::IdleTimer idle_;
  ContentHost content_;
  InputRouter input_;
  FontAtlas atlas_;
  Voice voice_;
  StaffMode staff_;
  ui::Ui ui_;
  std::unique_ptr<packs::PackWatcher> packs_;
  std::unique_ptr<stats::Stats> stats_;
  std::unique_ptr<print::PrintWorker> printer_;  // null: no [printer] queue, no Print button
  screens::PrintView print_view_;
  void print_done();  // what became of a page: said, shown, and for staff
  std::unique_ptr<HealthReport> health_;  // [monitoring] textfile; null when unset
  bool stats_failed_ = false;
  std::string words_locale_;  // the locale ui_.word_on/word_off were formatted for
  session::ScreenId drawn_screen_ = session::ScreenId::Attract;
  int grace_frames_ = 3;
  bool quit_ = false;
  int exit_code_ = 0;
  bool fonts_dirty_ = true;
  int frames_ = 0;
  int last_attract_slot_ = -1;
  std::string attract_shown_;  // the language the last attract frame drawn showed
};

}  // namespace kiosk::app
