#include "content/model.h"

#include <algorithm>

#include "content/offices.h"
#include "content/store.h"
#include "i18n/text.h"

namespace kiosk::content {

namespace {
std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  size_t a = 0;
  while (a < s.size()) {
    size_t b = s.find('\n', a);
    if (b == std::string::npos) b = s.size();
    if (b > a) out.push_back(s.substr(a, b - a));
    a = b + 1;
  }
  return out;
}
template <class T>
const T* find_id(const std::vector<T>& v, const std::string& id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
  return it == v.end() ? nullptr : &*it;
}
}  // namespace

const Topic* Model::topic(const std::string& id) const { return find_id(topics, id); }
const Faq* Model::faq(const std::string& id) const { return find_id(faqs, id); }
const Office* Model::office(const std::string& id) const { return find_id(offices, id); }
const Contact* Model::contact(const std::string& id) const { return find_id(contacts, id); }
const Guide* Model::guide(const std::string& id) const { return find_id(guides, id); }
const KidsPage* Model::kids_page(const std::string& id) const { return find_id(kids, id); }
const WhichResult* Model::which_result(const std::string& id) const { return find_id(which, id); }
const Contact* Model::line(Line role) const {
  auto it = line_ids.find(role);
  return it == line_ids.end() ? nullptr : contact(it->second);
}
const Office* Model::place(Place role) const {
  auto it = office_ids.find(role);
  return it == office_ids.end() ? nullptr : office(it->second);
}

std::string Model::kind_of(const std::string& id) const {
  if (faq(id)) return "faq";
  if (guide(id)) return "guide";
  if (office(id)) return "office";
  if (contact(id)) return "contact";
  if (kids_page(id)) return "kids";
  if (topic(id)) return "topic";
  return {};
}

std::vector<const Faq*> Model::faqs_for(const std::string& topic_id, const std::string& audience) const {
  std::vector<const Faq*> listed;
  if (const Topic* t = topic(topic_id))
    for (const auto& id : t->questions)
      if (const Faq* f = faq(id); f && std::find(listed.begin(), listed.end(), f) == listed.end()) listed.push_back(f);
  // a database built before the list (or without it): the topic's own FAQs after it
  for (const auto& f : faqs)
    if (f.topic == topic_id && std::find(listed.begin(), listed.end(), &f) == listed.end()) listed.push_back(&f);
  std::vector<const Faq*> out;
  for (const Faq* f : listed) {
    if (!audience.empty() && !f->audiences.empty() &&
        std::find(f->audiences.begin(), f->audiences.end(), audience) == f->audiences.end())
      continue;
    out.push_back(f);
  }
  return out;
}

namespace {
// content/which.toml as the builder stored it in links: ("which", "result",
// <result id>) in order, ("which:<result id>", agency|guide|line|faq, <value>)
// ("lines", <role>, <contact id>) and ("offices", <role>, <office id>).
void load_which(Store& store, Model& m) {
  const auto ids = store.links("which", "result");
  if (ids.empty()) m.which.assign(which_fallback().begin(), which_fallback().end());
  auto one = [&](const std::string& id, const char* rel) {
    auto v = store.links(id, rel);
    return v.empty() ? std::string() : v.front();
  };
  for (const auto& id : ids) {
    const std::string key = "which:" + id;
    m.which.push_back({id, one(key, "agency"), one(key, "guide"), one(key, "line"), one(key, "faq")});
  }
  for (const auto& r : kLineRoles) {
    std::string id = one("lines", r.name);
    m.line_ids[r.line] = id.empty() ? r.fallback : id;
  }
  for (const auto& r : kPlaceRoles) {
    std::string id = one("offices", r.name);
    m.office_ids[r.place] = id.empty() ? r.fallback : id;
  }
}
}  // namespace

std::shared_ptr<const Model> load_model(Store& store, const std::string& locale) {
  auto m = std::make_shared<Model>();
  m->locale = locale;
  auto text = [&](const std::string& id, const char* field) { return store.text(id, field, locale); };
  for (const auto& it : store.items("topic")) {  // stored as "topic:<id>"
    std::string id = it.id.rfind("topic:", 0) == 0 ? it.id.substr(6) : it.id;
    m->topics.push_back({id, text(it.id, "title"), it.icon, text(it.id, "body"), store.links(it.id, "questions")});
  }
  for (const auto& it : store.items("faq"))
    m->faqs.push_back({it.id, it.topic, text(it.id, "question"), text(it.id, "body"), it.audiences, store.links(it.id, "related")});
  for (const auto& it : store.items("office")) {
    m->offices.push_back({it.id, it.agency, text(it.id, "name"), it.street, it.town, it.zip, it.fax, text(it.id, "hours"),
                          text(it.id, "body"), it.phones});
    m->offices.back().by_appointment = text(it.id, "visits") == "by appointment";
    m->offices.back().words = office_words(m->offices.back());
    m->offices.back().name_words = i18n::words(m->offices.back().name).size();
  }
  for (const auto& it : store.items("contact"))
    m->contacts.push_back({it.id, text(it.id, "name"), it.phones.empty() ? std::string() : it.phones[0], text(it.id, "hours"),
                           text(it.id, "body")});
  for (const auto& it : store.items("guide")) {
    Guide g{it.id, it.topic, text(it.id, "title"), text(it.id, "summary"), text(it.id, "body"), it.audiences,
            store.links(it.id, "ends_at"), {}};
    for (int i = 1; i <= it.steps; ++i) {
      std::string p = "step." + std::to_string(i) + ".";
      g.steps.push_back({text(it.id, (p + "title").c_str()), text(it.id, (p + "text").c_str()),
                         lines(text(it.id, (p + "checklist").c_str()))});
    }
    m->guides.push_back(std::move(g));
  }
  for (const auto& it : store.items("kids"))
    m->kids.push_back({it.id, it.audience, it.illustration, text(it.id, "title"), text(it.id, "body")});
  load_which(store, *m);
  return m;
}

void add_model_glyphs(const Model& m, bool rtl, std::set<char32_t>& out) {
  auto add = [&](const std::string& s) { i18n::add_glyphs(s, rtl, out); };
  for (const auto& t : m.topics) { add(t.title); add(t.body); }
  for (const auto& f : m.faqs) { add(f.question); add(f.answer); }
  for (const auto& o : m.offices) { add(o.name); add(o.street); add(o.town); add(o.hours); add(o.body); }
  for (const auto& c : m.contacts) { add(c.name); add(c.phone); add(c.hours); add(c.body); }
  for (const auto& g : m.guides) {
    add(g.title); add(g.summary); add(g.body);
    for (const auto& st : g.steps) {
      add(st.title); add(st.text);
      for (const auto& x : st.checklist) add(x);
    }
  }
  for (const auto& k : m.kids) { add(k.title); add(k.body); }
}

}  // namespace kiosk::content
