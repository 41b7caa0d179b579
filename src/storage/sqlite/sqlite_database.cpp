#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <unordered_map>

#include "storage/migration.hpp"

namespace copydesk::storage {

namespace {

StorageError::Kind Classify(int code) {
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StorageError::Kind::kRetry;
    case SQLITE_CONSTRAINT:
      return (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
                 ? StorageError::Kind::kUnique
                 : StorageError::Kind::kViolation;
    default:
      return StorageError::Kind::kFatal;
  }
}

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int i) const override { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  std::int64_t Int(int i) const override { return sqlite3_column_int64(stmt_, i); }
  std::string Text(int i) const override {
    const auto* text = sqlite3_column_text(stmt_, i);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)));
  }

 private:
  sqlite3_stmt* stmt_;
};

}  // namespace

//! One SQLite connection with its cache of prepared statements.
class SqliteConnection final : public Tx {
 public:
  SqliteConnection(const std::string& path, bool read_only) {
    const int flags =
        read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
        rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      throw StorageError(StorageError::Kind::kFatal, "cannot open " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    if (!read_only) {
      // journal_size_limit: once a checkpoint lets the WAL start over, a file that grew under a
      // burst of writes is cut back to 64 MB instead of keeping its largest size for good.
      ExecScript(
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
          "PRAGMA temp_store=MEMORY; PRAGMA journal_size_limit=67108864;");
    } else {
      // Readers keep 16 MB of decoded pages each instead of SQLite's 2 MB: a month of the
      // calendar reads ~1,500 pages (its index entries, then ~900 rows), which then stay
      // cached instead of being read again from the kernel on every request. Not a memory map:
      // mapped pages count in the server's RSS once per reader that touched them (1.9 GB peak
      // after one scan of 100,000 contents).
      ExecScript("PRAGMA foreign_keys=ON; PRAGMA query_only=ON; PRAGMA cache_size=-16384;");
    }
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  using Tx::Exec;
  using Tx::Query;

  Dialect dialect() const override { return Dialect::kSqlite; }

  void Query(std::string_view sql, std::span<const Value> params,
             const std::function<void(const Row&)>& on_row) override {
    sqlite3_stmt* stmt = Prepare(sql);
    Bind(stmt, params);
    SqliteRow row(stmt);
    while (true) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        try {
          on_row(row);
        } catch (...) {
          sqlite3_reset(stmt);
          throw;
        }
        continue;
      }
      sqlite3_reset(stmt);
      if (rc == SQLITE_DONE) break;
      Fail(rc, sql);
    }
    sqlite3_clear_bindings(stmt);
  }

  std::int64_t Exec(std::string_view sql, std::span<const Value> params) override {
    Query(sql, params, [](const Row&) {});
    return sqlite3_changes64(db_);
  }

  void ExecScript(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string what = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      throw StorageError(Classify(rc), what);
    }
  }

  sqlite3* handle() { return db_; }

  //! Ends the open transaction unless SQLite already did (it does after some errors), without
  //! throwing: the error that led here is the one worth reporting.
  bool InTransaction() noexcept { return sqlite3_get_autocommit(db_) == 0; }

  void RollbackQuietly() noexcept {
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3_stmt* Prepare(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) Fail(rc, sql);
    statements_.emplace(std::string(sql), stmt);
    return stmt;
  }

  void Bind(sqlite3_stmt* stmt, std::span<const Value> params) {
    int i = 1;
    for (const Value& v : params) {
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, i);
      } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, i, *n);
      } else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text64(stmt, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) Fail(rc, "bind");
      ++i;
    }
  }

  [[noreturn]] void Fail(int rc, std::string_view sql) {
    throw StorageError(
        Classify(rc), std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql.substr(0, 200)));
  }

  sqlite3* db_ = nullptr;
  // Looked up by string_view: no copy of the SQL text per query.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
};

SqliteDatabase::SqliteDatabase(const std::string& path, int readers) : wal_path_(path + "-wal") {
  writer_ = std::make_unique<SqliteConnection>(path, /*read_only=*/false);
  for (int i = 0; i < readers; ++i) {
    readers_.push_back(std::make_unique<SqliteConnection>(path, /*read_only=*/true));
    idle_readers_.push_back(readers_.back().get());
  }
}

std::optional<std::string> SqliteDatabase::DataState() const {
  // Read the generation first: a commit of this process between the two reads changes it. Another
  // process's commit grows the log or, once the log starts over after a checkpoint, rewrites it:
  // its time changes (at the kernel clock's few milliseconds; two such commits within one tick
  // that leave the size alike are left to the kept answers' one-second lifetime).
  std::string state = std::to_string(WriteGeneration());
  struct stat st {};
  if (::stat(wal_path_.c_str(), &st) != 0) return std::nullopt;  // no log: cannot tell
  state += ';' + std::to_string(st.st_ino) + ';' + std::to_string(st.st_size) + ';' +
           std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec);
  return state;
}

