// The content sources as read from content/ and locales/, before building.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "content/kinds.h"

namespace kiosk::tools {

struct Diag {
  std::string file;
  int line = 0;
  std::string message;
  std::string str() const { return file + ":" + std::to_string(line) + ": " + message; }
};

struct ItemFile {
  std::string path;   // as shown in messages (relative to the content folder's parent)
  std::string kind, id, locale;
  toml::table meta;
  int meta_line = 2;  // file line of the first TOML line
  std::string body;
  int body_line = 0;  // file line where the body starts
  int line_of(const toml::node& n) const {
    return n.source().begin.line ? static_cast<int>(n.source().begin.line) + meta_line - 1 : meta_line;
  }
};

struct SourceDoc {
  std::string file, title, date;
};

struct PoEntry {
  std::string key, pattern;
  int line = 0;
};

struct PoFile {
  std::string path, locale;
  std::vector<PoEntry> entries;
};

struct SynonymFile {
  std::string path, locale;
  std::vector<std::vector<std::string>> groups;
  std::vector<std::string> stopwords;
  // [means]: one-way meanings, "another state" = ["florida", ...]: a search
  // for a word of the list also finds its meaning, not the other way round
  std::vector<std::pair<std::string, std::vector<std::string>>> means;
};

// content/which.toml (absent: present = false, and the kiosk shows
// content::which_fallback()). Each value with the line it is on.
struct WhichFile {
  struct Value {
    std::string text;
    int line = 0;
  };
  struct Result {
    int line = 0;  // of its [[result]]
    Value id, agency, guide, line_id, faq;
  };
  bool present = false;
  std::string path;
  std::vector<Result> results;                       // in file order
  std::vector<std::pair<std::string, Value>> lines;  // [lines] role = "contact id"
  int lines_line = 0;                                // of [lines], 0 if none
  std::vector<std::pair<std::string, Value>> offices;  // [offices] role = "office id"
  int offices_line = 0;
};

struct ContentSet {
  std::string content_dir, locales_dir;
  std::vector<SourceDoc> sources;
  std::vector<ItemFile> files;        // sorted by path
  std::vector<PoFile> po;             // sorted by locale
  std::vector<SynonymFile> synonyms;  // sorted by locale
  WhichFile which;
};

// Reads every source; problems that stop a file from being read go to diags.
ContentSet load_content(const std::string& content_dir, const std::string& locales_dir,
                        std::vector<Diag>& diags);

// Every rule staff must follow; appends problems to diags.
void validate(const ContentSet& set, std::vector<Diag>& diags);

// content/which.toml: every result of the questions once, each id naming an
// item of its kind (guide, contact, faq), agency SES or OCSS, each phone line
// and office role once.
void check_which(const ContentSet& set, std::vector<Diag>& diags);

// The numbers of a text as a visitor reads them (phone numbers, fees like $35,
// percentages, days, ages, ZIP codes): every run of decimal digits, in any
// script (٣٥ and ３５ are 35), as ASCII digits, with its byte offset.
struct NumberInText {
  std::string digits;
  size_t offset = 0;
};
std::vector<NumberInText> numbers_in(std::string_view text);

// A translation says the same numbers as English: every translated text of
// every translation has the same numbers as its English text, in any order.
// Appends a problem (file:line) per text that differs; part of validate().
// Returns how many texts it compared.
int check_translated_numbers(const ContentSet& set, std::vector<Diag>& diags);

// One term per concept: a Spanish (or any locale's) content text or UI string
// that uses a variant listed in content/terms.<locale>.toml is a problem at its
// file:line naming the chosen term; search keywords and asked phrasings are not checked. Part of
// validate().
void check_terms(const ContentSet& set, std::vector<Diag>& diags);

// Writes the database to a temporary file beside out_path and renames it into
// place. Returns "" or the reason it failed (nothing is replaced then).
std::string build_database(const ContentSet& set, const std::string& out_path);

// Field rules per kind come from the content-kind registry (content/kinds.h).
using FieldType = content::FieldType;
using FieldSpec = content::FieldDef;
// A kind's own fields and then the fields every item has (source, source_date, review_by).
std::vector<FieldSpec> fields_for(const std::string& kind);

bool valid_phone(const std::string& s);
bool valid_zip(const std::string& s);

}  // namespace kiosk::tools
