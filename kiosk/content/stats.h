// Usage statistics, private by design: counts only, in their own SQLite file,
// with time no finer than the hour. What is counted: screens, items, the
// language chosen, guides finished and the step where visitors left one, and
// searches that found nothing with digits and anything that looks like a
// name, a case number or a phone number removed.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::content {

class Db;

// "what about 12345 for Maria Lopez" -> "what about for"
std::string scrub_search(const std::string& typed);

class Stats {
public:
  // Opens or creates the file; nullptr and *why when it cannot be written.
  static std::unique_ptr<Stats> open(const std::string& path, std::string* why);
  // Opens an existing statistics file to read (kiosk-content stats): never
  // creates, changes or adds a table to a file; nullptr and *why when the file
  // is missing or is not a kiosk statistics file (a content database, say).
  static std::unique_ptr<Stats> open_read_only(const std::string& path, std::string* why);
  ~Stats();
  // kind: "screen", "item", "locale", "guide-done", "guide-left", "search-none".
  // Returns false (and the reason in last_error) when the write failed.
  bool count(const std::string& kind, const std::string& key, int64_t unix_seconds);
  const std::string& last_error() const { return error_; }
  // The largest counts summed over all hours, largest first: ("screen offices", n).
  std::vector<std::pair<std::string, int64_t>> totals(int limit);
  // Everything as CSV: hour,kind,key,count (hours in UTC, "2026-11-22T16").
  std::string csv();

private:
  Stats() = default;
  std::unique_ptr<Db> db_;
  std::string error_;
};

}  // namespace kiosk::content
