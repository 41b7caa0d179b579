#pragma once

// The caller steps of the review API, for people without an account who hold a review link.

#include <string>

#include "api/api.hpp"
#include "api/route.hpp"
#include "auth/rate_limiter.hpp"

namespace copydesk::api {

//! Name of the cookie holding a visitor's session on one link (its Path is the link's).
inline constexpr const char* kReviewCookie = "copydesk_review";

//! Guards the review links: counts requests and failed openings, and finds the visitor behind a
//! request. One per server; its counts live in memory.
//!
//! Visitors are limited per address and link: failed openings (a guessed password), and
//! requests. Failed openings are also limited per address across links (guessed secrets), at a
//! higher count: an address shared by many visitors (a company's NAT) is not locked out by one.
//! No limit is kept per link across addresses: one person could then lock every visitor out.
class VisitorGate {
 public:
  explicit VisitorGate(Services& services) : s_(services) {}

  //! Throttle step: every request on a link counts, per address and link.
  Step Throttle();
  //! Caller step: the visitor's session on the link (CSRF checked on unsafe methods), and, when
  //! the path names a content, one the link shows; 401 without a visitor.
  Step Visitor();

  //! Opening a session: a failed opening counts before the password is checked, so that
  //! guesses sent in parallel cannot pass the limit. The slots are given back when the attempt
  //! ends, unless Failed() was called.
  class OpeningAttempt {
   public:
    OpeningAttempt(VisitorGate& gate, const Call& call);
    ~OpeningAttempt();
    OpeningAttempt(const OpeningAttempt&) = delete;
    OpeningAttempt& operator=(const OpeningAttempt&) = delete;
    //! Takes the slots, or says (429) when the address may try again.
    Result<void> Take();
    //! The secret or the password was wrong: the slots stay taken.
    void Failed() { failed_ = true; }

   private:
    VisitorGate& gate_;
    std::string address_, link_;
    TimeMs now_;
    bool taken_ = false, failed_ = false;
  };

 private:
  Services& s_;
  auth::FailureWindow failed_opens_{10, 10 * 60 * 1000};            // per address and link
  auth::FailureWindow failed_opens_anywhere_{100, 10 * 60 * 1000};  // per address
  auth::FailureWindow requests_{300, 60 * 1000};
};

//! The Set-Cookie value of a visitor's session on the link `secret`, for its remaining life.
std::string ReviewCookie(const std::string& secret, const std::string& token, TimeMs expires_at,
                         TimeMs now, const Config& config);

}  // namespace copydesk::api
