#pragma once

// Presenters of a workspace and its people: members, teams and invitations.

#include <boost/json/object.hpp>
#include <string>

#include "storage/workspaces_store.hpp"

namespace copydesk::api {

//! A workspace: id, slug, name, language and creation time.
boost::json::object WorkspaceJson(const storage::WorkspaceRecord& ws);
//! A member of a workspace with their role.
boost::json::object MemberJson(const storage::MemberRecord& member);
//! A team with the ids of its members.
boost::json::object TeamJson(const storage::TeamRecord& team);
//! A pending invitation as admins list it: never its secret.
boost::json::object InvitationJson(const storage::InvitationRecord& invitation);
//! An invitation as its inviter sees it: when it was made just now (`secret` not empty), with
//! its secret and the link to pass on, shown this once. `public_base` is PublicBase().
boost::json::object NewInvitationJson(const storage::InvitationRecord& invitation,
                                      const std::string& secret, const std::string& public_base);

}  // namespace copydesk::api
