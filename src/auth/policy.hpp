#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace copydesk::auth {

//! A member's role in a workspace, from most to least powerful.
enum class Role { kOwner, kAdmin, kEditor, kContributor, kReviewer, kGuest };

//! Parses "owner", "admin", "editor", "contributor", "reviewer" or "guest".
std::optional<Role> ParseRole(std::string_view text);
//! The role's name as stored and shown in the API.
std::string_view RoleName(Role role);

//! Everything a caller may ask to do in a workspace. docs/permissions.md is this table in words.
enum class Action {
  kReadWorkspace,     //!< see the workspace's name and settings
  kUpdateWorkspace,   //!< rename it, change its language
  kListMembers,       //!< see who is in it
  kInviteMember,      //!< add a person (or invite an e-mail) with a role below owner
  kChangeMemberRole,  //!< change a member's role (not to or from owner)
  kRemoveMember,      //!< remove a member who is not an owner
  kManageOwners,      //!< make or unmake owners, remove an owner
  kListTeams,         //!< see the teams and who is in them
  kManageTeams,       //!< create, rename, delete teams and set their members
  kReadSettings,      //!< see channels, content types and projects
  kManageSettings,    //!< change channels and content types
  kManageProjects,    //!< create, rename, archive projects
  kReadContent,       //!< read contents, their history and diffs
  kCreateContent,     //!< create contents
  kEditContent,       //!< change a content's text and metadata, label and restore revisions
  kArchiveContent,    //!< archive and unarchive a content
  kPurgeContent,      //!< delete an archived content for good
  kComment,           //!< comment on a content one reads, edit and delete one's own comments
  kModerateComments,  //!< delete anyone's comment
  kManageTasks,       //!< create, change, reorder and delete tasks
  kCompleteOwnTask,   //!< mark done or undone a task one is assigned to
  kManageTaskLists,   //!< create, change and delete reusable task lists
};

//! What the caller is to one content, for the actions whose answer depends on it.
struct ContentFacts {
  bool owner = false;     //!< the caller owns the content
  bool assignee = false;  //!< the caller is assigned to it
};

//! The one authorization decision: may a member with `role` (nullopt: not a member) do `action`?
//! Deny by default: every pair not granted here is refused.
bool Can(std::optional<Role> role, Action action);
//! The same decision for an action on one content: contributors edit (and manage the tasks of)
//! what they own or are assigned to, and archive what they own.
bool Can(std::optional<Role> role, Action action, const ContentFacts& facts);

}  // namespace copydesk::auth
