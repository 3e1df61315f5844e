// App: input -> session -> screens -> frame, and intents back into the session.
#include "app/app.h"

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <set>

#include <imgui.h>

#include "app/config.h"
#include "content/kinds.h"
#include "content/icons.h"
#include "i18n/bidi.h"
#include "platform/fonts.h"

namespace kiosk::app {

namespace {
void log(const std::string& s) { std::fprintf(stderr, "kiosk: %s\n", s.c_str()); }
constexpr int kGraceFrames = 3;
constexpr int64_t kContentPollMs = 2000;
constexpr int64_t kContentCheckWaitMs = 200;  // looking for the end of a background content check
// A finger resting this long (a leaning hand, a long press) chooses nothing
// when it lifts. Long enough for a slow, deliberate tap.
constexpr int64_t kLongPressMs = 3000;
}  // namespace

App::App(session::Settings settings, platform::Clock& clock, platform::Video& video, platform::Speech* speech)
    : settings_(std::move(settings)), speech_(speech), clock_(clock), video_(video),
      idle_(settings_.idle_seconds * 1000LL, settings_.warning_seconds * 1000LL),
      staff_lock_(settings_.staff_pin_file, settings_.staff_max_attempts, settings_.staff_lockout_minutes * 60'000LL) {
  if (!speech_) {
    own_speech_ = std::make_unique<platform::RecordedSpeech>();
    speech_ = own_speech_.get();
  }
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
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Glyphs: Latin-1 plus every character of the active locales' UI strings
  // and content, as drawn (Arabic shaped) and with the locale's digits, so a
  // new script costs only its own glyphs.
  if (glyphs_.empty()) {
    for (char32_t c : U"…•–—“”‘’") if (c) glyphs_.insert(c);
    for (const auto& loc : locales_) {
      const bool rtl = i18n::is_rtl_locale(loc);
      for (const auto& key : catalog_.keys(loc)) i18n::add_glyphs(catalog_.format(loc, key), rtl, glyphs_);
      i18n::add_glyphs(i18n::native_digits(loc), rtl, glyphs_);
      if (!store_) continue;
      // the acceptance check gathered them as it read the content
      if (auto it = content_glyphs_.find(loc); it != content_glyphs_.end()) {
        glyphs_.insert(it->second.begin(), it->second.end());
        continue;
      }
      try {
        content::add_model_glyphs(*content::load_model(*store_, loc), rtl, glyphs_);
      } catch (const content::SqlError& e) {
        log(std::string("cannot read content for glyphs: ") + e.what());
      }
    }
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  for (char32_t c : glyphs_)
    if (c <= IM_UNICODE_CODEPOINT_MAX) builder.AddChar(static_cast<ImWchar>(c));
  glyph_ranges_.clear();  // a member: the atlas reads it until the next rebuild
  builder.BuildRanges(&glyph_ranges_);
  // Scripts the main family lacks get a merged face of their own.
  auto uses = [&](ImWchar from, ImWchar to) {
    for (ImWchar c = from; c <= to && c >= from; ++c)
      if (builder.GetBit(c)) return true;
    return false;
  };
  struct Script { const char* lang; bool used; };
  const Script scripts[] = {{"ar", uses(0x0600, 0x06FF) || uses(0xFE70, 0xFEFE)},
                            {"zh-cn", uses(0x3000, 0x303F) || uses(0x4E00, 0x9FFF) || uses(0xFF00, 0xFFEF)}};

  // 33 px lines at 92 DPI: Noto Sans capitals are then 17.6 px, 4.9 mm tall (ADA 707.7.1 asks 3/16 inch, 4.8 mm)
  const float base = 33.0f * scale();
  ui_.em = std::round(base);
  // 12 mm minimum target at the configured DPI (DESIGN asks ~15 mm for the
  // main targets; layouts use larger ones where there is room).
  float dpi = settings_.display_dpi;
  ui_.min_target = std::round(12.0f / 25.4f * dpi * (settings_.scale_override > 0 ? settings_.scale_override * 92.0f / dpi : 1.0f));
  ui_.tap_slop = 3.0f / 25.4f * dpi;  // a finger moving under 3 mm still taps
  if (font_files_.regular.empty()) font_files_ = platform::find_fonts(settings_.font_family);
  const platform::FontFiles& files = font_files_;
  auto add = [&](const std::string& file, float px) -> ImFont* {
    // No horizontal oversampling: at kiosk sizes (33 px and up) glyphs
    // placed on whole pixels look the same, and the atlas is half the size
    // in memory (ImGui's copy and the GPU's).
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* font = nullptr;
    if (!file.empty()) {
      font = io.Fonts->AddFontFromFileTTF(file.c_str(), std::round(px), &cfg, glyph_ranges_.Data);
      if (!font) log("cannot load font " + file + "; using the built-in font");
    }
    if (!font) {
      cfg.SizePixels = std::round(px);
      font = io.Fonts->AddFontDefault(&cfg);
    }
    const bool bold = file == files.bold && files.bold != files.regular;
    for (const auto& sc : scripts) {
      if (!sc.used) continue;
      auto key = std::string(sc.lang) + (bold ? "/bold" : "");
      if (!script_fonts_.count(key)) script_fonts_[key] = platform::find_script_font(sc.lang, bold);
      const platform::FontFace& face = script_fonts_[key];
      if (face.file.empty()) continue;
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.FontNo = face.index;
      merge.OversampleH = 1;
      merge.PixelSnapH = true;
      // Arabic letters are small for their size in pixels beside Latin ones
      const float size = std::round(px * (sc.lang == std::string("ar") ? 1.2f : 1.0f));
      if (!io.Fonts->AddFontFromFileTTF(face.file.c_str(), size, &merge, glyph_ranges_.Data))
        log("cannot load font " + face.file);
    }
    return font;
  };
  ui_.fonts.body = add(files.regular, base);
  ui_.fonts.bold = add(files.bold, base);
  ui_.fonts.large = add(files.bold, base * 1.3f);
  ui_.fonts.reading = add(files.regular, base * 1.3f);
  ui_.fonts.title = add(files.bold, base * 1.7f);
  ui_.fonts.huge = add(files.bold, base * 2.4f);
  // the tiles' icons: merged into the huge font at the size a tile draws them
  std::vector<char32_t> icons;
  for (const auto& i : content::icons()) icons.push_back(i.codepoint);
  ui_.fonts.icons = platform::merge_icon_font(*io.Fonts, base * 3.2f, icons) ? ui_.fonts.huge : nullptr;
  io.Fonts->Build();
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
  if (from.screen == "guide" && from.param.size() > 4 && from.param.substr(from.param.size() - 4) != ":end")
    count("guide-left", from.param);  // "review:3": left the review guide at step 3
  if (from.screen == "search" && !session_.search_text.empty() && search_query_ == session_.search_text &&
      search_response_.results.empty() && stats_ && !stats_failed_) {
    // Only known words are kept (content/stats.h): the content's own words are
    // marked here, the dictionary's are looked up by the stats' writer thread.
    const std::string locale = search_ ? search_->locale() : session_.prefs.locale;
    auto words = stats::search_words(session_.search_text, locale,
                                       [&](const std::string& w) { return search_ && search_->knows(w); });
    if (!stats_->count_search_none(locale, std::move(words), static_cast<int64_t>(std::time(nullptr))))
      stats_failed_ = true;
  }
}

void App::open_staff_pin() {
  if (!staff_lock_.configured()) {
    log("staff mode asked for, but no staff PIN is set (kiosk-content set-pin)");
    return;
  }
  close_all_overlays();
  staff_entry_.clear();
  staff_view_ = {};
  session_.nav.push({"staff-pin", ""});
  ui_.clear_focus();
}

void App::staff_key(const std::string& k) {
  staff_view_.pin_status.clear();
  if (k == "cancel") { staff_entry_.clear(); session_.nav.reset({"home", ""}); return; }
  if (k == "clear") { staff_entry_.clear(); staff_view_.pin_digits = 0; return; }
  if (k != "ok") {
    if (staff_entry_.size() < 12) staff_entry_ += k;
    staff_view_.pin_digits = static_cast<int>(staff_entry_.size());
    return;
  }
  using R = staff::StaffLock::Result;
  const int64_t now = clock_.now_ms();
  R r = staff_lock_.check(staff_entry_, now);
  std::fill(staff_entry_.begin(), staff_entry_.end(), '\0');  // not left in memory
  staff_entry_.clear();
  staff_view_.pin_digits = 0;
  if (r == R::Ok) {
    staff_in_ = true;
    log("staff mode opened");
    session_.nav.reset({"staff", ""});
    fill_staff_view();
  } else {
    staff_view_.pin_status = staff_lock_.status_text(r, now);
    if (r == R::Wrong) log("staff PIN wrong (" + std::to_string(staff_lock_.failed()) + " since staff last came in)");
    if (r == R::Locked) log("staff PIN pad locked: " + staff_view_.pin_status);
  }
  if (const std::string& why = staff_lock_.save_error(); !why.empty() && why != staff_save_error_)
    log("the staff lockout cannot be kept over a restart: " + why);
  staff_save_error_ = staff_lock_.save_error();
}

void App::staff_do(const std::string& what) {
  if (!staff_in_) return;
  std::string& msg = staff_view_.message;
  if (what == "reload") {
    check_content(true);
    msg = !store_ ? "No content could be loaded; see the log."
          : content_check_running() ? "Checking the content now; it is used as soon as it passes (see the log)."
                                    : "Content reloaded.";
  } else if (what == "rollback") {
    std::string why = packs::roll_back(settings_.database);
    if (why.empty()) check_content(true);
    msg = why.empty() ? "The previous content is coming back: it is used as soon as its check passes." : "Roll back refused: " + why;
    log(msg);
  } else if (what == "packs") {
    if (packs_) packs_->poke();
    msg = packs_ ? "Looking for new content packs now; see below in a moment." : "No pack source is set in kiosk.toml ([packs]).";
  } else if (what == "export") {
    std::string dir = settings_.stats_export_dir.empty() ? std::string(".") : settings_.stats_export_dir;
    std::string path = (std::filesystem::path(dir) / "kiosk-usage.csv").string();
    FILE* f = stats_ ? std::fopen(path.c_str(), "w") : nullptr;
    if (f) {
      std::string csv = stats_->csv();
      std::fwrite(csv.data(), 1, csv.size(), f);
      std::fclose(f);
    }
    msg = !stats_ ? "Statistics are off ([stats] file in kiosk.toml)." : f ? "Usage written to " + path : "Cannot write " + path;
  } else if (what == "test") {
    staff_view_.touches.clear();
    session_.nav.push({"staff-test", ""});
    return;
  } else if (what == "leave") {
    staff_in_ = false;
    session_.nav.reset({"home", ""});
    log("staff mode closed");
    return;
  } else if (what == "exit" || what == "restart") {
    log(what == "exit" ? "staff asked the kiosk to exit" : "staff asked the kiosk to restart");
    exit_code_ = what == "exit" ? 4 : 75;  // kiosk.service: 4 stays stopped (RestartPreventExitStatus), 75 restarts
    quit_ = true;
    return;
  }
  fill_staff_view();
}

void App::fill_staff_view() {
  screens::StaffView& v = staff_view_;
  v.database = settings_.database;
  v.speech_off = speech_->unavailable();
  auto inst = packs::installed(settings_.database);
  v.version = inst.version;
  v.previous_version = inst.previous_version;
  v.sources.clear();
  v.stale.clear();
  v.coverage.clear();
  v.usage.clear();
  v.pack_stale = packs_ ? packs_->stale_words() : std::string();
  v.pin_failures = staff_lock_.failures_text();
  v.pin_failed = staff_lock_.failed_before_entry() > 0;
  if (store_) try {
    v.content_hash = store_->info().content_hash;
    v.built_from = store_->info().built_from;
    v.items = store_->info().items;
    std::time_t t = std::time(nullptr);
    char today[16];
    std::strftime(today, sizeof today, "%Y-%m-%d", std::localtime(&t));
    std::set<std::string> sources;
    for (const auto& k : content::kinds())  // the kinds staff see listed (content/kinds.h)
      for (const auto& it : store_->items(k.kind)) {
        if (!k.staff_listed) break;
        sources.insert(it.source + ": " + it.source_date);
        if (!it.review_by.empty() && it.review_by < today) v.stale.push_back(it.file + ": review was due " + it.review_by);
      }
    v.sources.assign(sources.begin(), sources.end());
    for (const auto& loc : locales_) {
      if (loc == "en") continue;
      int done = 0, total = 0;
      for (const auto& c : store_->coverage(loc)) { done += c.done; total += c.total; }
      v.coverage.push_back(loc + ": " + std::to_string(done) + " of " + std::to_string(total) + " items translated");
    }
  } catch (const std::exception& e) {
    log(std::string("cannot read content for the staff menu: ") + e.what());
    content_broken_ = true;
  }
  if (stats_)
    for (const auto& [what, n] : stats_->totals(25)) v.usage.push_back(what + ": " + std::to_string(n));
}

std::string* App::field_text(screens::TextField f) {
  switch (f) {
    case screens::TextField::Search: return &session_.search_text;
    case screens::TextField::Town: return &session_.office_town;
    case screens::TextField::None: break;
  }
  return nullptr;
}

std::string* App::text_field() {
  if (!overlay().empty()) return nullptr;
  const auto* def = screens::find_screen(screen());
  return def ? field_text(def->text_field) : nullptr;
}

const content::Model* App::model_for_locale() {
  if (!store_) return nullptr;
  if (!model_ || model_->locale != session_.prefs.locale) {
    try {
      model_ = content::load_model(*store_, session_.prefs.locale);
    } catch (const std::exception& e) {  // the screen shows what it has; tick() opens the last good content
      log(std::string("cannot read content: ") + e.what());
      content_broken_ = true;
      return model_.get();
    }
  }
  return model_.get();
}

const content::SearchResponse& App::search(const std::string& query) {
  if (!store_) return search_response_;
  try {
    if (!search_ || search_->locale() != session_.prefs.locale) {
      search_ = std::make_unique<content::Search>(*store_, session_.prefs.locale);
      search_query_ = "\x01";  // nothing searched yet in this locale
    }
    if (query != search_query_) {
      search_query_ = query;
      search_response_ = search_->query(query, 30);
    }
  } catch (const std::exception& e) {
    log(std::string("search failed: ") + e.what());
    search_response_ = {};
    content_broken_ = true;
  }
  return search_response_;
}

std::string App::screen() const { return session_.nav.top().screen; }

std::string App::overlay() const {
  if (idle_.state() == session::IdleState::Warning) return "idle-warning";
  if (session_.show_language_picker) return "language";
  if (session_.show_accessibility) return "accessibility";
  if (session_.show_help) return "help";
  if (session_.show_more) return "more";
  return "";
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
  queue_.push_back(ev);
  grace_frames_ = std::max(grace_frames_, kGraceFrames);
}

void App::say(const std::string& text) {
  if (!text.empty()) speech_->say(text, session_.prefs.locale, session_.prefs.volume);
}

std::string App::screen_text() const {
  std::string out;
  for (const auto& n : ui_.tree().nodes()) {
    if (n.region == "nav" || n.role == ui::Role::Key) continue;  // the bar and keyboard keys are not the page
    if (!out.empty()) out += ". ";
    out += ui_.spoken(n);
  }
  return out;
}

bool App::offer_audio() {
  if (audio_offered_ || session_.prefs.speech || !speech_->unavailable().empty()) return false;
  audio_offered_ = true;
  session_.prefs.speech = true;
  const std::string& loc = session_.prefs.locale;
  pending_speech_ = catalog_.format(loc, "audio.on") + " " + catalog_.format(loc, "audio.keys");
  summary_next_frame_ = true;  // where the visitor is, from the tree the next frame builds (attract's is still up)
  log("audio on from a key");
  return true;
}

bool App::on_language_choice(float x, float y) const {
  for (const auto& n : ui_.tree().nodes())
    if (n.region == "language" && n.interactive() && n.rect.contains(x, y)) return true;
  return false;
}

std::string App::screen_summary() const {
  const std::string& loc = session_.prefs.locale;
  std::string out;
  // a screen's spoken name (screen.<name>), where its heading does not say it
  const std::string name_key = "screen." + screen();
  if (overlay().empty() && !catalog_.resolve(loc, name_key).empty()) out = catalog_.format(loc, name_key) + ".";
  std::vector<std::string> choices;
  bool heading = false;
  for (const auto& n : ui_.tree().nodes()) {
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
    names += ", " + catalog_.format(loc, "audio.more", {{"count", int64_t(choices.size() - kNamed)}});
  return out + (out.empty() ? "" : " ") +
         catalog_.format(loc, "audio.choices", {{"count", int64_t(choices.size())}, {"names", names}});
}

void App::reset_session() {
  leaving(session_.nav.top());
  staff_in_ = false;  // staff mode ends with the session, like everything else
  staff_entry_.clear();
  speech_->stop();  // nothing of one visitor is still speaking to the next
  pending_speech_.clear();
  summary_next_frame_ = false;
  audio_offered_ = false;  // the next visitor's first key offers audio again
  bool was_large = session_.prefs.large_text;
  session_.reset(settings_.default_locale);
  idle_.to_attract();
  ui_.clear_focus();
  ui_.forget_scroll();
  queue_.clear();
  pointer_down_ = false;
  setup_style();
  if (was_large) fonts_dirty_ = true;
  ImGui::GetIO().ClearInputCharacters();
  log("session reset");
}

void App::apply(const screens::Intent& in) {
  using T = screens::Intent::Type;
  auto close_overlays = [&] { close_all_overlays(); };
  switch (in.type) {
    case T::Open: {
      // staff screens open only through the PIN pad
      const auto* def = screens::find_screen(in.a);
      if (def && def->staff_only && !staff_in_) break;
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
      if (screen() == "attract")
        session_.prefs.locale = screens::attract_locale(locales_, session_.prefs.locale, clock_.now_ms(),
                                                        settings_.attract_cycle_seconds * 1000LL);
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
        if (!session_.search_text.empty()) search(session_.search_text);
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
      audio_offered_ = true;  // the visitor chose: a key does not turn it on again
      if (!session_.prefs.speech) { session_.prefs.touch_hear = false; speech_->stop(); }
      return;
    case T::ToggleTouchHear:
      if (!speech_->unavailable().empty()) return;  // a touch that reads nothing aloud would only confuse
      session_.prefs.touch_hear = !session_.prefs.touch_hear;
      if (session_.prefs.touch_hear) session_.prefs.speech = true;  // Touch and Hear speaks
      return;
    case T::Volume:
      session_.prefs.volume = std::clamp(session_.prefs.volume + (in.a == "up" ? 20 : -20), 0, 100);
      say(catalog_.format(session_.prefs.locale, "access.volume", {{"percent", int64_t(session_.prefs.volume)}}));
      return;
    case T::ReadAloud:
      // from the More dialog: the screen under it, once the dialog has closed
      if (!overlay().empty()) { close_overlays(); read_aloud_next_frame_ = true; return; }
      say(screen_text());
      return;
    case T::StaffKey: staff_key(in.a); break;
    case T::StaffDo: staff_do(in.a); break;
  }
  ui_.clear_focus();
}

void App::check_content(bool force) {
  int64_t now = clock_.now_ms();
  take_checked_content();
  if (!force && now - last_content_check_ < kContentPollMs) return;
  last_content_check_ = now;
  struct stat st {};
  bool exists = ::stat(settings_.database.c_str(), &st) == 0;
  bool changed = exists && (st.st_ino != content_stat_.st_ino || st.st_mtim.tv_sec != content_stat_.st_mtim.tv_sec ||
                            st.st_mtim.tv_nsec != content_stat_.st_mtim.tv_nsec || st.st_size != content_stat_.st_size);
  if (!force && !changed) return;
  // the published file is copied into one only the kiosk writes and checked
  // there: overwriting it in place later changes nothing a visitor sees
  if (!owned_) owned_ = std::make_unique<content::OwnedContent>(content::own_dir_for(settings_.database));
  if (store_) {
    // While content is in use, the check runs beside the frames; what passes
    // waits for a quiet moment (take_checked_content). A change noticed
    // during a check is looked at when it ends.
    if (!adopting_) adopting_ = std::make_unique<content::BackgroundAdopt>(*owned_);
    if (adopting_->start(settings_.database)) content_stat_ = st;
    return;
  }
  // start-up, or no content at all: nothing to show meanwhile, so here and now
  content_stat_ = st;
  std::string why, from = settings_.database;
  content::LocaleGlyphs glyphs;
  auto fresh = owned_->adopt(settings_.database, &why, &glyphs);
  if (!fresh) log("content refused, no content: " + why);
  if (!fresh) fresh = fallback_content(&from, &glyphs);  // start-up never aborts on content
  if (!fresh) {
    if (force) session_.nav.reset({"content-missing", ""});
    return;
  }
  use_content(std::move(fresh), from, std::move(glyphs));
}

// A finished background check: refused is logged; accepted is used as soon
// as nobody is mid-session (or staff are in the staff menu).
void App::take_checked_content() {
  if (adopting_ && adopting_->ready()) {
    content::Candidate c = std::move(*adopting_->take());
    if (!c.store)
      log("content refused, keeping the content in use: " + c.why);
    else {
      log("content checked: " + c.published + " passed; it is used at the next quiet moment");
      checked_ = std::make_unique<content::Candidate>(std::move(c));
    }
  }
  if (!checked_ || !(session_.at_rest() || staff_in_)) return;
  content::Candidate c = std::move(*checked_);
  checked_.reset();
  const std::string from = c.published;
  content::LocaleGlyphs glyphs;
  if (auto fresh = owned_->take(std::move(c), &glyphs)) use_content(std::move(fresh), from, std::move(glyphs));
}

bool App::content_check_running() const { return adopting_ && adopting_->running(); }

// content.db.previous, then the database the package installs
std::unique_ptr<content::Store> App::fallback_content(std::string* from, content::LocaleGlyphs* glyphs) {
  if (!owned_) return nullptr;
  const char* packaged = std::getenv("KIOSK_PACKAGED_DATABASE");  // tests; the .deb installs the fixed path
  for (const std::string& p : {settings_.database + ".previous", std::string(packaged ? packaged : "/usr/share/kiosk/content.db")}) {
    struct stat st {};
    if (p == settings_.database || ::stat(p.c_str(), &st) != 0) continue;
    std::string why;
    if (auto s = owned_->adopt(p, &why, glyphs)) {
      log("using the last good content instead: " + p);
      *from = p;
      return s;
    }
    log("content refused: " + why);
  }
  return nullptr;
}

// An error reading accepted content (a disk fault, a file changed under us):
// the copy is set aside and the one accepted before it (else the fallbacks) opened.
void App::recover_content() {
  content_broken_ = false;
  std::string why, from = "the last good copy";
  content::LocaleGlyphs glyphs;
  auto good = owned_ ? owned_->fall_back(&why, &glyphs) : nullptr;
  if (!good) {
    log("content failed and " + why);
    good = fallback_content(&from, &glyphs);
  }
  if (!good || !use_content(std::move(good), from, std::move(glyphs))) log("content failed, nothing good to go back to; keeping what there is");
}

bool App::use_content(std::unique_ptr<content::Store> fresh, const std::string& from, content::LocaleGlyphs glyphs) {
  i18n::Catalog cat;
  std::vector<std::string> available;
  try {
    fresh->load_catalog(cat);
    available = fresh->locales();
  } catch (const std::exception& e) {
    log("content refused, " + from + ": " + e.what());
    return false;
  }
  if (cat.keys("en").empty()) {
    log("content refused, it has no English UI strings: " + from);
    return false;
  }
  glyphs_.clear();
  content_glyphs_ = std::move(glyphs);
  search_.reset();  // holds statements of the old connection
  search_query_.clear();
  search_response_ = {};
  model_.reset();
  store_ = std::move(fresh);
  catalog_ = std::move(cat);
  words_locale_.clear();  // the new catalog may word them differently
  locales_.clear();
  for (const auto& l : settings_.locales)
    if (std::find(available.begin(), available.end(), l) != available.end()) locales_.push_back(l);
  if (locales_.empty()) locales_ = {"en"};
  log("content loaded: " + from + " (" + std::to_string(store_->info().items) + " items, version " +
      store_->info().content_hash + ")");
  if (!settings_.site_office.empty()) {  // a wrong id marks no office; the lobby's staff read why here
    std::optional<content::Item> here;
    try { here = store_->item(settings_.site_office); } catch (const std::exception&) {}
    if (!here || here->kind != "office")
      log("site.office = \"" + settings_.site_office + "\" is not an office of this content; no office is shown as \"You are here\"");
  }
  if (session_.nav.top().screen == "content-missing") session_.nav.reset({"attract", ""});
  fonts_dirty_ = true;
  grace_frames_ = std::max(grace_frames_, kGraceFrames);
  return true;
}

void App::tick() {
  int64_t now = clock_.now_ms();
  // Never time out over speech: while it speaks, the visitor is listening.
  if (speech_->busy() && idle_.state() == session::IdleState::Active) idle_.on_input(now);
  switch (idle_.tick(now)) {
    case session::IdleEvent::ShowWarning:
      close_all_overlays();
      ui_.clear_focus();
      ui_.move_focus(1);  // Enter answers "Yes, more time"
      // said with the button focus lands on, so that does not cut it off;
      // nothing of the screen under the warning is said (or shown)
      if (session_.prefs.speech)
        pending_speech_ = catalog_.format(session_.prefs.locale, "idle.title") + " " +
                          catalog_.format(session_.prefs.locale, "idle.countdown", {{"seconds", int64_t(settings_.warning_seconds)}});
      grace_frames_ = std::max(grace_frames_, 1);
      log("idle warning");
      break;
    case session::IdleEvent::Reset: reset_session(); break;
    case session::IdleEvent::None: break;
  }
  if (content_broken_) recover_content();
  check_content(false);
  if (stats_)
    for (const auto& m : stats_->take_messages()) log(m);
  if (packs_)
    for (const auto& m : packs_->take_messages()) {
      log(m);
      staff_view_.message = m;
    }
  // staff mode also opens by holding the top-left corner for 5 seconds
  if (pointer_down_ && pointer_x_ >= 0 && pointer_x_ < 80 && pointer_y_ >= 0 && pointer_y_ < 80) {
    if (corner_down_ms_ == -1) corner_down_ms_ = now;
    else if (corner_down_ms_ >= 0 && now - corner_down_ms_ >= 5000) {
      corner_down_ms_ = -2;  // once per hold
      open_staff_pin();
    }
  } else {
    corner_down_ms_ = -1;
  }
  if (idle_.state() == session::IdleState::Warning) grace_frames_ = std::max(grace_frames_, 1);
  if (screen() == "attract") {
    int slot = static_cast<int>(now / (settings_.attract_cycle_seconds * 1000LL));
    if (slot != last_attract_slot_) { last_attract_slot_ = slot; grace_frames_ = std::max(grace_frames_, 1); }
  }
}

bool App::wants_frame() const {
  return grace_frames_ > 0 || pointer_down_ || !queue_.empty() || (release_frames_ > 0 && release_frames_ < 3) ||
         ui_.animating();
}

int64_t App::ms_to_next_wake() const {
  int64_t now = clock_.now_ms();
  int64_t wake = idle_.ms_to_next_deadline(now);
  auto sooner = [&](int64_t ms) { wake = wake < 0 ? ms : std::min(wake, ms); };
  if (session_.at_rest() || !store_) sooner(std::max<int64_t>(0, last_content_check_ + kContentPollMs - now));
  if (content_check_running() || checked_) sooner(kContentCheckWaitMs);  // pick up its result soon after it ends
  if (screen() == "attract") {
    int64_t period = settings_.attract_cycle_seconds * 1000LL;
    sooner(period - now % period);
  }
  return wake;
}

void App::frame() {
  ImGuiIO& io = ImGui::GetIO();
  if (fonts_dirty_) build_fonts();
  io.DisplaySize = ImVec2((float)video_.width(), (float)video_.height());
  io.DeltaTime = 1.0f / 60.0f;

  // Apply queued input: keys and text all at once; every queued move up to
  // the next press or release in one frame (a touch panel sends ~100 moves a
  // second, more than frames are drawn); at most one press or release per
  // frame, in order, so ImGui sees each.
  bool moved = false;
  while (!queue_.empty()) {
    platform::InputEvent ev = queue_.front();
    using T = platform::InputEvent::Type;
    if (ev.type == T::PointerDown || ev.type == T::PointerUp || ev.type == T::PointerCancel) {
      if (moved) break;  // the last position gets its own frame before the release
      bool down = ev.type == T::PointerDown;
      if (down == pointer_down_ && pointer_x_ == ev.x && pointer_y_ == ev.y) { queue_.pop_front(); continue; }
      // a press first moves the pointer there for one frame
      if (down && (pointer_x_ != ev.x || pointer_y_ != ev.y || release_frames_ >= 2)) {
        pointer_x_ = ev.x; pointer_y_ = ev.y; release_frames_ = 0;
        break;
      }
      queue_.pop_front();
      // A press held this long, or one a second finger cancelled, chooses
      // nothing: the pointer leaves the screen as it lifts.
      const bool cancel = ev.type == T::PointerCancel ||
                          (!down && pointer_down_ && clock_.now_ms() - pointer_down_ms_ >= kLongPressMs);
      if (down) pointer_down_ms_ = clock_.now_ms();
      pointer_down_ = down;
      pointer_x_ = cancel ? -1 : ev.x;
      pointer_y_ = cancel ? -1 : ev.y;
      if (!down) release_frames_ = 0;
      // a touch anywhere starts, except on a language's name (that button starts in its language)
      if (!down && !cancel && screen() == "attract" && !on_language_choice(ev.x, ev.y)) apply({screens::Intent::Type::Home});
      break;
    }
    queue_.pop_front();
    if (ev.type == T::PointerMove) {
      if (pointer_down_) { pointer_x_ = ev.x; pointer_y_ = ev.y; release_frames_ = 0; moved = true; }
      continue;
    }
    if (ev.type == T::Text && screen() == "attract") {  // a letter key starts, as any key does
      apply({screens::Intent::Type::Home});
      offer_audio();
      continue;
    }
    if (ev.type == T::Text && screen() == "home" && overlay().empty()) offer_audio();
    if (ev.type == T::Text) {  // a physical keyboard types into the screen's one text field
      if (std::string* field = text_field()) apply({screens::Intent::Type::Set, screen() == "search" ? "search" : "office_town", *field + ev.text});
      continue;
    }
    if (ev.type == T::Key) {
      using K = platform::Key;
      if (screen() == "attract" && ev.key != K::StaffChord) {
        apply({screens::Intent::Type::Home});
        offer_audio();  // a visitor who reaches for the keys may not see the screen
        continue;
      }
      // the key then does what it does: its words follow the introduction
      if (screen() == "home" && overlay().empty() && ev.key != K::StaffChord) offer_audio();
      switch (ev.key) {
        case K::Backspace:
          if (std::string* field = text_field(); field && !field->empty()) {
            std::string t = *field;
            size_t i = t.size() - 1;
            while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
            apply({screens::Intent::Type::Set, screen() == "search" ? "search" : "office_town", t.substr(0, i)});
          }
          break;
        case K::Tab: case K::Down: case K::Right: ui_.move_focus(1); break;
        case K::ShiftTab: case K::Up: case K::Left: ui_.move_focus(-1); break;
        case K::Enter: ui_.activate_focused(); break;
        case K::Escape:
          if (!overlay().empty() && overlay() != "idle-warning") apply({screens::Intent::Type::CloseOverlay});
          else if (overlay().empty()) apply({screens::Intent::Type::Back});
          break;
        case K::Help:
          if (overlay() == "idle-warning") break;
          // spoken from what is on screen now, before the help dialog covers it
          if (session_.prefs.speech) {
            summary_next_frame_ = false;  // said here, from the screen under the dialog about to open
            pending_speech_ = (pending_speech_.empty() ? "" : catalog_.format(session_.prefs.locale, "audio.on") + " ") +
                              (overlay() == "help" ? screen_text() : screen_summary()) + " " +
                              catalog_.format(session_.prefs.locale, "audio.keys");
          }
          apply({screens::Intent::Type::ShowHelp});
          break;
        case K::Home: if (overlay() != "idle-warning") apply({screens::Intent::Type::Home}); break;
        case K::StaffChord: open_staff_pin(); break;
        default: break;
      }
    }
  }
  // ImGui 1.86 keeps a tapped widget hovered where the finger lifted: keep the
  // position two frames for the release to register, then move it away.
  bool pointer_gone = !pointer_down_ && release_frames_ >= 2;
  io.MousePos = pointer_gone || pointer_x_ < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(pointer_x_, pointer_y_);
  io.MouseDown[0] = pointer_down_;
  if (!pointer_down_) ++release_frames_;

  video_.begin_frame();
  ImGui::NewFrame();
  ui_.locale = session_.prefs.locale;
  ui_.rtl = i18n::is_rtl_locale(ui_.locale);
  ui_.touch_hear = session_.prefs.touch_hear;
  if (words_locale_ != ui_.locale) {  // spoken state words, formatted once per language
    words_locale_ = ui_.locale;
    ui_.word_on = catalog_.format(ui_.locale, "access.on");
    ui_.word_off = catalog_.format(ui_.locale, "access.off");
  }
  const auto* def = screens::find_screen(screen());
  if (!def) def = screens::find_screen("home");
  ui_.kids = def->kids_theme;
  ui_.begin_frame(clock_.now_ms());
  ui_.set_page(std::to_string(session_.nav.top().visit));

  std::vector<screens::Intent> intents;
  int secs = idle_.state() == session::IdleState::Warning ? std::max(1, idle_.seconds_left(clock_.now_ms())) : 0;
  screens::Ctx ctx{ui_, session_, catalog_, model_for_locale(),
                   [this](const std::string& q) -> const content::SearchResponse& { return search(q); },
                   locales_, staff_in_ || screen() == "staff-pin" ? &staff_view_ : nullptr, intents, 0, 0, (float)video_.width(),
                   (float)video_.height(), clock_.now_ms(), secs};
  ctx.attract_cycle_ms = settings_.attract_cycle_seconds * 1000LL;
  ctx.site_office = settings_.site_office;
  ctx.today = clock_.today();
  ctx.speech_available = speech_->unavailable().empty();
  if (def->has_nav_bar) ctx.h -= screens::nav_bar_height(ctx);
  drawn_screen_ = def->name;
  def->draw(ctx);
  if (def->has_nav_bar) screens::draw_nav_bar(ctx);
  if (!def->at_rest) screens::draw_overlays(ctx);

  ui_.end_frame();
  // leaving staff mode's screens leaves staff mode (the PIN pad is not in it yet)
  if (staff_in_ && !(def->staff_only && screen() != "staff-pin")) staff_in_ = false;
  if (screen() == "staff-test" && ImGui::GetIO().MouseClicked[0]) {
    staff_view_.touches.emplace_back(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y);
    if (staff_view_.touches.size() > 40) staff_view_.touches.erase(staff_view_.touches.begin());
  }
  // Focus moved, or a Touch and Hear finger rests on something: say it.
  // A new place is named by its heading as it opens (Enter on a tile would
  // otherwise be followed by silence).
  const bool arrived = session_.nav.top().visit != spoken_visit_;
  spoken_visit_ = session_.nav.top().visit;
  if (session_.prefs.speech) {
    std::string words = pending_speech_;
    if (summary_next_frame_) {
      words += (words.empty() ? "" : " ") + screen_summary();
    } else if (arrived && overlay().empty()) {
      for (const auto& n : ui_.tree().nodes())
        if (n.role == ui::Role::Heading && n.region != "nav") {
          words += (words.empty() ? "" : " ") + n.label;
          break;
        }
    }
    if (!ui_.speak_request().empty()) words += (words.empty() ? "" : " ") + ui_.speak_request();
    say(words);
  }
  pending_speech_.clear();
  summary_next_frame_ = false;
  if (read_aloud_next_frame_ && overlay().empty()) {
    read_aloud_next_frame_ = false;
    say(screen_text());
  }
  ImGui::Render();
  video_.render();
  ++frames_;
  if (grace_frames_ > 0) --grace_frames_;

  for (const auto& in : intents) apply(in);
  if (!intents.empty()) grace_frames_ = std::max(grace_frames_, kGraceFrames);
}

}  // namespace kiosk::app
