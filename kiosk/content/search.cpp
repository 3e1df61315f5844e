// Query building and ranking for content search.
#include "content/search.h"

#include <algorithm>
#include <cmath>

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

  Stmt syn(db_, "SELECT grp, term FROM synonyms WHERE locale = ?1 ORDER BY grp");
  syn.bind(1, locale_);
  std::unordered_map<int64_t, std::vector<std::string>> groups;
  while (syn.step()) {
    auto ws = i18n::words(syn.text(1));
    groups[syn.integer(0)].push_back(join(ws, 0, ws.size()));
  }
  for (const auto& [_, terms] : groups)
    for (const auto& t : terms) {
      auto& dst = synonyms_[t];
      for (const auto& u : terms)
        if (std::find(dst.begin(), dst.end(), u) == dst.end()) dst.push_back(u);
      longest_synonym_words_ = std::max(longest_synonym_words_, (size_t)std::count(t.begin(), t.end(), ' ') + 1);
    }
}

bool Search::has_prefix(const std::string& prefix) const {
  auto it = std::lower_bound(vocab_sorted_.begin(), vocab_sorted_.end(), prefix);
  return it != vocab_sorted_.end() && it->compare(0, prefix.size(), prefix) == 0;
}

bool Search::knows(const std::string& w) const {
  if (w.empty()) return false;
  if (std::binary_search(vocab_sorted_.begin(), vocab_sorted_.end(), w) || stopwords_.count(w)) return true;
  for (const auto& [term, _] : synonyms_)  // folded words joined by spaces
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

std::vector<SearchResult> Search::run(const std::string& match, const std::vector<Group>& groups, int limit) {
  std::vector<SearchResult> out;
  if (match.empty()) return out;
  const std::string t = table_;
  if (!pick_) {
    pick_ = std::make_unique<Stmt>(db_, "SELECT rowid FROM " + t + " WHERE " + t + " MATCH ?1 LIMIT ?2");
    // The rowid range lets FTS5 skip the rest of the index; kiosk_pick drops
    // the other rows inside it before any position is read.
    const std::string among = " WHERE " + t + " MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND kiosk_pick(rowid, ?4)";
    rank_ = std::make_unique<Stmt>(db_, "SELECT rowid, kiosk_rank(" + t + ", ?5, ?6) AS score FROM " + t + among +
                                            " ORDER BY score DESC, rowid LIMIT ?7");
    row_ = std::make_unique<Stmt>(db_, "SELECT rowid, id, kind, display, snippet(" + t + ", 5, '', '', '…', 14) FROM " + t + among);
  }
  auto bind_among = [&](Stmt& st, const std::vector<int64_t>& rows) -> Stmt& {
    return st.bind(1, match).bind(2, *std::min_element(rows.begin(), rows.end()))
        .bind(3, *std::max_element(rows.begin(), rows.end())).bind(4, rowid_arg(rows));
  };
  // 1. Candidates. Reading a row's word positions is what costs, so at most
  //    kCandidates rows are scored: items with every word in the title first,
  //    then in title or keywords, then anywhere. Up to that many matches (all
  //    of the real content's) this is every match and the ranking is exact.
  constexpr int64_t kCandidates = 256;
  std::vector<int64_t> cands;
  for (const char* columns : {"{title keywords} : ", ""}) {
    pick_->reset();
    pick_->bind(1, *columns ? columns + ("(" + match + ")") : match).bind(2, kCandidates);
    while (pick_->step())
      if (int64_t r = pick_->integer(0); std::find(cands.begin(), cands.end(), r) == cands.end()) cands.push_back(r);
    pick_->reset();
    if (static_cast<int64_t>(cands.size()) >= kCandidates) break;
  }
  if (cands.empty()) return out;
  // 2. Rank the candidates (rowids follow id order, so ties break by id).
  // Column weights (id, kind, display, title, keywords, body, stems): titles
  // count most, then staff keywords, then stems, then the body.
  static const std::string weights = rank_arg({0, 0, 0, 10.0, 6.0, 1.0, 2.0});
  std::vector<double> idfs;
  for (const auto& g : groups) idfs.insert(idfs.end(), g.idfs.begin(), g.idfs.end());
  std::vector<int64_t> top;
  std::vector<double> scores;
  rank_->reset();
  bind_among(*rank_, cands).bind(5, weights).bind(6, rank_arg(idfs)).bind(7, static_cast<int64_t>(limit));
  while (rank_->step()) {
    top.push_back(rank_->integer(0));
    scores.push_back(rank_->real(1));
  }
  rank_->reset();
  if (top.empty()) return out;
  // 3. Columns and snippets for the rows shown, in one pass.
  out.resize(top.size());
  row_->reset();
  bind_among(*row_, top);
  while (row_->step()) {
    size_t i = std::find(top.begin(), top.end(), row_->integer(0)) - top.begin();
    if (i < out.size()) out[i] = {row_->text(1), row_->text(2), row_->text(3), row_->text(4), scores[i]};
  }
  row_->reset();
  return out;
}

SearchResponse Search::query(std::string_view text, int limit) {
  SearchResponse resp;
  std::vector<std::string> toks = i18n::words(text);
  if (toks.empty()) return resp;
  const bool last_in_progress = ends_in_word(text);

  // Drop stop words ("my", "is", "in") unless nothing else is left.
  std::vector<std::string> kept;
  std::vector<bool> kept_in_progress;
  for (size_t i = 0; i < toks.size(); ++i) {
    bool progress = last_in_progress && i + 1 == toks.size();
    if (!progress && stopwords_.count(toks[i])) continue;
    kept.push_back(toks[i]);
    kept_in_progress.push_back(progress);
  }
  if (kept.empty()) {
    kept = toks;
    kept_in_progress.assign(toks.size(), false);
    kept_in_progress.back() = last_in_progress;
  }

  std::vector<Group> groups;
  std::vector<std::string> corrected_words;
  bool any_correction = false;
  for (size_t i = 0; i < kept.size();) {
    // Longest synonym phrase starting here ("locked up", "other parent").
    size_t n = std::min(longest_synonym_words_, kept.size() - i);
    for (; n > 1; --n)
      if (synonyms_.count(join(kept, i, n))) break;
    std::string unit = join(kept, i, n);
    bool progress = kept_in_progress[i + n - 1];
    Group g;
    auto add = [&](const std::string& s, bool prefix) {
      std::string q = fts_quote(s) + (prefix ? "*" : "");
      if (std::find(g.alternatives.begin(), g.alternatives.end(), q) == g.alternatives.end()) {
        g.alternatives.push_back(q);
        g.idfs.push_back(idf(s, prefix));
      }
    };
    auto add_word = [&](const std::string& w) {
      add(w, false);
      if (w.find(' ') == std::string::npos) {
        std::string s = stemmer_.stem(w);
        if (s != w) add(s, false);
      }
    };
    std::string shown = unit;
    if (progress && unit.size() == 1) {  // a lone first letter narrows nothing yet: wait for the second
      i += n;
      continue;
    }
    if (progress) {
      add(unit, true);  // the word being typed: a prefix, never stemmed
      if (unit.size() >= 4 && unit.find(' ') == std::string::npos && !has_prefix(unit)) {
        if (auto c = correct(unit); !c.empty()) {
          add(c, false);
          shown = c;
          any_correction = true;
        }
      }
    } else {
      add_word(unit);
      if (!vocab_docs_.count(unit) && unit.find(' ') == std::string::npos) {
        if (auto c = correct(unit); !c.empty()) {
          add_word(c);
          shown = c;
          any_correction = true;
        }
      }
    }
    if (auto it = synonyms_.find(unit); it != synonyms_.end())
      for (const auto& s : it->second) add_word(s);
    if (auto it = synonyms_.find(shown); shown != unit && it != synonyms_.end())
      for (const auto& s : it->second) add_word(s);
    groups.push_back(std::move(g));
    corrected_words.push_back(shown);
    i += n;
  }

  if (groups.empty()) return resp;
  resp.match = expression(groups, " AND ");
  resp.results = run(resp.match, groups, limit);
  if (resp.results.empty() && groups.size() > 1) {
    // Nothing has every word: rank what has any of them.
    resp.match = expression(groups, " OR ");
    resp.results = run(resp.match, groups, limit);
  }
  if (any_correction) resp.did_you_mean = join(corrected_words, 0, corrected_words.size());
  return resp;
}

}  // namespace kiosk::content
