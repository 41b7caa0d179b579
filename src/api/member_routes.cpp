// Members of a workspace and the invitations waiting for someone new. The rules are in
// workspace::Workspaces.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/workspace.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

struct NewMember {
  std::string email, role;
};
NewMember ReadNewMember(JsonInput& in) {
  NewMember out;
  out.email = in.String("email", JsonInput::kRequired, 320).value_or("");
  out.role = in.String("role", JsonInput::kRequired, 32).value_or("");
  return out;
}

std::string ReadRole(JsonInput& in) {
  return in.String("role", JsonInput::kRequired, 32).value_or("");
}

json::object AddedJson(const workspace::AddMemberOutcome& outcome, const std::string& base) {
  if (outcome.member) return {{"member", MemberJson(*outcome.member)}};
  return {{"invitation", NewInvitationJson(*outcome.invitation, outcome.invitation_secret, base)}};
}

}  // namespace

void AddMemberRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router,
        {
            {"GET",
             "/api/v1/workspaces/{ws}/members",
             member,
             {},
             [&s](Call& c) {
               return Present(s.workspaces.Members(c.actor(), c.param("ws")),
                              [](const auto& members) { return ItemsJson(members, MemberJson); });
             }},
            // An existing account is added at once; an unknown e-mail gets an invitation whose
            // secret is returned to the inviter once (to pass on until e-mail delivery exists).
            {"POST", "/api/v1/workspaces/{ws}/members", member, Body(ReadNewMember),
             [&s](Call& c) {
               const auto& in = c.input<NewMember>();
               return Present(
                   s.workspaces.AddMember(c.actor(), c.param("ws"), in.email, in.role),
                   [&](const auto& outcome) {
                     return AddedJson(outcome, PublicBase(c.request, s.config));
                   },
                   201);
             }},
            {"GET",
             "/api/v1/workspaces/{ws}/invitations",
             member,
             {},
             [&s](Call& c) {
               return Present(
                   s.workspaces.Invitations(c.actor(), c.param("ws")),
                   [](const auto& invitations) { return ItemsJson(invitations, InvitationJson); });
             }},
            {"PATCH", "/api/v1/workspaces/{ws}/members/{user_id}", member, Body(ReadRole),
             [&s](Call& c) {
               return Present(s.workspaces.ChangeRole(c.actor(), c.param("ws"), c.param("user_id"),
                                                      c.input<std::string>()),
                              MemberJson);
             }},
            {"DELETE",
             "/api/v1/workspaces/{ws}/members/{user_id}",
             member,
             {},
             [&s](Call& c) {
               return Done(s.workspaces.RemoveMember(c.actor(), c.param("ws"), c.param("user_id")));
             }},
        });
}

}  // namespace copydesk::api
