// Finding an office: the list the Offices screen shows for what a visitor
// typed, the agency chosen and the office the kiosk stands in.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"

namespace kiosk::content {

struct OfficeList {
  std::vector<const Office*> offices;  // in the order shown
  const Office* here = nullptr;        // the kiosk's own office: offices[0] when set
  size_t same_agency = 0;              // after `here`, this many rows are its agency's other offices
  bool nothing_matched = false;        // the typed words matched nothing: `offices` is the whole list
};

// Every typed word (folded as search folds: case and accents optional) must
// start some word of the office's name, town or street, so "hart" finds
// Greater Hartford (in Windsor), East Hartford and Hartford. `agency` ("" =
// all) filters; the office `here_id` comes first, then its agency's other
// offices, then the rest; within each part the offices whose name the typed
// words start come first, then those with the words in their name, then the
// rest, each in the locale's order by town. When the
// typed words match nothing, the whole (agency-filtered) list is returned.
OfficeList find_offices(const Model& m, std::string_view typed, std::string_view agency, std::string_view here_id);

// The folded words an office is found by (name, town, street).
std::vector<std::string> office_words(const Office& o);

}  // namespace kiosk::content
