// A newcomer's first day: invitations as the invited see them and as admins revoke them,
// "forgot password" and the links admins make for their members, and the first steps of a
// workspace. The rules are in workspace::FirstDay and auth::PasswordResets.
#include <memory>

#include "api/api.hpp"
#include "api/common.hpp"
#include "auth/password_resets.hpp"
#include "core/clock.hpp"
#include "workspace/first_day.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::object FirstStepsJson(const workspace::FirstSteps& steps) {
  return {{"people", steps.people},
          {"workflow", steps.workflow},
          {"content", steps.content},
          {"dismissed", steps.dismissed},
          {"done", steps.Done()}};
}

}  // namespace

void AddFirstDayRoutes(http::Router& router, Services& s) {
  // Owned by the routes: they keep no state but the throttle's counters.
  auto resets = std::make_shared<auth::PasswordResets>(s.db, s.config);
  auto first_day = std::make_shared<workspace::FirstDay>(s.db);

  // Whoever holds the invitation's secret may read what it is for: the secret is the proof.
  router.Add("GET", "/api/v1/invitations/{token}",
             [first_day](http::Request& req) -> Result<http::Response> {
               auto info = first_day->Invitation(req.Param("token"), NowMs());
               if (!info) return std::move(info).error();
               return Json(200, {{"email", info->invitation.email},
                                 {"role", info->invitation.role},
                                 {"expires_at", FormatTime(info->invitation.expires_at)},
                                 {"workspace", {{"name", info->workspace.name}}},
                                 {"invited_by", {{"name", info->inviter_name}}},
                                 {"account_exists", info->account_exists}});
             });

  router.Add("DELETE", "/api/v1/workspaces/{ws}/invitations/{id}",
             [&s, first_day](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto done =
                   first_day->RevokeInvitation(*actor, req.Param("ws"), req.Param("id"), NowMs());
               if (!done) return std::move(done).error();
               return NoContent();
             });

  // The same answer whether or not an account has the e-mail.
  router.Add("POST", "/api/v1/auth/password-reset",
             [resets](http::Request& req) -> Result<http::Response> {
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto email = in->String("email", JsonInput::kRequired, 320);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto asked = resets->Request(*email, req.remote_ip, NowMs());
               if (!asked) return std::move(asked).error();
               return Json(202, json::object{});
             });

  router.Add("GET", "/api/v1/password-resets/{token}",
             [resets](http::Request& req) -> Result<http::Response> {
               auto user = resets->Check(req.Param("token"), NowMs());
               if (!user) return std::move(user).error();
               return Json(200, {{"email", user->email}, {"name", user->name}});
             });

  router.Add("POST", "/api/v1/password-resets/{token}",
             [&s, resets](http::Request& req) -> Result<http::Response> {
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto password = in->String("password", JsonInput::kRequired, 1024);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto opened = resets->Complete(req.Param("token"), *password, req.remote_ip,
                                              std::string(req.Header("User-Agent").value_or("")));
               if (!opened) return std::move(opened).error();
               return Json(200, {{"user", UserJson(opened->user)},
                                 {"csrf_token", opened->session.csrf_token}})
                   .With("Set-Cookie", SessionCookie(opened->secret, s.config));
             });

  // The link is shown this once to the admin, who passes it on.
  router.Add(
      "POST", "/api/v1/workspaces/{ws}/members/{user_id}/password-reset",
      [&s, first_day](http::Request& req) -> Result<http::Response> {
        auto actor = Authenticate(s.accounts, req);
        if (!actor) return std::move(actor).error();
        if (auto in = ReadBody(req); !in) {
          return std::move(in).error();
        } else if (auto done = in->Finish(); !done) {
          return std::move(done).error();
        }
        auto created =
            first_day->ResetMemberPassword(*actor, req.Param("ws"), req.Param("user_id"), NowMs());
        if (!created) return std::move(created).error();
        return Json(201, {{"url", PublicBase(req, s.config) + "/reset-password/" + created->secret},
                          {"expires_at", FormatTime(created->expires_at)}});
      });

  router.Add("GET", "/api/v1/workspaces/{ws}/first-steps",
             [&s, first_day](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto steps = first_day->Steps(*actor, req.Param("ws"), NowMs());
               if (!steps) return std::move(steps).error();
               return Json(200, FirstStepsJson(*steps));
             });

  router.Add("PATCH", "/api/v1/workspaces/{ws}/first-steps",
             [&s, first_day](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto workflow_seen = in->Bool("workflow_seen", JsonInput::kOptional);
               auto dismissed = in->Bool("dismissed", JsonInput::kOptional);
               if (workflow_seen && !*workflow_seen) {
                 in->Fault("workflow_seen", "can only be true: a look at the workflow stays");
               }
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto steps = first_day->UpdateSteps(
                   *actor, req.Param("ws"), workflow_seen.value_or(false), dismissed, NowMs());
               if (!steps) return std::move(steps).error();
               return Json(200, FirstStepsJson(*steps));
             });
}

}  // namespace copydesk::api
