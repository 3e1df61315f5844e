// Reads content/ (items, sources, synonyms) and locales/*.po into a ContentSet.
#include <algorithm>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gettext-po.h>
#include <unicode/utf8.h>

#include "content/accept.h"
#include "tools/lib/model.h"

namespace fs = std::filesystem;

namespace kiosk::tools {

namespace {

// Any source file is far smaller; the validator holds texts to the kiosk's limits.
constexpr int64_t kMaxSourceBytes = 64ll << 20;

// The whole file, or false with a problem naming it: a folder, a device, a
// file nobody may read (also for root: a folder in its place) is an error,
// never an empty file.
bool read_source(const fs::path& p, const std::string& shown, std::string& out, std::vector<Diag>& diags) {
  auto read = content::read_small_file(p.string(), kMaxSourceBytes);
  if (read.ok()) {
    out = std::move(read.value);
    return true;
  }
  std::string why = std::move(read.why);
  if (why.rfind(p.string() + ": ", 0) == 0) why = why.substr(p.string().size() + 2);
  if (why.size() > 10 && why.compare(why.size() - 10, 10, "; not read") == 0) why.resize(why.size() - 10);
  diags.push_back({shown, 0, "cannot be read (" + why + ")"});
  return false;
}

std::string shown_path(const fs::path& p, const fs::path& base) {
  std::error_code ec;
  auto rel = fs::relative(p, base.parent_path().empty() ? fs::path(".") : base.parent_path(), ec);
  return ec || rel.empty() ? p.string() : rel.string();
}

// Reports every line of `text` that is not UTF-8 (the first few, then how
// many more): a file saved in another encoding, or a stray byte. true when it
// all is.
bool check_utf8(const std::string& text, const std::string& shown, std::vector<Diag>& diags) {
  if (text.size() > static_cast<size_t>(INT32_MAX)) return true;  // read_source caps far below
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int line = 1, column = 1, last_bad = 0, bad_lines = 0;
  constexpr int kShown = 5;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '\n') { ++line; column = 1; continue; }
    if (c < 0 && line != last_bad) {
      last_bad = line;
      if (++bad_lines <= kShown) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", s[at]);
        diags.push_back({shown, line, "not UTF-8 text (byte " + std::string(hex) + " at character " + std::to_string(column) +
                                          "); save the file as UTF-8 and retype what is around it"});
      }
    }
    ++column;
  }
  if (bad_lines > kShown)
    diags.push_back({shown, last_bad, std::to_string(bad_lines - kShown) + " more lines are not UTF-8 text (the last shown here)"});
  return bad_lines == 0;
}

void load_item(const fs::path& p, const std::string& shown, const std::string& kind, ContentSet& set,
               std::vector<Diag>& diags) {
  static const std::regex name_re(R"(^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3}(?:_[A-Z]{2})?)\.md$)");
  std::smatch m;
  std::string fname = p.filename().string();
  if (!std::regex_match(fname, m, name_re)) {
    diags.push_back({shown, 1, "file name must look like <id>.<locale>.md, for example apply-how.en.md "
                               "(lowercase letters, digits and dashes)"});
    return;
  }
  ItemFile f;
  f.path = shown;
  f.kind = kind;
  f.id = m[1];
  f.locale = m[2];
  std::string text;
  if (!read_source(p, shown, text, diags)) return;
  check_utf8(text, shown, diags);
  // Split "+++\n<toml>\n+++\n<markdown>"
  std::vector<std::string> lines;
  {
    std::stringstream ss(text);
    for (std::string l; std::getline(ss, l);) {
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines.push_back(l);
    }
  }
  if (lines.empty() || lines[0] != "+++") {
    diags.push_back({shown, 1, "the file must start with a line containing only +++ (the settings block)"});
    return;
  }
  size_t close = 1;
  while (close < lines.size() && lines[close] != "+++") ++close;
  if (close == lines.size()) {
    diags.push_back({shown, static_cast<int>(lines.size()), "the settings block is not closed: add a line containing only +++"});
    return;
  }
  std::string toml_text;
  for (size_t i = 1; i < close; ++i) toml_text += lines[i] + "\n";
  for (size_t i = close + 1; i < lines.size(); ++i) f.body += lines[i] + "\n";
  while (!f.body.empty() && (f.body.back() == '\n' || f.body.back() == ' ')) f.body.pop_back();
  f.meta_line = 2;
  f.body_line = static_cast<int>(close) + 2;
  try {
    f.meta = toml::parse(toml_text, shown);
  } catch (const toml::parse_error& e) {
    int line = static_cast<int>(e.source().begin.line) + f.meta_line - 1;
    diags.push_back({shown, line, std::string("cannot read the settings: ") + std::string(e.description())});
    return;
  }
  set.files.push_back(std::move(f));
}

