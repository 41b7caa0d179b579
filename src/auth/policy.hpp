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
  kReadSettings,      //!< see projects, tags and the workflow's settings
  kReadTemplates,     //!< see channels and content types: the shape of a content, to show it
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
  kShareContent,      //!< share a content with people and teams, make and close its review links
  kSeeAllLinks,       //!< see and close every live review link of the workspace
  kManageWebhooks,    //!< subscribe, change, pause and delete webhooks; see their deliveries
  kReadReports,       //!< see the workspace's report: publications, time in status, waits
};

//! A level given on a content or a project, by a share (read, comment, edit) or a review link
//! (also validate), from least to most.
enum class ShareLevel { kRead, kComment, kEdit, kValidate };

//! Parses "read", "comment", "edit" or "validate".
std::optional<ShareLevel> ParseShareLevel(std::string_view text);
//! The level's name as stored and shown in the API.
std::string_view ShareLevelName(ShareLevel level);

//! What the caller is to one content, for the actions whose answer depends on it.
struct ContentFacts {
  bool owner = false;                //!< the caller owns the content
  bool assignee = false;             //!< the caller is assigned to it
  std::optional<ShareLevel> shared;  //!< the highest level shared with them on it
};

//! The one authorization decision: may a member with `role` (nullopt: not a member) do `action`?
//! Deny by default: every pair not granted here is refused.
bool Can(std::optional<Role> role, Action action);
//! The same decision for an action on one content: contributors edit (and manage the tasks of)
//! what they own or are assigned to, and archive what they own; a share adds, whatever the role
//! (or none, for a review link's visitor): read → read; comment → also comment and complete
//! one's own tasks; edit → also edit the text. Validate (links only) is comment plus a decision,
//! which the review API records; it does not edit.
bool Can(std::optional<Role> role, Action action, const ContentFacts& facts);

//! True when the caller sees comments marked internal: the company's own staff only.
bool SeesInternal(std::optional<Role> role);

}  // namespace copydesk::auth
