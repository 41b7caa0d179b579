#include "storage/events_store.hpp"

namespace copydesk::storage {

std::int64_t AppendEvent(Tx& tx, const std::optional<std::string>& workspace_id,
                         const std::optional<std::string>& actor_id, const std::string& kind,
                         const std::optional<std::string>& subject_id, const std::string& data_json,
                         TimeMs now) {
  return tx
      .First(
          "INSERT INTO events (workspace_id, actor_id, kind, subject_id, data, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING seq",
          {Nullable(workspace_id), Nullable(actor_id), kind, Nullable(subject_id), data_json, now},
          [](const Row& r) { return r.Int(0); })
      .value_or(0);
}

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
