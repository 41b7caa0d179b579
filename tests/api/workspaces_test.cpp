// Workspaces, members, invitations, roles and teams over real HTTP: the invitation flow (links,
// sign-in), and how workspaces, members and teams are presented. Their rules are tested without
// HTTP in tests/workspace/workspaces_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) {
  return std::string(v.as_string());
}

std::vector<std::string> Ids(const json::value& items, const char* key) {
  std::vector<std::string> out;
  for (const auto& item : items.as_array()) out.push_back(Str(item.at(key)));
  return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

//! The owner's workspace paths, by id.
struct Desk {
  explicit Desk(const Person& owner) : base("/api/v1/workspaces/" + owner.workspace_id) {}
  std::string base;
  std::string Members() const { return base + "/members"; }
  std::string Member(const std::string& id) const { return base + "/members/" + id; }
  std::string Teams() const { return base + "/teams"; }
  std::string Team(const std::string& id) const { return base + "/teams/" + id; }
};

//! The role `person` holds in the owner's workspace, or "" when not a member.
std::string RoleOf(Person& owner, const std::string& user_id) {
  auto members = owner.client.Get(Desk(owner).Members()).Json();
  for (const auto& m : members.at("items").as_array()) {
    if (Str(m.at("user_id")) == user_id) return Str(m.at("role"));
  }
  return "";
}

TEST(Members, AnUnknownEmailIsInvitedAndTheInvitationSignsThePersonIn) {
  TestServer server;
  Person owner = MakeOwner(server);
  Desk desk(owner);
  auto invited =
      owner.client.Post(desk.Members(), {{"email", "Nadia@Example.com"}, {"role", "editor"}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  const auto invitation = invited.Json().at("invitation");
  EXPECT_EQ(invitation.at("email").as_string(), "nadia@example.com");
  EXPECT_EQ(invitation.at("role").as_string(), "editor");
  const std::string token = Str(invitation.at("token"));
  EXPECT_GE(token.size(), 43u);
  EXPECT_NE(Str(invitation.at("accept_url")).find(token), std::string::npos);
  // With no public URL configured, the link names the server as it was reached, not port 0.
  EXPECT_EQ(Str(invitation.at("accept_url"))
                .rfind("http://127.0.0.1:" + std::to_string(server.port()) + "/invite/", 0),
            0u)
      << Str(invitation.at("accept_url"));

  auto pending = owner.client.Get(desk.base + "/invitations");
  ASSERT_EQ(pending.status, 200);
  ASSERT_EQ(pending.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(pending.body.find(token), std::string::npos);  // the secret is shown once only

  auto nadia = server.Client();
  // A weak password is refused and the invitation stays usable.
  auto weak = nadia.Post("/api/v1/invitations/" + token + "/accept",
                         {{"name", "Nadia"}, {"password", "short"}});
  EXPECT_EQ(weak.status, 422);
  auto accepted = nadia.Post("/api/v1/invitations/" + token + "/accept",
                             {{"name", "Nadia Benali"}, {"password", kPassword}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(accepted.Json().at("workspace").at("id").as_string(), owner.workspace_id);

  auto me = nadia.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json().at("user").at("email").as_string(), "nadia@example.com");
  const auto me_body = me.Json();
  const auto& memberships = me_body.at("memberships").as_array();
  ASSERT_EQ(memberships.size(), 1u);
  EXPECT_EQ(memberships[0].at("role").as_string(), "editor");
  EXPECT_EQ(nadia.Post(desk.Teams(), {{"name", "Nope"}}).status, 403);  // editor, not admin

  EXPECT_TRUE(owner.client.Get(desk.base + "/invitations").Json().at("items").as_array().empty());
  // The password they chose works for signing in.
  auto login = server.Client().Post("/api/v1/auth/login",
                                    {{"email", "nadia@example.com"}, {"password", kPassword}});
  EXPECT_EQ(login.status, 200);
}

TEST(Members, UsedOrExpiredInvitationsAreRefused) {
  TestServer server;
  Person owner = MakeOwner(server);
  Desk desk(owner);
  auto invite = [&](const std::string& email) {
    auto invited = owner.client.Post(desk.Members(), {{"email", email}, {"role", "guest"}});
    EXPECT_EQ(invited.status, 201) << invited.body;
    return Str(invited.Json().at("invitation").at("token"));
  };
  const json::value person = {{"name", "Invité"}, {"password", kPassword}};

  const std::string used = invite("used@example.com");
  ASSERT_EQ(server.Client().Post("/api/v1/invitations/" + used + "/accept", person).status, 201);
  auto twice = server.Client().Post("/api/v1/invitations/" + used + "/accept", person);
  EXPECT_EQ(twice.status, 404);
  EXPECT_EQ(twice.Header("Content-Type"), "application/problem+json");

  const std::string expired = invite("late@example.com");
  auto aged = server.app().db().Write([](storage::Tx& tx) -> Result<void> {
    tx.Exec("UPDATE invitations SET expires_at = ? WHERE email = ?",
            {storage::Value(NowMs() - 1), storage::Value(std::string("late@example.com"))});
    return {};
  });
  ASSERT_TRUE(aged.ok());
  auto late = server.Client().Post("/api/v1/invitations/" + expired + "/accept", person);
  EXPECT_EQ(late.status, 404);
  EXPECT_EQ(late.body, twice.body);  // the same answer whatever the reason
  EXPECT_EQ(server.Client().Post("/api/v1/invitations/forged-token/accept", person).body,
            twice.body);
  // Nobody got an account from the expired one.
  EXPECT_EQ(
      server.Client()
          .Post("/api/v1/auth/login", {{"email", "late@example.com"}, {"password", kPassword}})
          .status,
      401);
  EXPECT_TRUE(owner.client.Get(desk.base + "/invitations").Json().at("items").as_array().empty());
}

// ---- how the API presents workspaces, members and teams ---------------------------------------
// The rules (slugs, roles, the last owner, invitations, teams) are tested without HTTP in
// tests/workspace/workspaces_test.cpp; these tests hold what clients read: bodies and statuses.

TEST(WorkspaceContract, WorkspacesAnswerWithTheCallersRoleAndAreFoundByIdOrSlug) {
  TestServer server;
  Person owner = MakeOwner(server, "Énergie Sud");
  auto created =
      owner.client.Post("/api/v1/workspaces", {{"name", "Agence Été"}, {"language", "en"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto ws = created.Json();
  EXPECT_EQ(ws.at("role").as_string(), "owner");
  EXPECT_EQ(ws.at("slug").as_string(), "agence-ete");
  EXPECT_EQ(ws.at("name").as_string(), "Agence Été");
  EXPECT_EQ(ws.at("language").as_string(), "en");
  auto again = owner.client.Post("/api/v1/workspaces", {{"name", "AGENCE ÉTÉ"}});
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.Json().at("slug").as_string(), "agence-ete-2");

  auto list = owner.client.Get("/api/v1/workspaces").Json().at("items");
  EXPECT_EQ(list.as_array().size(), 3u);
  EXPECT_TRUE(Contains(Ids(list, "id"), Str(ws.at("id"))));
  for (const auto& ref : {Str(ws.at("id")), std::string("agence-ete")}) {
    SCOPED_TRACE(ref);
    auto got = owner.client.Get("/api/v1/workspaces/" + ref);
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(got.Json().at("id"), ws.at("id"));
    EXPECT_EQ(got.Json().at("role").as_string(), "owner");
  }
  EXPECT_EQ(owner.client.Get("/api/v1/workspaces/agence").status, 404);

  auto renamed = owner.client.Patch("/api/v1/workspaces/energie-sud", {{"name", "Énergie Nord"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("name").as_string(), "Énergie Nord");
  EXPECT_EQ(renamed.Json().at("slug").as_string(), "energie-sud");
  auto by_id = owner.client.Patch("/api/v1/workspaces/" + owner.workspace_id, {{"language", "en"}});
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.Json().at("language").as_string(), "en");
  EXPECT_EQ(owner.client.Patch("/api/v1/workspaces/energie-sud", {{"name", " "}}).status, 422);
}

TEST(WorkspaceContract, MembersAndRolesAnswerWithTheirBodiesAndStatuses) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person admin = MakeMember(server, owner, "admin");
  Person guest = MakeMember(server, owner, "guest");
  Person other = MakeOutsider(server, owner);  // has an account, not a member
  Desk desk(owner);

  auto added = owner.client.Post(desk.Members(), {{"email", other.email}, {"role", "reviewer"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json().at("member").at("user_id").as_string(), other.user_id);
  EXPECT_EQ(added.Json().at("member").at("role").as_string(), "reviewer");
  EXPECT_FALSE(added.Json().as_object().contains("invitation"));
  EXPECT_EQ(other.client.Get(desk.base).status, 200);
  EXPECT_EQ(owner.client.Post(desk.Members(), {{"email", other.email}, {"role", "editor"}}).status,
            409);

  auto changed = owner.client.Patch(desk.Member(other.user_id), {{"role", "editor"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json().at("role").as_string(), "editor");
  EXPECT_EQ(RoleOf(owner, other.user_id), "editor");
  auto bad_role = owner.client.Patch(desk.Member(other.user_id), {{"role", "king"}});
  EXPECT_EQ(bad_role.status, 422);
  EXPECT_EQ(bad_role.Json().at("errors").at(0).at("field").as_string(), "role");
  EXPECT_EQ(owner.client.Patch(desk.Member("nosuchmember0000"), {{"role", "guest"}}).status, 404);
  EXPECT_EQ(admin.client.Patch(desk.Member(owner.user_id), {{"role", "editor"}}).status, 403);
  EXPECT_EQ(admin.client.Delete(desk.Member(owner.user_id)).status, 403);
  EXPECT_EQ(
      admin.client.Post(desk.Members(), {{"email", "new@example.com"}, {"role", "owner"}}).status,
      403);

  auto last_owner = owner.client.Patch(desk.Member(owner.user_id), {{"role", "admin"}});
  EXPECT_EQ(last_owner.status, 409);
  EXPECT_EQ(last_owner.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(owner.client.Delete(desk.Member(owner.user_id)).status, 409);

  // A guest sees neither members nor teams, and no e-mail leaks in the refusal.
  auto members = guest.client.Get(desk.Members());
  EXPECT_EQ(members.status, 403);
  EXPECT_EQ(members.body.find(owner.email), std::string::npos);
  EXPECT_EQ(guest.client.Get(desk.Teams()).status, 403);
  // Leaving answers 204, and the person's memberships no longer list the workspace.
  EXPECT_EQ(guest.client.Delete(desk.Member(guest.user_id)).status, 204);
  EXPECT_EQ(guest.client.Get(desk.base).status, 404);
  EXPECT_TRUE(guest.client.Get("/api/v1/me").Json().at("memberships").as_array().empty());
  auto me = other.client.Get("/api/v1/me").Json();
  std::map<std::string, std::string> roles;
  for (const auto& m : me.at("memberships").as_array()) {
    roles[Str(m.at("workspace").at("id"))] = Str(m.at("role"));
  }
  EXPECT_EQ(roles, (std::map<std::string, std::string>{{owner.workspace_id, "editor"},
                                                       {other.workspace_id, "owner"}}));

  // An invitation for an e-mail that signed up meanwhile is a conflict.
  auto first_ws =
      owner.client.Post(desk.Members(), {{"email", "both@example.com"}, {"role", "guest"}});
  auto second_ws = other.client.Post("/api/v1/workspaces/" + other.workspace_id + "/members",
                                     {{"email", "both@example.com"}, {"role", "editor"}});
  const json::value person = {{"name", "Both"}, {"password", kPassword}};
  ASSERT_EQ(server.Client()
                .Post("/api/v1/invitations/" + Str(second_ws.Json().at("invitation").at("token")) +
                          "/accept",
                      person)
                .status,
            201);
  auto conflict = server.Client().Post(
      "/api/v1/invitations/" + Str(first_ws.Json().at("invitation").at("token")) + "/accept",
      person);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
}

TEST(WorkspaceContract, TeamsAnswerWithTheirMembersAndTakeABareListOrAnObject) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Person reviewer = MakeMember(server, owner, "reviewer");
  Person outsider = MakeOutsider(server, owner);
  Desk desk(owner);

  auto created = owner.client.Post(
      desk.Teams(), {{"name", "  Médias "}, {"members", json::array{editor.user_id.c_str()}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string team = Str(created.Json().at("id"));
  EXPECT_EQ(created.Json().at("name").as_string(), "Médias");
  ASSERT_EQ(created.Json().at("members").as_array().size(), 1u);
  EXPECT_EQ(created.Json().at("members").at(0).as_string(), editor.user_id);
  auto duplicate = owner.client.Post(desk.Teams(), {{"name", "MEDIAS"}});
  EXPECT_EQ(duplicate.status, 409) << duplicate.body;
  EXPECT_EQ(duplicate.Json().at("errors").at(0).at("field").as_string(), "name");
  auto other_team = owner.client.Post(desk.Teams(), {{"name", "Studio photo"}});
  ASSERT_EQ(other_team.status, 201) << other_team.body;
  EXPECT_EQ(
      owner.client.Patch(desk.Team(Str(other_team.Json().at("id"))), {{"name", "MEDIAS"}}).status,
      409);
  auto renamed = owner.client.Patch(desk.Team(team), {{"name", "Relecture"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("name").as_string(), "Relecture");
  EXPECT_TRUE(Contains(Ids(editor.client.Get(desk.Teams()).Json().at("items"), "id"), team));

  const std::string path = desk.Team(team) + "/members";
  auto bare = owner.client.Put(
      path, json::array{editor.user_id.c_str(), reviewer.user_id.c_str(), editor.user_id.c_str()});
  ASSERT_EQ(bare.status, 200) << bare.body;
  EXPECT_EQ(bare.Json().at("members").as_array().size(), 2u);
  auto object = owner.client.Put(path, {{"members", json::array{reviewer.user_id.c_str()}}});
  ASSERT_EQ(object.status, 200) << object.body;
  ASSERT_EQ(object.Json().at("members").as_array().size(), 1u);
  EXPECT_EQ(object.Json().at("members").at(0).as_string(), reviewer.user_id);
  auto stranger =
      owner.client.Put(path, json::array{editor.user_id.c_str(), outsider.user_id.c_str()});
  EXPECT_EQ(stranger.status, 422);
  EXPECT_EQ(stranger.Json().at("errors").at(0).at("field").as_string(), "members[1]");
  EXPECT_EQ(editor.client.Put(path, json::array{editor.user_id.c_str()}).status, 403);
  EXPECT_EQ(owner.client.Put(path, json::array{}).status, 200);

  EXPECT_EQ(owner.client.Delete(desk.Team(team)).status, 204);
  EXPECT_EQ(owner.client.Delete(desk.Team(team)).status, 404);
  EXPECT_EQ(owner.client.Patch(desk.Team(team), {{"name", "Back"}}).status, 404);
}

}  // namespace
}  // namespace copydesk::testing
