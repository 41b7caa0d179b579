// Shares with members and teams, and review links for people without an account: paths,
// schemas and presenters. The rules are in collab::Sharing.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
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
  json::array items;
  for (const auto& l : links) items.push_back(LinkJson(l));
  return {{"items", std::move(items)}};
}

Result<collab::ShareInput> ReadShareInput(const http::Request& req) {
  auto in = ReadBody(req);
  if (!in) return std::move(in).error();
  collab::ShareInput out;
  out.user_id = in->String("user_id", JsonInput::kOptional, 64);
  out.team_id = in->String("team_id", JsonInput::kOptional, 64);
  out.level = in->String("level", JsonInput::kRequired, 32);
  if (auto done = in->Finish(); !done) return std::move(done).error();
  return out;
}

Result<collab::LinkInput> ReadLinkInput(const http::Request& req) {
  auto in = ReadBody(req);
  if (!in) return std::move(in).error();
  collab::LinkInput out;
  out.level = in->String("level", JsonInput::kRequired, 32);
  if (auto v = in->String("expires_at", JsonInput::kOptional, 64)) {
    if (auto t = ParseTime(*v))
      out.expires_at = *t;
    else
      in->Fault("expires_at", "must be a date (YYYY-MM-DD) or a time (RFC 3339)");
  }
  out.password = in->String("password", JsonInput::kOptional, 1024);
  out.label = in->String("label", JsonInput::kOptional, 1024);
  if (auto done = in->Finish(); !done) return std::move(done).error();
  return out;
}

http::Response CreatedLinkResponse(const http::Request& req, const Config& config,
                                   const collab::CreatedLink& created) {
  auto body = LinkJson(created.link);
  // The secret is shown this once; only its hash is kept.
  body["secret"] = created.secret;
  body["url"] = PublicBase(req, config) + "/review/" + created.secret;
  return Json(201, body);
}

// The routes of shares and links on one kind of target ("contents" or "projects").
void AddTargetRoutes(http::Router& router, Services& s, bool project) {
  const std::string base = project ? "/api/v1/projects/{id}" : "/api/v1/contents/{id}";
  router.Add("GET", base + "/shares", [&s, project](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto shares = project ? s.sharing.ProjectShares(*actor, req.Param("id"))
                          : s.sharing.ContentShares(*actor, req.Param("id"));
    if (!shares) return std::move(shares).error();
    json::array items;
    for (const auto& share : *shares) items.push_back(ShareJson(share));
    return Json(200, {{"items", std::move(items)}});
  });
  router.Add("POST", base + "/shares", [&s, project](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto input = ReadShareInput(req);
    if (!input) return std::move(input).error();
    auto shared = project ? s.sharing.ShareProject(*actor, req.Param("id"), std::move(*input))
                          : s.sharing.ShareContent(*actor, req.Param("id"), std::move(*input));
    if (!shared) return std::move(shared).error();
    return Json(shared->second ? 201 : 200, ShareJson(shared->first));
  });
  router.Add("GET", base + "/links", [&s, project](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto links = project ? s.sharing.ProjectLinks(*actor, req.Param("id"), NowMs())
                         : s.sharing.ContentLinks(*actor, req.Param("id"), NowMs());
    if (!links) return std::move(links).error();
    return Json(200, LinksJson(*links));
  });
  router.Add("POST", base + "/links", [&s, project](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto input = ReadLinkInput(req);
    if (!input) return std::move(input).error();
    auto created = project
                       ? s.sharing.LinkProject(*actor, req.Param("id"), std::move(*input), NowMs())
                       : s.sharing.LinkContent(*actor, req.Param("id"), std::move(*input), NowMs());
    if (!created) return std::move(created).error();
    return CreatedLinkResponse(req, s.config, *created);
  });
}

}  // namespace

void AddShareRoutes(http::Router& router, Services& s) {
  AddTargetRoutes(router, s, false);
  AddTargetRoutes(router, s, true);

  // Sharing with an e-mail: a member at once, someone new as a guest (invited when they have no
  // account, the share then waiting for them to accept).
  router.Add(
      "POST", "/api/v1/contents/{id}/email-shares",
      [&s](http::Request& req) -> Result<http::Response> {
        auto actor = Authenticate(s.accounts, req);
        if (!actor) return std::move(actor).error();
        auto in = ReadBody(req);
        if (!in) return std::move(in).error();
        auto email = in->String("email", JsonInput::kRequired, 320);
        auto level = in->String("level", JsonInput::kRequired, 32);
        if (auto done = in->Finish(); !done) return std::move(done).error();
        auto outcome = collab::ShareByEmail(s.db, *actor, req.Param("id"), *email, *level, NowMs());
        if (!outcome) return std::move(outcome).error();
        json::object body{
            {"share", nullptr}, {"invitation", nullptr}, {"member_added", outcome->member_added}};
        if (outcome->share) body["share"] = ShareJson(*outcome->share);
        if (outcome->invitation) {
          auto invitation = InvitationJson(*outcome->invitation);
          // The secret exists only when the invitation was made now; an earlier
          // invitation's link, already passed on, stays the one to use.
          if (!outcome->invitation_secret.empty()) {
            invitation["token"] = outcome->invitation_secret;
            invitation["accept_url"] =
                PublicBase(req, s.config) + "/invite/" + outcome->invitation_secret;
          }
          body["invitation"] = std::move(invitation);
        }
        return Json(201, body);
      });

  router.Add("DELETE", "/api/v1/shares/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto done = s.sharing.Unshare(*actor, req.Param("id"));
    if (!done) return std::move(done).error();
    return NoContent();
  });

  router.Add("GET", "/api/v1/workspaces/{ws}/links",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto links = s.sharing.WorkspaceLinks(*actor, req.Param("ws"), NowMs());
               if (!links) return std::move(links).error();
               return Json(200, LinksJson(*links));
             });

  router.Add("DELETE", "/api/v1/links/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto done = s.sharing.Revoke(*actor, req.Param("id"), NowMs());
    if (!done) return std::move(done).error();
    return NoContent();
  });
}

}  // namespace copydesk::api
