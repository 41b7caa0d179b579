// The permission matrix at the function level: docs/permissions.md in code.
#include "auth/policy.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace copydesk::auth {
namespace {

constexpr std::array<Role, 6> kRoles = {Role::kOwner,       Role::kAdmin,    Role::kEditor,
                                        Role::kContributor, Role::kReviewer, Role::kGuest};

//! One action and who may do it, in role order: owner, admin, editor, contributor, reviewer,
//! guest ('x' allowed, '-' refused).
struct Grant {
  Action action;
  const char* name;
  const char* roles;
};

constexpr Grant kMatrix[] = {
    {Action::kReadWorkspace, "read workspace", "xxxxxx"},
    {Action::kUpdateWorkspace, "update workspace", "xx----"},
    {Action::kListMembers, "list members", "xxxxx-"},
    {Action::kInviteMember, "invite member", "xx----"},
    {Action::kChangeMemberRole, "change member role", "xx----"},
    {Action::kRemoveMember, "remove member", "xx----"},
    {Action::kManageOwners, "manage owners", "x-----"},
    {Action::kListTeams, "list teams", "xxxxx-"},
    {Action::kManageTeams, "manage teams", "xx----"},
    {Action::kReadSettings, "read settings", "xxxxx-"},
    {Action::kReadTemplates, "read channels and content types", "xxxxxx"},
    {Action::kManageSettings, "manage settings", "xx----"},
    {Action::kManageProjects, "manage projects", "xxx---"},
    {Action::kReadContent, "read content", "xxxxx-"},
    {Action::kCreateContent, "create content", "xxxx--"},
    {Action::kEditContent, "edit any content", "xxx---"},
    {Action::kArchiveContent, "archive any content", "xxx---"},
    {Action::kPurgeContent, "purge content", "xx----"},
    {Action::kComment, "comment", "xxxxx-"},
    {Action::kModerateComments, "delete anyone's comment", "xx----"},
    {Action::kManageTasks, "manage any task", "xxx---"},
    {Action::kCompleteOwnTask, "complete an assigned task", "xxxxx-"},
    {Action::kManageTaskLists, "manage task lists", "xxx---"},
    {Action::kShareContent, "share any content", "xxx---"},
    {Action::kSeeAllLinks, "see and close every review link", "xx----"},
    {Action::kManageWebhooks, "manage webhooks", "xx----"},
    {Action::kReadReports, "read the workspace report", "xxx---"},
};

// Every action has a row above: a new action without one fails here.
static_assert(std::size(kMatrix) == static_cast<std::size_t>(Action::kReadReports) + 1);

TEST(Policy, EachRoleMayDoExactlyWhatTheMatrixSays) {
  for (const auto& grant : kMatrix) {
    for (std::size_t i = 0; i < kRoles.size(); ++i) {
      EXPECT_EQ(Can(kRoles[i], grant.action), grant.roles[i] == 'x')
          << RoleName(kRoles[i]) << " / " << grant.name;
    }
  }
}

TEST(Policy, SomeoneOutsideTheWorkspaceMayDoNothing) {
  for (const auto& grant : kMatrix) {
    EXPECT_FALSE(Can(std::nullopt, grant.action)) << grant.name;
    EXPECT_FALSE(Can(std::nullopt, grant.action, ContentFacts{true, true})) << grant.name;
  }
}

TEST(Policy, ASharedLevelGivesWhatItNamesWhateverTheRole) {
  const auto with = [](ShareLevel level) {
    ContentFacts f;
    f.shared = level;
    return f;
  };
  // A review link's visitor has no role: the level alone decides.
  for (std::optional<Role> role : {std::optional<Role>(Role::kGuest), std::optional<Role>()}) {
    EXPECT_FALSE(Can(role, Action::kReadContent, ContentFacts{}));
    EXPECT_TRUE(Can(role, Action::kReadContent, with(ShareLevel::kRead)));
    EXPECT_FALSE(Can(role, Action::kComment, with(ShareLevel::kRead)));
    EXPECT_TRUE(Can(role, Action::kComment, with(ShareLevel::kComment)));
    EXPECT_TRUE(Can(role, Action::kCompleteOwnTask, with(ShareLevel::kComment)));
    EXPECT_FALSE(Can(role, Action::kEditContent, with(ShareLevel::kComment)));
    EXPECT_TRUE(Can(role, Action::kEditContent, with(ShareLevel::kEdit)));
    // Validating is commenting plus a decision; it does not edit.
    EXPECT_TRUE(Can(role, Action::kComment, with(ShareLevel::kValidate)));
    EXPECT_FALSE(Can(role, Action::kEditContent, with(ShareLevel::kValidate)));
    // No level shares the content's management.
    for (Action a : {Action::kArchiveContent, Action::kPurgeContent, Action::kManageTasks,
                     Action::kShareContent, Action::kModerateComments}) {
      EXPECT_FALSE(Can(role, a, with(ShareLevel::kEdit)));
    }
  }
  // A reviewer given "edit" on one content edits it.
  EXPECT_TRUE(Can(Role::kReviewer, Action::kEditContent, with(ShareLevel::kEdit)));
  EXPECT_FALSE(SeesInternal(Role::kGuest));
  EXPECT_FALSE(SeesInternal(std::nullopt));
  EXPECT_TRUE(SeesInternal(Role::kReviewer));
}

TEST(Policy, OnlyOwnersManageOwners) {
  EXPECT_TRUE(Can(Role::kOwner, Action::kManageOwners));
  for (Role role :
       {Role::kAdmin, Role::kEditor, Role::kContributor, Role::kReviewer, Role::kGuest}) {
    EXPECT_FALSE(Can(role, Action::kManageOwners)) << RoleName(role);
  }
}

TEST(Policy, ContributorsManageTheTasksOfWhatTheyMayEdit) {
  const ContentFacts none, owned{true, false}, assigned{false, true};
  EXPECT_FALSE(Can(Role::kContributor, Action::kManageTasks, none));
  EXPECT_TRUE(Can(Role::kContributor, Action::kManageTasks, owned));
  EXPECT_TRUE(Can(Role::kContributor, Action::kManageTasks, assigned));
  EXPECT_FALSE(Can(Role::kReviewer, Action::kManageTasks, owned));
  // A reviewer completes what is assigned to them, and that is all.
  EXPECT_TRUE(Can(Role::kReviewer, Action::kCompleteOwnTask));
  EXPECT_FALSE(Can(Role::kGuest, Action::kCompleteOwnTask));
}

TEST(Policy, GuestsNeverSeeWhoIsInTheWorkspace) {
  EXPECT_TRUE(Can(Role::kGuest, Action::kReadWorkspace));
  EXPECT_FALSE(Can(Role::kGuest, Action::kListMembers));
  EXPECT_FALSE(Can(Role::kGuest, Action::kListTeams));
}

TEST(Policy, ContributorsEditWhatTheyOwnOrAreAssignedAndArchiveWhatTheyOwn) {
  const ContentFacts none, owned{true, false}, assigned{false, true};
  EXPECT_FALSE(Can(Role::kContributor, Action::kEditContent, none));
  EXPECT_TRUE(Can(Role::kContributor, Action::kEditContent, owned));
  EXPECT_TRUE(Can(Role::kContributor, Action::kEditContent, assigned));
  EXPECT_FALSE(Can(Role::kContributor, Action::kArchiveContent, none));
  EXPECT_TRUE(Can(Role::kContributor, Action::kArchiveContent, owned));
  EXPECT_FALSE(Can(Role::kContributor, Action::kArchiveContent, assigned));
  EXPECT_FALSE(Can(Role::kContributor, Action::kPurgeContent, owned));
  // Owning or being assigned gives reviewers and guests nothing more.
  for (Role role : {Role::kReviewer, Role::kGuest}) {
    for (const auto& facts : {owned, assigned, ContentFacts{true, true}}) {
      EXPECT_FALSE(Can(role, Action::kEditContent, facts)) << RoleName(role);
      EXPECT_FALSE(Can(role, Action::kArchiveContent, facts)) << RoleName(role);
    }
  }
  // Facts never take a right away.
  EXPECT_TRUE(Can(Role::kEditor, Action::kEditContent, none));
  EXPECT_TRUE(Can(Role::kAdmin, Action::kPurgeContent, none));
}

TEST(Policy, RoleNamesRoundTripAndUnknownNamesAreRefused) {
  for (Role role : kRoles) EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_EQ(RoleName(Role::kContributor), "contributor");
  for (const char* bad : {"", "Owner", "OWNER", "superadmin", "owner ", "viewer"}) {
    EXPECT_FALSE(ParseRole(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace copydesk::auth
