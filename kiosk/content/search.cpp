// Query building and ranking for content search.
#include "content/search.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "content/markdown.h"

#include "content/rank.h"
#include "content/schema.h"
#include "content/store.h"

namespace kiosk::content {

std::string fts_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

std::string make_snippet(std::string_view text, const std::vector<std::string>& terms, size_t max_chars) {
  // words are what lies between spaces, so "$35", "can't" and "1-800-228-KIDS" are one each
  struct Word {
    size_t at, len;
  };
  std::vector<Word> ws;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i) ws.push_back({i, j - i});
    i = j;
  }
  if (ws.empty()) return {};
  auto word = [&](size_t k) { return text.substr(ws[k].at, ws[k].len); };
  // a word as search compares it: lowercase, apostrophes and punctuation
  // gone, accents folded (ICU only for a word that is not plain ASCII)
  auto folded = [&](size_t k) {
    std::string_view w = word(k);
    std::string out;
    bool ascii = true;
    for (char ch : w) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if (c >= 0x80) ascii = false;
      else if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    }
    if (!ascii) {
      out.clear();
      for (const auto& f : i18n::words(w)) out += f;
    }
    return out;
  };
  auto hit = [&](size_t k) {
    const std::string f = folded(k);
    for (const auto& t : terms)
      if (!t.empty() && f.compare(0, t.size(), t) == 0) return true;
    return false;
  };
  auto ends_sentence = [&](size_t k) {
    const char c = text[ws[k].at + ws[k].len - 1];
    return c == '.' || c == '!' || c == '?' || c == ':';
  };
  size_t first = 0;
  for (size_t k = 0; k < ws.size(); ++k)
    if (hit(k)) {
      first = k;
      break;
    }
  // start at its sentence's start when that is near, else a few words before it
  size_t from = first;
  while (from > 0 && first - from < 6 && !ends_sentence(from - 1)) --from;
  if (from > 0 && !ends_sentence(from - 1)) from = first > 2 ? first - 2 : 0;
  // then as many whole words as fit; a number in brackets stays with the one before it ("KIDS (5437)")
  size_t to = from, chars = 0;
  while (to < ws.size()) {
    size_t add = ws[to].len + (to > from ? 1 : 0);
    if (to > from && chars + add > max_chars) break;
    chars += add;
    ++to;
  }
  while (to < ws.size() && to > from && text[ws[to].at] == '(' && ws[to].len < 12) ++to;
  std::string out = from > 0 ? "…" : "";
  for (size_t k = from; k < to; ++k) out += (k > from ? " " : "") + std::string(word(k));
  if (to < ws.size()) out += "…";
  return out;
}

namespace {
std::string join(const std::vector<std::string>& v, size_t from, size_t n) {
  std::string out;
  for (size_t i = from; i < from + n && i < v.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += v[i];
  }
  return out;
}
bool ends_in_word(std::string_view text) {
  if (text.empty()) return false;
  unsigned char c = static_cast<unsigned char>(text.back());
  return !(c == ' ' || c == '\t' || c == '\n' || c == '?' || c == '.' || c == '!' || c == ',');
}
}  // namespace

