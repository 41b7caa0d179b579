#include "storage/feeds_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kFeedSelect =
    "SELECT f.id, f.user_id, f.workspace_id, f.kind, f.view_id, f.project_id, f.secret_hash,"
    " f.created_at, f.last_used_at, w.slug, w.name, coalesce(v.name, ''), coalesce(p.name, '')"
    " FROM calendar_feeds f JOIN workspaces w ON w.id = f.workspace_id"
    " LEFT JOIN saved_views v ON v.id = f.view_id LEFT JOIN projects p ON p.id = f.project_id";

CalendarFeedRecord FeedOf(const Row& r) {
  CalendarFeedRecord f;
  f.id = r.Text(0);
  f.user_id = r.Text(1);
  f.workspace_id = r.Text(2);
  f.kind = r.Text(3);
  f.view_id = r.OptText(4);
  f.project_id = r.OptText(5);
  f.secret_hash = r.Text(6);
  f.created_at = r.Int(7);
  f.last_used_at = r.OptInt(8);
  f.workspace_slug = r.Text(9);
  f.workspace_name = r.Text(10);
  f.view_name = r.Text(11);
  f.project_name = r.Text(12);
  return f;
}

CalendarFeedItemRecord ItemOf(const Row& r) {
  return {r.Text(0), r.Text(1), r.Int(2), r.Int(3) != 0, r.Int(4), r.Int(5), r.OptInt(6)};
}

}  // namespace

void InsertCalendarFeed(Tx& tx, const CalendarFeedRecord& f) {
  tx.Exec(
      "INSERT INTO calendar_feeds (id, user_id, workspace_id, kind, view_id, project_id,"
      " secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {f.id, f.user_id, f.workspace_id, f.kind, Nullable(f.view_id), Nullable(f.project_id),
       f.secret_hash, f.created_at});
}

std::vector<CalendarFeedRecord> ListCalendarFeeds(Tx& tx, const std::string& user_id) {
  return tx.Rows(std::string(kFeedSelect) + " WHERE f.user_id = ? ORDER BY f.created_at, f.id",
                 {user_id}, FeedOf);
}

std::optional<CalendarFeedRecord> FindCalendarFeed(Tx& tx, const std::string& user_id,
                                                   const std::string& id) {
  return tx.First(std::string(kFeedSelect) + " WHERE f.user_id = ? AND f.id = ?", {user_id, id},
                  FeedOf);
}

std::optional<CalendarFeedRecord> FindCalendarFeedBySecretHash(Tx& tx,
                                                               const std::string& secret_hash) {
  return tx.First(std::string(kFeedSelect) + " WHERE f.secret_hash = ?", {secret_hash}, FeedOf);
}

void DeleteCalendarFeed(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM calendar_feed_items WHERE feed_id = ?", {id});
  tx.Exec("DELETE FROM calendar_feeds WHERE id = ?", {id});
}

void TouchCalendarFeed(Tx& tx, const std::string& id, TimeMs now) {
  tx.Exec("UPDATE calendar_feeds SET last_used_at = ? WHERE id = ?", {now, id});
}

std::vector<CalendarFeedItemRecord> ListCalendarFeedItems(Tx& tx, const std::string& feed_id) {
  return tx.Rows(
      "SELECT feed_id, uid, starts_at, all_day, sequence, changed_at, cancelled_at"
      " FROM calendar_feed_items WHERE feed_id = ?",
      {feed_id}, ItemOf);
}

void SaveCalendarFeedItem(Tx& tx, const CalendarFeedItemRecord& i) {
  tx.Exec(
      "INSERT INTO calendar_feed_items (feed_id, uid, starts_at, all_day, sequence, changed_at,"
      " cancelled_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (feed_id, uid) DO UPDATE SET starts_at = excluded.starts_at,"
      " all_day = excluded.all_day, sequence = excluded.sequence,"
      " changed_at = excluded.changed_at, cancelled_at = excluded.cancelled_at",
      {i.feed_id, i.uid, i.starts_at, std::int64_t{i.all_day ? 1 : 0}, i.sequence, i.changed_at,
       Nullable(i.cancelled_at)});
}

void DeleteCalendarFeedItem(Tx& tx, const std::string& feed_id, const std::string& uid) {
  tx.Exec("DELETE FROM calendar_feed_items WHERE feed_id = ? AND uid = ?", {feed_id, uid});
}

}  // namespace copydesk::storage
