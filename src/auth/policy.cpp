#include "auth/policy.hpp"

#include <array>

namespace copydesk::auth {

namespace {

constexpr std::array<std::string_view, 6> kRoleNames = {"owner",       "admin",    "editor",
                                                        "contributor", "reviewer", "guest"};

constexpr std::array<std::string_view, 4> kLevelNames = {"read", "comment", "edit", "validate"};

}  // namespace

std::optional<ShareLevel> ParseShareLevel(std::string_view text) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (kLevelNames[i] == text) return static_cast<ShareLevel>(i);
  }
  return std::nullopt;
}

std::string_view ShareLevelName(ShareLevel level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::optional<Role> ParseRole(std::string_view text) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == text) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  return kRoleNames[static_cast<std::size_t>(role)];
}

bool Can(std::optional<Role> role, Action action) {
  if (!role) return false;
  const Role r = *role;
  const bool admin = r == Role::kOwner || r == Role::kAdmin;
  const bool staff = r != Role::kGuest;  // the company's own people, whatever their role
  switch (action) {
    case Action::kReadWorkspace:
    case Action::kReadTemplates:
      return true;
    case Action::kListMembers:
    case Action::kListTeams:
      // Guests see only what is shared with them, never the member list (issue 8).
      return staff;
    case Action::kUpdateWorkspace:
    case Action::kInviteMember:
    case Action::kChangeMemberRole:
    case Action::kRemoveMember:
    case Action::kManageTeams:
      return admin;
    case Action::kManageOwners:
      return r == Role::kOwner;
    case Action::kReadSettings:
    case Action::kReadContent:
    case Action::kComment:
    case Action::kCompleteOwnTask:
      // Guests read only what is shared with them; sharing arrives with issue 8.
      return staff;
    case Action::kManageSettings:
    case Action::kPurgeContent:
    case Action::kSeeAllLinks:
    case Action::kModerateComments:
    case Action::kManageWebhooks:
      return admin;
    case Action::kManageProjects:
    case Action::kManageTasks:
    case Action::kManageTaskLists:
    case Action::kEditContent:
    case Action::kArchiveContent:
    case Action::kShareContent:
    case Action::kReadReports:
      return admin || r == Role::kEditor;
    case Action::kCreateContent:
      return admin || r == Role::kEditor || r == Role::kContributor;
  }
  return false;
}

bool Can(std::optional<Role> role, Action action, const ContentFacts& facts) {
  if (Can(role, action)) return true;
  if (role == Role::kContributor) {
    switch (action) {
      case Action::kEditContent:
      case Action::kManageTasks:
      case Action::kShareContent:
        if (facts.owner || facts.assignee) return true;
        break;
      case Action::kArchiveContent:
        if (facts.owner) return true;
        break;
      default:
        break;
    }
  }
  if (!facts.shared) return false;
  const ShareLevel level = *facts.shared;
  switch (action) {
    case Action::kReadContent:
      return true;
    case Action::kComment:
    case Action::kCompleteOwnTask:
      return level >= ShareLevel::kComment;
    case Action::kEditContent:
      return level == ShareLevel::kEdit;
    default:
      return false;
  }
}

bool SeesInternal(std::optional<Role> role) {
  return role && *role != Role::kGuest;
}

}  // namespace copydesk::auth
