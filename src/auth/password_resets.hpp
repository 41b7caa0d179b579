#pragma once

#include <string>

#include "auth/accounts.hpp"
#include "auth/rate_limiter.hpp"
#include "core/config.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace copydesk::auth {

//! How long an e-mailed reset link works: long enough to reach one's inbox, short enough that a
//! forgotten e-mail is no standing key to the account.
inline constexpr TimeMs kEmailedResetLifeMs = 60LL * 60 * 1000;
//! How long a link made by an admin works: it is passed on by hand, which takes longer.
inline constexpr TimeMs kAdminResetLifeMs = 24LL * 60 * 60 * 1000;

//! A reset link just made: its secret is shown or sent this once, only its hash is kept.
struct CreatedReset {
  std::string secret;
  TimeMs expires_at = 0;
};

//! Adds a reset link for `user_id` in the caller's transaction (`created_by` empty: the person
//! asked for it).
CreatedReset InsertReset(storage::Tx& tx, const std::string& user_id,
                         const std::optional<std::string>& created_by, TimeMs life_ms, TimeMs now);

//! "Forgot password": single-use, short-lived links to choose a new password.
class PasswordResets {
 public:
  PasswordResets(storage::Database& db, const Config& config);

  //! True when links can be e-mailed (an SMTP server is configured); otherwise people ask an
  //! admin of their workspace.
  bool ByEmail() const { return !config_.smtp_url.empty(); }

  //! Queues the e-mail of a link for the account with this e-mail, if there is one. The answer
  //! is the same whether there is (it never tells who has an account); 429 when this e-mail or
  //! this address asked too often; 409 when e-mail is not set up.
  Result<void> Request(const std::string& email, const std::string& ip, TimeMs now);

  //! The account a live link is for; 404 when unknown, used or expired.
  Result<storage::UserRecord> Check(const std::string& secret, TimeMs now);

  //! Sets the new password through a live link: the link (and every other of the account) is
  //! used up, every session of the account ends, and a new one is opened for the caller.
  Result<OpenedSession> Complete(const std::string& secret, const std::string& password,
                                 const std::string& ip, const std::string& user_agent);

 private:
  storage::Database& db_;
  const Config& config_;
  FailureWindow per_email_;
  FailureWindow per_ip_;
};

}  // namespace copydesk::auth
