// Every rule a content source must follow, reported as file:line: message in
// words a staff member understands.
#include <algorithm>
#include <chrono>
#include <climits>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>

#include "content/accept.h"
#include "content/icons.h"
#include "content/markdown.h"
#include "content/which.h"
#include "i18n/catalog.h"
#include "i18n/text.h"
#include "tools/lib/model.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace kiosk::tools {

namespace {
using FT = FieldType;
}  // namespace

std::vector<FieldSpec> fields_for(const std::string& kind) {
  const content::KindDef* k = content::find_kind(kind);
  if (!k) return {};
  std::vector<FieldSpec> v = k->fields;
  v.insert(v.end(), content::item_fields().begin(), content::item_fields().end());
  return v;
}

bool valid_phone(const std::string& s) {
  static const std::regex re(
      R"(^(\d{3}-\d{3}-\d{4}|\(\d{3}\) \d{3}-\d{4}|1-\d{3}-\d{3}-\d{4}|1-\d{3}-\d{3}-[A-Z]{4} \(\d{4}\)|\d-\d-\d)$)");
  return std::regex_match(s, re);
}

bool valid_zip(const std::string& s) {
  static const std::regex re(R"(^\d{5}$)");
  return std::regex_match(s, re);
}

namespace {

const char* type_words(FT t) {
  switch (t) {
    case FT::String: case FT::Ref: case FT::Enum: case FT::Phone: case FT::Zip: return "text in quotes";
    case FT::StringList: case FT::RefList: case FT::PhoneList: return "a list in square brackets, like [\"a\", \"b\"]";
    case FT::Int: return "a whole number";
    case FT::Date: return "a date like 2027-10-01 (no quotes)";
    case FT::Steps: return "a list of [[steps]]";
  }
  return "";
}

struct Checker {
  const ContentSet& set;
  std::vector<Diag>& diags;
  // English files by id, per namespace: "" for every kind sharing ids, a
  // kind's name for one with ids of its own (topics)
  std::map<std::string, std::map<std::string, const ItemFile*>> ids;
  std::map<std::string, std::string> source_dates;
  std::string today;  // YYYY-MM-DD, the machine's local day: a review cannot be after it

  void add(const ItemFile& f, int line, std::string msg) { diags.push_back({f.path, line, std::move(msg)}); }

  void check_markdown(const ItemFile& f, const std::string& md, int first_line, bool body) {
    std::vector<content::MarkdownProblem> probs;
    content::parse_markdown(md, &probs);
    for (const auto& p : probs) {
      int line = first_line;
      if (body) line += static_cast<int>(std::count(md.begin(), md.begin() + std::min(p.offset, md.size()), '\n'));
      add(f, line, p.message);
    }
  }

  // The limits a kiosk's acceptance check holds every pack to (content/accept.h).
  void check_size(const ItemFile& f, int line, const std::string& what, const std::string& text) {
    const int64_t max = content::limits().max_text_bytes;
    if (static_cast<int64_t>(text.size()) > max)
      add(f, line, "'" + what + "' is " + std::to_string(text.size()) + " bytes; a kiosk takes at most " + std::to_string(max) +
                       " (split it, or link to a page)");
  }

