#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace copydesk::storage {

class SqliteConnection;

//! SQLite in WAL mode: one serialized writer connection (BEGIN IMMEDIATE, synchronous=FULL, writes
//! that wait together committed together) and a pool of read-only connections, each reading a
//! consistent snapshot.
class SqliteDatabase final : public Database {
 public:
  //! Opens (creating when missing) the database file at `path` with `readers` reader
  //! connections. Throws StorageError when the file cannot be opened.
  SqliteDatabase(const std::string& path, int readers = 4);
  ~SqliteDatabase() override;

  bool Ping() override;
  std::string_view Backend() const override { return "sqlite"; }
  //! This process's write generation, and the write-ahead log file's identity, size and time of
  //! change: every commit appends to that file, so a command writing beside the server (an
  //! import) changes the token as the server's own writes do.
  std::optional<std::string> DataState() const override;
  int Migrate() override;
  MigrationPlan PlanMigrations() override;
  std::pair<int, int> SchemaVersions() override;

  //! Writes a consistent copy of the live database to `path` (SQLite online backup API).
  void BackupTo(const std::string& path);

  //! Gives the room of deleted or shrunk rows back to the file system (VACUUM) when at least
  //! `min_fraction` of the file is free pages or unused space inside pages; returns the bytes
  //! given back (0: nothing done).
  //! Holds the writer for as long as it takes (tens of seconds at 100,000 contents): for
  //! `copydesk migrate`, not a serving server.
  std::int64_t ReclaimFreePages(double min_fraction) override;

 protected:
  void RunRead(const std::function<void(Tx&)>& fn) override;
  void RunWrite(const std::function<bool(Tx&)>& fn) override;

 private:
  struct PendingWrite;
  void CommitBatch(const std::vector<PendingWrite*>& batch);

  std::string wal_path_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex writer_mutex_;
  // Writes waiting for the next group commit, and whether a thread is committing one now.
  std::mutex queue_mutex_;
  std::condition_variable write_done_;
  std::vector<PendingWrite*> queue_;
  bool leader_active_ = false;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::vector<SqliteConnection*> idle_readers_;
  std::mutex readers_mutex_;
  std::condition_variable reader_free_;
};

}  // namespace copydesk::storage
