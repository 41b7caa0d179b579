// Workflow over real HTTP: statuses, gates, approvals bound to a revision, locks and the activity.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

// The default workflow's statuses, by position.
enum Position { kIdea = 0, kWriting, kInternalReview, kLegal, kReady, kPublished };

std::string WorkflowPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id + "/workflow";
}
std::string TeamsPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id + "/teams";
}
std::string ActivityPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id + "/activity";
}

json::array Statuses(Person& p) {
  auto r = p.client.Get(WorkflowPath(p));
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.at("statuses").as_array() : json::array{};
}

std::vector<std::string> StatusNames(Person& p) {
  std::vector<std::string> names;
  for (const auto& s : Statuses(p)) names.push_back(Str(s.at("name")));
  return names;
}

std::string TeamId(Person& p, const std::string& name) {
  auto r = p.client.Get(TeamsPath(p));
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& t : r.Json().at("items").as_array()) {
    if (t.at("name").as_string() == name) return Str(t.at("id"));
  }
  ADD_FAILURE() << "no team " << name << " in " << r.body;
  return "";
}

std::string CreateTeam(Person& admin, const std::string& name,
                       const std::vector<std::string>& members) {
  json::array ids;
  for (const auto& m : members) ids.push_back(json::string(m));
  auto r = admin.client.Post(TeamsPath(admin), {{"name", name}, {"members", ids}});
  EXPECT_EQ(r.status, 201) << r.body;
  return Str(r.Json().at("id"));
}

void SetTeamMembers(Person& admin, const std::string& team,
                    const std::vector<std::string>& members) {
  json::array ids;
  for (const auto& m : members) ids.push_back(json::string(m));
  auto r = admin.client.Put(TeamsPath(admin) + "/" + team + "/members", ids);
  ASSERT_EQ(r.status, 200) << r.body;
}

HttpResponse Move(Person& p, const std::string& id, const std::string& status,
                  const std::string& comment = "") {
  json::object body{{"status", status}};
  if (!comment.empty()) body["comment"] = comment;
  return p.client.Post(ContentPath(id) + "/status", body);
}

HttpResponse Decide(Person& p, const std::string& id, std::int64_t revision,
                    const std::string& decision = "approved", const std::string& comment = "") {
  json::object body{{"revision", revision}, {"decision", decision}};
  if (!comment.empty()) body["comment"] = comment;
  return p.client.Post(ContentPath(id) + "/approvals", body);
}

//! The content's activity, oldest first (the API lists newest first).
json::array History(Person& p, const std::string& id) {
  auto r = p.client.Get(ContentPath(id) + "/activity");
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  json::array items = j.is_object() ? j.at("items").as_array() : json::array{};
  std::reverse(items.begin(), items.end());
  return items;
}

std::vector<std::string> Kinds(const json::array& events) {
  std::vector<std::string> kinds;
  for (const auto& e : events) kinds.push_back(Str(e.at("kind")));
  return kinds;
}

std::size_t CountKind(const json::array& events, const std::string& kind) {
  const auto kinds = Kinds(events);
  return static_cast<std::size_t>(std::count(kinds.begin(), kinds.end(), kind));
}

const json::object* LastOfKind(const json::array& events, const std::string& kind) {
  const json::object* found = nullptr;
  for (const auto& e : events) {
    if (e.at("kind").as_string() == kind) found = &e.as_object();
  }
  return found;
}

bool ContainsString(const json::value& array, const std::string& value) {
  if (!array.is_array()) return false;
  for (const auto& v : array.as_array()) {
    if (v.is_string() && v.as_string() == value) return true;
  }
  return false;
}

//! The state of `team` in a content's approvals summary ("" when not listed).
std::string StateOf(const json::object& content, const std::string& team) {
  for (const auto& t : content.at("approvals").as_array()) {
    if (t.at("team_id").as_string() == team) return Str(t.at("state"));
  }
  return "";
}

json::value ValidatedRevision(const json::object& content) {
  return content.at("validated_revision");
}

//! The default (French) workspace with a writer (editor), a legal reviewer in the Legal team
//! ("Juridique"), and the statuses' ids by position.
struct Desk {
  TestServer server;
  Person owner = MakeOwner(server);
  Person writer = MakeMember(server, owner, "editor");
  Person legal = MakeMember(server, owner, "reviewer");
  std::string legal_team;
  std::vector<std::string> status;

  Desk() {
    legal_team = TeamId(owner, "Juridique");
    SetTeamMembers(owner, legal_team, {legal.user_id});
    for (const auto& s : Statuses(owner)) status.push_back(Str(s.at("id")));
  }

  //! A new article by the writer.
  std::string Article(const std::string& title = "Tarifs 2025 : ce qui change") {
    auto created =
        CreateArticle(writer, title, {{"lead", "Les prix baissent de 5 %."}, {"body", "Détails."}});
    return Str(created.at("id"));
  }

  //! A new article by the writer, moved to "Validation juridique".
  std::string ArticleInLegal(const std::string& title = "Tarifs 2025 : ce qui change") {
    const std::string id = Article(title);
    auto moved = Move(writer, id, status[kLegal]);
    EXPECT_EQ(moved.status, 200) << moved.body;
    return id;
  }

  //! The body to PUT to keep the workflow as it is: what GET answered, as it is.
  json::array CurrentStatuses() { return Statuses(owner); }
};

// ---- the default workflow ---------------------------------------------------------------------

TEST(WorkflowDefaults, AFrenchWorkspaceStartsWithTheSixStatusesAndBlockingLegalValidation) {
  TestServer server;
  Person owner = MakeOwner(server);  // a French workspace
  const auto statuses = Statuses(owner);
  ASSERT_EQ(statuses.size(), 6u);
  const std::vector<std::string> names = {
      "Idée", "Rédaction", "Relecture interne", "Validation juridique", "Prêt", "Publié"};
  const std::vector<std::string> categories = {"idea",   "in_progress", "review",
                                               "review", "ready",       "published"};
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i].at("name").as_string(), names[i]);
    EXPECT_EQ(statuses[i].at("category").as_string(), categories[i]);
    EXPECT_EQ(statuses[i].at("color").as_string().size(), 7u);
    if (i != kLegal) EXPECT_TRUE(statuses[i].at("gate").is_null()) << statuses[i];
  }
  const auto& gate = statuses[kLegal].at("gate");
  ASSERT_TRUE(gate.is_object());
  EXPECT_EQ(gate.at("blocking").as_bool(), true);
  EXPECT_EQ(gate.at("no_violations").as_bool(), false);
  ASSERT_EQ(gate.at("teams").as_array().size(), 1u);
  EXPECT_EQ(Str(gate.at("teams").at(0)), TeamId(owner, "Juridique"));
}

