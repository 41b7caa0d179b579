// The workflow as the domain keeps it: default statuses, gates (blocking, advisory, no
// violations), approvals bound to a revision, locks, editing the workflow and the activity it
// leaves. Built from the factories over a real database, through workflow::Workflow and
// content::Contents; the HTTP contract of the same routes is in tests/api/workflow_test.cpp.
#include "workflow/workflow.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <string>
#include <vector>

#include "support/factories.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using content::ContentInput;
using content::ContentView;
using workflow::StatusInput;

// The default workflow's statuses, by position.
enum Position { kIdea = 0, kWriting, kInternalReview, kLegal, kReady, kPublished };

//! One event of the activity, its data parsed.
struct Event {
  std::string kind;
  std::string actor_id;
  std::string actor_name;
  json::object data;
  std::int64_t seq = 0;
  TimeMs at = 0;
};

std::vector<std::string> Kinds(const std::vector<Event>& events) {
  std::vector<std::string> kinds;
  for (const auto& e : events) kinds.push_back(e.kind);
  return kinds;
}

std::size_t CountKind(const std::vector<Event>& events, const std::string& kind) {
  const auto kinds = Kinds(events);
  return static_cast<std::size_t>(std::count(kinds.begin(), kinds.end(), kind));
}

const Event* LastOfKind(const std::vector<Event>& events, const std::string& kind) {
  const Event* found = nullptr;
  for (const auto& e : events) {
    if (e.kind == kind) found = &e;
  }
  return found;
}

bool ContainsString(const json::value& array, const std::string& value) {
  if (!array.is_array()) return false;
  return std::any_of(array.as_array().begin(), array.as_array().end(),
                     [&](const json::value& v) { return v.is_string() && v.as_string() == value; });
}

//! The state of `team` in a content's approvals summary ("" when not listed).
std::string StateOf(const ContentView& view, const std::string& team) {
  for (const auto& t : view.approvals.teams) {
    if (t.team_id == team) return t.state;
  }
  return "";
}

std::int64_t ValidatedRevision(const ContentView& view) {
  return view.approvals.validated_revision.value_or(0);
}

//! A French workspace with a writer (editor) and a legal reviewer in the Legal team
//! ("Juridique"), and the statuses' ids by position.
struct Desk {
  TestWorld world;
  Workspace ws = world.MakeWorkspace();
  auth::Actor writer = world.MakeMember(ws, "editor");
  auth::Actor legal = world.MakeMember(ws, "reviewer");
  std::string legal_team = world.TeamId(ws, "Juridique");
  std::vector<std::string> status = world.StatusIds(ws);

  Desk() {
    Must(world.workspaces.SetTeamMembers(ws.owner, ws.id, legal_team, {legal.user.id}),
         "setting the legal team");
  }

  //! A new article by the writer.
  std::string Article(const std::string& title = "Tarifs 2025 : ce qui change") {
    return world
        .MakeContent(ws, {.author = &writer,
                          .title = title,
                          .fields = {{"lead", "Les prix baissent de 5 %."}, {"body", "Détails."}}})
        .content.id;
  }

  //! A new article by the writer, moved to "Validation juridique".
  std::string ArticleInLegal(const std::string& title = "Tarifs 2025 : ce qui change") {
    const std::string id = Article(title);
    Must(Move(writer, id, status[kLegal]), "moving into legal validation");
    return id;
  }

  Result<workflow::MoveOutcome> Move(const auth::Actor& who, const std::string& id,
                                     const std::string& to, const std::string& comment = "") {
    return world.workflow.Move(who, id, to, comment, std::nullopt);
  }

  Result<storage::ApprovalRecord> Decide(const auth::Actor& who, const std::string& id,
                                         std::int64_t revision,
                                         const std::string& decision = "approved",
                                         const std::string& comment = "") {
    return world.workflow.Decide(who, id, revision, decision, comment, std::nullopt);
  }

  Result<ContentView> Update(const auth::Actor& who, const std::string& id, ContentInput change) {
    const auto now = Read(id);
    return world.contents.Update(who, id, now.content.version, std::move(change));
  }

  ContentView Read(const std::string& id) { return world.Read(ws, id); }

  std::vector<storage::StatusRecord> Statuses() {
    return Must(world.workflow.Statuses(ws.owner, ws.id), "listing statuses");
  }

  std::vector<std::string> StatusNames() {
    std::vector<std::string> names;
    for (const auto& s : Statuses()) names.push_back(s.name);
    return names;
  }

  //! The workflow as the editor sends it back unchanged.
  std::vector<StatusInput> CurrentStatuses() {
    std::vector<StatusInput> out;
    for (const auto& s : Statuses())
      out.push_back({s.id, s.name, s.color, s.category, content::GateOf(s)});
    return out;
  }

  Result<std::vector<storage::StatusRecord>> Replace(
      const std::vector<StatusInput>& statuses,
      const std::map<std::string, std::string>& move_to = {}) {
    return world.workflow.Replace(ws.owner, ws.id, statuses, move_to);
  }

  //! The content's activity, oldest first (the service lists newest first).
  std::vector<Event> History(const std::string& id) {
    auto events =
        Must(world.workflow.ContentActivity(ws.owner, id, std::nullopt, 500), "reading activity");
    std::vector<Event> out;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
      auto data = json::parse(it->data_json.empty() ? "{}" : it->data_json);
      out.push_back({it->kind, it->actor_id.value_or(""), it->actor_name,
                     data.is_object() ? data.as_object() : json::object{}, it->seq,
                     it->created_at});
    }
    return out;
  }
};

