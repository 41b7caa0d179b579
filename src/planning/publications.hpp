#pragma once

// Publication per channel and the calendar: a content planned for several channels goes out on
// each at its own date, is marked published there with when and where, and moves on in the
// workflow once every channel is published.

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "content/contents.hpp"
#include "core/result.hpp"
#include "storage/content_filter.hpp"
#include "storage/database.hpp"
#include "workflow/workflow.hpp"

namespace copydesk::planning {

//! Longest span a calendar answers for: a month view with its neighbouring weeks, with room.
inline constexpr TimeMs kMaxCalendarSpanMs = 100LL * 24 * 3600 * 1000;
//! Most entries a calendar answers with; beyond, the earliest are kept and `truncated` is set.
inline constexpr int kMaxCalendarEntries = 2000;
//! Longest URL a publication keeps, in bytes.
inline constexpr std::size_t kMaxUrlBytes = 2000;

//! A channel's own date, set on top of the content's version its author saw.
struct PlanInput {
  std::optional<TimeMs> planned_at;  //!< none: the channel follows the content's date again
  std::int64_t version = 0;
};

//! A mark of a content as published on a channel.
struct MarkInput {
  std::optional<TimeMs> published_at;  //!< none: now
  std::optional<std::string> url;      //!< where it appeared: http or https
};

//! What a calendar shows: every screen's filter over a range of dates.
struct CalendarQuery : storage::ContentFilter {
  std::optional<TimeMs> from, to;  //!< both required; [from, to)
};

//! A content on one channel (or on none) on the date it goes out there.
struct CalendarEntry {
  std::size_t content = 0;  //!< index in Calendar::contents
  std::optional<std::string> channel_id;
  TimeMs at = 0;
  bool own_date = false;  //!< the channel's own date: moving it changes the publication
  std::optional<TimeMs> published_at;
  std::optional<std::string> url;
  bool late = false;
};

//! A calendar: its range, its entries by date then title, and the contents they show.
struct Calendar {
  TimeMs from = 0, to = 0;
  std::vector<content::ContentView> contents;
  std::vector<CalendarEntry> entries;
  bool truncated = false;
};

//! Plans and marks publications, and reads the calendar.
class Publications {
 public:
  Publications(storage::Database& db, content::Contents& contents, workflow::Workflow& workflow)
      : db_(db), contents_(contents), workflow_(workflow) {}

  //! Sets or clears a channel's own date (those who may edit the content's planning; 409 when
  //! `version` is not the content's current one, 422 naming `channel` when it is not one of the
  //! content's channels).
  Result<content::ContentView> Plan(const auth::Actor& actor, const std::string& content_id,
                                    const std::string& channel_id, const PlanInput& input);
  //! Marks the content published on a channel. When that makes every channel published, the
  //! content moves to the workspace's first status of category "published" as if the actor
  //! moved it: a gate that refuses leaves the mark standing and the status where it was.
  Result<content::ContentView> MarkPublished(const auth::Actor& actor,
                                             const std::string& content_id,
                                             const std::string& channel_id, const MarkInput& input);
  //! Takes a mistaken mark back (the status is left as it is).
  Result<content::ContentView> Unmark(const auth::Actor& actor, const std::string& content_id,
                                      const std::string& channel_id);

  //! The entries of a workspace's calendar (422 naming `from` or `to` for a missing, reversed or
  //! too long range); a guest sees only what is shared with them.
  Result<Calendar> CalendarOf(const auth::Actor& actor, const std::string& ws,
                              const CalendarQuery& query);
  //! The contents with no date at all (the calendar's tray), a page at a time, as the list.
  Result<content::ContentPage> Unscheduled(const auth::Actor& actor, const std::string& ws,
                                           content::ListFilter filter);

 private:
  storage::Database& db_;
  content::Contents& contents_;
  workflow::Workflow& workflow_;
};

}  // namespace copydesk::planning