TEST(WorkflowDefaults, AnEnglishWorkspaceStartsWithTheSameWorkflowInEnglish) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto created =
      owner.client.Post("/api/v1/workspaces", {{"name", "Northwind Energy"}, {"language", "en"}});
  ASSERT_EQ(created.status, 201) << created.body;
  owner.workspace_id = Str(created.Json().at("id"));
  const std::vector<std::string> names = {
      "Idea", "Writing", "Internal review", "Legal validation", "Ready", "Published"};
  EXPECT_EQ(StatusNames(owner), names);
  const auto statuses = Statuses(owner);
  ASSERT_TRUE(statuses.at(kLegal).at("gate").is_object());
  EXPECT_EQ(Str(statuses.at(kLegal).at("gate").at("teams").at(0)), TeamId(owner, "Legal"));
}

TEST(WorkflowDefaults, ANewContentIsInTheFirstStatusWithNothingAskedOrLocked) {
  Desk d;
  auto c = GetContent(d.writer, d.Article());
  EXPECT_EQ(Str(c.at("status").at("id")), d.status[kIdea]);
  EXPECT_EQ(c.at("status").at("name").as_string(), "Idée");
  EXPECT_TRUE(c.at("lock").is_null());
  EXPECT_TRUE(c.at("validated_revision").is_null());
  EXPECT_TRUE(c.at("approvals").as_array().empty());
}

// ---- gates ------------------------------------------------------------------------------------

TEST(WorkflowGates, ATeamAGateAsksCannotBeDeletedUntilTheWorkflowStopsAskingIt) {
  Desk d;
  const std::string team = "/api/v1/workspaces/" + d.owner.workspace_id + "/teams/" + d.legal_team;
  auto refused = d.owner.client.Delete(team);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(Str(refused.Json().at("statuses").at(0).at("id")), d.status[kLegal]) << refused.body;
  EXPECT_EQ(Str(refused.Json().at("errors").at(0).at("field")), "team");
  // The validation still holds: the team and its gate are untouched.
  const std::string id = d.Article();
  ASSERT_EQ(Move(d.writer, id, d.status[kLegal]).status, 200);
  EXPECT_EQ(Move(d.writer, id, d.status[kLegal + 1]).status, 409);

  // Once the workflow no longer asks it, the team goes.
  auto statuses = d.CurrentStatuses();
  for (auto& s : statuses) s.as_object()["gate"] = nullptr;
  auto put = d.owner.client.Put("/api/v1/workspaces/" + d.owner.workspace_id + "/workflow",
                                {{"statuses", statuses}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(d.owner.client.Delete(team).status, 204);
}

TEST(WorkflowGates, AnAdvisoryGateLetsTheMoveThroughAndRecordsWhatWasMissing) {
  Desk d;
  const std::string brand = CreateTeam(d.owner, "Marque", {});
  auto statuses = d.CurrentStatuses();
  statuses[kInternalReview].as_object()["gate"] = {
      {"teams", {brand}}, {"no_violations", false}, {"blocking", false}};
  auto put = d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", statuses}});
  ASSERT_EQ(put.status, 200) << put.body;

  const std::string id = d.Article();
  ASSERT_EQ(Move(d.writer, id, d.status[kInternalReview]).status, 200);
  auto moved = Move(d.writer, id, d.status[kLegal], "Pas le temps d'attendre la marque");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Str(moved.Json().at("status").at("id")), d.status[kLegal]);
  ASSERT_EQ(moved.Json().at("missing_approvals").as_array().size(), 1u) << moved.body;
  EXPECT_EQ(Str(moved.Json().at("missing_approvals").at(0).at("team_id")), brand) << moved.body;
  EXPECT_FALSE(Str(moved.Json().at("missing_approvals").at(0).at("team_name")).empty())
      << moved.body;

  const auto history = History(d.writer, id);
  const auto* event = LastOfKind(history, "content.status_changed");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(Str(event->at("data").at("to")), d.status[kLegal]);
  EXPECT_TRUE(ContainsString(event->at("data").at("missing_approvals"), brand)) << *event;
}

TEST(WorkflowGates, ABlockingGateRefusesTheMoveWith409NamingTheTeam) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  const auto before = GetContent(d.writer, id);
  auto refused = Move(d.writer, id, d.status[kReady]);
  ASSERT_EQ(refused.status, 409) << refused.body;
  const auto body = refused.Json();
  ASSERT_EQ(body.at("missing_approvals").as_array().size(), 1u) << refused.body;
  EXPECT_EQ(Str(body.at("missing_approvals").at(0).at("team_id")), d.legal_team);
  EXPECT_EQ(body.at("missing_approvals").at(0).at("team_name").as_string(), "Juridique");
  EXPECT_NE(Str(body.at("detail")).find("Juridique"), std::string::npos) << refused.body;

  const auto after = GetContent(d.writer, id);
  EXPECT_EQ(Str(after.at("status").at("id")), d.status[kLegal]);
  EXPECT_EQ(VersionOf(after), VersionOf(before));
  EXPECT_EQ(CountKind(History(d.writer, id), "content.status_changed"),
            1u);  // the move into legal only
}

TEST(WorkflowGates, SkippingPastAGatedStatusIsRefusedToo) {
  Desk d;
  const std::string id = d.Article();
  auto refused = Move(d.writer, id, d.status[kPublished]);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(Str(refused.Json().at("missing_approvals").at(0).at("team_id")), d.legal_team);
  EXPECT_EQ(Str(GetContent(d.writer, id).at("status").at("id")), d.status[kIdea]);
  // Up to the gate itself is fine: the gate asks before leaving.
  EXPECT_EQ(Move(d.writer, id, d.status[kLegal]).status, 200);
}

TEST(WorkflowGates, ANoViolationsGateHoldsBackATextThatBreaksItsTemplate) {
  Desk d;
  // Writing asks for a text within its template's rules: blocking first, then advisory.
  auto gate_on_writing = [&](bool blocking) {
    auto statuses = d.CurrentStatuses();
    statuses[kWriting].as_object()["gate"] = {
        {"teams", json::array{}}, {"no_violations", true}, {"blocking", blocking}};
    auto put = d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", statuses}});
    ASSERT_EQ(put.status, 200) << put.body;
  };
  gate_on_writing(true);
  auto created =
      CreateArticle(d.writer, "Tarifs", {{"lead", std::string(400, 'a')}});  // lead: 300 at most
  const std::string id = Str(created.at("id"));
  ASSERT_FALSE(created.at("violations").as_array().empty());
  ASSERT_EQ(Move(d.writer, id, d.status[kWriting]).status, 200);  // into the status: no gate yet
  auto refused = Move(d.writer, id, d.status[kInternalReview]);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_TRUE(refused.Json().at("violations").as_bool());
  EXPECT_TRUE(refused.Json().at("missing_approvals").as_array().empty());

  // Fixed text moves on.
  auto content = GetContent(d.writer, id);
  ASSERT_EQ(
      PatchContent(d.writer, id, VersionOf(content), {{"fields", {{"lead", "Les prix baissent."}}}})
          .status,
      200);
  EXPECT_EQ(Move(d.writer, id, d.status[kInternalReview]).status, 200);

  // Advisory: the move goes through and the activity says the rules were set aside.
  gate_on_writing(false);
  auto other = CreateArticle(d.writer, "Tarifs bis", {{"lead", std::string(400, 'b')}});
  const std::string other_id = Str(other.at("id"));
  ASSERT_EQ(Move(d.writer, other_id, d.status[kWriting]).status, 200);
  ASSERT_EQ(Move(d.writer, other_id, d.status[kInternalReview]).status, 200);
  const auto history = History(d.writer, other_id);
  const auto* moved = LastOfKind(history, "content.status_changed");
  ASSERT_NE(moved, nullptr);
  EXPECT_TRUE(moved->at("data").at("violations_ignored").as_bool()) << *moved;
}