  void check_value(const ItemFile& f, const FieldSpec& spec, const toml::node& n) {
    int line = f.line_of(n);
    auto bad_type = [&] { add(f, line, std::string("'") + spec.name + "' must be " + type_words(spec.type)); };
    switch (spec.type) {
      case FT::String: case FT::Ref: {
        auto s = n.value<std::string>();
        if (!s) return bad_type();
        if (s->empty()) add(f, line, std::string("'") + spec.name + "' is empty");
        check_size(f, line, spec.name, *s);
        if (spec.name == std::string("question") || spec.name == std::string("title") || spec.name == std::string("summary"))
          check_markdown(f, *s, line, false);
        return;
      }
      case FT::Enum: {
        auto s = n.value<std::string>();
        if (!s) return bad_type();
        if (std::find(spec.allowed.begin(), spec.allowed.end(), *s) == spec.allowed.end()) {
          std::string list;
          for (auto& a : spec.allowed) list += (list.empty() ? "" : ", ") + a;
          add(f, line, std::string("'") + spec.name + "' is \"" + *s + "\" but must be one of: " + list);
        }
        return;
      }
      case FT::Phone: {
        auto s = n.value<std::string>();
        if (!s) return bad_type();
        if (!valid_phone(*s)) add(f, line, "'" + *s + "' does not look like a phone number (write it as 860-569-6233, (860) 832-1878, 1-800-228-KIDS (5437), 1-888-233-7223 or 7-1-1)");
        return;
      }
      case FT::Zip: {
        auto s = n.value<std::string>();
        if (!s) return bad_type();
        if (!valid_zip(*s)) add(f, line, "'" + *s + "' is not a ZIP code (five digits, in quotes, like \"06118\")");
        return;
      }
      case FT::Int:
        if (!n.is_integer()) bad_type();
        return;
      case FT::Date:
        if (!n.is_date()) bad_type();
        return;
      case FT::StringList: case FT::RefList: case FT::PhoneList: {
        auto* arr = n.as_array();
        if (!arr) return bad_type();
        for (auto& e : *arr) {
          auto s = e.value<std::string>();
          int el = f.line_of(e);
          if (!s) { add(f, el, std::string("every entry of '") + spec.name + "' must be text in quotes"); continue; }
          if (spec.type == FT::PhoneList && !valid_phone(*s))
            add(f, el, "'" + *s + "' does not look like a phone number (write it as 860-569-6233, (860) 832-1878, 1-800-228-KIDS (5437), 1-888-233-7223 or 7-1-1)");
          if (!spec.allowed.empty() && std::find(spec.allowed.begin(), spec.allowed.end(), *s) == spec.allowed.end())
            add(f, el, "'" + *s + "' is not a known audience (use pays, receives or caregiver)");
        }
        return;
      }
      case FT::Steps: {
        auto* arr = n.as_array();
        if (!arr || !arr->is_array_of_tables() || arr->empty()) return bad_type();
        if (static_cast<int64_t>(arr->size()) > content::limits().max_steps)
          add(f, line, std::to_string(arr->size()) + " steps; a guide has at most " + std::to_string(content::limits().max_steps) +
                           " (split it into two guides)");
        for (auto& e : *arr) {
          const auto& t = *e.as_table();
          int tl = f.line_of(e);
          for (auto&& [k, v] : t) {
            std::string key(k.str());
            if (key != "title" && key != "text" && key != "checklist")
              add(f, f.line_of(v), "unknown setting '" + key + "' in a step (a step has title, text and checklist)");
          }
          if (!t["title"].is_string()) add(f, tl, "every step needs a title");
          if (!t["text"].is_string()) add(f, tl, "every step needs a text");
          if (auto* txt = t["text"].node(); txt && txt->is_string()) {
            check_size(f, f.line_of(*txt), "text", *txt->value<std::string>());
            check_markdown(f, *txt->value<std::string>(), f.line_of(*txt), false);
          }
          if (auto* cl = t["checklist"].node(); cl && !cl->is_array()) add(f, f.line_of(*cl), "'checklist' must be a list of things to bring or do");
        }
        return;
      }
    }
  }

  void check_file(const ItemFile& f) {
    const auto& specs = fields_for(f.kind);
    const bool en = f.locale == "en";
    for (auto&& [k, v] : f.meta) {
      std::string key(k.str());
      auto it = std::find_if(specs.begin(), specs.end(), [&](const FieldSpec& s) { return key == s.name; });
      if (it == specs.end()) {
        add(f, f.line_of(v), "unknown setting '" + key + "' for a " + f.kind + " (check the spelling; see content/README.md)");
        continue;
      }
      if (!en && !it->translated) {
        add(f, f.line_of(v), "'" + key + "' is only set in the English file; a translation holds only the translated fields");
        continue;
      }
      if (en && it->translation_only) {
        add(f, f.line_of(v), "'" + key + "' is only set in a translation: English is the source, there is nothing to "
                             "review it against (mark the review in the translation's file, like " + f.id + ".es.md)");
        continue;
      }
      check_value(f, *it, v);
    }
    if (en) {
      for (const auto& s : specs)
        if (s.required && !f.meta.contains(s.name))
          add(f, 1, std::string("missing setting '") + s.name + "'");
      if (auto sd = f.meta["source"].value<std::string>()) {
        auto it = source_dates.find(*sd);
        if (it == source_dates.end())
          add(f, f.line_of(*f.meta["source"].node()), "source '" + *sd + "' is not listed in sources.toml");
        else if (auto d = f.meta["source_date"].value<std::string>(); d && *d != it->second)
          add(f, f.line_of(*f.meta["source_date"].node()),
              "source_date is \"" + *d + "\" but sources.toml gives \"" + it->second + "\" for " + *sd);
      }
    }
    if (!en) check_review(f);
    check_size(f, f.body_line > 0 ? f.body_line : 1, "the text after the second +++", f.body);
    if (!f.body.empty()) check_markdown(f, f.body, f.body_line, true);
    const content::KindDef* kind = content::find_kind(f.kind);
    if (en && f.body.empty() && kind && kind->body_required)
      add(f, f.body_line > 0 ? f.body_line : 1, "the text after the second +++ is empty");
    // a date that must not come before another (a notice's ends, its starts)
    if (en && kind)
      for (const auto& spec : kind->fields) {
        if (spec.type != FT::Date || !spec.not_before) continue;
        auto d = f.meta[spec.name].value<toml::date>();
        auto from = f.meta[spec.not_before].value<toml::date>();
        if (d && from && *d < *from)
          add(f, f.line_of(*f.meta[spec.name].node()),
              std::string("'") + spec.name + "' is " + date_text(*d) + ", before '" + spec.not_before + "' (" +
                  date_text(*from) + "): write a day on or after it");
      }
  }

