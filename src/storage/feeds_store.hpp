#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A calendar feed: what a person subscribed to, and the hash of its URL's secret.
struct CalendarFeedRecord {
  std::string id;
  std::string user_id;
  std::string workspace_id;
  std::string kind;  //!< my_work, view or project
  std::optional<std::string> view_id;
  std::optional<std::string> project_id;
  std::string secret_hash;
  TimeMs created_at = 0;
  std::optional<TimeMs> last_used_at;
  // Read only, for listing: the workspace and what the feed follows.
  std::string workspace_slug;
  std::string workspace_name;
  std::string view_name;
  std::string project_name;
};

//! What a feed last gave calendar apps for one event.
struct CalendarFeedItemRecord {
  std::string feed_id;
  std::string uid;
  TimeMs starts_at = 0;
  bool all_day = false;
  std::int64_t sequence = 0;
  TimeMs changed_at = 0;
  std::optional<TimeMs> cancelled_at;
};

//! Adds a feed.
void InsertCalendarFeed(Tx& tx, const CalendarFeedRecord& feed);
//! A person's feeds, oldest first, with their workspace, view and project names.
std::vector<CalendarFeedRecord> ListCalendarFeeds(Tx& tx, const std::string& user_id);
//! A person's feed by id.
std::optional<CalendarFeedRecord> FindCalendarFeed(Tx& tx, const std::string& user_id,
                                                   const std::string& id);
//! The feed whose secret hashes to `secret_hash`.
std::optional<CalendarFeedRecord> FindCalendarFeedBySecretHash(Tx& tx,
                                                               const std::string& secret_hash);
//! Deletes a feed and what it remembers of its events.
void DeleteCalendarFeed(Tx& tx, const std::string& id);
//! Notes when a feed was last read.
void TouchCalendarFeed(Tx& tx, const std::string& id, TimeMs now);

//! What a feed remembers of its events.
std::vector<CalendarFeedItemRecord> ListCalendarFeedItems(Tx& tx, const std::string& feed_id);
//! Adds or replaces what a feed remembers of one event.
void SaveCalendarFeedItem(Tx& tx, const CalendarFeedItemRecord& item);
//! Forgets one event of a feed.
void DeleteCalendarFeedItem(Tx& tx, const std::string& feed_id, const std::string& uid);

}  // namespace copydesk::storage