TEST(WorkflowGates, AnArchivedContentIsNeitherMovedNorDecidedOn) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  const auto revision = GetContent(d.writer, id).at("revision").as_int64();
  ASSERT_EQ(d.owner.client.Delete(ContentPath(id)).status, 200);  // DELETE archives
  auto moved = Move(d.writer, id, d.status[kWriting]);
  EXPECT_EQ(moved.status, 409) << moved.body;
  auto decided = Decide(d.legal, id, revision);
  EXPECT_EQ(decided.status, 409) << decided.body;
  ASSERT_EQ(d.owner.client.Post(ContentPath(id) + "/unarchive", json::object{}).status, 200);
  EXPECT_EQ(Decide(d.legal, id, revision).status, 201);
}

TEST(WorkflowGates, MovingBackwardsIsAlwaysAllowed) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(
      Decide(d.legal, id, 1, "changes_requested", "Le chiffre de 5 % doit être sourcé.").status,
      201);
  auto back = Move(d.writer, id, d.status[kWriting], "Je corrige");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(Str(back.Json().at("status").at("id")), d.status[kWriting]);
  EXPECT_TRUE(back.Json().at("missing_approvals").as_array().empty());
  EXPECT_EQ(Move(d.writer, id, d.status[kIdea]).status, 200);
}

TEST(WorkflowGates, ChangesRequestedHoldsABlockingGateShut) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1, "changes_requested", "Source manquante").status, 201);
  EXPECT_EQ(StateOf(GetContent(d.writer, id), d.legal_team), "changes_requested");
  auto refused = Move(d.writer, id, d.status[kReady]);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(Str(refused.Json().at("missing_approvals").at(0).at("team_id")), d.legal_team);
}

TEST(WorkflowGates, TheTeamsLatestDecisionCountsEvenWithinTheSameMoment) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  // Decisions given back to back often share a millisecond; the later one must still win.
  for (int i = 0; i < 10; ++i) {
    ASSERT_EQ(Decide(d.legal, id, 1, "approved").status, 201);
    ASSERT_EQ(Decide(d.legal, id, 1, "changes_requested").status, 201);
    ASSERT_EQ(StateOf(GetContent(d.writer, id), d.legal_team), "changes_requested")
        << "round " << i;
    ASSERT_EQ(Move(d.writer, id, d.status[kReady]).status, 409) << "round " << i;
  }
  ASSERT_EQ(Decide(d.legal, id, 1, "approved").status, 201);
  EXPECT_EQ(StateOf(GetContent(d.writer, id), d.legal_team), "approved");
  EXPECT_EQ(Move(d.writer, id, d.status[kReady]).status, 200);
}

TEST(WorkflowGates, EditorsMoveContentsAndAReviewerOnlyFromTheStatusTheirTeamIsAskedIn) {
  Desk d;
  Person outside_reviewer = MakeMember(d.server, d.owner, "reviewer");
  const std::string id = d.Article();
  // Nobody asked a reviewer anything yet: they may not move it.
  EXPECT_EQ(Move(d.legal, id, d.status[kWriting]).status, 403);
  ASSERT_EQ(Move(d.writer, id, d.status[kLegal]).status, 200);
  EXPECT_EQ(Move(outside_reviewer, id, d.status[kReady]).status, 403);
  // The legal reviewer approves and sends it on.
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  auto moved = Move(d.legal, id, d.status[kReady], "Validé");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Str(moved.Json().at("status").at("id")), d.status[kReady]);
  EXPECT_EQ(Str(GetContent(d.writer, id).at("status").at("id")), d.status[kReady]);
}

TEST(WorkflowGates, AMoveToAStatusOfAnotherWorkspaceIsRefusedNamingTheField) {
  Desk d;
  Person outsider = MakeOutsider(d.server, d.owner);
  const std::string foreign = Str(Statuses(outsider).at(kReady).at("id"));
  const std::string id = d.Article();
  auto r = Move(d.writer, id, foreign);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(NamesField(r, "status")) << r.body;
  EXPECT_EQ(Str(GetContent(d.writer, id).at("status").at("id")), d.status[kIdea]);
}

TEST(WorkflowGates, AnEditBasedOnTheVersionAMoveAnsweredStillMergesWithAnotherEdit) {
  Desk d;
  const std::string id = d.Article();
  auto moved = Move(d.writer, id, d.status[kWriting]);
  ASSERT_EQ(moved.status, 200) << moved.body;
  const std::int64_t base = moved.Json().at("version").as_int64();
  ASSERT_EQ(PatchContent(d.owner, id, base, {{"title", "Le titre de Chloé"}}).status, 200);
  // The writer saves the lead on top of the version the move gave them: different fields merge.
  auto saved = PatchContent(d.writer, id, base, {{"fields", {{"lead", "Le chapô du rédacteur."}}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json().at("title").as_string(), "Le titre de Chloé");
  EXPECT_EQ(FieldOf(saved.Json().as_object(), "lead"), "Le chapô du rédacteur.");
}

// ---- approvals --------------------------------------------------------------------------------

TEST(WorkflowApprovals, AMemberOfTheAskedTeamApprovesTheCurrentRevision) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  auto approved = Decide(d.legal, id, 1, "approved", "Conforme.");
  ASSERT_EQ(approved.status, 201) << approved.body;
  const auto a = approved.Json();
  EXPECT_EQ(a.at("revision").as_int64(), 1);
  EXPECT_EQ(a.at("decision").as_string(), "approved");
  EXPECT_EQ(Str(a.at("team").at("id")), d.legal_team);
  EXPECT_EQ(Str(a.at("by").at("id")), d.legal.user_id);

  const auto c = GetContent(d.writer, id);
  EXPECT_EQ(StateOf(c, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(c), json::value(1));
  auto list = d.writer.client.Get(ContentPath(id) + "/approvals");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(list.Json().at("items").at(0).at("stale").as_bool(), false);
  EXPECT_EQ(list.Json().at("validated_revision"), json::value(1));
}

TEST(WorkflowApprovals, AnOwnerWhoIsNotInTheTeamCannotApproveForIt) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  auto refused = Decide(d.owner, id, 1);
  EXPECT_EQ(refused.status, 403) << refused.body;
  auto other_reviewer = MakeMember(d.server, d.owner, "reviewer");
  EXPECT_EQ(Decide(other_reviewer, id, 1).status, 403);
  // Naming the team does not help either.
  auto named =
      d.owner.client.Post(ContentPath(id) + "/approvals",
                          {{"revision", 1}, {"decision", "approved"}, {"team", d.legal_team}});
  EXPECT_EQ(named.status, 403) << named.body;
  auto list = d.owner.client.Get(ContentPath(id) + "/approvals");
  EXPECT_TRUE(list.Json().at("items").as_array().empty()) << list.body;
  EXPECT_EQ(StateOf(GetContent(d.owner, id), d.legal_team), "waiting");
}

TEST(WorkflowApprovals, ApprovingAnOldRevisionIsAConflict) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  // Another author's edit opens revision 2.
  auto c = GetContent(d.owner, id);
  ASSERT_EQ(
      PatchContent(d.owner, id, VersionOf(c), {{"fields", {{"lead", "Les prix baissent de 4 %."}}}})
          .status,
      200);
  ASSERT_EQ(RevisionOf(GetContent(d.owner, id)), 2);
  auto refused = Decide(d.legal, id, 1);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_TRUE(NamesField(refused, "revision")) << refused.body;
  EXPECT_EQ(StateOf(GetContent(d.owner, id), d.legal_team), "waiting");
  EXPECT_EQ(Decide(d.legal, id, 2).status, 201);
}

