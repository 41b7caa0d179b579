#include "auth/rate_limiter.hpp"

#include <algorithm>

namespace copydesk::auth {

void FailureWindow::Prune(std::deque<TimeMs>& times, TimeMs now) const {
  while (!times.empty() && times.front() <= now - window_ms_) times.pop_front();
}

TimeMs FailureWindow::Wait(const std::deque<TimeMs>& times, TimeMs now) const {
  if (static_cast<int>(times.size()) < max_) return 0;
  // The oldest failure that keeps the count at the limit must leave the window first.
  const TimeMs oldest = times[times.size() - static_cast<std::size_t>(max_)];
  return std::max<TimeMs>(1, oldest + window_ms_ - now);
}

void FailureWindow::Sweep(TimeMs now) {
  // Keep memory bounded: drop keys whose failures all left the window, once per window.
  if (now - last_sweep_ > window_ms_) {
    last_sweep_ = now;
    for (auto i = failures_.begin(); i != failures_.end();) {
      Prune(i->second, now);
      i = i->second.empty() ? failures_.erase(i) : std::next(i);
    }
  }
}

TimeMs FailureWindow::RetryAfter(const std::string& key, TimeMs now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  Prune(it->second, now);
  return Wait(it->second, now);
}

void FailureWindow::Fail(const std::string& key, TimeMs now) {
  std::lock_guard lock(mutex_);
  auto& times = failures_[key];
  Prune(times, now);
  times.push_back(now);
  Sweep(now);
}

TimeMs FailureWindow::Reserve(const std::string& key, TimeMs now) {
  std::lock_guard lock(mutex_);
  auto& times = failures_[key];
  Prune(times, now);
  if (TimeMs wait = Wait(times, now); wait > 0) return wait;
  times.push_back(now);
  Sweep(now);
  return 0;
}

void FailureWindow::Release(const std::string& key, TimeMs at) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return;
  auto& times = it->second;
  for (auto t = times.rbegin(); t != times.rend(); ++t) {
    if (*t == at) {
      times.erase(std::next(t).base());
      break;
    }
  }
  if (times.empty()) failures_.erase(it);
}

void FailureWindow::Clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace copydesk::auth