// ---- the default workflow ---------------------------------------------------------------------

TEST(WorkflowDefaults, AFrenchWorkspaceStartsWithTheSixStatusesAndBlockingLegalValidation) {
  Desk d;
  const auto statuses = d.Statuses();
  ASSERT_EQ(statuses.size(), 6u);
  const std::vector<std::string> names = {
      "Idée", "Rédaction", "Relecture interne", "Validation juridique", "Prêt", "Publié"};
  const std::vector<std::string> categories = {"idea",   "in_progress", "review",
                                               "review", "ready",       "published"};
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i].name, names[i]);
    EXPECT_EQ(statuses[i].category, categories[i]);
    EXPECT_EQ(statuses[i].color.size(), 7u);
    if (i != kLegal) {
      EXPECT_FALSE(content::GateOf(statuses[i]).has_value()) << statuses[i].name;
    }
  }
  const auto gate = content::GateOf(statuses[kLegal]);
  ASSERT_TRUE(gate.has_value());
  EXPECT_TRUE(gate->blocking);
  EXPECT_FALSE(gate->no_violations);
  EXPECT_EQ(gate->teams, std::vector<std::string>{d.legal_team});
}

TEST(WorkflowDefaults, AnEnglishWorkspaceStartsWithTheSameWorkflowInEnglish) {
  TestWorld world;
  const auto ws = world.MakeWorkspace({.name = "Northwind Energy", .language = "en"});
  const auto statuses = Must(world.workflow.Statuses(ws.owner, ws.id), "listing statuses");
  std::vector<std::string> names;
  for (const auto& s : statuses) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Idea", "Writing", "Internal review",
                                             "Legal validation", "Ready", "Published"}));
  const auto gate = content::GateOf(statuses.at(kLegal));
  ASSERT_TRUE(gate.has_value());
  EXPECT_EQ(gate->teams, std::vector<std::string>{world.TeamId(ws, "Legal")});
}

TEST(WorkflowDefaults, ANewContentIsInTheFirstStatusWithNothingAskedOrLocked) {
  Desk d;
  const auto c = d.Read(d.Article());
  EXPECT_EQ(c.content.status_id.value_or(""), d.status[kIdea]);
  ASSERT_TRUE(c.status.has_value());
  EXPECT_EQ(c.status->name, "Idée");
  EXPECT_FALSE(c.content.locked_by.has_value());
  EXPECT_FALSE(c.approvals.validated_revision.has_value());
  EXPECT_TRUE(c.approvals.teams.empty());
}

// ---- gates ------------------------------------------------------------------------------------

TEST(WorkflowGates, ATeamAGateAsksCannotBeDeletedUntilTheWorkflowStopsAskingIt) {
  Desk d;
  auto refused = d.world.workspaces.DeleteTeam(d.ws.owner, d.ws.id, d.legal_team);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(ExtraOf(refused.error()).at("statuses").at(0).at("id").as_string(), d.status[kLegal]);
  ASSERT_FALSE(refused.error().fields.empty());
  EXPECT_EQ(refused.error().fields[0].field, "team");
  // The validation still holds: the team and its gate are untouched.
  const std::string id = d.Article();
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kLegal]).ok());
  auto held = d.Move(d.writer, id, d.status[kLegal + 1]);
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().kind, ErrorKind::kConflict);

  // Once the workflow no longer asks it, the team goes.
  auto statuses = d.CurrentStatuses();
  for (auto& s : statuses) s.gate.reset();
  ASSERT_TRUE(d.Replace(statuses).ok());
  EXPECT_TRUE(d.world.workspaces.DeleteTeam(d.ws.owner, d.ws.id, d.legal_team).ok());
}

TEST(WorkflowGates, AnAdvisoryGateLetsTheMoveThroughAndRecordsWhatWasMissing) {
  Desk d;
  const std::string brand =
      Must(d.world.workspaces.CreateTeam(d.ws.owner, d.ws.id, "Marque", std::nullopt), "team").id;
  auto statuses = d.CurrentStatuses();
  statuses[kInternalReview].gate = workflow::Gate{{brand}, false, false};
  Must(d.Replace(statuses), "adding the advisory gate");

  const std::string id = d.Article();
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kInternalReview]).ok());
  auto moved = d.Move(d.writer, id, d.status[kLegal], "Pas le temps d'attendre la marque");
  ASSERT_TRUE(moved.ok()) << Describe(moved.error());
  EXPECT_EQ(moved->content.status_id.value_or(""), d.status[kLegal]);
  ASSERT_EQ(moved->missing_teams.size(), 1u);
  EXPECT_EQ(moved->missing_teams[0].first, brand);
  EXPECT_FALSE(moved->missing_teams[0].second.empty());

  const auto history = d.History(id);
  const auto* event = LastOfKind(history, "content.status_changed");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->data.at("to").as_string(), d.status[kLegal]);
  EXPECT_TRUE(ContainsString(event->data.at("missing_approvals"), brand))
      << json::serialize(event->data);
}

TEST(WorkflowGates, ABlockingGateRefusesTheMoveNamingTheTeam) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  const auto before = d.Read(id);
  auto refused = d.Move(d.writer, id, d.status[kReady]);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  const auto extra = ExtraOf(refused.error());
  ASSERT_EQ(extra.at("missing_approvals").as_array().size(), 1u) << json::serialize(extra);
  EXPECT_EQ(extra.at("missing_approvals").at(0).at("team_id").as_string(), d.legal_team);
  EXPECT_EQ(extra.at("missing_approvals").at(0).at("team_name").as_string(), "Juridique");
  EXPECT_NE(refused.error().detail.find("Juridique"), std::string::npos) << refused.error().detail;

  const auto after = d.Read(id);
  EXPECT_EQ(after.content.status_id.value_or(""), d.status[kLegal]);
  EXPECT_EQ(after.content.version, before.content.version);
  EXPECT_EQ(CountKind(d.History(id), "content.status_changed"), 1u);  // the move into legal only
}

