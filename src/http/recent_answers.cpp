#include "http/recent_answers.hpp"

#include <utility>

namespace copydesk::http {

std::optional<Response> RecentAnswers::Find(const std::string& key, TimeMs now) {
  std::lock_guard lock(mutex_);
  auto found = by_key_.find(key);
  if (found == by_key_.end()) return std::nullopt;
  auto entry = found->second;
  if (now - entry->made_at >= lifetime_ || now < entry->made_at) {
    bytes_ -= entry->answer->body.size();
    order_.erase(entry);
    by_key_.erase(found);
    return std::nullopt;
  }
  order_.splice(order_.begin(), order_, entry);
  return *entry->answer;
}

void RecentAnswers::Keep(const std::string& key, const Response& answer, TimeMs now) {
  const std::size_t size = answer.body.size();
  if (size > max_bytes_ / 4) return;  // one answer never pushes out most of the others
  auto kept = std::make_shared<const Response>(answer);
  std::lock_guard lock(mutex_);
  if (auto found = by_key_.find(key); found != by_key_.end()) {
    bytes_ -= found->second->answer->body.size();
    order_.erase(found->second);
    by_key_.erase(found);
  }
  order_.push_front(Entry{key, std::move(kept), now});
  by_key_.emplace(key, order_.begin());
  bytes_ += size;
  while (order_.size() > capacity_ || bytes_ > max_bytes_) DropOldest();
}

std::size_t RecentAnswers::size() {
  std::lock_guard lock(mutex_);
  return order_.size();
}

void RecentAnswers::DropOldest() {
  auto& oldest = order_.back();
  bytes_ -= oldest.answer->body.size();
  by_key_.erase(oldest.key);
  order_.pop_back();
}

}  // namespace copydesk::http
