// The caller's own account: profile, password, sessions and API tokens. The rules are in
// auth::Accounts.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/account.hpp"
#include "api/present/workspace.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

struct Profile {
  std::optional<std::string> name, language;
  std::optional<std::optional<std::string>> time_zone;  //!< set: change it (null: the browser's)
};
Profile ReadProfile(JsonInput& in) {
  Profile out;
  out.name = in.String("name", JsonInput::kOptional, 400);
  out.language = in.String("language", JsonInput::kOptional, 8);
  if (in.Has("time_zone")) out.time_zone = in.String("time_zone", JsonInput::kOptional, 200);
  return out;
}

struct PasswordChange {
  std::string current, next;
};
PasswordChange ReadPasswordChange(JsonInput& in) {
  PasswordChange out;
  out.current = in.String("current_password", JsonInput::kRequired, 1024).value_or("");
  out.next = in.String("new_password", JsonInput::kRequired, 1024).value_or("");
  return out;
}

std::string ReadName(JsonInput& in) {
  return in.String("name", JsonInput::kRequired, 400).value_or("");
}

// Caller step of token minting: a member on a session, not an API token. A leaked token must
// not outlive its revocation by minting a successor: new tokens come from someone who signed in
// with the password.
Step SignedIn(auth::Accounts& accounts) {
  return [member = Member(accounts)](Call& c) -> Result<void> {
    if (auto found = member(c); !found) return found;
    if (c.actor().via_token)
      return Error::Forbidden("API tokens are created from a signed-in session, not with a token.");
    return {};
  };
}

json::object MeJson(Services& s, const auth::Actor& actor, const storage::UserRecord& user) {
  json::array memberships;
  for (const auto& [ws, role] : s.workspaces.List(actor)) {
    memberships.push_back({{"workspace", WorkspaceJson(ws)}, {"role", role}});
  }
  auto person = UserJson(user);
  // Only the person's own: others' zones are nobody's business.
  person["time_zone"] = TextOrNull(user.time_zone);
  json::object body{{"user", std::move(person)}, {"memberships", std::move(memberships)}};
  // The browser cannot read its HttpOnly cookie; it learns its CSRF token here after a reload.
  if (!actor.via_token) body["csrf_token"] = actor.csrf_token;
  return body;
}

// A new token: the only answer that shows its secret.
json::object CreatedTokenJson(const std::pair<storage::ApiTokenRecord, std::string>& created) {
  auto body = TokenJson(created.first);
  body["token"] = created.second;  // shown once, never again
  return body;
}

}  // namespace

void AddMeRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router,
        {
            {"GET",
             "/api/v1/me",
             member,
             {},
             [&s](Call& c) -> Result<http::Response> {
               return Json(200, MeJson(s, c.actor(), c.actor().user));
             }},
            {"PATCH", "/api/v1/me", member, Body(ReadProfile),
             [&s](Call& c) {
               auto& in = c.input<Profile>();
               return Present(
                   s.accounts.UpdateProfile(c.actor(), in.name, in.language, in.time_zone),
                   [&](const auto& user) { return MeJson(s, c.actor(), user); });
             }},
            {"PUT", "/api/v1/me/password", member, Body(ReadPasswordChange),
             [&s](Call& c) {
               const auto& in = c.input<PasswordChange>();
               return Done(
                   s.accounts.ChangePassword(c.actor(), in.current, in.next, c.request.remote_ip));
             }},
            {"GET",
             "/api/v1/me/sessions",
             member,
             {},
             [&s](Call& c) -> Result<http::Response> {
               return Json(200, ItemsJson(s.accounts.Sessions(c.actor()), [&](const auto& session) {
                             return SessionJson(session, c.actor().session_id);
                           }));
             }},
            // Ending the caller's own session signs this browser out too.
            {"DELETE",
             "/api/v1/me/sessions/{id}",
             member,
             {},
             [&s](Call& c) -> Result<http::Response> {
               if (auto ended = s.accounts.EndSession(c.actor(), c.param("id")); !ended)
                 return std::move(ended).error();
               auto response = NoContent();
               if (c.param("id") == c.actor().session_id)
                 response.With("Set-Cookie", ClearedSessionCookie(s.config));
               return response;
             }},
            {"GET",
             "/api/v1/me/tokens",
             member,
             {},
             [&s](Call& c) -> Result<http::Response> {
               return Json(200, ItemsJson(s.accounts.Tokens(c.actor()), TokenJson));
             }},
            {"POST", "/api/v1/me/tokens", SignedIn(s.accounts), Body(ReadName),
             [&s](Call& c) {
               return Present(s.accounts.CreateToken(c.actor().user.id, c.input<std::string>()),
                              CreatedTokenJson, 201);
             }},
            {"DELETE",
             "/api/v1/me/tokens/{id}",
             member,
             {},
             [&s](Call& c) { return Done(s.accounts.RevokeToken(c.actor(), c.param("id"))); }},
        });
}

}  // namespace copydesk::api
