// Schema migrations: a fresh database gets all of them in one transaction, a current one gets
// none, and a failure leaves the database exactly as it was.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <regex>

#include "storage/migration.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace copydesk::storage {
namespace {

namespace fs = std::filesystem;

class MigrationsTest : public ::testing::Test {
 protected:
  MigrationsTest() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("copydesk-migrations-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~MigrationsTest() override { fs::remove_all(dir_); }
  std::string DbPath() const { return (dir_ / "copydesk.db").string(); }

  static std::vector<std::string> Tables(Database& db) {
    return db.Read([](Tx& tx) {
      return tx.Rows(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
          "ORDER BY name",
          {}, [](const Row& r) { return r.Text(0); });
    });
  }
  struct Applied {
    std::int64_t version;
    std::string name;
    std::int64_t applied_at;
    bool operator==(const Applied&) const = default;
  };
  static std::vector<Applied> Recorded(Database& db) {
    return db.Read([](Tx& tx) {
      return tx.Rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version", {},
                     [](const Row& r) {
                       return Applied{r.Int(0), r.Text(1), r.Int(2)};
                     });
    });
  }

  fs::path dir_;
};

TEST(Migrations, HaveStrictlyIncreasingVersionsAndNames) {
  const auto& migrations = SqliteMigrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations.front().version, 1);
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_FALSE(migrations[i].name.empty());
    EXPECT_FALSE(migrations[i].sql.empty());
    // Two files with one number (two branches merged) would make one of them never run.
    if (i > 0) EXPECT_GT(migrations[i].version, migrations[i - 1].version) << migrations[i].name;
  }
}

TEST_F(MigrationsTest, AFreshDatabaseGetsEveryMigrationRecorded) {
  SqliteDatabase db(DbPath());
  EXPECT_EQ(db.SchemaVersions().second, 0);
  const int applied = db.Migrate();
  const auto& migrations = SqliteMigrations();
  EXPECT_EQ(applied, static_cast<int>(migrations.size()));
  const auto recorded = Recorded(db);
  ASSERT_EQ(recorded.size(), migrations.size());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(recorded[i].version, migrations[i].version);
    EXPECT_EQ(recorded[i].name, migrations[i].name);
    EXPECT_GT(recorded[i].applied_at, 1'600'000'000'000);  // milliseconds, like every time
  }
  const auto [known, current] = db.SchemaVersions();
  EXPECT_EQ(known, migrations.back().version);
  EXPECT_EQ(current, known);
  const auto tables = Tables(db);
  for (const char* table : {"users", "sessions", "api_tokens", "workspaces", "memberships",
                            "invitations", "teams", "team_members", "events"}) {
    EXPECT_NE(std::find(tables.begin(), tables.end(), table), tables.end()) << table;
  }
  // Foreign keys are enforced on the connection the migrations leave behind.
  EXPECT_THROW(db.Write([](Tx& tx) -> Result<void> {
    tx.Exec("INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
            {Value(std::string("nows")), Value(std::string("nouser")), Value(std::string("owner")),
             Value(std::int64_t{0})});
    return {};
  }),
               StorageError);
}

TEST_F(MigrationsTest, ReopeningAppliesNothing) {
  std::vector<Applied> first;
  {
    SqliteDatabase db(DbPath());
    ASSERT_GT(db.Migrate(), 0);
    first = Recorded(db);
  }
  SqliteDatabase reopened(DbPath());
  EXPECT_EQ(reopened.SchemaVersions().second, SqliteMigrations().back().version);
  EXPECT_EQ(reopened.Migrate(), 0);
  EXPECT_EQ(reopened.Migrate(), 0);
  EXPECT_EQ(Recorded(reopened), first);
}

//! A name the newest migration that creates something gives to a table, index, view or trigger.
//! Tables and indexes share one namespace, so a table of that name makes the migration fail.
std::string ANameTheNewestMigrationCreates() {
  const std::regex create(
      R"(CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\s+(IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*))",
      std::regex::icase);
  const auto& migrations = SqliteMigrations();
  for (auto m = migrations.rbegin(); m != migrations.rend(); ++m) {
    const std::string sql(m->sql);
    std::string last;
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), create);
         it != std::sregex_iterator(); ++it) {
      if (!(*it)[1].matched) last = (*it)[2];
    }
    if (!last.empty()) return last;
  }
  return "";
}

//! Applies the migrations `keep` chooses by hand, recording each under `number(m)`: the state a
//! database was left in by a binary of an earlier day.
template <class Keep, class Number>
void ApplyAsOnce(Database& db, Keep keep, Number number) {
  ASSERT_TRUE(db.Write([&](Tx& tx) -> Result<void> {
                  tx.ExecScript(
                      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
                      "NULL, applied_at INTEGER NOT NULL)");
                  for (const auto& m : SqliteMigrations()) {
                    if (!keep(m)) continue;
                    tx.ExecScript(m.sql);
                    tx.Exec("INSERT INTO schema_migrations VALUES (?, ?, 1)",
                            {std::int64_t{number(m)}, std::string(m.name)});
                  }
                  return {};
                }).ok());
}

