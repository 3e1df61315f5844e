// The content model: everything a visitor can read in one locale, loaded from
// the database once (per locale and content version) into plain structs, so
// screens draw from memory and never wait on a query mid-frame.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <set>
#include <vector>

#include "content/which.h"

namespace kiosk::content {

class Store;
class Memo;

struct Topic {
  std::string id, title, icon, body;
  // The FAQ ids in the order staff set (the topic file's `questions`), which
  // may name FAQs of other topics; empty: the topic's own FAQs by order, id.
  std::vector<std::string> questions = {};
};
struct Faq {
  std::string id, topic, question, answer;  // answer is Markdown
  std::vector<std::string> audiences;       // empty: for everyone
  std::vector<std::string> related;         // ids of faqs, guides, contacts
};
struct Office {
  std::string id, agency, name, street, town, zip, fax, hours, body;
  std::vector<std::string> phones;
  bool by_appointment = false;     // the source says visitors are seen by appointment
  std::vector<std::string> words;  // folded words of name, town and street (content/offices.h)
  size_t name_words = 0;           // how many of them are the name's
};
struct Contact {
  std::string id, name, phone, hours, body;
};
struct Step {
  std::string title, text;                 // text is Markdown
  std::vector<std::string> checklist;
};
struct Guide {
  std::string id, topic, title, summary, body;
  std::vector<std::string> audiences, ends_at;  // ends_at: offices and contacts
  std::vector<Step> steps;
};
struct KidsPage {
  std::string id, audience, illustration, title, body;
};

// One item of any kind as its fields (content/kinds.h): the translated ones
// in the model's locale (English where untranslated), the English-only ones as
// written, a list one entry a line; "body" is its body.
struct Entry {
  std::string id, kind;  // id as content names it ("apply", also for a topic)
  std::map<std::string, std::string> fields;
  // The field's text, or "".
  const std::string& get(const std::string& field) const;
};

struct Model {
  std::string locale;
  // Every item of every kind, kinds in the registry's order, each kind's in
  // the order staff gave them (then by id). The typed lists below are made from these.
  std::vector<Entry> entries;
  // Each in the order staff gave them (then by id).
  std::vector<Topic> topics;
  std::vector<Faq> faqs;
  std::vector<Office> offices;
  std::vector<Contact> contacts;
  std::vector<Guide> guides;
  std::vector<KidsPage> kids;
  // content/which.toml: the results of "Which office handles my case?" and
  // the contact id of each phone line role (content without the file: none).
  std::vector<WhichResult> which;
  std::map<Line, std::string> line_ids;
  std::map<Place, std::string> office_ids;

  const Topic* topic(const std::string& id) const;
  const Faq* faq(const std::string& id) const;
  const Office* office(const std::string& id) const;
  const Contact* contact(const std::string& id) const;
  const Guide* guide(const std::string& id) const;
  const KidsPage* kids_page(const std::string& id) const;
  const WhichResult* which_result(const std::string& id) const;
  // The phone line for a role (the call center, the children's line), or null.
  const Contact* line(Line role) const;
  // The office for a role (the kids' corner's office), or null.
  const Office* place(Place role) const;
  // The kind of the item with this id ("" when none): a kind sharing ids
  // before one with ids of its own (a guide before the topic of its name).
  std::string kind_of(const std::string& id) const;
  // What the home screen shows on `today` ("2026-12-24"): the items of every
  // kind that is shown between two dates (content::KindDef::shown_from and
  // shown_until: notices) whose dates hold today, both days included.
  std::vector<const Entry*> shown_on(const std::string& today) const;
  // The FAQs of a topic a visitor in `audience` ("" = everyone) should see,
  // in the topic's order: its `questions`, then any FAQ of the topic they miss.
  std::vector<const Faq*> faqs_for(const std::string& topic, const std::string& audience) const;
  // What screens work out from it, worked out once (content/memo.h: memo(model)).
  mutable std::shared_ptr<Memo> memo;
};

// Reads every item with its texts in `locale` (English where untranslated).
std::shared_ptr<const Model> load_model(Store& store, const std::string& locale);
// Every character a visitor can be shown of this locale's content (for the
// font atlas), as i18n::add_glyphs draws it.
void add_model_glyphs(const Model& m, bool rtl, std::set<char32_t>& out);

}  // namespace kiosk::content
