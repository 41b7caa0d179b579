#include "api/common.hpp"

#include <boost/json/serialize.hpp>
#include <cctype>

#include "core/clock.hpp"
#include "core/text.hpp"

namespace copydesk::api {

namespace json = boost::json;

Result<auth::Actor> Authenticate(auth::Accounts& accounts, const http::Request& request) {
  auth::Credentials credentials;
  if (auto header = request.Header("Authorization")) {
    // The scheme is case-insensitive (RFC 9110, 11.1): "bearer" is as good as "Bearer".
    constexpr std::string_view kBearer = "bearer ";
    std::string scheme(header->substr(0, kBearer.size()));
    for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string_view token = Trim(header->substr(std::min(kBearer.size(), header->size())));
    if (scheme != kBearer || token.empty()) {
      return Error::Unauthenticated("Use Authorization: Bearer <token>.");
    }
    credentials.bearer_token = std::string(token);
  } else {
    credentials.session_secret = request.Cookie(kSessionCookie);
  }
  if (auto csrf = request.Header("X-CSRF-Token")) credentials.csrf_header = std::string(*csrf);
  credentials.unsafe_method = request.IsUnsafeMethod();
  return accounts.Authenticate(credentials);
}

std::string SessionCookie(const std::string& secret, const Config& config) {
  std::string cookie = std::string(kSessionCookie) + "=" + secret +
                       "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                       std::to_string(config.session_max_days * 24 * 3600);
  if (config.SecureCookies()) cookie += "; Secure";
  return cookie;
}

namespace {

// Only host[:port] characters are taken from the header.
std::string HostOf(const http::Request& req, const std::string& fallback) {
  const auto host = req.Header("Host");
  if (!host || host->empty() || host->size() > 255) return fallback;
  for (char c : *host) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                    c == ':' || c == '[' || c == ']';
    if (!ok) return fallback;
  }
  return std::string(*host);
}

}  // namespace

std::string PublicBase(const http::Request& request, const Config& config) {
  std::string base =
      config.public_url.empty() ? "http://" + HostOf(request, config.listen) : config.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::string UserAgent(const http::Request& request) {
  return std::string(request.Header("User-Agent").value_or(""));
}

std::string ClearedSessionCookie(const Config& config) {
  std::string cookie = std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  if (config.SecureCookies()) cookie += "; Secure";
  return cookie;
}

}  // namespace copydesk::api
