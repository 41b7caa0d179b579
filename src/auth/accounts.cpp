#include "auth/accounts.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "auth/password.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"

namespace copydesk::auth {

namespace {

constexpr TimeMs kDayMs = 24LL * 3600 * 1000;
constexpr TimeMs kLoginWindowMs = 15LL * 60 * 1000;
// Last-seen times are refreshed at most this often: a write per request would serialize reads.
constexpr TimeMs kTouchEveryMs = 60'000;

Error WrongCredentials() {
  return {ErrorKind::kUnauthenticated, "The e-mail or the password is wrong."};
}

Error TooManyAttempts(TimeMs retry_after_ms) {
  Error e{ErrorKind::kRateLimited, "Too many wrong passwords. Try again later."};
  e.retry_after_seconds = static_cast<int>((retry_after_ms + 999) / 1000);
  return e;
}

}  // namespace

std::optional<std::string> CheckName(std::string_view name) {
  if (Trim(name).empty()) return "must not be empty";
  if (CountCharacters(name) > 100) return "must be at most 100 characters";
  return CheckNameCharacters(name);
}

std::optional<std::string> CheckTimeZone(std::string_view zone, const std::string& zoneinfo) {
  static constexpr const char* kWhy = "must be a time zone name such as \"Europe/Paris\"";
  // A name, never a path: letters, digits and "_+-" in segments separated by "/", none of them
  // "." or "..". The system's other trees (posix/, right/) hold the same zones under names
  // browsers do not know.
  if (zone.empty() || zone.size() > 64 || zone.front() == '/' || zone.back() == '/') return kWhy;
  for (char c : zone) {
    const bool plain =
        std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '+' || c == '-' || c == '/';
    if (!plain) return kWhy;
  }
  if (zone.find("//") != std::string_view::npos || zone.starts_with("posix/") ||
      zone.starts_with("right/")) {
    return kWhy;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root = fs::canonical(zoneinfo, ec);
  if (ec) return "cannot be checked: this server has no time zone data";
  const fs::path file = fs::canonical(root / std::string(zone), ec);
  if (ec || !fs::is_regular_file(file, ec)) return "is not a time zone this server knows";
  // A link in the folder (a zone's older name) must land inside it.
  const auto relative = file.lexically_relative(root).string();
  if (relative.empty() || relative.starts_with("..")) return "is not a time zone this server knows";
  std::ifstream in(file, std::ios::binary);
  char magic[4] = {};
  if (!in.read(magic, 4) || std::string_view(magic, 4) != "TZif")
    return "is not a time zone this server knows";
  return std::nullopt;
}

std::optional<std::string> CheckLanguage(std::string_view language) {
  if (language != "en" && language != "fr") return "must be \"en\" or \"fr\"";
  return std::nullopt;
}

Result<storage::UserRecord> CreateUser(storage::Tx& tx, const std::string& email,
                                       const std::string& name,
                                       const std::optional<std::string>& password_hash,
                                       const std::string& language) {
  std::vector<FieldError> faults;
  const std::string normalized = NormalizeEmail(email);
  if (normalized.empty()) faults.push_back({"email", "must be an e-mail address"});
  if (auto why = CheckName(name)) faults.push_back({"name", *why});
  if (auto why = CheckLanguage(language)) faults.push_back({"language", *why});
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  if (storage::FindUserByEmail(tx, normalized)) {
    return Error::Conflict("An account with this e-mail already exists.",
                           {{"email", "is already used by an account"}});
  }
  storage::UserRecord user{NewId(),       normalized, std::string(Trim(name)),
                           password_hash, language,   NowMs()};
  storage::InsertUser(tx, user);
  storage::AppendEvent(tx, std::nullopt, user.id, "user.created", user.id, "{}", user.created_at);
  return user;
}

OpenedSession OpenSession(storage::Tx& tx, const storage::UserRecord& user, const Config& config,
                          const std::string& ip, const std::string& user_agent) {
  const TimeMs now = NowMs();
  OpenedSession opened;
  opened.secret = NewSecret();
  opened.user = user;
  opened.session = {NewId(),
                    user.id,
                    NewSecret(),
                    now,
                    now,
                    now + config.session_max_days * kDayMs,
                    ToValidUtf8(user_agent, 300),
                    ToValidUtf8(ip, 64)};
  storage::InsertSession(tx, opened.session, HashSecret(opened.secret));
  return opened;
}

Accounts::Accounts(storage::Database& db, const Config& config)
    : db_(db),
      config_(config),
      account_failures_(config.login_failures_per_account, kLoginWindowMs),
      ip_failures_(config.login_failures_per_ip, kLoginWindowMs) {}

Result<Actor> Accounts::Authenticate(const Credentials& credentials) {
  const TimeMs now = NowMs();
  if (credentials.bearer_token) {
    const std::string hash = HashSecret(*credentials.bearer_token);
    auto found = db_.Read([&](storage::Tx& tx) { return storage::FindApiTokenByHash(tx, hash); });
    if (!found) return Error::Unauthenticated("The API token is not valid.");
    auto& [token, user] = *found;
    if (!token.last_used_at || now - *token.last_used_at > kTouchEveryMs) {
      (void)db_.Write([&](storage::Tx& tx) -> Result<void> {
        storage::TouchApiToken(tx, token.id, now);
        return {};
      });
    }
    return Actor{std::move(user), "", "", true};
  }
  if (!credentials.session_secret) return Error::Unauthenticated();
  const std::string hash = HashSecret(*credentials.session_secret);
  auto found = db_.Read([&](storage::Tx& tx) { return storage::FindSessionByTokenHash(tx, hash); });
  const TimeMs idle_ms = config_.session_idle_days * kDayMs;
  if (!found || found->first.expires_at <= now || found->first.last_seen_at <= now - idle_ms) {
    return Error::Unauthenticated("Your session has ended. Sign in again.");
  }
  auto& [session, user] = *found;
  if (credentials.unsafe_method &&
      (!credentials.csrf_header ||
       !ConstantTimeEquals(*credentials.csrf_header, session.csrf_token))) {
    return Error::Forbidden("The X-CSRF-Token header is missing or wrong.");
  }
  if (now - session.last_seen_at > kTouchEveryMs) {
    (void)db_.Write([&](storage::Tx& tx) -> Result<void> {
      storage::TouchSession(tx, session.id, now);
      return {};
    });
  }
  return Actor{std::move(user), session.id, session.csrf_token, false};
}

Result<OpenedSession> Accounts::Login(const std::string& email, const std::string& password,
                                      const std::string& ip, const std::string& user_agent) {
  const TimeMs now = NowMs();
  const std::string normalized = NormalizeEmail(email);
  const std::string account_key = normalized.empty() ? email : normalized;
  if (auto taken = TakeAttempt(account_key, ip, now); !taken) return std::move(taken).error();
  auto user = db_.Read([&](storage::Tx& tx) { return storage::FindUserByEmail(tx, normalized); });
  // Verify against a decoy when there is no usable hash so both failures cost the same.
  const bool has_hash = user && user->password_hash;
  const bool matches =
      VerifyPassword(password, has_hash ? *user->password_hash : DecoyPasswordHash()) && has_hash;
  if (!matches) return WrongCredentials();  // the failure was counted beforehand
  AttemptSucceeded(account_key, ip, now);
  return db_.Write([&](storage::Tx& tx) -> Result<OpenedSession> {
    auto opened = OpenSession(tx, *user, config_, ip, user_agent);
    storage::AppendEvent(tx, std::nullopt, user->id, "session.opened", opened.session.id, "{}",
                         now);
    return opened;
  });
}

Result<void> Accounts::TakeAttempt(const std::string& account_key, const std::string& ip,
                                   TimeMs now) {
  // Counted as a failure before the (slow) check, then given back on success: counted after,
  // parallel attempts would all pass the check of the count before any of them is added.
  if (TimeMs wait = account_failures_.Reserve(account_key, now); wait > 0)
    return TooManyAttempts(wait);
  if (TimeMs wait = ip_failures_.Reserve(ip, now); wait > 0) {
    account_failures_.Release(account_key, now);
    return TooManyAttempts(wait);
  }
  return {};
}

void Accounts::AttemptSucceeded(const std::string& account_key, const std::string& ip, TimeMs now) {
  account_failures_.Clear(account_key);
  ip_failures_.Release(ip, now);
}

void Accounts::Logout(const Actor& actor) {
  if (actor.session_id.empty()) return;
  (void)db_.Write([&](storage::Tx& tx) -> Result<void> {
    storage::DeleteSession(tx, actor.user.id, actor.session_id);
    return {};
  });
}

std::vector<storage::SessionRecord> Accounts::Sessions(const Actor& actor) {
  return db_.Read([&](storage::Tx& tx) {
    return storage::ListSessions(tx, actor.user.id, NowMs(), config_.session_idle_days * kDayMs);
  });
}

Result<void> Accounts::EndSession(const Actor& actor, const std::string& session_id) {
  return db_.Write([&](storage::Tx& tx) -> Result<void> {
    if (!storage::DeleteSession(tx, actor.user.id, session_id)) {
      return Error::NotFound("No such session.");
    }
    return {};
  });
}

Result<std::pair<storage::ApiTokenRecord, std::string>> Accounts::CreateToken(
    const std::string& user_id, const std::string& name) {
  if (auto why = CheckName(name)) return Error::InvalidField("name", *why);
  return db_.Write([&](storage::Tx& tx) -> Result<std::pair<storage::ApiTokenRecord, std::string>> {
    storage::ApiTokenRecord token{NewId(), user_id, std::string(Trim(name)), NowMs(), std::nullopt};
    std::string secret = NewSecret();
    storage::InsertApiToken(tx, token, HashSecret(secret));
    storage::AppendEvent(tx, std::nullopt, user_id, "token.created", token.id, "{}",
                         token.created_at);
    return std::make_pair(std::move(token), std::move(secret));
  });
}

std::vector<storage::ApiTokenRecord> Accounts::Tokens(const Actor& actor) {
  return db_.Read([&](storage::Tx& tx) { return storage::ListApiTokens(tx, actor.user.id); });
}

Result<void> Accounts::RevokeToken(const Actor& actor, const std::string& token_id) {
  return db_.Write([&](storage::Tx& tx) -> Result<void> {
    if (!storage::DeleteApiToken(tx, actor.user.id, token_id)) {
      return Error::NotFound("No such token.");
    }
    storage::AppendEvent(tx, std::nullopt, actor.user.id, "token.revoked", token_id, "{}", NowMs());
    return {};
  });
}

Result<storage::UserRecord> Accounts::UpdateProfile(
    const Actor& actor, std::optional<std::string> name, std::optional<std::string> language,
    std::optional<std::optional<std::string>> time_zone) {
  std::vector<FieldError> faults;
  if (time_zone && *time_zone) {
    if (auto why = CheckTimeZone(**time_zone)) faults.push_back({"time_zone", *why});
  }
  if (name) {
    if (auto why = CheckName(*name)) faults.push_back({"name", *why});
  }
  if (language) {
    if (auto why = CheckLanguage(*language)) faults.push_back({"language", *why});
  }
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return db_.Write([&](storage::Tx& tx) -> Result<storage::UserRecord> {
    auto user = storage::FindUserById(tx, actor.user.id);
    if (!user) return Error::NotFound();
    if (name) user->name = std::string(Trim(*name));
    if (language) user->language = *language;
    storage::UpdateUserProfile(tx, user->id, user->name, user->language, NowMs());
    if (time_zone) {
      user->time_zone = *time_zone;
      storage::UpdateUserTimeZone(tx, user->id, user->time_zone, NowMs());
    }
    return *user;
  });
}

Result<void> Accounts::ChangePassword(const Actor& actor, const std::string& current,
                                      const std::string& next, const std::string& ip) {
  if (auto why = CheckPasswordRules(next)) return Error::InvalidField("new_password", *why);
  // Guessing the current password from a borrowed session or token counts against the same
  // limits as guessing it at sign-in.
  const TimeMs now = NowMs();
  if (auto taken = TakeAttempt(actor.user.email, ip, now); !taken) return std::move(taken).error();
  auto user = db_.Read([&](storage::Tx& tx) { return storage::FindUserById(tx, actor.user.id); });
  if (!user || !user->password_hash || !VerifyPassword(current, *user->password_hash)) {
    return Error::InvalidField("current_password", "is wrong");
  }
  AttemptSucceeded(actor.user.email, ip, now);
  const std::string hash = HashPassword(next);
  return db_.Write([&](storage::Tx& tx) -> Result<void> {
    storage::SetPasswordHash(tx, actor.user.id, hash, NowMs());
    storage::DeleteOtherSessions(tx, actor.user.id, actor.session_id);
    // A token taken with the old password must not survive the change meant to shut it out.
    storage::DeleteApiTokensOfUser(tx, actor.user.id);
    storage::AppendEvent(tx, std::nullopt, actor.user.id, "user.password_changed", actor.user.id,
                         "{}", NowMs());
    return {};
  });
}

Result<storage::UserRecord> Accounts::CreateUserWithPassword(
    const std::string& email, const std::string& name, const std::optional<std::string>& password) {
  std::optional<std::string> hash;
  if (password) {
    if (auto why = CheckPasswordRules(*password)) return Error::InvalidField("password", *why);
    hash = HashPassword(*password);
  }
  return db_.Write([&](storage::Tx& tx) { return CreateUser(tx, email, name, hash, "en"); });
}

Result<void> Accounts::ResetPassword(const std::string& email, const std::string& password) {
  if (auto why = CheckPasswordRules(password)) return Error::InvalidField("password", *why);
  const std::string hash = HashPassword(password);
  return db_.Write([&](storage::Tx& tx) -> Result<void> {
    auto user = storage::FindUserByEmail(tx, NormalizeEmail(email));
    if (!user) return Error::NotFound("No account has this e-mail.");
    storage::SetPasswordHash(tx, user->id, hash, NowMs());
    storage::DeleteOtherSessions(tx, user->id, "");
    storage::DeleteApiTokensOfUser(tx, user->id);
    storage::AppendEvent(tx, std::nullopt, std::nullopt, "user.password_reset", user->id, "{}",
                         NowMs());
    return {};
  });
}

}  // namespace copydesk::auth