TEST(WorkflowApprovals, EditingTheTitleAfterApprovalMakesItStale) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  auto c = GetContent(d.writer, id);
  ASSERT_EQ(
      PatchContent(d.writer, id, VersionOf(c), {{"title", "Tarifs 2025 : tout ce qui change"}})
          .status,
      200);

  c = GetContent(d.writer, id);
  EXPECT_EQ(RevisionOf(c), 2);
  EXPECT_EQ(StateOf(c, d.legal_team), "stale");
  EXPECT_EQ(ValidatedRevision(c), json::value(1));
  auto list = d.writer.client.Get(ContentPath(id) + "/approvals");
  EXPECT_EQ(list.Json().at("items").at(0).at("stale").as_bool(), true) << list.body;
  const auto history = History(d.writer, id);
  const auto* stale = LastOfKind(history, "approval.stale");
  ASSERT_NE(stale, nullptr);
  EXPECT_TRUE(ContainsString(stale->at("data").at("teams"), d.legal_team)) << *stale;
  EXPECT_EQ(stale->at("data").at("revision"), json::value(2));
}

TEST(WorkflowApprovals, EditingAFieldAfterApprovalMakesItStale) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  auto c = GetContent(d.writer, id);
  ASSERT_EQ(PatchContent(d.writer, id, VersionOf(c),
                         {{"fields", {{"lead", "Les prix baissent de 7 %."}}}})
                .status,
            200);
  c = GetContent(d.writer, id);
  EXPECT_EQ(StateOf(c, d.legal_team), "stale");
  EXPECT_EQ(ValidatedRevision(c), json::value(1));
  EXPECT_EQ(CountKind(History(d.writer, id), "approval.stale"), 1u);
  EXPECT_EQ(Move(d.writer, id, d.status[kReady]).status, 409);
}

TEST(WorkflowApprovals, ASaveThatChangesNothingKeepsTheApproval) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  auto c = GetContent(d.writer, id);
  auto saved = PatchContent(d.writer, id, VersionOf(c),
                            {{"title", c.at("title")}, {"fields", {{"lead", FieldOf(c, "lead")}}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto after = GetContent(d.writer, id);
  EXPECT_EQ(RevisionOf(after), 1);
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(after), json::value(1));
  EXPECT_EQ(CountKind(History(d.writer, id), "approval.stale"), 0u);
}

TEST(WorkflowApprovals, AMetadataChangeKeepsTheApproval) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  auto c = GetContent(d.writer, id);
  auto saved = PatchContent(d.writer, id, VersionOf(c),
                            {{"tags", {"tarifs", "2025"}}, {"due_at", "2025-03-14"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto after = GetContent(d.writer, id);
  EXPECT_EQ(after.at("tags").as_array().size(), 2u);
  EXPECT_EQ(RevisionOf(after), 1);
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(after), json::value(1));
  EXPECT_EQ(CountKind(History(d.writer, id), "approval.stale"), 0u);
  EXPECT_EQ(Move(d.writer, id, d.status[kReady]).status, 200);
}

TEST(WorkflowApprovals, RestoringTheApprovedRevisionMakesItValidAgain) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  auto c = GetContent(d.writer, id);
  ASSERT_EQ(PatchContent(d.writer, id, VersionOf(c),
                         {{"fields", {{"lead", "Les prix baissent de 9 %."}}}})
                .status,
            200);
  ASSERT_EQ(StateOf(GetContent(d.writer, id), d.legal_team), "stale");

  auto restored = d.writer.client.Post(ContentPath(id) + "/restore", {{"revision", 1}});
  ASSERT_EQ(restored.status, 200) << restored.body;
  const auto after = restored.Json().as_object();
  EXPECT_EQ(RevisionOf(after), 3);
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(after), json::value(3));
  auto list = d.writer.client.Get(ContentPath(id) + "/approvals");
  EXPECT_EQ(list.Json().at("items").at(0).at("stale").as_bool(), false) << list.body;
  EXPECT_EQ(Move(d.writer, id, d.status[kReady]).status, 200);
}

TEST(WorkflowApprovals, ApprovingSealsTheRevisionSoTheNextSaveOpensANewOne) {
  Desk d;
  // Without an approval, the writer's quick second save refines their working revision...
  const std::string control = d.Article("Brouillon");
  auto c = GetContent(d.writer, control);
  ASSERT_EQ(
      PatchContent(d.writer, control, VersionOf(c), {{"fields", {{"lead", "Autre chapô"}}}}).status,
      200);
  ASSERT_EQ(RevisionOf(GetContent(d.writer, control)), 1);

  // ...with one, the approved text stays exactly as approved.
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  EXPECT_EQ(RevisionAt(d.writer, id, 1).at("sealed").as_bool(), true);
  c = GetContent(d.writer, id);
  ASSERT_EQ(
      PatchContent(d.writer, id, VersionOf(c), {{"fields", {{"lead", "Autre chapô"}}}}).status,
      200);
  EXPECT_EQ(RevisionOf(GetContent(d.writer, id)), 2);
  const auto approved = RevisionAt(d.writer, id, 1);
  EXPECT_EQ(FieldOf(approved, "lead"), "Les prix baissent de 5 %.");
}

// ---- locks ------------------------------------------------------------------------------------

