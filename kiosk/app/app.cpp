// App: input -> session -> screens -> frame, and intents back into the session.
#include "app/app.h"

#include <cfloat>
#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>

#include <imgui.h>

#include "app/config.h"
#include "app/log.h"
#include "i18n/bidi.h"

namespace kiosk::app {

namespace {
constexpr int kGraceFrames = 3;
}  // namespace

App::App(Settings settings, platform::Clock& clock, platform::Video& video, platform::Speech* speech)
    : settings_(std::move(settings)),
      own_speech_(speech ? nullptr : std::make_unique<platform::RecordedSpeech>()),
      speech_(speech ? speech : own_speech_.get()),
      clock_(clock), video_(video),
      idle_(settings_.idle_seconds * 1000LL, settings_.warning_seconds * 1000LL),
      content_(settings_, clock_), input_(clock_), atlas_(settings_.font_family), voice_(*speech_),
      staff_(settings_, clock_) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing of a visitor's session is ever written to disk
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  io.MouseDrawCursor = false;
  io.KeyMap[ImGuiKey_Backspace] = 1;
  io.KeyMap[ImGuiKey_Enter] = 2;
  video_.attach_imgui();
  if (settings_.display_dpi_auto) {  // [display] dpi = "auto": what the display says, or 92
    std::string note;
    settings_.display_dpi = auto_dpi(video_.display_dpi(), video_.headless(), video_.width(), video_.height(), &note);
    log(note);
  }
  if (!settings_.pack_public_key.empty() && (!settings_.pack_drop_folder.empty() || !settings_.pack_url.empty())) {
    namespace fs = std::filesystem;
    packs::PackSources src{settings_.pack_public_key, settings_.pack_drop_folder, settings_.pack_url, settings_.database,
                             (fs::path(settings_.database).parent_path() / ".packs").string(), settings_.pack_poll_minutes * 60};
    src.connect_timeout_seconds = settings_.pack_connect_timeout_seconds;
    src.low_speed_bytes = settings_.pack_low_speed_bytes;
    src.low_speed_seconds = settings_.pack_low_speed_seconds;
    src.stale_after_seconds = int64_t(settings_.pack_stale_days) * 24 * 3600;
    packs_ = std::make_unique<packs::PackWatcher>(src);
  }
  if (!settings_.stats_file.empty()) {
    std::string why;
    stats_ = stats::Stats::open(settings_.stats_file, &why);
    if (!stats_) log("usage statistics are off: " + why);
  }
  if (!settings_.printer_queue.empty()) {
    print::Paper paper = print::Paper::Letter;
    if (!print::paper_from_name(settings_.printer_paper, paper))
      log("printer.paper = \"" + settings_.printer_paper + "\" is not letter or receipt80; printing on letter");
    printer_ = std::make_unique<print::PrintWorker>(print::Printer(settings_.printer_queue), paper);
    log("printing to the CUPS queue " + settings_.printer_queue);
  }
  health_ = HealthReport::open(settings_);
  session_.reset(settings_.default_locale);
  check_content(true);
  setup_style();
}

App::~App() {
  if (stats_) {  // what visitors did until now is written before the kiosk stops
    stats_->flush();
    for (const auto& m : stats_->take_messages()) log(m);
  }
  video_.detach_imgui();
  ImGui::DestroyContext();
}

float App::scale() const {
  float s = settings_.scale_override > 0 ? settings_.scale_override : settings_.display_dpi / 92.0f;
  return s * (session_.prefs.large_text ? 1.5f : 1.0f);
}

