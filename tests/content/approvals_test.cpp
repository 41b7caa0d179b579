// Where each asked team stands, and which revision is validated: approvals bound to a text.
#include "content/approvals.hpp"

#include <gtest/gtest.h>

namespace copydesk::content {
namespace {

using storage::ApprovalRecord;
using storage::ContentRecord;
using storage::RevisionRecord;
using storage::StatusRecord;

StatusRecord Status(const std::string& id, std::int64_t position,
                    std::optional<std::string> gate_teams = {}, bool blocking = true) {
  StatusRecord s;
  s.id = id;
  s.workspace_id = "ws";
  s.name = id;
  s.color = "#000000";
  s.category = "review";
  s.position = position;
  s.gate_teams_json = std::move(gate_teams);
  s.gate_blocking = blocking;
  return s;
}

// Idea → Legal validation (asks legal) → Brand check (asks brand) → Ready.
std::vector<StatusRecord> Workflow() {
  return {Status("idea", 0), Status("legal", 1, R"(["t-legal"])"),
          Status("brand", 2, R"(["t-brand"])"), Status("ready", 3)};
}

ContentRecord Content(const std::string& status, std::int64_t revision, const std::string& hash) {
  ContentRecord c;
  c.id = "c1";
  c.workspace_id = "ws";
  c.status_id = status;
  c.revision = revision;
  c.content_hash = hash;
  return c;
}

// Revisions newest first, as the store lists them: hashes[i] is revision i + 1.
std::vector<RevisionRecord> Revisions(const std::vector<std::string>& hashes) {
  std::vector<RevisionRecord> out;
  for (std::size_t i = hashes.size(); i-- > 0;) {
    RevisionRecord r;
    r.content_id = "c1";
    r.number = static_cast<std::int64_t>(i + 1);
    r.content_hash = hashes[i];
    out.push_back(r);
  }
  return out;
}

ApprovalRecord Decision(const std::string& team, std::int64_t revision, const std::string& hash,
                        const std::string& decision, TimeMs at) {
  ApprovalRecord a;
  a.id = "a" + std::to_string(at);
  a.content_id = "c1";
  a.revision = revision;
  a.content_hash = hash;
  a.team_id = team;
  a.decision = decision;
  a.created_at = at;
  return a;
}

const std::map<std::string, std::string> kNames = {{"t-legal", "Legal"}, {"t-brand", "Brand"}};

TEST(Summarize, AsksNothingBeforeTheFirstGate) {
  const auto s = Summarize(Content("idea", 1, "h1"), Workflow(), {}, Revisions({"h1"}), kNames);
  EXPECT_TRUE(s.teams.empty());
  EXPECT_FALSE(s.validated_revision.has_value());
}

TEST(Summarize, AnAskedTeamWithoutDecisionIsWaiting) {
  const auto s = Summarize(Content("legal", 1, "h1"), Workflow(), {}, Revisions({"h1"}), kNames);
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].team_id, "t-legal");
  EXPECT_EQ(s.teams[0].team_name, "Legal");
  EXPECT_EQ(s.teams[0].state, "waiting");
  EXPECT_FALSE(s.teams[0].latest.has_value());
  EXPECT_FALSE(s.validated_revision.has_value());
}

TEST(Summarize, ApprovalOfTheCurrentTextValidatesTheCurrentRevision) {
  const std::vector<ApprovalRecord> a = {Decision("t-legal", 2, "h2", "approved", 10)};
  const auto s =
      Summarize(Content("legal", 2, "h2"), Workflow(), a, Revisions({"h1", "h2"}), kNames);
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].state, "approved");
  EXPECT_EQ(s.validated_revision, 2);
}

TEST(Summarize, AChangedTextMakesTheApprovalStaleAndKeepsTheApprovedRevisionValidated) {
  const std::vector<ApprovalRecord> a = {Decision("t-legal", 2, "h2", "approved", 10)};
  const auto s =
      Summarize(Content("legal", 3, "h3"), Workflow(), a, Revisions({"h1", "h2", "h3"}), kNames);
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].state, "stale");
  ASSERT_TRUE(s.teams[0].latest.has_value());
  EXPECT_EQ(s.teams[0].latest->revision, 2);
  EXPECT_EQ(s.validated_revision, 2);
}