  // A person's review of a translation: the day (a real one, not after
  // today), who (a name) and the English text it was compared with (the 8
  // letters and digits coverage --unreviewed shows), all three or none.
  void check_review(const ItemFile& f) {
    const char* names[] = {content::kReviewedOn, content::kReviewedBy, content::kReviewedEn};
    const toml::node* given = nullptr;
    std::string missing;
    for (const char* n : names) {
      if (const toml::node* v = f.meta[n].node()) { if (!given || f.line_of(*v) < f.line_of(*given)) given = v; }
      else missing += (missing.empty() ? "'" : ", '") + std::string(n) + "'";
    }
    if (!given) return;
    if (!missing.empty())
      add(f, f.line_of(*given), "a review needs reviewed_on, reviewed_by and reviewed_en together; missing " + missing +
                                    " (see content/README.md, \"Reviewed by a person\")");
    if (auto d = f.meta[content::kReviewedOn].value<toml::date>()) {
      const int line = f.line_of(*f.meta[content::kReviewedOn].node());
      const std::chrono::year_month_day ymd{std::chrono::year{d->year}, std::chrono::month{d->month}, std::chrono::day{d->day}};
      if (!ymd.ok()) add(f, line, "'reviewed_on' is " + date_text(*d) + ", which is not a day of the calendar");
      else if (date_text(*d) > today)
        add(f, line, "'reviewed_on' is " + date_text(*d) + ", after today (" + today + "): write the day the review was done");
    }
    if (auto by = f.meta[content::kReviewedBy].value<std::string>()) {
      bool letter = false;
      const auto* p = reinterpret_cast<const uint8_t*>(by->data());
      const int32_t n = static_cast<int32_t>(std::min<size_t>(by->size(), INT32_MAX));
      for (int32_t i = 0; i < n && !letter;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        letter = c >= 0 && u_isalpha(c);
      }
      if (!by->empty() && !letter)
        add(f, f.line_of(*f.meta[content::kReviewedBy].node()),
            "'reviewed_by' is \"" + *by + "\": write the name of the person who reviewed it, like \"A. Name\"");
    }
    if (auto en = f.meta[content::kReviewedEn].value<std::string>()) {
      static const std::regex hex(R"(^[0-9a-f]{8}$)");
      if (!std::regex_match(*en, hex))
        add(f, f.line_of(*f.meta[content::kReviewedEn].node()),
            "'reviewed_en' is \"" + *en + "\" but must be the 8 letters and digits that kiosk-content coverage --unreviewed " +
                f.locale + " shows beside " + f.id + " (which English text was reviewed)");
    }
  }

  static std::string date_text(const toml::date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }

  static std::string ns_of(const std::string& kind) {
    const content::KindDef* k = content::find_kind(kind);
    return k && k->own_ids ? kind : std::string();
  }
  const ItemFile* english_item(const std::string& kind_ns, const std::string& id) const {
    auto n = ids.find(kind_ns);
    if (n == ids.end()) return nullptr;
    auto it = n->second.find(id);
    return it == n->second.end() ? nullptr : it->second;
  }
  static std::string a(const std::string& noun) {
    return (std::string("aeiou").find(noun[0]) != std::string::npos ? "an " : "a ") + noun;
  }

