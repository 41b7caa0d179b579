#include "webhooks/target.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <boost/url/parse.hpp>
#include <cstdint>
#include <cstring>

namespace copydesk::webhooks {

namespace {

bool ForbiddenV4(std::uint32_t host_order) {
  const std::uint32_t a = host_order >> 24, b = (host_order >> 16) & 0xFF,
                      c = (host_order >> 8) & 0xFF;
  return a == 0 || a == 10 || a == 127 ||   // this network, private, loopback
         (a == 100 && (b & 0xC0) == 64) ||  // shared address space (carrier NAT)
         (a == 169 && b == 254) ||          // link-local, cloud metadata services
         (a == 172 && (b & 0xF0) == 16) ||  // private
         (a == 192 && b == 168) ||          // private
         (a == 192 && b == 0 && c == 0) ||  // IETF protocol assignments
         (a == 198 && (b & 0xFE) == 18) ||  // benchmarking
         a >= 224;                          // multicast, reserved, broadcast
}

bool ForbiddenV6(const in6_addr& a) {
  const auto* b = a.s6_addr;
  static const std::uint8_t zero[16] = {};
  if (std::memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true;  // ::, ::1
  static const std::uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (std::memcmp(b, mapped, 12) == 0) {  // an IPv4 address in IPv6 clothes
    std::uint32_t v4;
    std::memcpy(&v4, b + 12, 4);
    return ForbiddenV4(ntohl(v4));
  }
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;  // link-local fe80::/10
  if ((b[0] & 0xFE) == 0xFC) return true;                  // unique local fc00::/7
  if (b[0] == 0xFF) return true;                           // multicast
  return false;
}

// The host of a URL as an IP address, if it is written as one.
bool LiteralForbidden(std::string host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  in_addr v4{};
  if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) return ForbiddenV4(ntohl(v4.s_addr));
  in6_addr v6{};
  if (::inet_pton(AF_INET6, host.c_str(), &v6) == 1) return ForbiddenV6(v6);
  return false;
}

}  // namespace

Result<void> CheckTargetUrl(const std::string& url, const TargetPolicy& policy) {
  auto fail = [](const std::string& message) {
    return Error::Invalid("The webhook's URL is not valid: " + message + ".", {{"url", message}});
  };
  if (url.size() > 2000) return fail("must be at most 2000 characters");
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return fail("must be an absolute URL");
  const std::string scheme(parsed->scheme());
  if (scheme != "https" && scheme != "http") return fail("must start with https://");
  if (scheme == "http" && !policy.allow_private)
    return fail("must use https (this server does not allow http targets)");
  if (parsed->encoded_host().empty()) return fail("must name a host");
  if (parsed->has_userinfo()) return fail("must not carry a user name or password");
  if (parsed->has_fragment()) return fail("must not have a fragment");
  if (!policy.allow_private && LiteralForbidden(std::string(parsed->encoded_host())))
    return fail("must not point to a loopback, private or link-local address");
  return {};
}

bool MayConnectTo(const sockaddr* address, const TargetPolicy& policy) {
  if (policy.allow_private) return true;
  if (address->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(address);
    return !ForbiddenV4(ntohl(in->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* in = reinterpret_cast<const sockaddr_in6*>(address);
    return !ForbiddenV6(in->sin6_addr);
  }
  return false;  // unix sockets and the rest: never
}

std::string AddressText(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text,
                sizeof text);
  } else if (address->sa_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
                sizeof text);
  }
  return text;
}

}  // namespace copydesk::webhooks
