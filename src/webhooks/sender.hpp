#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "webhooks/target.hpp"

namespace copydesk::webhooks {

//! Bounds of one delivery attempt.
struct SendLimits {
  TargetPolicy policy;
  long timeout_ms = 10'000;  //!< the whole exchange, connection included
};

//! What one POST to a receiver gave.
struct AttemptResult {
  std::optional<int> status;  //!< the HTTP status, when an answer came
  std::int64_t latency_ms = 0;
  std::string excerpt;     //!< the start of the answer's body
  std::string error;       //!< why no usable answer came (empty when one did)
  bool blocked = false;    //!< refused before connecting: a forbidden address
  bool timed_out = false;  //!< no answer in time
};

//! The longest part of an answer kept in the delivery log.
inline constexpr std::size_t kExcerptBytes = 1024;
//! The most of an answer read: a receiver cannot make the deliverer read more.
inline constexpr std::size_t kMaxAnswerBytes = 64 * 1024;

//! Whether an exchange was stopped by the address check: an address was refused and no
//! connection was made (no HTTP status, libcurl could not connect). A name that resolves to a
//! refused address and an allowed one is not blocked when the allowed one was reached: what that
//! exchange gave (a 2xx, a 503, a timeout) is its outcome.
bool BlockedBeforeConnecting(bool refused_an_address, long http_status, bool could_not_connect);

//! POSTs `body` to `url` over libcurl: no redirect followed, no proxy, http and https only,
//! every address checked against the policy at connect time (so a name that resolves, or
//! re-resolves, to a forbidden address is refused), the time and the answer's size bounded.
//! Blocking: runs on the deliverer's thread, never on the server's I/O threads.
AttemptResult Post(const std::string& url,
                   const std::vector<std::pair<std::string, std::string>>& headers,
                   const std::string& body, const SendLimits& limits);

}  // namespace copydesk::webhooks
