// A newcomer's first day: invitations as the invited see them and as admins revoke them,
// "forgot password" and the links admins make for their members, and the first steps of a
// workspace. The rules are in workspace::FirstDay and auth::PasswordResets (which throttles
// the requests of resets).
#include <memory>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/account.hpp"
#include "auth/password_resets.hpp"
#include "core/clock.hpp"
#include "workspace/first_day.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

std::string ReadEmail(JsonInput& in) {
  return in.String("email", JsonInput::kRequired, 320).value_or("");
}

std::string ReadPassword(JsonInput& in) {
  return in.String("password", JsonInput::kRequired, 1024).value_or("");
}

struct StepsChange {
  std::optional<bool> workflow_seen, dismissed;
};
StepsChange ReadStepsChange(JsonInput& in) {
  StepsChange out;
  out.workflow_seen = in.Bool("workflow_seen", JsonInput::kOptional);
  out.dismissed = in.Bool("dismissed", JsonInput::kOptional);
  if (out.workflow_seen && !*out.workflow_seen) {
    in.Fault("workflow_seen", "can only be true: a look at the workflow stays");
  }
  return out;
}

// An invitation as the person invited sees it, before accepting.
json::object InvitationInfoJson(const workspace::InvitationInfo& info) {
  return {{"email", info.invitation.email},
          {"role", info.invitation.role},
          {"expires_at", FormatTime(info.invitation.expires_at)},
          {"workspace", {{"name", info.workspace.name}}},
          {"invited_by", {{"name", info.inviter_name}}},
          {"account_exists", info.account_exists}};
}

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
  const Step member = Member(s.accounts);

  Mount(router,
        {
            // Whoever holds the invitation's secret may read what it is for: the secret is the
            // proof.
            {"GET",
             "/api/v1/invitations/{token}",
             Anyone(),
             {},
             [first_day](Call& c) {
               return Present(first_day->Invitation(c.param("token"), c.now), InvitationInfoJson);
             }},
            {"DELETE",
             "/api/v1/workspaces/{ws}/invitations/{id}",
             member,
             {},
             [first_day](Call& c) {
               return Done(
                   first_day->RevokeInvitation(c.actor(), c.param("ws"), c.param("id"), c.now));
             }},
            // The same answer whether or not an account has the e-mail.
            {"POST", "/api/v1/auth/password-reset", Anyone(), Body(ReadEmail),
             [resets](Call& c) -> Result<http::Response> {
               if (auto asked = resets->Request(c.input<std::string>(), c.request.remote_ip, c.now);
                   !asked)
                 return std::move(asked).error();
               return Json(202, json::object{});
             }},
            {"GET",
             "/api/v1/password-resets/{token}",
             Anyone(),
             {},
             [resets](Call& c) {
               return Present(resets->Check(c.param("token"), c.now), [](const auto& user) {
                 return json::object{{"email", user.email}, {"name", user.name}};
               });
             }},
            {"POST", "/api/v1/password-resets/{token}", Anyone(), Body(ReadPassword),
             [&s, resets](Call& c) -> Result<http::Response> {
               auto opened = resets->Complete(c.param("token"), c.input<std::string>(),
                                              c.request.remote_ip, UserAgent(c.request));
               if (!opened) return std::move(opened).error();
               return Json(200, {{"user", UserJson(opened->user)},
                                 {"csrf_token", opened->session.csrf_token}})
                   .With("Set-Cookie", SessionCookie(opened->secret, s.config));
             }},
            // The link is shown this once to the admin, who passes it on.
            {"POST", "/api/v1/workspaces/{ws}/members/{user_id}/password-reset", member, NoFields(),
             [&s, first_day](Call& c) {
               return Present(
                   first_day->ResetMemberPassword(c.actor(), c.param("ws"), c.param("user_id"),
                                                  c.now),
                   [&](const auto& created) {
                     return json::object{{"url", PublicBase(c.request, s.config) +
                                                     "/reset-password/" + created.secret},
                                         {"expires_at", FormatTime(created.expires_at)}};
                   },
                   201);
             }},
            {"GET",
             "/api/v1/workspaces/{ws}/first-steps",
             member,
             {},
             [first_day](Call& c) {
               return Present(first_day->Steps(c.actor(), c.param("ws"), c.now), FirstStepsJson);
             }},
            {"PATCH", "/api/v1/workspaces/{ws}/first-steps", member, Body(ReadStepsChange),
             [first_day](Call& c) {
               const auto& in = c.input<StepsChange>();
               return Present(
                   first_day->UpdateSteps(c.actor(), c.param("ws"),
                                          in.workflow_seen.value_or(false), in.dismissed, c.now),
                   FirstStepsJson);
             }},
        });
}

}  // namespace copydesk::api
