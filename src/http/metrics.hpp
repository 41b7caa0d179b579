#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace copydesk::http {

//! Request counts, latency histogram and open connections, rendered in Prometheus text format.
class Metrics {
 public:
  //! Records one answered request under its route pattern (never the raw path: bounded labels).
  void Record(const std::string& method, const std::string& route, int status, double seconds);
  //! Counts a connection opened / closed.
  void ConnectionOpened() { ++open_connections_; }
  void ConnectionClosed() { --open_connections_; }
  //! The current figures in Prometheus text exposition format.
  std::string Render() const;
  //! Adds figures measured when scraped (disk use, how far a consumer of the events is), as
  //! Prometheus text appended to Render()'s. Register before serving: not guarded.
  void AddCollector(std::function<std::string()> collector);

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Series> latency_;  // by route
  std::atomic<std::int64_t> open_connections_{0};
  std::vector<std::function<std::string()>> collectors_;
};

}  // namespace copydesk::http