  // Every Ref and RefList field names an item of a kind it may name; a list
  // with `listed_by` (a topic's questions: the order a visitor sees them in)
  // names each once, and every item whose `listed_by` field names this one,
  // so a new question cannot go missing from its own topic.
  void check_refs(const ItemFile& f) {
    const content::KindDef* kind = content::find_kind(f.kind);
    if (!kind) return;
    for (const auto& spec : kind->fields) {
      if (spec.type != FT::Ref && spec.type != FT::RefList) continue;
      const toml::node* n = f.meta[spec.name].node();
      if (!n) continue;
      // the kinds it may name: one of their own ids (a topic), or the shared ids
      const content::KindDef* own = spec.refers.size() == 1 ? content::find_kind(spec.refers[0]) : nullptr;
      if (own && !own->own_ids) own = nullptr;
      std::string allowed;
      for (size_t i = 0; i < spec.refers.size(); ++i)
        allowed += (i ? " or " : "") + a(content::find_kind(spec.refers[i])->noun);
      std::map<std::string, int> listed;  // id -> line
      auto check_one = [&](const std::string& s, int line) {
        const ItemFile* it = english_item(own ? own->kind : "", s);
        if (spec.type == FT::Ref && own && !it) {
          add(f, line, std::string(spec.name) + " '" + s + "' does not exist (see content/" + own->folder + "/)");
          return;
        }
        if (spec.listed_by && (!it || (!spec.refers.empty() && std::find(spec.refers.begin(), spec.refers.end(), it->kind) == spec.refers.end()))) {
          const content::KindDef* to = content::find_kind(spec.refers[0]);
          add(f, line, "'" + s + "' in " + spec.name + " is not " + a(to->noun) + " (the name of a file in content/" + to->folder +
                           "/, without .en.md)");
          return;
        }
        if (!it) add(f, line, "'" + s + "' in " + spec.name + " does not match any item id");
        else if (!spec.refers.empty() && std::find(spec.refers.begin(), spec.refers.end(), it->kind) == spec.refers.end())
          add(f, line, "'" + s + "' in " + spec.name + " must be " + allowed);
        else if (s == f.id && !own && ns_of(f.kind).empty()) add(f, line, std::string("an item cannot list itself in ") + spec.name);
        else if (auto seen = listed.find(s); spec.listed_by && seen != listed.end())
          add(f, line, "'" + s + "' is in " + spec.name + " twice (first on line " + std::to_string(seen->second) + "): list it once");
        else listed.emplace(s, line);
      };
      if (spec.type == FT::Ref) {
        if (auto s = n->value<std::string>()) check_one(*s, f.line_of(*n));
        continue;
      }
      auto* arr = n->as_array();
      if (!arr) continue;  // a wrong type is check_value's
      for (auto& e : *arr)
        if (auto s = e.value<std::string>()) check_one(*s, f.line_of(e));
      if (!spec.listed_by) continue;
      for (const auto& [id, other] : ids[""])
        if (std::find(spec.refers.begin(), spec.refers.end(), other->kind) != spec.refers.end() &&
            other->meta[spec.listed_by].value_or(std::string()) == f.id && !listed.count(id))
          add(f, f.line_of(*n), "'" + id + "' has " + spec.listed_by + " = \"" + f.id + "\" but is not in " + spec.name +
                                    ": add it where a visitor should find it");
    }
  }

  void run() {
    for (const auto& s : set.sources) source_dates[s.file] = s.date;
    for (const auto& f : set.files) {
      if (f.locale != "en") continue;
      auto& dst = ids[ns_of(f.kind)];
      if (auto it = dst.find(f.id); it != dst.end())
        add(f, 1, "duplicate id '" + f.id + "': " + it->second->path + " already uses it");
      else dst[f.id] = &f;
    }
    for (const auto& f : set.files) {
      check_file(f);
      if (f.locale == "en") {
        check_refs(f);
      } else {
        const ItemFile* it = english_item(ns_of(f.kind), f.id);
        if (!it || it->kind != f.kind) {
          add(f, 1, "missing English: translation of '" + f.id + "' has no " + f.id + ".en.md beside it");
          continue;
        }
        for (const auto& spec : fields_for(f.kind)) {
          if (spec.type != FT::Steps) continue;
          auto* a = f.meta[spec.name].as_array();
          auto* b = it->meta[spec.name].as_array();
          if (a && b && a->size() != b->size())
            add(f, f.line_of(*a), "this translation has " + std::to_string(a->size()) + " " + spec.name + " but English has " + std::to_string(b->size()));
        }
      }
    }
    check_po();
  }

  void check_po() {
    const PoFile* en = nullptr;
    for (const auto& p : set.po) if (p.locale == "en") en = &p;
    std::map<std::string, std::vector<std::string>> en_args;
    std::set<std::string> en_broken;  // reported once, in en.po, not again in every translation
    if (en && en->entries.empty()) diags.push_back({en->path, 0, "no UI strings: the kiosk would show raw keys like home.welcome"});
    else if (en && std::none_of(en->entries.begin(), en->entries.end(), [](auto& e) { return e.key == "keyboard.rows"; }))
      diags.push_back({en->path, 0, "no message 'keyboard.rows': the on-screen keyboard needs its rows of letters"});
    for (const auto& p : set.po) {
      for (const auto& e : p.entries) {
        std::vector<std::string> args;
        if (static_cast<int64_t>(e.pattern.size()) > content::limits().max_pattern_bytes)
          diags.push_back({p.path, e.line, "message '" + e.key + "' is " + std::to_string(e.pattern.size()) +
                                               " bytes; a kiosk takes at most " + std::to_string(content::limits().max_pattern_bytes)});
        if (e.key == "keyboard.rows") {
          const std::string& r = e.pattern;
          if (r.empty() || r.front() == '|' || r.back() == '|' || r.find("||") != std::string::npos ||
              r.find_first_not_of("| \t") == std::string::npos)
            diags.push_back({p.path, e.line, "message 'keyboard.rows' has a row without letters (rows are letters separated by |)"});
        }
        std::string err = i18n::check_pattern(e.pattern, &args);
        if (!err.empty()) {
          diags.push_back({p.path, e.line, "message '" + e.key + "' is " + err});
          if (&p == en) en_broken.insert(e.key);
          continue;
        }
        if (&p == en) en_args[e.key] = args;
      }
    }
    for (const auto& p : set.po) {
      if (&p == en) continue;
      for (const auto& e : p.entries) {
        std::vector<std::string> args;
        if (!i18n::check_pattern(e.pattern, &args).empty()) continue;
        auto it = en_args.find(e.key);
        if (it == en_args.end()) {
          if (en && !en_broken.count(e.key)) diags.push_back({p.path, e.line, "message '" + e.key + "' does not exist in English (en.po); check the key"});
          continue;
        }
        if (args != it->second) {
          auto str = [](const std::vector<std::string>& v) {
            std::string s;
            for (auto& a : v) s += (s.empty() ? "{" : ", {") + a + "}";
            return s.empty() ? std::string("none") : s;
          };
          diags.push_back({p.path, e.line, "message '" + e.key + "' uses placeholders " + str(args) +
                                               " but English uses " + str(it->second)});
        }
      }
    }
  }
};
}  // namespace

