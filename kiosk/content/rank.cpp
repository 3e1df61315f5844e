#include "content/rank.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sqlite3.h>

#include "content/sqlite.h"

namespace kiosk::content {
namespace {

// Saturation of repeated hits in one column: the 2nd hit adds less than the 1st.
constexpr double kK1 = 1.2;

std::vector<double> parse_numbers(const unsigned char* s) {
  std::vector<double> out;
  if (!s) return out;
  const char* p = reinterpret_cast<const char*>(s);
  char* end = nullptr;
  for (double v = std::strtod(p, &end); end != p; v = std::strtod(p, &end)) {
    out.push_back(v);
    p = end;
  }
  return out;
}

struct Query {  // parsed once per query, kept as FTS5 auxdata
  std::vector<double> weights, idfs;
  std::vector<int> group;     // per phrase: the typed word it stands for
  int groups = 0;
  std::vector<double> group_idf;  // per group: its weight in the share of the question found
  size_t title = 0;           // the column weighted most: titles and "asked" phrasings
  std::vector<int> tf;        // scratch: hits per column for one phrase
  std::vector<double> best;   // scratch: per group and column, its best phrase's part
};

// How much of the question an item has decides first: a score is its phrases'
// parts times (share of the typed words found, each weighed by its rarity)^2, and an item with every
// typed word in its title (or asked phrasings) gets kWholeTitle times more, so
// "my dad is in jail" puts pages asked that way above pages that say "jail"
// once in passing. A word's synonyms count once per column: the best of them.
constexpr double kWholeTitle = 2.0;

void kiosk_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_args, sqlite3_value** args) {
  auto* q = static_cast<Query*>(api->xGetAuxdata(fts, 0));
  if (!q) {
    if (n_args != 2 && n_args != 3) {
      sqlite3_result_error(ctx, "kiosk_rank(table, weights, idfs[, groups])", -1);
      return;
    }
    q = new Query{parse_numbers(sqlite3_value_text(args[0])), parse_numbers(sqlite3_value_text(args[1])), {}, 0, {}, 0, {}, {}};
    const int phrases = api->xPhraseCount(fts);
    std::vector<double> g = n_args == 3 ? parse_numbers(sqlite3_value_text(args[2])) : std::vector<double>{};
    for (int p = 0; p < phrases; ++p) {
      // without groups every phrase is a word of its own
      const int gi = static_cast<size_t>(p) < g.size() ? static_cast<int>(g[static_cast<size_t>(p)]) : p;
      q->group.push_back(gi);
      q->groups = std::max(q->groups, gi + 1);
    }
    // a group weighs as its rarest phrase
    q->group_idf.assign(static_cast<size_t>(q->groups), 0.0);
    for (int p = 0; p < phrases; ++p) {
      const double idf = static_cast<size_t>(p) < q->idfs.size() ? q->idfs[static_cast<size_t>(p)] : 1.0;
      double& gw = q->group_idf[static_cast<size_t>(q->group[static_cast<size_t>(p)])];
      gw = std::max(gw, idf);
    }
    for (size_t c = 0; c < q->weights.size(); ++c)
      if (q->weights[c] > q->weights[q->title]) q->title = c;
    q->tf.assign(static_cast<size_t>(api->xColumnCount(fts)), 0);
    q->best.assign(static_cast<size_t>(q->groups) * q->tf.size(), 0.0);
    if (api->xSetAuxdata(fts, q, [](void* p) { delete static_cast<Query*>(p); }) != SQLITE_OK) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  const size_t cols = q->tf.size();
  std::fill(q->best.begin(), q->best.end(), 0.0);
  const int phrases = api->xPhraseCount(fts);
  for (int p = 0; p < phrases && static_cast<size_t>(p) < q->group.size(); ++p) {
    std::fill(q->tf.begin(), q->tf.end(), 0);
    Fts5PhraseIter it;
    int col = 0, off = 0;
    for (api->xPhraseFirst(fts, p, &it, &col, &off); col >= 0; api->xPhraseNext(fts, &it, &col, &off))
      if (static_cast<size_t>(col) < cols) ++q->tf[static_cast<size_t>(col)];
    const double idf = static_cast<size_t>(p) < q->idfs.size() ? q->idfs[static_cast<size_t>(p)] : 1.0;
    double* best = &q->best[static_cast<size_t>(q->group[static_cast<size_t>(p)]) * cols];
    for (size_t c = 0; c < cols && c < q->weights.size(); ++c)
      if (q->tf[c]) best[c] = std::max(best[c], idf * q->weights[c] * (q->tf[c] * (kK1 + 1)) / (q->tf[c] + kK1));
  }
  double score = 0, found = 0, all = 0;
  int in_title = 0;
  for (int g = 0; g < q->groups; ++g) {
    const double* best = &q->best[static_cast<size_t>(g) * cols];
    bool any = false;
    for (size_t c = 0; c < cols; ++c) {
      score += best[c];
      any |= best[c] > 0;
    }
    // a word counts as much as it is rare: missing "case" costs little, missing "jail" much
    const double w = q->group_idf[static_cast<size_t>(g)];
    all += w;
    if (any) found += w;
    in_title += best[q->title] > 0;
  }
  if (all > 0) {
    const double share = found / all;
    score *= share * share;
    if (in_title == q->groups) score *= kWholeTitle;
  }
  sqlite3_result_double(ctx, score);
}

// kiosk_pick(rowid, 'r1 r2 ...'): whether the row is one of the listed ones.
void kiosk_pick(sqlite3_context* ctx, int, sqlite3_value** args) {
  auto* rows = static_cast<std::vector<int64_t>*>(sqlite3_get_auxdata(ctx, 1));
  if (!rows) {
    rows = new std::vector<int64_t>;
    for (double r : parse_numbers(sqlite3_value_text(args[1]))) rows->push_back(static_cast<int64_t>(r));
    std::sort(rows->begin(), rows->end());
    sqlite3_set_auxdata(ctx, 1, rows, [](void* p) { delete static_cast<std::vector<int64_t>*>(p); });
    rows = static_cast<std::vector<int64_t>*>(sqlite3_get_auxdata(ctx, 1));
    if (!rows) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  sqlite3_result_int(ctx, std::binary_search(rows->begin(), rows->end(), sqlite3_value_int64(args[0])));
}

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

}  // namespace

void register_search_functions(Db& db) {
  fts5_api* api = fts5_of(db.raw());
  if (!api || api->xCreateFunction(api, "kiosk_rank", nullptr, kiosk_rank, nullptr) != SQLITE_OK)
    throw SqlError("this SQLite has no FTS5 extension functions");
  if (sqlite3_create_function_v2(db.raw(), "kiosk_pick", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, kiosk_pick,
                                 nullptr, nullptr, nullptr) != SQLITE_OK)
    throw SqlError("cannot register kiosk_pick");
}

std::string rank_arg(const std::vector<double>& values) {
  std::string out;
  char buf[32];
  for (double v : values) {
    std::snprintf(buf, sizeof buf, "%s%.17g", out.empty() ? "" : " ", v);
    out += buf;
  }
  return out;
}

}  // namespace kiosk::content

namespace kiosk::content {
std::string rowid_arg(const std::vector<int64_t>& rowids) {
  std::string out;
  for (int64_t r : rowids) {
    if (!out.empty()) out += ' ';
    out += std::to_string(r);
  }
  return out;
}
}  // namespace kiosk::content
