// Reading grades of what the kiosk shows: the Flesch-Kincaid grade that GNU
// diction's `style` gives each item's visible text, against the item's target
// (grade 6 for answers, guides, offices, lines and topics; grade 3 for the
// kids' corner pages written for children). Shells out to `style` (Debian
// package diction).
#pragma once
#include <string>
#include <vector>

#include "content/store.h"
#include "util/result.h"

namespace kiosk::tools {

struct Grade {
  std::string kind, id, title;
  std::string text;    // what was measured: plain text, one sentence end per line item
  double grade = 0;    // Flesch-Kincaid (style's "Kincaid")
  double target = 0;
  bool over() const { return grade > target + 1e-9; }
};

// The plain text a visitor reads for one item (Markdown stripped, every list
// item, step title and checklist line ending a sentence), in `locale`.
std::string shown_text(content::Store& store, const content::Item& item, const std::string& kind, const std::string& locale);

// The grade an item must not exceed: 3.0 for kids' pages with audience
// "children", 6.0 for everything else.
double grade_target(const content::Item& item, const std::string& kind);

// Flesch-Kincaid grade of text by `style`, or why not when style is missing
// or says nothing usable.
util::Result<double> kincaid(const std::string& text);

// Every item with body text of the kinds a visitor reads, in the kiosk's order;
// none, and why, when style cannot be run.
util::Result<std::vector<Grade>> grade_items(content::Store& store, const std::string& locale);

}  // namespace kiosk::tools
