#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/webhooks_store.hpp"
#include "webhooks/sender.hpp"

namespace copydesk::webhooks {

//! How the deliverer works; the defaults are the product's, tests shorten the times.
struct DelivererSettings {
  SendLimits limits;
  std::string base_url;                       //!< absolute, no trailing slash: links in payloads
  std::chrono::milliseconds interval{1000};   //!< between two looks at the event log
  TimeMs first_retry_ms = 30'000;             //!< doubled at each failed attempt, up to an hour
  TimeMs give_up_ms = 24LL * 60 * 60 * 1000;  //!< failing this long: no more retries, paused
};

//! Delivers the workspaces' webhooks from the event log, on a thread of its own (never on the
//! server's I/O threads), in two steps:
//! - fan-out: events after its cursor become deliveries (one per subscribed webhook whose
//!   filter matches and whose creator may read what the event is about), written with the
//!   cursor's new position in one transaction: after a crash or a restart it resumes exactly
//!   where it was, and an event is never queued twice for one webhook;
//! - sending: due deliveries are POSTed, signed; a 2xx marks one delivered at once; a timeout,
//!   a network error, a 5xx, 408 or 429 is retried with backoff (first_retry_ms × 2^n, at most an
//!   hour) for give_up_ms; any other answer fails it for good. A webhook failing for give_up_ms
//!   is paused and the workspace's owners and admins are told in the app.
class Deliverer {
 public:
  Deliverer(storage::Database& db, DelivererSettings settings);
  ~Deliverer();

  //! Starts the thread.
  void Start();
  //! Stops the thread after the attempt in progress.
  void Stop();
  //! One pass at `now`: queues deliveries for every new event, then makes the attempts due.
  //! Returns the number of attempts made. One pass at a time.
  int RunOnce(TimeMs now);

 private:
  //! Whether a queued delivery may go now.
  struct Access {
    std::optional<storage::WebhookRecord> webhook;  //!< none when deleted since
    bool may_read = true;  //!< its creator may still read what the event is about
  };

  std::int64_t FanOut(TimeMs now, int max_events);
  //! Makes the attempts due at `now`: for each, checks access, attempts, records.
  int SendDue(TimeMs now);
  //! The webhook, and whether its creator may still read what the delivery is about.
  static Access CheckAccess(storage::Tx& tx, const storage::WebhookDeliveryRecord& d);
  //! One signed POST of the delivery's payload.
  AttemptResult Attempt(const storage::WebhookRecord& hook,
                        const storage::WebhookDeliveryRecord& d);
  //! Saves what an attempt made at `at` gave (`sent`: the receiver was asked), schedules a
  //! retry or gives up, and tracks how long the webhook has been failing, pausing it at
  //! give_up_ms and telling its workspace's admins.
  void Record(const storage::WebhookRecord& hook, storage::WebhookDeliveryRecord& d,
              const AttemptResult& result, bool sent, TimeMs at);

  storage::Database& db_;
  DelivererSettings settings_;
  std::mutex run_mutex_;
  std::thread thread_;
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace copydesk::webhooks
