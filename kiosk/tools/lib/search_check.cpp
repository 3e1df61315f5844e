#include "tools/lib/search_check.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "content/search.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "util/strings.h"

namespace kiosk::tools {

namespace {
using util::split;
std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}
bool is_id(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ':')) return false;
  return true;
}
}  // namespace

util::Result<std::vector<SearchCase>> read_search_cases(const std::string& path) {
  util::Result<std::vector<SearchCase>> r;
  std::vector<SearchCase>& out = r.value;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.why += path + ": cannot read\n";
    return r;
  }
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (n == 1 && trim(cols.front()) == "query") continue;  // the header line: query<TAB>...<TAB>ids
    SearchCase c{n, trim(cols.front()), {}};
    bool ids_ok = cols.size() >= 2;
    if (ids_ok)
      for (const auto& id : split(trim(cols.back()), '|')) {
        if (!is_id(trim(id))) ids_ok = false;
        c.ids.push_back(trim(id));
      }
    if (!ids_ok) {
      if (n > 1 || out.size()) {
        r.why += path + ":" + std::to_string(n) + ": no ids in the last column (query<TAB>...<TAB>id|id)\n";
      }
      continue;  // the first line: a header
    }
    out.push_back(std::move(c));
  }
  return r;
}

SearchCheck search_check(content::Store& store, content::Search& search, const std::vector<SearchCase>& cases, int top) {
  SearchCheck r;
  // a table may name a topic as its file does ("prison"); it is stored, and
  // found, as "topic:prison"
  content::Stmt kinded(store.db(), "SELECT id FROM items WHERE id LIKE '%:' || ?1 AND substr(id, instr(id, ':') + 1) = ?1");
  for (SearchCase c : cases) {
    for (auto& id : c.ids) {
      if (store.item(id)) continue;
      kinded.reset();
      kinded.bind(1, id);
      if (kinded.step()) {
        id = kinded.text(0);
        continue;
      }
      if (std::find(r.unknown.begin(), r.unknown.end(), id) == r.unknown.end()) r.unknown.push_back(id);
    }
    auto resp = search.query(c.query, top);
    ++r.total;
    bool hit = false;
    std::vector<std::string> got;
    for (const auto& x : resp.results) {
      got.push_back(x.id);
      hit |= std::find(c.ids.begin(), c.ids.end(), x.id) != c.ids.end();
    }
    if (hit) ++r.found;
    else r.misses.push_back({c, got});
  }
  return r;
}

std::string SearchCheck::report(const std::string& locale, int top) const {
  std::ostringstream o;
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.1f", percent());
  o << locale << ": " << found << "/" << total << " (" << pct << " %) find an answer in the top " << top << "\n";
  for (const auto& m : misses) {
    o << "  miss, line " << m.c.line << ": \"" << m.c.query << "\" wants ";
    for (size_t i = 0; i < m.c.ids.size(); ++i) o << (i ? "|" : "") << m.c.ids[i];
    o << "; got";
    if (m.got.empty()) o << " nothing";
    for (const auto& g : m.got) o << " " << g;
    o << "\n";
  }
  for (const auto& u : unknown) o << "  unknown id in the table: " << u << "\n";
  return o.str();
}

}  // namespace kiosk::tools