namespace {

// One translated text of a file, where it starts, and what staff call it.
struct TextAt {
  std::string field, where, value;
  int line = 0;
  bool lines_are_file_lines = true;  // false for a list joined one entry a line
};

std::vector<TextAt> texts_at(const ItemFile& f) {
  std::vector<TextAt> out;
  auto join = [](const toml::array* arr) {
    std::string s;
    if (arr)
      for (auto& e : *arr)
        if (auto v = e.value<std::string>()) s += (s.empty() ? "" : "\n") + *v;
    return s;
  };
  for (const auto& spec : fields_for(f.kind)) {
    if (!spec.translated || spec.translation_only) continue;  // a review's name and day are no visitor's text
    const toml::node* n = f.meta[spec.name].node();
    if (!n) continue;
    const std::string where = std::string("'") + spec.name + "'";
    if (spec.type == FT::String) {
      if (auto v = n->value<std::string>()) out.push_back({spec.name, where, *v, f.line_of(*n)});
    } else if (spec.type == FT::StringList) {
      out.push_back({spec.name, where, join(n->as_array()), f.line_of(*n), false});
    } else if (spec.type == FT::Steps) {
      int i = 0;
      if (auto* arr = n->as_array())
        for (auto& e : *arr) {
          ++i;
          auto* t = e.as_table();
          if (!t) continue;
          const std::string p = "step." + std::to_string(i) + ".", w = "step " + std::to_string(i) + "'s ";
          for (const char* k : {"title", "text"})
            if (auto* v = (*t)[k].node(); v && v->is_string()) out.push_back({p + k, w + k, *v->value<std::string>(), f.line_of(*v)});
          if (auto* v = (*t)["checklist"].node(); v && v->is_array()) out.push_back({p + "checklist", w + "checklist", join(v->as_array()), f.line_of(*v), false});
        }
    }
  }
  if (!f.body.empty()) out.push_back({"body", "the text after the second +++", f.body, f.body_line});
  return out;
}

std::string list_of(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

std::vector<NumberInText> numbers_in(std::string_view text) {
  std::vector<NumberInText> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  bool in_number = false;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isdigit(c)) {
      if (!in_number) out.push_back({"", static_cast<size_t>(at)});
      out.back().digits += static_cast<char>('0' + u_charDigitValue(c));
      in_number = true;
    } else {
      in_number = false;
    }
  }
  return out;
}

