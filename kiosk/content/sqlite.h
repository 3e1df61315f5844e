// RAII over sqlite3 handles: a connection, a prepared statement, a transaction.
// Values are always bound, never formatted into SQL.
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::content {

struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Db {
public:
  enum class Mode { ReadOnly, ReadWriteCreate };
  // Throws SqlError with the reason when the file cannot be opened.
  Db(const std::string& path, Mode mode);
  ~Db();
  Db(Db&&) noexcept;
  Db& operator=(Db&&) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(std::string_view sql);
  sqlite3* raw() const { return db_; }
  int user_version();

private:
  sqlite3* db_ = nullptr;
};

class Stmt {
public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, int64_t v);
  // true while there is a row
  bool step();
  void reset();
  void run() { while (step()) {} reset(); }
  std::string text(int col) const;
  int64_t integer(int col) const;
  double real(int col) const;
  bool is_null(int col) const;

private:
  sqlite3_stmt* st_ = nullptr;
  sqlite3* db_ = nullptr;
};

// Rolls back unless commit() was called.
class Transaction {
public:
  explicit Transaction(Db& db) : db_(db) { db_.exec("BEGIN"); }
  ~Transaction() {
    if (!done_) try { db_.exec("ROLLBACK"); } catch (...) {}
  }
  void commit() { db_.exec("COMMIT"); done_ = true; }

private:
  Db& db_;
  bool done_ = false;
};

}  // namespace kiosk::content