TEST(WorkflowLocks, ALockedContentRefusesEditsWith423SayingWhyAndWho) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  const std::string reason = "Doit être publié exactement tel que validé par le juridique";
  auto locked = d.legal.client.Post(ContentPath(id) + "/lock", {{"reason", reason}});
  ASSERT_EQ(locked.status, 200) << locked.body;
  EXPECT_EQ(Str(locked.Json().at("lock").at("by")), d.legal.user_id);
  EXPECT_EQ(locked.Json().at("lock").at("reason").as_string(), reason);

  auto c = GetContent(d.writer, id);
  auto patch = PatchContent(d.writer, id, VersionOf(c), {{"fields", {{"lead", "Modifié"}}}});
  ASSERT_EQ(patch.status, 423) << patch.body;
  EXPECT_EQ(patch.Json().at("reason").as_string(), reason);
  EXPECT_EQ(Str(patch.Json().at("locked_by").at("id")), d.legal.user_id);
  EXPECT_EQ(patch.Json().at("locked_by").at("name").as_string(), "Claire reviewer");
  EXPECT_NE(Str(patch.Json().at("detail")).find(reason), std::string::npos);

  auto restore = d.owner.client.Post(ContentPath(id) + "/restore", {{"revision", 1}});
  EXPECT_EQ(restore.status, 423) << restore.body;

  auto after = GetContent(d.writer, id);
  EXPECT_EQ(VersionOf(after), VersionOf(c));
  EXPECT_EQ(FieldOf(after, "lead"), "Les prix baissent de 5 %.");
  EXPECT_EQ(StateOf(after, d.legal_team), "approved");
  const auto history = History(d.writer, id);
  const auto* event = LastOfKind(history, "content.locked");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->at("data").at("reason").as_string(), reason);
}

TEST(WorkflowLocks, UnlockingRestoresEditing) {
  Desk d;
  const std::string id = d.Article();
  ASSERT_EQ(
      d.owner.client.Post(ContentPath(id) + "/lock", {{"reason", "Gel avant impression"}}).status,
      200);
  auto c = GetContent(d.writer, id);
  ASSERT_EQ(PatchContent(d.writer, id, VersionOf(c), {{"title", "Nouveau titre"}}).status, 423);

  auto unlocked = d.owner.client.Delete(ContentPath(id) + "/lock");
  ASSERT_EQ(unlocked.status, 200) << unlocked.body;
  EXPECT_TRUE(unlocked.Json().at("lock").is_null());
  c = GetContent(d.writer, id);
  auto patch = PatchContent(d.writer, id, VersionOf(c), {{"title", "Nouveau titre"}});
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(patch.Json().at("title").as_string(), "Nouveau titre");
  const auto kinds = Kinds(History(d.writer, id));
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "content.unlocked"), kinds.end());
}

