// The kiosk application: owns the one state (settings, session, content,
// catalog, widgets), turns input into session changes, draws frames, applies
// the intents screens ask for, and reloads content at safe moments.
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "content/accept.h"
#include "content/model.h"
#include "packs/pack.h"
#include "packs/pack_watch.h"
#include "stats/stats.h"
#include "content/search.h"
#include "content/store.h"
#include "i18n/catalog.h"
#include "i18n/text.h"
#include "platform/clock.h"
#include "platform/fonts.h"
#include "platform/input.h"
#include "platform/speech.h"
#include "platform/video.h"
#include "screens/screens.h"
#include "session/idle.h"
#include "session/session.h"
#include "session/settings.h"
#include "staff/staff.h"
#include "ui/ui.h"

namespace kiosk::app {

class App {
public:
  // speech: where spoken words go; null records them (headless, tests).
  App(session::Settings settings, platform::Clock& clock, platform::Video& video, platform::Speech* speech = nullptr);
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
  std::string screen() const;
  // The screen the last frame drew (screen() may already be the next one,
  // after that frame's intents).
  const std::string& drawn_screen() const { return drawn_screen_; }
  std::string overlay() const;
  const session::Session& session() const { return session_; }
  const content::Store* store() const { return store_.get(); }
  const i18n::Catalog& catalog() const { return catalog_; }
  int frames_drawn() const { return frames_; }
  // The content model in the visitor's locale (null without content), how
  // many searches ran and QR codes were encoded: tests check that drawing
  // again works nothing out.
  const content::Model* model() const { return model_.get(); }
  size_t searches_run() const { return search_ ? search_->queries_run() : 0; }
  size_t qr_codes_encoded() const { return ui_.qr_encoded(); }
  // Where ImGui sees the pointer (-1 when off the screen), and if it is down.
  float pointer_x() const { return pointer_x_; }
  float pointer_y() const { return pointer_y_; }
  bool pointer_down() const { return pointer_down_; }
  // The speech output in use (a RecordedSpeech unless one was given).
  platform::Speech& speech() { return *speech_; }
  // A new database is being checked beside the frames (tests wait for it).
  bool content_check_running() const;

private:
  void apply(const screens::Intent& in);
  void reset_session();
  void check_content(bool force);
  void take_checked_content();
  // Content that arrives is copied and accepted (content/accept.h) before use;
  // an error reading it later sets it aside for the last good copy.
  // `glyphs`: the characters of its content, when its acceptance check gathered them.
  bool use_content(std::unique_ptr<content::Store> fresh, const std::string& from, content::LocaleGlyphs glyphs = {});
  std::unique_ptr<content::Store> fallback_content(std::string* from, content::LocaleGlyphs* glyphs);
  void recover_content();
  void setup_style();
  void build_fonts();
  float scale() const;

  session::Settings settings_;
  std::unique_ptr<platform::Speech> own_speech_;
  platform::Speech* speech_ = nullptr;
  void say(const std::string& text);
  std::string screen_text() const;  // every node of the screen in reading order
  // EZ Access: the first key on the attract or home screen turns speech on
  // and says so, with the keys and where the visitor is (the key then does
  // its usual work, and its words follow). False once audio was offered or
  // chosen this session, or when nothing can be heard.
  bool offer_audio();
  // What the Help key says: the screen's name and heading, and its choices.
  std::string screen_summary() const;
  bool read_aloud_next_frame_ = false;  // Read aloud chosen in a dialog: the screen, after it closes
  bool audio_offered_ = false;   // this session: a key turned speech on, or the visitor chose it
  std::string pending_speech_;   // said with the next frame's focus words (so they do not cut it off)
  bool summary_next_frame_ = false;  // add screen_summary() of the next frame's tree to what it says
  uint64_t spoken_visit_ = 0;        // the visit (session::Route::visit) the last frame drew
  // The attract screen's language names (region "language") take a touch themselves.
  bool on_language_choice(float x, float y) const;
  platform::Clock& clock_;
  platform::Video& video_;
  session::Session session_;
  session::IdleTimer idle_;
  i18n::Catalog catalog_;
  std::unique_ptr<content::OwnedContent> owned_;  // the copies store_ reads (declared first: outlives store_)
  std::unique_ptr<content::Store> store_;
  std::unique_ptr<content::BackgroundAdopt> adopting_;  // checks new content beside the frames
  std::unique_ptr<content::Candidate> checked_;         // passed; waits for a quiet moment
  bool content_broken_ = false;  // an error reading store_; recovered in tick(), never mid-frame
  // The content model and search for the visitor's locale, rebuilt when the
  // locale or the content changes; the last search is kept.
  std::shared_ptr<const content::Model> model_;
  std::unique_ptr<content::Search> search_;
  std::string search_query_;
  content::SearchResponse search_response_;
  const content::Model* model_for_locale();
  // The text field of the screen shown (search words, town), or null.
  std::string* text_field();
  std::string* field_text(screens::TextField f);  // the visitor text a screen's keyboard types into
  const content::SearchResponse& search(const std::string& query);
  std::vector<std::string> locales_;
  ui::Ui ui_;
  ImVector<ImWchar> glyph_ranges_;
  platform::FontFiles font_files_;
  std::map<std::string, platform::FontFace> script_fonts_;  // "ar", "zh-cn/bold"...
  i18n::Glyphs glyphs_;                 // every character the atlas holds ("" = build it again)
  content::LocaleGlyphs content_glyphs_;  // of store_'s content, per locale, from its acceptance check
  std::string words_locale_;  // the locale ui_.word_on/word_off were formatted for  // every text the active locales can show

  // Staff mode, content packs, usage statistics.
  staff::StaffLock staff_lock_;
  bool staff_in_ = false;
  std::string staff_entry_;
  std::string staff_save_error_;  // the last lockout write failure logged
  screens::StaffView staff_view_;
  int64_t corner_down_ms_ = -1;        // a finger held in the top-left corner since
  std::unique_ptr<packs::PackWatcher> packs_;
  std::unique_ptr<stats::Stats> stats_;
  bool stats_failed_ = false;
  int exit_code_ = 0;
  void open_staff_pin();
  void close_all_overlays();
  void staff_key(const std::string& k);
  void staff_do(const std::string& what);
  void fill_staff_view();
  void count(const std::string& kind, const std::string& key);
  void leaving(const session::Route& from);  // statistics of the place a visitor leaves

  std::deque<platform::InputEvent> queue_;
  float pointer_x_ = -1, pointer_y_ = -1;
  bool pointer_down_ = false;
  int64_t pointer_down_ms_ = 0;  // when the finger went down
  std::string drawn_screen_;
  int release_frames_ = 0;       // frames since the finger lifted
  int grace_frames_ = 3;
  bool quit_ = false;
  bool fonts_dirty_ = true;
  int frames_ = 0;
  int64_t last_content_check_ = 0;
  struct stat content_stat_ {};
  int last_attract_slot_ = -1;
};

}  // namespace kiosk::app
