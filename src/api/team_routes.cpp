#include "api/api.hpp"
#include "api/common.hpp"

namespace copydesk::api {

namespace json = boost::json;

void AddTeamRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/workspaces/{ws}/teams",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto teams = s.workspaces.Teams(*actor, req.Param("ws"));
               if (!teams) return std::move(teams).error();
               json::array items;
               for (const auto& t : *teams) items.push_back(TeamJson(t));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/workspaces/{ws}/teams",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto name = in->String("name", JsonInput::kRequired, 400);
               auto members = in->StringArray("members", JsonInput::kOptional, 1000);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto team = s.workspaces.CreateTeam(*actor, req.Param("ws"), *name, members);
               if (!team) return std::move(team).error();
               return Json(201, TeamJson(*team));
             });

  router.Add("PATCH", "/api/v1/workspaces/{ws}/teams/{team_id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto name = in->String("name", JsonInput::kRequired, 400);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto team =
                   s.workspaces.RenameTeam(*actor, req.Param("ws"), req.Param("team_id"), *name);
               if (!team) return std::move(team).error();
               return Json(200, TeamJson(*team));
             });

  router.Add("DELETE", "/api/v1/workspaces/{ws}/teams/{team_id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               if (auto deleted =
                       s.workspaces.DeleteTeam(*actor, req.Param("ws"), req.Param("team_id"));
                   !deleted) {
                 return std::move(deleted).error();
               }
               return NoContent();
             });

  // The body is the list of user ids: the team's members afterwards.
  router.Add("PUT", "/api/v1/workspaces/{ws}/teams/{team_id}/members",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               std::vector<std::string> ids;
               if (auto parsed = ParseStringList(req.body, "members"); !parsed) {
                 return std::move(parsed).error();
               } else {
                 ids = std::move(*parsed);
               }
               auto team = s.workspaces.SetTeamMembers(*actor, req.Param("ws"),
                                                       req.Param("team_id"), ids);
               if (!team) return std::move(team).error();
               return Json(200, TeamJson(*team));
             });
}

}  // namespace copydesk::api
