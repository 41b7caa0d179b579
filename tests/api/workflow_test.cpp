// Workflow over real HTTP: how statuses, moves, approvals, locks and the activity are presented,
// refused under contention and filtered. The workflow's rules are tested without HTTP in
// tests/workflow/workflow_test.cpp.
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

// ---- how the API presents the workflow --------------------------------------------------------
// The workflow's rules (gates, approvals bound to revisions, locks, editing the workflow) are
// tested without HTTP in tests/workflow/workflow_test.cpp; these tests hold what clients read and
// send: the JSON members, the statuses of refusals and the problem bodies.

TEST(WorkflowContract, TheWorkflowAndAContentsPlaceInItReadAsTheApiDescribes) {
  Desk d;
  const auto statuses = Statuses(d.owner);
  ASSERT_EQ(statuses.size(), 6u);
  EXPECT_EQ(statuses[kIdea].at("name").as_string(), "Idée");
  EXPECT_EQ(statuses[kIdea].at("category").as_string(), "idea");
  EXPECT_EQ(statuses[kIdea].at("color").as_string().size(), 7u);
  EXPECT_TRUE(statuses[kIdea].at("gate").is_null()) << statuses[kIdea];
  const auto& gate = statuses[kLegal].at("gate");
  ASSERT_TRUE(gate.is_object()) << statuses[kLegal];
  EXPECT_EQ(gate.at("blocking").as_bool(), true);
  EXPECT_EQ(gate.at("no_violations").as_bool(), false);
  EXPECT_EQ(Str(gate.at("teams").at(0)), d.legal_team);

  auto c = GetContent(d.writer, d.Article());
  EXPECT_EQ(Str(c.at("status").at("id")), d.status[kIdea]);
  EXPECT_EQ(c.at("status").at("name").as_string(), "Idée");
  EXPECT_TRUE(c.at("lock").is_null());
  EXPECT_TRUE(c.at("validated_revision").is_null());
  EXPECT_TRUE(c.at("approvals").as_array().empty());

  // What GET answered can be PUT back, with a new status (no id) and a gate given as an object.
  auto edited = d.CurrentStatuses();
  edited[kIdea].as_object()["name"] = "Piste";
  edited[kInternalReview].as_object()["gate"] = {
      {"teams", {d.legal_team}}, {"no_violations", false}, {"blocking", false}};
  edited.push_back(
      {{"name", "Archivé"}, {"color", "#000000"}, {"category", "published"}, {"gate", nullptr}});
  auto put = d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", edited}});
  ASSERT_EQ(put.status, 200) << put.body;
  const auto& saved = put.Json().at("statuses").as_array();
  ASSERT_EQ(saved.size(), 7u);
  EXPECT_EQ(Str(saved[kIdea].at("id")), d.status[kIdea]);
  EXPECT_EQ(saved[kIdea].at("name").as_string(), "Piste");
  EXPECT_EQ(saved[kInternalReview].at("gate").at("blocking").as_bool(), false);
  EXPECT_EQ(saved[6].at("name").as_string(), "Archivé");
  EXPECT_EQ(StatusNames(d.owner).at(6), "Archivé");

  // Refusals: another role (403), an invalid status (422 naming it), a team the workflow asks
  // (409 naming the statuses that ask it).
  EXPECT_EQ(d.writer.client.Put(WorkflowPath(d.writer), {{"statuses", edited}}).status, 403);
  auto invalid = d.CurrentStatuses();
  invalid[2].as_object()["name"] = "piste";
  auto refused = d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", invalid}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(NamesField(refused, "statuses[2].name")) << refused.body;
  auto team = d.owner.client.Delete(TeamsPath(d.owner) + "/" + d.legal_team);
  ASSERT_EQ(team.status, 409) << team.body;
  std::vector<std::string> asking;
  for (const auto& s : team.Json().at("statuses").as_array()) asking.push_back(Str(s.at("id")));
  std::sort(asking.begin(), asking.end());
  EXPECT_EQ(asking,
            (std::vector<std::string>{std::min(d.status[kInternalReview], d.status[kLegal]),
                                      std::max(d.status[kInternalReview], d.status[kLegal])}))
      << team.body;
  EXPECT_EQ(Str(team.Json().at("errors").at(0).at("field")), "team");
}