TEST(WorkflowLocks, AnEditBasedOnTheVersionAnUnlockAnsweredStillMergesWithAnotherEdit) {
  Desk d;
  const std::string id = d.Article();
  ASSERT_EQ(d.owner.client.Post(ContentPath(id) + "/lock", {{"reason", "Relecture"}}).status, 200);
  auto unlocked = d.owner.client.Delete(ContentPath(id) + "/lock");
  ASSERT_EQ(unlocked.status, 200) << unlocked.body;
  const std::int64_t base = unlocked.Json().at("version").as_int64();
  ASSERT_EQ(PatchContent(d.owner, id, base, {{"title", "Le titre de Chloé"}}).status, 200);
  auto saved = PatchContent(d.writer, id, base, {{"fields", {{"lead", "Le chapô du rédacteur."}}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json().at("title").as_string(), "Le titre de Chloé");
  EXPECT_EQ(FieldOf(saved.Json().as_object(), "lead"), "Le chapô du rédacteur.");
}

TEST(WorkflowLocks, AnAdminOrAReviewerOfAnAskedTeamMayLockButNeitherTheOwnerNorAPlainEditor) {
  Desk d;
  Person admin = MakeMember(d.server, d.owner, "admin");
  Person editor = MakeMember(d.server, d.owner, "editor");
  const std::string id = d.Article();  // owned by the writer, in Idée

  auto by_editor = editor.client.Post(ContentPath(id) + "/lock", {{"reason", "Je bloque"}});
  EXPECT_EQ(by_editor.status, 403) << by_editor.body;
  EXPECT_EQ(
      d.legal.client.Post(ContentPath(id) + "/lock", {{"reason", "Pas encore mon tour"}}).status,
      403);
  EXPECT_EQ(editor.client.Delete(ContentPath(id) + "/lock").status, 403);
  EXPECT_TRUE(GetContent(d.writer, id).at("lock").is_null());

  // Owning the content gives nothing on locks (docs/permissions.md): not to set one, nor to
  // lift an admin's.
  EXPECT_EQ(d.writer.client.Post(ContentPath(id) + "/lock", {{"reason", "Le propriétaire"}}).status,
            403);
  EXPECT_EQ(admin.client.Post(ContentPath(id) + "/lock", {{"reason", "L'admin"}}).status, 200);
  EXPECT_EQ(d.writer.client.Delete(ContentPath(id) + "/lock").status, 403);
  EXPECT_EQ(admin.client.Delete(ContentPath(id) + "/lock").status, 200);
  ASSERT_EQ(Move(d.writer, id, d.status[kLegal]).status, 200);
  EXPECT_EQ(d.legal.client.Post(ContentPath(id) + "/lock", {{"reason", "Validé tel quel"}}).status,
            200);
  EXPECT_EQ(Str(GetContent(d.writer, id).at("lock").at("by")), d.legal.user_id);
}

TEST(WorkflowLocks, ALockNeedsAReason) {
  Desk d;
  const std::string id = d.Article();
  auto r = d.owner.client.Post(ContentPath(id) + "/lock", {{"reason", "   "}});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(NamesField(r, "reason")) << r.body;
  EXPECT_TRUE(GetContent(d.owner, id).at("lock").is_null());
}

// ---- editing the workflow ---------------------------------------------------------------------

TEST(WorkflowEditing, DeletingAStatusInUseWithoutADestinationIsRefusedAndChangesNothing) {
  Desk d;
  const std::string a = d.Article("Un"), b = d.Article("Deux");
  ASSERT_EQ(Move(d.writer, a, d.status[kWriting]).status, 200);
  ASSERT_EQ(Move(d.writer, b, d.status[kWriting]).status, 200);
  auto statuses = d.CurrentStatuses();
  statuses.erase(statuses.begin() + kWriting);
  statuses[0].as_object()["name"] =
      "Idées";  // a rename in the same request must not be kept either
  auto refused = d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", statuses}});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json().at("contents"), json::value(2)) << refused.body;
  EXPECT_EQ(Str(refused.Json().at("status_id")), d.status[kWriting]);
  EXPECT_EQ(refused.Json().at("status"), json::value(409))
      << "the problem's own status stays the HTTP one";
  EXPECT_TRUE(NamesField(refused, "move_to." + d.status[kWriting])) << refused.body;

  EXPECT_EQ(StatusNames(d.owner).size(), 6u);
  EXPECT_EQ(StatusNames(d.owner).at(0), "Idée");
  EXPECT_EQ(Str(GetContent(d.writer, a).at("status").at("id")), d.status[kWriting]);
  EXPECT_EQ(Str(GetContent(d.writer, b).at("status").at("id")), d.status[kWriting]);
}

TEST(WorkflowEditing, DeletingAStatusInUseMovesItsContentsWhereMoveToSays) {
  Desk d;
  const std::string a = d.Article("Un"), b = d.Article("Deux");
  ASSERT_EQ(Move(d.writer, a, d.status[kWriting]).status, 200);
  ASSERT_EQ(Move(d.writer, b, d.status[kWriting]).status, 200);
  auto statuses = d.CurrentStatuses();
  statuses.erase(statuses.begin() + kWriting);
  auto put = d.owner.client.Put(
      WorkflowPath(d.owner),
      {{"statuses", statuses}, {"move_to", {{d.status[kWriting], d.status[kInternalReview]}}}});
  ASSERT_EQ(put.status, 200) << put.body;
  ASSERT_EQ(put.Json().at("statuses").as_array().size(), 5u);
  for (const auto& s : put.Json().at("statuses").as_array())
    EXPECT_NE(Str(s.at("id")), d.status[kWriting]);
  for (const auto& id : {a, b}) {
    const auto c = GetContent(d.writer, id);
    EXPECT_EQ(Str(c.at("status").at("id")), d.status[kInternalReview]);
    EXPECT_EQ(c.at("status").at("name").as_string(), "Relecture interne");
  }
  // Every content stays listed, in a status that exists.
  auto list = d.writer.client.Get(ContentsPath(d.writer));
  EXPECT_EQ(ItemIds(list).size(), 2u);
}

TEST(WorkflowEditing, AContentMovedOutOfADeletedStatusRecordsTheMove) {
  Desk d;
  const std::string id = d.Article();
  ASSERT_EQ(Move(d.writer, id, d.status[kWriting]).status, 200);
  const auto before = GetContent(d.writer, id);
  auto statuses = d.CurrentStatuses();
  statuses.erase(statuses.begin() + kWriting);
  auto put = d.owner.client.Put(
      WorkflowPath(d.owner),
      {{"statuses", statuses}, {"move_to", {{d.status[kWriting], d.status[kIdea]}}}});
  ASSERT_EQ(put.status, 200) << put.body;
  const auto after = GetContent(d.writer, id);
  EXPECT_GT(VersionOf(after), VersionOf(before));  // clients holding the old version see a change
  const auto history = History(d.writer, id);
  const auto* event = LastOfKind(history, "content.status_changed");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(Str(event->at("data").at("from")), d.status[kWriting]);
  EXPECT_EQ(Str(event->at("data").at("to")), d.status[kIdea]);
  EXPECT_EQ(Str(event->at("actor").at("id")), d.owner.user_id);
}

TEST(WorkflowEditing, AnAdminRenamesRecoloursReordersAndAddsStatuses) {
  Desk d;
  auto statuses = d.CurrentStatuses();
  statuses[kIdea].as_object()["name"] = "Piste";
  statuses[kIdea].as_object()["color"] = "#123abc";
  std::swap(statuses[kWriting], statuses[kInternalReview]);
  statuses.push_back(
      {{"name", "Archivé"}, {"color", "#000000"}, {"category", "published"}, {"gate", nullptr}});
  auto put = d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", statuses}});
  ASSERT_EQ(put.status, 200) << put.body;
  const std::vector<std::string> names = {
      "Piste",  "Relecture interne", "Rédaction", "Validation juridique", "Prêt", "Publié",
      "Archivé"};
  EXPECT_EQ(StatusNames(d.owner), names);
  EXPECT_EQ(Statuses(d.owner).at(0).at("color").as_string(), "#123abc");
  EXPECT_EQ(Str(Statuses(d.owner).at(0).at("id")), d.status[kIdea]);  // kept, not replaced
}

TEST(WorkflowEditing, OnlyAdminsChangeTheWorkflow) {
  Desk d;
  auto r = d.writer.client.Put(WorkflowPath(d.writer), {{"statuses", d.CurrentStatuses()}});
  EXPECT_EQ(r.status, 403) << r.body;
}

struct BadWorkflow {
  const char* what;
  std::function<void(json::array&, const std::string& missing_team)> spoil;
  const char* field;
};

TEST(WorkflowEditing, AnInvalidWorkflowIs422NamingTheStatusAndNothingChanges) {
  Desk d;
  const std::vector<BadWorkflow> cases = {
      {"duplicate name",
       [](json::array& s, const std::string&) { s[2].as_object()["name"] = "rédaction"; },
       "statuses[2].name"},
      {"empty name", [](json::array& s, const std::string&) { s[1].as_object()["name"] = "  "; },
       "statuses[1].name"},
      {"bad colour", [](json::array& s, const std::string&) { s[0].as_object()["color"] = "red"; },
       "statuses[0].color"},
      {"colour not hex",
       [](json::array& s, const std::string&) { s[0].as_object()["color"] = "#12345g"; },
       "statuses[0].color"},
      {"bad category",
       [](json::array& s, const std::string&) { s[4].as_object()["category"] = "done"; },
       "statuses[4].category"},
      {"unknown team",
       [](json::array& s, const std::string& team) {
         s[3].as_object()["gate"] = {
             {"teams", {team}}, {"no_violations", false}, {"blocking", true}};
       },
       "statuses[3].gate.teams[0]"},
      {"unknown status id",
       [](json::array& s, const std::string&) { s[5].as_object()["id"] = "nope"; },
       "statuses[5].id"},
  };
  // A team of another workspace is as unknown as a made-up one.
  Person outsider = MakeOutsider(d.server, d.owner);
  const std::string foreign_team = CreateTeam(outsider, "Legal", {});
  const auto before = Statuses(d.owner);
  for (const auto& c : cases) {
    auto statuses = d.CurrentStatuses();
    c.spoil(statuses, foreign_team);
    auto r = d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", statuses}});
    EXPECT_EQ(r.status, 422) << c.what << ": " << r.body;
    EXPECT_TRUE(NamesField(r, c.field)) << c.what << ": " << r.body;
    EXPECT_EQ(Statuses(d.owner), before) << c.what;
  }
}

// ---- moves under contention -------------------------------------------------------------------

TEST(WorkflowConcurrency, ConcurrentMovesOfOneContentEachAnswerCleanlyAndAreEachRecordedOnce) {
  Desk d;
  const std::string id = d.Article();
  const std::vector<std::string> targets = {d.status[kIdea], d.status[kWriting],
                                            d.status[kInternalReview]};
  const auto start = GetContent(d.writer, id);
  const auto events_before = CountKind(History(d.writer, id), "content.status_changed");

  constexpr int kThreads = 6, kRounds = 8;
  std::atomic<int> ok{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client = d.server.Client();
      client.cookies() = d.writer.client.cookies();
      client.UseCsrf(d.writer.client.csrf());
      for (int round = 0; round < kRounds; ++round) {
        auto read = client.Get(ContentPath(id));
        if (read.status != 200) {
          ++other;
          continue;
        }
        const auto c = read.Json();
        const std::string current = Str(c.at("status").at("id"));
        // A target other than the current status: every successful move is a real move.
        std::string target = targets[static_cast<std::size_t>(t + round) % targets.size()];
        if (target == current)
          target = targets[static_cast<std::size_t>(t + round + 1) % targets.size()];
        auto r = client.Post(ContentPath(id) + "/status",
                             {{"status", target}, {"base_version", c.at("version")}});
        if (r.status == 200)
          ++ok;
        else if (r.status == 409 && r.Json().is_object())
          ++conflicts;
        else
          ++other;
      }
    });
  }
  for (auto& t : threads) t.join();

  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(ok.load() + conflicts.load(), kThreads * kRounds);
  EXPECT_GE(ok.load(), 1);
  const auto end = GetContent(d.writer, id);
  EXPECT_NE(std::find(targets.begin(), targets.end(), Str(end.at("status").at("id"))),
            targets.end());
  EXPECT_EQ(VersionOf(end), VersionOf(start) + ok.load());
  auto history = d.writer.client.Get(ContentPath(id) + "/activity?limit=500");
  ASSERT_EQ(history.status, 200);
  std::size_t moves = 0;
  for (const auto& e : history.Json().at("items").as_array())
    moves += e.at("kind").as_string() == "content.status_changed";
  EXPECT_EQ(moves, events_before + static_cast<std::size_t>(ok.load()));
}

