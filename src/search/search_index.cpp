#include "search/search_index.hpp"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace copydesk::search {

namespace fs = std::filesystem;

SearchIndex::SearchIndex(fs::path root) : root_(std::move(root)) {
  fs::create_directories(root_);
}

SearchIndex::~SearchIndex() = default;

std::optional<fs::path> SearchIndex::CurrentFolder() const {
  std::ifstream in(root_ / "CURRENT");
  std::string name;
  if (!in || !std::getline(in, name) || name.empty()) return std::nullopt;
  if (!fs::exists(root_ / name)) return std::nullopt;
  return root_ / name;
}

fs::path SearchIndex::NewFolder() const {
  const auto stamp = std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  fs::path folder = root_ / ("building-" + std::to_string(stamp));
  fs::create_directories(folder);
  return folder;
}

void SearchIndex::Publish(const fs::path& building) const {
  // A server running beside `copydesk reindex` may still read the index in use until it
  // follows the swap: that one stays; older ones (left by earlier rebuilds) go.
  const auto previous = CurrentFolder();
  std::string name = building.filename().string();
  if (name.rfind("building-", 0) == 0) name = "index-" + name.substr(9);
  const fs::path folder = root_ / name;
  if (building != folder) fs::rename(building, folder);
  const auto tmp = root_ / ("CURRENT.tmp" + std::to_string(::getpid()));
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << folder.filename().string() << "\n";
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, root_ / "CURRENT");
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    if (!entry.is_directory() || entry.path().filename().string().rfind("index-", 0) != 0) continue;
    if (entry.path() == folder || (previous && entry.path() == *previous)) continue;
    fs::remove_all(entry.path(), ec);
  }
}

void SearchIndex::RemoveStaleFolders() const {
  const auto current = CurrentFolder();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    if (!entry.is_directory() || entry.path().filename().string().rfind("index-", 0) != 0) continue;
    if (current && entry.path() == *current) continue;
    fs::remove_all(entry.path(), ec);
  }
}

std::unique_ptr<SearchIndex::Reader> SearchIndex::Acquire() {
  const auto current = CurrentFolder();
  const std::string folder = current ? current->string() : "";
  std::unique_ptr<Reader> reader;
  {
    std::lock_guard lock(mutex_);
    while (!pool_.empty() && !reader) {
      reader = std::move(pool_.back());
      pool_.pop_back();
      if (reader->folder != folder) reader.reset();  // a swap happened: drop readers of the old one
    }
  }
  if (!reader) {
    reader = std::make_unique<Reader>();
    reader->folder = folder;
    // Before the first build, an empty in-memory database: Xapian refuses to query one with no
    // shard at all.
    reader->db = folder.empty()
                     ? Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)
                     : Xapian::Database(folder);
  } else if (!folder.empty()) {
    reader->db.reopen();  // see the newest commit
  }
  return reader;
}

void SearchIndex::Release(std::unique_ptr<Reader> reader) {
  std::lock_guard lock(mutex_);
  if (pool_.size() < 16) pool_.push_back(std::move(reader));
}

}  // namespace copydesk::search