TEST(WorkflowGates, SkippingPastAGatedStatusIsRefusedToo) {
  Desk d;
  const std::string id = d.Article();
  auto refused = d.Move(d.writer, id, d.status[kPublished]);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(ExtraOf(refused.error()).at("missing_approvals").at(0).at("team_id").as_string(),
            d.legal_team);
  EXPECT_EQ(d.Read(id).content.status_id.value_or(""), d.status[kIdea]);
  // Up to the gate itself is fine: the gate asks before leaving.
  EXPECT_TRUE(d.Move(d.writer, id, d.status[kLegal]).ok());
}

TEST(WorkflowGates, ANoViolationsGateHoldsBackATextThatBreaksItsTemplate) {
  Desk d;
  // Writing asks for a text within its template's rules: blocking first, then advisory.
  auto gate_on_writing = [&](bool blocking) {
    auto statuses = d.CurrentStatuses();
    statuses[kWriting].gate = workflow::Gate{{}, true, blocking};
    Must(d.Replace(statuses), "gating writing");
  };
  gate_on_writing(true);
  const auto created = d.world.MakeContent(
      d.ws, {.author = &d.writer,
             .title = "Tarifs",
             .fields = {{"lead", std::string(400, 'a')}}});  // lead: 300 at most
  const std::string id = created.content.id;
  ASSERT_FALSE(created.violations.empty());
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kWriting]).ok());  // into the status: no gate yet
  auto refused = d.Move(d.writer, id, d.status[kInternalReview]);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_TRUE(ExtraOf(refused.error()).at("violations").as_bool());
  EXPECT_TRUE(ExtraOf(refused.error()).at("missing_approvals").as_array().empty());

  // Fixed text moves on.
  ASSERT_TRUE(
      d.Update(d.writer, id, {.fields = json::object{{"lead", "Les prix baissent."}}}).ok());
  EXPECT_TRUE(d.Move(d.writer, id, d.status[kInternalReview]).ok());

  // Advisory: the move goes through and the activity says the rules were set aside.
  gate_on_writing(false);
  const std::string other = d.world
                                .MakeContent(d.ws, {.author = &d.writer,
                                                    .title = "Tarifs bis",
                                                    .fields = {{"lead", std::string(400, 'b')}}})
                                .content.id;
  ASSERT_TRUE(d.Move(d.writer, other, d.status[kWriting]).ok());
  auto through = d.Move(d.writer, other, d.status[kInternalReview]);
  ASSERT_TRUE(through.ok()) << Describe(through.error());
  EXPECT_TRUE(through->violations_ignored);
  const auto history = d.History(other);
  const auto* moved = LastOfKind(history, "content.status_changed");
  ASSERT_NE(moved, nullptr);
  EXPECT_TRUE(moved->data.at("violations_ignored").as_bool()) << json::serialize(moved->data);
}

TEST(WorkflowGates, AnArchivedContentIsNeitherMovedNorDecidedOn) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  const auto revision = d.Read(id).content.revision;
  Must(d.world.contents.SetArchived(d.ws.owner, id, true), "archiving");
  auto moved = d.Move(d.writer, id, d.status[kWriting]);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().kind, ErrorKind::kConflict);
  auto decided = d.Decide(d.legal, id, revision);
  ASSERT_FALSE(decided.ok());
  EXPECT_EQ(decided.error().kind, ErrorKind::kConflict);
  Must(d.world.contents.SetArchived(d.ws.owner, id, false), "unarchiving");
  EXPECT_TRUE(d.Decide(d.legal, id, revision).ok());
}

TEST(WorkflowGates, MovingBackwardsIsAlwaysAllowed) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(
      d.Decide(d.legal, id, 1, "changes_requested", "Le chiffre de 5 % doit être sourcé.").ok());
  auto back = d.Move(d.writer, id, d.status[kWriting], "Je corrige");
  ASSERT_TRUE(back.ok()) << Describe(back.error());
  EXPECT_EQ(back->content.status_id.value_or(""), d.status[kWriting]);
  EXPECT_TRUE(back->missing_teams.empty());
  EXPECT_TRUE(d.Move(d.writer, id, d.status[kIdea]).ok());
}

TEST(WorkflowGates, ChangesRequestedHoldsABlockingGateShut) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1, "changes_requested", "Source manquante").ok());
  EXPECT_EQ(StateOf(d.Read(id), d.legal_team), "changes_requested");
  auto refused = d.Move(d.writer, id, d.status[kReady]);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(ExtraOf(refused.error()).at("missing_approvals").at(0).at("team_id").as_string(),
            d.legal_team);
}

TEST(WorkflowGates, TheTeamsLatestDecisionCountsEvenWithinTheSameMoment) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  // Decisions given back to back often share a millisecond; the later one must still win.
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(d.Decide(d.legal, id, 1, "approved").ok());
    ASSERT_TRUE(d.Decide(d.legal, id, 1, "changes_requested").ok());
    ASSERT_EQ(StateOf(d.Read(id), d.legal_team), "changes_requested") << "round " << i;
    ASSERT_FALSE(d.Move(d.writer, id, d.status[kReady]).ok()) << "round " << i;
  }
  ASSERT_TRUE(d.Decide(d.legal, id, 1, "approved").ok());
  EXPECT_EQ(StateOf(d.Read(id), d.legal_team), "approved");
  EXPECT_TRUE(d.Move(d.writer, id, d.status[kReady]).ok());
}

