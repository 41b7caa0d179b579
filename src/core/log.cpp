#include "core/log.hpp"

#include <unistd.h>

#include <atomic>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"

namespace copydesk {

namespace {

std::atomic<int> g_level{static_cast<int>(LogLevel::kInfo)};

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

}  // namespace

bool ParseLogLevel(std::string_view text, LogLevel& out) {
  for (auto level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    if (text == LevelName(level)) {
      out = level;
      return true;
    }
  }
  return false;
}

void SetLogLevel(LogLevel level) { g_level = static_cast<int>(level); }

bool LogEnabled(LogLevel level) { return static_cast<int>(level) >= g_level.load(); }

void Log(LogLevel level, std::string_view msg, boost::json::object fields) {
  if (!LogEnabled(level)) return;
  boost::json::object line;
  line["ts"] = FormatTime(NowMs());
  line["level"] = LevelName(level);
  line["msg"] = msg;
  for (auto& member : fields) line[member.key()] = std::move(member.value());
  std::string text = boost::json::serialize(line);
  text.push_back('\n');
  // One write(2) per line: the kernel keeps lines whole even with several threads logging.
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n <= 0) break;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace copydesk
