#include "workspace/first_day.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "access/standing.hpp"
#include "core/random.hpp"
#include "storage/accounts_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/events_store.hpp"
#include "storage/first_day_store.hpp"
#include "storage/shares_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::workspace {

namespace json = boost::json;
using auth::Action;
using auth::Role;
using storage::Tx;

namespace {

Error InvitationNotValid() {
  return Error::NotFound("This invitation is not valid any more. Ask for a new one.");
}

// Every gate has someone to ask: each team it names has at least one member.
bool GatesStaffed(Tx& tx, const std::vector<std::optional<std::string>>& gates) {
  if (gates.empty()) return false;
  for (const auto& gate : gates) {
    std::error_code ec;
    const auto teams = json::parse(gate.value_or("[]"), ec);
    if (ec || !teams.is_array() || teams.as_array().empty()) return false;
    for (const auto& team : teams.as_array()) {
      if (!team.is_string() || !storage::TeamHasMembers(tx, std::string(team.as_string())))
        return false;
    }
  }
  return true;
}

FirstSteps ReadSteps(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                     TimeMs now) {
  const auto f = storage::ReadFirstSteps(tx, workspace_id, user_id, now);
  FirstSteps steps;
  steps.people = (f.members > 1 || f.pending_invitations > 0) && f.teams_with_members > 0;
  steps.workflow = f.workflow_seen_at.has_value() || GatesStaffed(tx, f.gates);
  steps.content = f.contents > 0;
  steps.dismissed = f.dismissed_at.has_value();
  return steps;
}

}  // namespace

std::vector<std::string> ApplyInvitationShares(Tx& tx, const storage::InvitationRecord& invitation,
                                               const std::string& user_id, TimeMs now) {
  std::vector<std::string> shared;
  for (const auto& waiting : storage::ListInvitationShares(tx, invitation.id)) {
    auto content = storage::FindContent(tx, waiting.content_id);
    // The maker's right is asked again now: one who lost it since shares nothing.
    if (!content || content->workspace_id != invitation.workspace_id ||
        !access::May(tx, waiting.created_by, *content, Action::kShareContent, now)) {
      continue;
    }
    storage::ShareRecord share;
    share.content_id = content->id;
    share.user_id = user_id;
    share.level = waiting.level;
    if (storage::FindSameShare(tx, share)) continue;
    share.id = NewId();
    share.workspace_id = invitation.workspace_id;
    share.created_by = waiting.created_by;
    share.created_at = now;
    storage::InsertShare(tx, share);
    storage::AppendEvent(tx, invitation.workspace_id, waiting.created_by, "content.shared",
                         content->id,
                         json::serialize(json::object{{"share", share.id},
                                                      {"user", user_id},
                                                      {"team", nullptr},
                                                      {"level", share.level},
                                                      {"invitation", invitation.id}}),
                         now);
    shared.push_back(content->id);
  }
  return shared;
}

Result<InvitationInfo> FirstDay::Invitation(const std::string& secret, TimeMs now) {
  return db_.Read([&](Tx& tx) -> Result<InvitationInfo> {
    auto invitation = storage::FindInvitationByHash(tx, HashSecret(secret));
    if (!invitation || invitation->accepted_at || invitation->expires_at <= now)
      return InvitationNotValid();
    auto ws = storage::FindWorkspace(tx, invitation->workspace_id);
    if (!ws) return InvitationNotValid();
    auto inviter = storage::FindUserById(tx, invitation->invited_by);
    const bool exists = storage::FindUserByEmail(tx, invitation->email).has_value();
    return InvitationInfo{std::move(*invitation), std::move(*ws), inviter ? inviter->name : "",
                          exists};
  });
}

Result<void> FirstDay::RevokeInvitation(const auth::Actor& actor, const std::string& ref,
                                        const std::string& invitation_id, TimeMs now) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kInviteMember);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    auto invitation = storage::FindInvitation(tx, ws.id, invitation_id);
    if (!invitation || invitation->accepted_at) return Error::NotFound("No such invitation.");
    if (invitation->role == "owner" && !auth::Can(access->role, Action::kManageOwners))
      return Error::Forbidden("Only an owner can revoke an owner's invitation.");
    storage::DeleteInvitation(tx, invitation->id);
    storage::AppendEvent(
        tx, ws.id, actor.user.id, "member.invitation_revoked", invitation->id,
        json::serialize(json::object{{"email", invitation->email}, {"role", invitation->role}}),
        now);
    return {};
  });
}

Result<FirstSteps> FirstDay::Steps(const auth::Actor& actor, const std::string& ref, TimeMs now) {
  return db_.Read([&](Tx& tx) -> Result<FirstSteps> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kInviteMember);
    if (!access) return std::move(access).error();
    return ReadSteps(tx, access->workspace.id, actor.user.id, now);
  });
}

Result<FirstSteps> FirstDay::UpdateSteps(const auth::Actor& actor, const std::string& ref,
                                         bool workflow_seen, std::optional<bool> dismissed,
                                         TimeMs now) {
  return db_.Write([&](Tx& tx) -> Result<FirstSteps> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kInviteMember);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    storage::SaveFirstSteps(tx, ws.id, actor.user.id,
                            workflow_seen ? std::optional<TimeMs>(now) : std::nullopt,
                            dismissed.value_or(false) ? std::optional<TimeMs>(now) : std::nullopt,
                            dismissed.has_value() && !*dismissed);
    return ReadSteps(tx, ws.id, actor.user.id, now);
  });
}

Result<auth::CreatedReset> FirstDay::ResetMemberPassword(const auth::Actor& actor,
                                                         const std::string& ref,
                                                         const std::string& user_id, TimeMs now) {
  return db_.Write([&](Tx& tx) -> Result<auth::CreatedReset> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kChangeMemberRole);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    auto member = storage::FindMember(tx, ws.id, user_id);
    if (!member) return Error::NotFound("No such member.");
    for (const auto& [other, role] : storage::ListWorkspacesOfUser(tx, user_id)) {
      const auto mine = access::RoleIn(tx, other.id, actor.user.id);
      const bool owns = mine == Role::kOwner;
      const bool administers = owns || mine == Role::kAdmin;
      if (!administers || (role == "owner" && !owns)) {
        if (other.id == ws.id) {
          return Error::Forbidden("Only an owner can reset an owner's password.");
        }
        return Error::Conflict(
            "This person is also in a workspace you do not administer: they can use “Forgot "
            "password” on the sign-in page, or the server's administrator can reset it.");
      }
    }
    auto created = auth::InsertReset(tx, user_id, actor.user.id, auth::kAdminResetLifeMs, now);
    storage::AppendEvent(tx, ws.id, actor.user.id, "member.password_reset_link", user_id, "{}",
                         now);
    return created;
  });
}

}  // namespace copydesk::workspace
