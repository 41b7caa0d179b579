#pragma once

#include <sys/socket.h>

#include <string>

#include "core/result.hpp"

namespace copydesk::webhooks {

//! Where deliveries may go: by default only https to public addresses; the server flag
//! `--webhook-allow-private` also lets them go over http and to loopback, private and link-local
//! addresses (a receiver on the same machine or network, for development or an intranet).
struct TargetPolicy {
  bool allow_private = false;
};

//! Checks a webhook's URL when it is saved: absolute http(s) without credentials or fragment,
//! https unless the policy allows http, and no forbidden address written as an IP literal. Names
//! are resolved only at delivery time, where every address connected to is checked again.
//! Errors name the field `url`.
Result<void> CheckTargetUrl(const std::string& url, const TargetPolicy& policy);

//! True when a delivery may connect to `address`: false for loopback, private, link-local,
//! site-local, shared (CGNAT), multicast and reserved ranges unless the policy allows them. An
//! IPv6 address that carries an IPv4 one (NAT64, 6to4, IPv4-mapped or -compatible) is judged by
//! that IPv4 address.
bool MayConnectTo(const sockaddr* address, const TargetPolicy& policy);

//! What may be shown of a webhook's URL: its scheme and host ("https://hooks.slack.com"), never
//! its path, query or port. A hook's URL is often its only credential (Slack, Teams, Zapier), so
//! the activity feed, the paused notice and its e-mail name the receiver by this alone.
std::string ShownHost(const std::string& url);

//! The address as text ("127.0.0.1", "::1"), for the delivery log.
std::string AddressText(const sockaddr* address);

}  // namespace copydesk::webhooks
