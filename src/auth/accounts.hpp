#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/rate_limiter.hpp"
#include "core/config.hpp"
#include "core/result.hpp"
#include "storage/accounts_store.hpp"
#include "storage/database.hpp"

namespace copydesk::auth {

//! Who is calling: an account, through a browser session or an API token.
struct Actor {
  storage::UserRecord user;
  std::string session_id;  //!< empty for API tokens
  std::string csrf_token;  //!< empty for API tokens
  bool via_token = false;
};

//! What a request presents to prove who it is.
struct Credentials {
  std::optional<std::string> session_secret;  //!< the copydesk_session cookie
  std::optional<std::string> bearer_token;    //!< Authorization: Bearer …
  std::optional<std::string> csrf_header;     //!< X-CSRF-Token
  bool unsafe_method = false;                 //!< POST, PUT, PATCH, DELETE
};

//! A session just opened: the secret goes into the cookie, once.
struct OpenedSession {
  std::string secret;
  storage::SessionRecord session;
  storage::UserRecord user;
};

//! The rules of a person's profile fields; each returns the message for the field at fault.
std::optional<std::string> CheckName(std::string_view name);
std::optional<std::string> CheckLanguage(std::string_view language);
//! An IANA time zone name this system knows ("Europe/Paris"): a TZif file under the zone folder
//! (`zoneinfo`, /usr/share/zoneinfo by default), never a path outside it.
std::optional<std::string> CheckTimeZone(std::string_view zone,
                                         const std::string& zoneinfo = "/usr/share/zoneinfo");

//! Adds an account in the caller's transaction: 409 when the e-mail is taken, 422 when a field
//! is invalid. `password_hash` is already hashed (hash outside the transaction: it is slow).
Result<storage::UserRecord> CreateUser(storage::Tx& tx, const std::string& email,
                                       const std::string& name,
                                       const std::optional<std::string>& password_hash,
                                       const std::string& language);

//! Opens a browser session for `user` in the caller's transaction.
OpenedSession OpenSession(storage::Tx& tx, const storage::UserRecord& user, const Config& config,
                          const std::string& ip, const std::string& user_agent);

//! Accounts, sessions and API tokens.
class Accounts {
 public:
  Accounts(storage::Database& db, const Config& config);

  //! Resolves credentials to an actor: 401 when absent, unknown or expired; 403 when a cookie
  //! request with an unsafe method lacks the session's CSRF token.
  Result<Actor> Authenticate(const Credentials& credentials);

  //! Checks a password and opens a session. Unknown e-mail and wrong password give the same 401
  //! in similar time; too many failures per account or per address give 429.
  Result<OpenedSession> Login(const std::string& email, const std::string& password,
                              const std::string& ip, const std::string& user_agent);
  //! Ends the actor's current session.
  void Logout(const Actor& actor);
  //! The actor's live sessions.
  std::vector<storage::SessionRecord> Sessions(const Actor& actor);
  //! Ends one of the actor's sessions; 404 when it is not theirs.
  Result<void> EndSession(const Actor& actor, const std::string& session_id);

  //! Creates a personal API token; the secret is returned once.
  Result<std::pair<storage::ApiTokenRecord, std::string>> CreateToken(const std::string& user_id,
                                                                      const std::string& name);
  //! The actor's tokens (without secrets).
  std::vector<storage::ApiTokenRecord> Tokens(const Actor& actor);
  //! Revokes one of the actor's tokens; 404 when it is not theirs.
  Result<void> RevokeToken(const Actor& actor, const std::string& token_id);

  //! Changes the actor's name, language and/or time zone (set: an IANA name or null to follow
  //! the browser's).
  Result<storage::UserRecord> UpdateProfile(
      const Actor& actor, std::optional<std::string> name, std::optional<std::string> language,
      std::optional<std::optional<std::string>> time_zone = std::nullopt);
  //! Changes the actor's password after checking the current one; ends their other sessions.
  //! The check is throttled like a sign-in (same per-account and per-address counts): 429.
  Result<void> ChangePassword(const Actor& actor, const std::string& current,
                              const std::string& next, const std::string& ip);

  //! Creates an account from the command line (no password: nobody can log in until one is set).
  Result<storage::UserRecord> CreateUserWithPassword(const std::string& email,
                                                     const std::string& name,
                                                     const std::optional<std::string>& password);
  //! Sets a new password for an account from the command line; ends all its sessions.
  Result<void> ResetPassword(const std::string& email, const std::string& password);

 private:
  //! Counts an attempt at the account's password as failed before checking it; 429 when the
  //! account or the address has no attempt left.
  Result<void> TakeAttempt(const std::string& account_key, const std::string& ip, TimeMs now);
  //! The password was right: the account's failures are forgotten, the address's slot returned.
  void AttemptSucceeded(const std::string& account_key, const std::string& ip, TimeMs now);

  storage::Database& db_;
  const Config& config_;
  FailureWindow account_failures_;
  FailureWindow ip_failures_;
};

}  // namespace copydesk::auth
