#pragma once

// The stored files of a backup: `copydesk backup` writes one SQLite file holding the database
// (SqliteDatabase::BackupTo) and, in a table of its own, every file the database names, so that
// one file is the whole backup. Files are written and read a slice at a time (SQLite's
// incremental blob I/O), never whole in memory.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace copydesk::storage {

//! The blobs a database file (a backup) records: sha256 and size.
std::vector<std::pair<std::string, std::int64_t>> BlobsRecordedIn(const std::string& database);

//! Adds the file at `path` to the backup `backup` as blob `sha256`.
void AddFileToBackup(const std::string& backup, const std::string& sha256, const std::string& path);

//! Writes each file a backup holds: `open(sha256)` gives the path to write it to, and
//! `done(sha256, path)` takes the finished file.
void ExtractBackupFiles(
    const std::string& backup, const std::function<std::string(const std::string& sha256)>& open,
    const std::function<void(const std::string& sha256, const std::string& path)>& done);

//! Removes the files' table from a database restored from a backup, and gives its space back.
void DropBackupFiles(const std::string& database);

}  // namespace copydesk::storage
