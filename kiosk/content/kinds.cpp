// The content-kind registry (kinds.h): every kind of item, once.
#include "content/kinds.h"

#include <utility>

#include "content/icons.h"

namespace kiosk::content {

namespace {
using FT = FieldType;
const std::vector<std::string> kAudiences = {"pays", "receives", "caregiver"};
// Rows several kinds share, written once: search words and "also asked as"
// phrasings (translated, optional). Functions, not globals: the registry may
// be asked for before this file's globals are made.
FieldDef keywords() { return {"keywords", FT::StringList, true, false}; }
FieldDef asked() { return {"asked", FT::StringList, true, false}; }
}  // namespace

const std::vector<FieldDef>& item_fields() {
  static const std::vector<FieldDef> f = {
      {"source", FT::String, false, true},
      {"source_date", FT::String, false, true},
      {"review_by", FT::Date, false, true},
      // A person's review of a translation: the day, who, and the English
      // text it was compared with (so a review of older English shows as out
      // of date); never in the English file.
      {.name = kReviewedOn, .type = FT::Date, .translated = true, .required = false, .translation_only = true},
      {.name = kReviewedBy, .type = FT::String, .translated = true, .required = false, .translation_only = true},
      {.name = kReviewedEn, .type = FT::String, .translated = true, .required = false, .translation_only = true}};
  return f;
}

namespace {
const std::vector<KindDef>& registry() {
  static const std::vector<KindDef> k = {
      {.kind = "topic",
       .folder = "topics",
       .noun = "topic",
       .fields = {{"title", FT::String, true, true},
                  {"icon", FT::Enum, false, true, topic_icon_names()},
                  {"order", FT::Int, false, true},
                  {"questions", FT::RefList, false, false, {}, {"faq"}, "topic"}},
       .title = "title",
       .own_ids = true,
       .search_group = 6,
       .glyphs = {"title", "body"},
       .screen = "topic"},
      {.kind = "faq",
       .folder = "faq",
       .noun = "question",
       .fields = {{"question", FT::String, true, true},
                  {"topic", FT::Ref, false, true, {}, {"topic"}},
                  {"audiences", FT::StringList, false, false, kAudiences},
                  keywords(),
                  asked(),
                  {"related", FT::RefList, false, false},
                  {"order", FT::Int, false, false}},
       .title = "question",
       .search_group = 1,
       .search_snippet = true,
       .glyphs = {"question", "body"},
       .screen = "answer"},
      {.kind = "guide",
       .folder = "guides",
       .noun = "guide",
       .fields = {{"title", FT::String, true, true},
                  asked(),
                  {"summary", FT::String, true, true},
                  {"topic", FT::Ref, false, true, {}, {"topic"}},
                  {"audiences", FT::StringList, false, false, kAudiences},
                  {"order", FT::Int, false, true},
                  {"ends_at", FT::RefList, false, false, {}, {"office", "contact"}},
                  {"steps", FT::Steps, true, true}},
       .title = "title",
       .search_keywords = {"@search.words.guide"},
       .search_lead = "{summary}{steps}\n",
       .search_group = 2,
       .glyphs = {"title", "summary", "body", "steps"},
       .screen = "guide"},
      {.kind = "office",
       .folder = "offices",
       .noun = "office",
       .fields = {{"agency", FT::Enum, false, true, {"SES", "OCSS", "CIP"}},
                  {"name", FT::String, true, true},
                  {"street", FT::String, false, true},
                  {"town", FT::String, false, true},
                  {"zip", FT::Zip, false, false},
                  {"phones", FT::PhoneList, false, true},
                  {"fax", FT::Phone, false, false},
                  {"hours", FT::String, true, false},
                  {"visits", FT::Enum, false, false, {"by appointment"}},
                  {"order", FT::Int, false, false}},
       .title = "name",
       .search_keywords = {"@search.words.office", "{agency}", "@agency.{agency}"},
       .search_lead = "{street}, {town}. ",
       .search_group = 3,
       .glyphs = {"name", "street", "town", "hours", "body"},
       .screen = "office"},
      {.kind = "contact",
       .folder = "contacts",
       .noun = "phone line",
       .fields = {{"name", FT::String, true, true},
                  asked(),
                  {"phone", FT::Phone, false, true},
                  {"hours", FT::String, true, false},
                  {"order", FT::Int, false, true}},
       .title = "name",
       .body_required = false,
       .search_keywords = {"@search.words.contact", "{phone}"},
       .search_group = 4,
       .glyphs = {"name", "phone", "hours", "body"},
       .screen = "call"},
      {.kind = "kids",
       .folder = "kids",
       .noun = "kids' page",
       .fields = {{"title", FT::String, true, true},
                  keywords(),
                  asked(),
                  {"audience", FT::Enum, false, true, {"children", "teens", "caregivers"}},
                  {"illustration", FT::Enum, false, true, {"sun", "heart", "hands", "star", "tree", "letter", "house"}},
                  {"order", FT::Int, false, true}},
       .title = "title",
       .search_keywords = {"@search.words.kids"},
       .search_group = 5,
       .search_snippet = true,
       .glyphs = {"title", "body"},
       .screen = "kids-page"},
      // A dated staff announcement, on the home screen from `starts` to `ends`
      // (both days included), in the visitor's language.
      {.kind = "notice",
       .folder = "notices",
       .noun = "notice",
       .fields = {{"title", FT::String, true, true},
                  {"starts", FT::Date, false, true},
                  {"ends", FT::Date, false, true, {}, {}, nullptr, "starts"},
                  {"order", FT::Int, false, false}},
       .title = "title",
       .searched = false,
       .glyphs = {"title", "body"},
       .shown_from = "starts",
       .shown_until = "ends"},
  };
  return k;
}
const std::vector<KindDef>* g_replaced = nullptr;  // ScopedKinds
}  // namespace

const std::vector<KindDef>& kinds() { return g_replaced ? *g_replaced : registry(); }

ScopedKinds::ScopedKinds(std::vector<KindDef> replacement) : kinds_(std::move(replacement)), before_(g_replaced) {
  g_replaced = &kinds_;
}
ScopedKinds::~ScopedKinds() { g_replaced = before_; }

const KindDef* find_kind(std::string_view kind) {
  for (const auto& k : kinds())
    if (kind == k.kind) return &k;
  return nullptr;
}

const KindDef* kind_of_folder(std::string_view folder) {
  for (const auto& k : kinds())
    if (folder == k.folder) return &k;
  return nullptr;
}

const FieldDef* find_field(const KindDef& k, std::string_view field) {
  for (const auto& f : k.fields)
    if (field == f.name) return &f;
  for (const auto& f : item_fields())
    if (field == f.name) return &f;
  return nullptr;
}

const char* title_field(std::string_view kind) {
  const KindDef* k = find_kind(kind);
  return k ? k->title : "title";
}

std::string stored_id(const KindDef& k, const std::string& id) { return k.own_ids ? std::string(k.kind) + ":" + id : id; }

std::string plain_id(const std::string& stored) {
  const size_t colon = stored.find(':');
  return colon == std::string::npos ? stored : stored.substr(colon + 1);
}

}  // namespace kiosk::content
