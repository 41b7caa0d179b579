// The data folder's blob store: named by their hash, stored once, never half written.
#include "files/blob_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "content/snapshot.hpp"
#include "core/random.hpp"

namespace copydesk::files {
namespace {

namespace fs = std::filesystem;

//! A folder of its own under the system's temp folder, removed at the end.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("copydesk-files-" + NewId());
  Scratch() { fs::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  const fs::path& path() const { return dir; }
};

std::string Write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

TEST(BlobStore, AFileIsStoredByItsHashOnce) {
  Scratch dir;
  FolderBlobStore store((dir.path() / "blobs").string());
  const auto first = Write(dir.path() / "a", "abc");
  auto digest = DigestFile(first);
  ASSERT_TRUE(digest);
  EXPECT_EQ(digest->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(digest->size, 3u);
  ASSERT_TRUE(store.Put(first, digest->sha256));
  EXPECT_FALSE(fs::exists(first));  // moved, not copied
  const auto path = store.LocalPath(digest->sha256);
  ASSERT_TRUE(path);
  EXPECT_EQ(*path, (dir.path() / "blobs" / "ba" / "78" / digest->sha256).string());
  // The same bytes again: the copy goes, the blob stays.
  const auto second = Write(dir.path() / "b", "abc");
  ASSERT_TRUE(store.Put(second, digest->sha256));
  EXPECT_FALSE(fs::exists(second));
  ASSERT_EQ(store.List().size(), 1u);
  store.Remove(digest->sha256);
  EXPECT_FALSE(store.LocalPath(digest->sha256));
}

TEST(BlobStore, NamesThatAreNotHashesNeverBecomePaths) {
  Scratch dir;
  FolderBlobStore store((dir.path() / "blobs").string());
  EXPECT_FALSE(store.LocalPath("../../etc/passwd"));
  EXPECT_FALSE(store.Put(Write(dir.path() / "x", "x"), "../x"));
  EXPECT_FALSE(IsSha256(std::string(64, 'A')));
  EXPECT_TRUE(IsSha256(std::string(64, 'a')));
}

TEST(ContentHash, ATextWithoutFilesKeepsItsHash) {
  const boost::json::object fields{{"body", "Le texte."}};
  EXPECT_EQ(content::ContentHash("Titre", fields), content::ContentHash("Titre", fields, "[]"));
  EXPECT_NE(content::ContentHash("Titre", fields),
            content::ContentHash("Titre", fields,
                                 R"([{"attachment_id":"a","media_id":"m","version":1,)"
                                 R"("sha256":"00","name":"v.png"}])"));
}

}  // namespace
}  // namespace copydesk::files
