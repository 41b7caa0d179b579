#pragma once

// Calendar feeds (iCal, RFC 5545): a person's work, a saved view or a project as a calendar that
// Outlook, Google Calendar or Thunderbird subscribe to through a URL carrying a secret. The feed is
// read as its owner, at each fetch: what they may no longer see leaves it at once.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "search/search.hpp"
#include "storage/database.hpp"
#include "storage/feeds_store.hpp"

namespace copydesk::feeds {

//! How long an event that left a feed is still sent, CANCELLED, before it is dropped: apps that
//! poll rarely still learn it is gone.
inline constexpr TimeMs kCancelledKeptMs = 30LL * 24 * 3600 * 1000;
//! How far back a feed reaches: older publications and deadlines are history, not plans.
inline constexpr TimeMs kFeedPastMs = 365LL * 24 * 3600 * 1000;
//! The most events of each kind (contents, tasks) one feed carries.
inline constexpr int kMaxEvents = 2000;
//! last_used_at is written at most this often per feed: apps poll, and a fetch should not write.
inline constexpr TimeMs kTouchEveryMs = 10LL * 60 * 1000;

//! What a new feed follows.
struct FeedInput {
  std::string workspace;  //!< slug or id
  std::string kind;       //!< my_work, view or project
  std::optional<std::string> view;
  std::optional<std::string> project;
};

//! A feed just made: its secret is shown this once.
struct CreatedFeed {
  storage::CalendarFeedRecord feed;
  std::string secret;
};

//! One event of a calendar, as a feed writes it.
struct FeedEvent {
  std::string uid;  //!< content-<id>@copydesk, task-<id>@copydesk
  std::string summary;
  std::string description;
  std::string url;
  TimeMs starts_at = 0;
  bool all_day = false;  //!< a date without a time (stored at midnight UTC)
  std::int64_t sequence = 0;
  TimeMs changed_at = 0;  //!< DTSTAMP and LAST-MODIFIED
  bool cancelled = false;
};

//! A calendar as served: its text and the tag that lets apps ask "changed since?".
struct Calendar {
  std::string text;
  std::string etag;  //!< quoted, strong
};

//! The feeds of people, and the calendars they serve.
class Feeds {
 public:
  //! `search` finds the contents of a saved view that has words, as the view's screen does.
  Feeds(storage::Database& db, search::Search& search) : db_(db), search_(search) {}

  //! The caller's feeds (never their secrets), oldest first.
  Result<std::vector<storage::CalendarFeedRecord>> List(const auth::Actor& actor);
  //! Makes a feed of what the caller sees in a workspace; 422 naming a field at fault.
  Result<CreatedFeed> Create(const auth::Actor& actor, const FeedInput& input, TimeMs now);
  //! Revokes one of the caller's feeds: its URL answers 404 from now on.
  Result<void> Revoke(const auth::Actor& actor, const std::string& id);
  //! The calendar behind a secret, read as the feed's owner now; 404 for an unknown or revoked
  //! secret, and for an owner who left the workspace. `public_base` makes the links back.
  Result<Calendar> Fetch(const std::string& secret, const std::string& public_base, TimeMs now);

 private:
  //! For a view with words: the ids of the contents its search finds for the feed's owner.
  std::optional<std::set<std::string>> SearchedIds(const std::string& secret_hash);

  storage::Database& db_;
  search::Search& search_;
};

//! The label of a feed: the view's or project's name, or "My work".
std::string FeedLabel(const storage::CalendarFeedRecord& feed);

//! Writes a calendar (VCALENDAR of VEVENTs, times in UTC) through libical.
std::string WriteCalendar(const std::string& name, const std::vector<FeedEvent>& events);

//! True when an If-None-Match header names `etag` (or is "*").
bool MatchesEtag(std::string_view if_none_match, const std::string& etag);

}  // namespace copydesk::feeds
