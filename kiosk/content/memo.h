// What screens would otherwise work out from the content model every frame
// (the offices listed for what a visitor typed, sorted in the locale's order;
// Markdown parsed into blocks), worked out once and kept with the model. A
// content reload or another language is a new model, so nothing kept here
// outlives the content and locale it came from.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "content/markdown.h"
#include "content/offices.h"

namespace kiosk::content {

class Memo {
public:
  // find_offices(m, typed, agency, here_id), kept for the last few inputs.
  OfficeList offices(const Model& m, std::string_view typed, std::string_view agency, std::string_view here_id);
  // parse_markdown(md), kept per text (the texts are the content's: bounded).
  const std::vector<Block>& markdown(const std::string& md);

  // How often each was worked out (tests: drawing a screen again works nothing out).
  size_t office_lists_built() const { return office_lists_built_; }
  size_t markdown_parsed() const { return markdown_parsed_; }

private:
  std::map<std::tuple<std::string, std::string, std::string>, OfficeList> offices_;
  std::map<std::string, std::vector<Block>, std::less<>> markdown_;
  size_t office_lists_built_ = 0, markdown_parsed_ = 0;
};

// The memo kept with a model (made on first use; used from the frame loop's
// thread only).
Memo& memo(const Model& m);

}  // namespace kiosk::content
