#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace copydesk::storage {

//! A bound parameter: SQL NULL, an integer or text. Times are integers (milliseconds).
using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;

//! Makes a Value from an optional (nullopt → NULL).
inline Value Nullable(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value Nullable(const std::optional<std::int64_t>& v) {
  return v ? Value(*v) : Value(nullptr);
}

//! One result row, valid only inside the row callback.
class Row {
 public:
  virtual ~Row() = default;
  //! True when column `i` is NULL.
  virtual bool IsNull(int i) const = 0;
  //! Column `i` as an integer (NULL → 0).
  virtual std::int64_t Int(int i) const = 0;
  //! Column `i` as text (NULL → "").
  virtual std::string Text(int i) const = 0;
  //! Column `i` as text, or nullopt when NULL.
  std::optional<std::string> OptText(int i) const {
    return IsNull(i) ? std::nullopt : std::optional<std::string>(Text(i));
  }
  //! Column `i` as an integer, or nullopt when NULL.
  std::optional<std::int64_t> OptInt(int i) const {
    return IsNull(i) ? std::nullopt : std::optional<std::int64_t>(Int(i));
  }
};

//! Classifies storage failures by what the caller can do about them (Drogon ORM's model).
class StorageError : public std::runtime_error {
 public:
  enum class Kind {
    kRetry,      //!< busy, locked, serialization failure: the same transaction may succeed later
    kUnique,     //!< a unique constraint refused the write: report a conflict
    kViolation,  //!< another constraint (foreign key, check): a bug in the caller
    kFatal,      //!< broken database or connection: give up
  };
  StorageError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

//! What a request that met `error` answers: a conflict for a unique violation, "busy, try again"
//! for a retryable failure, an internal error (logged, never detailed) for the rest.
Error ErrorOf(const StorageError& error);

//! The SQL engine behind a transaction, for the few statements no portable text can express
//! (JSON functions, the catalog): a store branches on it, and only there.
enum class Dialect { kSqlite, kPostgres };

//! A transaction. SQL uses `?` placeholders, always bound (never built from input), in the
//! portable subset every backend understands.
class Tx {
 public:
  virtual ~Tx() = default;

  //! The engine this transaction runs on.
  virtual Dialect dialect() const = 0;

  //! Runs a statement, calling `on_row` for each result row.
  virtual void Query(std::string_view sql, std::span<const Value> params,
                     const std::function<void(const Row&)>& on_row) = 0;
  //! Runs a statement without rows; returns the number of rows changed.
  virtual std::int64_t Exec(std::string_view sql, std::span<const Value> params) = 0;

  void Query(std::string_view sql, std::initializer_list<Value> params,
             const std::function<void(const Row&)>& on_row) {
    Query(sql, std::span<const Value>(params.begin(), params.size()), on_row);
  }
  std::int64_t Exec(std::string_view sql, std::initializer_list<Value> params = {}) {
    return Exec(sql, std::span<const Value>(params.begin(), params.size()));
  }
  //! Runs several statements (no parameters): migrations.
  virtual void ExecScript(std::string_view sql) = 0;

  //! Maps every row with `map(row)`.
  template <class F>
  auto Rows(std::string_view sql, std::initializer_list<Value> params, F&& map) {
    std::vector<std::invoke_result_t<F, const Row&>> out;
    Query(sql, params, [&](const Row& row) { out.push_back(map(row)); });
    return out;
  }
  //! Maps every row of a statement whose parameters were assembled at run time.
  template <class F>
  auto Rows(std::string_view sql, const std::vector<Value>& params, F&& map) {
    std::vector<std::invoke_result_t<F, const Row&>> out;
    Query(sql, std::span<const Value>(params), [&](const Row& row) { out.push_back(map(row)); });
    return out;
  }
  //! Maps the first row, or nullopt when there is none.
  template <class F>
  auto First(std::string_view sql, std::initializer_list<Value> params, F&& map) {
    std::optional<std::invoke_result_t<F, const Row&>> out;
    Query(sql, params, [&](const Row& row) {
      if (!out) out.emplace(map(row));
    });
    return out;
  }
  //! The integer in the first column of the first row (0 when none).
  std::int64_t Scalar(std::string_view sql, std::initializer_list<Value> params = {}) {
    return First(sql, params, [](const Row& r) { return r.Int(0); }).value_or(0);
  }
};

//! A FROM item giving one row per element of the JSON array of text in `column`, each as
//! `alias.value` (SQLite's json_each, PostgreSQL's json_array_elements_text). Joined with CROSS
//! JOIN: it refers to the tables before it.
std::string JsonArrayRows(Dialect dialect, std::string_view column, std::string_view alias);

//! An aggregate making a JSON array text of `expr` (`DISTINCT expr` allowed).
std::string JsonArrayAgg(Dialect dialect, std::string_view expr);

//! True when the table `name` exists (the catalog differs per engine).
bool TableExists(Tx& tx, std::string_view name);

//! What opening a database with this binary would do to its schema, before anything is touched.
struct MigrationPlan {
  int applied_version = 0;  //!< the newest migration the database has (0: an empty database)
  int known_version = 0;    //!< the newest migration this binary knows
  //! Migrations this binary would apply, in order, as "0009_notification_mail".
  std::vector<std::string> pending;
  //! Migrations the database has that this binary does not know: a newer copydesk wrote it.
  std::vector<std::string> unknown;
  //! True when the database has no migration yet (a new data folder): nothing to lose.
  bool fresh() const { return applied_version == 0; }
};

//! Thrown by Migrate when a newer copydesk already migrated the database: refused untouched.
class SchemaTooNewError : public StorageError {
 public:
  using StorageError::StorageError;
};

//! The database: one writer at a time, many readers. Each command runs in one transaction.
class Database {
 public:
  virtual ~Database() = default;

  //! Runs `fn` in a read-only snapshot.
  template <class F>
  auto Read(F&& fn) {
    using R = std::invoke_result_t<F, Tx&>;
    if constexpr (std::is_void_v<R>) {
      RunRead([&](Tx& tx) { fn(tx); });
    } else {
      std::optional<R> out;
      RunRead([&](Tx& tx) { out.emplace(fn(tx)); });
      return std::move(*out);
    }
  }

  //! Runs `fn` in a write transaction. `fn` returns a Result: the transaction commits when it is
  //! ok and rolls back when it is an error or `fn` throws.
  template <class F>
  auto Write(F&& fn) {
    using R = std::invoke_result_t<F, Tx&>;
    std::optional<R> out;
    RunWrite([&](Tx& tx) {
      out.emplace(fn(tx));
      return out->ok();
    });
    return std::move(*out);
  }

  //! True when the database answers a trivial query (readiness).
  virtual bool Ping() = 0;
  //! Name of the backend ("sqlite", "postgresql").
  virtual std::string_view Backend() const = 0;
  //! Applies pending migrations in one transaction; returns how many were applied. A failing
  //! step rolls everything back (StorageError naming the step); a database a newer copydesk
  //! migrated is refused untouched (SchemaTooNewError).
  virtual int Migrate() = 0;
  //! What Migrate would do, without changing anything.
  virtual MigrationPlan PlanMigrations() = 0;
  //! The newest migration version known to this binary and the one applied.
  virtual std::pair<int, int> SchemaVersions() = 0;

  //! Calls `listener` after each durable commit of a write (on the writing thread: it must only
  //! signal, never block); an empty function removes it. How the live hub learns, without
  //! polling, that new events may be waiting.
  void SetCommitListener(std::function<void()> listener) {
    std::lock_guard lock(commit_listener_mutex_);
    commit_listener_ = std::move(listener);
  }

  //! A number that moves after every committed write of this process, before the commit
  //! listener hears of it.
  std::uint64_t WriteGeneration() const {
    return write_generation_.load(std::memory_order_acquire);
  }
  //! A token that changes whenever the data may have changed, whoever wrote it; nullopt when the
  //! backend cannot tell (other servers write to it too). Read before a read transaction starts,
  //! it names a state that read sees at least: two reads under the same token saw the same data,
  //! which is what lets an answer be kept for the next identical request (api::Remembered).
  virtual std::optional<std::string> DataState() const { return std::nullopt; }
  //! Gives back to the file system the room left unused inside the database when it is at least
  //! `min_fraction` of it, while no server uses it (after migrations that shrink rows); the bytes
  //! given back. A server database reclaims its room itself (PostgreSQL's autovacuum): 0.
  virtual std::int64_t ReclaimFreePages(double /*min_fraction*/) { return 0; }

 protected:
  //! Moves the write generation and tells the commit listener, if any, that a write was
  //! committed.
  void Committed() {
    write_generation_.fetch_add(1, std::memory_order_acq_rel);
    std::lock_guard lock(commit_listener_mutex_);
    if (commit_listener_) commit_listener_();
  }

  virtual void RunRead(const std::function<void(Tx&)>& fn) = 0;
  virtual void RunWrite(const std::function<bool(Tx&)>& fn) = 0;

 private:
  std::mutex commit_listener_mutex_;
  std::function<void()> commit_listener_;
  std::atomic<std::uint64_t> write_generation_{0};
};

}  // namespace copydesk::storage
