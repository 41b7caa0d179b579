#include "webhooks/signature.hpp"

#include <sodium.h>

#include "core/encoding.hpp"

namespace copydesk::webhooks {

std::string NewWebhookSecret() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return "whsec_" +
         EncodeBase64Url(std::string(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string SignatureOf(const std::string& secret, std::int64_t timestamp,
                        const std::string& body) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  const std::string prefix = std::to_string(timestamp) + ".";
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                                prefix.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[2 * crypto_auth_hmacsha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string SignatureHeader(const std::string& secret, std::int64_t timestamp,
                            const std::string& body) {
  return "t=" + std::to_string(timestamp) + ",v1=" + SignatureOf(secret, timestamp, body);
}

}  // namespace copydesk::webhooks
