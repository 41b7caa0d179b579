#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace copydesk::storage {

//! One batch of a long migration: the rows it looked at and where the next batch starts.
struct BatchOutcome {
  std::int64_t rows = 0;                //!< rows looked at in this batch
  std::optional<std::string> position;  //!< the last row done; nullopt: nothing was left
};

//! A migration that rewrites many rows in short transactions, after the schema migrations,
//! resumable from its persisted position.
struct BatchedMigration {
  std::string_view name;  //!< its key in batched_migrations, also shown in progress
  std::string_view what;  //!< one line for `migrate --dry-run` and the logs
  //! Rows left after `position` ("" = from the start): the 100 % of the progress shown.
  std::function<std::int64_t(Tx&, const std::string& position)> count_after;
  //! Rewrites at most `limit` rows after `position`, in the same transaction that records the
  //! new position.
  std::function<BatchOutcome(Tx&, const std::string& position, int limit)> run_batch;
};

//! The long migrations this binary knows, in the order they run.
const std::vector<BatchedMigration>& BatchedMigrations();

//! What a batched run has done so far, for progress lines.
struct BatchProgress {
  std::string_view name;
  std::int64_t done = 0;   //!< rows done in this run
  std::int64_t total = 0;  //!< rows that were left when this run started
  bool resumed = false;    //!< an earlier, interrupted run had started it
  bool finished = false;
};

//! Names of the long migrations not finished yet on this database ("what would still run").
std::vector<std::string> UnfinishedBatchedMigrations(Database& db);

//! Runs every unfinished long migration to its end, batch after batch, calling `progress` after
//! each batch (on this thread), pausing `pause_ms` between batches so that a serving server's
//! writes go first. Stops early, between two batches, when `stop` becomes true. Returns true
//! when all are finished.
bool RunBatchedMigrations(Database& db, int batch_rows,
                          const std::function<void(const BatchProgress&)>& progress,
                          const std::atomic<bool>* stop = nullptr, int pause_ms = 0);

}  // namespace copydesk::storage