namespace {

// Compares the numbers of one translated text with its English text; one
// problem at the line of the first number English does not have (else where
// the text starts, when the text's lines are the file's). `where` names the
// text, `en_file` the English file.
void compare_numbers(const std::string& mine_text, const std::string& en_text, const std::string& file, int line,
                     bool lines_are_file_lines, const std::string& where, const std::string& en_file,
                     std::vector<Diag>& diags) {
  // both sorted: a sentence may be reordered, but no number may change, appear or vanish
  auto mine = numbers_in(mine_text);
  auto theirs = numbers_in(en_text);
  auto by_digits = [](const NumberInText& a, const NumberInText& b) { return a.digits < b.digits; };
  std::stable_sort(mine.begin(), mine.end(), by_digits);
  std::stable_sort(theirs.begin(), theirs.end(), by_digits);
  std::vector<NumberInText> extra, missing;
  std::set_difference(mine.begin(), mine.end(), theirs.begin(), theirs.end(), std::back_inserter(extra), by_digits);
  std::set_difference(theirs.begin(), theirs.end(), mine.begin(), mine.end(), std::back_inserter(missing), by_digits);
  if (extra.empty() && missing.empty()) return;
  if (!extra.empty() && lines_are_file_lines) {
    size_t first = std::min_element(extra.begin(), extra.end(), [](auto& a, auto& b) { return a.offset < b.offset; })->offset;
    line += static_cast<int>(std::count(mine_text.begin(), mine_text.begin() + static_cast<std::ptrdiff_t>(first), '\n'));
  }
  std::vector<std::string> ex, mi;
  for (auto& x : extra) ex.push_back(x.digits);
  for (auto& x : missing) mi.push_back(x.digits);
  std::string msg = where + " has " + list_of(ex);
  if (!ex.empty() && !mi.empty()) msg += " where English (" + en_file + ") has " + list_of(mi);
  else if (!ex.empty()) msg += ", which English (" + en_file + ") does not";
  else msg = where + " lacks " + list_of(mi) + ", which English (" + en_file + ") has";
  diags.push_back({file, line, msg + ": a translation keeps every phone number, fee, percentage, day and age as English has them"});
}

// A UI string's words without the numbers of ICU's own syntax: explicit
// plural cases (=0 {No results}) and plural offsets are the translator's
// choice, not facts. Blanked, not removed, so offsets stay where they were.
std::string without_selectors(std::string pattern) {
  static const std::regex syntax(R"(=\s*[0-9]+(?=\s*\{)|offset\s*:\s*[0-9]+)");
  for (std::sregex_iterator it(pattern.begin(), pattern.end(), syntax), end; it != end; ++it)
    for (auto i = it->position(); i < it->position() + it->length(); ++i) pattern[static_cast<size_t>(i)] = ' ';
  return pattern;
}

}  // namespace

int check_translated_numbers(const ContentSet& set, std::vector<Diag>& diags) {
  std::map<std::pair<std::string, std::string>, const ItemFile*> english;  // (kind, id)
  for (const auto& f : set.files)
    if (f.locale == "en") english.emplace(std::make_pair(f.kind, f.id), &f);
  int compared = 0;
  for (const auto& f : set.files) {
    if (f.locale == "en") continue;
    auto it = english.find({f.kind, f.id});
    if (it == english.end()) continue;  // "missing English" says so
    std::map<std::string, std::string> en_text;
    for (auto& t : texts_at(*it->second)) en_text[t.field] = std::move(t.value);
    for (const auto& t : texts_at(f)) {
      ++compared;
      compare_numbers(t.value, en_text[t.field], f.path, t.line, t.lines_are_file_lines, t.where, it->second->path, diags);
    }
  }
  // UI strings too ("Call 1-800-228-KIDS (5437) ..." is one)
  const PoFile* en = nullptr;
  for (const auto& p : set.po)
    if (p.locale == "en") en = &p;
  if (!en) return compared;
  std::map<std::string, std::string> en_ui;
  for (const auto& e : en->entries) en_ui[e.key] = without_selectors(e.pattern);
  for (const auto& p : set.po) {
    if (&p == en) continue;
    for (const auto& e : p.entries) {
      auto it = en_ui.find(e.key);
      if (it == en_ui.end()) continue;  // check_po says so
      ++compared;
      compare_numbers(without_selectors(e.pattern), it->second, p.path, e.line, false, "message '" + e.key + "'", en->path, diags);
    }
  }
  return compared;
}

namespace {

// One concept of a locale's term list (content/terms.<locale>.toml): the word
// to use, the variants that must not be used, and phrases that contain a
// variant but are right ("paternidad o maternidad"). Each as folded words.
struct TermRule {
  std::string concept_name, use;
  std::vector<std::pair<std::string, std::vector<std::string>>> avoid;  // as written, folded words
  std::vector<std::vector<std::string>> allow;
};

// Where `phrase` occurs in `words` as whole consecutive words.
std::vector<size_t> phrase_at(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  std::vector<size_t> out;
  if (phrase.empty() || phrase.size() > words.size()) return out;
  for (size_t i = 0; i + phrase.size() <= words.size(); ++i)
    if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) out.push_back(i);
  return out;
}

// The first variant of `rule` that `line` uses outside an allowed phrase, or "".
std::string variant_in(const std::vector<std::string>& line, const TermRule& rule) {
  for (const auto& [written, words] : rule.avoid)
    for (size_t at : phrase_at(line, words)) {
      bool allowed = false;
      for (const auto& ok : rule.allow)
        for (size_t a : phrase_at(line, ok))
          if (a <= at && at + words.size() <= a + ok.size()) allowed = true;
      if (!allowed) return written;
    }
  return "";
}

}  // namespace