Search::Search(Store& store, std::string locale)
    : db_(store.db()), locale_(std::move(locale)), table_(fts_table(locale_)), stemmer_(locale_) {
  {
    Stmt chk(db_, "SELECT 1 FROM sqlite_master WHERE name = ?1");
    chk.bind(1, table_);
    if (!chk.step()) {  // a locale without its own index searches the English one
      locale_ = "en";
      table_ = fts_table("en");
    }
  }
  // Vocabulary of the visible columns only (title, keywords, body), not stems,
  // so "did you mean" always offers a real word.
  db_.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_" + table_ + " USING fts5vocab(main, " + table_ + ", 'col')");
  Stmt v(db_, "SELECT term, sum(doc) FROM temp.vocab_" + table_ + " WHERE col IN ('title','keywords','body') GROUP BY term");
  while (v.step()) {
    vocab_sorted_.push_back(v.text(0));
    vocab_docs_[v.text(0)] = static_cast<int>(v.integer(1));
  }
  std::sort(vocab_sorted_.begin(), vocab_sorted_.end());
  if (locale_.compare(0, 2, "zh") == 0) {
    Stmt p(db_, "SELECT DISTINCT term FROM temp.vocab_" + table_ + " WHERE col = 'stems' AND term NOT GLOB '*[^a-z]*'");
    while (p.step()) pinyin_sorted_.push_back(p.text(0));
    std::sort(pinyin_sorted_.begin(), pinyin_sorted_.end());
  }
  db_.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vrow_" + table_ + " USING fts5vocab(main, " + table_ + ", 'row')");
  Stmt r(db_, "SELECT term, doc FROM temp.vrow_" + table_ + " ORDER BY term");
  while (r.step()) term_docs_.emplace_back(r.text(0), static_cast<int>(r.integer(1)));
  Stmt n(db_, "SELECT count(*) FROM " + table_);
  if (n.step()) rows_ = n.integer(0);
  n.reset();  // no statement may be running while functions are registered
  register_search_functions(db_);

  Stmt sw(db_, "SELECT word FROM stopwords WHERE locale = ?1");
  sw.bind(1, locale_);
  while (sw.step()) stopwords_.insert(i18n::fold(sw.text(0)));

  // Two-way groups have grp >= 0; a one-way meaning ([means] in the synonyms
  // file) has grp < 0, its meaning written "=phrase" and the words that mean it.
  Stmt syn(db_, "SELECT grp, term FROM synonyms WHERE locale = ?1 ORDER BY grp, rowid");
  syn.bind(1, locale_);
  std::map<int64_t, std::vector<std::string>> groups;
  std::map<int64_t, std::string> meaning;
  while (syn.step()) {
    std::string term = syn.text(1);
    const bool is_meaning = syn.integer(0) < 0 && !term.empty() && term[0] == '=';
    auto ws = i18n::words(is_meaning ? term.substr(1) : term);
    if (ws.empty()) continue;
    if (is_meaning) meaning[syn.integer(0)] = join(ws, 0, ws.size());
    else groups[syn.integer(0)].push_back(join(ws, 0, ws.size()));
  }
  auto count_words = [](const std::string& t) { return static_cast<size_t>(std::count(t.begin(), t.end(), ' ')) + 1; };
  for (const auto& [grp, terms] : groups) {
    if (grp < 0) {
      if (auto m = meaning.find(grp); m != meaning.end())
        for (const auto& t : terms) {
          auto& dst = means_[t];
          if (std::find(dst.begin(), dst.end(), m->second) == dst.end()) dst.push_back(m->second);
          longest_synonym_words_ = std::max(longest_synonym_words_, count_words(t));
        }
      continue;
    }
    for (const auto& t : terms) {
      auto& dst = synonyms_[t];
      for (const auto& u : terms)
        if (std::find(dst.begin(), dst.end(), u) == dst.end()) dst.push_back(u);
      longest_synonym_words_ = std::max(longest_synonym_words_, count_words(t));
    }
  }
}

