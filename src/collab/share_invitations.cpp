#include "collab/share_invitations.hpp"

#include <boost/json/serialize.hpp>

#include "access/standing.hpp"
#include "collab/notifications.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/accounts_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/events_store.hpp"
#include "storage/first_day_store.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using auth::Action;
using storage::Tx;

namespace {

// As long as an invitation made from the members screen.
constexpr TimeMs kInvitationLifetimeMs = 14LL * 24 * 3600 * 1000;

// Shares the content with a member (or changes the level of their share); the share as stored.
storage::ShareRecord ShareWithMember(Tx& tx, const auth::Actor& actor,
                                     const storage::ContentRecord& content,
                                     const std::string& user_id, const std::string& level,
                                     TimeMs now) {
  storage::ShareRecord like;
  like.content_id = content.id;
  like.user_id = user_id;
  like.level = level;
  bool created = false;
  if (auto same = storage::FindSameShare(tx, like)) {
    like.id = same->id;
    if (same->level != level) storage::UpdateShareLevel(tx, like.id, level);
  } else {
    like.id = NewId();
    like.workspace_id = content.workspace_id;
    like.created_by = actor.user.id;
    like.created_at = now;
    storage::InsertShare(tx, like);
    created = true;
  }
  storage::AppendEvent(
      tx, content.workspace_id, actor.user.id, "content.shared", content.id,
      json::serialize(
          json::object{{"share", like.id}, {"user", user_id}, {"team", nullptr}, {"level", level}}),
      now);
  if (created) {
    Notify(tx,
           {content.workspace_id, kind::kShared, actor.user.id, &content, like.id,
            json::serialize(json::object{{"level", level}})},
           {user_id}, now);
  }
  return *storage::FindShare(tx, like.id);
}

}  // namespace

Result<EmailShareOutcome> ShareByEmail(storage::Database& db, const auth::Actor& actor,
                                       const std::string& content_id, const std::string& email,
                                       const std::string& level, TimeMs now) {
  std::vector<FieldError> faults;
  const std::string normalized = NormalizeEmail(email);
  if (normalized.empty()) faults.push_back({"email", "must be an e-mail address"});
  const auto parsed = auth::ParseShareLevel(level);
  if (!parsed || *parsed == auth::ShareLevel::kValidate)
    faults.push_back({"level", "must be read, comment or edit"});
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return db.Write([&](Tx& tx) -> Result<EmailShareOutcome> {
    auto content = storage::FindContent(tx, content_id);
    if (!content || !access::May(tx, actor.user.id, *content, Action::kReadContent, now))
      return Error::NotFound("No such content.");
    if (!access::May(tx, actor.user.id, *content, Action::kShareContent, now))
      return Error::Forbidden("You may not share this content.");
    const std::string& ws = content->workspace_id;
    EmailShareOutcome out;
    auto user = storage::FindUserByEmail(tx, normalized);
    if (user && storage::FindRole(tx, ws, user->id)) {
      out.share = ShareWithMember(tx, actor, *content, user->id, level, now);
      return out;
    }
    // Someone new comes in: a decision about the workspace, taken by those who may invite
    // members (as on the members screen). Checked before anything depends on whether the
    // e-mail has an account, so that the refusal is the same either way and tells nothing.
    if (!auth::Can(access::RoleIn(tx, ws, actor.user.id), Action::kInviteMember)) {
      return Error::Forbidden(
          "Only admins and owners can bring someone new into the workspace: share with a member, "
          "or ask an admin to invite this person.");
    }
    if (user) {
      storage::InsertMembership(tx, ws, user->id, "guest", now);
      storage::AppendEvent(tx, ws, actor.user.id, "member.added", user->id,
                           json::serialize(json::object{{"role", "guest"}}), now);
      out.member_added = true;
      out.share = ShareWithMember(tx, actor, *content, user->id, level, now);
      return out;
    }
    // A pending invitation of the same e-mail is reused: the link already sent stays the one.
    auto invitation = storage::FindPendingInvitation(tx, ws, normalized, now);
    if (!invitation) {
      out.invitation_secret = NewSecret();
      invitation = storage::InvitationRecord{
          NewId(),     ws, normalized, "guest", actor.user.id, now, now + kInvitationLifetimeMs,
          std::nullopt};
      storage::InsertInvitation(tx, *invitation, HashSecret(out.invitation_secret));
      storage::AppendEvent(tx, ws, actor.user.id, "member.invited", invitation->id,
                           json::serialize(json::object{{"email", normalized}, {"role", "guest"}}),
                           now);
    }
    storage::PutInvitationShare(tx, {invitation->id, content->id, level, actor.user.id, now});
    storage::AppendEvent(
        tx, ws, actor.user.id, "content.share_pending", content->id,
        json::serialize(
            json::object{{"invitation", invitation->id}, {"email", normalized}, {"level", level}}),
        now);
    out.invitation = std::move(invitation);
    return out;
  });
}

}  // namespace copydesk::collab
