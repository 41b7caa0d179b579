// Settings come from COPYDESK_* variables, then flags (which win); anything wrong names itself.
#include "core/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace copydesk {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  void TearDown() override {
    ::unsetenv("COPYDESK_WRITE_TIMEOUT_MS");
    ::unsetenv("COPYDESK_MAX_HEADER_BYTES");
  }
};

TEST_F(ConfigTest, DefaultsServeATeamOutOfTheBox) {
  std::vector<std::string> rest;
  auto config = ParseConfig({}, rest);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->listen, "127.0.0.1:8080");
  EXPECT_EQ(config->data_dir, "./data");
  EXPECT_EQ(config->max_header_bytes, 16u << 10);
  EXPECT_EQ(config->write_timeout_ms, 60'000);
  EXPECT_FALSE(config->SecureCookies());
}

TEST_F(ConfigTest, FlagsWinOverTheEnvironmentInBothSpellings) {
  ::setenv("COPYDESK_WRITE_TIMEOUT_MS", "5000", 1);
  ::setenv("COPYDESK_MAX_HEADER_BYTES", "32768", 1);
  std::vector<std::string> rest;
  auto from_env = ParseConfig({}, rest);
  ASSERT_TRUE(from_env.ok());
  EXPECT_EQ(from_env->write_timeout_ms, 5000);
  EXPECT_EQ(from_env->max_header_bytes, 32768u);
  auto flagged =
      ParseConfig({"--write-timeout-ms=7000", "--max-header-bytes", "8192", "serve"}, rest);
  ASSERT_TRUE(flagged.ok());
  EXPECT_EQ(flagged->write_timeout_ms, 7000);
  EXPECT_EQ(flagged->max_header_bytes, 8192u);
  EXPECT_EQ(rest, std::vector<std::string>{"serve"});
}

TEST_F(ConfigTest, WrongSettingsNameTheFlagOrVariable) {
  std::vector<std::string> rest;
  auto unknown = ParseConfig({"--colour=red"}, rest);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields.at(0).field, "--colour");
  auto out_of_range = ParseConfig({"--write-timeout-ms", "5"}, rest);
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.error().fields.at(0).field, "--write-timeout-ms");
  auto missing = ParseConfig({"--max-header-bytes"}, rest);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.at(0).field, "--max-header-bytes");
  ::setenv("COPYDESK_MAX_HEADER_BYTES", "lots", 1);
  auto bad_env = ParseConfig({}, rest);
  ASSERT_FALSE(bad_env.ok());
  EXPECT_EQ(bad_env.error().fields.at(0).field, "COPYDESK_MAX_HEADER_BYTES");
}

TEST_F(ConfigTest, UpgradesBackUpByDefaultAndASwitchTurnsItOff) {
  std::vector<std::string> rest;
  auto defaults = ParseConfig({}, rest);
  ASSERT_TRUE(defaults.ok());
  EXPECT_TRUE(defaults->upgrade_backup);
  EXPECT_EQ(defaults->keep_upgrade_backups, 3);
  // A switch takes no value: the next word stays a word.
  auto off = ParseConfig({"--no-upgrade-backup", "--keep-upgrade-backups", "5", "migrate"}, rest);
  ASSERT_TRUE(off.ok());
  EXPECT_FALSE(off->upgrade_backup);
  EXPECT_EQ(off->keep_upgrade_backups, 5);
  EXPECT_EQ(rest, std::vector<std::string>{"migrate"});
  auto valued = ParseConfig({"--no-upgrade-backup=yes"}, rest);
  ASSERT_FALSE(valued.ok());
  EXPECT_EQ(valued.error().fields.at(0).field, "--no-upgrade-backup");
  EXPECT_FALSE(ParseConfig({"--keep-upgrade-backups", "0"}, rest).ok());
  ::setenv("COPYDESK_NO_UPGRADE_BACKUP", "1", 1);
  auto from_env = ParseConfig({}, rest);
  ::unsetenv("COPYDESK_NO_UPGRADE_BACKUP");
  ASSERT_TRUE(from_env.ok());
  EXPECT_FALSE(from_env->upgrade_backup);
}

}  // namespace
}  // namespace copydesk
