#include "http/metrics.hpp"

#include <cstdio>

namespace copydesk::http {

namespace {

std::string Escape(const std::string& label) {
  std::string out;
  for (char c : label) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

void Metrics::Record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  Series& s = latency_[route];
  ++s.count;
  s.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
}

std::string Metrics::Render() const {
  // Measured before the lock is taken: a collector may read the disk or the database, and
  // requests being answered meanwhile must not wait to be counted.
  std::string collected;
  for (const auto& collector : collectors_) collected += collector();
  std::string out;
  out += "# HELP copydesk_http_requests_total Requests answered, by method, route and status.\n";
  out += "# TYPE copydesk_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += "copydesk_http_requests_total{method=\"" + Escape(method) + "\",route=\"" +
           Escape(route) + "\",status=\"" + std::to_string(status) + "\"} " +
           std::to_string(count) + "\n";
  }
  out += "# HELP copydesk_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE copydesk_http_request_duration_seconds histogram\n";
  for (const auto& [route, s] : latency_) {
    const std::string label = "route=\"" + Escape(route) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += "copydesk_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             Number(kBuckets[i]) + "\"} " + std::to_string(s.buckets[i]) + "\n";
    }
    out += "copydesk_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(s.count) + "\n";
    out += "copydesk_http_request_duration_seconds_sum{" + label + "} " + Number(s.sum) + "\n";
    out += "copydesk_http_request_duration_seconds_count{" + label + "} " +
           std::to_string(s.count) + "\n";
  }
  out += "# HELP copydesk_http_open_connections Connections open now.\n";
  out += "# TYPE copydesk_http_open_connections gauge\n";
  out += "copydesk_http_open_connections " + std::to_string(open_connections_.load()) + "\n";
  out += collected;
  return out;
}

void Metrics::AddCollector(std::function<std::string()> collector) {
  collectors_.push_back(std::move(collector));
}

}  // namespace copydesk::http
