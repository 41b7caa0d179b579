#include "convert/tool.hpp"

#include <gtest/gtest.h>

namespace copydesk::convert {
namespace {

using namespace std::chrono_literals;

ToolLimits Quick() {
  ToolLimits limits;
  limits.time = 5s;
  return limits;
}

TEST(RunTool, GivesTheToolItsInputAndReturnsItsOutput) {
  auto r = RunTool({"tr", "a-z", "A-Z"}, "bonjour, été\n", Quick());
  ASSERT_TRUE(r.ok) << r.error.err;
  EXPECT_EQ(r.output.out, "BONJOUR, éTé\n");
}

TEST(RunTool, KeepsStderrApartFromTheOutput) {
  auto r = RunTool({"sh", "-c", "echo out; echo warning >&2"}, "", Quick());
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.output.out, "out\n");
  EXPECT_EQ(r.output.err, "warning\n");
}

TEST(RunTool, StopsAToolThatRunsTooLongWithItsChildren) {
  ToolLimits limits;
  limits.time = 300ms;
  auto started = std::chrono::steady_clock::now();
  auto r = RunTool({"sh", "-c", "sleep 30 & sleep 30"}, "", limits);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.failure, ToolFailure::kTimedOut);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(RunTool, RefusesOutputOverItsLimit) {
  ToolLimits limits = Quick();
  limits.output_bytes = 1000;
  auto r = RunTool({"sh", "-c", "yes | head -c 100000"}, "", limits);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.failure, ToolFailure::kTooLarge);
}

TEST(RunTool, ReportsAFailingToolWithItsExitCodeAndMessage) {
  auto r = RunTool({"sh", "-c", "echo broken >&2; exit 3"}, "", Quick());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.failure, ToolFailure::kFailed);
  EXPECT_EQ(r.error.exit_code, 3);
  EXPECT_EQ(r.error.err, "broken\n");
}

TEST(RunTool, TellsAMissingProgramFromABrokenInput) {
  auto r = RunTool({"copydesk-no-such-converter"}, "", Quick());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.failure, ToolFailure::kMissing);
  EXPECT_FALSE(ToolInstalled("copydesk-no-such-converter"));
  EXPECT_TRUE(ToolInstalled("sh"));
}

TEST(RunTool, SurvivesAToolThatStopsReadingItsInput) {
  std::string big(4u << 20, 'x');
  auto r = RunTool({"true"}, big, Quick());
  EXPECT_TRUE(r.ok);
}

TEST(RunTool, RunsInTheFolderItIsGiven) {
  auto r = RunTool({"pwd"}, "", Quick(), "/tmp");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.output.out, "/tmp\n");
}

}  // namespace
}  // namespace copydesk::convert
