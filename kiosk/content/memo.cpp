// Screens' derived data, worked out once per model (see memo.h).
#include "content/memo.h"

#include <memory>

namespace kiosk::content {

OfficeList Memo::offices(const Model& m, std::string_view typed, std::string_view agency, std::string_view here_id) {
  auto key = std::make_tuple(std::string(typed), std::string(agency), std::string(here_id));
  auto it = offices_.find(key);
  if (it == offices_.end()) {
    // a visitor types a town letter by letter: the lists of the last few
    // strings are enough (Back and forth, the agency filter)
    if (offices_.size() >= 16) offices_.clear();
    ++office_lists_built_;
    it = offices_.emplace(std::move(key), find_offices(m, typed, agency, here_id)).first;
  }
  return it->second;
}

const std::vector<Block>& Memo::markdown(const std::string& md) {
  auto it = markdown_.find(md);
  if (it == markdown_.end()) {
    ++markdown_parsed_;
    it = markdown_.emplace(md, parse_markdown(md)).first;
  }
  return it->second;
}

Memo& memo(const Model& m) {
  if (!m.memo) m.memo = std::make_shared<Memo>();
  return *m.memo;
}

}  // namespace kiosk::content
