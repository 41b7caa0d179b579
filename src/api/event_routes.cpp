// The live channel's path. The WebSocket upgrade itself is taken by the server before routing
// (http::Server, api::LiveHub); this route answers a plain GET of the same path.
#include "api/api.hpp"
#include "api/common.hpp"
#include "http/live_channel.hpp"

namespace copydesk::api {

void AddEventRoutes(http::Router& router, Services& s) {
  router.Add("GET", http::kLivePath, [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    return Error::BadRequest("Open this path as a WebSocket (Upgrade: websocket).");
  });
}

}  // namespace copydesk::api
