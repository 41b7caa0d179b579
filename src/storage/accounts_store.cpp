#include "storage/accounts_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kUserColumns =
    "u.id, u.email, u.name, u.password_hash, u.language, u.created_at, u.time_zone";

UserRecord ReadUser(const Row& r, int at) {
  return {r.Text(at),     r.Text(at + 1), r.Text(at + 2),   r.OptText(at + 3),
          r.Text(at + 4), r.Int(at + 5),  r.OptText(at + 6)};
}

SessionRecord ReadSession(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5), r.Text(6), r.Text(7)};
}

ApiTokenRecord ReadToken(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.OptInt(4)};
}

}  // namespace

std::int64_t CountUsers(Tx& tx) {
  return tx.Scalar("SELECT COUNT(*) FROM users");
}

void InsertUser(Tx& tx, const UserRecord& u) {
  tx.Exec(
      "INSERT INTO users (id, email, name, password_hash, language, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {u.id, u.email, u.name, Nullable(u.password_hash), u.language, u.created_at, u.created_at});
}

std::optional<UserRecord> FindUserByEmail(Tx& tx, const std::string& email) {
  static const std::string sql =
      std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.email = ?";
  return tx.First(sql, {email}, [](const Row& r) { return ReadUser(r, 0); });
}

std::optional<UserRecord> FindUserById(Tx& tx, const std::string& id) {
  static const std::string sql =
      std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.id = ?";
  return tx.First(sql, {id}, [](const Row& r) { return ReadUser(r, 0); });
}

void UpdateUserProfile(Tx& tx, const std::string& id, const std::string& name,
                       const std::string& language, TimeMs now) {
  tx.Exec("UPDATE users SET name = ?, language = ?, updated_at = ? WHERE id = ?",
          {name, language, now, id});
}

void UpdateUserTimeZone(Tx& tx, const std::string& id, const std::optional<std::string>& time_zone,
                        TimeMs now) {
  tx.Exec("UPDATE users SET time_zone = ?, updated_at = ? WHERE id = ?",
          {Nullable(time_zone), now, id});
}

void SetPasswordHash(Tx& tx, const std::string& id, const std::string& hash, TimeMs now) {
  tx.Exec("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", {hash, now, id});
}

void InsertSession(Tx& tx, const SessionRecord& s, const std::string& token_hash) {
  tx.Exec(
      "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, last_seen_at, "
      "expires_at, user_agent, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
       s.user_agent, s.ip});
}

std::optional<std::pair<SessionRecord, UserRecord>> FindSessionByTokenHash(
    Tx& tx, const std::string& token_hash) {
  static const std::string sql =
      std::string(
          "SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, "
          "s.user_agent, s.ip, ") +
      kUserColumns + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?";
  return tx.First(sql, {token_hash},
                  [](const Row& r) { return std::make_pair(ReadSession(r), ReadUser(r, 8)); });
}

void TouchSession(Tx& tx, const std::string& id, TimeMs now) {
  tx.Exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, id});
}

bool DeleteSession(Tx& tx, const std::string& user_id, const std::string& id) {
  return tx.Exec("DELETE FROM sessions WHERE id = ? AND user_id = ?", {id, user_id}) > 0;
}

void DeleteOtherSessions(Tx& tx, const std::string& user_id, const std::string& keep_id) {
  tx.Exec("DELETE FROM sessions WHERE user_id = ? AND id <> ?", {user_id, keep_id});
}

std::vector<SessionRecord> ListSessions(Tx& tx, const std::string& user_id, TimeMs now,
                                        TimeMs idle_ms) {
  return tx.Rows(
      "SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at, user_agent, ip "
      "FROM sessions WHERE user_id = ? AND expires_at > ? AND last_seen_at > ? "
      "ORDER BY last_seen_at DESC",
      {user_id, now, now - idle_ms}, ReadSession);
}

std::int64_t DeleteExpiredSessions(Tx& tx, TimeMs now, TimeMs idle_ms) {
  return tx.Exec("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?",
                 {now, now - idle_ms});
}

void InsertApiToken(Tx& tx, const ApiTokenRecord& t, const std::string& token_hash) {
  tx.Exec(
      "INSERT INTO api_tokens (id, token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)",
      {t.id, token_hash, t.user_id, t.name, t.created_at});
}

std::optional<std::pair<ApiTokenRecord, UserRecord>> FindApiTokenByHash(
    Tx& tx, const std::string& token_hash) {
  static const std::string sql =
      std::string("SELECT t.id, t.user_id, t.name, t.created_at, t.last_used_at, ") + kUserColumns +
      " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?";
  return tx.First(sql, {token_hash},
                  [](const Row& r) { return std::make_pair(ReadToken(r), ReadUser(r, 5)); });
}

std::vector<ApiTokenRecord> ListApiTokens(Tx& tx, const std::string& user_id) {
  return tx.Rows(
      "SELECT id, user_id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? "
      "ORDER BY created_at DESC, id",
      {user_id}, ReadToken);
}

bool DeleteApiToken(Tx& tx, const std::string& user_id, const std::string& id) {
  return tx.Exec("DELETE FROM api_tokens WHERE id = ? AND user_id = ?", {id, user_id}) > 0;
}

std::int64_t DeleteApiTokensOfUser(Tx& tx, const std::string& user_id) {
  return tx.Exec("DELETE FROM api_tokens WHERE user_id = ?", {user_id});
}

void TouchApiToken(Tx& tx, const std::string& id, TimeMs now) {
  tx.Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, id});
}

}  // namespace copydesk::storage
