#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace copydesk::auth {

//! Counts failures per key in a sliding window, in memory (a restart forgets them, which only
//! gives an attacker one more window). Thread-safe.
class FailureWindow {
 public:
  FailureWindow(int max_failures, TimeMs window_ms) : max_(max_failures), window_ms_(window_ms) {}

  //! Milliseconds until `key` may try again, or 0 when it may try now.
  TimeMs RetryAfter(const std::string& key, TimeMs now);
  //! Records one failure of `key`.
  void Fail(const std::string& key, TimeMs now);
  //! Counts a failure of `key` before the attempt's outcome is known (a password check that
  //! takes a while): 0 when the slot was taken, else the milliseconds until one frees up.
  //! Checking and taking are one step, so attempts in parallel never get past the limit.
  TimeMs Reserve(const std::string& key, TimeMs now);
  //! Gives back a slot Reserve took at `at`: the attempt succeeded.
  void Release(const std::string& key, TimeMs at);
  //! Forgets `key`'s failures (after a success).
  void Clear(const std::string& key);

 private:
  void Prune(std::deque<TimeMs>& times, TimeMs now) const;
  TimeMs Wait(const std::deque<TimeMs>& times, TimeMs now) const;
  void Sweep(TimeMs now);

  int max_;
  TimeMs window_ms_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<TimeMs>> failures_;
  TimeMs last_sweep_ = 0;
};

}  // namespace copydesk::auth
