#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "api/route.hpp"
#include "auth/accounts.hpp"
#include "core/config.hpp"
#include "core/json_input.hpp"
#include "http/message.hpp"
#include "storage/accounts_store.hpp"
#include "storage/workspaces_store.hpp"

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

//! Presenters: the API's shape of each record.
boost::json::object UserJson(const storage::UserRecord& user);
boost::json::object WorkspaceJson(const storage::WorkspaceRecord& ws);
boost::json::object MemberJson(const storage::MemberRecord& member);
boost::json::object InvitationJson(const storage::InvitationRecord& invitation);
boost::json::object TeamJson(const storage::TeamRecord& team);
boost::json::object SessionJson(const storage::SessionRecord& session,
                                const std::string& current_id);
boost::json::object TokenJson(const storage::ApiTokenRecord& token);

}  // namespace copydesk::api
