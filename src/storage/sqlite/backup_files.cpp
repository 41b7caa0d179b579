#include "storage/sqlite/backup_files.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "storage/database.hpp"

namespace copydesk::storage {

namespace {

// A file goes in parts: one SQLite value holds at most 1 GB, a file may be larger.
constexpr std::int64_t kPartBytes = 64LL << 20;
constexpr int kSliceBytes = 1 << 20;

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

[[noreturn]] void Fail(sqlite3* db, const std::string& what) {
  throw StorageError(StorageError::Kind::kFatal,
                     what + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

Handle Open(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Handle owned(db);
    Fail(db, "cannot open " + path);
  }
  sqlite3_busy_timeout(db, 5000);
  return Handle(db);
}

void Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) Fail(db, sql);
}

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) Fail(db, sql);
  }
  ~Statement() { sqlite3_finalize(stmt); }
};

}  // namespace

std::vector<std::pair<std::string, std::int64_t>> BlobsRecordedIn(const std::string& database) {
  Handle db = Open(database, SQLITE_OPEN_READONLY);
  std::vector<std::pair<std::string, std::int64_t>> out;
  Statement s(db.get(), "SELECT sha256, size FROM blobs ORDER BY sha256");
  while (sqlite3_step(s.stmt) == SQLITE_ROW) {
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 0)),
                     sqlite3_column_int64(s.stmt, 1));
  }
  return out;
}

void AddFileToBackup(const std::string& backup, const std::string& sha256,
                     const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!in) throw StorageError(StorageError::Kind::kFatal, "cannot read " + path);
  std::fseek(in.get(), 0, SEEK_END);
  const std::int64_t size = std::ftell(in.get());
  std::fseek(in.get(), 0, SEEK_SET);
  Handle db = Open(backup, SQLITE_OPEN_READWRITE);
  Exec(db.get(),
       "CREATE TABLE IF NOT EXISTS backup_files (sha256 TEXT NOT NULL, part INTEGER NOT NULL, "
       "data BLOB NOT NULL, PRIMARY KEY (sha256, part))");
  Exec(db.get(), "BEGIN");
  std::vector<char> slice(kSliceBytes);
  std::int64_t part = 0;
  for (std::int64_t start = 0; start < size || (size == 0 && part == 0); start += kPartBytes) {
    const std::int64_t length = std::min(kPartBytes, size - start);
    {
      Statement insert(db.get(),
                       "INSERT OR REPLACE INTO backup_files (sha256, part, data) "
                       "VALUES (?, ?, zeroblob(?))");
      sqlite3_bind_text(insert.stmt, 1, sha256.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(insert.stmt, 2, part);
      sqlite3_bind_int64(insert.stmt, 3, length);
      if (sqlite3_step(insert.stmt) != SQLITE_DONE) Fail(db.get(), "cannot add " + sha256);
    }
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db.get(), "main", "backup_files", "data",
                          sqlite3_last_insert_rowid(db.get()), 1, &blob) != SQLITE_OK) {
      Fail(db.get(), "cannot write " + sha256);
    }
    for (std::int64_t done = 0; done < length;) {
      const int n = static_cast<int>(std::min<std::int64_t>(kSliceBytes, length - done));
      if (std::fread(slice.data(), 1, static_cast<std::size_t>(n), in.get()) !=
              static_cast<std::size_t>(n) ||
          sqlite3_blob_write(blob, slice.data(), n, static_cast<int>(done)) != SQLITE_OK) {
        sqlite3_blob_close(blob);
        Fail(db.get(), "cannot copy " + path);
      }
      done += n;
    }
    sqlite3_blob_close(blob);
    ++part;
    if (size == 0) break;
  }
  Exec(db.get(), "COMMIT");
}

void ExtractBackupFiles(const std::string& backup,
                        const std::function<std::string(const std::string&)>& open,
                        const std::function<void(const std::string&, const std::string&)>& done) {
  Handle db = Open(backup, SQLITE_OPEN_READONLY);
  {
    Statement exists(db.get(), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'backup_files'");
    if (sqlite3_step(exists.stmt) != SQLITE_ROW || sqlite3_column_int(exists.stmt, 0) == 0)
      return;  // a backup of a server without files
  }
  Statement parts(db.get(),
                  "SELECT rowid, sha256, part, length(data) FROM backup_files "
                  "ORDER BY sha256, part");
  std::string current, path;
  std::unique_ptr<FILE, int (*)(FILE*)> out(nullptr, &std::fclose);
  const auto finish = [&] {
    if (current.empty()) return;
    if (std::fflush(out.get()) != 0 || ::fsync(fileno(out.get())) != 0)
      throw StorageError(StorageError::Kind::kFatal, "cannot write " + path);
    out.reset();
    done(current, path);
  };
  std::vector<char> slice(kSliceBytes);
  while (sqlite3_step(parts.stmt) == SQLITE_ROW) {
    const std::int64_t rowid = sqlite3_column_int64(parts.stmt, 0);
    const std::string sha256 = reinterpret_cast<const char*>(sqlite3_column_text(parts.stmt, 1));
    const std::int64_t length = sqlite3_column_int64(parts.stmt, 3);
    if (sha256 != current) {
      finish();
      current = sha256;
      path = open(sha256);
      out.reset(std::fopen(path.c_str(), "wb"));
      if (!out) throw StorageError(StorageError::Kind::kFatal, "cannot create " + path);
    }
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db.get(), "main", "backup_files", "data", rowid, 0, &blob) != SQLITE_OK)
      Fail(db.get(), "cannot read " + sha256);
    for (std::int64_t at = 0; at < length;) {
      const int n = static_cast<int>(std::min<std::int64_t>(kSliceBytes, length - at));
      if (sqlite3_blob_read(blob, slice.data(), n, static_cast<int>(at)) != SQLITE_OK ||
          std::fwrite(slice.data(), 1, static_cast<std::size_t>(n), out.get()) !=
              static_cast<std::size_t>(n)) {
        sqlite3_blob_close(blob);
        Fail(db.get(), "cannot extract " + sha256);
      }
      at += n;
    }
    sqlite3_blob_close(blob);
  }
  finish();
}

void DropBackupFiles(const std::string& database) {
  Handle db = Open(database, SQLITE_OPEN_READWRITE);
  Exec(db.get(), "DROP TABLE IF EXISTS backup_files");
  Exec(db.get(), "VACUUM");
}

}  // namespace copydesk::storage
