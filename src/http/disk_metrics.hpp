#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace copydesk::http {

//! What a data folder holds on disk, per part, for /metrics: the database, its write-ahead log,
//! the search index and stored files. Sizes are blocks allocated (what `du` counts), so a sparse
//! or preallocated file counts for what it takes.
class DiskUsage {
 public:
  //! `database`: the SQLite file (its WAL is beside it, "-wal"); `search`: the index's root;
  //! `files`: the folders of stored files and their renditions.
  DiskUsage(std::filesystem::path database, std::filesystem::path search,
            std::vector<std::filesystem::path> files);

  //! Gauges `copydesk_disk_bytes{part="database|wal|search_index|files"}` in Prometheus text.
  //! The files' folders are walked at most every 30 s (they may hold many thousands of files);
  //! the other parts are a few files, measured at each scrape.
  std::string Render();

 private:
  std::filesystem::path database_;
  std::filesystem::path search_;
  std::vector<std::filesystem::path> files_;
  std::mutex mutex_;
  std::uint64_t files_bytes_ = 0;
  std::chrono::steady_clock::time_point files_measured_{};
};

//! Bytes allocated on disk by `path`: a file, or a folder and everything under it (0 when
//! missing).
std::uint64_t DiskBytes(const std::filesystem::path& path);

//! One gauge in Prometheus text: its HELP and TYPE lines, then its sample.
std::string GaugeText(const std::string& name, const std::string& help, double value);

}  // namespace copydesk::http
