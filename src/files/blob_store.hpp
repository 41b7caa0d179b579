#pragma once

// Stored files, named by the SHA-256 of their bytes: identical files are stored once, and a
// stored file never changes. The data folder is the store of one node; several nodes sharing
// PostgreSQL need a store they all reach, behind the same interface.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace copydesk::files {

//! The SHA-256 (hex) and size of a file, read a slice at a time.
struct Digest {
  std::string sha256;
  std::uint64_t size = 0;
};

//! Reads the file at `path` in slices (never whole in memory) and names it.
Result<Digest> DigestFile(const std::string& path);

//! Where blobs live. Implementations are thread-safe.
class BlobStore {
 public:
  virtual ~BlobStore() = default;

  //! Takes the finished file at `path` (on the store's file system) as blob `sha256`: moved into
  //! place, or dropped when that blob is already stored. Durable when it returns.
  virtual Result<void> Put(const std::string& path, const std::string& sha256) = 0;
  //! A local file holding the blob's bytes, to read or send; nullopt when it is not stored.
  virtual std::optional<std::string> LocalPath(const std::string& sha256) const = 0;
  //! Deletes a blob (nothing when it is not stored).
  virtual void Remove(const std::string& sha256) = 0;
  //! Every stored blob, with the time its file was written (ms since the epoch): for the sweep
  //! of files a failed transaction left behind, and for backups.
  virtual std::vector<std::pair<std::string, std::int64_t>> List() const = 0;
};

//! The data folder's store: `<root>/ab/cd/<sha256>`.
class FolderBlobStore : public BlobStore {
 public:
  //! Creates `root` when missing.
  explicit FolderBlobStore(std::string root);

  Result<void> Put(const std::string& path, const std::string& sha256) override;
  std::optional<std::string> LocalPath(const std::string& sha256) const override;
  void Remove(const std::string& sha256) override;
  std::vector<std::pair<std::string, std::int64_t>> List() const override;

  //! The file a blob is (or would be) stored in.
  std::string PathOf(const std::string& sha256) const;

 private:
  std::string root_;
};

//! True for 64 lowercase hex digits: a name the store may turn into a path.
bool IsSha256(const std::string& text);

}  // namespace copydesk::files
