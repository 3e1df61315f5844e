// kiosk-content diff and proof (diff.h): what a visitor would see change
// between two content databases, and the screens that show it, old beside new.
#include "tools/lib/diff.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "content/kinds.h"
#include "content/markdown.h"
#include "content/store.h"
#include "i18n/catalog.h"
#include "tools/lib/proof_pdf.h"

extern char** environ;

namespace kiosk::tools {

namespace fs = std::filesystem;
using content::FieldType;

namespace {

// ---- the words and lines of two texts --------------------------------------

// The length of a UTF-8 character of Chinese, Japanese or Korean script
// (ideographs, kana, hangul, CJK punctuation and full-width forms) at s[i];
// 0 for anything else. Those scripts put no spaces between words: each such
// character is a word of its own to the diff, so "[-找-]{+看+}" marks the
// character that changed, not the whole run up to the next space.
size_t cjk_at(const std::string& s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (b(i) < 0xE0 || b(i) >= 0xF0 || i + 2 >= s.size()) return 0;
  const uint32_t cp = (uint32_t(b(i) & 0x0F) << 12) | (uint32_t(b(i + 1) & 0x3F) << 6) | uint32_t(b(i + 2) & 0x3F);
  const bool cjk = (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0xFF00 && cp <= 0xFFEF);
  return cjk ? 3 : 0;
}

std::vector<std::string> split_tokens(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    if (const size_t n = cjk_at(s, i)) {
      out.push_back(s.substr(i, n));
      i += n;
      continue;
    }
    const bool space = s[i] == ' ' || s[i] == '\t';
    size_t j = i;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t') == space && !cjk_at(s, j)) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::stringstream ss(s);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

// The longest common subsequence of a and b as (op, index) steps: ' ' both,
// '-' a only, '+' b only.
std::vector<std::pair<char, size_t>> lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<uint32_t> t((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return t[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;) at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::vector<std::pair<char, size_t>> out;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) { out.push_back({' ', i}); ++i; ++j; }
    else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) { out.push_back({'+', j}); ++j; }
    else { out.push_back({'-', i}); ++i; }
  }
  return out;
}

// ---- what a visitor is shown of an item ------------------------------------

// The fields of a kind a visitor meets, in the order they meet them: the
// title, then the kind's fields as defined, the body before a guide's steps
// (else last). Left out: staff's order numbers, and translated lists that
// are search words only (keywords, asked) and never drawn.
std::vector<const content::FieldDef*> shown_fields(const content::KindDef& k, bool* body_before_steps) {
  std::vector<const content::FieldDef*> out;
  auto glyph = [&](const char* f) { return std::find(k.glyphs.begin(), k.glyphs.end(), f) != k.glyphs.end(); };
  for (const auto& f : k.fields)
    if (std::string_view(f.name) == k.title) out.insert(out.begin(), &f);
    else if (f.type == FieldType::Int) continue;
    else if (f.type == FieldType::StringList && f.translated && !glyph(f.name)) continue;
    else out.push_back(&f);
  *body_before_steps = std::any_of(k.fields.begin(), k.fields.end(), [](const auto& f) { return f.type == FieldType::Steps; });
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : "\n") + x;
  return s;
}

// One side: every item, and every locale's texts (English where untranslated).
struct Side {
  std::unique_ptr<content::Store> store;
  std::map<std::string, std::vector<content::Item>> items;  // kind -> items in order
  std::map<std::string, std::map<std::string, std::map<std::string, std::string>>> texts;  // locale -> id -> field
  const content::Item* item(const std::string& kind, const std::string& id) const {
    auto it = items.find(kind);
    if (it == items.end()) return nullptr;
    for (const auto& i : it->second) if (i.id == id) return &i;
    return nullptr;
  }
  std::string text(const std::string& locale, const std::string& id, const std::string& field) const {
    auto l = texts.find(locale);
    if (l == texts.end()) return {};
    auto i = l->second.find(id);
    if (i == l->second.end()) return {};
    auto f = i->second.find(field);
    return f == i->second.end() ? std::string() : f->second;
  }
};

