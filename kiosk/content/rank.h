// A ranking function for the search indexes, registered on a connection as
// kiosk_rank(table, weights, idfs). It scores a row from the positions FTS5
// has already decoded while matching: for every phrase, in every column, a
// saturating term frequency times the column's weight times the phrase's idf.
//
// Unlike the built-in bm25() it needs no per-row document lengths and no
// per-query scan for document counts (the caller passes the idfs, from the
// index's vocabulary), so a word found in thousands of items still ranks in
// a few milliseconds.
//
// kiosk_pick(rowid, rowids) keeps a query to a list of rows ("r1 r2 ..."), so
// positions are read only for those.
#pragma once
#include <string>
#include <vector>

namespace kiosk::content {

class Db;

// Registers kiosk_rank and kiosk_pick on this connection (idempotent).
void register_search_functions(Db& db);

// "r1 r2 ..." as the rowids argument of kiosk_pick.
std::string rowid_arg(const std::vector<int64_t>& rowids);

// "w1 w2 ..." as the weights or idfs argument.
std::string rank_arg(const std::vector<double>& values);

}  // namespace kiosk::content
