// Where webhooks may go, and how deliveries are signed: the rules a receiver and an operator
// rely on, without a network.
#include "webhooks/target.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include "webhooks/signature.hpp"

namespace copydesk::webhooks {
namespace {

bool MayReach(const std::string& ip, bool allow_private = false) {
  sockaddr_storage storage{};
  if (ip.find(':') == std::string::npos) {
    auto* in = reinterpret_cast<sockaddr_in*>(&storage);
    in->sin_family = AF_INET;
    EXPECT_EQ(::inet_pton(AF_INET, ip.c_str(), &in->sin_addr), 1) << ip;
  } else {
    auto* in = reinterpret_cast<sockaddr_in6*>(&storage);
    in->sin6_family = AF_INET6;
    EXPECT_EQ(::inet_pton(AF_INET6, ip.c_str(), &in->sin6_addr), 1) << ip;
  }
  return MayConnectTo(reinterpret_cast<sockaddr*>(&storage), TargetPolicy{allow_private});
}

TEST(WebhookTarget, LoopbackPrivateAndLinkLocalAddressesAreRefusedWithoutTheFlag) {
  for (const char* ip : {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                         "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                         "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
                         "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1"}) {
    EXPECT_FALSE(MayReach(ip)) << ip;
    EXPECT_TRUE(MayReach(ip, true)) << ip;
  }
  for (const char* ip : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
                         "::ffff:93.184.216.34"}) {
    EXPECT_TRUE(MayReach(ip)) << ip;
  }
}

// IPv6 spellings that carry an IPv4 address (NAT64, 6to4, IPv4-compatible) lead to that IPv4
// address, so they are judged by it; the local NAT64 prefix and the old site-local range are
// private networks.
TEST(WebhookTarget, IPv6AddressesThatLeadToForbiddenOnesAreRefused) {
  for (const char* ip :
       {"64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", "64:ff9b:1::1",
        "64:ff9b:1:2::8.8.8.8", "2002:7f00:1::1", "2002:a9fe:a9fe::", "2002:c0a8:101::1",
        "::127.0.0.1", "::10.0.0.1", "::169.254.169.254", "fec0::1", "feff::1"}) {
    EXPECT_FALSE(MayReach(ip)) << ip;
    EXPECT_TRUE(MayReach(ip, true)) << ip;
  }
  for (const char* ip : {"64:ff9b::8.8.8.8", "64:ff9b::5db8:d822", "2002:808:808::1", "::8.8.8.8",
                         "2001:4860:4860::8888"}) {
    EXPECT_TRUE(MayReach(ip)) << ip;
  }
  for (const char* url : {"https://[64:ff9b::7f00:1]/hook", "https://[2002:a00:1::1]/",
                          "https://[::192.168.0.1]/", "https://[fec0::1]/"}) {
    EXPECT_FALSE(CheckTargetUrl(url, TargetPolicy{false})) << url;
  }
}

TEST(WebhookTarget, SavedUrlsAreHttpsToPublicHostsUnlessTheFlagAllowsMore) {
  const TargetPolicy strict{false}, open{true};
  EXPECT_TRUE(CheckTargetUrl("https://cms.example.com/hooks/copydesk?x=1", strict));
  EXPECT_TRUE(CheckTargetUrl("https://93.184.216.34:8443/hook", strict));
  for (const char* url :
       {"http://cms.example.com/hook", "https://127.0.0.1/hook", "https://[::1]:9000/",
        "https://192.168.0.10/", "ftp://example.com/", "https://user:secret@example.com/",
        "https://example.com/#frag", "/relative", "https://"}) {
    auto checked = CheckTargetUrl(url, strict);
    ASSERT_FALSE(checked) << url;
    ASSERT_FALSE(checked.error().fields.empty()) << url;
    EXPECT_EQ(checked.error().fields[0].field, "url") << url;
  }
  EXPECT_TRUE(CheckTargetUrl("http://127.0.0.1:9000/hook", open));
  EXPECT_TRUE(CheckTargetUrl("http://intranet.local/hook", open));
  EXPECT_FALSE(CheckTargetUrl("ftp://127.0.0.1/", open));
}

TEST(WebhookSignature, IsTheHmacOfTimestampDotBodyKeyedByTheSecret) {
  const std::string secret = "key";
  const std::string body = "The quick brown fox jumps over the lazy dog";
  // As Python's hmac.new(b"key", b"1796643000." + body, hashlib.sha256).hexdigest() says.
  EXPECT_EQ(SignatureOf(secret, 1796643000, body),
            "6a55d8291af8801a07441b5ad4121c33b5384046c24422b3c9c85a50927b0a76");
  // HMAC-SHA256("key", "1.The quick brown fox…") differs from the body alone: the time is signed.
  EXPECT_NE(SignatureOf(secret, 1, body), SignatureOf(secret, 2, body));
  EXPECT_NE(SignatureOf(secret, 1, body), SignatureOf("other", 1, body));
  EXPECT_EQ(SignatureHeader(secret, 1796643000, body),
            "t=1796643000,v1=" + SignatureOf(secret, 1796643000, body));
  const auto a = NewWebhookSecret(), b = NewWebhookSecret();
  EXPECT_EQ(a.rfind("whsec_", 0), 0u);
  EXPECT_GE(a.size(), 6u + 43u);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace copydesk::webhooks
