#pragma once

#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace copydesk::storage {

//! The last event sequence the consumer `name` of the event log applied (0 when it never ran).
std::int64_t ConsumerCursor(Tx& tx, const std::string& name);
//! Records that the consumer `name` applied every event up to `seq`, in the transaction that
//! wrote what it derived from them.
void SetConsumerCursor(Tx& tx, const std::string& name, std::int64_t seq);

}  // namespace copydesk::storage