std::string modified_utc(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  std::tm tm {};
  gmtime_r(&st.st_mtime, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

bool open_side(const std::string& path, Side& s, DiffSide& info, std::string* why) {
  std::string w;
  // Store::open reads any SQLite file it is given: name the file that is not
  // a content database, so a reviewer knows which side was wrong
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) { *why = path + ": no such file"; return false; }
  s.store = content::Store::open(path, &w);
  if (!s.store) { *why = path + " is not a content database: " + w; return false; }
  info.path = path;
  info.content_hash = s.store->info().content_hash;
  info.built_from = s.store->info().built_from;
  info.modified = modified_utc(path);
  try {
    for (const auto& k : content::kinds()) s.items[k.kind] = s.store->items(k.kind);
  } catch (const std::exception& e) {
    *why = path + " is not a content database: " + e.what();
    return false;
  }
  return true;
}

// Visible values of one item in one locale: (field, label, step, text) in order.
struct Value { std::string field, label; int step; std::string text; bool translated; };

std::vector<Value> values_of(const content::KindDef& k, const Side& s, const content::Item* it, const std::string& locale,
                             int steps_at_least) {
  std::vector<Value> out;
  if (!it) return out;
  bool body_before_steps = false;
  auto fields = shown_fields(k, &body_before_steps);
  // Markdown is compared as a visitor reads it (plain text), so a reviewer
  // reads words, not markup; a change of markup alone is shown as written
  auto plain = [](const std::string& md) { return content::markdown_plain(md); };
  auto body = [&] { out.push_back({"body", "body", 0, plain(s.text(locale, it->id, "body")), true}); };
  for (const auto* f : fields) {
    if (f->type == FieldType::Steps) {
      if (body_before_steps) body();
      const int n = std::max(steps_at_least, std::atoi(it->value(f->name).c_str()));
      for (int i = 1; i <= n; ++i) {
        const std::string p = "step." + std::to_string(i) + ".";
        const std::string l = "step " + std::to_string(i) + " ";
        out.push_back({p + "title", l + "title", i, s.text(locale, it->id, p + "title"), true});
        out.push_back({p + "text", l + "text", i, plain(s.text(locale, it->id, p + "text")), true});
        out.push_back({p + "checklist", l + "checklist", i, s.text(locale, it->id, p + "checklist"), true});
      }
      continue;
    }
    if (f->translated) out.push_back({f->name, f->name, 0, s.text(locale, it->id, f->name), true});
    else out.push_back({f->name, f->name, 0, join(it->list(f->name)), false});
  }
  if (!body_before_steps) body();
  return out;
}

int step_count(const content::KindDef& k, const content::Item* it) {
  if (!it) return 0;
  for (const auto& f : k.fields)
    if (f.type == FieldType::Steps) return std::atoi(it->value(f.name).c_str());
  return 0;
}

FieldChange field_change(const Value& o, const Value& n) {
  FieldChange c{n.field, n.label, n.step, o.text, n.text, diff_lines(o.text, n.text)};
  return c;
}

// The UI strings (locales/*.po) as stored: locale -> key -> pattern.
std::map<std::string, std::map<std::string, std::string>> ui_strings(content::Store& store) {
  std::map<std::string, std::map<std::string, std::string>> out;
  content::Stmt st(store.db(), "SELECT locale, key, pattern FROM ui_strings");
  while (st.step()) out[st.text(0)][st.text(1)] = st.text(2);
  return out;
}

// The pattern a visitor in `locale` is shown for key (its fallback where untranslated).
std::string ui_pattern(const std::map<std::string, std::map<std::string, std::string>>& ui, const std::string& locale,
                       const std::string& key) {
  for (const auto& loc : i18n::fallback_chain(locale)) {
    auto l = ui.find(loc);
    if (l == ui.end()) continue;
    if (auto k = l->second.find(key); k != l->second.end()) return k->second;
  }
  return {};
}

std::string esc_html(const std::string& s) {
  std::string o;
  for (char ch : s) {
    switch (ch) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += ch;
    }
  }
  return o;
}

std::string where(const ItemChange& c) { return c.locale.empty() ? "every language" : c.locale; }

}  // namespace

