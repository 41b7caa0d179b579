// Opening a data folder whose database needs migrating first takes a consistent backup, keeps only
// the newest few, and takes none when there is nothing to migrate or nothing to lose.
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/upgrade.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

// Undoes the newest migration this binary is sure to have (its own 0016, which only creates a
// table): the database is then as an earlier copydesk left it, with one migration to apply.
void MakeOneMigrationOld(storage::Database& db) {
  ASSERT_TRUE(db.Write([](storage::Tx& tx) -> Result<void> {
                  tx.ExecScript(
                      "DROP TABLE batched_migrations;"
                      "DELETE FROM schema_migrations WHERE name = 'batched_migrations'");
                  return {};
                }).ok());
}

bool HasTable(const std::string& path, const std::string& table) {
  storage::SqliteDatabase db(path, 1);
  return db.Read([&](storage::Tx& tx) {
    return tx.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = ?", {table}) > 0;
  });
}

Config DataIn(const TempDir& dir) {
  Config config;
  config.data_dir = (dir.path() / "data").string();
  config.keep_upgrade_backups = 2;
  return config;
}

TEST(UpgradeBackups, ANewDataFolderHasNothingToBackUp) {
  TempDir dir;
  const Config config = DataIn(dir);
  OpenDatabase(config);
  OpenDatabase(config);
  EXPECT_TRUE(UpgradeBackups(config).empty());
}

TEST(UpgradeBackups, EachUpgradeBacksUpTheDatabaseAsItWasAndKeepsTheNewest) {
  TempDir dir;
  const Config config = DataIn(dir);
  for (int i = 0; i < 3; ++i) {
    auto db = OpenDatabase(config);
    MakeOneMigrationOld(*db);
  }
  OpenDatabase(config);  // the third upgrade
  const auto backups = UpgradeBackups(config);
  ASSERT_EQ(backups.size(), 2u);  // --keep-upgrade-backups 2: the first one was deleted
  for (const auto& backup : backups) {
    EXPECT_FALSE(HasTable(backup.string(), "batched_migrations")) << backup;  // before upgrading
    EXPECT_TRUE(HasTable(backup.string(), "users")) << backup;
  }
  EXPECT_TRUE(HasTable(DatabasePath(config), "batched_migrations"));
  // Already current: a start takes no backup.
  OpenDatabase(config);
  EXPECT_EQ(UpgradeBackups(config), backups);
}

TEST(UpgradeBackups, NoUpgradeBackupMigratesWithoutOne) {
  TempDir dir;
  Config config = DataIn(dir);
  MakeOneMigrationOld(*OpenDatabase(config));
  config.upgrade_backup = false;
  OpenDatabase(config);
  EXPECT_TRUE(UpgradeBackups(config).empty());
  EXPECT_TRUE(HasTable(DatabasePath(config), "batched_migrations"));
}

}  // namespace
}  // namespace copydesk::testing
