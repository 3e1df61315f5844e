#include "content/model.h"

#include <algorithm>
#include <cstdlib>

#include "content/kinds.h"
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

const std::string& Entry::get(const std::string& field) const {
  static const std::string none;
  auto it = fields.find(field);
  return it == fields.end() ? none : it->second;
}

std::string Model::kind_of(const std::string& id) const {
  std::string own;
  for (const auto& e : entries) {
    if (e.id != id) continue;
    const KindDef* k = find_kind(e.kind);
    if (k && !k->own_ids) return e.kind;
    if (own.empty()) own = e.kind;
  }
  return own;
}

std::vector<const Entry*> Model::shown_on(const std::string& today) const {
  std::vector<const Entry*> out;
  for (const auto& e : entries) {
    const KindDef* k = find_kind(e.kind);
    if (!k || !k->shown_from || !k->shown_until) continue;
    const std::string &from = e.get(k->shown_from), &until = e.get(k->shown_until);
    if (!from.empty() && !until.empty() && from <= today && today <= until) out.push_back(&e);
  }
  return out;
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
// Content without the file has none of them (validate asks for it once there
// are phone lines to name).
void load_which(Store& store, Model& m) {
  const auto ids = store.links("which", "result");
  auto one = [&](const std::string& id, const char* rel) {
    auto v = store.links(id, rel);
    return v.empty() ? std::string() : v.front();
  };
  for (const auto& id : ids) {
    const std::string key = "which:" + id;
    m.which.push_back({id, one(key, "agency"), one(key, "guide"), one(key, "line"), one(key, "faq")});
  }
  for (const auto& r : kLineRoles)
    if (std::string id = one("lines", r.name); !id.empty()) m.line_ids[r.line] = id;
  for (const auto& r : kPlaceRoles)
    if (std::string id = one("offices", r.name); !id.empty()) m.office_ids[r.place] = id;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : "\n") + x;
  return out;
}
}  // namespace

std::shared_ptr<const Model> load_model(Store& store, const std::string& locale) {
  auto m = std::make_shared<Model>();
  m->locale = locale;
  auto texts = store.all_texts(locale);
  for (const auto& k : kinds())
    for (auto& it : store.items(k.kind)) {
      Entry e{plain_id(it.id), k.kind, {}};
      if (auto t = texts.find(it.id); t != texts.end()) e.fields = std::move(t->second);
      for (auto& [field, values] : it.fields) e.fields[field] = join(values);
      m->entries.push_back(std::move(e));
    }
  // the typed lists screens read, each field by its name in the kind's definition
  for (const Entry& e : m->entries) {
    auto f = [&](const char* field) { return e.get(field); };
    if (e.kind == "topic") {
      m->topics.push_back({e.id, f("title"), f("icon"), f("body"), lines(f("questions"))});
    } else if (e.kind == "faq") {
      m->faqs.push_back({e.id, f("topic"), f("question"), f("body"), lines(f("audiences")), lines(f("related"))});
    } else if (e.kind == "office") {
      m->offices.push_back({e.id, f("agency"), f("name"), f("street"), f("town"), f("zip"), f("fax"), f("hours"), f("body"),
                            lines(f("phones"))});
      Office& o = m->offices.back();
      o.by_appointment = f("visits") == "by appointment";
      o.words = office_words(o);
      o.name_words = i18n::words(o.name).size();
    } else if (e.kind == "contact") {
      m->contacts.push_back({e.id, f("name"), f("phone"), f("hours"), f("body")});
    } else if (e.kind == "guide") {
      Guide g{e.id, f("topic"), f("title"), f("summary"), f("body"), lines(f("audiences")), lines(f("ends_at")), {}};
      const int n = std::atoi(f("steps").c_str());
      for (int i = 1; i <= n; ++i) {
        std::string p = "step." + std::to_string(i) + ".";
        g.steps.push_back({e.get(p + "title"), e.get(p + "text"), lines(e.get(p + "checklist"))});
      }
      m->guides.push_back(std::move(g));
    } else if (e.kind == "kids") {
      m->kids.push_back({e.id, f("audience"), f("illustration"), f("title"), f("body")});
    }
  }
  load_which(store, *m);
  return m;
}

void add_model_glyphs(const Model& m, bool rtl, std::set<char32_t>& out) {
  auto add = [&](const std::string& s) { i18n::add_glyphs(s, rtl, out); };
  for (const auto& e : m.entries) {
    const KindDef* k = find_kind(e.kind);
    if (!k) continue;
    for (const auto& field : k->glyphs) {
      const FieldDef* spec = find_field(*k, field);
      if (!spec || spec->type != FieldType::Steps) {
        add(e.get(field));
        continue;
      }
      const int n = std::atoi(e.get(field).c_str());
      for (int i = 1; i <= n; ++i) {
        const std::string p = "step." + std::to_string(i) + ".";
        add(e.get(p + "title"));
        add(e.get(p + "text"));
        for (const auto& x : lines(e.get(p + "checklist"))) add(x);
      }
    }
  }
}

}  // namespace kiosk::content
