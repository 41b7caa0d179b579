#include <cctype>

#include "api/api.hpp"
#include "api/common.hpp"

namespace copydesk::api {

namespace json = boost::json;

void AddMemberRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/workspaces/{ws}/members",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto members = s.workspaces.Members(*actor, req.Param("ws"));
               if (!members) return std::move(members).error();
               json::array items;
               for (const auto& m : *members) items.push_back(MemberJson(m));
               return Json(200, {{"items", std::move(items)}});
             });

  // An existing account is added at once; an unknown e-mail gets an invitation whose secret is
  // returned to the inviter once (to pass on until e-mail delivery exists).
  router.Add("POST", "/api/v1/workspaces/{ws}/members",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto email = in->String("email", JsonInput::kRequired, 320);
               auto role = in->String("role", JsonInput::kRequired, 32);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto outcome = s.workspaces.AddMember(*actor, req.Param("ws"), *email, *role);
               if (!outcome) return std::move(outcome).error();
               if (outcome->member) return Json(201, {{"member", MemberJson(*outcome->member)}});
               auto invitation = InvitationJson(*outcome->invitation);
               invitation["token"] = outcome->invitation_secret;
               invitation["accept_url"] =
                   PublicBase(req, s.config) + "/invite/" + outcome->invitation_secret;
               return Json(201, {{"invitation", std::move(invitation)}});
             });

  router.Add("GET", "/api/v1/workspaces/{ws}/invitations",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto invitations = s.workspaces.Invitations(*actor, req.Param("ws"));
               if (!invitations) return std::move(invitations).error();
               json::array items;
               for (const auto& i : *invitations) items.push_back(InvitationJson(i));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("PATCH", "/api/v1/workspaces/{ws}/members/{user_id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto role = in->String("role", JsonInput::kRequired, 32);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto member =
                   s.workspaces.ChangeRole(*actor, req.Param("ws"), req.Param("user_id"), *role);
               if (!member) return std::move(member).error();
               return Json(200, MemberJson(*member));
             });

  router.Add(
      "DELETE", "/api/v1/workspaces/{ws}/members/{user_id}",
      [&s](http::Request& req) -> Result<http::Response> {
        auto actor = Authenticate(s.accounts, req);
        if (!actor) return std::move(actor).error();
        if (auto removed = s.workspaces.RemoveMember(*actor, req.Param("ws"), req.Param("user_id"));
            !removed) {
          return std::move(removed).error();
        }
        return NoContent();
      });
}

}  // namespace copydesk::api
