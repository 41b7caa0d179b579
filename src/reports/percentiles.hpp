#pragma once

#include <cstdint>
#include <optional>
#include <vector>

// The order statistics of the report: what a team reads as "half the approvals took less than"
// and "nine in ten took less than".
namespace copydesk::reports {

//! The `p`-th percentile (0 to 100) of `values`, interpolated linearly between the two nearest
//! ranks as a spreadsheet's PERCENTILE.INC does (so a team can check it in its own sheet), and
//! rounded to the unit; nullopt when there are no values.
std::optional<std::int64_t> Percentile(std::vector<std::int64_t> values, double p);

//! The median (the 50th percentile) of `values`; nullopt when there are none.
std::optional<std::int64_t> Median(std::vector<std::int64_t> values);

}  // namespace copydesk::reports
