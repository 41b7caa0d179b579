#include "api/present/workspace.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

json::object WorkspaceJson(const storage::WorkspaceRecord& ws) {
  // The page previews show as a post's author: the workspace's own name unless set.
  return {{"id", ws.id},
          {"slug", ws.slug},
          {"name", ws.name},
          {"language", ws.language},
          {"page_name", ws.page_name.value_or(ws.name)},
          {"page_avatar", ws.page_avatar ? json::value(*ws.page_avatar) : json::value(nullptr)},
          {"created_at", FormatTime(ws.created_at)}};
}

json::object MemberJson(const storage::MemberRecord& member) {
  return {{"user_id", member.user_id},
          {"email", member.email},
          {"name", member.name},
          {"role", member.role},
          {"joined_at", FormatTime(member.joined_at)}};
}

json::object TeamJson(const storage::TeamRecord& team) {
  json::array members;
  for (const auto& id : team.member_ids) members.push_back(json::string(id));
  return {{"id", team.id},
          {"name", team.name},
          {"members", std::move(members)},
          {"created_at", FormatTime(team.created_at)}};
}

json::object InvitationJson(const storage::InvitationRecord& invitation) {
  return {{"id", invitation.id},
          {"email", invitation.email},
          {"role", invitation.role},
          {"created_at", FormatTime(invitation.created_at)},
          {"expires_at", FormatTime(invitation.expires_at)}};
}

json::object NewInvitationJson(const storage::InvitationRecord& invitation,
                               const std::string& secret, const std::string& public_base) {
  auto out = InvitationJson(invitation);
  // The secret exists only when the invitation was made now; an earlier invitation's link,
  // already passed on, stays the one to use.
  if (!secret.empty()) {
    out["token"] = secret;
    out["accept_url"] = public_base + "/invite/" + secret;
  }
  return out;
}

}  // namespace copydesk::api
