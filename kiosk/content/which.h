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
  const char* name;     // its key under [lines] in which.toml
  const char* fallback; // the contact of a database built before which.toml
};
inline constexpr std::array<LineRole, 2> kLineRoles = {{{Line::Main, "main", "call-center"},
                                                        {Line::Children, "children", "cip"}}};

// The offices screens show by what they are for (under [offices]).
enum class Place { Children };
struct PlaceRole {
  Place place;
  const char* name;
  const char* fallback;
};
inline constexpr std::array<PlaceRole, 1> kPlaceRoles = {{{Place::Children, "children", "cip-imrp"}}};

// The table of a database built before which.toml existed (and of content
// without the file): what the screen showed then.
inline const std::array<WhichResult, 6>& which_fallback() {
  static const std::array<WhichResult, 6> t = {{{"r-apply", "OCSS", "apply", "call-center", "apply-how"},
                                                {"r-unsure", "", "", "call-center", ""},
                                                {"r-review", "SES", "review", "call-center", "review-how"},
                                                {"r-payment", "", "", "payment-line", "payments-info"},
                                                {"r-enforce", "SES", "", "call-center", "stopped-paying"},
                                                {"r-cant-pay", "SES", "cant-pay", "call-center", "hard-cant-pay"}}};
  return t;
}

}  // namespace kiosk::content