SqliteDatabase::~SqliteDatabase() {
  // A clean close checkpoints the WAL into the main file.
  readers_.clear();
  writer_.reset();
}

void SqliteDatabase::RunRead(const std::function<void(Tx&)>& fn) {
  SqliteConnection* conn;
  {
    std::unique_lock lock(readers_mutex_);
    reader_free_.wait(lock, [&] { return !idle_readers_.empty(); });
    conn = idle_readers_.back();
    idle_readers_.pop_back();
  }
  struct Release {
    SqliteDatabase* self;
    SqliteConnection* conn;
    ~Release() {
      {
        std::lock_guard lock(self->readers_mutex_);
        self->idle_readers_.push_back(conn);
      }
      self->reader_free_.notify_one();
    }
  } release{this, conn};
  // BEGIN and COMMIT go through the statement cache like any query: compiling them with
  // sqlite3_exec on every transaction cost about as much as the reads of GET /api/v1/me.
  conn->Exec("BEGIN");
  try {
    fn(*conn);
    conn->Exec("COMMIT");
  } catch (...) {
    conn->RollbackQuietly();
    throw;
  }
}

// Group commit. Each commit waits for one fsync of the WAL (synchronous=FULL), and with one
// writer connection that wait, not the work, bounds how many writes a second are acknowledged.
// So the writes that queue while one transaction commits run together in the next: each in its
// own savepoint (a write that fails or throws rolls back only itself), then one COMMIT, and
// only then is each one answered. Nothing is acknowledged before the commit that holds it is
// durable; when that commit fails, every write in it fails with the error.
struct SqliteDatabase::PendingWrite {
  const std::function<bool(Tx&)>* fn;
  bool done = false;
  std::exception_ptr error;
};

void SqliteDatabase::RunWrite(const std::function<bool(Tx&)>& fn) {
  PendingWrite self{&fn};
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&self);
  while (true) {
    write_done_.wait(lock, [&] { return self.done || !leader_active_; });
    if (self.done) break;
    // No one is committing: this thread commits what waits, its own write among it.
    leader_active_ = true;
    std::vector<PendingWrite*> batch;
    batch.swap(queue_);
    lock.unlock();
    try {
      CommitBatch(batch);
    } catch (...) {
      // Never leave the waiters without a leader: whatever failed fails the writes not yet told.
      for (auto* write : batch) {
        if (!write->error) write->error = std::current_exception();
      }
    }
    // Before the writers are answered: whoever follows the events (the live hub) is woken no
    // later than the caller learns its write is durable.
    if (std::any_of(batch.begin(), batch.end(), [](auto* w) { return !w->error; })) Committed();
    lock.lock();
    for (auto* write : batch) write->done = true;
    leader_active_ = false;
    write_done_.notify_all();
  }
  if (self.error) std::rethrow_exception(self.error);
}

void SqliteDatabase::CommitBatch(const std::vector<PendingWrite*>& batch) {
  std::lock_guard lock(writer_mutex_);
  if (batch.size() == 1) {
    // Alone: no savepoint. Inside one, SQLite keeps a copy of every page the write changes, so
    // that it can roll back to it — a cost a large write (a demo seeding) pays on each page.
    auto* write = batch.front();
    try {
      writer_->Exec("BEGIN IMMEDIATE");
      writer_->Exec((*write->fn)(*writer_) ? "COMMIT" : "ROLLBACK");
    } catch (...) {
      // A COMMIT that fails (a full disk) leaves the transaction open: end it here.
      writer_->RollbackQuietly();
      write->error = std::current_exception();
    }
    return;
  }
  try {
    writer_->Exec("BEGIN IMMEDIATE");
  } catch (...) {
    for (auto* write : batch) write->error = std::current_exception();
    return;
  }
  bool alive = true;  // the transaction is still open
  for (std::size_t i = 0; i < batch.size(); ++i) {
    auto* write = batch[i];
    if (!alive) {
      // An earlier write's failure ended the transaction (SQLite rolls back on its own after
      // some I/O errors): this one runs alone, as it would have without the others.
      try {
        writer_->Exec("BEGIN IMMEDIATE");
        writer_->Exec((*write->fn)(*writer_) ? "COMMIT" : "ROLLBACK");
      } catch (...) {
        writer_->RollbackQuietly();
        write->error = std::current_exception();
      }
      continue;
    }
    try {
      writer_->Exec("SAVEPOINT w");
      const bool ok = (*write->fn)(*writer_);
      if (!ok) writer_->Exec("ROLLBACK TO w");
      writer_->Exec("RELEASE w");
    } catch (...) {
      write->error = std::current_exception();
      if (writer_->InTransaction()) {
        try {
          writer_->Exec("ROLLBACK TO w");
          writer_->Exec("RELEASE w");
        } catch (...) {
          writer_->RollbackQuietly();
        }
      }
      if (!writer_->InTransaction()) {
        // The writes before this one went with the transaction: none of them was committed.
        for (std::size_t j = 0; j < i; ++j) {
          if (!batch[j]->error) batch[j]->error = write->error;
        }
        alive = false;
      }
    }
  }
  if (!alive) return;
  try {
    writer_->Exec("COMMIT");
  } catch (...) {
    // A COMMIT that fails (a full disk) leaves the transaction open: the one writer connection
    // could never begin another, so end it here. None of the batch is durable.
    writer_->RollbackQuietly();
    for (auto* write : batch) {
      if (!write->error) write->error = std::current_exception();
    }
  }
}