std::vector<DiffWord> diff_words(const std::string& a, const std::string& b) {
  const auto ta = split_tokens(a), tb = split_tokens(b);
  std::vector<std::pair<char, const std::string*>> raw;
  for (const auto& [op, i] : lcs(ta, tb)) raw.push_back({op, op == '+' ? &tb[i] : &ta[i]});
  auto blank = [](const std::string& t) { return t.find_first_not_of(" \t") == std::string::npos; };
  std::vector<DiffWord> out;
  for (size_t i = 0; i < raw.size();) {
    if (raw[i].first == ' ') {
      if (!out.empty() && out.back().op == ' ') out.back().text += *raw[i].second;
      else out.push_back({' ', *raw[i].second});
      ++i;
      continue;
    }
    // one change: its words, and a space between two of its words, so it
    // reads "[-a b-]{+c d+}" rather than word by word
    std::string del, ins;
    size_t j = i;
    while (j < raw.size()) {
      if (raw[j].first != ' ') (raw[j].first == '-' ? del : ins) += *raw[j].second;
      else if (blank(*raw[j].second) && j + 1 < raw.size() && raw[j + 1].first != ' ') { del += *raw[j].second; ins += *raw[j].second; }
      else break;
      ++j;
    }
    if (!del.empty() && !blank(del)) out.push_back({'-', del});
    if (!ins.empty() && !blank(ins)) out.push_back({'+', ins});
    i = j;
  }
  return out;
}

std::vector<DiffLine> diff_lines(const std::string& a, const std::string& b) {
  const auto la = split_lines(a), lb = split_lines(b);
  std::vector<DiffLine> out;
  auto steps = lcs(la, lb);
  for (size_t i = 0; i < steps.size();) {
    if (steps[i].first == ' ') { ++i; continue; }
    std::vector<std::string> del, ins;
    while (i < steps.size() && steps[i].first != ' ') {
      if (steps[i].first == '-') del.push_back(la[steps[i].second]);
      else ins.push_back(lb[steps[i].second]);
      ++i;
    }
    // a line changed in place shows its words; one rewritten whole reads
    // better as the old line and the new
    size_t k = 0;
    for (; k < std::min(del.size(), ins.size()); ++k) {
      auto w = diff_words(del[k], ins[k]);
      size_t same = 0;
      for (const auto& x : w) if (x.op == ' ') same += x.text.size();
      if (same * 3 >= std::max(del[k].size(), ins[k].size())) out.push_back({'~', "", std::move(w)});
      else {
        out.push_back({'-', del[k], {}});
        out.push_back({'+', ins[k], {}});
      }
    }
    for (size_t j = k; j < del.size(); ++j) out.push_back({'-', del[j], {}});
    for (size_t j = k; j < ins.size(); ++j) out.push_back({'+', ins[j], {}});
  }
  return out;
}

