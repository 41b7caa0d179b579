#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace copydesk::collab {

//! Hands one e-mail (RFC 5322 bytes) from an address to an address: SMTP in the server, a fake
//! in tests. An error is a failed attempt, tried again later.
using MailTransport = std::function<Result<void>(const std::string& from, const std::string& to,
                                                 const std::string& message)>;

//! What the mailer needs to know besides the database.
struct MailerSettings {
  std::string from_address;  //!< the sender of every e-mail
  std::string base_url;      //!< absolute, no trailing slash: links are base_url + "/w/…"
  std::chrono::milliseconds interval{2000};  //!< between two looks at the outbox
};

//! Sends the e-mails of the outbox (mail_outbox, filled by Notify in the notification's own
//! transaction) on a thread of its own:
//! - an "email" row at once; a "digest" row in one e-mail per person and day, at the first pass
//!   after 08:00 UTC, gathering every digest row queued before that time;
//! - before sending, what the e-mail is about is read again, and the row is dropped when the
//!   person may no longer read it (or is gone, or it waited more than two days);
//! - a row is marked sent in the database right after the server accepted it, so a restart
//!   never sends it again (the notification id is its key); a failure is retried with
//!   exponential backoff (interval × 2^attempts, at most an hour).
//! Password reset links people asked for go out the same way (password_reset_mail), before the
//! notifications: someone is waiting for them.
//! It also gives the reminders of tasks due soon or overdue, which would otherwise wait for the
//! person to open the app.
class NotificationMailer {
 public:
  NotificationMailer(storage::Database& db, MailTransport transport, MailerSettings settings);
  ~NotificationMailer();

  //! Starts the thread.
  void Start();
  //! Stops the thread after the e-mail in progress.
  void Stop();
  //! One pass at `now` (reminders, e-mails due, digests due); returns the number of e-mails
  //! sent. One pass at a time: tests call it beside the thread with a time of their choosing.
  int RunOnce(TimeMs now);

  //! When the digest of `now`'s day goes out: that day's 08:00 UTC, or the day before's when
  //! `now` is earlier.
  static TimeMs DigestTime(TimeMs now);

 private:
  int SendImmediate(TimeMs now, bool& failed);
  int SendDigests(TimeMs now, bool& failed);
  int SendPasswordResets(TimeMs now, bool& failed);
  bool Deliver(const std::string& to, const std::string& message_bytes, TimeMs now,
               const std::vector<std::string>& rows, std::int64_t attempts);
  TimeMs Backoff(std::int64_t attempts) const;

  storage::Database& db_;
  MailTransport transport_;
  MailerSettings settings_;
  std::mutex run_mutex_;  // one pass at a time
  std::thread thread_;
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  int failures_in_a_row_ = 0;  // guarded by run_mutex_; spaces passes while the server is down
};

}  // namespace copydesk::collab
