#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace copydesk::storage {

//! One event as the search indexer reads it: what changed, not who did it.
struct FeedEvent {
  std::int64_t seq = 0;
  std::optional<std::string> workspace_id;
  std::string kind;
  std::optional<std::string> subject_id;
};

//! Events after `after_seq`, in sequence order, at most `limit`.
std::vector<FeedEvent> ListEventsAfter(Tx& tx, std::int64_t after_seq, int limit);
//! The newest event sequence (0 when there is none).
std::int64_t LastEventSeq(Tx& tx);
//! Ids of every content (archived included), in id order, after `after_id`, at most `limit`.
std::vector<std::string> ListContentIdsAfter(Tx& tx, const std::string& after_id, int limit);
//! Ids of every content of a workspace.
std::vector<std::string> ListWorkspaceContentIds(Tx& tx, const std::string& workspace_id);

}  // namespace copydesk::storage