bool diff_content(const std::string& old_db, const std::string& new_db, const std::vector<std::string>& locales,
                  ContentDiff* out, std::string* why) {
  Side o, n;
  if (!open_side(old_db, o, out->old_side, why) || !open_side(new_db, n, out->new_side, why)) return false;
  std::vector<std::string> have = o.store->locales();
  for (const auto& l : n.store->locales())
    if (std::find(have.begin(), have.end(), l) == have.end()) have.push_back(l);
  if (locales.empty()) out->locales = have;
  else
    for (const auto& l : locales) {
      if (std::find(have.begin(), have.end(), l) == have.end()) {
        *why = "--locale " + l + ": neither database has it; they have";
        for (const auto& h : have) *why += " " + h;
        return false;
      }
      if (std::find(out->locales.begin(), out->locales.end(), l) == out->locales.end()) out->locales.push_back(l);
    }
  for (const auto& l : out->locales) {
    o.texts[l] = o.store->all_texts(l);
    n.texts[l] = n.store->all_texts(l);
  }
  // English names an item for every language (and an item added or removed)
  const std::string en = std::find(have.begin(), have.end(), "en") != have.end() ? "en" : have.empty() ? "" : have.front();
  if (!o.texts.count(en)) { o.texts[en] = o.store->all_texts(en); n.texts[en] = n.store->all_texts(en); }

  for (const auto& k : content::kinds()) {
    // the new order, then what was removed in the old order
    std::vector<std::string> ids;
    for (const auto& it : n.items[k.kind]) ids.push_back(it.id);
    for (const auto& it : o.items[k.kind])
      if (!n.item(k.kind, it.id)) ids.push_back(it.id);
    for (const auto& id : ids) {
      const content::Item* oi = o.item(k.kind, id);
      const content::Item* ni = n.item(k.kind, id);
      const int steps = std::max(step_count(k, oi), step_count(k, ni));
      auto title = [&](const std::string& loc) {
        std::string t = ni ? n.text(loc, id, k.title) : o.text(loc, id, k.title);
        if (t.empty() && ni) t = join(ni->list(k.title));
        if (t.empty() && oi) t = join(oi->list(k.title));
        return t;
      };
      if (!oi || !ni) {  // added or removed: every field it has, in English
        ItemChange c{ni ? "added" : "removed", k.kind, id, "", title(en), {}};
        const Side& s = ni ? n : o;
        for (const auto& v : values_of(k, s, ni ? ni : oi, en, steps)) {
          if (v.text.empty()) continue;
          Value none{v.field, v.label, v.step, "", v.translated};
          c.fields.push_back(ni ? field_change(none, v) : field_change(v, none));
        }
        out->changes.push_back(std::move(c));
        continue;
      }
      // fields that are not translated change in every language at once
      {
        ItemChange c{"changed", k.kind, id, "", title(en), {}};
        const auto ov = values_of(k, o, oi, en, steps), nv = values_of(k, n, ni, en, steps);
        for (size_t i = 0; i < nv.size(); ++i)
          if (!nv[i].translated && ov[i].text != nv[i].text) c.fields.push_back(field_change(ov[i], nv[i]));
        if (!c.fields.empty()) out->changes.push_back(std::move(c));
      }
      for (const auto& loc : out->locales) {
        ItemChange c{"changed", k.kind, id, loc, title(loc), {}};
        const auto ov = values_of(k, o, oi, loc, steps), nv = values_of(k, n, ni, loc, steps);
        for (size_t i = 0; i < nv.size(); ++i)
          if (nv[i].translated && ov[i].text != nv[i].text) c.fields.push_back(field_change(ov[i], nv[i]));
        if (!c.fields.empty()) out->changes.push_back(std::move(c));
      }
    }
  }
  // the words of the screens themselves (buttons, headings), per language
  const auto ou = ui_strings(*o.store), nu = ui_strings(*n.store);
  std::set<std::string> keys;
  for (const auto* side : {&ou, &nu})
    for (const auto& [loc, m] : *side)
      for (const auto& [key, pattern] : m) keys.insert(key);
  for (const auto& key : keys)
    for (const auto& loc : out->locales) {
      const std::string a = ui_pattern(ou, loc, key), b = ui_pattern(nu, loc, key);
      if (a == b) continue;
      ItemChange c{a.empty() ? "added" : b.empty() ? "removed" : "changed", kUiKind, key, loc, key, {}};
      c.fields.push_back(FieldChange{"pattern", "text", 0, a, b, diff_lines(a, b)});
      out->changes.push_back(std::move(c));
    }
  return true;
}

std::string diff_text(const ContentDiff& d) {
  std::ostringstream s;
  auto side = [&](const char* name, const DiffSide& x) {
    s << name << " " << x.path << ": content version " << (x.content_hash.empty() ? "(none)" : x.content_hash) << ", file of "
      << x.modified << (x.built_from.empty() ? "" : " (" + x.built_from + ")") << "\n";
  };
  side("old", d.old_side);
  side("new", d.new_side);
  s << "languages:";
  for (const auto& l : d.locales) s << " " << l;
  s << "\n";
  if (d.changes.empty()) {
    s << "\nnothing a visitor sees has changed\n";
    return s.str();
  }
  for (const auto& c : d.changes) {
    s << "\n" << c.what << " " << c.kind << " " << content::plain_id(c.id) << ", " << where(c) << ": " << c.title << "\n";
    for (const auto& f : c.fields) {
      s << "  " << f.label << ":\n";
      for (const auto& l : f.lines) {
        if (l.op != '~') { s << "    " << l.op << " " << l.text << "\n"; continue; }
        s << "    ~ ";
        for (const auto& w : l.words)
          s << (w.op == '-' ? "[-" + w.text + "-]" : w.op == '+' ? "{+" + w.text + "+}" : w.text);
        s << "\n";
      }
    }
  }
  s << "\n" << d.changes.size() << (d.changes.size() == 1 ? " change" : " changes") << "\n";
  return s.str();
}