void App::setup_style() {
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  ImGui::StyleColorsLight(&st);
  st.WindowBorderSize = 0;
  st.WindowRounding = 0;
  st.ScrollbarSize = 18;
  st.ItemSpacing = ImVec2(12, 12);
  st.ScaleAllSizes(scale());
  ui_.high_contrast = session_.prefs.high_contrast;
  const auto& th = ui_.th();
  st.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(ui::col(th.text));
  st.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(ui::col(th.background));
  st.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(ui::col(th.accent));
  st.Colors[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(ui::col(th.surface_pressed));
}

void App::build_fonts() {
  // 33 px lines at 92 DPI: Noto Sans capitals are then 17.6 px, 4.9 mm tall (ADA 707.7.1 asks 3/16 inch, 4.8 mm)
  const float base = 33.0f * scale();
  ui_.em = std::round(base);
  // 12 mm minimum target at the configured DPI (DESIGN asks ~15 mm for the
  // main targets; layouts use larger ones where there is room).
  float dpi = settings_.display_dpi;
  ui_.min_target = std::round(12.0f / 25.4f * dpi * (settings_.scale_override > 0 ? settings_.scale_override * 92.0f / dpi : 1.0f));
  ui_.tap_slop = 3.0f / 25.4f * dpi;  // a finger moving under 3 mm still taps
  atlas_.build(base, session_.prefs.locale, content_.locales(), content_.catalog(), content_, ui_.fonts);
  video_.rebuild_fonts_texture();
  fonts_dirty_ = false;
}

void App::close_all_overlays() {
  session_.show_language_picker = session_.show_accessibility = session_.show_help = session_.show_more = false;
}

void App::count(const std::string& kind, const std::string& key) {
  if (!stats_ || stats_failed_) return;
  // queued: the stats' writer thread adds it to the file in its next batch
  if (!stats_->count(kind, key, static_cast<int64_t>(std::time(nullptr))))
    stats_failed_ = true;  // the writer said why (tick logs it); visitors are served all the same
}

void App::leaving(const session::Route& from) {
  if (from.screen == session::ScreenId::Guide && from.step != session::kGuideEnd)
    count("guide-left", session::place_text(from));  // "review:3": left the review guide at step 3
  const content::SearchResponse* last = content_.last_search(session_.search_text);
  if (from.screen == session::ScreenId::Search && !session_.search_text.empty() && last && last->results.empty() && stats_ && !stats_failed_) {
    // Only known words are kept (stats/stats.h): the content's own words are
    // marked here, the dictionary's are looked up by the stats' writer thread.
    const std::string locale = content_.search_locale();
    auto words = stats::search_words(session_.search_text, locale, [&](const std::string& w) { return content_.knows(w); });
    if (!stats_->count_search_none(locale, std::move(words), static_cast<int64_t>(std::time(nullptr))))
      stats_failed_ = true;
  }
}

StaffMode::Parts App::staff_parts() {
  return {content_, packs_.get(), stats_.get(), *speech_, [this] { check_content(true); }, printer_.get()};
}

void App::open_staff_pin() {
  if (!staff_.open_pin()) return;
  // CUPS is asked once per visit of staff, not on every key: asked as the pad
  // opens, its answer is in by the time the PIN is (the menu follows it, tick())
  if (printer_) printer_->refresh();
  close_all_overlays();
  session_.nav.push({session::ScreenId::StaffPin});
  ui_.clear_focus();
}

void App::staff_outcome(StaffMode::Outcome o) {
  using Go = StaffMode::Outcome::Go;
  if (o.go == Go::Home) session_.nav.reset({session::ScreenId::Home});
  if (o.go == Go::Menu) session_.nav.reset({session::ScreenId::Staff});
  if (o.go == Go::Test) session_.nav.push({session::ScreenId::StaffTest});
  if (o.exit_code >= 0) {
    exit_code_ = o.exit_code;
    quit_ = true;
  }
}

std::string* App::field_text(screens::TextField f) {
  switch (f) {
    case screens::TextField::Search: return &session_.search_text;
    case screens::TextField::Town: return &session_.office_town;
    case screens::TextField::None: break;
  }
  return nullptr;
}

screens::TextField App::shown_field() const { return screens::find_screen(screen_id()).text_field; }

std::string* App::text_field() {
  if (overlay_id() != Overlay::None) return nullptr;
  return field_text(screens::find_screen(screen_id()).text_field);
}

std::string App::screen() const { return session::screen_name(screen_id()); }

App::Overlay App::overlay_id() const {
  if (idle_.state() == session::IdleState::Warning) return Overlay::IdleWarning;
  if (session_.show_language_picker) return Overlay::Language;
  if (session_.show_accessibility) return Overlay::Accessibility;
  if (session_.show_help) return Overlay::Help;
  if (session_.show_more) return Overlay::More;
  return Overlay::None;
}

std::string App::overlay() const {
  // the names the dialogs' regions have in the accessibility tree
  constexpr const char* kNames[] = {"", "idle-warning", "language", "accessibility", "help", "more"};
  return kNames[static_cast<int>(overlay_id())];
}

Voice::Screen App::voice_screen() const {
  return {ui_, content_.catalog(), session_, screen_id(), overlay_id() != Overlay::None};
}

void App::handle(const platform::InputEvent& ev) {
  using T = platform::InputEvent::Type;
  if (ev.type == T::Quit) { quit_ = true; return; }
  if (ev.type == T::DisplayLost) {
    log("the display went away; exiting so the service restarts the kiosk");
    exit_code_ = 3;
    quit_ = true;
    return;
  }
  if (ev.type == T::Wake) { grace_frames_ = std::max(grace_frames_, kGraceFrames); return; }
  idle_.on_input(clock_.now_ms());
  input_.push(ev);
  grace_frames_ = std::max(grace_frames_, kGraceFrames);
}

bool App::on_language_choice(float x, float y) const {
  for (const auto& n : ui_.tree().nodes())
    if (n.region == "language" && n.interactive() && n.rect.contains(x, y)) return true;
  return false;
}

void App::print_done() {
  auto o = printer_->take();
  if (!o) return;
  const std::string& loc = session_.prefs.locale;
  print_view_.message = content_.catalog().format(loc, o->visitor_key);
  // the visitor may be listening, not looking: "Your page is ready below the screen."
  voice_.say(print_view_.message, session_);
  if (!o->printed) {
    log("printing failed: " + o->staff_line);
    staff_.note("Printing failed: " + o->staff_line);
  }
  grace_frames_ = std::max(grace_frames_, kGraceFrames);
}

void App::reset_session() {
  leaving(session_.nav.top());
  print_view_ = {};  // what was printed is no one's business after this visitor
  staff_.end();  // staff mode ends with the session, like everything else
  voice_.reset();
  bool was_large = session_.prefs.large_text;
  session_.reset(settings_.default_locale);
  idle_.to_attract();
  ui_.clear_focus();
  ui_.forget_scroll();
  input_.clear();
  setup_style();
  if (was_large) fonts_dirty_ = true;
  ImGui::GetIO().ClearInputCharacters();
  log("session reset");
}

void App::check_content(bool force) {
  content_changed(content_.check(force, session_.at_rest() || staff_.in()));
}

void App::content_changed(ContentHost::Change c) {
  if (c == ContentHost::Change::Missing) session_.nav.reset({session::ScreenId::ContentMissing});
  if (c != ContentHost::Change::Loaded) return;
  atlas_.forget_glyphs();
  words_locale_.clear();  // the new catalog may word them differently
  if (screen_id() == session::ScreenId::ContentMissing) session_.nav.reset({session::ScreenId::Attract});
  fonts_dirty_ = true;
  grace_frames_ = std::max(grace_frames_, kGraceFrames);
}

void App::tick() {
  int64_t now = clock_.now_ms();
  // Never time out over speech: while it speaks, the visitor is listening.
  if (speech_->busy() && idle_.state() == session::IdleState::Active) idle_.on_input(now);
  switch (idle_.tick(now)) {
    case session::IdleEvent::ShowWarning: {
      close_all_overlays();
      ui_.clear_focus();
      ui_.move_focus(1);  // Enter answers "Yes, more time"
      // said with the button focus lands on, so that does not cut it off;
      // nothing of the screen under the warning is said (or shown)
      const std::string& loc = session_.prefs.locale;
      if (session_.prefs.speech)
        voice_.say_next(content_.catalog().format(loc, "idle.title") + " " +
                        content_.catalog().format(loc, "idle.countdown", {{"seconds", int64_t(settings_.warning_seconds)}}));
      grace_frames_ = std::max(grace_frames_, 1);
      log("idle warning");
      break;
    }
    case session::IdleEvent::Reset: reset_session(); break;
    case session::IdleEvent::None: break;
  }
  if (printer_) print_done();
  if (printer_ && staff_.in() && staff_.printer_seen(printer_->last_state().staff_line))
    grace_frames_ = std::max(grace_frames_, 1);  // the menu's Printer line as the worker last found it
  content_changed(content_.recover_if_broken());
  check_content(false);
  if (stats_)
    for (const auto& m : stats_->take_messages()) log(m);
  if (packs_)
    for (const auto& m : packs_->take_messages()) {
      log(m);
      staff_.note(m);
    }
  // staff mode also opens by holding the top-left corner for 5 seconds
  if (staff_.corner_held(input_.down(), input_.x(), input_.y(), now)) open_staff_pin();
  if (idle_.state() == session::IdleState::Warning) grace_frames_ = std::max(grace_frames_, 1);
  if (health_)
    health_->beat(screen_id(), content_.store(), packs_.get(), speech_->unavailable().empty(),
                  printer_ ? std::optional<bool>(printer_->last_state().ready()) : std::nullopt);
  if (screen_id() == session::ScreenId::Attract) {
    int slot = static_cast<int>(now / (settings_.attract_cycle_seconds * 1000LL));
    if (slot != last_attract_slot_) { last_attract_slot_ = slot; grace_frames_ = std::max(grace_frames_, 1); }
  }
}

bool App::wants_frame() const {
  return grace_frames_ > 0 || input_.pending() || input_.settling() || ui_.animating();
}

int64_t App::ms_to_next_wake() const {
  int64_t now = clock_.now_ms();
  int64_t wake = idle_.ms_to_next_deadline(now);
  auto sooner = [&](int64_t ms) { wake = wake < 0 ? ms : std::min(wake, ms); };
  if (int64_t c = content_.ms_to_next_check(session_.at_rest()); c >= 0) sooner(c);
  if (health_) sooner(health_->ms_to_next_beat());  // the heartbeat the health file reports
  if (printer_ && printer_->busy()) sooner(100);      // to tell the visitor as soon as the page is out
  if (printer_ && staff_.in() && printer_->checking()) sooner(100);  // to show staff the printer's answer
  if (screen_id() == session::ScreenId::Attract) {
    int64_t period = settings_.attract_cycle_seconds * 1000LL;
    sooner(period - now % period);
  }
  return wake;
}

void App::act_on(const FrameInput& in) {
  using K = platform::Key;
  namespace I = screens::intent;
  if (in.kind == FrameInput::Kind::Tap) {
    // a touch anywhere starts, except on a language's name (that button starts in its language)
    if (screen_id() == session::ScreenId::Attract && !on_language_choice(in.x, in.y)) apply(I::Home{});
    return;
  }
  if (in.kind == FrameInput::Kind::Text) {
    if (screen_id() == session::ScreenId::Attract) {  // a letter key starts, as any key does
      apply(I::Home{});
      voice_.offer_audio(session_, content_.catalog());
      return;
    }
    if (screen_id() == session::ScreenId::Home && overlay_id() == Overlay::None) voice_.offer_audio(session_, content_.catalog());
    // a physical keyboard types into the screen's one text field
    if (std::string* field = text_field()) apply(I::Type{shown_field(), *field + in.text});
    return;
  }
  if (screen_id() == session::ScreenId::Attract && in.key != K::StaffChord) {
    apply(I::Home{});
    voice_.offer_audio(session_, content_.catalog());  // a visitor who reaches for the keys may not see the screen
    return;
  }
  // the key then does what it does: its words follow the introduction
  if (screen_id() == session::ScreenId::Home && overlay_id() == Overlay::None && in.key != K::StaffChord) voice_.offer_audio(session_, content_.catalog());
  switch (in.key) {
    case K::Backspace:
      if (std::string* field = text_field(); field && !field->empty()) {
        std::string t = *field;
        size_t i = t.size() - 1;
        while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
        apply(I::Type{shown_field(), t.substr(0, i)});
      }
      break;
    case K::Tab: case K::Down: case K::Right: ui_.move_focus(1); break;
    case K::ShiftTab: case K::Up: case K::Left: ui_.move_focus(-1); break;
    case K::Enter: ui_.activate_focused(); break;
    case K::Escape:
      if (overlay_id() != Overlay::None && overlay_id() != Overlay::IdleWarning) apply(I::CloseOverlay{});
      else if (overlay_id() == Overlay::None) apply(I::Back{});
      break;
    case K::Help:
      if (overlay_id() == Overlay::IdleWarning) break;
      // spoken from what is on screen now, before the help dialog covers it
      voice_.help_key(voice_screen(), overlay_id() == Overlay::Help);
      apply(I::Show{I::Dialog::Help});
      break;
    case K::Home: if (overlay_id() != Overlay::IdleWarning) apply(I::Home{}); break;
    case K::StaffChord: open_staff_pin(); break;
    default: break;
  }
}

void App::take_input() {
  for (const auto& in : input_.take_frame()) act_on(in);
  const PointerFrame p = input_.pointer_for_frame();
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = p.on_screen ? ImVec2(p.x, p.y) : ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = p.down;
}

void App::begin_frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2((float)video_.width(), (float)video_.height());
  io.DeltaTime = 1.0f / 60.0f;
  video_.begin_frame();
  ImGui::NewFrame();
  ui_.locale = session_.prefs.locale;
  ui_.rtl = i18n::is_rtl_locale(ui_.locale);
  ui_.touch_hear = session_.prefs.touch_hear;
  if (words_locale_ != ui_.locale) {  // spoken state words, formatted once per language
    words_locale_ = ui_.locale;
    ui_.word_on = content_.catalog().format(ui_.locale, "access.on");
    ui_.word_off = content_.catalog().format(ui_.locale, "access.off");
  }
}

