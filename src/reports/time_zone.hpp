#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

// Calendar months in a person's time zone (IANA names, through ICU): a publication at 23:30 UTC
// on 31 October is in November for a team in Paris.
namespace copydesk::reports {

//! An IANA time zone ("Europe/Paris"), to place instants in its calendar.
class TimeZone {
 public:
  //! The zone named `name`; 422 naming `field` when ICU does not know it.
  static Result<TimeZone> Named(const std::string& name, const std::string& field);
  TimeZone(TimeZone&&) noexcept;
  TimeZone& operator=(TimeZone&&) noexcept;
  ~TimeZone();

  //! The zone's name as given.
  const std::string& name() const { return name_; }
  //! The month "YYYY-MM" that `t` falls in, on the zone's clocks.
  std::string MonthOf(TimeMs t) const;
  //! Every month from the one of `from` to the one of `to` (both included), in order.
  std::vector<std::string> MonthsBetween(TimeMs from, TimeMs to) const;

 private:
  struct Zone;  // ICU's zone, kept out of the includers' sight
  TimeZone(std::string name, std::unique_ptr<Zone> zone);
  std::string name_;
  std::unique_ptr<Zone> zone_;
};

}  // namespace copydesk::reports
