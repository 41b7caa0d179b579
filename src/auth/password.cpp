#include "auth/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/random.hpp"
#include "core/text.hpp"

namespace copydesk::auth {

namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u << 20;

}  // namespace

std::optional<std::string> CheckPasswordRules(std::string_view password) {
  const std::size_t chars = CountCharacters(password);
  if (chars < kMinPasswordChars) {
    return "must be at least " + std::to_string(kMinPasswordChars) + " characters";
  }
  if (chars > kMaxPasswordChars) {
    return "must be at most " + std::to_string(kMaxPasswordChars) + " characters";
  }
  return std::nullopt;
}

std::string HashPassword(std::string_view password) {
  (void)NewId();  // makes sure libsodium is initialized
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id: out of memory");
  }
  return out;
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DecoyPasswordHash() {
  static const std::string decoy = HashPassword(NewSecret());
  return decoy;
}

}  // namespace copydesk::auth
