// Search over the content in one locale: FTS5 with stemming, staff-edited
// synonyms, stop words, typo correction from the index's own vocabulary, and
// a ranking with titles above bodies (content/rank.h). The kiosk and `kiosk-content search` both
// use exactly this.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "content/sqlite.h"
#include "i18n/text.h"

namespace kiosk::content {

class Store;

struct SearchResult {
  std::string id, kind, title, snippet;
  double score = 0;
};

struct SearchResponse {
  std::vector<SearchResult> results;
  std::string did_you_mean;   // the corrected query, when a word was not in the index
  std::string match;          // the FTS5 expression that ran (for tests and debugging)
};

class Search {
public:
  Search(Store& store, std::string locale);
  SearchResponse query(std::string_view text, int limit = 20);
  const std::string& locale() const { return locale_; }
  // How many queries ran (tests: a question is searched once, not every frame).
  size_t queries_run() const { return queries_run_; }
  // Closest indexed word to `word` within a small edit distance, or "".
  std::string correct(const std::string& folded_word) const;
  // Whether the content has this folded word in this locale: in an item's
  // title, keywords or body, a stop word, or a word of a synonym.
  bool knows(const std::string& folded_word) const;

private:
  struct Group {
    std::vector<std::string> alternatives;  // FTS5 strings, already quoted
    std::vector<double> idfs;               // one per alternative, for kiosk_rank
    std::vector<std::string> words;         // the alternatives' first words, unquoted (for snippets)
  };
  std::string expression(const std::vector<Group>& groups, const char* op) const;
  // Ranks what matches `any` (every typed word when `any` is empty) among candidates, those with `all` first.
  std::vector<SearchResult> run(const std::string& all, const std::string& any, const std::vector<Group>& groups, int limit);
  // Inverse document frequency of a word, a phrase ("child care") or a prefix.
  double idf(const std::string& unit, bool prefix) const;
  bool has_prefix(const std::string& prefix) const;

  Db& db_;
  std::string locale_, table_;
  i18n::Stemmer stemmer_;
  std::vector<std::string> vocab_sorted_;
  std::unordered_map<std::string, int> vocab_docs_;
  // Chinese: the pinyin words of the stems column ("jianyu"), sorted; typed on
  // the Latin keyboard they are words, never a typo to correct.
  std::vector<std::string> pinyin_sorted_;
  // Every indexed term (stems too) with the number of items holding it.
  std::vector<std::pair<std::string, int>> term_docs_;
  int64_t rows_ = 0;
  std::unordered_set<std::string> stopwords_;
  // word or phrase -> every term of its synonym groups
  std::unordered_map<std::string, std::vector<std::string>> synonyms_;
  // one-way meanings (synonyms' [means]): word or phrase -> what it also means
  // ("florida" -> "another state"), never the other way
  std::unordered_map<std::string, std::vector<std::string>> means_;
  size_t longest_synonym_words_ = 1;
  size_t queries_run_ = 0;
  std::string snippet_of(const std::string& id, const std::vector<Group>& groups);
  std::string plain_text_of(const std::string& id);
  std::unique_ptr<Stmt> body_;
  std::unordered_map<std::string, std::string> plain_;  // id -> its text as read, for snippets (read once)
  std::unique_ptr<Stmt> pick_, rank_, row_;  // prepared once per Search
};

// Quotes a token for an FTS5 expression so no input is a syntax error.
std::string fts_quote(std::string_view s);

// A result's snippet: a piece of `text` (plain, as a visitor reads it) around
// the first word that starts with one of `terms` (folded words or stems; the
// text's start when none does), about `max_chars` long. It is cut only between
// words, so "$35", "can't" and "1-800-228-KIDS (5437)" stay whole; "…" marks a cut.
std::string make_snippet(std::string_view text, const std::vector<std::string>& terms, size_t max_chars = 110);

}  // namespace kiosk::content
