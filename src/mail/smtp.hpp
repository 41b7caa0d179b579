#pragma once

#include <string>

#include "core/result.hpp"

namespace copydesk::mail {

//! Where and how to hand e-mails over.
struct SmtpSettings {
  std::string url;  //!< smtp://host:port (STARTTLS when offered, required with a login) or smtps://
  std::string user;  //!< empty: no login
  std::string password;
  int timeout_ms = 60'000;  //!< the whole exchange of one message
};

//! Hands e-mails to an SMTP server through libcurl, one connection per message (a few a minute
//! at most: no pooling needed).
class SmtpClient {
 public:
  explicit SmtpClient(SmtpSettings settings);

  //! Sends `message` (RFC 5322 bytes, CRLF lines) from `from` to `to`; an error
  //! (kUnavailable) carries the reason for the log when the server cannot be reached or refuses.
  Result<void> Send(const std::string& from, const std::string& to,
                    const std::string& message) const;

 private:
  SmtpSettings settings_;
};

}  // namespace copydesk::mail
