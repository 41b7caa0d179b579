// Teams of a workspace (Marketing, Legal, …): the people a workflow step asks for an approval.
// The rules are in workspace::Workspaces.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/workspace.hpp"

namespace copydesk::api {

namespace {

struct NewTeam {
  std::string name;
  std::optional<std::vector<std::string>> members;
};
NewTeam ReadNewTeam(JsonInput& in) {
  NewTeam out;
  out.name = in.String("name", JsonInput::kRequired, 400).value_or("");
  out.members = in.StringArray("members", JsonInput::kOptional, 1000);
  return out;
}

std::string ReadName(JsonInput& in) {
  return in.String("name", JsonInput::kRequired, 400).value_or("");
}

// The body is the list of user ids: the team's members afterwards.
Step MemberIds() {
  return [](Call& c) -> Result<void> {
    auto ids = ParseStringList(c.request.body, "members");
    if (!ids) return std::move(ids).error();
    c.SetInput(std::move(*ids));
    return {};
  };
}

}  // namespace

void AddTeamRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router,
        {
            {"GET",
             "/api/v1/workspaces/{ws}/teams",
             member,
             {},
             [&s](Call& c) {
               return Present(s.workspaces.Teams(c.actor(), c.param("ws")),
                              [](const auto& teams) { return ItemsJson(teams, TeamJson); });
             }},
            {"POST", "/api/v1/workspaces/{ws}/teams", member, Body(ReadNewTeam),
             [&s](Call& c) {
               const auto& in = c.input<NewTeam>();
               return Present(
                   s.workspaces.CreateTeam(c.actor(), c.param("ws"), in.name, in.members), TeamJson,
                   201);
             }},
            {"PATCH", "/api/v1/workspaces/{ws}/teams/{team_id}", member, Body(ReadName),
             [&s](Call& c) {
               return Present(s.workspaces.RenameTeam(c.actor(), c.param("ws"), c.param("team_id"),
                                                      c.input<std::string>()),
                              TeamJson);
             }},
            {"DELETE",
             "/api/v1/workspaces/{ws}/teams/{team_id}",
             member,
             {},
             [&s](Call& c) {
               return Done(s.workspaces.DeleteTeam(c.actor(), c.param("ws"), c.param("team_id")));
             }},
            {"PUT", "/api/v1/workspaces/{ws}/teams/{team_id}/members", member, MemberIds(),
             [&s](Call& c) {
               return Present(
                   s.workspaces.SetTeamMembers(c.actor(), c.param("ws"), c.param("team_id"),
                                               c.input<std::vector<std::string>>()),
                   TeamJson);
             }},
        });
}

}  // namespace copydesk::api
