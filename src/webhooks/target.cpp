#include "webhooks/target.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <vector>

#include "core/address.hpp"

namespace copydesk::webhooks {

namespace {

using Address = std::array<std::uint8_t, 16>;  // IPv4 as IPv4-mapped IPv6, as ParseAddress has it

std::vector<AddressRange> Ranges(std::initializer_list<const char*> texts) {
  std::vector<AddressRange> out;
  for (const char* text : texts) out.push_back(*ParseAddressRange(text));
  return out;
}

// Where a delivery never goes without the flag. IPv4 ranges match IPv4-mapped IPv6 too.
const std::vector<AddressRange>& ForbiddenRanges() {
  static const auto ranges = Ranges({
      "0.0.0.0/8",       // this network
      "10.0.0.0/8",      // private
      "100.64.0.0/10",   // shared address space (carrier NAT)
      "127.0.0.0/8",     // loopback
      "169.254.0.0/16",  // link-local, cloud metadata services
      "172.16.0.0/12",   // private
      "192.0.0.0/24",    // IETF protocol assignments
      "192.168.0.0/16",  // private
      "198.18.0.0/15",   // benchmarking
      "224.0.0.0/3",     // multicast, reserved, broadcast
      "64:ff9b:1::/48",  // local-use NAT64: a private network's own translator
      "fc00::/7",        // unique local
      "fe80::/10",       // link-local
      "fec0::/10",       // site-local (deprecated, still routed inside some networks)
      "ff00::/8",        // multicast
  });
  return ranges;
}

// IPv6 prefixes whose addresses lead to an IPv4 address written inside them, at `offset`.
struct Ipv4Inside {
  AddressRange prefix;
  std::size_t offset;
};

const std::vector<Ipv4Inside>& Ipv4InsideRanges() {
  static const std::vector<Ipv4Inside> prefixes = {
      {*ParseAddressRange("64:ff9b::/96"), 12},  // NAT64, well-known prefix
      {*ParseAddressRange("2002::/16"), 2},      // 6to4
      // IPv4-compatible (deprecated); :: and ::1 lead to 0.0.0.0/8, refused with it.
      {*ParseAddressRange("::/96"), 12},
  };
  return prefixes;
}

bool Forbidden(const Address& address) {
  for (const auto& inside : Ipv4InsideRanges()) {
    if (!inside.prefix.Contains(address)) continue;
    // Judged by the IPv4 address it leads to, as IPv4-mapped (which is in no such prefix).
    Address v4{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    std::copy_n(address.begin() + inside.offset, 4, v4.begin() + 12);
    return Forbidden(v4);
  }
  const auto& ranges = ForbiddenRanges();
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const AddressRange& r) { return r.Contains(address); });
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
  const auto literal = ParseAddress(parsed->encoded_host());
  if (!policy.allow_private && literal && Forbidden(*literal))
    return fail("must not point to a loopback, private or link-local address");
  return {};
}

std::string ShownHost(const std::string& url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return "";
  return std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host());
}

bool MayConnectTo(const sockaddr* address, const TargetPolicy& policy) {
  if (policy.allow_private) return true;
  Address bytes{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (address->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(address);
    std::memcpy(bytes.data() + 12, &in->sin_addr, 4);
    return !Forbidden(bytes);
  }
  if (address->sa_family == AF_INET6) {
    const auto* in = reinterpret_cast<const sockaddr_in6*>(address);
    std::memcpy(bytes.data(), &in->sin6_addr, 16);
    return !Forbidden(bytes);
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
