#include "core/address.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace copydesk {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The addresses an `X-Forwarded-For` header lists, left (client side) to right (nearest proxy):
// `192.0.2.1, 10.0.0.2`. An entry that is no address (unknown, an obfuscated name) is kept as ""
// so that the walk stops there.
std::vector<std::string> ForwardedFor(std::string_view header) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= header.size()) {
    auto end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view value = TrimSpaces(header.substr(start, end - start));
    start = end + 1;
    // Strip a port: "[v6]:port" or "v4:port" (a bare IPv6 has several colons).
    if (!value.empty() && value.front() == '[') {
      const auto close = value.find(']');
      value = close == std::string_view::npos ? std::string_view() : value.substr(1, close - 1);
    } else if (value.find(':') != std::string_view::npos && value.find(':') == value.rfind(':')) {
      value = value.substr(0, value.find(':'));
    }
    out.emplace_back(ParseAddress(value) ? std::string(value) : std::string());
    if (end == header.size()) break;
  }
  return out;
}

// The canonical text of a parsed address: IPv4 dotted for mapped addresses, IPv6 otherwise.
std::string Format(const std::array<std::uint8_t, 16>& a) {
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  char text[INET6_ADDRSTRLEN] = {};
  if (std::memcmp(a.data(), kMapped, 12) == 0) {
    inet_ntop(AF_INET, a.data() + 12, text, sizeof text);
  } else {
    inet_ntop(AF_INET6, a.data(), text, sizeof text);
  }
  return text;
}

}  // namespace

bool AddressRange::Contains(const std::array<std::uint8_t, 16>& address) const {
  int bits = prefix_bits;
  for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((address[i] & mask) != (bytes[i] & mask)) return false;
  }
  return true;
}

std::optional<std::array<std::uint8_t, 16>> ParseAddress(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  const std::string copy(text);
  std::array<std::uint8_t, 16> out{};
  if (inet_pton(AF_INET, copy.c_str(), out.data() + 12) == 1) {
    out[10] = out[11] = 0xff;
    return out;
  }
  if (inet_pton(AF_INET6, copy.c_str(), out.data()) == 1) return out;
  return std::nullopt;
}

std::optional<AddressRange> ParseAddressRange(std::string_view text) {
  text = TrimSpaces(text);
  const auto slash = text.find('/');
  auto address = ParseAddress(text.substr(0, slash));
  if (!address) return std::nullopt;
  const bool v4 = text.substr(0, slash).find(':') == std::string_view::npos;
  AddressRange range{*address, 128};
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    int bits = -1;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (ec != std::errc() || end != digits.data() + digits.size() || bits < 0 ||
        bits > (v4 ? 32 : 128)) {
      return std::nullopt;
    }
    range.prefix_bits = v4 ? 96 + bits : bits;
  }
  return range;
}

bool AddressInRanges(std::string_view address, const std::vector<AddressRange>& ranges) {
  const auto parsed = ParseAddress(address);
  if (!parsed) return false;
  for (const auto& range : ranges) {
    if (range.Contains(*parsed)) return true;
  }
  return false;
}

bool IsLoopbackAddress(std::string_view address) {
  static const std::vector<AddressRange> kLoopback = {*ParseAddressRange("127.0.0.0/8"),
                                                      *ParseAddressRange("::1")};
  return AddressInRanges(address, kLoopback);
}

std::string ClientAddress(std::string_view peer, const std::vector<AddressRange>& trusted,
                          std::optional<std::string_view> x_forwarded_for) {
  std::string client(peer);
  if (trusted.empty() || !AddressInRanges(peer, trusted) || !x_forwarded_for) return client;
  const std::vector<std::string> chain = ForwardedFor(*x_forwarded_for);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (it->empty()) break;
    client = Format(*ParseAddress(*it));
    if (!AddressInRanges(client, trusted)) break;
  }
  return client;
}

}  // namespace copydesk