TEST(WorkflowGates, EditorsMoveContentsAndAReviewerOnlyFromTheStatusTheirTeamIsAskedIn) {
  Desk d;
  const auto outside_reviewer = d.world.MakeMember(d.ws, "reviewer", "Paul reviewer");
  const std::string id = d.Article();
  // Nobody asked a reviewer anything yet: they may not move it.
  auto early = d.Move(d.legal, id, d.status[kWriting]);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().kind, ErrorKind::kForbidden);
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kLegal]).ok());
  auto outside = d.Move(outside_reviewer, id, d.status[kReady]);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().kind, ErrorKind::kForbidden);
  // The legal reviewer approves and sends it on.
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  auto moved = d.Move(d.legal, id, d.status[kReady], "Validé");
  ASSERT_TRUE(moved.ok()) << Describe(moved.error());
  EXPECT_EQ(moved->content.status_id.value_or(""), d.status[kReady]);
  EXPECT_EQ(d.Read(id).content.status_id.value_or(""), d.status[kReady]);
}

TEST(WorkflowGates, AMoveToAStatusOfAnotherWorkspaceIsRefusedNamingTheField) {
  Desk d;
  const auto elsewhere = d.world.MakeWorkspace({.name = "Agence Lumière"});
  const std::string foreign = d.world.StatusIds(elsewhere).at(kReady);
  const std::string id = d.Article();
  auto r = d.Move(d.writer, id, foreign);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kUnprocessable);
  EXPECT_TRUE(NamesField(r.error(), "status")) << Describe(r.error());
  EXPECT_EQ(d.Read(id).content.status_id.value_or(""), d.status[kIdea]);
}

TEST(WorkflowGates, AnEditBasedOnTheVersionAMoveAnsweredStillMergesWithAnotherEdit) {
  Desk d;
  const std::string id = d.Article();
  const std::int64_t base =
      Must(d.Move(d.writer, id, d.status[kWriting]), "moving").content.version;
  ASSERT_TRUE(d.world.contents.Update(d.ws.owner, id, base, {.title = "Le titre de Chloé"}).ok());
  // The writer saves the lead on top of the version the move gave them: different fields merge.
  auto saved = d.world.contents.Update(
      d.writer, id, base, {.fields = json::object{{"lead", "Le chapô du rédacteur."}}});
  ASSERT_TRUE(saved.ok()) << Describe(saved.error());
  EXPECT_EQ(saved->content.title, "Le titre de Chloé");
  EXPECT_EQ(FieldOf(saved->content.fields_json, "lead"), "Le chapô du rédacteur.");
}

// ---- approvals --------------------------------------------------------------------------------

TEST(WorkflowApprovals, AMemberOfTheAskedTeamApprovesTheCurrentRevision) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  auto approved = d.Decide(d.legal, id, 1, "approved", "Conforme.");
  ASSERT_TRUE(approved.ok()) << Describe(approved.error());
  EXPECT_EQ(approved->revision, 1);
  EXPECT_EQ(approved->decision, "approved");
  EXPECT_EQ(approved->team_id.value_or(""), d.legal_team);
  EXPECT_EQ(approved->user_id.value_or(""), d.legal.user.id);

  const auto c = d.Read(id);
  EXPECT_EQ(StateOf(c, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(c), 1);
  const auto [list, summary] = Must(d.world.workflow.Approvals(d.writer, id), "approvals");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_FALSE(list[0].stale);
  EXPECT_EQ(summary.validated_revision.value_or(0), 1);
}

TEST(WorkflowApprovals, AnOwnerWhoIsNotInTheTeamCannotApproveForIt) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  auto refused = d.Decide(d.ws.owner, id, 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  const auto other_reviewer = d.world.MakeMember(d.ws, "reviewer", "Paul reviewer");
  auto other = d.Decide(other_reviewer, id, 1);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::kForbidden);
  // Naming the team does not help either.
  auto named = d.world.workflow.Decide(d.ws.owner, id, 1, "approved", "", d.legal_team);
  ASSERT_FALSE(named.ok());
  EXPECT_EQ(named.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(Must(d.world.workflow.Approvals(d.ws.owner, id), "approvals").first.empty());
  EXPECT_EQ(StateOf(d.Read(id), d.legal_team), "waiting");
}

TEST(WorkflowApprovals, ApprovingAnOldRevisionIsAConflict) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  // Another author's edit opens revision 2.
  ASSERT_TRUE(
      d.Update(d.ws.owner, id, {.fields = json::object{{"lead", "Les prix baissent de 4 %."}}})
          .ok());
  ASSERT_EQ(d.Read(id).content.revision, 2);
  auto refused = d.Decide(d.legal, id, 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_TRUE(NamesField(refused.error(), "revision")) << Describe(refused.error());
  EXPECT_EQ(StateOf(d.Read(id), d.legal_team), "waiting");
  EXPECT_TRUE(d.Decide(d.legal, id, 2).ok());
}

