// The content the kiosk shows: the accepted database, its UI strings, the
// model and search of the visitor's locale. Content that arrives is copied
// and accepted (content/accept.h) before use: at start-up here and now, later
// beside the frames, and it is taken only at a quiet moment. An error reading
// it later sets it aside for the last good copy (recovered in tick, never
// mid-frame). The app is told what changed and redraws.
#pragma once
#include <memory>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "app/settings.h"
#include "content/accept.h"
#include "content/model.h"
#include "content/search.h"
#include "content/store.h"
#include "i18n/catalog.h"
#include "i18n/text.h"
#include "platform/clock.h"

namespace kiosk::app {

class ContentHost {
public:
  ContentHost(const Settings& settings, const platform::Clock& clock) : settings_(settings), clock_(clock) {}

  enum class Change {
    None,
    Loaded,   // new content is in use: strings, fonts and pages change
    Missing,  // nothing could be loaded at all
  };
  // Looks at the published database (every 2 s unless `force`); `quiet`: nobody
  // is mid-session, so checked content may be taken now.
  Change check(bool force, bool quiet);
  // After an error reading the content in use: the last good copy.
  Change recover_if_broken();

  const content::Store* store() const { return store_.get(); }
  content::Store* store() { return store_.get(); }  // its reads prepare statements
  const i18n::Catalog& catalog() const { return catalog_; }
  // The enabled locales the content has, in the settings' order ("en" at least).
  const std::vector<std::string>& locales() const { return locales_; }
  // The model of a locale, loaded once per locale and content; null without content.
  const content::Model* model(const std::string& locale);
  // Search in a locale; the last response is kept for the same query.
  const content::SearchResponse& search(const std::string& locale, const std::string& query);
  // The last response, if it was for this query; else null.
  const content::SearchResponse* last_search(const std::string& query) const;
  // A word the content of the last search's locale uses (statistics keep only known words).
  bool knows(const std::string& word) const { return search_ && search_->knows(word); }
  std::string search_locale() const { return search_ ? search_->locale() : std::string(); }
  // How many queries the search in use ran (tests: one per change of the words).
  size_t searches_run() const { return search_ ? search_->queries_run() : 0; }
  // Every character a locale's content shows, into out.
  void add_glyphs(const std::string& locale, bool rtl, i18n::Glyphs& out);

  bool check_running() const { return adopting_ && adopting_->running(); }
  // How long until check() has something to do (ms), -1 = nothing planned; `quiet` as for check().
  int64_t ms_to_next_check(bool quiet) const;
  // An error reading the store: the next recover_if_broken() sets it aside.
  void mark_broken() { broken_ = true; }

private:
  Change take_checked(bool quiet);
  bool use(std::unique_ptr<content::Store> fresh, const std::string& from, content::LocaleGlyphs glyphs);
  std::unique_ptr<content::Store> fallback(std::string* from, content::LocaleGlyphs* glyphs);

  const Settings& settings_;
  const platform::Clock& clock_;
  std::unique_ptr<content::OwnedContent> owned_;  // the copies store_ reads (declared first: outlives store_)
  std::unique_ptr<content::Store> store_;
  std::unique_ptr<content::BackgroundAdopt> adopting_;  // checks new content beside the frames
  std::unique_ptr<content::Candidate> checked_;         // passed; waits for a quiet moment
  bool broken_ = false;
  i18n::Catalog catalog_;
  std::vector<std::string> locales_;
  content::LocaleGlyphs glyphs_;  // of store_'s content, per locale, from its acceptance check
  std::shared_ptr<const content::Model> model_;
  std::unique_ptr<content::Search> search_;
  std::string search_query_;
  content::SearchResponse search_response_;
  int64_t last_check_ = 0;
  struct stat stat_ {};
};

}  // namespace kiosk::app