TEST(WorkflowContract, MovesAndDecisionsAnswerWithWhatTheAppShows) {
  Desk d;
  const std::string id = d.Article();
  // A reviewer no status asks yet may not move it.
  EXPECT_EQ(Move(d.legal, id, d.status[kWriting]).status, 403);
  auto first = Move(d.writer, id, d.status[kInternalReview], "Pour relecture");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Str(first.Json().at("status").at("id")), d.status[kInternalReview]);
  EXPECT_TRUE(first.Json().at("missing_approvals").as_array().empty());
  EXPECT_TRUE(first.Json().at("version").is_int64());
  ASSERT_EQ(Move(d.writer, id, d.status[kLegal]).status, 200);

  auto blocked = Move(d.writer, id, d.status[kReady]);
  ASSERT_EQ(blocked.status, 409) << blocked.body;
  EXPECT_EQ(blocked.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(Str(blocked.Json().at("missing_approvals").at(0).at("team_id")), d.legal_team);
  EXPECT_EQ(blocked.Json().at("missing_approvals").at(0).at("team_name").as_string(), "Juridique");
  EXPECT_NE(Str(blocked.Json().at("detail")).find("Juridique"), std::string::npos);

  EXPECT_EQ(Decide(d.owner, id, 1).status, 403);
  auto approved = Decide(d.legal, id, 1, "approved", "Conforme.");
  ASSERT_EQ(approved.status, 201) << approved.body;
  EXPECT_EQ(approved.Json().at("revision").as_int64(), 1);
  EXPECT_EQ(approved.Json().at("decision").as_string(), "approved");
  EXPECT_EQ(Str(approved.Json().at("team").at("id")), d.legal_team);
  EXPECT_EQ(Str(approved.Json().at("by").at("id")), d.legal.user_id);
  auto c = GetContent(d.writer, id);
  EXPECT_EQ(StateOf(c, d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(c), json::value(1));
  auto list = d.writer.client.Get(ContentPath(id) + "/approvals");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(list.Json().at("items").at(0).at("stale").as_bool(), false);
  EXPECT_EQ(list.Json().at("validated_revision"), json::value(1));

  // The writer's edit makes the approval stale; an approval of the old revision is a 409 naming
  // it; restoring the approved text answers with the approval holding again.
  ASSERT_EQ(PatchContent(d.writer, id, VersionOf(c),
                         {{"fields", {{"lead", "Les prix baissent de 7 %."}}}})
                .status,
            200);
  c = GetContent(d.writer, id);
  EXPECT_EQ(StateOf(c, d.legal_team), "stale");
  EXPECT_EQ(
      d.writer.client.Get(ContentPath(id) + "/approvals").Json().at("items").at(0).at("stale"),
      json::value(true));
  auto old = Decide(d.legal, id, 1);
  EXPECT_EQ(old.status, 409) << old.body;
  EXPECT_TRUE(NamesField(old, "revision")) << old.body;
  auto restored = d.writer.client.Post(ContentPath(id) + "/restore", {{"revision", 1}});
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(StateOf(restored.Json().as_object(), d.legal_team), "approved");
  EXPECT_EQ(ValidatedRevision(restored.Json().as_object()), json::value(3));
  auto ready = Move(d.legal, id, d.status[kReady], "Validé");
  ASSERT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ValidatedRevision(ready.Json().as_object()), json::value(3));
  EXPECT_EQ(StateOf(ready.Json().as_object(), d.legal_team), "approved");

  // An advisory gate lets the move through and says whose approval was missing.
  const std::string brand = CreateTeam(d.owner, "Marque", {});
  auto statuses = d.CurrentStatuses();
  statuses[kReady].as_object()["gate"] = {
      {"teams", {brand}}, {"no_violations", false}, {"blocking", false}};
  ASSERT_EQ(d.owner.client.Put(WorkflowPath(d.owner), {{"statuses", statuses}}).status, 200);
  auto advisory = Move(d.writer, id, d.status[kPublished]);
  ASSERT_EQ(advisory.status, 200) << advisory.body;
  EXPECT_EQ(Str(advisory.Json().at("missing_approvals").at(0).at("team_id")), brand);
  EXPECT_EQ(advisory.Json().at("missing_approvals").at(0).at("team_name").as_string(), "Marque");

  // A status of another workspace is a 422 naming the field.
  Person outsider = MakeOutsider(d.server, d.owner);
  auto foreign = Move(d.writer, id, Str(Statuses(outsider).at(kIdea).at("id")));
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_TRUE(NamesField(foreign, "status")) << foreign.body;
}