TEST(Summarize, TheApprovedTextComingBackIsValidAgainOnTheNewestRevision) {
  const std::vector<ApprovalRecord> a = {Decision("t-legal", 2, "h2", "approved", 10)};
  const auto s = Summarize(Content("legal", 4, "h2"), Workflow(), a,
                           Revisions({"h1", "h2", "h3", "h2"}), kNames);
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].state, "approved");
  EXPECT_EQ(s.validated_revision, 4);
}

TEST(Summarize, ChangesRequestedOnTheCurrentTextValidatesNothing) {
  const std::vector<ApprovalRecord> a = {Decision("t-legal", 1, "h1", "changes_requested", 10)};
  const auto s = Summarize(Content("legal", 1, "h1"), Workflow(), a, Revisions({"h1"}), kNames);
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].state, "changes_requested");
  EXPECT_FALSE(s.validated_revision.has_value());
}

TEST(Summarize, TheTeamsLatestDecisionOnATextCounts) {
  const std::vector<ApprovalRecord> approved_then_not = {
      Decision("t-legal", 1, "h1", "approved", 10),
      Decision("t-legal", 1, "h1", "changes_requested", 11)};
  auto s = Summarize(Content("legal", 1, "h1"), Workflow(), approved_then_not, Revisions({"h1"}),
                     kNames);
  EXPECT_EQ(s.teams.at(0).state, "changes_requested");
  EXPECT_FALSE(s.validated_revision.has_value());

  const std::vector<ApprovalRecord> not_then_approved = {
      Decision("t-legal", 1, "h1", "changes_requested", 10),
      Decision("t-legal", 1, "h1", "approved", 11)};
  s = Summarize(Content("legal", 1, "h1"), Workflow(), not_then_approved, Revisions({"h1"}),
                kNames);
  EXPECT_EQ(s.teams.at(0).state, "approved");
  EXPECT_EQ(s.validated_revision, 1);
}

TEST(Summarize, EveryAskedTeamMustApproveTheSameTextForItToBeValidated) {
  // In "brand", both legal (behind) and brand (current) are asked.
  std::vector<ApprovalRecord> a = {Decision("t-legal", 1, "h1", "approved", 10)};
  auto s = Summarize(Content("brand", 1, "h1"), Workflow(), a, Revisions({"h1"}), kNames);
  ASSERT_EQ(s.teams.size(), 2u);
  EXPECT_EQ(s.teams[0].team_id, "t-legal");
  EXPECT_EQ(s.teams[0].state, "approved");
  EXPECT_EQ(s.teams[1].team_id, "t-brand");
  EXPECT_EQ(s.teams[1].state, "waiting");
  EXPECT_FALSE(s.validated_revision.has_value());

  // Brand approves a later text that legal never saw: still nothing validated.
  a.push_back(Decision("t-brand", 2, "h2", "approved", 11));
  s = Summarize(Content("brand", 2, "h2"), Workflow(), a, Revisions({"h1", "h2"}), kNames);
  EXPECT_EQ(s.teams[0].state, "stale");
  EXPECT_EQ(s.teams[1].state, "approved");
  EXPECT_FALSE(s.validated_revision.has_value());

  a.push_back(Decision("t-legal", 2, "h2", "approved", 12));
  s = Summarize(Content("brand", 2, "h2"), Workflow(), a, Revisions({"h1", "h2"}), kNames);
  EXPECT_EQ(s.validated_revision, 2);
}

TEST(Summarize, AGateAheadOfTheCurrentStatusIsNotAskedYet) {
  const auto s = Summarize(Content("legal", 1, "h1"), Workflow(), {}, Revisions({"h1"}), kNames);
  for (const auto& t : s.teams) EXPECT_NE(t.team_id, "t-brand");
}

TEST(Summarize, AnotherTeamsApprovalDoesNotCount) {
  const std::vector<ApprovalRecord> a = {Decision("t-brand", 1, "h1", "approved", 10)};
  const auto s = Summarize(Content("legal", 1, "h1"), Workflow(), a, Revisions({"h1"}), kNames);
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].state, "waiting");
  EXPECT_FALSE(s.validated_revision.has_value());
}

}  // namespace
}  // namespace copydesk::content
