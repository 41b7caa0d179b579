#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace copydesk {

//! Milliseconds since the Unix epoch: the one time unit stored and passed around.
using TimeMs = std::int64_t;

//! The wall clock, in milliseconds.
TimeMs NowMs();

//! Formats as RFC 3339 in UTC with milliseconds ("2026-03-03T14:02:00.000Z").
std::string FormatTime(TimeMs t);

//! Parses RFC 3339 ("2026-03-03T14:02:00Z", offsets allowed) or a date ("2026-03-03", midnight
//! UTC); nullopt when malformed.
std::optional<TimeMs> ParseTime(std::string_view text);

}  // namespace copydesk
