#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "storage/migration.hpp"

namespace copydesk::storage {

class PostgresConnection;

//! PostgreSQL through libpq: a pool of connections, each with its own prepared statements.
//! Reads run in REPEATABLE READ READ ONLY (one snapshot, as SQLite's readers); writes run in READ
//! COMMITTED after taking one transaction-scoped advisory lock, so that writes are serialized
//! across every node sharing the database, as SQLite's single writer serializes them. The domain
//! code reads then writes inside a Write (counters, positions, "is this name free"): under that
//! lock it needs no retry loop, and no transaction is ever re-run.
class PostgresDatabase final : public Database {
 public:
  //! Connects to `url` (postgresql://user@host:port/db, or any libpq connection string) with up
  //! to `pool_size` connections, opened when first needed. Throws StorageError (kFatal) when the
  //! first connection fails.
  PostgresDatabase(std::string url, int pool_size = 4);
  ~PostgresDatabase() override;

  bool Ping() override;
  std::string_view Backend() const override { return "postgresql"; }
  //! Applies pending migrations under a session advisory lock: nodes that start together wait
  //! for the first one, then find nothing left to apply.
  int Migrate() override;
  MigrationPlan PlanMigrations() override;
  std::pair<int, int> SchemaVersions() override;

  //! True for the URLs this backend opens: postgresql://… and postgres://….
  static bool IsUrl(std::string_view database);

 protected:
  void RunRead(const std::function<void(Tx&)>& fn) override;
  void RunWrite(const std::function<bool(Tx&)>& fn) override;

 private:
  struct Lease;
  std::unique_ptr<PostgresConnection> Acquire();
  void Release(std::unique_ptr<PostgresConnection> conn);

  std::string url_;
  int pool_size_;
  std::mutex mutex_;
  std::condition_variable free_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  int open_ = 0;  // connections in use or idle
};

//! The SQLite migrations as PostgreSQL runs them: each one's text translated (types, the few
//! SQLite-only forms the migrations use), or its override from src/storage/postgres/migrations
//! when one exists under the same file name.
const std::vector<Migration>& PostgresMigrations();

//! The translation of one SQLite migration to PostgreSQL (exposed for its test).
std::string TranslateMigration(std::string_view sqlite_sql);

//! Overrides: PostgreSQL text for migrations the translation cannot carry (generated at build
//! time from src/storage/postgres/migrations).
const std::vector<Migration>& PostgresMigrationOverrides();

}  // namespace copydesk::storage
