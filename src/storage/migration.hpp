#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace copydesk::storage {

//! One numbered schema change, compiled into the binary from a `NNNN_name.sql` file.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

//! The SQLite migrations, in version order (generated at build time).
const std::vector<Migration>& SqliteMigrations();

//! A row of schema_migrations: what a database records as applied.
struct AppliedMigration {
  std::int64_t version;
  std::string name;
  std::int64_t applied_at;
};

//! "0009_notification_mail": how a migration is named to the person upgrading (its file name).
std::string MigrationLabel(std::int64_t version, std::string_view name);

//! A binary's migrations (`known`) against what a database records.
struct Reconciled {
  std::vector<const Migration*> pending;
  std::vector<std::string> unknown;
  //! Recorded under a number the migration no longer has, with the number it has now.
  std::vector<std::pair<AppliedMigration, int>> renumbered;
  std::int64_t applied_version = 0;
};

//! Which of `known` a database that recorded `applied` still needs, whatever engine holds it.
Reconciled Reconcile(const std::vector<Migration>& known,
                     const std::vector<AppliedMigration>& applied);

//! The refusal of a database a newer copydesk migrated.
std::string TooNewMessage(const std::vector<Migration>& known,
                          const std::vector<std::string>& unknown);

//! The plan a reconciliation makes, as MigrationPlan tells it.
MigrationPlan PlanOf(const std::vector<Migration>& known, const Reconciled& reconciled);

//! Records `plan` in schema_migrations and runs its pending migrations in `tx` (which the caller
//! opened and commits): the part of Migrate every engine shares. Returns how many were applied.
int ApplyPlan(Tx& tx, const Reconciled& plan, std::int64_t now_ms);

//! Reads schema_migrations (empty when the table does not exist yet).
std::vector<AppliedMigration> ReadAppliedMigrations(Tx& tx);

}  // namespace copydesk::storage
