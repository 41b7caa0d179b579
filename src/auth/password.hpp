#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace copydesk::auth {

//! Shortest and longest accepted passwords, in characters.
inline constexpr std::size_t kMinPasswordChars = 12;
inline constexpr std::size_t kMaxPasswordChars = 256;

//! Why a password is refused, or nullopt when it is acceptable.
std::optional<std::string> CheckPasswordRules(std::string_view password);

//! Hashes with argon2id (19 MiB, 2 passes: OWASP's minimum), salt included in the string.
//! Takes tens of milliseconds by design: call from a worker thread, never an I/O thread.
std::string HashPassword(std::string_view password);

//! True when `password` matches `hash`. Same cost as HashPassword.
bool VerifyPassword(std::string_view password, const std::string& hash);

//! A hash of a random password, verified against when an account does not exist so that an
//! unknown e-mail and a wrong password take the same time.
const std::string& DecoyPasswordHash();

}  // namespace copydesk::auth
