#include "auth/password_resets.hpp"

#include "auth/password.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/accounts_store.hpp"
#include "storage/events_store.hpp"
#include "storage/first_day_store.hpp"

namespace copydesk::auth {

namespace {

constexpr TimeMs kHourMs = 60LL * 60 * 1000;
// A person asks again when the e-mail is slow; more than that per hour is someone else's doing.
constexpr int kRequestsPerEmail = 3;
// Enough for an office behind one address, too few to probe many e-mails.
constexpr int kRequestsPerAddress = 20;

Error LinkNotValid() {
  return Error::NotFound("This link is not valid any more. Ask for a new one.");
}

bool Live(const storage::PasswordResetRecord& reset, TimeMs now) {
  return !reset.used_at && reset.expires_at > now;
}

}  // namespace

CreatedReset InsertReset(storage::Tx& tx, const std::string& user_id,
                         const std::optional<std::string>& created_by, TimeMs life_ms, TimeMs now) {
  CreatedReset created{NewSecret(), now + life_ms};
  storage::InsertPasswordReset(tx, {NewId(), user_id, created_by, now, created.expires_at},
                               HashSecret(created.secret));
  return created;
}

PasswordResets::PasswordResets(storage::Database& db, const Config& config)
    : db_(db),
      config_(config),
      per_email_(kRequestsPerEmail, kHourMs),
      per_ip_(kRequestsPerAddress, kHourMs) {}

Result<void> PasswordResets::Request(const std::string& email, const std::string& ip, TimeMs now) {
  if (!ByEmail()) {
    return Error::Conflict(
        "E-mail is not set up on this server: ask an admin of your workspace to reset your "
        "password.");
  }
  const std::string normalized = NormalizeEmail(email);
  if (normalized.empty()) return Error::InvalidField("email", "must be an e-mail address");
  // Counted whether or not the account exists, so that the limit tells nothing either.
  if (TimeMs wait = std::max(per_email_.RetryAfter(normalized, now), per_ip_.RetryAfter(ip, now));
      wait > 0) {
    Error e{ErrorKind::kRateLimited, "Too many requests. Try again later."};
    e.retry_after_seconds = static_cast<int>((wait + 999) / 1000);
    return e;
  }
  per_email_.Fail(normalized, now);
  per_ip_.Fail(ip, now);
  return db_.Write([&](storage::Tx& tx) -> Result<void> {
    auto user = storage::FindUserByEmail(tx, normalized);
    if (!user) return {};
    const auto created = InsertReset(tx, user->id, std::nullopt, kEmailedResetLifeMs, now);
    const auto reset = storage::FindPasswordResetByHash(tx, HashSecret(created.secret));
    storage::EnqueuePasswordResetMail(tx, reset->id, created.secret, now);
    storage::AppendEvent(tx, std::nullopt, user->id, "user.password_reset_requested", user->id,
                         "{}", now);
    return {};
  });
}

Result<storage::UserRecord> PasswordResets::Check(const std::string& secret, TimeMs now) {
  return db_.Read([&](storage::Tx& tx) -> Result<storage::UserRecord> {
    auto reset = storage::FindPasswordResetByHash(tx, HashSecret(secret));
    if (!reset || !Live(*reset, now)) return LinkNotValid();
    auto user = storage::FindUserById(tx, reset->user_id);
    if (!user) return LinkNotValid();
    return std::move(*user);
  });
}

Result<OpenedSession> PasswordResets::Complete(const std::string& secret,
                                               const std::string& password, const std::string& ip,
                                               const std::string& user_agent) {
  if (auto live = Check(secret, NowMs()); !live) return std::move(live).error();
  if (auto why = CheckPasswordRules(password)) return Error::InvalidField("password", *why);
  const std::string hash = HashPassword(password);
  return db_.Write([&](storage::Tx& tx) -> Result<OpenedSession> {
    const TimeMs now = NowMs();
    // Checked again in the write: two tabs racing with the same link get one winner.
    auto reset = storage::FindPasswordResetByHash(tx, HashSecret(secret));
    if (!reset || !Live(*reset, now)) return LinkNotValid();
    auto user = storage::FindUserById(tx, reset->user_id);
    if (!user) return LinkNotValid();
    storage::SetPasswordHash(tx, user->id, hash, now);
    storage::UsePasswordResets(tx, user->id, now);
    // Whoever knew the old password is signed out everywhere, and loses any token they made
    // with it (as a password change and the command-line reset do).
    storage::DeleteOtherSessions(tx, user->id, "");
    storage::DeleteApiTokensOfUser(tx, user->id);
    storage::AppendEvent(tx, std::nullopt, reset->created_by.value_or(user->id),
                         "user.password_reset", user->id, "{}", now);
    user->password_hash = hash;
    return OpenSession(tx, *user, config_, ip, user_agent);
  });
}

}  // namespace copydesk::auth
