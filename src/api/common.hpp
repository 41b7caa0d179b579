#pragma once

#include <boost/json/value.hpp>
#include <string>

// The presenters of accounts and workspaces, for the route files that reach them from here.
#include "api/present/account.hpp"
#include "api/present/workspace.hpp"
#include "api/route.hpp"
#include "auth/accounts.hpp"
#include "core/config.hpp"
#include "core/json_input.hpp"
#include "http/message.hpp"

namespace copydesk::api {

//! Name of the session cookie.
inline constexpr const char* kSessionCookie = "copydesk_session";

//! Who is calling, from the session cookie or the bearer token; CSRF checked for unsafe methods.
Result<auth::Actor> Authenticate(auth::Accounts& accounts, const http::Request& request);

//! Set-Cookie value opening a session (HttpOnly, SameSite=Lax, Secure behind https).
std::string SessionCookie(const std::string& secret, const Config& config);
//! Set-Cookie value ending the session in the browser.
std::string ClearedSessionCookie(const Config& config);

//! How people reach the server, for links sent to them ("https://copydesk.example.com", no
//! trailing slash): the public URL, else the Host the caller used, else the listening address.
std::string PublicBase(const http::Request& request, const Config& config);

//! The caller's User-Agent header ("" without one), recorded with the sessions they open.
std::string UserAgent(const http::Request& request);

}  // namespace copydesk::api
