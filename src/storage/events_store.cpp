#include "storage/events_store.hpp"

namespace copydesk::storage {

std::vector<OutboxEvent> ListOutboxAfter(Tx& tx, std::int64_t after_seq, int limit) {
  return tx.Rows(
      "SELECT seq, workspace_id, actor_id, kind, subject_id, data FROM events WHERE seq > ? "
      "ORDER BY seq LIMIT ?",
      {after_seq, std::int64_t{limit}}, [](const Row& r) {
        return OutboxEvent{r.Int(0),  r.OptText(1), r.OptText(2),
                           r.Text(3), r.OptText(4), r.Text(5)};
      });
}

std::int64_t FirstEventSeq(Tx& tx) {
  return tx.Scalar("SELECT COALESCE(MIN(seq), 0) FROM events");
}

}  // namespace copydesk::storage
