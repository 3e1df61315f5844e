// The content-kind registry: one definition per kind of item (topic, faq,
// guide, office, contact, kids, notice). The validator, the builder, the
// store, the model, search indexing, the glyph corpus, coverage, dump and the
// staff list all read it; no other code keeps a list of kinds. Adding a kind
// is one entry in kinds.cpp (see README.md, "How to add a content kind").
// Core layer: no ImGui, no SDL.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

enum class FieldType { String, StringList, Int, Date, Ref, RefList, Enum, Steps, Phone, PhoneList, Zip };

struct FieldDef {
  const char* name;
  FieldType type;
  bool translated;  // may appear in translation files (stored per locale in `texts`); else English only (`fields`)
  bool required;    // in the English file
  std::vector<std::string> allowed = {};  // Enum: the values; a StringList: the values of its entries
  // Ref / RefList: the kinds it may name (empty: any item outside a kind of its own ids)
  std::vector<std::string> refers = {};
  // RefList: once given, it lists every item of `refers` whose field `listed_by`
  // names this item (a topic's questions list every FAQ of the topic)
  const char* listed_by = nullptr;
  // Date: never before this other date field of the item (ends not before starts)
  const char* not_before = nullptr;
  // Only in a translation, never in the English file (a person's review of the
  // translation: English is the source, there is nothing to review it against)
  bool translation_only = false;
};

struct KindDef {
  const char* kind;    // as stored and in messages: "faq"
  const char* folder;  // under content/: "faq"
  const char* noun;    // what staff call one, in messages: "question"
  // Its fields; every kind also has item_fields() (source, source_date,
  // review_by, and a translation's reviewed_on, reviewed_by, reviewed_en).
  std::vector<FieldDef> fields;
  const char* title;   // the field that names an item on screen, in search results and coverage
  bool body_required = true;
  // Ids of its own: stored as "<kind>:<id>", so a topic may share a guide's name.
  bool own_ids = false;
  // Search. `searched`: in the full-text index at all. `search_keywords`:
  // added to the keywords column after the item's `keywords`, each on a line:
  // "{field}" the field's value, "@key" the UI string `key` ("@agency.{agency}"
  // the one named by a value). `search_lead`: put before the body, with
  // "{field}" the value ("{steps}" every step's title, text and checklist,
  // each after a line break). `search_group`: results are grouped by kind,
  // lowest first. `search_snippet`: its rows show a snippet of the body.
  bool searched = true;
  std::vector<std::string> search_keywords = {};
  std::string search_lead = {};
  int search_group = 0;
  bool search_snippet = false;
  // The fields a visitor is shown (the font atlas needs their characters);
  // "body" for the body, a Steps field for every step's texts.
  std::vector<std::string> glyphs = {};
  // Listed in the staff menu (sources, review dates), coverage, dump and stale.
  bool staff_listed = true;
  // The screen that shows one item, by its name ("answer"; session::screen_from_name
  // maps it; a guide opens at its introduction). "" : none (a notice is shown on
  // the home screen, between `shown_from` and `shown_until`).
  const char* screen = "";
  // Date fields that bound when it is shown (both or neither).
  const char* shown_from = nullptr;
  const char* shown_until = nullptr;
};

// The fields every kind has: source, source_date and review_by (English only,
// required), and the review of a translation by a person: reviewed_on (the
// day), reviewed_by (who) and reviewed_en (the English text they compared it
// with, english_text_hash(); translation only, all three or none).
const std::vector<FieldDef>& item_fields();

// The fields of a translation that record its review, in the order above.
inline constexpr const char* kReviewedOn = "reviewed_on";
inline constexpr const char* kReviewedBy = "reviewed_by";
inline constexpr const char* kReviewedEn = "reviewed_en";

// Every kind, in the order the staff list, coverage and dump show them.
const std::vector<KindDef>& kinds();

// Puts `replacement` in the registry's place while it lives (a test gives a
// kind one more field and builds content with it); not for the kiosk itself.
class ScopedKinds {
public:
  explicit ScopedKinds(std::vector<KindDef> replacement);
  ~ScopedKinds();
  ScopedKinds(const ScopedKinds&) = delete;
  ScopedKinds& operator=(const ScopedKinds&) = delete;

private:
  std::vector<KindDef> kinds_;
  const std::vector<KindDef>* before_;
};
// nullptr when unknown.
const KindDef* find_kind(std::string_view kind);
const KindDef* kind_of_folder(std::string_view folder);
// A field of the kind (its own or one of item_fields()), nullptr when unknown.
const FieldDef* find_field(const KindDef& k, std::string_view field);
// The field that names an item of `kind` ("question" for an FAQ); "title" for an unknown kind.
const char* title_field(std::string_view kind);
// The id an item is stored under ("topic:apply" for a kind with its own ids).
std::string stored_id(const KindDef& k, const std::string& id);
// The id as content names it ("apply" for "topic:apply").
std::string plain_id(const std::string& stored);

}  // namespace kiosk::content
