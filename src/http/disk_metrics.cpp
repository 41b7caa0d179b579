#include "http/disk_metrics.hpp"

#include <sys/stat.h>

#include <cstdio>

namespace copydesk::http {

namespace fs = std::filesystem;

namespace {

std::uint64_t AllocatedBytes(const fs::path& file) {
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0) return 0;
  return static_cast<std::uint64_t>(st.st_blocks) * 512;
}

}  // namespace

std::uint64_t DiskBytes(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return AllocatedBytes(path);
  std::uint64_t total = AllocatedBytes(path);
  // Files come and go while walking (a commit, a swap of the index): skip what vanished.
  for (auto it = fs::recursive_directory_iterator(
           path, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    total += AllocatedBytes(it->path());
  }
  return total;
}

std::string GaugeText(const std::string& name, const std::string& help, double value) {
  char number[32];
  std::snprintf(number, sizeof number, "%.0f", value);
  return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " + number +
         "\n";
}

DiskUsage::DiskUsage(fs::path database, fs::path search, std::vector<fs::path> files)
    : database_(std::move(database)), search_(std::move(search)), files_(std::move(files)) {}

std::string DiskUsage::Render() {
  std::uint64_t files_bytes;
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (files_measured_ == std::chrono::steady_clock::time_point{} ||
        now - files_measured_ >= std::chrono::seconds(30)) {
      files_bytes_ = 0;
      for (const auto& folder : files_) files_bytes_ += DiskBytes(folder);
      files_measured_ = now;
    }
    files_bytes = files_bytes_;
  }
  auto wal = database_;
  wal += "-wal";
  const std::pair<const char*, std::uint64_t> parts[] = {
      {"database", DiskBytes(database_)},
      {"wal", DiskBytes(wal)},
      {"search_index", DiskBytes(search_)},
      {"files", files_bytes},
  };
  std::string out =
      "# HELP copydesk_disk_bytes Bytes the data folder takes on disk, by part: the database, "
      "its write-ahead log, the search index, stored files and their renditions.\n"
      "# TYPE copydesk_disk_bytes gauge\n";
  for (const auto& [part, bytes] : parts) {
    out +=
        "copydesk_disk_bytes{part=\"" + std::string(part) + "\"} " + std::to_string(bytes) + "\n";
  }
  return out;
}

}  // namespace copydesk::http
