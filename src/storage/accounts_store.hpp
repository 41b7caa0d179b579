#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A person's account as stored.
struct UserRecord {
  std::string id;
  std::string email;
  std::string name;
  std::optional<std::string> password_hash;
  std::string language;
  TimeMs created_at = 0;
  std::optional<std::string> time_zone;  //!< an IANA zone name; unset: the browser's
};

//! A browser session as stored (the secret itself is never stored).
struct SessionRecord {
  std::string id;
  std::string user_id;
  std::string csrf_token;
  TimeMs created_at = 0;
  TimeMs last_seen_at = 0;
  TimeMs expires_at = 0;
  std::string user_agent;
  std::string ip;
};

//! A personal API token as stored (the secret itself is never stored).
struct ApiTokenRecord {
  std::string id;
  std::string user_id;
  std::string name;
  TimeMs created_at = 0;
  std::optional<TimeMs> last_used_at;
};

//! Number of accounts on the instance.
std::int64_t CountUsers(Tx& tx);
//! Adds an account; throws StorageError(kUnique) when the email is taken.
void InsertUser(Tx& tx, const UserRecord& user);
//! The account with this normalized email.
std::optional<UserRecord> FindUserByEmail(Tx& tx, const std::string& email);
//! The account with this id.
std::optional<UserRecord> FindUserById(Tx& tx, const std::string& id);
//! Sets or clears a person's time zone (an IANA name, checked by the caller).
void UpdateUserTimeZone(Tx& tx, const std::string& id, const std::optional<std::string>& time_zone,
                        TimeMs now);
//! Changes name and language.
void UpdateUserProfile(Tx& tx, const std::string& id, const std::string& name,
                       const std::string& language, TimeMs now);
//! Replaces the password hash.
void SetPasswordHash(Tx& tx, const std::string& id, const std::string& hash, TimeMs now);

//! Adds a session under the hash of its secret.
void InsertSession(Tx& tx, const SessionRecord& session, const std::string& token_hash);
//! The session and its user for a secret's hash, whatever its expiry.
std::optional<std::pair<SessionRecord, UserRecord>> FindSessionByTokenHash(
    Tx& tx, const std::string& token_hash);
//! Records use of a session.
void TouchSession(Tx& tx, const std::string& id, TimeMs now);
//! Ends one session of a user; false when it is not theirs or gone.
bool DeleteSession(Tx& tx, const std::string& user_id, const std::string& id);
//! Ends every session of a user but `keep_id` (after a password change).
void DeleteOtherSessions(Tx& tx, const std::string& user_id, const std::string& keep_id);
//! The live sessions of a user, newest first.
std::vector<SessionRecord> ListSessions(Tx& tx, const std::string& user_id, TimeMs now,
                                        TimeMs idle_ms);
//! Drops sessions that expired (absolute or idle).
std::int64_t DeleteExpiredSessions(Tx& tx, TimeMs now, TimeMs idle_ms);

//! Adds an API token under the hash of its secret.
void InsertApiToken(Tx& tx, const ApiTokenRecord& token, const std::string& token_hash);
//! The token and its user for a secret's hash.
std::optional<std::pair<ApiTokenRecord, UserRecord>> FindApiTokenByHash(
    Tx& tx, const std::string& token_hash);
//! The tokens of a user, newest first.
std::vector<ApiTokenRecord> ListApiTokens(Tx& tx, const std::string& user_id);
//! Revokes one token of a user; false when it is not theirs or gone.
bool DeleteApiToken(Tx& tx, const std::string& user_id, const std::string& id);
//! Revokes every token of a user (their password changed or was reset); how many there were.
std::int64_t DeleteApiTokensOfUser(Tx& tx, const std::string& user_id);
//! Records use of a token.
void TouchApiToken(Tx& tx, const std::string& id, TimeMs now);

}  // namespace copydesk::storage
