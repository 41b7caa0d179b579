#include "storage/reports_store.hpp"

#include <algorithm>
#include <map>

namespace copydesk::storage {

namespace {

// SQLite binds at most 32,766 parameters; batches stay far below and keep each IN list short.
constexpr std::size_t kBatch = 500;

std::string Marks(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

EventRecord ReadEvent(const Row& r) {
  return EventRecord{r.Int(0),  r.OptText(1), r.OptText(2), std::string(),
                     r.Text(3), r.OptText(4), r.Text(5),    r.Int(6)};
}

constexpr const char* kEventColumns =
    "SELECT seq, workspace_id, actor_id, kind, subject_id, data, created_at FROM events ";

}  // namespace

std::vector<EventRecord> ListWorkspaceEventsOfKinds(Tx& tx, const std::string& workspace_id,
                                                    const std::vector<std::string>& kinds,
                                                    TimeMs from, TimeMs to) {
  std::vector<Value> params{workspace_id};
  for (const auto& k : kinds) params.emplace_back(k);
  params.emplace_back(from);
  params.emplace_back(to);
  return tx.Rows(std::string(kEventColumns) + "WHERE workspace_id = ? AND kind IN (" +
                     Marks(kinds.size()) +
                     ") AND created_at >= ? AND created_at < ? ORDER BY created_at, seq",
                 params, ReadEvent);
}

std::vector<EventRecord> ListSubjectEventsOfKinds(Tx& tx,
                                                  const std::vector<std::string>& subject_ids,
                                                  const std::vector<std::string>& kinds,
                                                  TimeMs to) {
  std::vector<EventRecord> out;
  for (std::size_t start = 0; start < subject_ids.size(); start += kBatch) {
    const std::size_t n = std::min(kBatch, subject_ids.size() - start);
    std::vector<Value> params;
    for (std::size_t i = start; i < start + n; ++i) params.emplace_back(subject_ids[i]);
    for (const auto& k : kinds) params.emplace_back(k);
    params.emplace_back(to);
    tx.Query(std::string(kEventColumns) + "WHERE subject_id IN (" + Marks(n) + ") AND kind IN (" +
                 Marks(kinds.size()) + ") AND created_at < ? ORDER BY subject_id, created_at, seq",
             std::span<const Value>(params), [&](const Row& r) { out.push_back(ReadEvent(r)); });
  }
  return out;
}

std::vector<ReportContent> ListReportContents(Tx& tx, const std::string& workspace_id,
                                              const std::vector<std::string>& ids) {
  std::vector<ReportContent> out;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    const std::size_t n = std::min(kBatch, ids.size() - start);
    std::vector<Value> params{workspace_id};
    for (std::size_t i = start; i < start + n; ++i) params.emplace_back(ids[i]);
    const std::span<const Value> bound(params);
    const std::size_t first = out.size();
    tx.Query("SELECT id, title, created_at FROM contents WHERE workspace_id = ? AND id IN (" +
                 Marks(n) + ")",
             bound, [&](const Row& r) {
               out.push_back({r.Text(0), r.Text(1), r.Int(2), {}});
             });
    std::map<std::string, ReportContent*> by_id;
    for (std::size_t i = first; i < out.size(); ++i) by_id[out[i].id] = &out[i];
    tx.Query("SELECT content_id, channel_id FROM content_channels WHERE content_id IN (" +
                 Marks(n) + ") ORDER BY channel_id",
             bound.subspan(1), [&](const Row& r) {
               if (auto it = by_id.find(r.Text(0)); it != by_id.end())
                 it->second->channel_ids.push_back(r.Text(1));
             });
  }
  return out;
}

}  // namespace copydesk::storage