// ---- activity ---------------------------------------------------------------------------------

TEST(WorkflowActivity, AContentsActivityListsEachChangeWithActorRevisionAndDetails) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1, "approved", "OK pour moi").status, 201);
  const auto history = History(d.writer, id);
  const std::vector<std::string> kinds = {"content.created", "content.status_changed",
                                          "approval.given"};
  EXPECT_EQ(Kinds(history), kinds);
  const auto& approval = history.at(2);
  EXPECT_EQ(Str(approval.at("actor").at("id")), d.legal.user_id);
  EXPECT_EQ(approval.at("actor").at("name").as_string(), "Claire reviewer");
  EXPECT_EQ(approval.at("data").at("revision"), json::value(1));
  EXPECT_EQ(Str(approval.at("data").at("team")), d.legal_team);
  EXPECT_EQ(approval.at("data").at("comment").as_string(), "OK pour moi");
  EXPECT_FALSE(Str(approval.at("at")).empty());
  EXPECT_EQ(Str(history.at(1).at("data").at("to")), d.status[kLegal]);
  EXPECT_LT(history.at(0).at("seq").as_int64(), history.at(1).at("seq").as_int64());
}

TEST(WorkflowActivity, TheWorkspacesActivityFiltersByContentActorAndKind) {
  Desk d;
  const std::string a = d.ArticleInLegal("Un"), b = d.Article("Deux");
  ASSERT_EQ(Decide(d.legal, a, 1).status, 201);

  auto by_content = d.owner.client.Get(ActivityPath(d.owner) + "?content=" + b);
  ASSERT_EQ(by_content.status, 200) << by_content.body;
  for (const auto& e : by_content.Json().at("items").as_array()) EXPECT_EQ(Str(e.at("subject")), b);
  EXPECT_EQ(by_content.Json().at("items").as_array().size(), 1u);

  auto by_actor = d.owner.client.Get(ActivityPath(d.owner) + "?actor=" + d.legal.user_id);
  ASSERT_EQ(by_actor.status, 200);
  const auto legal_did = by_actor.Json().at("items").as_array();
  for (const auto& e : legal_did) EXPECT_EQ(Str(e.at("actor").at("id")), d.legal.user_id);
  EXPECT_EQ(Kinds(legal_did), (std::vector<std::string>{"approval.given", "member.joined"}))
      << by_actor.body;

  auto by_kind = d.owner.client.Get(ActivityPath(d.owner) + "?kind=content.status");
  ASSERT_EQ(by_kind.status, 200);
  ASSERT_EQ(by_kind.Json().at("items").as_array().size(), 1u) << by_kind.body;
  EXPECT_EQ(Str(by_kind.Json().at("items").at(0).at("subject")), a);

  // Empty filters mean any, as the filter bar sends them.
  auto unfiltered = d.owner.client.Get(ActivityPath(d.owner) + "?content=&actor=&kind=&from=&to=");
  ASSERT_EQ(unfiltered.status, 200) << unfiltered.body;
  EXPECT_EQ(unfiltered.Json().at("items").as_array().size(),
            d.owner.client.Get(ActivityPath(d.owner)).Json().at("items").as_array().size());
  EXPECT_GE(unfiltered.Json().at("items").as_array().size(), 4u);

  auto paged = d.owner.client.Get(ActivityPath(d.owner) + "?limit=1");
  ASSERT_EQ(paged.status, 200);
  const auto next = paged.Json().at("next_before");
  ASSERT_TRUE(next.is_int64()) << paged.body;
  auto page2 = d.owner.client.Get(ActivityPath(d.owner) +
                                  "?limit=1&before=" + std::to_string(next.as_int64()));
  ASSERT_EQ(page2.status, 200);
  EXPECT_LT(page2.Json().at("items").at(0).at("seq").as_int64(), next.as_int64());
}