void App::draw_route(std::vector<screens::Intent>& intents) {
  const screens::ScreenDef& def = screens::find_screen(screen_id());
  ui_.kids = def.kids_theme;
  ui_.begin_frame(clock_.now_ms());
  ui_.set_page(std::to_string(session_.nav.top().visit));
  int secs = idle_.state() == session::IdleState::Warning ? std::max(1, idle_.seconds_left(clock_.now_ms())) : 0;
  screens::Ctx ctx{ui_, session_, content_.catalog(), content_.model(session_.prefs.locale),
                   [this](const std::string& q) -> const content::SearchResponse& { return content_.search(session_.prefs.locale, q); },
                   content_.locales(), staff_.in() || screen_id() == session::ScreenId::StaffPin ? &staff_.view() : nullptr, intents, 0, 0,
                   (float)video_.width(), (float)video_.height(), clock_.now_ms(), secs};
  ctx.attract_cycle_ms = settings_.attract_cycle_seconds * 1000LL;
  ctx.site_office = settings_.site_office;
  ctx.today = clock_.today();
  ctx.speech_available = speech_->unavailable().empty();
  if (printer_) {
    print_view_.busy = printer_->busy();
    ctx.print = &print_view_;
  }
  if (def.has_nav_bar) ctx.h -= screens::nav_bar_height(ctx);
  drawn_screen_ = def.id;
  // a touch starts in the language this frame shows, even if the next one is due
  if (def.id == session::ScreenId::Attract)
    attract_shown_ = screens::attract_locale(ctx.locales, session_.prefs.locale, ctx.now_ms, ctx.attract_cycle_ms);
  def.draw(ctx);
  if (def.has_nav_bar) screens::draw_nav_bar(ctx);
  if (!def.at_rest) screens::draw_overlays(ctx);
  ui_.end_frame();
  // leaving staff mode's screens leaves staff mode (the PIN pad is not in it yet)
  if (staff_.in() && !(def.staff_only && screen_id() != session::ScreenId::StaffPin)) staff_.end();
  if (screen_id() == session::ScreenId::StaffTest && ImGui::GetIO().MouseClicked[0]) staff_.touched(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y);
}

void App::end_frame() {
  voice_.after_frame(voice_screen());
  ImGui::Render();
  video_.render();
  ++frames_;
  if (grace_frames_ > 0) --grace_frames_;
}

void App::frame() {
  // large text, new content, another language: before the frame that shows it
  if (fonts_dirty_ || atlas_.built_for() != session_.prefs.locale) build_fonts();
  take_input();
  begin_frame();
  std::vector<screens::Intent> intents;
  draw_route(intents);
  end_frame();
  for (const auto& in : intents) apply(in);
  if (!intents.empty()) grace_frames_ = std::max(grace_frames_, kGraceFrames);
}

}  // namespace kiosk::app
