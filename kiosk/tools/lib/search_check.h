// A table of visitor questions and the items that answer them, run through
// the kiosk's own search: how many find an answer among the first results.
// `kiosk-content search-check` and core_tests "[search][worried]" share it.
#pragma once
#include <string>
#include <vector>

#include "util/result.h"

namespace kiosk::content {
class Search;
class Store;
}

namespace kiosk::tools {

struct SearchCase {
  int line = 0;
  std::string query;
  std::vector<std::string> ids;  // any of them among the first `top` counts
};

// Reads a table of TAB-separated columns: the query first, the answering ids
// last, separated by '|' ("query<TAB>what they want<TAB>apply-how|apply", or
// "query<TAB>apply-how"). A first line whose ids are not ids is a header;
// empty lines and lines starting with '#' are skipped. The cases read, and in
// `why` the problems (a line without ids; the cases of the other lines are
// still read), one a line.
util::Result<std::vector<SearchCase>> read_search_cases(const std::string& path);

struct SearchCheck {
  struct Miss {
    SearchCase c;
    std::vector<std::string> got;  // the ids search put first
  };
  int total = 0, found = 0;
  std::vector<Miss> misses;
  std::vector<std::string> unknown;  // ids of the table that are not in the database
  double percent() const { return total ? 100.0 * found / total : 0.0; }
  // "en: 117/120 (97.5 %) find an answer in the top 3", then each miss with what came first
  std::string report(const std::string& locale, int top) const;
};

// Runs every query as typed (the last word as a word being typed, as the
// kiosk's live results do) and counts those with an answering id in the top.
SearchCheck search_check(content::Store& store, content::Search& search, const std::vector<SearchCase>& cases, int top = 3);

}  // namespace kiosk::tools