// A locale's chosen terms (content/terms.<locale>.toml): every translated text
// of that locale's content (not its search keywords and "asked" phrasings,
// which are what visitors type) and every UI string of locales/<locale>.po uses the one chosen term
// per concept; a variant is a file:line problem that names the term to write.
void check_terms(const ContentSet& set, std::vector<Diag>& diags) {
  namespace fs = std::filesystem;
  const fs::path base(set.content_dir);
  std::error_code ec;
  std::vector<fs::path> lists;
  for (fs::directory_iterator e(base, ec), end; !ec && e != end; e.increment(ec)) {
    const std::string name = e->path().filename().string();
    if (name.rfind("terms.", 0) == 0 && e->path().extension() == ".toml" && e->is_regular_file()) lists.push_back(e->path());
  }
  std::sort(lists.begin(), lists.end());
  for (const auto& path : lists) {
    const std::string shown = (base.filename() / path.filename()).string();
    const std::string stem = path.stem().string();  // terms.es
    const std::string locale = stem.substr(stem.find('.') + 1);
    std::vector<TermRule> rules;
    try {
      std::ifstream in(path, std::ios::binary);
      std::string text{std::istreambuf_iterator<char>(in), {}};
      auto t = toml::parse(text, shown);
      auto* arr = t["concept"].as_array();
      if (!arr || arr->empty()) diags.push_back({shown, 1, "no [[concept]] entries: each needs name, use and avoid"});
      if (arr)
        for (auto& n : *arr) {
          auto* c = n.as_table();
          const int line = static_cast<int>(n.source().begin.line);
          if (!c) continue;
          TermRule r;
          r.concept_name = (*c)["name"].value_or(std::string());
          r.use = (*c)["use"].value_or(std::string());
          if (r.concept_name.empty() || r.use.empty() || !(*c)["avoid"].as_array()) {
            diags.push_back({shown, line, "a [[concept]] needs name, use and avoid (a list of words not to use)"});
            continue;
          }
          for (auto& v : *(*c)["avoid"].as_array())
            if (auto s = v.value<std::string>()) r.avoid.push_back({*s, i18n::words(*s)});
          if (auto* ok = (*c)["allow"].as_array())
            for (auto& v : *ok)
              if (auto s = v.value<std::string>()) r.allow.push_back(i18n::words(*s));
          if (auto v = variant_in(i18n::words(r.use), r); !v.empty())
            diags.push_back({shown, line, "'" + r.use + "' uses '" + v + "', which the same concept lists in avoid"});
          rules.push_back(std::move(r));
        }
    } catch (const toml::parse_error& e) {
      diags.push_back({shown, static_cast<int>(e.source().begin.line), std::string("cannot read: ") + std::string(e.description())});
      continue;
    }
    auto check = [&](const std::string& text, const std::string& file, int line, bool lines_are_file_lines) {
      size_t start = 0;
      for (int i = 0; start <= text.size(); ++i) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const auto words = i18n::words(std::string_view(text).substr(start, end - start));
        for (const auto& r : rules)
          if (auto v = variant_in(words, r); !v.empty())
            diags.push_back({file, line + (lines_are_file_lines ? i : 0),
                             "'" + v + "' is not the word chosen for " + r.concept_name + ": write '" + r.use + "' (" + shown + ")"});
        start = end + 1;
      }
    };
    for (const auto& f : set.files)
      if (f.locale == locale)
        for (const auto& t : texts_at(f))
          if (t.field != "keywords" && t.field != "asked") check(t.value, f.path, t.line, t.lines_are_file_lines);
    for (const auto& p : set.po)
      if (p.locale == locale)
        for (const auto& e : p.entries) check(e.pattern, p.path, e.line, false);
  }
}

