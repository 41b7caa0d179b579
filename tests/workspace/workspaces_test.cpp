// Workspaces as the domain keeps them: slugs, members added or invited, the rules on roles (the
// last owner stays), leaving, and teams. Built from the factories over a real database, through
// workspace::Workspaces; the HTTP contract of the same routes is in tests/api/workspaces_test.cpp.
#include "workspace/workspaces.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "support/factories.hpp"

namespace copydesk::testing {
namespace {

const std::string kPassword = "correct horse battery";

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

template <class T>
void ExpectRefused(const Result<T>& result, ErrorKind kind, const std::string& what) {
  ASSERT_FALSE(result.ok()) << what;
  EXPECT_EQ(result.error().kind, kind) << what << ": " << Describe(result.error());
}

//! A world with a French workspace, "Énergie Sud", and its owner.
struct Desk {
  TestWorld world;
  Workspace ws = world.MakeWorkspace();
  workspace::Workspaces& workspaces = world.workspaces;

  //! The role `user_id` holds in the workspace as `viewer` sees it, or "" when not a member.
  std::string RoleOf(const std::string& user_id, const auth::Actor* viewer = nullptr) {
    for (const auto& m : Must(workspaces.Members(viewer ? *viewer : ws.owner, ws.id), "members")) {
      if (m.user_id == user_id) return m.role;
    }
    return "";
  }

  //! The sorted members of the team `team_id`.
  std::vector<std::string> TeamMembers(const std::string& team_id) {
    for (const auto& t : Must(workspaces.Teams(ws.owner, ws.id), "teams")) {
      if (t.id == team_id) return Sorted(t.member_ids);
    }
    return {};
  }