thread_local std::vector<Diag>* g_po_diags = nullptr;
thread_local std::string g_po_path;

void po_xerror(int severity, po_message_t, const char* filename, size_t lineno, size_t, int,
               const char* text) {
  if (g_po_diags)
    g_po_diags->push_back({filename ? g_po_path : g_po_path,
                           lineno == (size_t)-1 ? 0 : static_cast<int>(lineno),
                           std::string("the translation file cannot be read: ") + (text ? text : "")});
  (void)severity;  // fatal errors return here too: po_file_read then returns NULL
}
void po_xerror2(int severity, po_message_t m1, const char* f1, size_t l1, size_t c1, int ml1, const char* t1,
                po_message_t, const char*, size_t, size_t, int, const char*) {
  po_xerror(severity, m1, f1, l1, c1, ml1, t1);
}

void load_po(const fs::path& p, const std::string& shown, ContentSet& set, std::vector<Diag>& diags) {
  PoFile pf;
  pf.path = shown;
  pf.locale = p.stem().string();
  std::string text;
  if (!read_source(p, shown, text, diags)) return;
  check_utf8(text, shown, diags);
  const po_xerror_handler handler{po_xerror, po_xerror2};
  g_po_diags = &diags;
  g_po_path = shown;
  po_file_t file = po_file_read(p.c_str(), &handler);
  g_po_diags = nullptr;
  if (!file) return;
  // libgettextpo does not give a message's own line: find `msgid "key"` in the text.
  std::vector<size_t> line_starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts.push_back(i + 1);
  auto line_of = [&](const std::string& key) {
    size_t pos = text.find("msgid \"" + key + "\"");
    if (pos == std::string::npos) return 0;
    return static_cast<int>(std::upper_bound(line_starts.begin(), line_starts.end(), pos) - line_starts.begin());
  };
  po_message_iterator_t it = po_message_iterator(file, nullptr);
  while (po_message_t msg = po_next_message(it)) {
    const char* id = po_message_msgid(msg);
    if (!id || !*id || po_message_is_obsolete(msg)) continue;
    const char* str = po_message_msgstr(msg);
    if (po_message_msgid_plural(msg)) {
      diags.push_back({shown, line_of(id), std::string("message '") + id +
                                               "' uses gettext plural forms (msgid_plural); write one msgstr with an ICU plural, "
                                               "like {count, plural, one {# result} other {# results}}"});
      continue;
    }
    // Untranslated or fuzzy: a translation falls back to English, but English
    // has nothing to fall back to (the kiosk would show the key itself).
    const bool unused = po_message_is_fuzzy(msg) || !str || !*str;
    if (unused && pf.locale == "en")
      diags.push_back({shown, line_of(id), std::string("message '") + id + "' has no English text the kiosk uses (" +
                                               (po_message_is_fuzzy(msg) ? "marked fuzzy" : "empty msgstr") + ")"});
    if (unused) continue;
    pf.entries.push_back({id, str, line_of(id)});
  }
  po_message_iterator_free(it);
  po_file_free(file);
  std::sort(pf.entries.begin(), pf.entries.end(), [](auto& a, auto& b) { return a.key < b.key; });
  set.po.push_back(std::move(pf));
}

// Reads a whole TOML file of content (synonyms, which.toml): false, with the
// problem at its line, when it cannot be read, is not UTF-8 or is not TOML.
bool read_toml(const fs::path& p, const std::string& shown, toml::table& t, std::vector<Diag>& diags) {
  std::string text;
  if (!read_source(p, shown, text, diags)) return false;
  if (!check_utf8(text, shown, diags)) return false;  // toml++ would only say "invalid UTF-8" without where
  try {
    t = toml::parse(text, shown);
  } catch (const toml::parse_error& e) {
    diags.push_back({shown, static_cast<int>(e.source().begin.line), std::string("cannot read: ") + std::string(e.description())});
    return false;
  }
  return true;
}

