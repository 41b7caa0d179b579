#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/policy.hpp"
#include "core/config.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::workspace {

//! A workspace as seen by one of its members.
struct Access {
  storage::WorkspaceRecord workspace;
  auth::Role role;
};

//! What first-run setup creates.
struct SetupOutcome {
  storage::UserRecord user;
  storage::WorkspaceRecord workspace;
  auth::OpenedSession session;
};

//! Adding a person to a workspace either adds an existing account or invites an e-mail.
struct AddMemberOutcome {
  std::optional<storage::MemberRecord> member;          //!< an existing account was added
  std::optional<storage::InvitationRecord> invitation;  //!< an unknown e-mail was invited
  std::string invitation_secret;                        //!< shown once to the inviter
};

//! What accepting an invitation creates.
struct AcceptOutcome {
  storage::WorkspaceRecord workspace;
  auth::OpenedSession session;
  std::vector<std::string> shared_content_ids;  //!< contents shared with the e-mail meanwhile
};

//! Finds the workspace `ref` (id or slug) for `user_id` and checks `action` in the caller's
//! transaction: 404 when missing or the caller is not a member, 403 when the role forbids it.
Result<Access> Authorize(storage::Tx& tx, const std::string& user_id, const std::string& ref,
                         auth::Action action);

//! A change of the page identity previews show; unset members stay, nullopt resets them.
struct PageChange {
  std::optional<std::optional<std::string>> name;    //!< nullopt: the workspace's name
  std::optional<std::optional<std::string>> avatar;  //!< an image of its library; nullopt: initials
};

//! Workspaces, their members, invitations and teams.
class Workspaces {
 public:
  Workspaces(storage::Database& db, const Config& config);

  //! True while no account exists: the instance waits for its first owner.
  bool SetupNeeded();
  //! Creates the first account (owner) and its workspace, and signs them in. 409 once done.
  Result<SetupOutcome> Setup(const std::string& email, const std::string& name,
                             const std::string& password, const std::string& workspace_name,
                             const std::string& language, const std::string& ip,
                             const std::string& user_agent);

  //! Creates a workspace whose owner is `actor`.
  Result<storage::WorkspaceRecord> Create(const auth::Actor& actor, const std::string& name,
                                          const std::optional<std::string>& language);
  //! The workspaces of `actor` with their role.
  std::vector<std::pair<storage::WorkspaceRecord, std::string>> List(const auth::Actor& actor);
  //! One workspace of `actor`.
  Result<Access> Get(const auth::Actor& actor, const std::string& ref);
  //! Renames a workspace, changes its language or the page identity its previews show.
  Result<storage::WorkspaceRecord> Update(const auth::Actor& actor, const std::string& ref,
                                          const std::optional<std::string>& name,
                                          const std::optional<std::string>& language,
                                          const PageChange& page = {});

  //! The members of a workspace.
  Result<std::vector<storage::MemberRecord>> Members(const auth::Actor& actor,
                                                     const std::string& ref);
  //! The pending invitations of a workspace (admins).
  Result<std::vector<storage::InvitationRecord>> Invitations(const auth::Actor& actor,
                                                             const std::string& ref);
  //! Adds an existing account, or invites an unknown e-mail, with `role`.
  Result<AddMemberOutcome> AddMember(const auth::Actor& actor, const std::string& ref,
                                     const std::string& email, const std::string& role);
  //! Changes a member's role; the last owner cannot be demoted.
  Result<storage::MemberRecord> ChangeRole(const auth::Actor& actor, const std::string& ref,
                                           const std::string& user_id, const std::string& role);
  //! Removes a member (or lets a member leave); the last owner cannot leave.
  Result<void> RemoveMember(const auth::Actor& actor, const std::string& ref,
                            const std::string& user_id);
  //! Accepts an invitation: creates the account, joins the workspace, signs in.
  Result<AcceptOutcome> AcceptInvitation(const std::string& secret, const std::string& name,
                                         const std::string& password, const std::string& ip,
                                         const std::string& user_agent);

  //! The teams of a workspace.
  Result<std::vector<storage::TeamRecord>> Teams(const auth::Actor& actor, const std::string& ref);
  //! Creates a team, optionally with members.
  Result<storage::TeamRecord> CreateTeam(const auth::Actor& actor, const std::string& ref,
                                         const std::string& name,
                                         const std::optional<std::vector<std::string>>& members);
  //! Renames a team.
  Result<storage::TeamRecord> RenameTeam(const auth::Actor& actor, const std::string& ref,
                                         const std::string& team_id, const std::string& name);
  //! Deletes a team.
  Result<void> DeleteTeam(const auth::Actor& actor, const std::string& ref,
                          const std::string& team_id);
  //! Replaces a team's members; each must be a member of the workspace.
  Result<storage::TeamRecord> SetTeamMembers(const auth::Actor& actor, const std::string& ref,
                                             const std::string& team_id,
                                             const std::vector<std::string>& user_ids);

 private:
  storage::Database& db_;
  const Config& config_;
};

}  // namespace copydesk::workspace
