// content/which.toml (issue 16): the results of "Which office handles my
// case?" and the roles of phone lines, which kiosk-content validate checks
// and refuses as file:line: message; and the model a database gives.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "content/model.h"
#include "content/store.h"
#include "fixtures.h"
#include "tools/lib/model.h"

using namespace kiosk;
using test::all;
using test::has;
namespace fs = std::filesystem;

namespace {

// The repository's content and locales in a temporary folder, which.toml
// changed by replacing `from` with `to`; the validator's messages about the
// file, and the line where the change starts.
struct Changed {
  std::vector<std::string> messages;
  int line = 0;
};
Changed validate_changed(const test::TempDir& d, const std::string& from, const std::string& to) {
  const std::string original = test::read(KIOSK_SOURCE_DIR "/content/which.toml");
  std::string text = original;
  Changed out;
  if (!from.empty()) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    out.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  }
  std::ofstream(d.path / "content" / "which.toml", std::ios::binary | std::ios::trunc) << text;
  for (const auto& m : test::validation_messages(d.path))
    if (m.find("which.toml") != std::string::npos) out.messages.push_back(m);
  return out;
}

const test::TempDir& real_copy() {
  static const test::TempDir d;
  static bool copied = false;
  if (!copied) {
    fs::copy(KIOSK_SOURCE_DIR "/content", d.path / "content", fs::copy_options::recursive);
    fs::copy(KIOSK_SOURCE_DIR "/locales", d.path / "locales", fs::copy_options::recursive);
    copied = true;
  }
  return d;
}

}  // namespace

TEST_CASE("the repository's which.toml passes, and every refusal names the file and line", "[content][which]") {
  const auto& d = real_copy();
  {
    const auto ok = validate_changed(d, "", "");
    INFO(all(ok.messages));
    CHECK(ok.messages.empty());
  }
  struct Case {
    const char* what;
    std::string from, to, message;  // message after "content/which.toml:<line>: "
    int delta = 0;                  // the message's line after the change's; kFirst: line 1 (something missing)
  };
  constexpr int kFirst = 1000;
  const std::vector<Case> cases = {
      {"a question id with a typo", "faq = \"payments-info\"", "faq = \"payments-inf\"",
       "faq = \"payments-inf\": there is no question (content/faq) with this id"},
      {"a guide id that is a question", "guide = \"review\"", "guide = \"review-how\"",
       "guide = \"review-how\" is a faq, not a guide"},
      {"a phone line that is a guide", "line = \"payment-line\"", "line = \"apply\"",
       "line = \"apply\" is a guide, not a phone line (content/contacts)"},
      {"an agency that is neither", "agency = \"OCSS\"", "agency = \"DSS\"",
       "agency = \"DSS\": write SES or OCSS, or leave agency out"},
      {"a result without its phone line", "id = \"r-unsure\"\nline = \"call-center\"", "id = \"r-unsure\"",
       "'r-unsure' needs a phone line, like line = \"call-center\"", -1},
      {"a result the questions do not have", "id = \"r-enforce\"", "id = \"r-enforcement\"",
       "'r-enforcement' is not a result of the questions (they are r-apply, r-unsure, r-review, r-payment, r-enforce, r-cant-pay)"},
      {"a result the questions have, missing", "id = \"r-enforce\"", "id = \"r-enforcement\"",
       "missing: the result 'r-enforce' (add a [[result]] with id = \"r-enforce\")", kFirst},
      {"a result given twice", "id = \"r-review\"", "id = \"r-apply\"", "'r-apply' is given twice (first on line "},
      {"a misspelt field", "faq = \"hard-cant-pay\"", "fac = \"hard-cant-pay\"",
       "unknown field 'fac' (a result has id, agency, guide, line and faq)"},
      {"the children's line missing", "children = \"cip\"\n", "", "missing: the phone line (content/contacts) for children (under [lines]: children = \"<its id>\")", -2},
      {"a role the screens do not have", "children = \"cip\"", "kids = \"cip\"",
       "'kids' is not a role under [lines] (they are main, children)"},
      {"the kids' office a phone line", "children = \"cip-imrp\"", "children = \"cip\"",
       "children = \"cip\" is a contact, not an office (content/offices)"},
      {"a role whose line is a question", "main = \"call-center\"", "main = \"apply-how\"",
       "main = \"apply-how\" is a faq, not a phone line (content/contacts)"},
      {"a role given twice", "children = \"cip\"", "children = \"cip\"\nchildren = \"call-center\"", "cannot read: ", 1},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const auto got = validate_changed(d, c.from, c.to);
    INFO(all(got.messages));
    const int line = c.delta == kFirst ? 1 : got.line + c.delta;
    CHECK(has(got.messages, "content/which.toml:" + std::to_string(line) + ": " + c.message));
  }
}
