// Workspaces, members, invitations, roles and teams, over real HTTP.
#include <gtest/gtest.h>

#include <algorithm>

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

TEST(Workspaces, CreatorBecomesOwnerAndFindsItByIdAndSlug) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto created =
      owner.client.Post("/api/v1/workspaces", {{"name", "Agence Été"}, {"language", "en"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto ws = created.Json();
  EXPECT_EQ(ws.at("role").as_string(), "owner");
  EXPECT_EQ(ws.at("slug").as_string(), "agence-ete");
  EXPECT_EQ(ws.at("name").as_string(), "Agence Été");
  EXPECT_EQ(ws.at("language").as_string(), "en");

  auto list = owner.client.Get("/api/v1/workspaces").Json().at("items");
  EXPECT_EQ(list.as_array().size(), 2u);
  EXPECT_TRUE(Contains(Ids(list, "id"), Str(ws.at("id"))));

  for (const auto& ref : {Str(ws.at("id")), std::string("agence-ete")}) {
    SCOPED_TRACE(ref);
    auto got = owner.client.Get("/api/v1/workspaces/" + ref);
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(got.Json().at("id"), ws.at("id"));
    EXPECT_EQ(got.Json().at("role").as_string(), "owner");
  }
  EXPECT_EQ(owner.client.Get("/api/v1/workspaces/agence").status, 404);
}

TEST(Workspaces, SameNameGetsItsOwnSlug) {
  TestServer server;
  Person owner = MakeOwner(server, "Desk");
  auto second = owner.client.Post("/api/v1/workspaces", {{"name", "DESK"}});
  auto third = owner.client.Post("/api/v1/workspaces", {{"name", "Désk!"}});
  ASSERT_EQ(second.status, 201);
  ASSERT_EQ(third.status, 201);
  EXPECT_EQ(second.Json().at("slug").as_string(), "desk-2");
  EXPECT_EQ(third.Json().at("slug").as_string(), "desk-3");
}

TEST(Workspaces, PatchByIdOrSlugRenamesAndKeepsTheSlug) {
  TestServer server;
  Person owner = MakeOwner(server, "Énergie Sud");
  auto by_slug = owner.client.Patch("/api/v1/workspaces/energie-sud", {{"name", "Énergie Nord"}});
  ASSERT_EQ(by_slug.status, 200) << by_slug.body;
  EXPECT_EQ(by_slug.Json().at("name").as_string(), "Énergie Nord");
  EXPECT_EQ(by_slug.Json().at("slug").as_string(), "energie-sud");  // links keep working

  auto by_id = owner.client.Patch("/api/v1/workspaces/" + owner.workspace_id, {{"language", "en"}});
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.Json().at("name").as_string(), "Énergie Nord");
  EXPECT_EQ(by_id.Json().at("language").as_string(), "en");

  auto got = owner.client.Get("/api/v1/workspaces/energie-sud").Json();
  EXPECT_EQ(got.at("name").as_string(), "Énergie Nord");
  EXPECT_EQ(got.at("language").as_string(), "en");
  EXPECT_EQ(owner.client.Patch("/api/v1/workspaces/energie-sud", {{"name", " "}}).status, 422);
  EXPECT_EQ(owner.client.Get("/api/v1/workspaces/energie-sud").Json().at("name").as_string(),
            "Énergie Nord");
}

TEST(Members, AnExistingAccountIsAddedAtOnce) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person other = MakeOutsider(server, owner);  // has an account, not a member
  Desk desk(owner);
  auto added = owner.client.Post(desk.Members(), {{"email", other.email}, {"role", "reviewer"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json().at("member").at("user_id").as_string(), other.user_id);
  EXPECT_EQ(added.Json().at("member").at("role").as_string(), "reviewer");
  EXPECT_FALSE(added.Json().as_object().contains("invitation"));
  EXPECT_EQ(RoleOf(owner, other.user_id), "reviewer");
  // They see it at once, without signing in again.
  EXPECT_EQ(other.client.Get(desk.base).status, 200);
  // Adding them again is a conflict, and the e-mail is matched without case.
  std::string upper = other.email;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  auto again = owner.client.Post(desk.Members(), {{"email", upper}, {"role", "editor"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(RoleOf(owner, other.user_id), "reviewer");
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

TEST(Members, InvitationForAnEmailThatSignedUpMeanwhileIsAConflict) {
  TestServer server;
  Person owner = MakeOwner(server);
  Desk desk(owner);
  Person other = MakeOutsider(server, owner);
  auto second_ws = other.client.Post("/api/v1/workspaces/" + other.workspace_id + "/members",
                                     {{"email", "both@example.com"}, {"role", "editor"}});
  auto first_ws =
      owner.client.Post(desk.Members(), {{"email", "both@example.com"}, {"role", "guest"}});
  const std::string first_token = Str(first_ws.Json().at("invitation").at("token"));
  const std::string second_token = Str(second_ws.Json().at("invitation").at("token"));
  const json::value person = {{"name", "Both"}, {"password", kPassword}};
  auto joined = server.Client().Post("/api/v1/invitations/" + second_token + "/accept", person);
  ASSERT_EQ(joined.status, 201) << joined.body;
  auto conflict = server.Client().Post("/api/v1/invitations/" + first_token + "/accept", person);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
}

TEST(Roles, OwnersAndAdminsChangeRolesWithinTheRules) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person admin = MakeMember(server, owner, "admin");
  Person editor = MakeMember(server, owner, "editor");
  Desk desk(owner);

  auto changed = owner.client.Patch(desk.Member(editor.user_id), {{"role", "reviewer"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json().at("role").as_string(), "reviewer");
  EXPECT_EQ(RoleOf(owner, editor.user_id), "reviewer");
  EXPECT_EQ(admin.client.Patch(desk.Member(editor.user_id), {{"role", "contributor"}}).status, 200);
  EXPECT_EQ(RoleOf(owner, editor.user_id), "contributor");

  auto bad_role = owner.client.Patch(desk.Member(editor.user_id), {{"role", "king"}});
  EXPECT_EQ(bad_role.status, 422);
  EXPECT_EQ(bad_role.Json().at("errors").at(0).at("field").as_string(), "role");
  EXPECT_EQ(owner.client.Patch(desk.Member("nosuchmember0000"), {{"role", "guest"}}).status, 404);
  EXPECT_EQ(RoleOf(owner, editor.user_id), "contributor");
  // The person feels the change at once.
  EXPECT_EQ(editor.client.Post(desk.Teams(), {{"name", "Mine"}}).status, 403);
  ASSERT_EQ(owner.client.Patch(desk.Member(editor.user_id), {{"role", "admin"}}).status, 200);
  EXPECT_EQ(editor.client.Post(desk.Teams(), {{"name", "Mine"}}).status, 201);
}

TEST(Roles, AdminsCannotTouchOwners) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person admin = MakeMember(server, owner, "admin");
  Person editor = MakeMember(server, owner, "editor");
  Person outside = MakeOutsider(server, owner);
  Desk desk(owner);

  EXPECT_EQ(admin.client.Patch(desk.Member(owner.user_id), {{"role", "editor"}}).status, 403);
  EXPECT_EQ(admin.client.Delete(desk.Member(owner.user_id)).status, 403);
  EXPECT_EQ(admin.client.Patch(desk.Member(editor.user_id), {{"role", "owner"}}).status, 403);
  EXPECT_EQ(admin.client.Patch(desk.Member(admin.user_id), {{"role", "owner"}}).status, 403);
  EXPECT_EQ(admin.client.Post(desk.Members(), {{"email", outside.email}, {"role", "owner"}}).status,
            403);
  EXPECT_EQ(
      admin.client.Post(desk.Members(), {{"email", "new@example.com"}, {"role", "owner"}}).status,
      403);
  EXPECT_EQ(RoleOf(owner, owner.user_id), "owner");
  EXPECT_EQ(RoleOf(owner, editor.user_id), "editor");
  EXPECT_EQ(RoleOf(owner, admin.user_id), "admin");
  EXPECT_EQ(RoleOf(owner, outside.user_id), "");
  EXPECT_TRUE(owner.client.Get(desk.base + "/invitations").Json().at("items").as_array().empty());
  // What they may do: manage everyone below owner.
  EXPECT_EQ(admin.client.Delete(desk.Member(editor.user_id)).status, 204);
  EXPECT_EQ(RoleOf(owner, editor.user_id), "");
}

TEST(Roles, OnlyOwnersManageOwners) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Desk desk(owner);
  ASSERT_EQ(owner.client.Patch(desk.Member(editor.user_id), {{"role", "owner"}}).status, 200);
  // Two owners: either may step down or leave; the new one may demote the first.
  EXPECT_EQ(editor.client.Patch(desk.Member(owner.user_id), {{"role", "admin"}}).status, 200);
  EXPECT_EQ(RoleOf(editor, owner.user_id), "admin");
  EXPECT_EQ(owner.client.Patch(desk.Member(owner.user_id), {{"role", "owner"}}).status, 403);
}

TEST(Roles, TheLastOwnerCanNeitherLeaveNorBeDemoted) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person second = MakeMember(server, owner, "admin");
  Desk desk(owner);

  auto demoted = owner.client.Patch(desk.Member(owner.user_id), {{"role", "admin"}});
  EXPECT_EQ(demoted.status, 409);
  EXPECT_EQ(demoted.Header("Content-Type"), "application/problem+json");
  auto left = owner.client.Delete(desk.Member(owner.user_id));
  EXPECT_EQ(left.status, 409);
  EXPECT_EQ(RoleOf(owner, owner.user_id), "owner");

  // With a second owner, the first may leave; then the second is the last one.
  ASSERT_EQ(owner.client.Patch(desk.Member(second.user_id), {{"role", "owner"}}).status, 200);
  EXPECT_EQ(owner.client.Delete(desk.Member(owner.user_id)).status, 204);
  EXPECT_EQ(owner.client.Get(desk.base).status, 404);
  EXPECT_EQ(second.client.Patch(desk.Member(second.user_id), {{"role", "editor"}}).status, 409);
  EXPECT_EQ(second.client.Delete(desk.Member(second.user_id)).status, 409);
  EXPECT_EQ(RoleOf(second, second.user_id), "owner");
}

TEST(Members, AnyMemberMayLeave) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person guest = MakeMember(server, owner, "guest");
  Desk desk(owner);
  EXPECT_EQ(guest.client.Delete(desk.Member(owner.user_id)).status, 403);
  EXPECT_EQ(guest.client.Delete(desk.Member(guest.user_id)).status, 204);
  EXPECT_EQ(guest.client.Get(desk.base).status, 404);
  EXPECT_TRUE(guest.client.Get("/api/v1/me").Json().at("memberships").as_array().empty());
  EXPECT_EQ(RoleOf(owner, guest.user_id), "");
}

TEST(Members, GuestsNeverSeeTheMemberListOrTeams) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person guest = MakeMember(server, owner, "guest");
  Desk desk(owner);
  auto members = guest.client.Get(desk.Members());
  EXPECT_EQ(members.status, 403);
  EXPECT_EQ(members.body.find(owner.email), std::string::npos);
  EXPECT_EQ(guest.client.Get(desk.Teams()).status, 403);
  EXPECT_EQ(guest.client.Get(desk.base).status, 200);
}

TEST(Teams, CreateRenameDeleteWithNamesUniqueWithoutCaseOrAccents) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Desk desk(owner);

  auto created = owner.client.Post(
      desk.Teams(), {{"name", "  Médias "}, {"members", json::array{editor.user_id.c_str()}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string medias = Str(created.Json().at("id"));
  EXPECT_EQ(created.Json().at("name").as_string(), "Médias");
  ASSERT_EQ(created.Json().at("members").as_array().size(), 1u);
  EXPECT_EQ(created.Json().at("members").at(0).as_string(), editor.user_id);

  for (const char* duplicate : {"medias", "MÉDIAS", "Medias", "médias "}) {
    SCOPED_TRACE(duplicate);
    auto refused = owner.client.Post(desk.Teams(), {{"name", duplicate}});
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(refused.Json().at("errors").at(0).at("field").as_string(), "name");
  }
  auto legal = owner.client.Post(desk.Teams(), {{"name", "Studio photo"}});
  ASSERT_EQ(legal.status, 201);
  const std::string legal_id = Str(legal.Json().at("id"));
  EXPECT_EQ(owner.client.Patch(desk.Team(legal_id), {{"name", "MEDIAS"}}).status, 409);
  // Renaming a team to its own name in other letters is fine.
  auto recased = owner.client.Patch(desk.Team(legal_id), {{"name", "STUDIO PHOTO"}});
  EXPECT_EQ(recased.status, 200) << recased.body;
  auto renamed = owner.client.Patch(desk.Team(legal_id), {{"name", "Studio vidéo"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("name").as_string(), "Studio vidéo");

  // Listed by name, alongside whatever teams a new workspace starts with.
  auto list = owner.client.Get(desk.Teams()).Json().at("items");
  std::vector<std::string> names;
  for (const auto& t : list.as_array()) {
    if (Contains({medias, legal_id}, Str(t.at("id")))) names.push_back(Str(t.at("name")));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Médias", "Studio vidéo"}));
  // Everyone but guests sees the teams and their members.
  EXPECT_EQ(editor.client.Get(desk.Teams()).status, 200);

  EXPECT_EQ(owner.client.Delete(desk.Team(medias)).status, 204);
  EXPECT_EQ(owner.client.Delete(desk.Team(medias)).status, 404);
  EXPECT_EQ(owner.client.Patch(desk.Team(medias), {{"name", "Back"}}).status, 404);
  const auto remaining = Ids(owner.client.Get(desk.Teams()).Json().at("items"), "id");
  EXPECT_FALSE(Contains(remaining, medias));
  EXPECT_TRUE(Contains(remaining, legal_id));
  // The name is free again.
  EXPECT_EQ(owner.client.Post(desk.Teams(), {{"name", "Médias"}}).status, 201);
}

TEST(Teams, MembersAreSetWithABareListOrAnObject) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Person reviewer = MakeMember(server, owner, "reviewer");
  Person outsider = MakeOutsider(server, owner);
  Desk desk(owner);
  auto team = owner.client.Post(desk.Teams(), {{"name", "Relecture"}});
  ASSERT_EQ(team.status, 201);
  const std::string path = desk.Team(Str(team.Json().at("id"))) + "/members";

  const std::string team_id = Str(team.Json().at("id"));
  auto members_of_team = [&] {
    std::vector<std::string> ids;
    auto list = owner.client.Get(desk.Teams()).Json().at("items");
    for (const auto& t : list.as_array()) {
      if (Str(t.at("id")) != team_id) continue;
      for (const auto& id : t.at("members").as_array()) ids.push_back(Str(id));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };

  auto bare = owner.client.Put(
      path, json::array{editor.user_id.c_str(), reviewer.user_id.c_str(), editor.user_id.c_str()});
  ASSERT_EQ(bare.status, 200) << bare.body;
  EXPECT_EQ(bare.Json().at("members").as_array().size(), 2u);
  EXPECT_EQ(members_of_team(), sorted({editor.user_id, reviewer.user_id}));

  auto object = owner.client.Put(path, {{"members", json::array{reviewer.user_id.c_str()}}});
  ASSERT_EQ(object.status, 200) << object.body;
  EXPECT_EQ(members_of_team(), std::vector<std::string>{reviewer.user_id});

  auto stranger =
      owner.client.Put(path, json::array{editor.user_id.c_str(), outsider.user_id.c_str()});
  EXPECT_EQ(stranger.status, 422);
  EXPECT_EQ(stranger.Json().at("errors").at(0).at("field").as_string(), "members[1]");
  auto unknown = owner.client.Put(path, {{"members", json::array{"nosuchuser000000"}}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.Json().at("errors").at(0).at("field").as_string(), "members[0]");
  EXPECT_EQ(members_of_team(), std::vector<std::string>{reviewer.user_id});  // unchanged

  EXPECT_EQ(editor.client.Put(path, json::array{editor.user_id.c_str()}).status, 403);
  EXPECT_EQ(members_of_team(), std::vector<std::string>{reviewer.user_id});

  // Leaving the workspace leaves its teams.
  ASSERT_EQ(owner.client.Delete(desk.Member(reviewer.user_id)).status, 204);
  EXPECT_TRUE(members_of_team().empty());

  auto emptied = owner.client.Put(path, json::array{});
  EXPECT_EQ(emptied.status, 200) << emptied.body;
}

TEST(Workspaces, APersonInSeveralWorkspacesHasARoleInEach) {
  TestServer server;
  Person owner = MakeOwner(server, "Énergie Sud");
  Person claire = MakeMember(server, owner, "editor");
  Person other = MakeOutsider(server, owner);  // owner of "Agence Lumière"
  const std::string agency = "/api/v1/workspaces/" + other.workspace_id;
  ASSERT_EQ(
      other.client.Post(agency + "/members", {{"email", claire.email}, {"role", "guest"}}).status,
      201);

  auto me = claire.client.Get("/api/v1/me").Json();
  std::map<std::string, std::string> roles;
  for (const auto& m : me.at("memberships").as_array()) {
    roles[Str(m.at("workspace").at("id"))] = Str(m.at("role"));
  }
  EXPECT_EQ(roles, (std::map<std::string, std::string>{{owner.workspace_id, "editor"},
                                                       {other.workspace_id, "guest"}}));
  auto listed = claire.client.Get("/api/v1/workspaces").Json().at("items");
  EXPECT_EQ(listed.as_array().size(), 2u);

  // Each workspace applies its own role.
  EXPECT_EQ(claire.client.Get(Desk(owner).Members()).status, 200);
  EXPECT_EQ(claire.client.Get(agency + "/members").status, 403);
  // Teams of one workspace take only its own members.
  auto team = other.client.Post(agency + "/teams", {{"name", "Clients"}});
  ASSERT_EQ(team.status, 201);
  const std::string team_path = agency + "/teams/" + Str(team.Json().at("id"));
  EXPECT_EQ(other.client.Put(team_path + "/members", json::array{owner.user_id.c_str()}).status,
            422);
  EXPECT_EQ(other.client.Put(team_path + "/members", json::array{claire.user_id.c_str()}).status,
            200);
  // A team is reachable only through its own workspace.
  EXPECT_EQ(
      owner.client.Patch(Desk(owner).Team(Str(team.Json().at("id"))), {{"name", "Mine"}}).status,
      404);
  EXPECT_EQ(owner.client.Delete(Desk(owner).Team(Str(team.Json().at("id")))).status, 404);

  // Leaving one leaves the other intact.
  ASSERT_EQ(claire.client.Delete(agency + "/members/" + claire.user_id).status, 204);
  EXPECT_EQ(claire.client.Get("/api/v1/workspaces").Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(claire.client.Get(Desk(owner).base).status, 200);
  auto teams = other.client.Get(agency + "/teams").Json();
  for (const auto& t : teams.at("items").as_array()) {
    if (t.at("id") == team.Json().at("id")) EXPECT_TRUE(t.at("members").as_array().empty());
  }
}

}  // namespace
}  // namespace copydesk::testing