void load_synonyms(const fs::path& p, const std::string& shown, ContentSet& set, std::vector<Diag>& diags) {
  SynonymFile sf;
  sf.path = shown;
  sf.locale = p.stem().string();
  toml::table t;
  if (!read_toml(p, shown, t, diags)) return;
  for (auto&& [k, v] : t) {
    int line = static_cast<int>(v.source().begin.line);
    if (k == "groups") {
      auto* arr = v.as_array();
      if (!arr) { diags.push_back({shown, line, "groups must be a list of lists of words"}); continue; }
      for (auto& g : *arr) {
        auto* ga = g.as_array();
        if (!ga) { diags.push_back({shown, static_cast<int>(g.source().begin.line), "each group must be a list of words, like [\"jail\", \"prison\"]"}); continue; }
        std::vector<std::string> words;
        for (auto& w : *ga)
          if (auto s = w.value<std::string>()) words.push_back(*s);
          else diags.push_back({shown, static_cast<int>(w.source().begin.line), "each word must be in quotes"});
        if (words.size() < 2) diags.push_back({shown, static_cast<int>(g.source().begin.line), "a group needs at least two words"});
        sf.groups.push_back(std::move(words));
      }
    } else if (k == "stopwords") {
      if (auto* arr = v.as_array())
        for (auto& w : *arr)
          if (auto s = w.value<std::string>()) sf.stopwords.push_back(*s);
    } else if (k == "means") {
      auto* tab = v.as_table();
      if (!tab) { diags.push_back({shown, line, "means must be a table: [means] then \"another state\" = [\"florida\", ...]"}); continue; }
      for (auto&& [meaning, list] : *tab) {
        auto* arr = list.as_array();
        const int at = static_cast<int>(list.source().begin.line);
        if (!arr) { diags.push_back({shown, at, "'" + std::string(meaning.str()) + "' must be a list of words in quotes"}); continue; }
        std::vector<std::string> words;
        for (auto& w : *arr)
          if (auto s = w.value<std::string>()) words.push_back(*s);
          else diags.push_back({shown, static_cast<int>(w.source().begin.line), "each word must be in quotes"});
        if (words.empty()) diags.push_back({shown, at, "'" + std::string(meaning.str()) + "' needs at least one word"});
        sf.means.emplace_back(std::string(meaning.str()), std::move(words));
      }
    } else {
      diags.push_back({shown, line, "unknown setting '" + std::string(k.str()) + "' (expected groups, stopwords or means)"});
    }
  }
  set.synonyms.push_back(std::move(sf));
}

// content/which.toml: [lines] role = "contact id", [offices] role = "office
// id", and [[result]] tables of
// id, agency, guide, line and faq. What the values name is validate's part;
// here only what stops the file being read.
void load_which(const fs::path& p, const std::string& shown, ContentSet& set, std::vector<Diag>& diags) {
  WhichFile& w = set.which;
  w.present = true;
  w.path = shown;
  toml::table t;
  if (!read_toml(p, shown, t, diags)) return;
  auto at = [](const toml::node& n) { return static_cast<int>(n.source().begin.line); };
  auto value = [&](const toml::node& n, const std::string& key, WhichFile::Value& out) {
    out.line = at(n);
    if (auto s = n.value<std::string>()) out.text = *s;
    else diags.push_back({shown, at(n), key + " must be in quotes, like " + key + " = \"call-center\""});
  };
  for (auto&& [k, v] : t) {
    if (k == "lines" || k == "offices") {
      const bool lines = k == "lines";
      auto* tab = v.as_table();
      if (!tab) {
        diags.push_back({shown, at(v), lines ? "lines must be a table: [lines] then main = \"call-center\""
                                             : "offices must be a table: [offices] then children = \"cip-imrp\""});
        continue;
      }
      (lines ? w.lines_line : w.offices_line) = at(v);
      for (auto&& [role, id] : *tab) {
        WhichFile::Value val;
        value(id, std::string(role.str()), val);
        (lines ? w.lines : w.offices).emplace_back(std::string(role.str()), val);
      }
    } else if (k == "result") {
      auto* arr = v.as_array();
      if (!arr) { diags.push_back({shown, at(v), "each result is a [[result]] table"}); continue; }
      for (auto& n : *arr) {
        auto* r = n.as_table();
        if (!r) { diags.push_back({shown, at(n), "each result is a [[result]] table"}); continue; }
        WhichFile::Result res;
        res.line = at(n);
        for (auto&& [field, fv] : *r) {
          const std::string f(field.str());
          WhichFile::Value* out = f == "id" ? &res.id : f == "agency" ? &res.agency : f == "guide" ? &res.guide
                                : f == "line" ? &res.line_id : f == "faq" ? &res.faq : nullptr;
          if (out) value(fv, f, *out);
          else diags.push_back({shown, at(fv), "unknown field '" + f + "' (a result has id, agency, guide, line and faq)"});
        }
        w.results.push_back(std::move(res));
      }
    } else {
      diags.push_back({shown, at(v), "unknown setting '" + std::string(k.str()) + "' (expected [lines], [offices] or [[result]])"});
    }
  }
}

}  // namespace

