// The live channel's path. The WebSocket upgrade itself is taken by the server before routing
// (http::Server, live::Hub) and admitted by LiveDoor below; the route answers a plain GET of the
// same path.
#include <cctype>
#include <charconv>

#include "api/api.hpp"
#include "api/common.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "http/live_channel.hpp"

namespace copydesk::api {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "host[:port]" of an origin or URL ("https://host:port/path"), lowercased; nullopt otherwise.
std::optional<std::string> HostOf(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('/'));
  if (rest.empty()) return std::nullopt;
  return Lower(rest);
}

// A browser sends the session cookie with a WebSocket upgrade from any page, and WebSockets
// are not subject to CORS: only the Origin tells a page of this server from another site's
// (cross-site WebSocket hijacking). It must name this server, as the browser reached it (Host)
// or as configured behind a proxy (public_url).
bool FromThisServer(const http::Request& request, const Config& config) {
  const auto origin = request.Header("Origin");
  if (!origin) return false;
  const auto origin_host = HostOf(*origin);
  if (!origin_host) return false;
  if (const auto host = request.Header("Host"); host && Lower(*host) == *origin_host) return true;
  const auto public_host = HostOf(config.public_url);
  return public_host && *public_host == *origin_host;
}

}  // namespace

live::Door LiveDoor(auth::Accounts& accounts, const Config& config) {
  return [&accounts, &config](const http::Request& request) -> Result<live::Listener> {
    // A browser cannot set headers on a WebSocket: it sends the session cookie. Integrations
    // send their token in Authorization or, where their client cannot either, in ?token=.
    std::string secret;
    Result<auth::Actor> actor = Error::Unauthenticated();
    if (auto token = request.QueryParam("token")) {
      secret = *token;
      auth::Credentials credentials;
      credentials.bearer_token = *token;
      actor = accounts.Authenticate(credentials);
    } else {
      actor = Authenticate(accounts, request);
      if (actor && actor->via_token) {
        secret = std::string(Trim(request.Header("Authorization")->substr(7)));
      } else if (actor) {
        secret = request.Cookie(kSessionCookie).value_or("");
      }
    }
    if (!actor) return std::move(actor).error();
    if (!actor->via_token && !FromThisServer(request, config)) {
      return Error::Forbidden(
          "A signed-in browser may open the live channel only from this server's pages.");
    }
    live::Listener listener{actor->user.id, actor->user.name, actor->via_token, HashSecret(secret),
                            std::nullopt};
    if (auto after = request.QueryParam("after")) {
      std::int64_t value = -1;
      const auto* end = after->data() + after->size();
      const auto [ptr, ec] = std::from_chars(after->data(), end, value);
      if (ec != std::errc() || ptr != end || value < 0) {
        return Error::BadRequest("The after parameter is not an event sequence number.",
                                 {{"after", "must be a whole number, 0 or more"}});
      }
      listener.after = value;
    }
    return listener;
  };
}

void AddEventRoutes(http::Router& router, Services& s) {
  Mount(router,
        {
            {"GET",
             http::kLivePath,
             Member(s.accounts),
             {},
             [](Call&) -> Result<http::Response> {
               return Error::BadRequest("Open this path as a WebSocket (Upgrade: websocket).");
             }},
        });
}

}  // namespace copydesk::api
