// What a visitor would see change between two content databases (kiosk-content
// diff), and the proof a reviewer signs off: every changed screen rendered by
// the real headless kiosk, old beside new, in one HTML page and a PDF
// (kiosk-content proof). Kinds, fields and screens come from the registry
// (content/kinds.h); nothing here names a kind.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk::tools {

// One line of a field's diff: ' ' kept, '-' only in the old text, '+' only in
// the new, '~' a line changed in place (its words marked in `words`).
struct DiffWord {
  char op = ' ';  // ' ', '-', '+'
  std::string text;
};
struct DiffLine {
  char op = ' ';
  std::string text;              // ' ', '-', '+'
  std::vector<DiffWord> words;   // '~'
};

struct FieldChange {
  std::string field;  // as stored: "phones", "body", "step.2.text"
  std::string label;  // as staff read it: "phones", "body", "step 2 text"
  int step = 0;       // a guide's step (1..n), 0: not a step's
  std::string old_text, new_text;
  std::vector<DiffLine> lines;  // changed lines only (no context)
};

// The kind of a change to a UI string (locales/*.po): id is its key.
inline constexpr const char* kUiKind = "ui";

struct ItemChange {
  std::string what;    // "added", "removed", "changed"
  std::string kind, id;  // id as stored ("topic:apply"); kUiKind: a UI string, id its key
  std::string locale;  // "" : every language (fields that are not translated, or a whole item)
  std::string title;   // in that locale (English for every language), the new one unless removed
  std::vector<FieldChange> fields;
};

struct DiffSide {
  std::string path, content_hash, built_from, modified;  // modified: the file's time, UTC
};

struct ContentDiff {
  DiffSide old_side, new_side;
  std::vector<std::string> locales;  // compared
  std::vector<ItemChange> changes;   // kinds in the registry's order, items in staff's order
};

// Compares two databases in `locales` (empty: every locale either has).
// Returns false and sets *why (naming the file) when one cannot be read as
// a content database, or a locale is in neither.
bool diff_content(const std::string& old_db, const std::string& new_db, const std::vector<std::string>& locales,
                  ContentDiff* out, std::string* why);

// The readable diff: both versions, then each change with its fields'
// lines ("- old", "+ new", "~ a [-word-]{+changed+}").
std::string diff_text(const ContentDiff& d);
nlohmann::ordered_json diff_json(const ContentDiff& d);

// Word-level diff of two lines (tokens: runs of spaces and of other characters;
// a Chinese, Japanese or Korean character is a token of its own).
std::vector<DiffWord> diff_words(const std::string& a, const std::string& b);
// Line-level diff of two texts, a changed line paired with its new line as '~'.
std::vector<DiffLine> diff_lines(const std::string& a, const std::string& b);

struct ProofOptions {
  std::string out_dir;
  std::string kiosk;  // the kiosk binary; "": beside this program
  int width = 1080, height = 1920;
  std::string self;   // argv[0] of kiosk-content, to find the kiosk beside it
};

// One screen to render on each side: the route that shows a change.
struct ProofShot {
  size_t change = 0;  // index in ContentDiff::changes
  std::string locale, screen, param;
  std::string name;   // the screenshots' name: DIR/old/NAME.png, DIR/new/NAME.png
};

// The screens that show the changes: each item's screen (KindDef::screen, at
// its first place), every changed step of a guide, the home screen for a
// kind shown there.
std::vector<ProofShot> proof_shots(const ContentDiff& d);

// Renders every shot with the kiosk on both databases, writes DIR/index.html
// and DIR/proof.pdf. Returns "" or why not.
std::string make_proof(const ContentDiff& d, const ProofOptions& o, std::vector<ProofShot>* shots = nullptr);

}  // namespace kiosk::tools
