// Comments, mentions, tasks and notifications over real HTTP: threads anchored to passages that
// follow the text, mentions that reach only people who may read, tasks from task lists, and each
// person's notifications.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "collab/notifier.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

// The server of the running test: what a write tells people and the anchors it moves come from
// its notifier shortly after the write, so reading them first waits for the notifier.
TestServer* current_server = nullptr;

void Settle() {
  if (current_server) WaitForNotifier(*current_server);
}

std::string CommentsPath(const std::string& content) {
  return ContentPath(content) + "/comments";
}
std::string TasksPath(const std::string& content) {
  return ContentPath(content) + "/tasks";
}
std::string WsPath(const Person& p, const std::string& rest) {
  return "/api/v1/workspaces/" + p.workspace_id + rest;
}

json::object Comment(Person& p, const std::string& content, json::object body, int status = 201) {
  auto r = p.client.Post(CommentsPath(content), body);
  EXPECT_EQ(r.status, status) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.as_object() : json::object{};
}

json::array Threads(Person& p, const std::string& content) {
  Settle();
  auto r = p.client.Get(CommentsPath(content));
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.at("items").as_array() : json::array{};
}

json::array Notifications(Person& p, const std::string& query = "") {
  Settle();
  auto r = p.client.Get("/api/v1/me/notifications" + query);
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.at("items").as_array() : json::array{};
}

std::vector<std::string> Kinds(Person& p) {
  std::vector<std::string> kinds;
  for (const auto& n : Notifications(p)) kinds.push_back(Str(n.at("kind")));
  return kinds;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string NewTeam(Person& admin, const std::string& name,
                    const std::vector<std::string>& members) {
  json::array ids;
  for (const auto& m : members) ids.push_back(json::string(m));
  auto r = admin.client.Post(WsPath(admin, "/teams"), {{"name", name}, {"members", ids}});
  EXPECT_EQ(r.status, 201) << r.body;
  return Str(r.Json().at("id"));
}

class Collab : public ::testing::Test {
 protected:
  void SetUp() override {
    current_server = &server_;
    owner_.emplace(MakeOwner(server_));
    editor_.emplace(MakeMember(server_, *owner_, "editor"));
    reviewer_.emplace(MakeMember(server_, *owner_, "reviewer"));
    guest_.emplace(MakeMember(server_, *owner_, "guest"));
    outsider_.emplace(MakeOutsider(server_, *owner_));
  }
  void TearDown() override { current_server = nullptr; }

  std::string Article(const std::string& body) {
    return Str(CreateArticle(*owner_, "Citernes en hiver", {{"body", body}}).at("id"));
  }

  TestServer server_;
  std::optional<Person> owner_, editor_, reviewer_, guest_, outsider_;
};

// ---- comments ----------------------------------------------------------------------------------

TEST_F(Collab, ThreadsHaveRepliesAndAreResolvedAndReopened) {
  const std::string id = Article("Nos citernes sont sûres.");
  auto root = Comment(*owner_, id, {{"body", "Qui relit **ce texte** ?"}});
  EXPECT_TRUE(root.at("anchor").is_null());
  EXPECT_EQ(Str(root.at("author").at("name")), "Chloé Martin");
  auto reply = Comment(*reviewer_, id, {{"body", "Moi."}, {"parent", root.at("id")}});
  // A reply to a reply joins the thread: threads are one level deep.
  auto nested = Comment(*editor_, id, {{"body", "Et moi."}, {"parent", reply.at("id")}});
  EXPECT_EQ(nested.at("parent"), root.at("id"));

  auto threads = Threads(*editor_, id);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(Str(threads[0].at("body")), "Qui relit **ce texte** ?");  // Markdown as typed
  EXPECT_EQ(threads[0].at("replies").as_array().size(), 2u);

  auto resolved = reviewer_->client.Post("/api/v1/comments/" + Str(reply.at("id")) + "/resolve",
                                         json::object{});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.Json().at("id"), root.at("id"));
  EXPECT_TRUE(resolved.Json().at("resolved").as_bool());
  EXPECT_TRUE(Threads(*owner_, id)[0].at("resolved").as_bool());
  auto reopened =
      owner_->client.Post("/api/v1/comments/" + Str(root.at("id")) + "/reopen", json::object{});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_FALSE(reopened.Json().at("resolved").as_bool());
}

