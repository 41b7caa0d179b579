// Shares with members and teams, and review links for people without an account: paths,
// schemas and presenters. The rules are in collab::Sharing.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/workspace.hpp"
#include "collab/share_invitations.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::object ShareJson(const storage::ShareRecord& s) {
  json::object out{
      {"id", s.id},
      {"level", s.level},
      {"content_id", s.content_id ? json::value(*s.content_id) : nullptr},
      {"project_id", s.project_id ? json::value(*s.project_id) : nullptr},
      {"user", nullptr},
      {"team", nullptr},
      {"created_by", s.created_by ? json::value({{"id", *s.created_by}, {"name", s.creator_name}})
                                  : json::value(nullptr)},
      {"created_at", FormatTime(s.created_at)}};
  if (s.user_id) {
    out["user"] = {
        {"id", *s.user_id}, {"name", s.user_name}, {"email", s.user_email}, {"role", s.user_role}};
  }
  if (s.team_id) out["team"] = {{"id", *s.team_id}, {"name", s.team_name}};
  return out;
}

json::object LinkJson(const storage::ShareLinkRecord& l) {
  json::object out{
      {"id", l.id},
      {"level", l.level},
      {"label", l.label},
      {"has_password", l.password_hash.has_value()},
      {"expires_at", FormatTime(l.expires_at)},
      {"content", nullptr},
      {"project", nullptr},
      {"created_by", l.created_by ? json::value({{"id", *l.created_by}, {"name", l.creator_name}})
                                  : json::value(nullptr)},
      {"created_at", FormatTime(l.created_at)},
      {"last_used_at",
       l.last_used_at ? json::value(FormatTime(*l.last_used_at)) : json::value(nullptr)},
      {"revoked", l.revoked_at.has_value()}};
  if (l.content_id) out["content"] = {{"id", *l.content_id}, {"title", l.content_title}};
  if (l.project_id) out["project"] = {{"id", *l.project_id}, {"name", l.project_name}};
  return out;
}

json::object LinksJson(const std::vector<storage::ShareLinkRecord>& links) {
  return ItemsJson(links, LinkJson);
}

// A new link: the only answer that shows its secret.
json::object CreatedLinkJson(const collab::CreatedLink& created, const std::string& public_base) {
  auto body = LinkJson(created.link);
  // The secret is shown this once; only its hash is kept.
  body["secret"] = created.secret;
  body["url"] = public_base + "/review/" + created.secret;
  return body;
}

json::object EmailShareJson(const collab::EmailShareOutcome& outcome,
                            const std::string& public_base) {
  json::object body{
      {"share", nullptr}, {"invitation", nullptr}, {"member_added", outcome.member_added}};
  if (outcome.share) body["share"] = ShareJson(*outcome.share);
  if (outcome.invitation) {
    body["invitation"] =
        NewInvitationJson(*outcome.invitation, outcome.invitation_secret, public_base);
  }
  return body;
}

collab::ShareInput ReadShareInput(JsonInput& in) {
  collab::ShareInput out;
  out.user_id = in.String("user_id", JsonInput::kOptional, 64);
  out.team_id = in.String("team_id", JsonInput::kOptional, 64);
  out.level = in.String("level", JsonInput::kRequired, 32);
  return out;
}

collab::LinkInput ReadLinkInput(JsonInput& in) {
  collab::LinkInput out;
  out.level = in.String("level", JsonInput::kRequired, 32);
  if (auto v = in.String("expires_at", JsonInput::kOptional, 64)) {
    if (auto t = ParseTime(*v))
      out.expires_at = *t;
    else
      in.Fault("expires_at", "must be a date (YYYY-MM-DD) or a time (RFC 3339)");
  }
  out.password = in.String("password", JsonInput::kOptional, 1024);
  out.label = in.String("label", JsonInput::kOptional, 1024);
  return out;
}

struct EmailShare {
  std::string email, level;
};
EmailShare ReadEmailShare(JsonInput& in) {
  EmailShare out;
  out.email = in.String("email", JsonInput::kRequired, 320).value_or("");
  out.level = in.String("level", JsonInput::kRequired, 32).value_or("");
  return out;
}

// The routes of shares and links on one kind of target (a content or a project): the same
// paths and answers, each calling the rules of its target.
std::vector<Route> TargetRoutes(Services& s, const Step& member, bool project) {
  const std::string base = project ? "/api/v1/projects/{id}" : "/api/v1/contents/{id}";
  return {
      {"GET",
       base + "/shares",
       member,
       {},
       [&s, project](Call& c) {
         const auto& id = c.param("id");
         return Present(project ? s.sharing.ProjectShares(c.actor(), id)
                                : s.sharing.ContentShares(c.actor(), id),
                        [](const auto& shares) { return ItemsJson(shares, ShareJson); });
       }},
      {"POST", base + "/shares", member, Body(ReadShareInput),
       [&s, project](Call& c) -> Result<http::Response> {
         const auto& id = c.param("id");
         auto& in = c.input<collab::ShareInput>();
         auto shared = project ? s.sharing.ShareProject(c.actor(), id, std::move(in))
                               : s.sharing.ShareContent(c.actor(), id, std::move(in));
         if (!shared) return std::move(shared).error();
         // 200 when the share existed and only its level changed.
         return Json(shared->second ? 201 : 200, ShareJson(shared->first));
       }},
      {"GET",
       base + "/links",
       member,
       {},
       [&s, project](Call& c) {
         const auto& id = c.param("id");
         return Present(project ? s.sharing.ProjectLinks(c.actor(), id, c.now)
                                : s.sharing.ContentLinks(c.actor(), id, c.now),
                        LinksJson);
       }},
      {"POST", base + "/links", member, Body(ReadLinkInput),
       [&s, project](Call& c) {
         const auto& id = c.param("id");
         auto& in = c.input<collab::LinkInput>();
         return Present(
             project ? s.sharing.LinkProject(c.actor(), id, std::move(in), c.now)
                     : s.sharing.LinkContent(c.actor(), id, std::move(in), c.now),
             [&](const auto& created) {
               return CreatedLinkJson(created, PublicBase(c.request, s.config));
             },
             201);
       }},
  };
}

}  // namespace

void AddShareRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  Mount(router, TargetRoutes(s, member, false));
  Mount(router, TargetRoutes(s, member, true));

  Mount(router,
        {
            // Sharing with an e-mail: a member at once, someone new as a guest (invited when
            // they have no account, the share then waiting for them to accept).
            {"POST", "/api/v1/contents/{id}/email-shares", member, Body(ReadEmailShare),
             [&s](Call& c) {
               const auto& in = c.input<EmailShare>();
               return Present(
                   collab::ShareByEmail(s.db, c.actor(), c.param("id"), in.email, in.level, c.now),
                   [&](const auto& outcome) {
                     return EmailShareJson(outcome, PublicBase(c.request, s.config));
                   },
                   201);
             }},
            {"DELETE",
             "/api/v1/shares/{id}",
             member,
             {},
             [&s](Call& c) { return Done(s.sharing.Unshare(c.actor(), c.param("id"))); }},
            {"GET",
             "/api/v1/workspaces/{ws}/links",
             member,
             {},
             [&s](Call& c) {
               return Present(s.sharing.WorkspaceLinks(c.actor(), c.param("ws"), c.now), LinksJson);
             }},
            {"DELETE",
             "/api/v1/links/{id}",
             member,
             {},
             [&s](Call& c) { return Done(s.sharing.Revoke(c.actor(), c.param("id"), c.now)); }},
        });
}

}  // namespace copydesk::api
