#include "api/api.hpp"
#include "api/common.hpp"

namespace copydesk::api {

namespace json = boost::json;

void AddAuthRoutes(http::Router& router, Services& s) {
  router.Add("POST", "/api/v1/auth/login", [&s](http::Request& req) -> Result<http::Response> {
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto email = in->String("email", JsonInput::kRequired, 320);
    auto password = in->String("password", JsonInput::kRequired, 1024);
    if (auto done = in->Finish(); !done) return std::move(done).error();

    auto opened = s.accounts.Login(*email, *password, req.remote_ip,
                                   std::string(req.Header("User-Agent").value_or("")));
    if (!opened) return std::move(opened).error();
    return Json(200, {{"user", UserJson(opened->user)},
                      {"csrf_token", opened->session.csrf_token}})
        .With("Set-Cookie", SessionCookie(opened->secret, s.config));
  });

  router.Add("POST", "/api/v1/auth/logout", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    s.accounts.Logout(*actor);
    return NoContent().With("Set-Cookie", ClearedSessionCookie(s.config));
  });

  // Anyone holding the invitation's secret may accept it: the secret is the proof.
  router.Add("POST", "/api/v1/invitations/{token}/accept",
             [&s](http::Request& req) -> Result<http::Response> {
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto name = in->String("name", JsonInput::kRequired, 400);
               auto password = in->String("password", JsonInput::kRequired, 1024);
               if (auto done = in->Finish(); !done) return std::move(done).error();

               auto outcome = s.workspaces.AcceptInvitation(
                   req.Param("token"), *name, *password, req.remote_ip,
                   std::string(req.Header("User-Agent").value_or("")));
               if (!outcome) return std::move(outcome).error();
               json::array shared;
               for (const auto& id : outcome->shared_content_ids) shared.emplace_back(id);
               return Json(201, {{"user", UserJson(outcome->session.user)},
                                 {"workspace", WorkspaceJson(outcome->workspace)},
                                 {"csrf_token", outcome->session.session.csrf_token},
                                 {"shared_contents", std::move(shared)}})
                   .With("Set-Cookie", SessionCookie(outcome->session.secret, s.config));
             });
}

}  // namespace copydesk::api
