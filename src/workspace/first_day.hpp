#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/password_resets.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::workspace {

//! What an invitation's page tells the person invited, before they accept.
struct InvitationInfo {
  storage::InvitationRecord invitation;
  storage::WorkspaceRecord workspace;
  std::string inviter_name;
  bool account_exists = false;  //!< the e-mail has an account already: sign in instead
};

//! The three steps that make a new workspace useful, each ticked from the workspace's data.
struct FirstSteps {
  bool people = false;    //!< someone else is in (or invited) and a team has members
  bool workflow = false;  //!< the workflow was looked at, or every gate has people to approve
  bool content = false;   //!< a content exists
  bool dismissed = false;
  bool Done() const { return people && workflow && content; }
};

//! Applies the shares waiting on an invitation just accepted by `user_id`, in the caller's
//! transaction; a share whose maker may no longer share the content is dropped. Returns the
//! ids of the contents shared.
std::vector<std::string> ApplyInvitationShares(storage::Tx& tx,
                                               const storage::InvitationRecord& invitation,
                                               const std::string& user_id, TimeMs now);

//! A newcomer's first day: invitations as the invited see them and as admins revoke them, the
//! first steps of a workspace, and the password links admins make for their members.
class FirstDay {
 public:
  explicit FirstDay(storage::Database& db) : db_(db) {}

  //! The invitation `secret` opens, while pending; 404 otherwise.
  Result<InvitationInfo> Invitation(const std::string& secret, TimeMs now);
  //! Revokes a pending invitation (and the shares waiting on it): admins.
  Result<void> RevokeInvitation(const auth::Actor& actor, const std::string& ref,
                                const std::string& invitation_id, TimeMs now);

  //! Where the caller (an admin) stands in the workspace's first steps.
  Result<FirstSteps> Steps(const auth::Actor& actor, const std::string& ref, TimeMs now);
  //! Records that the caller looked at the workflow, and/or dismissed (or brought back) the
  //! guide.
  Result<FirstSteps> UpdateSteps(const auth::Actor& actor, const std::string& ref,
                                 bool workflow_seen, std::optional<bool> dismissed, TimeMs now);

  //! A single-use link for a member to choose a new password, shown once to the admin who asks.
  //! Only for a person all of whose workspaces the caller administers: an admin of one client's
  //! workspace never takes over an account that reaches another's.
  Result<auth::CreatedReset> ResetMemberPassword(const auth::Actor& actor, const std::string& ref,
                                                 const std::string& user_id, TimeMs now);

 private:
  storage::Database& db_;
};

}  // namespace copydesk::workspace
