#include "api/api.hpp"
#include "api/common.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

http::Response MeResponse(Services& s, const auth::Actor& actor, const storage::UserRecord& user) {
  json::array memberships;
  for (const auto& [ws, role] : s.workspaces.List(actor)) {
    memberships.push_back({{"workspace", WorkspaceJson(ws)}, {"role", role}});
  }
  json::object body{{"user", UserJson(user)}, {"memberships", std::move(memberships)}};
  // The browser cannot read its HttpOnly cookie; it learns its CSRF token here after a reload.
  if (!actor.via_token) body["csrf_token"] = actor.csrf_token;
  return Json(200, body);
}

}  // namespace

void AddMeRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/me", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    return MeResponse(s, *actor, actor->user);
  });

  router.Add("PATCH", "/api/v1/me", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto name = in->String("name", JsonInput::kOptional, 400);
    auto language = in->String("language", JsonInput::kOptional, 8);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto user = s.accounts.UpdateProfile(*actor, name, language);
    if (!user) return std::move(user).error();
    return MeResponse(s, *actor, *user);
  });

  router.Add("PUT", "/api/v1/me/password", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto current = in->String("current_password", JsonInput::kRequired, 1024);
    auto next = in->String("new_password", JsonInput::kRequired, 1024);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    if (auto changed = s.accounts.ChangePassword(*actor, *current, *next, req.remote_ip);
        !changed) {
      return std::move(changed).error();
    }
    return NoContent();
  });

  router.Add("GET", "/api/v1/me/sessions", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    json::array items;
    for (const auto& session : s.accounts.Sessions(*actor)) {
      items.push_back(SessionJson(session, actor->session_id));
    }
    return Json(200, {{"items", std::move(items)}});
  });

  router.Add("DELETE", "/api/v1/me/sessions/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               if (auto ended = s.accounts.EndSession(*actor, req.Param("id")); !ended) {
                 return std::move(ended).error();
               }
               auto response = NoContent();
               if (req.Param("id") == actor->session_id) {
                 response.With("Set-Cookie", ClearedSessionCookie(s.config));
               }
               return response;
             });

  router.Add("GET", "/api/v1/me/tokens", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    json::array items;
    for (const auto& token : s.accounts.Tokens(*actor)) items.push_back(TokenJson(token));
    return Json(200, {{"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/me/tokens", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    // A leaked token must not outlive its revocation by minting a successor: new tokens come
    // from someone who signed in with the password.
    if (actor->via_token)
      return Error::Forbidden("API tokens are created from a signed-in session, not with a token.");
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto name = in->String("name", JsonInput::kRequired, 400);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto created = s.accounts.CreateToken(actor->user.id, *name);
    if (!created) return std::move(created).error();
    auto body = TokenJson(created->first);
    body["token"] = created->second;  // shown once, never again
    return Json(201, body);
  });

  router.Add("DELETE", "/api/v1/me/tokens/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    if (auto revoked = s.accounts.RevokeToken(*actor, req.Param("id")); !revoked) {
      return std::move(revoked).error();
    }
    return NoContent();
  });
}

}  // namespace copydesk::api