void ExpectEveryMigrationRecordedOnce(Database& db) {
  const auto recorded = db.Read([](Tx& tx) {
    return tx.Rows("SELECT version, name FROM schema_migrations ORDER BY version", {},
                   [](const Row& r) { return std::make_pair(r.Int(0), r.Text(1)); });
  });
  const auto& known = SqliteMigrations();
  ASSERT_EQ(recorded.size(), known.size());
  for (std::size_t i = 0; i < known.size(); ++i) {
    EXPECT_EQ(recorded[i].first, known[i].version);
    EXPECT_EQ(recorded[i].second, known[i].name);
  }
}

// main once had 0011_sharing but not yet 0009_notification_mail (merged later): taking the
// highest number as "all below applied" would never have created the e-mail tables.
TEST_F(MigrationsTest, AMigrationMergedAfterAHigherOneIsStillApplied) {
  SqliteDatabase db(DbPath());
  ApplyAsOnce(
      db, [](const Migration& m) { return m.version <= 11 && m.name != "notification_mail"; },
      [](const Migration& m) { return m.version; });
  const auto plan = db.PlanMigrations();
  ASSERT_FALSE(plan.pending.empty());
  EXPECT_EQ(plan.pending.front(), "0009_notification_mail");
  EXPECT_EQ(plan.applied_version, 11);
  EXPECT_EQ(db.Migrate(), static_cast<int>(plan.pending.size()));
  ExpectEveryMigrationRecordedOnce(db);
  const auto tables = Tables(db);
  EXPECT_NE(std::find(tables.begin(), tables.end(), "mail_outbox"), tables.end());
  EXPECT_EQ(db.Migrate(), 0);
}

// Before collaboration landed, main numbered the view's screen 0007; it became 0008 when
// 0007_collaboration was merged in front of it. Those databases record view_screen as 7.
TEST_F(MigrationsTest, ARenumberedMigrationIsKnownByItsName) {
  SqliteDatabase db(DbPath());
  ApplyAsOnce(
      db, [](const Migration& m) { return m.version <= 6 || m.name == "view_screen"; },
      [](const Migration& m) { return m.name == "view_screen" ? 7 : m.version; });
  const auto plan = db.PlanMigrations();
  ASSERT_FALSE(plan.pending.empty());
  EXPECT_EQ(plan.pending.front(), "0007_collaboration");
  EXPECT_TRUE(plan.unknown.empty());
  EXPECT_EQ(db.Migrate(), static_cast<int>(plan.pending.size()));  // view_screen not run twice
  ExpectEveryMigrationRecordedOnce(db);
}

TEST_F(MigrationsTest, ADatabaseFromANewerCopydeskIsRefusedUntouched) {
  SqliteDatabase db(DbPath());
  ASSERT_GT(db.Migrate(), 0);
  ASSERT_TRUE(db.Write([](Tx& tx) -> Result<void> {
                  tx.Exec("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 1)");
                  return {};
                }).ok());
  const auto before = Recorded(db);
  const auto plan = db.PlanMigrations();
  EXPECT_EQ(plan.unknown, std::vector<std::string>{"9999_from_the_future"});
  try {
    db.Migrate();
    ADD_FAILURE() << "a newer database was migrated";
  } catch (const SchemaTooNewError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("newer copydesk"), std::string::npos) << message;
    EXPECT_NE(message.find("9999_from_the_future"), std::string::npos) << message;
    EXPECT_NE(message.find("Nothing was changed"), std::string::npos) << message;
  }
  EXPECT_EQ(Recorded(db), before);
}

TEST_F(MigrationsTest, APlanChangesNothing) {
  SqliteDatabase db(DbPath());
  const auto plan = db.PlanMigrations();
  EXPECT_TRUE(plan.fresh());
  EXPECT_EQ(plan.pending.size(), SqliteMigrations().size());
  EXPECT_EQ(plan.pending.front(), "0001_foundation");
  EXPECT_TRUE(Tables(db).empty());
}

TEST_F(MigrationsTest, AFailingMigrationRollsEverythingBack) {
  const std::string clash = ANameTheNewestMigrationCreates();
  ASSERT_FALSE(clash.empty()) << "no migration creates anything to clash with";
  SqliteDatabase db(DbPath());
  // A table in the way makes a late migration fail after the earlier ones ran.
  ASSERT_TRUE(db.Write([&](Tx& tx) -> Result<void> {
                  tx.ExecScript("CREATE TABLE " + clash + " (in_the_way INTEGER)");
                  return {};
                }).ok());
  try {
    db.Migrate();
    ADD_FAILURE() << "the migration did not fail";
  } catch (const StorageError& e) {
    // The message names the step that failed, by its file name.
    const std::string message = e.what();
    EXPECT_NE(message.find("migration "), std::string::npos) << message;
    EXPECT_NE(message.find(" failed: "), std::string::npos) << message;
    EXPECT_NE(message.find("left as it was"), std::string::npos) << message;
  }
  EXPECT_EQ(Tables(db), std::vector<std::string>{clash});  // not one table from any migration
  EXPECT_EQ(db.SchemaVersions().second, 0);
  // Out of the way, the same database migrates fully.
  ASSERT_TRUE(db.Write([&](Tx& tx) -> Result<void> {
                  tx.ExecScript("DROP TABLE " + clash);
                  return {};
                }).ok());
  EXPECT_EQ(db.Migrate(), static_cast<int>(SqliteMigrations().size()));
  EXPECT_EQ(db.SchemaVersions().second, SqliteMigrations().back().version);
}

}  // namespace
}  // namespace copydesk::storage
