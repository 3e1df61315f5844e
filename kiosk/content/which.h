// "Which office handles my case?": the results of its two questions and the
// roles of phone lines, as content/which.toml gives them (kiosk-content
// validate checks the file; the builder stores it in the links table).
#pragma once
#include <array>
#include <string>

namespace kiosk::content {

// One result of the questions: who handles it and where the visitor goes.
// Empty fields show nothing. `id` is also the key of its UI strings
// (which.<id>.title and which.<id>.body).
struct WhichResult {
  std::string id, agency, guide, line, faq;  // agency: "SES", "OCSS" or ""
};

// The results the questions lead to, in the order the screen asks them;
// kWhichResults[1] is shown for any other step.
inline constexpr std::array<const char*, 6> kWhichResults = {"r-apply", "r-unsure", "r-review",
                                                            "r-payment", "r-enforce", "r-cant-pay"};

// The phone lines screens show by what they are for, not by their id.
enum class Line { Main, Children };
struct LineRole {
  Line line;
  const char* name;  // its key under [lines] in which.toml
};
inline constexpr std::array<LineRole, 2> kLineRoles = {{{Line::Main, "main"}, {Line::Children, "children"}}};

// The offices screens show by what they are for (under [offices]).
enum class Place { Children };
struct PlaceRole {
  Place place;
  const char* name;
};
inline constexpr std::array<PlaceRole, 1> kPlaceRoles = {{{Place::Children, "children"}}};

}  // namespace kiosk::content