  //! Invites `email` with `role` and returns the secret of the invitation.
  std::string Invite(const std::string& email, const std::string& role) {
    auto outcome = Must(workspaces.AddMember(ws.owner, ws.id, email, role), "inviting " + email);
    if (!outcome.invitation) throw StepFailed(email + " was added instead of invited");
    return outcome.invitation_secret;
  }
};

// ---- workspaces -------------------------------------------------------------------------------

TEST(Workspaces, CreatorBecomesOwnerAndFindsItByIdAndSlug) {
  Desk d;
  const auto ws = Must(d.workspaces.Create(d.ws.owner, "Agence Été", std::string("en")), "create");
  EXPECT_EQ(ws.slug, "agence-ete");
  EXPECT_EQ(ws.name, "Agence Été");
  EXPECT_EQ(ws.language, "en");

  const auto list = d.workspaces.List(d.ws.owner);
  EXPECT_EQ(list.size(), 2u);
  EXPECT_TRUE(std::any_of(list.begin(), list.end(), [&](const auto& entry) {
    return entry.first.id == ws.id && entry.second == "owner";
  }));
  for (const auto& ref : {ws.id, std::string("agence-ete")}) {
    SCOPED_TRACE(ref);
    const auto got = Must(d.workspaces.Get(d.ws.owner, ref), "get");
    EXPECT_EQ(got.workspace.id, ws.id);
    EXPECT_EQ(auth::RoleName(got.role), "owner");
  }
  ExpectRefused(d.workspaces.Get(d.ws.owner, "agence"), ErrorKind::kNotFound, "a prefix of a slug");
}

TEST(Workspaces, SameNameGetsItsOwnSlug) {
  TestWorld world;
  const auto first = world.MakeWorkspace({.name = "Desk"});
  const auto second = Must(world.workspaces.Create(first.owner, "DESK", std::nullopt), "second");
  const auto third = Must(world.workspaces.Create(first.owner, "Désk!", std::nullopt), "third");
  EXPECT_EQ(Must(world.workspaces.Get(first.owner, first.id), "first").workspace.slug, "desk");
  EXPECT_EQ(second.slug, "desk-2");
  EXPECT_EQ(third.slug, "desk-3");
}

TEST(Workspaces, RenamingByIdOrSlugKeepsTheSlug) {
  Desk d;
  const auto by_slug = Must(
      d.workspaces.Update(d.ws.owner, "energie-sud", std::string("Énergie Nord"), std::nullopt),
      "rename");
  EXPECT_EQ(by_slug.name, "Énergie Nord");
  EXPECT_EQ(by_slug.slug, "energie-sud");  // links keep working

  const auto by_id =
      Must(d.workspaces.Update(d.ws.owner, d.ws.id, std::nullopt, std::string("en")), "language");
  EXPECT_EQ(by_id.name, "Énergie Nord");
  EXPECT_EQ(by_id.language, "en");

  auto got = Must(d.workspaces.Get(d.ws.owner, "energie-sud"), "get").workspace;
  EXPECT_EQ(got.name, "Énergie Nord");
  EXPECT_EQ(got.language, "en");
  ExpectRefused(d.workspaces.Update(d.ws.owner, "energie-sud", std::string(" "), std::nullopt),
                ErrorKind::kUnprocessable, "a blank name");
  EXPECT_EQ(Must(d.workspaces.Get(d.ws.owner, "energie-sud"), "get").workspace.name,
            "Énergie Nord");
}

TEST(Workspaces, APersonInSeveralWorkspacesHasARoleInEach) {
  Desk d;
  const auto claire = d.world.MakeMember(d.ws, "editor", "Claire");
  const auto agency = d.world.MakeWorkspace({.name = "Agence Lumière", .owner_name = "Paul"});
  d.world.AddMember(agency, claire, "guest");

  std::map<std::string, std::string> roles;
  for (const auto& [ws, role] : d.workspaces.List(claire)) roles[ws.id] = role;
  EXPECT_EQ(roles, (std::map<std::string, std::string>{{d.ws.id, "editor"}, {agency.id, "guest"}}));

  // Each workspace applies its own role.
  EXPECT_TRUE(d.workspaces.Members(claire, d.ws.id).ok());
  ExpectRefused(d.workspaces.Members(claire, agency.id), ErrorKind::kForbidden,
                "a guest lists members");
  // Teams of one workspace take only its own members.
  const auto team =
      Must(d.workspaces.CreateTeam(agency.owner, agency.id, "Clients", std::nullopt), "team");
  ExpectRefused(d.workspaces.SetTeamMembers(agency.owner, agency.id, team.id, {d.ws.owner.user.id}),
                ErrorKind::kUnprocessable, "a member of another workspace in a team");
  EXPECT_TRUE(d.workspaces.SetTeamMembers(agency.owner, agency.id, team.id, {claire.user.id}).ok());
  // A team is reachable only through its own workspace.
  ExpectRefused(d.workspaces.RenameTeam(d.ws.owner, d.ws.id, team.id, "Mine"), ErrorKind::kNotFound,
                "renaming another workspace's team");
  ExpectRefused(d.workspaces.DeleteTeam(d.ws.owner, d.ws.id, team.id), ErrorKind::kNotFound,
                "deleting another workspace's team");

  // Leaving one leaves the other intact.
  ASSERT_TRUE(d.workspaces.RemoveMember(claire, agency.id, claire.user.id).ok());
  EXPECT_EQ(d.workspaces.List(claire).size(), 1u);
  EXPECT_TRUE(d.workspaces.Get(claire, d.ws.id).ok());
  for (const auto& t : Must(d.workspaces.Teams(agency.owner, agency.id), "teams")) {
    if (t.id == team.id) {
      EXPECT_TRUE(t.member_ids.empty());
    }
  }
}

// ---- members and invitations ------------------------------------------------------------------

TEST(Members, AnExistingAccountIsAddedAtOnce) {
  Desk d;
  const auto other = d.world.MakeUser("Paul Durand");  // has an account, not a member
  auto added =
      Must(d.workspaces.AddMember(d.ws.owner, d.ws.id, other.user.email, "reviewer"), "adding");
  ASSERT_TRUE(added.member.has_value());
  EXPECT_EQ(added.member->user_id, other.user.id);
  EXPECT_EQ(added.member->role, "reviewer");
  EXPECT_FALSE(added.invitation.has_value());
  EXPECT_EQ(d.RoleOf(other.user.id), "reviewer");
  // They see it at once.
  EXPECT_TRUE(d.workspaces.Get(other, d.ws.id).ok());
  // Adding them again is a conflict, and the e-mail is matched without case.
  std::string upper = other.user.email;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  ExpectRefused(d.workspaces.AddMember(d.ws.owner, d.ws.id, upper, "editor"), ErrorKind::kConflict,
                "adding a member again");
  EXPECT_EQ(d.RoleOf(other.user.id), "reviewer");
}

TEST(Members, AnUnknownEmailIsInvitedAndAcceptingJoinsWithTheRole) {
  Desk d;
  auto invited =
      Must(d.workspaces.AddMember(d.ws.owner, d.ws.id, "Nadia@Example.com", "editor"), "inviting");
  ASSERT_TRUE(invited.invitation.has_value());
  EXPECT_FALSE(invited.member.has_value());
  EXPECT_EQ(invited.invitation->email, "nadia@example.com");
  EXPECT_EQ(invited.invitation->role, "editor");
  EXPECT_GE(invited.invitation_secret.size(), 43u);
  ASSERT_EQ(Must(d.workspaces.Invitations(d.ws.owner, d.ws.id), "invitations").size(), 1u);

  // A weak password is refused and the invitation stays usable.
  auto weak = d.workspaces.AcceptInvitation(invited.invitation_secret, "Nadia", "short", "", "");
  ExpectRefused(weak, ErrorKind::kUnprocessable, "a weak password");
  EXPECT_TRUE(NamesField(weak.error(), "password"));
  auto accepted = Must(
      d.workspaces.AcceptInvitation(invited.invitation_secret, "Nadia Benali", kPassword, "", ""),
      "accepting");
  EXPECT_EQ(accepted.workspace.id, d.ws.id);
  EXPECT_EQ(accepted.session.user.email, "nadia@example.com");
  auth::Actor nadia;
  nadia.user = accepted.session.user;
  EXPECT_EQ(d.RoleOf(nadia.user.id), "editor");
  ASSERT_EQ(d.workspaces.List(nadia).size(), 1u);
  ExpectRefused(d.workspaces.CreateTeam(nadia, d.ws.id, "Nope", std::nullopt),
                ErrorKind::kForbidden, "an editor creates a team");
  EXPECT_TRUE(Must(d.workspaces.Invitations(d.ws.owner, d.ws.id), "invitations").empty());
  // The password they chose works for signing in; the invitation does not work twice.
  EXPECT_TRUE(d.world.accounts.Login("nadia@example.com", kPassword, "192.0.2.1", "test").ok());
  ExpectRefused(
      d.workspaces.AcceptInvitation(invited.invitation_secret, "Nadia", kPassword, "", ""),
      ErrorKind::kNotFound, "accepting twice");
  ExpectRefused(d.workspaces.AcceptInvitation("forged-token", "Nadia", kPassword, "", ""),
                ErrorKind::kNotFound, "a forged invitation");
}

TEST(Members, InvitationForAnEmailThatSignedUpMeanwhileIsAConflict) {
  Desk d;
  const auto agency = d.world.MakeWorkspace({.name = "Agence Lumière", .owner_name = "Paul"});
  auto second = Must(d.workspaces.AddMember(agency.owner, agency.id, "both@example.com", "editor"),
                     "inviting to the agency");
  const std::string first = d.Invite("both@example.com", "guest");
  ASSERT_TRUE(
      d.workspaces.AcceptInvitation(second.invitation_secret, "Both", kPassword, "", "").ok());
  ExpectRefused(d.workspaces.AcceptInvitation(first, "Both", kPassword, "", ""),
                ErrorKind::kConflict, "an invitation for an e-mail that has an account now");
}

TEST(Members, AnyMemberMayLeave) {
  Desk d;
  const auto guest = d.world.MakeMember(d.ws, "guest");
  ExpectRefused(d.workspaces.RemoveMember(guest, d.ws.id, d.ws.owner.user.id),
                ErrorKind::kForbidden, "a guest removes the owner");
  ASSERT_TRUE(d.workspaces.RemoveMember(guest, d.ws.id, guest.user.id).ok());
  ExpectRefused(d.workspaces.Get(guest, d.ws.id), ErrorKind::kNotFound, "a former member");
  EXPECT_TRUE(d.workspaces.List(guest).empty());
  EXPECT_EQ(d.RoleOf(guest.user.id), "");
}

TEST(Members, GuestsNeverSeeTheMemberListOrTeams) {
  Desk d;
  const auto guest = d.world.MakeMember(d.ws, "guest");
  auto members = d.workspaces.Members(guest, d.ws.id);
  ExpectRefused(members, ErrorKind::kForbidden, "a guest lists members");
  EXPECT_EQ(members.error().detail.find(d.ws.owner.user.email), std::string::npos);
  ExpectRefused(d.workspaces.Teams(guest, d.ws.id), ErrorKind::kForbidden, "a guest lists teams");
  EXPECT_TRUE(d.workspaces.Get(guest, d.ws.id).ok());
}

// ---- roles ------------------------------------------------------------------------------------

TEST(Roles, OwnersAndAdminsChangeRolesWithinTheRules) {
  Desk d;
  const auto admin = d.world.MakeMember(d.ws, "admin");
  const auto editor = d.world.MakeMember(d.ws, "editor");

  const auto changed =
      Must(d.workspaces.ChangeRole(d.ws.owner, d.ws.id, editor.user.id, "reviewer"), "change");
  EXPECT_EQ(changed.role, "reviewer");
  EXPECT_EQ(d.RoleOf(editor.user.id), "reviewer");
  EXPECT_TRUE(d.workspaces.ChangeRole(admin, d.ws.id, editor.user.id, "contributor").ok());
  EXPECT_EQ(d.RoleOf(editor.user.id), "contributor");

  auto bad_role = d.workspaces.ChangeRole(d.ws.owner, d.ws.id, editor.user.id, "king");
  ExpectRefused(bad_role, ErrorKind::kUnprocessable, "an unknown role");
  ASSERT_FALSE(bad_role.error().fields.empty());
  EXPECT_EQ(bad_role.error().fields[0].field, "role");
  ExpectRefused(d.workspaces.ChangeRole(d.ws.owner, d.ws.id, "nosuchmember0000", "guest"),
                ErrorKind::kNotFound, "an unknown member");
  EXPECT_EQ(d.RoleOf(editor.user.id), "contributor");
  // The person feels the change at once.
  ExpectRefused(d.workspaces.CreateTeam(editor, d.ws.id, "Mine", std::nullopt),
                ErrorKind::kForbidden, "a contributor creates a team");
  ASSERT_TRUE(d.workspaces.ChangeRole(d.ws.owner, d.ws.id, editor.user.id, "admin").ok());
  EXPECT_TRUE(d.workspaces.CreateTeam(editor, d.ws.id, "Mine", std::nullopt).ok());
}

TEST(Roles, AdminsCannotTouchOwners) {
  Desk d;
  const auto admin = d.world.MakeMember(d.ws, "admin");
  const auto editor = d.world.MakeMember(d.ws, "editor");
  const auto outside = d.world.MakeUser("Paul Durand");
  const std::string& owner_id = d.ws.owner.user.id;

  ExpectRefused(d.workspaces.ChangeRole(admin, d.ws.id, owner_id, "editor"), ErrorKind::kForbidden,
                "an admin demotes the owner");
  ExpectRefused(d.workspaces.RemoveMember(admin, d.ws.id, owner_id), ErrorKind::kForbidden,
                "an admin removes the owner");
  ExpectRefused(d.workspaces.ChangeRole(admin, d.ws.id, editor.user.id, "owner"),
                ErrorKind::kForbidden, "an admin makes an owner");
  ExpectRefused(d.workspaces.ChangeRole(admin, d.ws.id, admin.user.id, "owner"),
                ErrorKind::kForbidden, "an admin makes themselves owner");
  ExpectRefused(d.workspaces.AddMember(admin, d.ws.id, outside.user.email, "owner"),
                ErrorKind::kForbidden, "an admin adds an owner");
  ExpectRefused(d.workspaces.AddMember(admin, d.ws.id, "new@example.com", "owner"),
                ErrorKind::kForbidden, "an admin invites an owner");
  EXPECT_EQ(d.RoleOf(owner_id), "owner");
  EXPECT_EQ(d.RoleOf(editor.user.id), "editor");
  EXPECT_EQ(d.RoleOf(admin.user.id), "admin");
  EXPECT_EQ(d.RoleOf(outside.user.id), "");
  EXPECT_TRUE(Must(d.workspaces.Invitations(d.ws.owner, d.ws.id), "invitations").empty());
  // What they may do: manage everyone below owner.
  EXPECT_TRUE(d.workspaces.RemoveMember(admin, d.ws.id, editor.user.id).ok());
  EXPECT_EQ(d.RoleOf(editor.user.id), "");
}

TEST(Roles, OnlyOwnersManageOwners) {
  Desk d;
  const auto editor = d.world.MakeMember(d.ws, "editor");
  ASSERT_TRUE(d.workspaces.ChangeRole(d.ws.owner, d.ws.id, editor.user.id, "owner").ok());
  // Two owners: either may step down or leave; the new one may demote the first.
  EXPECT_TRUE(d.workspaces.ChangeRole(editor, d.ws.id, d.ws.owner.user.id, "admin").ok());
  EXPECT_EQ(d.RoleOf(d.ws.owner.user.id, &editor), "admin");
  ExpectRefused(d.workspaces.ChangeRole(d.ws.owner, d.ws.id, d.ws.owner.user.id, "owner"),
                ErrorKind::kForbidden, "an admin makes themselves owner again");
}

TEST(Roles, TheLastOwnerCanNeitherLeaveNorBeDemoted) {
  Desk d;
  const auto second = d.world.MakeMember(d.ws, "admin");
  const std::string& owner_id = d.ws.owner.user.id;

  ExpectRefused(d.workspaces.ChangeRole(d.ws.owner, d.ws.id, owner_id, "admin"),
                ErrorKind::kConflict, "the last owner steps down");
  ExpectRefused(d.workspaces.RemoveMember(d.ws.owner, d.ws.id, owner_id), ErrorKind::kConflict,
                "the last owner leaves");
  EXPECT_EQ(d.RoleOf(owner_id), "owner");

  // With a second owner, the first may leave; then the second is the last one.
  ASSERT_TRUE(d.workspaces.ChangeRole(d.ws.owner, d.ws.id, second.user.id, "owner").ok());
  EXPECT_TRUE(d.workspaces.RemoveMember(d.ws.owner, d.ws.id, owner_id).ok());
  ExpectRefused(d.workspaces.Get(d.ws.owner, d.ws.id), ErrorKind::kNotFound, "the owner who left");
  ExpectRefused(d.workspaces.ChangeRole(second, d.ws.id, second.user.id, "editor"),
                ErrorKind::kConflict, "the new last owner steps down");
  ExpectRefused(d.workspaces.RemoveMember(second, d.ws.id, second.user.id), ErrorKind::kConflict,
                "the new last owner leaves");
  EXPECT_EQ(d.RoleOf(second.user.id, &second), "owner");
}

// ---- teams ------------------------------------------------------------------------------------

TEST(Teams, CreateRenameDeleteWithNamesUniqueWithoutCaseOrAccents) {
  Desk d;
  const auto editor = d.world.MakeMember(d.ws, "editor");
  auto& ws = d.workspaces;

  const auto created = Must(
      ws.CreateTeam(d.ws.owner, d.ws.id, "  Médias ", std::vector<std::string>{editor.user.id}),
      "create");
  const std::string medias = created.id;
  EXPECT_EQ(created.name, "Médias");
  EXPECT_EQ(created.member_ids, std::vector<std::string>{editor.user.id});

  for (const char* duplicate : {"medias", "MÉDIAS", "Medias", "médias "}) {
    SCOPED_TRACE(duplicate);
    auto refused = ws.CreateTeam(d.ws.owner, d.ws.id, duplicate, std::nullopt);
    ExpectRefused(refused, ErrorKind::kConflict, duplicate);
    ASSERT_FALSE(refused.error().fields.empty());
    EXPECT_EQ(refused.error().fields[0].field, "name");
  }
  const std::string studio =
      Must(ws.CreateTeam(d.ws.owner, d.ws.id, "Studio photo", std::nullopt), "create").id;
  ExpectRefused(ws.RenameTeam(d.ws.owner, d.ws.id, studio, "MEDIAS"), ErrorKind::kConflict,
                "renaming to another team's name");
  // Renaming a team to its own name in other letters is fine.
  EXPECT_TRUE(ws.RenameTeam(d.ws.owner, d.ws.id, studio, "STUDIO PHOTO").ok());
  EXPECT_EQ(Must(ws.RenameTeam(d.ws.owner, d.ws.id, studio, "Studio vidéo"), "rename").name,
            "Studio vidéo");

  // Listed by name, alongside whatever teams a new workspace starts with.
  std::vector<std::string> names;
  for (const auto& t : Must(ws.Teams(d.ws.owner, d.ws.id), "teams")) {
    if (t.id == medias || t.id == studio) names.push_back(t.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Médias", "Studio vidéo"}));
  // Everyone but guests sees the teams and their members.
  EXPECT_TRUE(ws.Teams(editor, d.ws.id).ok());

  EXPECT_TRUE(ws.DeleteTeam(d.ws.owner, d.ws.id, medias).ok());
  ExpectRefused(ws.DeleteTeam(d.ws.owner, d.ws.id, medias), ErrorKind::kNotFound, "deleting twice");
  ExpectRefused(ws.RenameTeam(d.ws.owner, d.ws.id, medias, "Back"), ErrorKind::kNotFound,
                "renaming a deleted team");
  std::vector<std::string> remaining;
  for (const auto& t : Must(ws.Teams(d.ws.owner, d.ws.id), "teams")) remaining.push_back(t.id);
  EXPECT_FALSE(Contains(remaining, medias));
  EXPECT_TRUE(Contains(remaining, studio));
  // The name is free again.
  EXPECT_TRUE(ws.CreateTeam(d.ws.owner, d.ws.id, "Médias", std::nullopt).ok());
}

TEST(Teams, MembersAreMembersOfTheWorkspaceOnceEach) {
  Desk d;
  const auto editor = d.world.MakeMember(d.ws, "editor");
  const auto reviewer = d.world.MakeMember(d.ws, "reviewer");
  const auto outsider = d.world.MakeUser("Paul Durand");
  auto& ws = d.workspaces;
  const std::string team =
      Must(ws.CreateTeam(d.ws.owner, d.ws.id, "Relecture", std::nullopt), "create").id;

  const auto set = Must(ws.SetTeamMembers(d.ws.owner, d.ws.id, team,
                                          {editor.user.id, reviewer.user.id, editor.user.id}),
                        "set");
  EXPECT_EQ(set.member_ids.size(), 2u);
  EXPECT_EQ(d.TeamMembers(team), Sorted({editor.user.id, reviewer.user.id}));
  ASSERT_TRUE(ws.SetTeamMembers(d.ws.owner, d.ws.id, team, {reviewer.user.id}).ok());
  EXPECT_EQ(d.TeamMembers(team), std::vector<std::string>{reviewer.user.id});

  auto stranger = ws.SetTeamMembers(d.ws.owner, d.ws.id, team, {editor.user.id, outsider.user.id});
  ExpectRefused(stranger, ErrorKind::kUnprocessable, "a person outside the workspace");
  ASSERT_FALSE(stranger.error().fields.empty());
  EXPECT_EQ(stranger.error().fields[0].field, "members[1]");
  auto unknown = ws.SetTeamMembers(d.ws.owner, d.ws.id, team, {"nosuchuser000000"});
  ExpectRefused(unknown, ErrorKind::kUnprocessable, "an unknown person");
  ASSERT_FALSE(unknown.error().fields.empty());
  EXPECT_EQ(unknown.error().fields[0].field, "members[0]");
  EXPECT_EQ(d.TeamMembers(team), std::vector<std::string>{reviewer.user.id});  // unchanged

  ExpectRefused(ws.SetTeamMembers(editor, d.ws.id, team, {editor.user.id}), ErrorKind::kForbidden,
                "an editor sets a team's members");
  EXPECT_EQ(d.TeamMembers(team), std::vector<std::string>{reviewer.user.id});

  // Leaving the workspace leaves its teams.
  ASSERT_TRUE(ws.RemoveMember(d.ws.owner, d.ws.id, reviewer.user.id).ok());
  EXPECT_TRUE(d.TeamMembers(team).empty());
  EXPECT_TRUE(ws.SetTeamMembers(d.ws.owner, d.ws.id, team, {}).ok());
}

}  // namespace
}  // namespace copydesk::testing
