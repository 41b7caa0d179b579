#include "core/log.hpp"

#include <unistd.h>

#include <atomic>
#include <boost/json/serializer.hpp>

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

void SetLogLevel(LogLevel level) {
  g_level = static_cast<int>(level);
}

bool LogEnabled(LogLevel level) {
  return static_cast<int>(level) >= g_level.load();
}

namespace {

// Appends the JSON text of whatever `sr` was reset to, through a stack buffer.
void Drain(boost::json::serializer& sr, std::string& out) {
  char buffer[512];
  while (!sr.done()) {
    const auto chunk = sr.read(buffer, sizeof buffer);
    out.append(chunk.data(), chunk.size());
  }
}

}  // namespace

void Log(LogLevel level, std::string_view msg, boost::json::object fields) {
  if (!LogEnabled(level)) return;
  // Written member by member into one string rather than through a second json::object: the
  // access log writes a line per request, and the object's allocations were most of its cost.
  // A field named like a standard member (ts, level, msg) takes that member's place, as it did.
  const std::string ts = FormatTime(NowMs());
  const boost::json::value* standard[] = {fields.if_contains("ts"), fields.if_contains("level"),
                                          fields.if_contains("msg")};
  const std::string_view standard_text[] = {ts, LevelName(level), msg};
  const char* standard_keys[] = {"{\"ts\":", ",\"level\":", ",\"msg\":"};
  std::string text;
  text.reserve(256);
  boost::json::serializer sr;
  for (int i = 0; i < 3; ++i) {
    text += standard_keys[i];
    if (standard[i] != nullptr) {
      sr.reset(standard[i]);
    } else {
      sr.reset(standard_text[i]);
    }
    Drain(sr, text);
  }
  for (const auto& member : fields) {
    const std::string_view key = member.key();
    if (key == "ts" || key == "level" || key == "msg") continue;
    text.push_back(',');
    sr.reset(key);
    Drain(sr, text);
    text.push_back(':');
    sr.reset(&member.value());
    Drain(sr, text);
  }
  text += "}\n";
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
