#include "api/api.hpp"
#include "api/common.hpp"

namespace copydesk::api {

void AddHealthRoutes(http::Router& router, Services& s) {
  // Alive: the process answers. Used by supervisors to restart a hung server.
  router.Add("GET", "/healthz", [](http::Request&) -> Result<http::Response> {
    return Json(200, {{"status", "ok"}});
  });
  // Ready: the database answers too. Used by load balancers to route traffic.
  router.Add("GET", "/readyz", [&s](http::Request&) -> Result<http::Response> {
    if (!s.db.Ping()) return Error{ErrorKind::kUnavailable, "The database is not reachable."};
    return Json(200, {{"status", "ready"}, {"database", std::string(s.db.Backend())}});
  });
  router.Add("GET", "/metrics", [&s](http::Request&) -> Result<http::Response> {
    return http::Response{200, "text/plain; version=0.0.4; charset=utf-8", s.metrics.Render(), {}};
  });
}

}  // namespace copydesk::api
