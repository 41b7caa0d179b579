// What supervisors, load balancers and the operator's scraper ask of the server itself.
#include "api/api.hpp"
#include "api/common.hpp"
#include "core/address.hpp"
#include "core/random.hpp"

namespace copydesk::api {

namespace {

// Metrics name every route and how busy the server is: for the operator's scraper, which runs
// on this host or presents the metrics token. A request relayed by a proxy on this host comes
// from loopback too, but carries a forwarding header: that is not the operator's scraper.
bool MayReadMetrics(const http::Request& req, const Config& config) {
  if (!config.metrics_token.empty()) {
    if (auto header = req.Header("Authorization"); header && header->rfind("Bearer ", 0) == 0) {
      return ConstantTimeEquals(std::string(header->substr(7)), config.metrics_token);
    }
  }
  return IsLoopbackAddress(req.peer_ip) && !req.Header("X-Forwarded-For") &&
         !req.Header("Forwarded");
}

// Caller step of the metrics: the operator's scraper only.
Step Scraper(const Config& config) {
  return [&config](Call& c) -> Result<void> {
    if (!MayReadMetrics(c.request, config))
      return Error::Forbidden(
          "Metrics answer on this host only, or with the metrics token (--metrics-token).");
    return {};
  };
}

}  // namespace

void AddHealthRoutes(http::Router& router, Services& s) {
  Mount(router,
        {
            // Alive: the process answers. Used by supervisors to restart a hung server.
            {"GET",
             "/healthz",
             Anyone(),
             {},
             [](Call&) -> Result<http::Response> {
               return Json(200, {{"status", "ok"}});
             }},
            // Ready: the database answers too. Used by load balancers to route traffic.
            {"GET",
             "/readyz",
             Anyone(),
             {},
             [&s](Call&) -> Result<http::Response> {
               if (!s.db.Ping())
                 return Error{ErrorKind::kUnavailable, "The database is not reachable."};
               return Json(200, {{"status", "ready"}, {"database", std::string(s.db.Backend())}});
             }},
            {"GET",
             "/metrics",
             Scraper(s.config),
             {},
             [&s](Call&) -> Result<http::Response> {
               return http::Response{200,
                                     "text/plain; version=0.0.4; charset=utf-8",
                                     s.metrics.Render() + s.files.MetricsText(),
                                     {}};
             }},
        });
}

}  // namespace copydesk::api