TEST(WorkflowApprovals, EditingTheTitleAfterApprovalMakesItStale) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  ASSERT_TRUE(d.Update(d.writer, id, {.title = "Tarifs 2025 : tout ce qui change"}).ok());

  const auto c = d.Read(id);
  EXPECT_EQ(c.content.revision, 2);
  EXPECT_EQ(StateOf(c, d.legal_team), "stale");
  EXPECT_EQ(ValidatedRevision(c), 1);
  const auto list = Must(d.world.workflow.Approvals(d.writer, id), "approvals").first;
  ASSERT_FALSE(list.empty());
  EXPECT_TRUE(list[0].stale);
  const auto history = d.History(id);
  const auto* stale = LastOfKind(history, "approval.stale");
  ASSERT_NE(stale, nullptr);
  EXPECT_TRUE(ContainsString(stale->data.at("teams"), d.legal_team))
      << json::serialize(stale->data);
  EXPECT_EQ(stale->data.at("revision"), json::value(2));
}

TEST(WorkflowApprovals, EditingAFieldAfterApprovalMakesItStale) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  ASSERT_TRUE(
      d.Update(d.writer, id, {.fields = json::object{{"lead", "Les prix baissent de 7 %."}}}).ok());
  const auto c = d.Read(id);
  EXPECT_EQ(StateOf(c, d.legal_team), "stale");
  EXPECT_EQ(ValidatedRevision(c), 1);
  EXPECT_EQ(CountKind(d.History(id), "approval.stale"), 1u);
  EXPECT_FALSE(d.Move(d.writer, id, d.status[kReady]).ok());
}

TEST(WorkflowApprovals, ASaveThatChangesNothingKeepsTheApproval) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  const auto c = d.Read(id);
  auto saved = d.Update(d.writer, id,
                        {.title = c.content.title,
                         .fields = json::object{{"lead", FieldOf(c.content.fields_json, "lead")}}});
  ASSERT_TRUE(saved.ok()) << Describe(saved.error());
  const auto after = d.Read(id);
  EXPECT_EQ(after.content.revision, 1);
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(after), 1);
  EXPECT_EQ(CountKind(d.History(id), "approval.stale"), 0u);
}

TEST(WorkflowApprovals, AMetadataChangeKeepsTheApproval) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  const TimeMs pi_day_2025 = 1741910400000;  // 2025-03-14
  auto saved = d.Update(d.writer, id,
                        {.tags = std::vector<std::string>{"tarifs", "2025"},
                         .due_at = std::optional<TimeMs>(pi_day_2025)});
  ASSERT_TRUE(saved.ok()) << Describe(saved.error());
  const auto after = d.Read(id);
  EXPECT_EQ(after.content.tags.size(), 2u);
  EXPECT_EQ(after.content.revision, 1);
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(after), 1);
  EXPECT_EQ(CountKind(d.History(id), "approval.stale"), 0u);
  EXPECT_TRUE(d.Move(d.writer, id, d.status[kReady]).ok());
}

TEST(WorkflowApprovals, RestoringTheApprovedRevisionMakesItValidAgain) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  ASSERT_TRUE(
      d.Update(d.writer, id, {.fields = json::object{{"lead", "Les prix baissent de 9 %."}}}).ok());
  ASSERT_EQ(StateOf(d.Read(id), d.legal_team), "stale");

  const auto after = Must(d.world.contents.Restore(d.writer, id, 1), "restoring");
  EXPECT_EQ(after.content.revision, 3);
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(after), 3);
  const auto list = Must(d.world.workflow.Approvals(d.writer, id), "approvals").first;
  ASSERT_FALSE(list.empty());
  EXPECT_FALSE(list[0].stale);
  EXPECT_TRUE(d.Move(d.writer, id, d.status[kReady]).ok());
}

TEST(WorkflowApprovals, ApprovingSealsTheRevisionSoTheNextSaveOpensANewOne) {
  Desk d;
  // Without an approval, the writer's quick second save refines their working revision...
  const std::string control = d.Article("Brouillon");
  ASSERT_TRUE(d.Update(d.writer, control, {.fields = json::object{{"lead", "Autre chapô"}}}).ok());
  ASSERT_EQ(d.Read(control).content.revision, 1);

  // ...with one, the approved text stays exactly as approved.
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  EXPECT_TRUE(Must(d.world.contents.Revision(d.writer, id, 1), "revision 1").sealed);
  ASSERT_TRUE(d.Update(d.writer, id, {.fields = json::object{{"lead", "Autre chapô"}}}).ok());
  EXPECT_EQ(d.Read(id).content.revision, 2);
  const auto approved = Must(d.world.contents.Revision(d.writer, id, 1), "revision 1");
  EXPECT_EQ(FieldOf(approved.fields_json, "lead"), "Les prix baissent de 5 %.");
}

// ---- locks ------------------------------------------------------------------------------------

TEST(WorkflowLocks, ALockedContentRefusesEditsSayingWhyAndWho) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1).ok());
  const std::string reason = "Doit être publié exactement tel que validé par le juridique";
  const auto locked = Must(d.world.workflow.Lock(d.legal, id, reason), "locking");
  EXPECT_EQ(locked.locked_by.value_or(""), d.legal.user.id);
  EXPECT_EQ(locked.locked_reason.value_or(""), reason);

  const auto c = d.Read(id);
  auto patch = d.Update(d.writer, id, {.fields = json::object{{"lead", "Modifié"}}});
  ASSERT_FALSE(patch.ok());
  EXPECT_EQ(patch.error().kind, ErrorKind::kLocked);
  const auto extra = ExtraOf(patch.error());
  EXPECT_EQ(extra.at("reason").as_string(), reason);
  EXPECT_EQ(extra.at("locked_by").at("id").as_string(), d.legal.user.id);
  EXPECT_EQ(extra.at("locked_by").at("name").as_string(), "Claire reviewer");
  EXPECT_NE(patch.error().detail.find(reason), std::string::npos);

  auto restore = d.world.contents.Restore(d.ws.owner, id, 1);
  ASSERT_FALSE(restore.ok());
  EXPECT_EQ(restore.error().kind, ErrorKind::kLocked);

  const auto after = d.Read(id);
  EXPECT_EQ(after.content.version, c.content.version);
  EXPECT_EQ(FieldOf(after.content.fields_json, "lead"), "Les prix baissent de 5 %.");
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  const auto history = d.History(id);
  const auto* event = LastOfKind(history, "content.locked");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->data.at("reason").as_string(), reason);
}

