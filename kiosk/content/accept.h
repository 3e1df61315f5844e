// The one acceptance check every content database passes before a visitor
// sees it (check-pack, the drop folder, HTTP, a file renamed over the live
// one, start-up), the limits the validator shares, bounded reading of files
// that arrive, and the copies of accepted content that only the kiosk writes.
#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "util/files.h"
#include "util/result.h"

namespace kiosk::content {

class Store;

// Sizes a database may have. The validator (tools/lib/validate.cpp) refuses
// sources that would exceed them, so what builds is what a kiosk accepts.
struct Limits {
  int64_t max_database_bytes = 512ll << 20;  // the file
  int64_t max_text_bytes = 64 << 10;         // one answer, body or step text
  int64_t max_total_text_bytes = 128ll << 20;  // every text of every locale
  int64_t max_items = 20000;
  int64_t max_steps = 40;                    // steps of one guide
  int64_t max_locales = 16;
  int64_t max_ui_strings = 20000;            // every locale together
  int64_t max_pattern_bytes = 4096;          // one UI string
  int64_t max_links = 200000, max_synonyms = 100000, max_stopwords = 20000;
};
const Limits& limits();

// Every character a locale's content and UI strings show (for the font atlas),
// gathered while the acceptance check reads them anyway.
using LocaleGlyphs = std::map<std::string, std::set<char32_t>>;

// Runs every check on the database at `path` (which should be a copy the
// kiosk owns): a regular file within the size limit, the schema version, the
// exact schema (every table, column, index and search index the kiosk reads,
// nothing else), PRAGMA integrity_check, the counts and sizes above, every UI
// string compiling as MessageFormat with the same arguments as English, a
// keyboard with letters, stop words for search, every item loadable by the
// content library in every locale, and a search in each. "" or the reason, in
// words staff can read. `cancel` (optional) stops it early.
// `glyphs` (optional) receives, per locale, every character of its content.
std::string accept_database(const std::string& path, const std::atomic<bool>* cancel = nullptr,
                            LocaleGlyphs* glyphs = nullptr);

// A regular file opened for reading: the descriptor (closed when it goes out
// of scope) and its size then.
struct OpenFile {
  util::Fd fd;
  int64_t size = 0;
};

// Opens `path` for reading only when it is a regular file (not a FIFO, a
// device, a directory or a symlink when no_follow): O_NONBLOCK, then fstat.
// The file, or (an empty Fd) why not.
util::Result<OpenFile> open_regular(const std::string& path, bool no_follow);

// Reads a small regular file of at most max_bytes whole: its text, or why not.
util::Result<std::string> read_small_file(const std::string& path, int64_t max_bytes);

// Copies the regular file `from` into a new file `to` (mode 0444 when done: nobody writes it)
// through a fixed buffer, refusing anything over max_bytes; fsynced. When
// sha256_hex is given it receives the SHA-256 of exactly the bytes written.
std::string copy_bounded(const std::string& from, const std::string& to, int64_t max_bytes,
                         std::string* sha256_hex = nullptr, const std::atomic<bool>* cancel = nullptr);

// A database copied into the kiosk's own folder and checked, not yet in use.
// Dropped without being taken, its copy is removed.
struct Candidate {
  std::string published;  // the file it was copied from
  std::string copy;       // the kiosk's copy ("" once taken or refused)
  std::string why;        // "" when accepted; the reason in words staff can read
  std::unique_ptr<Store> store;
  LocaleGlyphs glyphs;    // of its content, per locale
  Candidate();
  Candidate(Candidate&&) noexcept;
  Candidate& operator=(Candidate&&) noexcept;
  ~Candidate();
};

// The databases a kiosk reads: copies of accepted content in a folder only it
// writes, so a published file overwritten in place changes nothing a visitor
// sees. Every copy is this process's own (pid in the name); copies of
// processes that have gone are removed on start.
class OwnedContent {
public:
  explicit OwnedContent(std::string own_dir);
  ~OwnedContent();
  OwnedContent(const OwnedContent&) = delete;
  OwnedContent& operator=(const OwnedContent&) = delete;

  // Copies `published` into a new file here, accepts the copy and opens it
  // read-only: prepare() then take(). The store, or (null) why when refused;
  // nothing in use changes then.
  util::Result<std::unique_ptr<Store>> adopt(const std::string& published, LocaleGlyphs* glyphs = nullptr);
  // The copy and the acceptance check alone, touching nothing in use: safe on
  // another thread while this object is used (BackgroundAdopt).
  Candidate prepare(const std::string& published, const std::atomic<bool>* cancel = nullptr) const;
  // An accepted candidate becomes the copy in use; the one in use before
  // becomes the last good one. nullptr (and nothing changes) when refused.
  std::unique_ptr<Store> take(Candidate&& c, LocaleGlyphs* glyphs = nullptr);
  // The copy in use failed at run time (an error reading it): set it aside
  // (renamed *.failed) and open the last good copy again. Null, and why, when
  // there is none or it fails too.
  util::Result<std::unique_ptr<Store>> fall_back(LocaleGlyphs* glyphs = nullptr);
  const std::string& current() const { return current_; }
  const std::string& dir() const { return dir_; }

private:
  std::string dir_, current_, last_good_, failed_;
};

// prepare() on a thread of its own, so checking a large database (seconds
// for hundreds of megabytes) never stops the frames or the watchdog. The
// owner polls ready() from its loop and take()s the result on its own thread.
class BackgroundAdopt {
public:
  explicit BackgroundAdopt(const OwnedContent& owned) : owned_(owned) {}
  // Cancels a check under way and waits for it (the check stops within a
  // fraction of a second when cancelled).
  ~BackgroundAdopt();
  BackgroundAdopt(const BackgroundAdopt&) = delete;
  BackgroundAdopt& operator=(const BackgroundAdopt&) = delete;
  // Starts checking a copy of `published`; false when a check is under way.
  bool start(const std::string& published);
  bool running() const { return started_ && !done_.load(); }
  bool ready() const { return started_ && done_.load(); }
  // The finished check (accepted or refused); nullopt until ready().
  std::optional<Candidate> take();

private:
  const OwnedContent& owned_;
  std::thread worker_;
  std::atomic<bool> done_{false}, cancel_{false};
  bool started_ = false;
  std::mutex mutex_;
  Candidate result_;
};

// The folder for OwnedContent beside a published database: <dir>/.kiosk-content
// when it can be made there, else one in the temporary folder.
std::string own_dir_for(const std::string& published);

}  // namespace kiosk::content
