#include "app/content_host.h"

#include <algorithm>
#include <cstdlib>

#include "app/log.h"

namespace kiosk::app {

namespace {
constexpr int64_t kContentPollMs = 2000;
constexpr int64_t kContentCheckWaitMs = 200;  // looking for the end of a background content check
}  // namespace

ContentHost::Change ContentHost::check(bool force, bool quiet) {
  const int64_t now = clock_.now_ms();
  Change taken = take_checked(quiet);
  if (!force && now - last_check_ < kContentPollMs) return taken;
  last_check_ = now;
  struct stat st {};
  bool exists = ::stat(settings_.database.c_str(), &st) == 0;
  bool changed = exists && (st.st_ino != stat_.st_ino || st.st_mtim.tv_sec != stat_.st_mtim.tv_sec ||
                            st.st_mtim.tv_nsec != stat_.st_mtim.tv_nsec || st.st_size != stat_.st_size);
  if (!force && !changed) return taken;
  // the published file is copied into one only the kiosk writes and checked
  // there: overwriting it in place later changes nothing a visitor sees
  if (!owned_) owned_ = std::make_unique<content::OwnedContent>(content::own_dir_for(settings_.database));
  if (store_) {
    // While content is in use, the check runs beside the frames; what passes
    // waits for a quiet moment (take_checked). A change noticed during a
    // check is looked at when it ends.
    if (!adopting_) adopting_ = std::make_unique<content::BackgroundAdopt>(*owned_);
    if (adopting_->start(settings_.database)) stat_ = st;
    return taken;
  }
  // start-up, or no content at all: nothing to show meanwhile, so here and now
  stat_ = st;
  std::string from = settings_.database;
  content::LocaleGlyphs glyphs;
  auto adopted = owned_->adopt(settings_.database, &glyphs);
  if (!adopted.ok()) log("content refused, no content: " + adopted.why);
  auto fresh = std::move(adopted.value);
  if (!fresh) fresh = fallback(&from, &glyphs);  // start-up never aborts on content
  if (!fresh) return force ? Change::Missing : Change::None;
  return use(std::move(fresh), from, std::move(glyphs)) ? Change::Loaded : Change::None;
}

// A finished background check: refused is logged; accepted is used as soon
// as nobody is mid-session (or staff are in the staff menu).
ContentHost::Change ContentHost::take_checked(bool quiet) {
  if (adopting_ && adopting_->ready()) {
    content::Candidate c = std::move(*adopting_->take());
    if (!c.store)
      log("content refused, keeping the content in use: " + c.why);
    else {
      log("content checked: " + c.published + " passed; it is used at the next quiet moment");
      checked_ = std::make_unique<content::Candidate>(std::move(c));
    }
  }
  if (!checked_ || !quiet) return Change::None;
  content::Candidate c = std::move(*checked_);
  checked_.reset();
  const std::string from = c.published;
  content::LocaleGlyphs glyphs;
  if (auto fresh = owned_->take(std::move(c), &glyphs))
    return use(std::move(fresh), from, std::move(glyphs)) ? Change::Loaded : Change::None;
  return Change::None;
}

// content.db.previous, then the database the package installs
std::unique_ptr<content::Store> ContentHost::fallback(std::string* from, content::LocaleGlyphs* glyphs) {
  if (!owned_) return nullptr;
  const char* packaged = std::getenv("KIOSK_PACKAGED_DATABASE");  // tests; the .deb installs the fixed path
  for (const std::string& p : {settings_.database + ".previous", std::string(packaged ? packaged : "/usr/share/kiosk/content.db")}) {
    struct stat st {};
    if (p == settings_.database || ::stat(p.c_str(), &st) != 0) continue;
    auto adopted = owned_->adopt(p, glyphs);
    if (adopted.ok()) {
      log("using the last good content instead: " + p);
      *from = p;
      return std::move(adopted.value);
    }
    log("content refused: " + adopted.why);
  }
  return nullptr;
}

// An error reading accepted content (a disk fault, a file changed under us):
// the copy is set aside and the one accepted before it (else the fallbacks) opened.
ContentHost::Change ContentHost::recover_if_broken() {
  if (!broken_) return Change::None;
  broken_ = false;
  std::string from = "the last good copy";
  content::LocaleGlyphs glyphs;
  auto back = owned_ ? owned_->fall_back(&glyphs) : util::Result<std::unique_ptr<content::Store>>{};
  auto good = std::move(back.value);
  if (!good) {
    log("content failed and " + back.why);
    good = fallback(&from, &glyphs);
  }
  if (good && use(std::move(good), from, std::move(glyphs))) return Change::Loaded;
  log("content failed, nothing good to go back to; keeping what there is");
  return Change::None;
}

bool ContentHost::use(std::unique_ptr<content::Store> fresh, const std::string& from, content::LocaleGlyphs glyphs) {
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
  glyphs_ = std::move(glyphs);
  search_.reset();  // holds statements of the old connection
  search_query_.clear();
  search_response_ = {};
  model_.reset();
  store_ = std::move(fresh);
  catalog_ = std::move(cat);
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
  return true;
}

const content::Model* ContentHost::model(const std::string& locale) {
  if (!store_) return nullptr;
  if (!model_ || model_->locale != locale) {
    try {
      model_ = content::load_model(*store_, locale);
    } catch (const std::exception& e) {  // the screen shows what it has; tick() opens the last good content
      log(std::string("cannot read content: ") + e.what());
      broken_ = true;
    }
  }
  return model_.get();
}

const content::SearchResponse& ContentHost::search(const std::string& locale, const std::string& query) {
  if (!store_) return search_response_;
  try {
    if (!search_ || search_->locale() != locale) {
      search_ = std::make_unique<content::Search>(*store_, locale);
      search_query_ = "\x01";  // nothing searched yet in this locale
    }
    if (query != search_query_) {
      search_query_ = query;
      search_response_ = search_->query(query, 30);
    }
  } catch (const std::exception& e) {
    log(std::string("search failed: ") + e.what());
    search_response_ = {};
    broken_ = true;
  }
  return search_response_;
}

const content::SearchResponse* ContentHost::last_search(const std::string& query) const {
  return search_ && search_query_ == query ? &search_response_ : nullptr;
}

void ContentHost::add_glyphs(const std::string& locale, bool rtl, i18n::Glyphs& out) {
  if (!store_) return;
  // the acceptance check gathered them as it read the content
  if (auto it = glyphs_.find(locale); it != glyphs_.end()) {
    out.insert(it->second.begin(), it->second.end());
    return;
  }
  try {
    content::add_model_glyphs(*content::load_model(*store_, locale), rtl, out);
  } catch (const content::SqlError& e) {
    log(std::string("cannot read content for glyphs: ") + e.what());
  }
}

int64_t ContentHost::ms_to_next_check(bool quiet) const {
  int64_t wake = -1;
  if (quiet || !store_) wake = std::max<int64_t>(0, last_check_ + kContentPollMs - clock_.now_ms());
  if (check_running() || checked_) wake = wake < 0 ? kContentCheckWaitMs : std::min(wake, kContentCheckWaitMs);
  return wake;
}

}  // namespace kiosk::app