TEST(WorkflowLocks, UnlockingRestoresEditing) {
  Desk d;
  const std::string id = d.Article();
  ASSERT_TRUE(d.world.workflow.Lock(d.ws.owner, id, "Gel avant impression").ok());
  auto refused = d.Update(d.writer, id, {.title = "Nouveau titre"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kLocked);

  const auto unlocked = Must(d.world.workflow.Unlock(d.ws.owner, id), "unlocking");
  EXPECT_FALSE(unlocked.locked_by.has_value());
  auto patch = d.Update(d.writer, id, {.title = "Nouveau titre"});
  ASSERT_TRUE(patch.ok()) << Describe(patch.error());
  EXPECT_EQ(patch->content.title, "Nouveau titre");
  const auto kinds = Kinds(d.History(id));
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "content.unlocked"), kinds.end());
}

TEST(WorkflowLocks, AnEditBasedOnTheVersionAnUnlockAnsweredStillMergesWithAnotherEdit) {
  Desk d;
  const std::string id = d.Article();
  ASSERT_TRUE(d.world.workflow.Lock(d.ws.owner, id, "Relecture").ok());
  const std::int64_t base = Must(d.world.workflow.Unlock(d.ws.owner, id), "unlocking").version;
  ASSERT_TRUE(d.world.contents.Update(d.ws.owner, id, base, {.title = "Le titre de Chloé"}).ok());
  auto saved = d.world.contents.Update(
      d.writer, id, base, {.fields = json::object{{"lead", "Le chapô du rédacteur."}}});
  ASSERT_TRUE(saved.ok()) << Describe(saved.error());
  EXPECT_EQ(saved->content.title, "Le titre de Chloé");
  EXPECT_EQ(FieldOf(saved->content.fields_json, "lead"), "Le chapô du rédacteur.");
}

TEST(WorkflowLocks, AnAdminOrAReviewerOfAnAskedTeamMayLockButNeitherTheOwnerNorAPlainEditor) {
  Desk d;
  const auto admin = d.world.MakeMember(d.ws, "admin");
  const auto editor = d.world.MakeMember(d.ws, "editor", "Paul editor");
  const std::string id = d.Article();  // owned by the writer, in Idée
  auto& wf = d.world.workflow;
  auto expect_forbidden = [](const auto& result, const char* what) {
    ASSERT_FALSE(result.ok()) << what;
    EXPECT_EQ(result.error().kind, ErrorKind::kForbidden) << what;
  };

  expect_forbidden(wf.Lock(editor, id, "Je bloque"), "a plain editor locks");
  expect_forbidden(wf.Lock(d.legal, id, "Pas encore mon tour"), "a reviewer not asked yet locks");
  expect_forbidden(wf.Unlock(editor, id), "a plain editor unlocks");
  EXPECT_FALSE(d.Read(id).content.locked_by.has_value());

  // Owning the content gives nothing on locks (docs/permissions.md): not to set one, nor to
  // lift an admin's.
  expect_forbidden(wf.Lock(d.writer, id, "Le propriétaire"), "the owner locks");
  EXPECT_TRUE(wf.Lock(admin, id, "L'admin").ok());
  expect_forbidden(wf.Unlock(d.writer, id), "the owner lifts an admin's lock");
  EXPECT_TRUE(wf.Unlock(admin, id).ok());
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kLegal]).ok());
  EXPECT_TRUE(wf.Lock(d.legal, id, "Validé tel quel").ok());
  EXPECT_EQ(d.Read(id).content.locked_by.value_or(""), d.legal.user.id);
}

TEST(WorkflowLocks, ALockNeedsAReason) {
  Desk d;
  const std::string id = d.Article();
  auto r = d.world.workflow.Lock(d.ws.owner, id, "   ");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kUnprocessable);
  EXPECT_TRUE(NamesField(r.error(), "reason")) << Describe(r.error());
  EXPECT_FALSE(d.Read(id).content.locked_by.has_value());
}

// ---- editing the workflow ---------------------------------------------------------------------

TEST(WorkflowEditing, DeletingAStatusInUseWithoutADestinationIsRefusedAndChangesNothing) {
  Desk d;
  const std::string a = d.Article("Un"), b = d.Article("Deux");
  ASSERT_TRUE(d.Move(d.writer, a, d.status[kWriting]).ok());
  ASSERT_TRUE(d.Move(d.writer, b, d.status[kWriting]).ok());
  auto statuses = d.CurrentStatuses();
  statuses.erase(statuses.begin() + kWriting);
  statuses[0].name = "Idées";  // a rename in the same request must not be kept either
  auto refused = d.Replace(statuses);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  const auto extra = ExtraOf(refused.error());
  EXPECT_EQ(extra.at("contents"), json::value(2)) << json::serialize(extra);
  EXPECT_EQ(extra.at("status_id").as_string(), d.status[kWriting]);
  EXPECT_TRUE(NamesField(refused.error(), "move_to." + d.status[kWriting]))
      << Describe(refused.error());

  EXPECT_EQ(d.StatusNames().size(), 6u);
  EXPECT_EQ(d.StatusNames().at(0), "Idée");
  EXPECT_EQ(d.Read(a).content.status_id.value_or(""), d.status[kWriting]);
  EXPECT_EQ(d.Read(b).content.status_id.value_or(""), d.status[kWriting]);
}

