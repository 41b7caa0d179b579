#pragma once

#include <boost/json/object.hpp>
#include <string_view>

namespace copydesk {

//! Severity of a log line; lines below the configured level are dropped.
enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

//! Parses "debug", "info", "warn" or "error"; false when unknown.
bool ParseLogLevel(std::string_view text, LogLevel& out);

//! Sets the lowest level written (default info).
void SetLogLevel(LogLevel level);

//! True when a line of `level` would be written: lets callers skip building it.
bool LogEnabled(LogLevel level);

//! Writes one JSON line on stderr: {"ts","level","msg", ...fields}. Thread-safe; one write per
//! line so lines never interleave.
void Log(LogLevel level, std::string_view msg, boost::json::object fields = {});

}  // namespace copydesk