TEST_F(Collab, AuthorsEditTheirOwnAndAdminsDeleteAny) {
  const std::string id = Article("Texte.");
  auto mine = Comment(*reviewer_, id, {{"body", "Une remarque"}});
  const std::string path = "/api/v1/comments/" + Str(mine.at("id"));
  auto edited = reviewer_->client.Patch(path, {{"body", "Une remarque précise"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Str(edited.Json().at("body")), "Une remarque précise");
  EXPECT_FALSE(edited.Json().at("edited_at").is_null());
  // Someone else who reads the content may not change it, nor delete it unless an admin.
  EXPECT_EQ(editor_->client.Patch(path, {{"body", "Non"}}).status, 403);
  EXPECT_EQ(owner_->client.Patch(path, {{"body", "Non"}}).status, 403);
  EXPECT_EQ(editor_->client.Delete(path).status, 403);
  // Outside the workspace, and for guests who cannot read the content, it does not exist.
  EXPECT_EQ(outsider_->client.Patch(path, {{"body", "Non"}}).status, 404);
  EXPECT_EQ(guest_->client.Get(CommentsPath(id)).status, 404);
  EXPECT_EQ(guest_->client.Post(CommentsPath(id), {{"body", "Bonjour"}}).status, 404);
  EXPECT_EQ(owner_->client.Delete(path).status, 204);
  EXPECT_TRUE(Threads(*owner_, id).empty());
}

TEST_F(Collab, CommentInputIsStrict) {
  const std::string id = Article("Texte.");
  auto unknown = owner_->client.Post(CommentsPath(id), {{"body", "x"}, {"colour", "red"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_TRUE(NamesField(unknown, "colour"));
  auto empty = owner_->client.Post(CommentsPath(id), {{"body", "   "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(NamesField(empty, "body"));
  auto absent = owner_->client.Post(
      CommentsPath(id),
      {{"body", "x"}, {"anchor", {{"field", "body"}, {"quote", "pas dans le texte"}}}});
  EXPECT_EQ(absent.status, 422);
  EXPECT_TRUE(NamesField(absent, "anchor.quote"));
  auto bad_anchor = owner_->client.Post(
      CommentsPath(id),
      {{"body", "x"}, {"anchor", {{"field", "body"}, {"quote", "Texte"}, {"x", 1}}}});
  EXPECT_EQ(bad_anchor.status, 400);
  EXPECT_TRUE(NamesField(bad_anchor, "anchor.x"));
}

TEST_F(Collab, AnAnchorFollowsItsPassageAndOutlivesIt) {
  const std::string text = "Intro. Nos citernes résistent au gel. Fin.";
  auto created = CreateArticle(*owner_, "Citernes", {{"body", text}});
  const std::string id = Str(created.at("id"));
  auto c =
      Comment(*reviewer_, id,
              {{"body", "Source ?"},
               {"anchor", {{"field", "body"}, {"quote", "résistent au gel"}, {"offset", 20}}}});
  EXPECT_EQ(c.at("anchor").at("offset").as_int64(), 20);
  EXPECT_EQ(Str(c.at("anchor_state")), "active");

  // Text inserted before the passage: the anchor moves with it.
  auto moved = PatchContent(*owner_, id, VersionOf(created),
                            {{"fields", {{"body", "Nouvelle phrase. " + text}}}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto threads = Threads(*owner_, id);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(Str(threads[0].at("anchor_state")), "active");
  EXPECT_EQ(threads[0].at("anchor").at("offset").as_int64(), 37);
  EXPECT_EQ(threads[0].at("anchor").at("revision").as_int64(),
            RevisionOf(moved.Json().as_object()));

  // The passage deleted: the comment stays, on removed text.
  auto removed = PatchContent(*owner_, id, VersionOf(moved.Json().as_object()),
                              {{"fields", {{"body", "Intro. Fin."}}}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  threads = Threads(*owner_, id);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(Str(threads[0].at("anchor_state")), "removed");
  EXPECT_EQ(Str(threads[0].at("anchor").at("quote")), "résistent au gel");
}

TEST(CollabNotifier, AnEditAppliedLateMovesOnlyTheAnchorsPlacedBeforeIt) {
  // The notifier held: the edit's event is applied only when the test says so, after a second
  // comment was anchored on the edited text.
  TestServer server([](Config& c) { c.notifier_hold = true; });
  Person owner = MakeOwner(server);
  const std::string text = "Intro. Nos citernes résistent au gel. Fin.";
  auto created = CreateArticle(owner, "Citernes", {{"body", text}});
  const std::string id = Str(created.at("id"));
  Comment(owner, id,
          {{"body", "Avant"}, {"anchor", {{"field", "body"}, {"quote", "résistent au gel"}}}});
  auto edited = PatchContent(owner, id, VersionOf(created),
                             {{"fields", {{"body", "Nouvelle phrase. " + text}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto after =
      Comment(owner, id,
              {{"body", "Après"}, {"anchor", {{"field", "body"}, {"quote", "résistent au gel"}}}});
  EXPECT_EQ(after.at("anchor").at("offset").as_int64(), 37);

  server.app().notifier().Flush();
  auto threads = owner.client.Get(CommentsPath(id)).Json().at("items").as_array();
  ASSERT_EQ(threads.size(), 2u);
  for (const auto& t : threads) {
    EXPECT_EQ(Str(t.at("anchor_state")), "active");
    EXPECT_EQ(t.at("anchor").at("offset").as_int64(), 37) << Str(t.at("body"));
  }
  // Applied again (a restart before its cursor was stored would do that): nothing moves twice.
  server.app().notifier().Flush();
  EXPECT_EQ(owner.client.Get(CommentsPath(id))
                .Json()
                .at("items")
                .at(0)
                .at("anchor")
                .at("offset")
                .as_int64(),
            37);
}

TEST_F(Collab, AnAnchorOnAnOlderRevisionIsPlacedOnTheCurrentText) {
  auto created = CreateArticle(*owner_, "Citernes", {{"body", "Le gel. Le froid."}});
  const std::string id = Str(created.at("id"));
  auto edited = PatchContent(*editor_, id, VersionOf(created),
                             {{"fields", {{"body", "Avant. Le gel. Le froid."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto c = Comment(
      *reviewer_, id,
      {{"body", "?"}, {"anchor", {{"field", "body"}, {"quote", "Le froid"}, {"revision", 1}}}});
  EXPECT_EQ(c.at("anchor").at("offset").as_int64(), 15);
  EXPECT_EQ(c.at("anchor").at("revision").as_int64(), RevisionOf(edited.Json().as_object()));
}

// ---- mentions ----------------------------------------------------------------------------------

TEST_F(Collab, MentionsReachPeopleAndTeamsWhoMayRead) {
  const std::string id = Article("Texte.");
  const std::string legal = NewTeam(*owner_, "Légal", {reviewer_->user_id});
  // Structured, as the editor inserts it.
  Comment(*owner_, id,
          {{"body", "@[Claire editor](user:" + editor_->user_id + ") peux-tu relire ?"}});
  EXPECT_TRUE(Has(Kinds(*editor_), "mentioned"));
  // A team, structured.
  Comment(*owner_, id, {{"body", "@[Légal](team:" + legal + ") validation ?"}});
  auto told = Notifications(*reviewer_);
  ASSERT_FALSE(told.empty());
  EXPECT_EQ(Str(told[0].at("kind")), "mentioned");
  EXPECT_EQ(Str(told[0].at("content").at("id")), id);
  EXPECT_EQ(Str(told[0].at("actor").at("name")), "Chloé Martin");
  // Plain, case and accents ignored: "@CHLOE martin" is Chloé Martin, "@legal" the team.
  Comment(*editor_, id, {{"body", "Merci @CHLOE martin, et @legal aussi."}});
  EXPECT_TRUE(Has(Kinds(*owner_), "mentioned"));
  EXPECT_EQ(Notifications(*reviewer_).size(), 2u);
  // An e-mail address is no mention.
  Comment(*editor_, id, {{"body", "Écrire à claire@legal.example"}});
  EXPECT_EQ(Notifications(*reviewer_).size(), 2u);
}

TEST_F(Collab, AMentionOfSomeoneWithoutAccessTellsNoOneAndRevealsNothing) {
  const std::string id = Article("Texte.");
  auto plain = owner_->client.Post(CommentsPath(id), {{"body", "Rien de spécial"}});
  auto guest = owner_->client.Post(
      CommentsPath(id),
      {{"body", "@[Claire guest](user:" + guest_->user_id + ") et @claire guest"}});
  auto outsider = owner_->client.Post(
      CommentsPath(id), {{"body", "@[X](user:" + outsider_->user_id + ") @everyone"}});
  for (const auto* r : {&plain, &guest, &outsider}) {
    ASSERT_EQ(r->status, 201) << r->body;
    std::vector<std::string> keys;
    for (const auto& m : r->Json().as_object()) keys.emplace_back(m.key());
    std::vector<std::string> plain_keys;
    for (const auto& m : plain.Json().as_object()) plain_keys.emplace_back(m.key());
    EXPECT_EQ(keys, plain_keys);  // the same answer, whoever is mentioned
  }
  EXPECT_TRUE(Notifications(*guest_).empty());
  EXPECT_TRUE(Notifications(*outsider_).empty());
  // @everyone reaches members who read the content, not the author.
  EXPECT_TRUE(Has(Kinds(*editor_), "mentioned"));
  EXPECT_TRUE(Has(Kinds(*reviewer_), "mentioned"));
  EXPECT_FALSE(Has(Kinds(*owner_), "mentioned"));
}

TEST_F(Collab, ARepliesTellsThoseInTheThread) {
  const std::string id = Article("Texte.");
  auto root = Comment(*reviewer_, id, {{"body", "Question"}});
  Comment(*editor_, id, {{"body", "Réponse"}, {"parent", root.at("id")}});
  EXPECT_TRUE(Has(Kinds(*reviewer_), "reply"));
  Comment(*owner_, id, {{"body", "Merci"}, {"parent", root.at("id")}});
  EXPECT_TRUE(Has(Kinds(*editor_), "reply"));
  EXPECT_FALSE(Has(Kinds(*owner_), "reply"));
}

// ---- tasks -------------------------------------------------------------------------------------

TEST_F(Collab, TaskListsGiveDueDatesCountedBackFromPublication) {
  auto list = owner_->client.Post(
      WsPath(*owner_, "/task-lists"),
      {{"name", "Article"},
       {"tasks", json::array{{{"title", "Brief"}, {"due_offset_days", -10}},
                             {{"title", "Relecture juridique"}, {"due_offset_days", -3}},
                             {{"title", "Publication"}, {"due_offset_days", 0}},
                             {{"title", "Bilan"}}}}});
  ASSERT_EQ(list.status, 201) << list.body;
  auto created = CreateContent(
      *owner_, {{"type", "article"}, {"title", "Offre d'hiver"}, {"publish_at", "2026-03-20"}});
  const std::string id = Str(created.at("id"));
  auto applied = owner_->client.Post(TasksPath(id), {{"task_list", list.Json().at("id")}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  auto items = applied.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(Str(items[0].at("title")), "Brief");
  EXPECT_EQ(Str(items[0].at("due_at")), "2026-03-10T00:00:00.000Z");
  EXPECT_EQ(Str(items[1].at("due_at")), "2026-03-17T00:00:00.000Z");
  EXPECT_EQ(Str(items[2].at("due_at")), "2026-03-20T00:00:00.000Z");
  EXPECT_TRUE(items[3].at("due_at").is_null());
  // A project's (or the workspace's) tasks take the date given.
  auto own = owner_->client.Post(WsPath(*owner_, "/tasks"), {{"task_list", list.Json().at("id")},
                                                             {"publish_at", "2026-05-01"}});
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(Str(own.Json().at("items").at(0).at("due_at")), "2026-04-21T00:00:00.000Z");
  auto lists = owner_->client.Get(WsPath(*owner_, "/task-lists"));
  ASSERT_EQ(lists.status, 200);
  EXPECT_EQ(lists.Json().at("items").at(0).at("tasks").as_array().size(), 4u);
  auto bad = owner_->client.Post(WsPath(*owner_, "/task-lists"),
                                 {{"name", "Vide"}, {"tasks", json::array{{{"title", ""}}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(NamesField(bad, "tasks[0].title"));
}

// docs/api/openapi.yaml's rule: a body unlike the schema is 400, a refused value 422.
TEST_F(Collab, TaskInputFollowsTheBadInputRule) {
  const std::string id = Article("Texte.");
  auto untitled = owner_->client.Post(TasksPath(id), {{"description", "Sans titre"}});
  EXPECT_EQ(untitled.status, 400) << untitled.body;
  EXPECT_TRUE(NamesField(untitled, "title")) << untitled.body;
  auto both = owner_->client.Post(TasksPath(id), {{"title", "Relire"}, {"task_list", "x"}});
  EXPECT_EQ(both.status, 400) << both.body;
  EXPECT_TRUE(NamesField(both, "task_list")) << both.body;
  auto undated = owner_->client.Post(TasksPath(id), {{"title", "Relire"}, {"due_at", "demain"}});
  EXPECT_EQ(undated.status, 400) << undated.body;
  EXPECT_TRUE(NamesField(undated, "due_at")) << undated.body;
  auto unknown = owner_->client.Post(TasksPath(id), {{"title", "Relire"}, {"colour", "red"}});
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  auto blank = owner_->client.Post(TasksPath(id), {{"title", "   "}});
  EXPECT_EQ(blank.status, 422) << blank.body;
  EXPECT_TRUE(NamesField(blank, "title")) << blank.body;
  EXPECT_EQ(owner_->client.Get(TasksPath(id)).Json().at("items").as_array().size(), 0u);
}

TEST_F(Collab, AssigneesAreToldAndCompleteTheirTasks) {
  const std::string id = Article("Texte.");
  auto task =
      owner_->client.Post(TasksPath(id), {{"title", "Relecture juridique"},
                                          {"assignees", json::array{reviewer_->user_id.c_str()}},
                                          {"due_at", "2026-03-17"}});
  ASSERT_EQ(task.status, 201) << task.body;
  EXPECT_TRUE(Has(Kinds(*reviewer_), "assigned"));
  const std::string path = "/api/v1/tasks/" + Str(task.Json().at("id"));
  // A reviewer completes what is assigned to them, and changes nothing else.
  EXPECT_EQ(reviewer_->client.Patch(path, {{"title", "Autre"}}).status, 403);
  auto done = reviewer_->client.Patch(path, {{"done", true}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(done.Json().at("done").as_bool());
  EXPECT_EQ(Str(done.Json().at("done_by")), reviewer_->user_id);
  // Nobody else's tasks, and nothing outside the workspace.
  auto other = owner_->client.Post(TasksPath(id), {{"title", "Visuels"}});
  const std::string other_path = "/api/v1/tasks/" + Str(other.Json().at("id"));
  EXPECT_EQ(reviewer_->client.Patch(other_path, {{"done", true}}).status, 403);
  EXPECT_EQ(outsider_->client.Patch(other_path, {{"done", true}}).status, 404);
  EXPECT_EQ(outsider_->client.Get(TasksPath(id)).status, 404);
  auto unknown_assignee = owner_->client.Post(
      TasksPath(id), {{"title", "X"}, {"assignees", json::array{outsider_->user_id.c_str()}}});
  EXPECT_EQ(unknown_assignee.status, 422);
  EXPECT_TRUE(NamesField(unknown_assignee, "assignees[0]"));
}

TEST_F(Collab, TheLastOpenTaskDoneSuggestsTheNextStatus) {
  const std::string id = Article("Texte.");
  auto a = owner_->client.Post(TasksPath(id), {{"title", "Brief"}});
  auto b = owner_->client.Post(TasksPath(id), {{"title", "Rédaction"}});
  auto first = owner_->client.Patch("/api/v1/tasks/" + Str(a.Json().at("id")), {{"done", true}});
  ASSERT_EQ(first.status, 200);
  EXPECT_FALSE(first.Json().as_object().contains("suggest_next_status"));
  auto last = owner_->client.Patch("/api/v1/tasks/" + Str(b.Json().at("id")), {{"done", true}});
  ASSERT_EQ(last.status, 200) << last.body;
  ASSERT_TRUE(last.Json().as_object().contains("suggest_next_status")) << last.body;
  // The default workflow of a French workspace: Idée, then Rédaction.
  EXPECT_EQ(Str(last.Json().at("suggest_next_status").at("name")), "Rédaction");
  auto tasks = owner_->client.Get(TasksPath(id));
  EXPECT_EQ(tasks.Json().at("items").as_array().size(), 2u);
}

TEST_F(Collab, WorkspaceTasksFilterByAssigneeDueDateAndDone) {
  const std::string id = Article("Texte.");
  auto mine = owner_->client.Post(WsPath(*owner_, "/tasks"),
                                  {{"title", "Planning de mars"},
                                   {"assignees", json::array{editor_->user_id.c_str()}},
                                   {"due_at", "2026-03-02"}});
  ASSERT_EQ(mine.status, 201) << mine.body;
  auto on_content = owner_->client.Post(
      WsPath(*owner_, "/tasks"), {{"title", "Visuels"}, {"content", id}, {"due_at", "2026-04-02"}});
  ASSERT_EQ(on_content.status, 201) << on_content.body;
  EXPECT_EQ(Str(on_content.Json().at("content_id")), id);
  auto by_me = editor_->client.Get(WsPath(*owner_, "/tasks?assignee=me&done=false"));
  ASSERT_EQ(by_me.status, 200) << by_me.body;
  EXPECT_EQ(ItemIds(by_me), std::vector<std::string>{Str(mine.Json().at("id"))});
  auto april = owner_->client.Get(WsPath(*owner_, "/tasks?due_from=2026-04-01&due_to=2026-05-01"));
  EXPECT_EQ(ItemIds(april), std::vector<std::string>{Str(on_content.Json().at("id"))});
  auto of_content = owner_->client.Get(WsPath(*owner_, "/tasks?content=" + id));
  EXPECT_EQ(ItemIds(of_content).size(), 1u);
  EXPECT_EQ(
      owner_->client.Get(WsPath(*owner_, "/tasks?done=true")).Json().at("items").as_array().size(),
      0u);
  // A guest sees only the tasks of contents shared with them: none here.
  auto theirs = guest_->client.Get(WsPath(*owner_, "/tasks"));
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_TRUE(ItemIds(theirs).empty()) << theirs.body;
  ASSERT_EQ(
      owner_->client
          .Post(ContentPath(id) + "/shares", {{"user_id", guest_->user_id}, {"level", "read"}})
          .status,
      201);
  // Those of the shared content, not the workspace's own tasks.
  EXPECT_EQ(ItemIds(guest_->client.Get(WsPath(*owner_, "/tasks"))), ItemIds(of_content));
  EXPECT_EQ(outsider_->client.Get(WsPath(*owner_, "/tasks")).status, 404);
  EXPECT_EQ(owner_->client.Delete("/api/v1/tasks/" + Str(mine.Json().at("id"))).status, 204);
}

// ---- notifications -----------------------------------------------------------------------------

TEST_F(Collab, NotificationsListUnreadFirstAndAreMarkedRead) {
  const std::string id = Article("Texte.");
  for (int i = 0; i < 3; ++i)
    Comment(*owner_, id,
            {{"body", "@[Claire editor](user:" + editor_->user_id + ") n°" + std::to_string(i)}});
  auto all = Notifications(*editor_);
  ASSERT_EQ(all.size(), 3u);
  // Newest first among the unread; the oldest read goes last.
  const std::string oldest = Str(all[2].at("id"));
  ASSERT_EQ(editor_->client
                .Post("/api/v1/me/notifications/" + Str(all[0].at("id")) + "/read", json::object{})
                .status,
            204);
  auto after = editor_->client.Get("/api/v1/me/notifications");
  EXPECT_EQ(after.Json().at("unread").as_int64(), 2);
  auto items = after.Json().at("items").as_array();
  EXPECT_FALSE(items[0].at("read").as_bool());
  EXPECT_FALSE(items[1].at("read").as_bool());
  EXPECT_TRUE(items[2].at("read").as_bool());
  EXPECT_EQ(Str(items[1].at("id")), oldest);
  // Pages follow the same order.
  auto page = editor_->client.Get("/api/v1/me/notifications?limit=2");
  ASSERT_FALSE(page.Json().at("next_cursor").is_null());
  auto next = editor_->client.Get("/api/v1/me/notifications?limit=2&cursor=" +
                                  Str(page.Json().at("next_cursor")));
  ASSERT_EQ(next.status, 200) << next.body;
  EXPECT_EQ(next.Json().at("items").as_array().size(), 1u);
  EXPECT_TRUE(next.Json().at("items").at(0).at("read").as_bool());
  // Someone else's notification does not exist for them.
  EXPECT_EQ(
      owner_->client.Post("/api/v1/me/notifications/" + oldest + "/read", json::object{}).status,
      404);
  ASSERT_EQ(editor_->client.Post("/api/v1/me/notifications/read-all", json::object{}).status, 204);
  EXPECT_EQ(editor_->client.Get("/api/v1/me/notifications").Json().at("unread").as_int64(), 0);
}

TEST_F(Collab, DueAndOverdueTasksRemindOnce) {
  auto overdue = owner_->client.Post(WsPath(*owner_, "/tasks"),
                                     {{"title", "Bilan"},
                                      {"assignees", json::array{editor_->user_id.c_str()}},
                                      {"due_at", "2020-01-01"}});
  ASSERT_EQ(overdue.status, 201) << overdue.body;
  auto kinds = Kinds(*editor_);
  EXPECT_TRUE(Has(kinds, "task_overdue"));
  EXPECT_EQ(Kinds(*editor_).size(), kinds.size());  // read twice, told once
  // Done, it reminds no more.
  ASSERT_EQ(editor_->client.Post("/api/v1/me/notifications/read-all", json::object{}).status, 204);
  EXPECT_EQ(editor_->client.Get("/api/v1/me/notifications").Json().at("unread").as_int64(), 0);
}

TEST_F(Collab, WorkflowAsksTeamsAndTellsOfDecisionsAndStaleApprovals) {
  const std::string legal = NewTeam(*owner_, "Legal", {reviewer_->user_id});
  auto workflow = owner_->client.Get(WsPath(*owner_, "/workflow")).Json();
  json::array statuses;
  const auto& defaults = workflow.at("statuses").as_array();
  for (std::size_t i = 0; i < defaults.size(); ++i) {
    json::object in;
    for (const char* key : {"id", "name", "color", "category"}) in[key] = defaults[i].at(key);
    if (i == 3)  // legal validation, in the default workflow
      in["gate"] = {{"teams", json::array{legal.c_str()}}, {"blocking", true}};
    statuses.push_back(std::move(in));
  }
  ASSERT_EQ(owner_->client.Put(WsPath(*owner_, "/workflow"), {{"statuses", statuses}}).status, 200);
  auto created = CreateArticle(*owner_, "Offre", {{"body", "Texte."}});
  const std::string id = Str(created.at("id"));
  const std::string legal_status = Str(statuses[3].at("id"));
  auto moved = owner_->client.Post(ContentPath(id) + "/status", {{"status", legal_status}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto told = Notifications(*reviewer_);
  ASSERT_FALSE(told.empty());
  EXPECT_EQ(Str(told[0].at("kind")), "approval_requested");
  EXPECT_EQ(Str(told[0].at("data").at("team_name")), "Legal");

  auto decided =
      reviewer_->client.Post(ContentPath(id) + "/approvals",
                             {{"revision", RevisionOf(created)}, {"decision", "approved"}});
  ASSERT_EQ(decided.status, 201) << decided.body;
  EXPECT_TRUE(Has(Kinds(*owner_), "decision"));

  auto current = GetContent(*owner_, id);
  auto edited =
      PatchContent(*owner_, id, VersionOf(current), {{"fields", {{"body", "Texte, modifié."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  ASSERT_TRUE(Has(Kinds(*reviewer_), "approval_stale"));
  // The approver is told for which team their approval no longer holds, and by whom.
  json::value stale;
  for (const auto& n : Notifications(*reviewer_)) {
    if (Str(n.at("kind")) == "approval_stale") stale = n;
  }
  EXPECT_EQ(Str(stale.at("data").at("team_name")), "Legal");
  EXPECT_FALSE(stale.at("actor").is_null());
}

TEST_F(Collab, ContentAssigneesAreTold) {
  auto created = CreateContent(*owner_, {{"type", "article"},
                                         {"title", "Post LinkedIn"},
                                         {"assignees", json::array{editor_->user_id.c_str()}}});
  EXPECT_TRUE(Has(Kinds(*editor_), "assigned"));
  auto changed = PatchContent(
      *owner_, Str(created.at("id")), VersionOf(created),
      {{"assignees", json::array{editor_->user_id.c_str(), reviewer_->user_id.c_str()}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(Kinds(*editor_).size(), 1u);  // already assigned: not told again
  EXPECT_TRUE(Has(Kinds(*reviewer_), "assigned"));
}

}  // namespace
}  // namespace copydesk::testing
