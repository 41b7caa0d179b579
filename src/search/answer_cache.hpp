#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "search/search.hpp"

namespace copydesk::search::internal {

//! Whole answers of recent searches, for the next identical request. The key holds everything an
//! answer depends on — the request, the caller's access scope, and the index's commit and event
//! sequence — so an answer is never served to someone who may read other contents, nor after a
//! save the index has taken in (the index moved on: the key changed). The least recently used
//! answers go first.
class AnswerCache {
 public:
  //! Keeps at most `capacity` answers.
  explicit AnswerCache(std::size_t capacity) : capacity_(capacity) {}

  //! The answer kept under `key`, if any.
  std::shared_ptr<const SearchResult> Find(const std::string& key);
  //! Keeps `answer` under `key`, dropping the least recently used answer when full.
  void Keep(const std::string& key, std::shared_ptr<const SearchResult> answer);

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const SearchResult>>;
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace copydesk::search::internal