// content/which.toml, read by load_which: the screen's questions lead to
// content::kWhichResults, each of which must be given once; what a result
// names must exist as that kind of item (a typo would show the visitor
// nothing); agency is SES or OCSS or left out; each phone line role once.
void check_which(const ContentSet& set, std::vector<Diag>& diags) {
  const WhichFile& w = set.which;
  if (!w.present) {
    // the screens find the main phone line (under every "call us") only here
    const bool lines = std::any_of(set.files.begin(), set.files.end(),
                                   [](const ItemFile& f) { return f.locale == "en" && f.kind == "contact"; });
    if (lines)
      diags.push_back({(std::filesystem::path(set.content_dir).filename() / "which.toml").string(), 0,
                       "missing: which.toml names the main phone line, the kids' corner's line and office, and the "
                       "results of 'Which office handles my case?' (see content/README.md)"});
    return;
  }
  std::map<std::string, std::string> kind_of;  // English items: id -> kind
  for (const auto& f : set.files)
    if (f.locale == "en") kind_of.emplace(f.id, f.kind);
  auto a = [](const std::string& noun) { return (std::string("aeiou").find(noun[0]) != std::string::npos ? "an " : "a ") + noun; };
  auto names = [&](const WhichFile::Value& v, const char* field, const std::string& kind, const char* words) {
    if (v.text.empty()) return;
    auto it = kind_of.find(v.text);
    if (it == kind_of.end())
      diags.push_back({w.path, v.line, std::string(field) + " = \"" + v.text + "\": there is no " + words + " with this id"});
    else if (it->second != kind)
      diags.push_back({w.path, v.line, std::string(field) + " = \"" + v.text + "\" is " + a(it->second) + ", not " + a(words)});
  };
  std::map<std::string, int> seen;  // result id -> line
  for (const auto& r : w.results) {
    if (r.id.text.empty()) {
      diags.push_back({w.path, r.line, "a [[result]] needs its id, like id = \"r-apply\""});
      continue;
    }
    const bool known = std::find_if(content::kWhichResults.begin(), content::kWhichResults.end(),
                                    [&](const char* id) { return r.id.text == id; }) != content::kWhichResults.end();
    if (!known) {
      std::string list;
      for (const char* id : content::kWhichResults) list += (list.empty() ? "" : ", ") + std::string(id);
      diags.push_back({w.path, r.id.line, "'" + r.id.text + "' is not a result of the questions (they are " + list + ")"});
    }
    if (auto [it, fresh] = seen.emplace(r.id.text, r.id.line); !fresh)
      diags.push_back({w.path, r.id.line, "'" + r.id.text + "' is given twice (first on line " + std::to_string(it->second) + ")"});
    if (!r.agency.text.empty() && r.agency.text != "SES" && r.agency.text != "OCSS")
      diags.push_back({w.path, r.agency.line, "agency = \"" + r.agency.text + "\": write SES or OCSS, or leave agency out"});
    if (r.line_id.text.empty())
      diags.push_back({w.path, r.line, "'" + r.id.text + "' needs a phone line, like line = \"call-center\""});
    names(r.guide, "guide", "guide", "guide");
    names(r.line_id, "line", "contact", "phone line (content/contacts)");
    names(r.faq, "faq", "faq", "question (content/faq)");
  }
  for (const char* id : content::kWhichResults)
    if (!seen.count(id)) diags.push_back({w.path, 1, std::string("missing: the result '") + id + "' (add a [[result]] with id = \"" + id + "\")"});
  // [lines] and [offices]: each role the screens have, naming an item of the kind
  auto roles = [&](const std::vector<std::pair<std::string, WhichFile::Value>>& given, int table_line,
                   const char* table, const std::vector<std::string>& known_roles,
                   const std::string& kind, const char* words) {
    std::set<std::string> seen_roles;
    std::string list;
    for (const auto& known_role : known_roles) list += (list.empty() ? "" : ", ") + known_role;
    for (const auto& given_role : given) {
      const std::string& role = given_role.first;  // a plain name: clang 14 captures no structured binding
      const WhichFile::Value& v = given_role.second;
      const bool known = std::find_if(known_roles.begin(), known_roles.end(),
                                      [&](const auto& r) { return r == role; }) != known_roles.end();
      if (!known) diags.push_back({w.path, v.line, "'" + role + "' is not a role under [" + table + "] (they are " + list + ")"});
      seen_roles.insert(role);
      if (v.text.empty()) diags.push_back({w.path, v.line, role + " needs the id of " + a(words)});
      names(v, role.c_str(), kind, words);
    }
    for (const auto& name : known_roles)
      if (!seen_roles.count(name))
        diags.push_back({w.path, table_line ? table_line : 1, "missing: the " + std::string(words) + " for " + name +
                                                                  " (under [" + table + "]: " + name + " = \"<its id>\")"});
  };
  std::vector<std::string> line_roles, place_roles;
  for (const auto& r : content::kLineRoles) line_roles.emplace_back(r.name);
  for (const auto& r : content::kPlaceRoles) place_roles.emplace_back(r.name);
  roles(w.lines, w.lines_line, "lines", line_roles, "contact", "phone line (content/contacts)");
  roles(w.offices, w.offices_line, "offices", place_roles, "office", "office (content/offices)");
}

void validate(const ContentSet& set, std::vector<Diag>& diags) {
  Checker c{set, diags, {}, {}, {}};
  {
    const std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    c.today = buf;
  }
  c.run();
  check_translated_numbers(set, diags);
  check_terms(set, diags);
  check_which(set, diags);
  int64_t items = 0, text = 0;
  for (const auto& f : set.files) {
    if (f.locale == "en") ++items;
    text += static_cast<int64_t>(f.body.size());
  }
  const auto& L = content::limits();
  if (!set.files.empty() && items > L.max_items)
    diags.push_back({set.files.front().path, 0, std::to_string(items) + " items; a kiosk takes at most " + std::to_string(L.max_items)});
  if (!set.files.empty() && text > L.max_total_text_bytes)
    diags.push_back({set.files.front().path, 0, std::to_string(text) + " bytes of text; a kiosk takes at most " +
                                                    std::to_string(L.max_total_text_bytes)});
}

}  // namespace kiosk::tools