nlohmann::ordered_json diff_json(const ContentDiff& d) {
  using J = nlohmann::ordered_json;
  auto side = [](const DiffSide& x) {
    return J{{"path", x.path}, {"content_version", x.content_hash}, {"built_from", x.built_from}, {"modified", x.modified}};
  };
  J changes = J::array();
  for (const auto& c : d.changes) {
    J fields = J::array();
    for (const auto& f : c.fields) fields.push_back(J{{"field", f.field}, {"old", f.old_text}, {"new", f.new_text}});
    changes.push_back(J{{"what", c.what}, {"kind", c.kind}, {"id", content::plain_id(c.id)}, {"locale", c.locale.empty() ? "*" : c.locale},
                        {"title", c.title}, {"fields", fields}});
  }
  return J{{"old", side(d.old_side)}, {"new", side(d.new_side)}, {"locales", d.locales}, {"changes", changes}};
}

// ---- proof -------------------------------------------------------------------

std::vector<ProofShot> proof_shots(const ContentDiff& d) {
  std::vector<ProofShot> out;
  const std::string first = std::find(d.locales.begin(), d.locales.end(), "en") != d.locales.end() ? "en"
                            : d.locales.empty() ? "en" : d.locales.front();
  for (size_t i = 0; i < d.changes.size(); ++i) {
    const ItemChange& c = d.changes[i];
    const content::KindDef* k = content::find_kind(c.kind);
    if (!k) continue;
    const std::string loc = c.locale.empty() ? first : c.locale;
    std::string base = std::to_string(i + 1) + "-" + c.kind + "-" + content::plain_id(c.id) + "-" + (c.locale.empty() ? "all" : c.locale);
    for (char& ch : base)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-') ch = '_';
    if (!*k->screen) {  // shown on the home screen (a notice)
      out.push_back({i, loc, "home", "", base});
      continue;
    }
    const std::string id = content::plain_id(c.id);
    // a kind with steps shows each step on its own screen (place "<id>:<n>",
    // session::parse_route); every other change is on its first screen
    std::set<int> steps;
    bool other = c.what != "changed";
    for (const auto& f : c.fields) (f.step > 0 ? steps.insert(f.step), false : (other = true));
    // (a kind with steps opens at its introduction: its id alone)
    const bool stepped = !steps.empty();
    if (other || !stepped) out.push_back({i, loc, k->screen, id, base});
    if (stepped)
      for (int s : steps) out.push_back({i, loc, k->screen, id + ":" + std::to_string(s), base + "-step" + std::to_string(s)});
  }
  return out;
}

namespace {

// Runs argv with stdout and stderr into log; the exit code, or -1 with *why.
int run(const std::vector<std::string>& args, const std::string& log, std::string* why) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) { *why = "cannot run " + args[0] + ": " + std::strerror(rc); return -1; }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Double quotes for a script step's word.
std::string quoted(const std::string& s) {
  std::string o = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') o += '\\';
    o += ch;
  }
  return o + "\"";
}