TEST(WorkflowEditing, DeletingAStatusInUseMovesItsContentsWhereMoveToSays) {
  Desk d;
  const std::string a = d.Article("Un"), b = d.Article("Deux");
  ASSERT_TRUE(d.Move(d.writer, a, d.status[kWriting]).ok());
  ASSERT_TRUE(d.Move(d.writer, b, d.status[kWriting]).ok());
  auto statuses = d.CurrentStatuses();
  statuses.erase(statuses.begin() + kWriting);
  auto replaced = d.Replace(statuses, {{d.status[kWriting], d.status[kInternalReview]}});
  ASSERT_TRUE(replaced.ok()) << Describe(replaced.error());
  ASSERT_EQ(replaced->size(), 5u);
  for (const auto& s : *replaced) EXPECT_NE(s.id, d.status[kWriting]);
  for (const auto& id : {a, b}) {
    const auto c = d.Read(id);
    EXPECT_EQ(c.content.status_id.value_or(""), d.status[kInternalReview]);
    ASSERT_TRUE(c.status.has_value());
    EXPECT_EQ(c.status->name, "Relecture interne");
  }
  // Every content stays listed, in a status that exists.
  const auto list = Must(d.world.contents.List(d.writer, d.ws.id, {}), "listing");
  EXPECT_EQ(list.items.size(), 2u);
}

TEST(WorkflowEditing, AContentMovedOutOfADeletedStatusRecordsTheMove) {
  Desk d;
  const std::string id = d.Article();
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kWriting]).ok());
  const auto before = d.Read(id);
  auto statuses = d.CurrentStatuses();
  statuses.erase(statuses.begin() + kWriting);
  ASSERT_TRUE(d.Replace(statuses, {{d.status[kWriting], d.status[kIdea]}}).ok());
  const auto after = d.Read(id);
  // Clients holding the old version see a change.
  EXPECT_GT(after.content.version, before.content.version);
  const auto history = d.History(id);
  const auto* event = LastOfKind(history, "content.status_changed");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->data.at("from").as_string(), d.status[kWriting]);
  EXPECT_EQ(event->data.at("to").as_string(), d.status[kIdea]);
  EXPECT_EQ(event->actor_id, d.ws.owner.user.id);
}

TEST(WorkflowEditing, AnAdminRenamesRecoloursReordersAndAddsStatuses) {
  Desk d;
  auto statuses = d.CurrentStatuses();
  statuses[kIdea].name = "Piste";
  statuses[kIdea].color = "#123abc";
  std::swap(statuses[kWriting], statuses[kInternalReview]);
  statuses.push_back({std::nullopt, "Archivé", "#000000", "published", std::nullopt});
  auto replaced = d.Replace(statuses);
  ASSERT_TRUE(replaced.ok()) << Describe(replaced.error());
  const std::vector<std::string> names = {
      "Piste",  "Relecture interne", "Rédaction", "Validation juridique", "Prêt", "Publié",
      "Archivé"};
  EXPECT_EQ(d.StatusNames(), names);
  EXPECT_EQ(d.Statuses().at(0).color, "#123abc");
  EXPECT_EQ(d.Statuses().at(0).id, d.status[kIdea]);  // kept, not replaced
}

TEST(WorkflowEditing, OnlyAdminsChangeTheWorkflow) {
  Desk d;
  auto r = d.world.workflow.Replace(d.writer, d.ws.id, d.CurrentStatuses(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kForbidden);
}

TEST(WorkflowEditing, AnInvalidWorkflowIsRefusedNamingTheStatusAndNothingChanges) {
  Desk d;
  struct BadWorkflow {
    const char* what;
    std::function<void(std::vector<StatusInput>&, const std::string& missing_team)> spoil;
    const char* field;
  };
  const std::vector<BadWorkflow> cases = {
      {"duplicate name", [](auto& s, const std::string&) { s[2].name = "rédaction"; },
       "statuses[2].name"},
      {"empty name", [](auto& s, const std::string&) { s[1].name = "  "; }, "statuses[1].name"},
      {"bad colour", [](auto& s, const std::string&) { s[0].color = "red"; }, "statuses[0].color"},
      {"colour not hex", [](auto& s, const std::string&) { s[0].color = "#12345g"; },
       "statuses[0].color"},
      {"bad category", [](auto& s, const std::string&) { s[4].category = "done"; },
       "statuses[4].category"},
      {"unknown team",
       [](auto& s, const std::string& team) {
         s[3].gate = workflow::Gate{{team}, false, true};
       },
       "statuses[3].gate.teams[0]"},
      {"unknown status id", [](auto& s, const std::string&) { s[5].id = "nope"; },
       "statuses[5].id"},
  };
  // A team of another workspace is as unknown as a made-up one.
  const auto elsewhere = d.world.MakeWorkspace({.name = "Agence Lumière"});
  const std::string foreign_team =
      Must(d.world.workspaces.CreateTeam(elsewhere.owner, elsewhere.id, "Legal", std::nullopt),
           "foreign team")
          .id;
  const auto before = d.Statuses();
  for (const auto& c : cases) {
    auto statuses = d.CurrentStatuses();
    c.spoil(statuses, foreign_team);
    auto r = d.Replace(statuses);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.error().kind, ErrorKind::kUnprocessable) << c.what;
    EXPECT_TRUE(NamesField(r.error(), c.field)) << c.what << ": " << Describe(r.error());
    const auto after = d.Statuses();
    ASSERT_EQ(after.size(), before.size()) << c.what;
    for (std::size_t i = 0; i < after.size(); ++i) {
      EXPECT_EQ(after[i].id, before[i].id) << c.what;
      EXPECT_EQ(after[i].name, before[i].name) << c.what;
      EXPECT_EQ(after[i].color, before[i].color) << c.what;
      EXPECT_EQ(after[i].category, before[i].category) << c.what;
      EXPECT_EQ(after[i].position, before[i].position) << c.what;
      EXPECT_EQ(after[i].gate_teams_json, before[i].gate_teams_json) << c.what;
      EXPECT_EQ(after[i].gate_blocking, before[i].gate_blocking) << c.what;
      EXPECT_EQ(after[i].gate_no_violations, before[i].gate_no_violations) << c.what;
    }
  }
}

