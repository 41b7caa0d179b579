#pragma once

#include <string>
#include <string_view>

namespace copydesk {

//! A new identifier for a stored record: 16 characters of lowercase base32 (80 random bits), so
//! ids reveal neither counts nor creation order.
std::string NewId();

//! A new secret of 256 random bits, URL-safe base64 without padding (43 characters): session and
//! API tokens, invitation and share-link secrets.
std::string NewSecret();

//! The hex SHA-256 of a secret: what is stored in place of the secret itself. Secrets have 256
//! bits of entropy, so a fast hash is enough (no need for a password hash).
std::string HashSecret(const std::string& secret);

//! The hex SHA-256 of any bytes.
std::string Sha256Hex(std::string_view bytes);

//! Compares two equal-purpose strings in time independent of where they differ.
bool ConstantTimeEquals(const std::string& a, const std::string& b);

}  // namespace copydesk
