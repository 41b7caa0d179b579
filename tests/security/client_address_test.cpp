// Issue 13, item 2, the parts below HTTP: which address a request comes from behind trusted
// proxies, and the --trusted-proxy setting.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>

#include "core/address.hpp"
#include "core/config.hpp"
#include "security/security_support.hpp"
#include "support/test_server.hpp"

namespace copydesk {
namespace {

TEST(ClientAddress, IsTheNearestAddressNotATrustedProxy) {
  const std::vector<AddressRange> trusted = {*ParseAddressRange("10.0.0.0/8"),
                                             *ParseAddressRange("127.0.0.1")};
  // No trusted proxy: the peer, whatever the request says.
  EXPECT_EQ(ClientAddress("127.0.0.1", {}, "203.0.113.7"), "127.0.0.1");
  // An untrusted peer: its own address.
  EXPECT_EQ(ClientAddress("198.51.100.1", trusted, "203.0.113.7"), "198.51.100.1");
  // A trusted peer: the rightmost address it did not itself trust; what the client wrote
  // further left is not believed.
  EXPECT_EQ(ClientAddress("127.0.0.1", trusted, "1.2.3.4, 203.0.113.7, 10.0.0.2"), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", trusted, std::nullopt), "127.0.0.1");
  // Ports and IPv6, as proxies write them.
  EXPECT_EQ(ClientAddress("127.0.0.1", trusted, "[2001:db8:cafe::17]:4711, 10.0.0.2:8080"),
            "2001:db8:cafe::17");
  // Garbage stops the walk at the last address known good.
  EXPECT_EQ(ClientAddress("127.0.0.1", trusted, "203.0.113.7, not-an-address"), "127.0.0.1");
}

TEST(TrustedProxyFlag, TakesAddressesAndBlocksAndRefusesAnythingElse) {
  std::vector<std::string> rest;
  auto ok = ParseConfig({"--trusted-proxy", "127.0.0.1, 10.0.0.0/8,::1,fd00::/8"}, rest);
  ASSERT_TRUE(ok) << ok.error().detail;
  EXPECT_TRUE(AddressInRanges("10.20.30.40", ok->trusted_proxies));
  EXPECT_TRUE(AddressInRanges("::ffff:127.0.0.1", ok->trusted_proxies));
  EXPECT_TRUE(AddressInRanges("fd12::1", ok->trusted_proxies));
  EXPECT_FALSE(AddressInRanges("11.0.0.1", ok->trusted_proxies));
  EXPECT_TRUE(ParseConfig({}, rest)->trusted_proxies.empty());
  ::setenv("COPYDESK_TRUSTED_PROXY", "192.168.1.10", 1);
  auto from_env = ParseConfig({}, rest);
  ::unsetenv("COPYDESK_TRUSTED_PROXY");
  ASSERT_TRUE(from_env);
  EXPECT_TRUE(AddressInRanges("192.168.1.10", from_env->trusted_proxies));
  EXPECT_FALSE(AddressInRanges("192.168.1.11", from_env->trusted_proxies));
  for (std::string bad : {"proxy.example.com", "10.0.0.0/33", "10.0.0.1/", "::1/129"}) {
    auto refused = ParseConfig({"--trusted-proxy", bad}, rest);
    EXPECT_FALSE(refused) << bad;
  }
}

// nginx (as docs/operations.md sets it up) and Caddy append the client to X-Forwarded-For but
// pass a `Forwarded` header the client wrote through untouched: believing it would give each
// attempt a made-up address of the client's choosing, and escape every per-address limit.
TEST(ClientAddress, ASpoofedForwardedHeaderThroughATrustedProxyIsIgnored) {
  testing::TestServer server([](Config& c) {
    testing::ApplyFlags(c, {"--trusted-proxy", "127.0.0.1"});
    c.login_failures_per_ip = 3;
  });
  auto attacker = server.Client();
  auto attempt = [&](int i) {
    return attacker
        .Send("POST", "/api/v1/auth/login",
              boost::json::serialize(
                  boost::json::object{{"email", "nobody" + std::to_string(i) + "@example.com"},
                                      {"password", "guess guess guess"}}),
              {{"Forwarded", "for=192.0.2." + std::to_string(i + 1)},
               {"X-Forwarded-For", "203.0.113.7"}})
        .status;
  };
  for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt(i), 401) << i;
  EXPECT_EQ(attempt(3), 429);
}

}  // namespace
}  // namespace copydesk
