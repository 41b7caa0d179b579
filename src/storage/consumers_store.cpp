#include "storage/consumers_store.hpp"

namespace copydesk::storage {

std::int64_t ConsumerCursor(Tx& tx, const std::string& name) {
  return tx
      .First("SELECT last_seq FROM event_consumers WHERE name = ?", {name},
             [](const Row& r) { return r.Int(0); })
      .value_or(0);
}

void SetConsumerCursor(Tx& tx, const std::string& name, std::int64_t seq) {
  tx.Exec(
      "INSERT INTO event_consumers (name, last_seq) VALUES (?, ?) "
      "ON CONFLICT (name) DO UPDATE SET last_seq = excluded.last_seq",
      {name, seq});
}

}  // namespace copydesk::storage
