#include "core/clock.hpp"

#include <chrono>
#include <cstdio>

namespace copydesk {

TimeMs NowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string FormatTime(TimeMs t) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(t)));
  const year_month_day ymd(day);
  const TimeMs in_day = t - duration_cast<milliseconds>(day.time_since_epoch()).count();
  const int y = static_cast<int>(ymd.year());
  const auto mo = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  const auto h = in_day / 3600000, mi = in_day / 60000 % 60, s = in_day / 1000 % 60,
             ms = in_day % 1000;
  // Digits by hand for the years RFC 3339 allows: snprintf was the larger part of the access
  // log's cost (one stamp per line) and shows in every presenter. Other years keep the general
  // path and its exact output.
  if (y >= 0 && y <= 9999) {
    std::string out = "0000-00-00T00:00:00.000Z";
    auto put = [&out](std::size_t end, long long value, int width) {
      for (int i = 0; i < width; ++i, value /= 10) {
        out[end - i] = static_cast<char>('0' + value % 10);
      }
    };
    put(3, y, 4);
    put(6, mo, 2);
    put(9, d, 2);
    put(12, h, 2);
    put(15, mi, 2);
    put(18, s, 2);
    put(22, ms, 3);
    return out;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", y, mo, d,
                static_cast<long long>(h), static_cast<long long>(mi), static_cast<long long>(s),
                static_cast<long long>(ms));
  return buf;
}

namespace {

bool Digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<TimeMs> ParseTime(std::string_view s) {
  using namespace std::chrono;
  int y, mo, d;
  if (!Digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, mo) || s[7] != '-' ||
      !Digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  const year_month_day ymd{year(y), month(static_cast<unsigned>(mo)),
                           day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  TimeMs t = duration_cast<milliseconds>(sys_days(ymd).time_since_epoch()).count();
  if (s.size() == 10) return t;
  int h, mi, se;
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !Digits(s, 11, 2, h) ||
      s[13] != ':' || !Digits(s, 14, 2, mi) || s[16] != ':' || !Digits(s, 17, 2, se) || h > 23 ||
      mi > 59 || se > 60) {
    return std::nullopt;
  }
  t += (h * 3600LL + mi * 60LL + se) * 1000;
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int ms = 0, digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) ms = ms * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int k = digits; k < 3; ++k) ms *= 10;
    t += ms;
  }
  if (pos == s.size()) return std::nullopt;
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return t;
  if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
    int oh, om;
    if (!Digits(s, pos + 1, 2, oh) || !Digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    const TimeMs offset = (oh * 3600LL + om * 60LL) * 1000;
    return s[pos] == '+' ? t - offset : t + offset;
  }
  return std::nullopt;
}

}  // namespace copydesk