bool Search::has_prefix(const std::string& prefix) const {
  for (const auto* v : {&vocab_sorted_, &pinyin_sorted_}) {
    auto it = std::lower_bound(v->begin(), v->end(), prefix);
    if (it != v->end() && it->compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

bool Search::knows(const std::string& w) const {
  if (w.empty()) return false;
  if (std::binary_search(vocab_sorted_.begin(), vocab_sorted_.end(), w) || stopwords_.count(w) ||
      std::binary_search(pinyin_sorted_.begin(), pinyin_sorted_.end(), w))
    return true;
  for (const auto* table : {&synonyms_, &means_})
    for (const auto& [term, _] : *table)  // folded words joined by spaces
      for (size_t at = term.find(w); at != std::string::npos; at = term.find(w, at + 1))
        if ((at == 0 || term[at - 1] == ' ') && (at + w.size() == term.size() || term[at + w.size()] == ' ')) return true;
  return false;
}

double Search::idf(const std::string& unit, bool prefix) const {
  auto docs_of = [&](const std::string& term, bool is_prefix) {
    auto it = std::lower_bound(term_docs_.begin(), term_docs_.end(), std::make_pair(term, 0));
    int n = 0;
    for (; it != term_docs_.end() && it->first.compare(0, term.size(), term) == 0; ++it) {
      if (!is_prefix && it->first.size() != term.size()) break;
      n = std::max(n, it->second);  // a prefix counts as its commonest word
    }
    return n;
  };
  // A phrase is as rare as its rarest word; only its last word can be a prefix.
  auto ws = i18n::words(unit);
  int n = ws.empty() ? 0 : static_cast<int>(rows_);
  for (size_t i = 0; i < ws.size(); ++i) n = std::min(n, docs_of(ws[i], prefix && i + 1 == ws.size()));
  const double N = static_cast<double>(rows_);
  return std::log((N - n + 0.5) / (n + 0.5) + 1.0);
}

std::string Search::correct(const std::string& w) const {
  const int len = static_cast<int>(w.size());
  if (len < 4) return {};
  if (i18n::has_han(w)) return {};  // Chinese is typed through pinyin as whole characters: one wrong is another word
  const int max_d = len <= 6 ? 1 : 2;
  std::string best;
  int best_d = max_d + 1, best_docs = -1;
  for (const auto& term : vocab_sorted_) {
    int tl = static_cast<int>(term.size());
    if (std::abs(tl - len) > max_d) continue;
    if (term.find_first_of("0123456789") != std::string::npos) continue;
    int d = i18n::edit_distance(w, term);
    int docs = vocab_docs_.at(term);
    if (d < best_d || (d == best_d && docs > best_docs)) {
      best = term;
      best_d = d;
      best_docs = docs;
    }
  }
  return best_d <= max_d ? best : std::string();
}

std::string Search::expression(const std::vector<Group>& groups, const char* op) const {
  std::string out;
  for (const auto& g : groups) {
    if (!out.empty()) out += op;
    out += "(";
    for (size_t i = 0; i < g.alternatives.size(); ++i) {
      if (i) out += " OR ";
      out += g.alternatives[i];
    }
    out += ")";
  }
  return out;
}

std::vector<SearchResult> Search::run(const std::string& all, const std::string& any, const std::vector<Group>& groups,
                                      int limit) {
  std::vector<SearchResult> out;
  if (all.empty()) return out;
  const std::string t = table_;
  const std::string& match = any.empty() ? all : any;  // every candidate matches this one
  if (!pick_) {
    pick_ = std::make_unique<Stmt>(db_, "SELECT rowid FROM " + t + " WHERE " + t + " MATCH ?1 LIMIT ?2");
    // The rowid range lets FTS5 skip the rest of the index; kiosk_pick drops
    // the other rows inside it before any position is read.
    const std::string among = " WHERE " + t + " MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND kiosk_pick(rowid, ?4)";
    rank_ = std::make_unique<Stmt>(db_, "SELECT rowid, kiosk_rank(" + t + ", ?5, ?6, ?8) AS score FROM " + t + among +
                                            " ORDER BY score DESC, rowid LIMIT ?7");
    row_ = std::make_unique<Stmt>(db_, "SELECT rowid, id, kind, display FROM " + t + " WHERE rowid = ?1");
  }
  auto bind_among = [&](Stmt& st, const std::vector<int64_t>& rows) -> Stmt& {
    return st.bind(1, match).bind(2, *std::min_element(rows.begin(), rows.end()))
        .bind(3, *std::max_element(rows.begin(), rows.end())).bind(4, rowid_arg(rows));
  };
  // 1. Candidates. Reading a row's word positions is what costs, so at most
  //    kCandidates rows are scored: items with every word in the title or
  //    keywords first, then with every word anywhere, then with any word in
  //    title or keywords, then any word anywhere. Up to that many matches (all
  //    of the real content's) this is every match and the ranking is exact.
  constexpr int64_t kCandidates = 256;
  std::vector<int64_t> cands;
  std::vector<std::string> tiers = {"{title keywords} : (" + all + ")", all};
  if (!any.empty()) {
    tiers.push_back("{title keywords} : (" + any + ")");
    tiers.push_back(any);
  }
  for (const auto& tier : tiers) {
    pick_->reset();
    pick_->bind(1, tier).bind(2, kCandidates);
    while (pick_->step())
      if (int64_t r = pick_->integer(0); std::find(cands.begin(), cands.end(), r) == cands.end()) cands.push_back(r);
    pick_->reset();
    if (static_cast<int64_t>(cands.size()) >= kCandidates) break;
  }
  if (cands.empty()) return out;
  // 2. Rank the candidates (rowids follow id order, so ties break by id).
  // Column weights (id, kind, display, title, keywords, body, stems): titles
  // (with the items' "asked" phrasings) count most, then staff keywords, then
  // stems, then the body. Each phrase says its group (one typed word or
  // phrase, with its synonyms), so kiosk_rank can count the words an item has.
  static const std::string weights = rank_arg({0, 0, 0, 10.0, 6.0, 1.0, 2.0});
  std::vector<double> idfs, group_of;
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    idfs.insert(idfs.end(), groups[gi].idfs.begin(), groups[gi].idfs.end());
    group_of.insert(group_of.end(), groups[gi].idfs.size(), static_cast<double>(gi));
  }
  std::vector<int64_t> top;
  std::vector<double> scores;
  rank_->reset();
  bind_among(*rank_, cands).bind(5, weights).bind(6, rank_arg(idfs)).bind(7, static_cast<int64_t>(limit)).bind(8, rank_arg(group_of));
  while (rank_->step()) {
    top.push_back(rank_->integer(0));
    scores.push_back(rank_->real(1));
  }
  rank_->reset();
  // 3. Columns and snippets for the rows shown.
  for (size_t i = 0; i < top.size(); ++i) {
    row_->reset();
    row_->bind(1, top[i]);
    if (!row_->step()) continue;
    SearchResult r{row_->text(1), row_->text(2), row_->text(3), "", scores[i]};
    row_->reset();
    r.snippet = snippet_of(r.id, groups);
    out.push_back(std::move(r));
  }
  return out;
}

std::string Search::snippet_of(const std::string& id, const std::vector<Group>& groups) {
  // what a visitor reads: the body (a guide's summary first), apostrophes and
  // "$" kept, which the index's columns do not keep
  auto cached = plain_.find(id);
  if (cached == plain_.end()) cached = plain_.emplace(id, plain_text_of(id)).first;
  std::vector<std::string> terms;
  for (const auto& g : groups) terms.insert(terms.end(), g.words.begin(), g.words.end());
  return make_snippet(cached->second, terms);
}

std::string Search::plain_text_of(const std::string& id) {
  if (!body_)
    body_ = std::make_unique<Stmt>(db_, "SELECT field, value FROM texts WHERE id = ?1 AND field IN ('body', 'summary')"
                                        " AND locale IN (?2, 'en') ORDER BY field = 'body', locale = ?2 DESC");
  body_->reset();
  body_->bind(1, id).bind(2, locale_);
  std::string summary, body;
  while (body_->step()) {
    std::string& dst = body_->text(0) == "summary" ? summary : body;
    if (dst.empty()) dst = body_->text(1);
  }
  body_->reset();
  // a kind with a summary (guides) has it first
  return !summary.empty() ? summary + "\n" + content::markdown_plain(body) : content::markdown_plain(body);
}

namespace {
constexpr bool kSynonymsShareIdf = false;
constexpr double kMinShared = 0.0;
}  // namespace

SearchResponse Search::query(std::string_view text, int limit) {
  ++queries_run_;
  SearchResponse resp;
  std::vector<std::string> toks = i18n::words(text);
  if (toks.empty()) return resp;
  const bool last_in_progress = ends_in_word(text);
  auto is_phrase = [&](const std::string& s) { return synonyms_.count(s) > 0 || means_.count(s) > 0; };

  // 1. Phrases of the synonyms as typed, stop words and all ("no puedo pagar",
  //    "on disability", "el salvador"); then stop words ("my", "is", "what do i
  //    do") are dropped, the word being typed too once it is a whole stop word
  //    and other words are left; then phrases again over the words left
  //    ("perdí mi trabajo" -> "perdí trabajo").
  struct Unit {
    std::string text;
    bool progress = false, stop = false;
  };
  std::vector<Unit> units;
  for (size_t i = 0; i < toks.size();) {
    size_t n = std::min(longest_synonym_words_, toks.size() - i);
    for (; n > 1; --n)
      if (is_phrase(join(toks, i, n))) break;
    const bool progress = last_in_progress && i + n == toks.size();
    units.push_back({join(toks, i, n), progress, n == 1 && stopwords_.count(toks[i]) > 0});
    i += n;
  }
  std::vector<Unit> kept;
  for (const auto& u : units)
    if (!u.stop) kept.push_back(u);
  if (kept.empty()) kept = units;  // only stop words: search them
  std::vector<Unit> merged;
  for (size_t i = 0; i < kept.size();) {
    size_t run = 0;  // single words from here, the most a phrase can have
    while (i + run < kept.size() && run < longest_synonym_words_ && kept[i + run].text.find(' ') == std::string::npos) ++run;
    size_t n = run;
    std::string joined;
    for (; n > 1; --n) {
      joined.clear();
      for (size_t k = i; k < i + n; ++k) joined += (joined.empty() ? "" : " ") + kept[k].text;
      if (is_phrase(joined)) break;
    }
    if (n <= 1) {
      n = 1;
      joined = kept[i].text;
    }
    merged.push_back({joined, kept[i + n - 1].progress, false});
    i += n;
  }

  std::vector<Group> groups;
  std::vector<std::string> corrected_words;
  bool any_correction = false;
  for (const Unit& u : merged) {
    const std::string& unit = u.text;
    const bool progress = u.progress;
    Group g;
    auto add = [&](const std::string& s, bool prefix, double scale) {
      std::string q = fts_quote(s) + (prefix ? "*" : "");
      if (std::find(g.alternatives.begin(), g.alternatives.end(), q) == g.alternatives.end()) {
        g.alternatives.push_back(q);
        g.idfs.push_back(idf(s, prefix) * scale);
        g.words.push_back(s.substr(0, s.find(' ')));
      }
    };
    auto add_word = [&](const std::string& w, double scale) {
      add(w, false, scale);
      if (w.find(' ') == std::string::npos) {
        // the stem, and words that start with it ("changed" for "change"), so
        // a title with another form of the word still counts as the title
        std::string st = stemmer_.stem(w);
        if (st != w) add(st, false, scale);
        if (st.size() >= 4 && st != w && has_prefix(st)) add(st, true, scale);
      }
    };
    // synonyms as the word itself; what it also means, one way, a little less
    constexpr double kSynonym = 1.0, kMeans = 0.8;
    auto add_meanings = [&](const std::string& w) {
      if (auto it = synonyms_.find(w); it != synonyms_.end())
        for (const auto& s : it->second)
          if (s != w) add_word(s, kSynonym);
      if (auto it = means_.find(w); it != means_.end())
        for (const auto& m : it->second) {
          // a phrase ("no estamos casados") says what it means more surely than a word ("hospital")
          const double scale = w.find(' ') != std::string::npos ? 1.0 : kMeans;
          add_word(m, scale);
          if (auto jt = synonyms_.find(m); jt != synonyms_.end())
            for (const auto& s : jt->second) add_word(s, scale);
        }
    };
    std::string shown = unit;
    if (progress && unit.size() == 1) continue;  // a lone first letter narrows nothing yet: wait for the second
    const bool known = is_phrase(unit);          // a synonym's word is never "corrected"
    if (progress) {
      add(unit, true, 1.0);  // the word being typed: a prefix, never stemmed
      if (!known && unit.size() >= 4 && unit.find(' ') == std::string::npos && !has_prefix(unit)) {
        if (auto c = correct(unit); !c.empty()) {
          add(c, false, 1.0);
          shown = c;
          any_correction = true;
        }
      }
    } else {
      add_word(unit, 1.0);
      // another form of an indexed word ("pensoes" of "pensão") is found by its stem, not corrected
      auto stem_indexed = [&] {
        const std::string st = stemmer_.stem(unit);
        auto it = std::lower_bound(term_docs_.begin(), term_docs_.end(), std::make_pair(st, 0));
        return st != unit && it != term_docs_.end() && it->first == st;
      };
      if (!known && !vocab_docs_.count(unit) && unit.find(' ') == std::string::npos &&
          !std::binary_search(pinyin_sorted_.begin(), pinyin_sorted_.end(), unit) && !stem_indexed()) {
        if (auto c = correct(unit); !c.empty()) {
          add_word(c, 1.0);
          shown = c;
          any_correction = true;
        }
      }
    }
    add_meanings(unit);
    if (shown != unit) add_meanings(shown);
    // a word and its synonyms are one concept: as rare as the commonest of
    // them, so a rare synonym ("cheque" for "pagar") does not outweigh it
    if (kSynonymsShareIdf && !g.idfs.empty()) {
      const double common = *std::min_element(g.idfs.begin(), g.idfs.end());
      for (auto& v : g.idfs) v = std::min(v, std::max(common, kMinShared));
    }
    groups.push_back(std::move(g));
    corrected_words.push_back(shown);
  }

  if (groups.empty()) return resp;
  resp.match = expression(groups, " AND ");
  resp.results = run(resp.match, groups.size() > 1 ? expression(groups, " OR ") : std::string(), groups, limit);
  if (any_correction) resp.did_you_mean = join(corrected_words, 0, corrected_words.size());
  return resp;
}

}  // namespace kiosk::content