std::int64_t SqliteDatabase::ReclaimFreePages(double min_fraction) {
  std::lock_guard lock(writer_mutex_);
  const auto page_size = writer_->Scalar("PRAGMA page_size");
  const auto pages = writer_->Scalar("PRAGMA page_count");
  // Rows rewritten smaller (compressed) leave their pages part empty rather than free: count the
  // unused bytes inside pages too (dbstat, which Debian's SQLite has), not only free pages.
  std::int64_t unused = writer_->Scalar("PRAGMA freelist_count") * page_size;
  try {
    unused += writer_->Scalar("SELECT COALESCE(SUM(unused), 0) FROM dbstat");
  } catch (const StorageError&) {
    // An SQLite without dbstat: free pages only.
  }
  if (pages == 0 ||
      static_cast<double>(unused) < min_fraction * static_cast<double>(pages * page_size))
    return 0;
  // VACUUM rewrites the file through the WAL; the checkpoint that follows brings the new pages
  // home and truncates the WAL, so the room is given back now rather than at the next close.
  writer_->ExecScript("VACUUM");
  writer_->ExecScript("PRAGMA wal_checkpoint(TRUNCATE)");
  return (pages - writer_->Scalar("PRAGMA page_count")) * page_size;
}

bool SqliteDatabase::Ping() {
  try {
    return Read([](Tx& tx) { return tx.Scalar("SELECT 1") == 1; });
  } catch (const StorageError&) {
    return false;
  }
}

int SqliteDatabase::Migrate() {
  std::lock_guard lock(writer_mutex_);
  writer_->ExecScript("BEGIN IMMEDIATE");
  try {
    const auto plan = Reconcile(SqliteMigrations(), ReadAppliedMigrations(*writer_));
    if (!plan.unknown.empty()) {
      throw SchemaTooNewError(StorageError::Kind::kFatal,
                              TooNewMessage(SqliteMigrations(), plan.unknown));
    }
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const int applied = ApplyPlan(*writer_, plan, now_ms);
    writer_->ExecScript("COMMIT");
    return applied;
  } catch (...) {
    writer_->RollbackQuietly();
    throw;
  }
}

MigrationPlan SqliteDatabase::PlanMigrations() {
  std::lock_guard lock(writer_mutex_);
  return PlanOf(SqliteMigrations(), Reconcile(SqliteMigrations(), ReadAppliedMigrations(*writer_)));
}

std::pair<int, int> SqliteDatabase::SchemaVersions() {
  const int known = SqliteMigrations().empty() ? 0 : SqliteMigrations().back().version;
  std::lock_guard lock(writer_mutex_);
  const bool has_table =
      writer_->Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'") > 0;
  const int applied = has_table ? static_cast<int>(writer_->Scalar(
                                      "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
                                : 0;
  return {known, applied};
}

void SqliteDatabase::BackupTo(const std::string& path) {
  sqlite3* target = nullptr;
  if (sqlite3_open(path.c_str(), &target) != SQLITE_OK) {
    std::string message = target ? sqlite3_errmsg(target) : "out of memory";
    sqlite3_close(target);
    throw StorageError(StorageError::Kind::kFatal, "cannot create " + path + ": " + message);
  }
  // Copy every page in one step, inside one read transaction: in WAL mode a reader never blocks
  // writers, and the copy is the database as of the step's start. Copying in several steps would
  // restart from the first page each time another connection (the running server) commits in
  // between, and on a busy server it never finished.
  SqliteConnection* source;
  {
    std::unique_lock lock(readers_mutex_);
    reader_free_.wait(lock, [&] { return !idle_readers_.empty(); });
    source = idle_readers_.back();
    idle_readers_.pop_back();
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source->handle(), "main");
  int rc = SQLITE_OK;
  if (backup != nullptr) {
    do {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
  }
  const std::string message = sqlite3_errmsg(target);
  {
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(source);
  }
  reader_free_.notify_one();
  sqlite3_close(target);
  if (backup == nullptr || rc != SQLITE_DONE) {
    throw StorageError(StorageError::Kind::kFatal, "backup failed: " + message);
  }
}

}  // namespace copydesk::storage
