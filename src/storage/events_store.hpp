#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! Appends an event to the outbox, in the caller's transaction; returns its sequence number.
std::int64_t AppendEvent(Tx& tx, const std::optional<std::string>& workspace_id,
                         const std::optional<std::string>& actor_id, const std::string& kind,
                         const std::optional<std::string>& subject_id, const std::string& data_json,
                         TimeMs now);

//! One event of the outbox as the live hub reads it: everything but its time.
struct OutboxEvent {
  std::int64_t seq = 0;
  std::optional<std::string> workspace_id;
  std::optional<std::string> actor_id;
  std::string kind;
  std::optional<std::string> subject_id;
  std::string data_json;
};

//! Events after `after_seq`, in sequence order, at most `limit`.
std::vector<OutboxEvent> ListOutboxAfter(Tx& tx, std::int64_t after_seq, int limit);
//! The oldest event sequence still kept (0 when there is none).
std::int64_t FirstEventSeq(Tx& tx);

}  // namespace copydesk::storage