// Splits RFC 4180 CSV into records of fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
      any = false;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (any || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(WorkflowActivity, TheCsvExportHasAHeaderOneRecordPerEventAndDefusesFormulas) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  // Names a spreadsheet would run as formulas.
  auto renamed =
      d.legal.client.Patch("/api/v1/me", {{"name", "=HYPERLINK(\"http://evil.example\",\"x\")"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  auto renamed_writer = d.writer.client.Patch("/api/v1/me", {{"name", "@SUM(1+1)"}});
  ASSERT_EQ(renamed_writer.status, 200) << renamed_writer.body;

  auto json_list = d.owner.client.Get(ActivityPath(d.owner) + "?content=" + id);
  const auto events = json_list.Json().at("items").as_array();
  auto csv = d.owner.client.Get(ActivityPath(d.owner) + "?content=" + id + "&format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.Header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.Header("Content-Disposition").find("attachment"), std::string::npos);
  const auto rows = ParseCsv(csv.body);
  ASSERT_EQ(rows.size(), events.size() + 1) << csv.body;
  const std::vector<std::string> header = {"seq", "time", "actor", "kind", "content", "details"};
  EXPECT_EQ(rows[0], header);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << csv.body;
    EXPECT_EQ(rows[i][0], std::to_string(events[i - 1].at("seq").as_int64()));
    EXPECT_EQ(rows[i][3], Str(events[i - 1].at("kind")));
    EXPECT_EQ(rows[i][4], id);
    for (const auto& field : rows[i]) {
      const char first = field.empty() ? ' ' : field[0];
      EXPECT_TRUE(first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' &&
                  first != '\r')
          << "formula-looking field: " << field;
    }
  }
  EXPECT_NE(csv.body.find("'=HYPERLINK"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("'@SUM"), std::string::npos) << csv.body;
}

// The spreadsheet export for people is built by the web app from the JSON (their language, time
// zone and names); integrations keep this machine form, by `format=csv` or its explicit name.
TEST(WorkflowActivity, TheMachineCsvStaysForIntegrations) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  ASSERT_EQ(Decide(d.legal, id, 1).status, 201);
  const std::string query = ActivityPath(d.owner) + "?content=" + id;
  auto machine = d.owner.client.Get(query + "&format=machine");
  ASSERT_EQ(machine.status, 200) << machine.body;
  EXPECT_NE(machine.Header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(machine.body, d.owner.client.Get(query + "&format=csv").body);
  // Comma-separated, no byte-order mark, UTC times, ids and kinds as the JSON has them.
  EXPECT_EQ(machine.body.rfind("seq,time,actor,kind,content,details\r\n", 0), 0u) << machine.body;
  const auto rows = ParseCsv(machine.body);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[1][1].back(), 'Z') << rows[1][1];
  EXPECT_EQ(rows[1][4], id);
  EXPECT_EQ(rows[1][3], "approval.given");
  // The spreadsheet file is built from the JSON: every event the filters keep, in one answer.
  auto all = d.owner.client.Get(query + "&limit=10000");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Json().at("items").as_array().size(), rows.size() - 1);
  // A format nobody offers is refused, naming the parameter.
  auto unknown = d.owner.client.Get(query + "&format=xlsx");
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_TRUE(NamesField(unknown, "format")) << unknown.body;
}

// ---- other workspaces -------------------------------------------------------------------------

TEST(WorkflowAccess, AMemberOfAnotherWorkspaceGets404OnEveryWorkflowRoute) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  Person outsider = MakeOutsider(d.server, d.owner);
  auto& c = outsider.client;
  const std::string path = ContentPath(id);
  EXPECT_EQ(c.Post(path + "/status", {{"status", d.status[kIdea]}}).status, 404);
  EXPECT_EQ(c.Get(path + "/approvals").status, 404);
  EXPECT_EQ(c.Post(path + "/approvals", {{"revision", 1}, {"decision", "approved"}}).status, 404);
  EXPECT_EQ(c.Post(path + "/lock", {{"reason", "À moi"}}).status, 404);
  EXPECT_EQ(c.Delete(path + "/lock").status, 404);
  EXPECT_EQ(c.Get(path + "/activity").status, 404);
  EXPECT_EQ(c.Get(WorkflowPath(d.owner)).status, 404);
  EXPECT_EQ(c.Put(WorkflowPath(d.owner), {{"statuses", d.CurrentStatuses()}}).status, 404);
  EXPECT_EQ(c.Get(ActivityPath(d.owner)).status, 404);
  EXPECT_EQ(c.Get(ActivityPath(d.owner) + "?format=csv").status, 404);
  // Nothing happened.
  const auto after = GetContent(d.owner, id);
  EXPECT_EQ(Str(after.at("status").at("id")), d.status[kLegal]);
  EXPECT_TRUE(after.at("lock").is_null());
  EXPECT_EQ(StateOf(after, d.legal_team), "waiting");
}

// ---- the story of issue 5 ---------------------------------------------------------------------

TEST(WorkflowStory, LegalValidatesTheWriterEditsTheApprovalGoesStaleAndReadyWaitsForANewApproval) {
  Desk d;
  // The writer drafts an article and sends it to legal validation.
  const std::string id = d.Article("Offre Soleil : -10 % sur l'abonnement");
  ASSERT_EQ(Move(d.writer, id, d.status[kWriting]).status, 200);
  ASSERT_EQ(Move(d.writer, id, d.status[kLegal], "Pour validation").status, 200);
  auto c = GetContent(d.writer, id);
  EXPECT_EQ(StateOf(c, d.legal_team), "waiting");

  // The legal reviewer approves revision 1.
  auto approved = Decide(d.legal, id, RevisionOf(c), "approved", "Mentions légales conformes.");
  ASSERT_EQ(approved.status, 201) << approved.body;
  c = GetContent(d.writer, id);
  EXPECT_EQ(StateOf(c, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(c), json::value(1));

  // The writer edits the lead: revision 2, the approval is stale, revision 1 stays the validated
  // one.
  auto edited = PatchContent(d.writer, id, VersionOf(c),
                             {{"fields", {{"lead", "Les prix baissent de 10 %."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  c = GetContent(d.writer, id);
  EXPECT_EQ(RevisionOf(c), 2);
  EXPECT_EQ(StateOf(c, d.legal_team), "stale");
  EXPECT_EQ(ValidatedRevision(c), json::value(1));
  auto diff = d.writer.client.Get(ContentPath(id) + "/diff?from=1&to=2");
  ASSERT_EQ(diff.status, 200) << diff.body;
  bool lead_changed = false;
  for (const auto& f : diff.Json().at("fields").as_array()) {
    if (f.at("field").as_string() == "lead") lead_changed = f.at("changed").as_bool();
  }
  EXPECT_TRUE(lead_changed) << diff.body;

  // Ready is refused until the reviewer approves the new text.
  auto refused = Move(d.writer, id, d.status[kReady]);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(Str(refused.Json().at("missing_approvals").at(0).at("team_id")), d.legal_team);
  ASSERT_EQ(Decide(d.legal, id, 2, "approved", "Nouveau chiffre vérifié.").status, 201);
  auto ready = Move(d.writer, id, d.status[kReady]);
  ASSERT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ValidatedRevision(ready.Json().as_object()), json::value(2));
  EXPECT_EQ(StateOf(ready.Json().as_object(), d.legal_team), "approved");

  // The activity tells the story in order.
  const auto history = History(d.writer, id);
  // The edit comes first, then what it did to the approval.
  const std::vector<std::string> kinds = {"content.created",        "content.status_changed",
                                          "content.status_changed", "approval.given",
                                          "content.updated",        "approval.stale",
                                          "approval.given",         "content.status_changed"};
  EXPECT_EQ(Kinds(history), kinds);
  EXPECT_EQ(history.at(3).at("data").at("revision"), json::value(1));
  EXPECT_EQ(history.at(4).at("data").at("revision"), json::value(2));
  EXPECT_EQ(history.at(5).at("data").at("revision"), json::value(2));
  EXPECT_EQ(history.at(6).at("data").at("revision"), json::value(2));
  EXPECT_EQ(Str(history.at(7).at("data").at("to")), d.status[kReady]);
  for (std::size_t i = 1; i < history.size(); ++i) {
    EXPECT_LT(history.at(i - 1).at("seq").as_int64(), history.at(i).at("seq").as_int64());
  }
}

}  // namespace
}  // namespace copydesk::testing
