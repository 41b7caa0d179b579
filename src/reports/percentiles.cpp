#include "reports/percentiles.hpp"

#include <algorithm>
#include <cmath>

namespace copydesk::reports {

std::optional<std::int64_t> Percentile(std::vector<std::int64_t> values, double p) {
  if (values.empty()) return std::nullopt;
  p = std::clamp(p, 0.0, 100.0);
  std::sort(values.begin(), values.end());
  // Rank h = (n - 1) p / 100 on 0-based sorted values; between two ranks, the straight line.
  const double h = static_cast<double>(values.size() - 1) * p / 100.0;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double low = static_cast<double>(values[below]);
  const double high = static_cast<double>(values[above]);
  return static_cast<std::int64_t>(
      std::llround(low + (h - static_cast<double>(below)) * (high - low)));
}

std::optional<std::int64_t> Median(std::vector<std::int64_t> values) {
  return Percentile(std::move(values), 50.0);
}

}  // namespace copydesk::reports
