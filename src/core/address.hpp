#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

//! An IP address (IPv4 kept as IPv4-mapped IPv6) with a prefix length: one address or a CIDR
//! block, such as the reverse proxies whose forwarding headers are believed.
struct AddressRange {
  std::array<std::uint8_t, 16> bytes{};
  int prefix_bits = 128;  //!< of the 128 bits; an IPv4 /24 is 96 + 24

  //! True when `address` (as parsed by ParseAddress) lies in this range.
  bool Contains(const std::array<std::uint8_t, 16>& address) const;
};

//! Parses an IPv4 or IPv6 address ("10.0.0.7", "::1", "[::1]", "::ffff:10.0.0.7"); nullopt
//! when it is not one. IPv4 comes back IPv4-mapped, so both spellings compare equal.
std::optional<std::array<std::uint8_t, 16>> ParseAddress(std::string_view text);

//! Parses "ADDRESS" or "ADDRESS/BITS" (BITS counted in the address's own family).
std::optional<AddressRange> ParseAddressRange(std::string_view text);

//! True when `address` parses and lies in one of `ranges`.
bool AddressInRanges(std::string_view address, const std::vector<AddressRange>& ranges);

//! True for 127.0.0.0/8 and ::1 (and their IPv4-mapped spellings).
bool IsLoopbackAddress(std::string_view address);

//! The address of the client behind trusted proxies: `peer` when it is not trusted; otherwise
//! the nearest address, reading the forwarding header from right to left, that is not itself a
//! trusted proxy (each proxy appends the address it received from, so what lies left of the
//! first untrusted one could have been written by the client). `x_forwarded_for` is the value of
//! `X-Forwarded-For`. The standard `Forwarded` header is never read: nginx and Caddy, as
//! documented, append to X-Forwarded-For but pass a client's own `Forwarded` through untouched,
//! so believing it would let any client name its own address. Malformed entries end the walk at
//! the last address known good.
std::string ClientAddress(std::string_view peer, const std::vector<AddressRange>& trusted,
                          std::optional<std::string_view> x_forwarded_for);

}  // namespace copydesk
