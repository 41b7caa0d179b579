#include "storage/search_store.hpp"

namespace copydesk::storage {

std::vector<FeedEvent> ListEventsAfter(Tx& tx, std::int64_t after_seq, int limit) {
  return tx.Rows(
      "SELECT seq, workspace_id, kind, subject_id FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
      {after_seq, std::int64_t{limit}}, [](const Row& r) {
        return FeedEvent{r.Int(0), r.OptText(1), r.Text(2), r.OptText(3)};
      });
}

std::int64_t LastEventSeq(Tx& tx) {
  return tx.Scalar("SELECT COALESCE(MAX(seq), 0) FROM events");
}

std::vector<std::string> ListContentIdsAfter(Tx& tx, const std::string& after_id, int limit) {
  return tx.Rows("SELECT id FROM contents WHERE id > ? ORDER BY id LIMIT ?",
                 {after_id, std::int64_t{limit}}, [](const Row& r) { return r.Text(0); });
}

std::vector<std::string> ListWorkspaceContentIds(Tx& tx, const std::string& workspace_id) {
  return tx.Rows("SELECT id FROM contents WHERE workspace_id = ? ORDER BY id", {workspace_id},
                 [](const Row& r) { return r.Text(0); });
}

}  // namespace copydesk::storage
