#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "http/message.hpp"

namespace copydesk::http {

//! Recent 200 answers of one route, by key, the least recently used dropped first.
class RecentAnswers {
 public:
  //! Keeps at most `capacity` answers and `max_bytes` of their bodies, each for `lifetime`.
  RecentAnswers(std::size_t capacity, std::size_t max_bytes, TimeMs lifetime)
      : capacity_(capacity), max_bytes_(max_bytes), lifetime_(lifetime) {}

  //! The answer kept under `key` when it is younger than the lifetime at `now`.
  std::optional<Response> Find(const std::string& key, TimeMs now);
  //! Keeps `answer` under `key`, made at `now`.
  void Keep(const std::string& key, const Response& answer, TimeMs now);

  //! Answers kept now (for tests).
  std::size_t size();

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const Response> answer;
    TimeMs made_at = 0;
  };
  void DropOldest();

  const std::size_t capacity_;
  const std::size_t max_bytes_;
  const TimeMs lifetime_;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  std::size_t bytes_ = 0;
};

}  // namespace copydesk::http