// ---- activity ---------------------------------------------------------------------------------

TEST(WorkflowActivity, AContentsActivityListsEachChangeWithActorRevisionAndDetails) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_TRUE(d.Decide(d.legal, id, 1, "approved", "OK pour moi").ok());
  const auto history = d.History(id);
  const std::vector<std::string> kinds = {"content.created", "content.status_changed",
                                          "approval.given"};
  EXPECT_EQ(Kinds(history), kinds);
  ASSERT_EQ(history.size(), 3u);
  const auto& approval = history.at(2);
  EXPECT_EQ(approval.actor_id, d.legal.user.id);
  EXPECT_EQ(approval.actor_name, "Claire reviewer");
  EXPECT_EQ(approval.data.at("revision"), json::value(1));
  EXPECT_EQ(approval.data.at("team").as_string(), d.legal_team);
  EXPECT_EQ(approval.data.at("comment").as_string(), "OK pour moi");
  EXPECT_GT(approval.at, 0);
  EXPECT_EQ(history.at(1).data.at("to").as_string(), d.status[kLegal]);
  EXPECT_LT(history.at(0).seq, history.at(1).seq);
}

// ---- the story of issue 5 ---------------------------------------------------------------------

TEST(WorkflowStory, LegalValidatesTheWriterEditsTheApprovalGoesStaleAndReadyWaitsForANewApproval) {
  Desk d;
  // The writer drafts an article and sends it to legal validation.
  const std::string id = d.Article("Offre Soleil : -10 % sur l'abonnement");
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kWriting]).ok());
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kLegal], "Pour validation").ok());
  auto c = d.Read(id);
  EXPECT_EQ(StateOf(c, d.legal_team), "waiting");

  // The legal reviewer approves revision 1.
  auto approved =
      d.Decide(d.legal, id, c.content.revision, "approved", "Mentions légales conformes.");
  ASSERT_TRUE(approved.ok()) << Describe(approved.error());
  c = d.Read(id);
  EXPECT_EQ(StateOf(c, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(c), 1);

  // The writer edits the lead: revision 2, the approval is stale, revision 1 stays the validated
  // one.
  ASSERT_TRUE(
      d.Update(d.writer, id, {.fields = json::object{{"lead", "Les prix baissent de 10 %."}}})
          .ok());
  c = d.Read(id);
  EXPECT_EQ(c.content.revision, 2);
  EXPECT_EQ(StateOf(c, d.legal_team), "stale");
  EXPECT_EQ(ValidatedRevision(c), 1);
  bool lead_changed = false;
  for (const auto& f : Must(d.world.contents.Diff(d.writer, id, 1, 2), "diff")) {
    if (f.field == "lead") lead_changed = f.changed;
  }
  EXPECT_TRUE(lead_changed);

  // Ready is refused until the reviewer approves the new text.
  auto refused = d.Move(d.writer, id, d.status[kReady]);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(ExtraOf(refused.error()).at("missing_approvals").at(0).at("team_id").as_string(),
            d.legal_team);
  ASSERT_TRUE(d.Decide(d.legal, id, 2, "approved", "Nouveau chiffre vérifié.").ok());
  ASSERT_TRUE(d.Move(d.writer, id, d.status[kReady]).ok());
  const auto ready = d.Read(id);
  EXPECT_EQ(ValidatedRevision(ready), 2);
  EXPECT_EQ(StateOf(ready, d.legal_team), "approved");

  // The activity tells the story in order. The edit comes first, then what it did to the
  // approval.
  const auto history = d.History(id);
  const std::vector<std::string> kinds = {"content.created",        "content.status_changed",
                                          "content.status_changed", "approval.given",
                                          "content.updated",        "approval.stale",
                                          "approval.given",         "content.status_changed"};
  EXPECT_EQ(Kinds(history), kinds);
  ASSERT_EQ(history.size(), kinds.size());
  EXPECT_EQ(history.at(3).data.at("revision"), json::value(1));
  EXPECT_EQ(history.at(4).data.at("revision"), json::value(2));
  EXPECT_EQ(history.at(5).data.at("revision"), json::value(2));
  EXPECT_EQ(history.at(6).data.at("revision"), json::value(2));
  EXPECT_EQ(history.at(7).data.at("to").as_string(), d.status[kReady]);
  for (std::size_t i = 1; i < history.size(); ++i) {
    EXPECT_LT(history.at(i - 1).seq, history.at(i).seq);
  }
}

}  // namespace
}  // namespace copydesk::testing
