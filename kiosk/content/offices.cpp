// Finding an office by any word of its name, town or street (see offices.h).
#include "content/offices.h"

#include <algorithm>

#include "i18n/text.h"

namespace kiosk::content {

std::vector<std::string> office_words(const Office& o) {
  return i18n::words(o.name + " " + o.town + " " + o.street);
}

namespace {
bool starts(const std::string& word, const std::string& typed) { return word.compare(0, typed.size(), typed) == 0; }
bool all_start_some(const std::vector<std::string>& typed, const std::vector<std::string>& own) {
  return std::all_of(typed.begin(), typed.end(), [&](const std::string& t) {
    return std::any_of(own.begin(), own.end(), [&](const std::string& w) { return starts(w, t); });
  });
}
bool matches(const Office& o, const std::vector<std::string>& typed) {
  return all_start_some(typed, o.words.empty() ? office_words(o) : o.words);
}
// How well it matches: 0 the name starts with the typed words, 1 they are
// words of the name, 2 of the town or street only ("hart": Hartford's two
// offices, then Greater Hartford, then East Hartford's).
int closeness(const Office& o, const std::vector<std::string>& typed) {
  if (typed.empty()) return 0;
  const std::vector<std::string> name =
      o.words.empty() ? i18n::words(o.name) : std::vector<std::string>(o.words.begin(), o.words.begin() + std::min(o.name_words, o.words.size()));
  if (!all_start_some(typed, name)) return 2;
  return !name.empty() && starts(name[0], typed[0]) ? 0 : 1;
}
}  // namespace

OfficeList find_offices(const Model& m, std::string_view typed, std::string_view agency, std::string_view here_id) {
  const std::vector<std::string> words = i18n::words(typed);
  auto pick = [&](bool use_typed) {
    std::vector<const Office*> out;
    for (const auto& o : m.offices)
      if ((agency.empty() || o.agency == agency) && (!use_typed || matches(o, words))) out.push_back(&o);
    return out;
  };
  OfficeList r;
  std::vector<const Office*> found = pick(true);
  if (found.empty() && !words.empty()) {
    r.nothing_matched = true;
    found = pick(false);
  }
  // here, its agency's others, the rest: each part by town, then name
  const auto here_it = std::find_if(found.begin(), found.end(), [&](const Office* o) { return o->id == here_id; });
  if (!here_id.empty() && here_it != found.end()) r.here = *here_it;
  auto part = [&](const Office* o) { return !r.here ? 1 : o == r.here ? 0 : o->agency == r.here->agency ? 1 : 2; };
  std::vector<std::string> keys;
  std::vector<int> close;
  for (const Office* o : found) {
    keys.push_back(o->town + " " + o->name);
    close.push_back(r.nothing_matched ? 0 : closeness(*o, words));
  }
  std::vector<size_t> rank(found.size());
  const std::vector<size_t> order = i18n::collate_order(keys, m.locale);
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  std::vector<size_t> idx(found.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    const int pa = part(found[a]), pb = part(found[b]);
    if (pa != pb) return pa < pb;
    return close[a] != close[b] ? close[a] < close[b] : rank[a] < rank[b];
  });
  for (size_t i : idx) {
    r.offices.push_back(found[i]);
    if (r.here && part(found[i]) == 1) ++r.same_agency;
  }
  return r;
}

}  // namespace kiosk::content