// A field's diff; its lines in their language (right to left where it is), the label in English.
std::string diff_html(const FieldChange& f, const std::string& locale) {
  std::string h = "<div class=\"field\"><div class=\"label\">" + esc_html(f.label) + "</div><div lang=\"" +
                  esc_html(locale.empty() ? "en" : locale) + "\" dir=\"auto\">";
  for (const auto& l : f.lines) {
    if (l.op == '-') h += "<div class=\"line del\">" + esc_html(l.text) + "</div>";
    else if (l.op == '+') h += "<div class=\"line ins\">" + esc_html(l.text) + "</div>";
    else {
      h += "<div class=\"line mod\">";
      for (const auto& w : l.words)
        h += w.op == '-' ? "<del>" + esc_html(w.text) + "</del>" : w.op == '+' ? "<ins>" + esc_html(w.text) + "</ins>" : esc_html(w.text);
      h += "</div>";
    }
  }
  return h + "</div></div>";
}

std::string heading(const ItemChange& c) {
  return c.what + " " + c.kind + " " + content::plain_id(c.id) + ", " + where(c) + ": " + c.title;
}

}  // namespace

std::string make_proof(const ContentDiff& d, const ProofOptions& o, std::vector<ProofShot>* shots_out) {
  std::error_code ec;
  fs::create_directories(fs::path(o.out_dir) / "old", ec);
  fs::create_directories(fs::path(o.out_dir) / "new", ec);
  if (ec) return "cannot make " + o.out_dir + ": " + ec.message();
  std::string kiosk = o.kiosk;
  if (kiosk.empty()) {
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) self = fs::absolute(o.self);
    kiosk = (self.parent_path() / "kiosk").string();
  }
  if (::access(kiosk.c_str(), X_OK) != 0)
    return "the kiosk program " + kiosk + " cannot be run (" + std::strerror(errno) + "); name it with --kiosk PATH";
  const auto shots = proof_shots(d);
  if (shots_out) *shots_out = shots;
  const std::string size = std::to_string(o.width) + "x" + std::to_string(o.height);
  // one kiosk run per side: from home, each shot in its language
  for (const auto& [side, db] : {std::pair<std::string, std::string>{"old", d.old_side.path}, {"new", d.new_side.path}}) {
    const fs::path dir = fs::path(o.out_dir) / side;
    std::ofstream sc(dir / "proof.script");
    sc << "# kiosk-content proof: every changed screen of " << db << "\n";
    for (const auto& s : shots) {
      sc << "key Home\nlocale " << s.locale << "\nopen " << quoted(s.screen) << (s.param.empty() ? "" : " " + quoted(s.param)) << "\n";
      sc << "frames 2\nscreenshot " << quoted(s.name) << "\n";
    }
    sc.close();
    std::string why;
    const std::string log = (dir / "kiosk.log").string();
    const int rc = run({kiosk, "--headless", "--script", (dir / "proof.script").string(), "--out", dir.string(), "--size", size,
                        "--db", fs::absolute(db).string()},
                       log, &why);
    if (rc != 0) return why.empty() ? "the kiosk failed on " + db + " (exit " + std::to_string(rc) + "): " + read_all(log) : why;
  }

  // index.html
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Content change for approval</title>\n<style>\n"
       "body{font-family:'DejaVu Sans','Noto Sans',sans-serif;margin:2em;color:#111}\n"
       "table.v td{padding:.2em 1em .2em 0;vertical-align:top}\n"
       "section{border-top:2px solid #333;margin-top:2em;padding-top:1em;page-break-inside:avoid}\n"
       ".label{font-weight:bold;margin-top:.5em}.line{font-family:'DejaVu Sans Mono',monospace;white-space:pre-wrap;margin-left:1em}\n"
       ".del{color:#a00000}.del::before{content:'- '}.ins{color:#006000}.ins::before{content:'+ '}.mod::before{content:'~ '}\n"
       "del{background:#fdd;color:#a00000}ins{background:#dfd;color:#006000;text-decoration:none;font-weight:bold}\n"
       ".pair{display:flex;gap:1em;margin-top:1em}.pair figure{margin:0;flex:1}.pair img{width:100%;border:1px solid #999}\n"
       ".same{color:#a06000}\n.signoff{border:2px solid #333;padding:1em;margin-top:3em;page-break-before:always}\n"
       ".signoff p{margin:1.4em 0}\n@media print{body{margin:0}}\n</style></head><body>\n"
       "<h1>Content change for approval</h1>\n<table class=\"v\">\n";
  auto side_row = [&](const char* label, const DiffSide& x) {
    h << "<tr><td><b>" << label << "</b></td><td>" << esc_html(x.path) << "</td><td>content version <b>"
      << esc_html(x.content_hash.empty() ? "(none)" : x.content_hash) << "</b></td><td>file of " << esc_html(x.modified)
      << "</td><td>" << esc_html(x.built_from) << "</td></tr>\n";
  };
  side_row("Old", d.old_side);
  side_row("New", d.new_side);
  h << "</table>\n<p>" << d.changes.size() << (d.changes.size() == 1 ? " change" : " changes") << ", " << shots.size()
    << " screens, in " << d.locales.size() << " languages compared.</p>\n";
  std::vector<std::string> headings;
  std::vector<ProofPdfShot> pdf_shots;
  for (size_t i = 0; i < d.changes.size(); ++i) {
    const ItemChange& c = d.changes[i];
    h << "<section id=\"change-" << i + 1 << "\"><h2>" << i + 1 << ". " << esc_html(heading(c)) << "</h2>\n";
    for (const auto& f : c.fields) h << diff_html(f, c.locale) << "\n";
    // the PDF's heading runs left to right; the title is isolated in its own
    // direction (U+2068 ... U+2069), so an Arabic title's "؟" stays at its end
    headings.push_back(std::to_string(i + 1) + ". " + c.what + " " + c.kind + " " + content::plain_id(c.id) + ", " + where(c) +
                       ": \u2068" + c.title + "\u2069");
    if (std::none_of(shots.begin(), shots.end(), [&](const ProofShot& s) { return s.change == i; }))
      h << "<p class=\"same\">No screen of its own" << (c.kind == kUiKind ? ": a word of the screens, on every screen that uses it" : "")
        << "; not rendered here.</p>\n";
    for (const auto& s : shots) {
      if (s.change != i) continue;
      const std::string png = s.name + ".png";
      const bool differs = read_all((fs::path(o.out_dir) / "old" / png).string()) != read_all((fs::path(o.out_dir) / "new" / png).string());
      h << "<div class=\"pair\"><figure><img src=\"old/" << esc_html(png) << "\" alt=\"before\"><figcaption>Before ("
        << esc_html(d.old_side.content_hash) << "), " << esc_html(s.screen + " " + s.param) << ", " << esc_html(s.locale)
        << (c.what == "added" ? ": not in this version" : "") << "</figcaption></figure><figure><img src=\"new/" << esc_html(png) << "\" alt=\"after\"><figcaption>After ("
        << esc_html(d.new_side.content_hash) << ")" << (c.what == "removed" ? ": not in this version" : "") << (differs ? "" : " <span class=\"same\">no visible difference on this screen</span>")
        << "</figcaption></figure></div>\n";
      pdf_shots.push_back({i, s.screen, s.param, s.locale, (fs::path(o.out_dir) / "old" / png).string(),
                           (fs::path(o.out_dir) / "new" / png).string(), differs});
    }
    h << "</section>\n";
  }
  h << "<div class=\"signoff\"><h2>Sign-off</h2>\n<p>Old: content version <b>" << esc_html(d.old_side.content_hash)
    << "</b> &nbsp; New: content version <b>" << esc_html(d.new_side.content_hash) << "</b></p>\n"
    << "<p>Reviewer name: ______________________________________</p>\n<p>Date: ____________________</p>\n"
       "<p>&#9744; Approved &nbsp;&nbsp;&nbsp; &#9744; Changes needed</p>\n<p>Notes:</p>\n<p>&nbsp;</p>\n"
       "<p>Signature: ______________________________________</p>\n</div>\n</body></html>\n";
  {
    std::ofstream f(fs::path(o.out_dir) / "index.html");
    f << h.str();
    if (!f) return "cannot write " + (fs::path(o.out_dir) / "index.html").string();
  }
  // proof.pdf, from the same changes and screenshots
  return draw_proof_pdf(d, headings, pdf_shots, (fs::path(o.out_dir) / "proof.pdf").string());
}

}  // namespace kiosk::tools
