// Usage statistics, private by design: counts only, in their own SQLite file,
// with time no finer than the hour. What is counted: screens, items, the
// language chosen, guides finished and the step where visitors left one, and
// searches that found nothing, kept only as the words of them that are known:
// words of the content itself (its vocabulary in that language, its synonyms),
// or common words of the language's hunspell dictionary that are not also
// names. Never a number in any script, spelled out or not; never an unknown
// word. A search with no known word left is not kept at all.
//
// Counting never waits for the disk: count() queues, and a writer thread
// adds a batch in one transaction (the file in WAL mode) a moment later, and
// everything queued when the Stats closes.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "i18n/typed_words.h"
#include "util/result.h"

namespace kiosk::content {
class Db;
}

namespace kiosk::stats {

class Dictionary;

// One word of a search that found nothing, and whether the content has it.
struct SearchWord {
  i18n::TypedWord word;
  bool in_content = false;  // in the content's vocabulary or synonyms in that language
};

// The words of what was typed (i18n::typed_words: no chunk with a number, no
// number word), each marked with `in_content` (the folded word).
std::vector<SearchWord> search_words(std::string_view typed, std::string_view locale,
                                     const std::function<bool(const std::string& folded)>& in_content);

// What is kept of a search that found nothing: its known words, folded, in
// the order typed, at most 80 bytes of whole words; "" when none is known.
// dictionary may be null (none installed): then only the content's words count.
std::string keep_known(const std::vector<SearchWord>& words, Dictionary* dictionary);

class Stats {
public:
  struct Options {
    std::string dictionary_dir;  // "" = stats::dictionary_dir()
    int batch_ms = 1000;         // how long the writer gathers counts before a batch
  };
  // Opens or creates the file (WAL, one transaction per batch) and starts
  // its writer; null, and why, when it cannot be written. A file from
  // before known words were required loses its searches (securely deleted).
  static util::Result<std::unique_ptr<Stats>> open(const std::string& path, const Options& options);
  static util::Result<std::unique_ptr<Stats>> open(const std::string& path);
  // Opens an existing statistics file to read (kiosk-content stats): never
  // creates, changes or adds a table to a file; null, and why, when the file
  // is missing or is not a kiosk statistics file (a content database, say).
  static util::Result<std::unique_ptr<Stats>> open_read_only(const std::string& path);
  // Writes what is still queued, then stops the writer.
  ~Stats();
  Stats(const Stats&) = delete;
  Stats& operator=(const Stats&) = delete;
  // kind: "visit", "screen", "item", "locale", "guide-done", "guide-left". Queues the
  // count and returns at once; false once counting has stopped because a
  // write failed (flush says why; take_messages has the log line).
  bool count(const std::string& kind, const std::string& key, int64_t unix_seconds);
  // A search that found nothing ("search-none"): its words, marked on the
  // caller's thread (search_words); the writer looks the rest up in the
  // locale's dictionary, loaded for the batch and freed after it.
  bool count_search_none(const std::string& locale, std::vector<SearchWord> words, int64_t unix_seconds);
  // Writes everything queued so far and waits for it; "" or why a write
  // failed (counting has stopped then).
  std::string flush();
  // Log lines from the writer since the last call: a dictionary that is
  // missing (said once per language), a write that failed.
  std::deque<std::string> take_messages();
  // How many batches were written, for tests.
  int64_t batches_written() const;
  // Both read what is written, after flush(). The largest counts summed over
  // all hours, largest first: ("screen offices", n).
  std::vector<std::pair<std::string, int64_t>> totals(int limit);
  // Everything as CSV: hour,kind,key,count (hours in UTC, "2026-11-22T16").
  std::string csv();

  struct Writer;

private:
  Stats() = default;
  std::unique_ptr<content::Db> db_;
  std::shared_ptr<Writer> writer_;  // null when opened read-only
  std::thread thread_;
};

}  // namespace kiosk::stats