TEST(WorkflowContract, ALockAnswersEditsWith423SayingWhyAndWho) {
  Desk d;
  const std::string id = d.ArticleInLegal();
  const std::string reason = "Doit être publié exactement tel que validé par le juridique";
  auto locked = d.legal.client.Post(ContentPath(id) + "/lock", {{"reason", reason}});
  ASSERT_EQ(locked.status, 200) << locked.body;
  EXPECT_EQ(Str(locked.Json().at("lock").at("by")), d.legal.user_id);
  EXPECT_EQ(locked.Json().at("lock").at("reason").as_string(), reason);
  EXPECT_EQ(Str(GetContent(d.writer, id).at("lock").at("by")), d.legal.user_id);

  auto c = GetContent(d.writer, id);
  auto patch = PatchContent(d.writer, id, VersionOf(c), {{"fields", {{"lead", "Modifié"}}}});
  ASSERT_EQ(patch.status, 423) << patch.body;
  EXPECT_EQ(patch.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(patch.Json().at("reason").as_string(), reason);
  EXPECT_EQ(Str(patch.Json().at("locked_by").at("id")), d.legal.user_id);
  EXPECT_EQ(patch.Json().at("locked_by").at("name").as_string(), "Claire reviewer");
  EXPECT_NE(Str(patch.Json().at("detail")).find(reason), std::string::npos);
  EXPECT_EQ(d.owner.client.Post(ContentPath(id) + "/restore", {{"revision", 1}}).status, 423);
  EXPECT_EQ(d.writer.client.Post(ContentPath(id) + "/lock", {{"reason", "Moi aussi"}}).status, 403);
  EXPECT_EQ(d.writer.client.Delete(ContentPath(id) + "/lock").status, 403);

  auto unlocked = d.legal.client.Delete(ContentPath(id) + "/lock");
  ASSERT_EQ(unlocked.status, 200) << unlocked.body;
  EXPECT_TRUE(unlocked.Json().at("lock").is_null());
  const std::int64_t base = unlocked.Json().at("version").as_int64();
  auto saved = PatchContent(d.writer, id, base, {{"title", "Nouveau titre"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json().at("title").as_string(), "Nouveau titre");

  auto no_reason = d.owner.client.Post(ContentPath(id) + "/lock", {{"reason", "   "}});
  EXPECT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_TRUE(NamesField(no_reason, "reason")) << no_reason.body;
  EXPECT_TRUE(GetContent(d.owner, id).at("lock").is_null());
}

TEST(WorkflowContract, AContentsActivityListsEventsWithKindActorDataTimeAndSequence) {
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
  EXPECT_EQ(LastOfKind(history, "approval.stale"), nullptr);
  EXPECT_EQ(CountKind(history, "content.status_changed"), 1u);
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

}  // namespace
}  // namespace copydesk::testing
