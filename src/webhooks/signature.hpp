#pragma once

#include <cstdint>
#include <string>

namespace copydesk::webhooks {

//! A new webhook secret: "whsec_" and 32 random bytes in base64url. Receivers use the whole
//! string, as is, as the HMAC key.
std::string NewWebhookSecret();

//! The hex HMAC-SHA256 of "<timestamp>.<body>" keyed by `secret`.
std::string SignatureOf(const std::string& secret, std::int64_t timestamp, const std::string& body);

//! The X-Copydesk-Signature header's value: "t=<timestamp>,v1=<hex HMAC>".
std::string SignatureHeader(const std::string& secret, std::int64_t timestamp,
                            const std::string& body);

}  // namespace copydesk::webhooks
