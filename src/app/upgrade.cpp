#include "app/upgrade.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "core/log.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace copydesk {

namespace {

constexpr std::string_view kPrefix = "copydesk-";
constexpr std::string_view kSuffix = ".db";

// copydesk-20261207T104512.345Z-schema-11.db: sorted by name, sorted by time.
std::string BackupName(int schema_version) {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &utc);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(ms.count()));
  return std::string(kPrefix) + stamp + millis + "-schema-" + std::to_string(schema_version) +
         std::string(kSuffix);
}

}  // namespace

std::filesystem::path UpgradeBackupFolder(const Config& config) {
  return std::filesystem::path(config.data_dir) / "upgrade-backups";
}

std::vector<std::filesystem::path> UpgradeBackups(const Config& config) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(UpgradeBackupFolder(config), ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.starts_with(kPrefix) && name.ends_with(kSuffix)) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

int UpgradeSchema(storage::Database& db, const Config& config) {
  const auto plan = db.PlanMigrations();
  // A refused database (newer schema) gets no backup: Migrate refuses it before touching it.
  if (!plan.pending.empty() && plan.unknown.empty() && !plan.fresh() && config.upgrade_backup) {
    auto* sqlite = dynamic_cast<storage::SqliteDatabase*>(&db);
    if (sqlite != nullptr) {
      std::filesystem::create_directories(UpgradeBackupFolder(config));
      auto path = UpgradeBackupFolder(config) / BackupName(plan.applied_version);
      while (std::filesystem::exists(path)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        path = UpgradeBackupFolder(config) / BackupName(plan.applied_version);
      }
      // A partial file must never pass for a backup: written under another name, then renamed.
      const auto partial = std::filesystem::path(path.string() + ".partial");
      std::filesystem::remove(partial);
      try {
        sqlite->BackupTo(partial.string());
      } catch (...) {
        // A full disk: leave no half copy behind to fill it further.
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
      }
      std::filesystem::rename(partial, path);
      Log(LogLevel::kInfo, "backed the database up before upgrading it",
          {{"backup", path.string()},
           {"from_schema", plan.applied_version},
           {"to_schema", plan.known_version}});
      auto kept = UpgradeBackups(config);
      while (kept.size() > static_cast<std::size_t>(config.keep_upgrade_backups)) {
        std::filesystem::remove(kept.front());
        kept.erase(kept.begin());
      }
    }
  }
  const int applied = db.Migrate();
  if (applied > 0 && !plan.fresh()) {
    boost::json::array names;
    for (const auto& label : plan.pending) names.emplace_back(label);
    Log(LogLevel::kInfo, "upgraded the database",
        {{"from_schema", plan.applied_version},
         {"to_schema", plan.known_version},
         {"migrations", std::move(names)}});
  }
  return applied;
}

}  // namespace copydesk
