// Signing in and out, and joining a workspace from an invitation. Failed sign-ins are throttled
// in auth::Accounts.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/account.hpp"
#include "api/present/workspace.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

struct Credentials {
  std::string email, password;
};
Credentials ReadCredentials(JsonInput& in) {
  Credentials out;
  out.email = in.String("email", JsonInput::kRequired, 320).value_or("");
  out.password = in.String("password", JsonInput::kRequired, 1024).value_or("");
  return out;
}

struct Acceptance {
  std::string name, password;
};
Acceptance ReadAcceptance(JsonInput& in) {
  Acceptance out;
  out.name = in.String("name", JsonInput::kRequired, 400).value_or("");
  out.password = in.String("password", JsonInput::kRequired, 1024).value_or("");
  return out;
}

json::array IdsJson(const std::vector<std::string>& ids) {
  json::array out;
  for (const auto& id : ids) out.emplace_back(id);
  return out;
}

}  // namespace

void AddAuthRoutes(http::Router& router, Services& s) {
  Mount(router,
        {
            {"POST", "/api/v1/auth/login", Anyone(), Body(ReadCredentials),
             [&s](Call& c) -> Result<http::Response> {
               const auto& in = c.input<Credentials>();
               auto opened = s.accounts.Login(in.email, in.password, c.request.remote_ip,
                                              UserAgent(c.request));
               if (!opened) return std::move(opened).error();
               return Json(200, {{"user", UserJson(opened->user)},
                                 {"csrf_token", opened->session.csrf_token}})
                   .With("Set-Cookie", SessionCookie(opened->secret, s.config));
             }},
            {"POST",
             "/api/v1/auth/logout",
             Member(s.accounts),
             {},
             [&s](Call& c) -> Result<http::Response> {
               s.accounts.Logout(c.actor());
               return NoContent().With("Set-Cookie", ClearedSessionCookie(s.config));
             }},
            // Anyone holding the invitation's secret may accept it: the secret is the proof.
            {"POST", "/api/v1/invitations/{token}/accept", Anyone(), Body(ReadAcceptance),
             [&s](Call& c) -> Result<http::Response> {
               const auto& in = c.input<Acceptance>();
               auto outcome =
                   s.workspaces.AcceptInvitation(c.param("token"), in.name, in.password,
                                                 c.request.remote_ip, UserAgent(c.request));
               if (!outcome) return std::move(outcome).error();
               return Json(201, {{"user", UserJson(outcome->session.user)},
                                 {"workspace", WorkspaceJson(outcome->workspace)},
                                 {"csrf_token", outcome->session.session.csrf_token},
                                 {"shared_contents", IdsJson(outcome->shared_content_ids)}})
                   .With("Set-Cookie", SessionCookie(outcome->session.secret, s.config));
             }},
        });
}

}  // namespace copydesk::api