ContentSet load_content(const std::string& content_dir, const std::string& locales_dir, std::vector<Diag>& diags) {
  ContentSet set;
  set.content_dir = content_dir;
  set.locales_dir = locales_dir;
  fs::path base(content_dir);
  if (!fs::is_directory(base)) {
    diags.push_back({content_dir, 0, "this folder does not exist"});
    return set;
  }
  fs::path src = base / "sources.toml";
  std::string src_shown = shown_path(src, base);
  if (!fs::exists(src)) {
    diags.push_back({src_shown, 0, "missing: the list of source documents"});
  } else if (std::string text; read_source(src, src_shown, text, diags) && check_utf8(text, src_shown, diags)) {
    try {
      auto t = toml::parse(text, src_shown);
      if (auto* arr = t["source"].as_array())
        for (auto& n : *arr)
          if (auto* s = n.as_table())
            set.sources.push_back({(*s)["file"].value_or(std::string()), (*s)["title"].value_or(std::string()),
                                   (*s)["date"].value_or(std::string())});
    } catch (const toml::parse_error& e) {
      diags.push_back({src_shown, static_cast<int>(e.source().begin.line), std::string("cannot read: ") + std::string(e.description())});
    }
  }

  std::vector<fs::path> paths;
  // A folder that is no kind's (a typo, "faqs") but holds items (files that
  // start with +++) would be skipped in silence: they would never reach a
  // visitor. Folders of notes (reviews/) are left alone.
  {
    std::error_code ec;
    std::vector<fs::path> stray;
    auto holds_items = [](const fs::path& dir) {
      std::error_code dec;
      for (fs::directory_iterator f(dir, dec), end; !dec && f != end; f.increment(dec)) {
        if (f->path().extension() != ".md") continue;
        std::ifstream in(f->path(), std::ios::binary);
        std::string first;
        std::getline(in, first);
        if (!first.empty() && first.back() == '\r') first.pop_back();
        if (first == "+++") return true;
      }
      return false;
    };
    for (fs::directory_iterator e(base, ec), end; !ec && e != end; e.increment(ec)) {
      const std::string name = e->path().filename().string();
      if (e->is_directory() && name[0] != '.' && name != "synonyms" && !content::kind_of_folder(name) && holds_items(e->path()))
        stray.push_back(e->path());
    }
    std::sort(stray.begin(), stray.end());
    std::string folders;
    for (const auto& k : content::kinds()) folders += (folders.empty() ? "" : ", ") + std::string(k.folder) + "/";
    for (const auto& p : stray)
      diags.push_back({shown_path(p, base), 0, "not a content folder (the folders are " + folders +
                                                   " and synonyms/); rename it or move its files"});
  }
  for (const auto& k : content::kinds()) {
    fs::path dir = base / k.folder;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::string shown = shown_path(p, base);
    if (p.extension() != ".md") {
      if (p.filename().string()[0] != '.')
        diags.push_back({shown, 0, "not a content file (content files end in .md); move or rename it"});
      continue;
    }
    load_item(p, shown, content::kind_of_folder(p.parent_path().filename().string())->kind, set, diags);
  }

  if (fs::is_directory(base / "synonyms")) {
    std::vector<fs::path> syn;
    for (const auto& e : fs::directory_iterator(base / "synonyms"))
      if (e.path().extension() == ".toml") syn.push_back(e.path());
    std::sort(syn.begin(), syn.end());
    for (const auto& p : syn) load_synonyms(p, shown_path(p, base), set, diags);
  }
  if (fs::exists(base / "which.toml")) load_which(base / "which.toml", shown_path(base / "which.toml", base), set, diags);

  // Without UI strings the kiosk shows raw keys (home.welcome): no locales
  // folder, no en.po or a locale file that cannot be read is an error.
  if (locales_dir.empty() || !fs::is_directory(locales_dir)) {
    diags.push_back({locales_dir.empty() ? std::string("locales") : locales_dir, 0,
                     "the folder of UI strings (locales/*.po) does not exist; give it with --locales DIR"});
    return set;
  }
  std::vector<fs::path> pos;
  std::error_code ec;
  for (fs::directory_iterator e(locales_dir, ec), end; !ec && e != end; e.increment(ec))
    if (e->path().extension() == ".po") pos.push_back(e->path());
  if (ec) diags.push_back({locales_dir, 0, "cannot be read (" + ec.message() + ")"});
  std::sort(pos.begin(), pos.end());
  const fs::path en_po = fs::path(locales_dir) / "en.po";
  if (!ec && std::find(pos.begin(), pos.end(), en_po) == pos.end())
    diags.push_back({shown_path(en_po, fs::path(locales_dir)), 0,
                     "missing: the English UI strings (every other locale falls back to them)"});
  for (const auto& p : pos) load_po(p, shown_path(p, fs::path(locales_dir)), set, diags);
  return set;
}

}  // namespace kiosk::tools
