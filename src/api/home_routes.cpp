// A workspace's home: the day's dashboard of the caller, in one round trip. The rules are in
// collab::HomePage; the week is the caller's, counted by their browser in their time zone.
#include <memory>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/home.hpp"
#include "collab/home.hpp"

namespace copydesk::api {

namespace {

Result<collab::HomeWeek> ReadHomeWeek(const http::Request& req) {
  return collab::CheckHomeWeek(req.QueryParam("tz"), req.QueryParam("from"), req.QueryParam("to"));
}

}  // namespace

void AddHomeRoutes(http::Router& router, Services& s) {
  auto home = std::make_shared<collab::HomePage>(s.db);
  Mount(router, {
                    {"GET", "/api/v1/workspaces/{ws}/home", Member(s.accounts), Query(ReadHomeWeek),
                     [home](Call& c) {
                       return Present(
                           home->Get(c.actor(), c.param("ws"), c.input<collab::HomeWeek>(), c.now),
                           HomeJson);
                     }},
                });
}

}  // namespace copydesk::api
