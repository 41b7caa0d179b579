#include "search/answer_cache.hpp"

namespace copydesk::search::internal {

std::shared_ptr<const SearchResult> AnswerCache::Find(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void AnswerCache::Keep(const std::string& key, std::shared_ptr<const SearchResult> answer) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (const auto it = by_key_.find(key); it != by_key_.end()) {
    it->second->second = std::move(answer);
    order_.splice(order_.begin(), order_, it->second);
    return;
  }
  order_.emplace_front(key, std::move(answer));
  by_key_.emplace(key, order_.begin());
  while (order_.size() > capacity_) {
    by_key_.erase(order_.back().first);
    order_.pop_back();
  }
}

}  // namespace copydesk::search::internal
