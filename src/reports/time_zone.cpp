#include "reports/time_zone.hpp"

#include <unicode/timezone.h>

#include <chrono>
#include <cstdio>

namespace copydesk::reports {

struct TimeZone::Zone {
  std::unique_ptr<icu::TimeZone> icu;
};

TimeZone::TimeZone(std::string name, std::unique_ptr<Zone> zone)
    : name_(std::move(name)), zone_(std::move(zone)) {}
TimeZone::TimeZone(TimeZone&&) noexcept = default;
TimeZone& TimeZone::operator=(TimeZone&&) noexcept = default;
TimeZone::~TimeZone() = default;

Result<TimeZone> TimeZone::Named(const std::string& name, const std::string& field) {
  if (name.empty() || name.size() > 64)
    return Error::InvalidField(field, "must be a time zone such as Europe/Paris");
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
  // ICU answers an unknown name with its "Etc/Unknown" zone (GMT) rather than an error.
  if (!zone || *zone == icu::TimeZone::getUnknown())
    return Error::InvalidField(field, "must be a time zone such as Europe/Paris");
  return TimeZone(name, std::make_unique<Zone>(Zone{std::move(zone)}));
}

std::string TimeZone::MonthOf(TimeMs t) const {
  using namespace std::chrono;
  std::int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone_->icu->getOffset(static_cast<UDate>(t), false, raw, dst, status);
  if (U_FAILURE(status)) raw = dst = 0;
  const TimeMs local = t + raw + dst;
  const year_month_day ymd(floor<days>(sys_time<milliseconds>(milliseconds(local))));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return buf;
}

std::vector<std::string> TimeZone::MonthsBetween(TimeMs from, TimeMs to) const {
  std::vector<std::string> out;
  const std::string last = MonthOf(to);
  int y = 0, m = 0;
  std::sscanf(MonthOf(from).c_str(), "%d-%d", &y, &m);
  // Months are few (a window is at most 400 days): count them on the calendar, not the clock.
  for (int guard = 0; guard < 1200; ++guard) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    out.emplace_back(buf);
    if (out.back() >= last) break;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return out;
}

}  // namespace copydesk::reports
