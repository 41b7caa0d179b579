#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/content_filter.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! How a content goes out on one of its channels: its own date, and whether, when, where and by
//! whom it was published there.
struct ChannelPublicationRecord {
  std::string channel_id;
  std::optional<TimeMs> planned_at;  //!< none: follows the content's publish_at
  std::optional<TimeMs> published_at;
  std::optional<std::string> url;
  std::optional<std::string> published_by;
  std::string published_by_name;
};

//! A content as stored, with its channels, tags and assignees.
struct ContentRecord {
  std::string id;
  std::string workspace_id;
  std::string type_id;
  std::string title;
  std::string language;
  std::string fields_json;
  std::int64_t version = 0;
  std::int64_t revision = 0;
  std::string content_hash;
  std::optional<std::string> project_id;
  std::optional<std::string> owner_id;
  std::optional<TimeMs> due_at;
  std::optional<TimeMs> publish_at;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::optional<TimeMs> archived_at;
  std::optional<std::string> status_id;
  std::optional<std::string> locked_by;  //!< while set, edits are refused (423)
  std::optional<std::string> locked_reason;
  std::optional<TimeMs> locked_at;
  std::vector<std::string> channel_ids;
  std::vector<std::string> tags;
  std::vector<std::string> assignee_ids;
  std::int64_t attachments_count = 0;  //!< read only: its files (attachments)
  //! Read only: the publication of each of its channels as stored (a channel just added has
  //! none yet); written through SetChannelPlannedAt and SetChannelPublished.
  std::vector<ChannelPublicationRecord> publications;
  //! Its variants per channel, as JSON: {"<channel id>": {"fields": {…}, "visual": id|null}},
  //! keys sorted; "{}" when every channel takes the main text.
  std::string variants_json = "{}";
};

//! A revision: an immutable snapshot once sealed.
struct RevisionRecord {
  std::string content_id;
  std::int64_t number = 0;
  std::string title;
  std::string fields_json;
  std::string content_hash;
  std::string author_id;
  std::string author_name;
  std::string reason;
  std::optional<std::int64_t> restored_from;
  std::optional<std::string> label;
  TimeMs started_at = 0;
  TimeMs saved_at = 0;
  std::int64_t saves = 1;
  bool sealed = false;
  //! The files it goes out with: [{attachment_id, media_id, version, sha256, name}], by
  //! position; "[]" for none (the content hash then covers the text alone).
  std::string attachments_json = "[]";
  //! Its channel variants, as the content holds them ("{}" for none).
  std::string variants_json = "{}";
};

//! What a content list asks for, as stored: the filter's types are ids, its channels are
//! expanded to their sub-channels and its tags are folded keys.
struct ContentQuery : ContentFilter {
  std::string workspace_id;
  //! Set: only the contents shared with this person (a guest), directly, through a team or a
  //! project.
  std::optional<std::string> shared_with;
  std::string sort = "updated";  //!< updated, created, publish_at, due_at, title
  bool descending = true;
  std::optional<Value> after_value;  //!< keyset cursor: the sort value and id of the last row seen
  std::optional<std::string> after_id;
  int limit = 50;
  TimeMs now = 0;  //!< what the `publications` filter's "late" is measured against
};

//! One entry of a calendar: a content on one of its channels (or on none, for a content without
//! channels) on the date it goes out there.
struct CalendarEntryRecord {
  std::size_t content = 0;  //!< index in CalendarRecords::contents
  std::optional<std::string> channel_id;
  TimeMs at = 0;
  bool own_date = false;  //!< the channel's own date, not the content's
};

//! A calendar's entries and the contents they show, each content once.
struct CalendarRecords {
  std::vector<ContentRecord> contents;  //!< channels, tags, assignees and publications filled
  std::vector<CalendarEntryRecord> entries;
  bool truncated = false;  //!< more entries than asked for: the first ones are kept
};

//! A content by id, in any workspace.
std::optional<ContentRecord> FindContent(Tx& tx, const std::string& id);
//! Adds a content (main row, channels, tags, assignees).
void InsertContent(Tx& tx, const ContentRecord& content);
//! Saves a content's main row.
void UpdateContentRow(Tx& tx, const ContentRecord& content);
//! Replaces a content's channels (those it keeps keep their publication), tags or assignees.
void SetContentChannels(Tx& tx, const std::string& content_id, const std::vector<std::string>& ids);
void SetContentTags(Tx& tx, const ContentRecord& content);
void SetContentAssignees(Tx& tx, const std::string& content_id,
                         const std::vector<std::string>& ids);
//! Deletes a content for good, with its history.
void DeleteContent(Tx& tx, const std::string& id);
//! One page of contents (channels, tags and assignees filled), in the query's order.
std::vector<ContentRecord> ListContents(Tx& tx, const ContentQuery& query);
//! The entries whose date falls in [from, to) of the contents the query's filter finds (its order,
//! cursor and limit unused), by date then title, at most `limit`.
CalendarRecords ListCalendar(Tx& tx, const ContentQuery& query, TimeMs from, TimeMs to, int limit);
//! Sets or clears (nullopt) a content's own date on one of its channels.
void SetChannelPlannedAt(Tx& tx, const std::string& content_id, const std::string& channel_id,
                         std::optional<TimeMs> planned_at);
//! Marks a content published on one of its channels (at, url, by), or unmarks it (at nullopt).
void SetChannelPublished(Tx& tx, const std::string& content_id, const std::string& channel_id,
                         std::optional<TimeMs> at, const std::optional<std::string>& url,
                         const std::optional<std::string>& by);
//! The sort value of a content for a sort name (for cursors).
Value SortValue(const ContentRecord& content, const std::string& sort);

//! Adds a revision.
void InsertRevision(Tx& tx, const RevisionRecord& revision);
//! Refines the working revision (text, hash, saved time and count, reason).
void UpdateWorkingRevision(Tx& tx, const RevisionRecord& revision);
//! Seals a revision: it never changes again.
void SealRevision(Tx& tx, const std::string& content_id, std::int64_t number);
//! Sets or clears a revision's label (and seals it).
void SetRevisionLabel(Tx& tx, const std::string& content_id, std::int64_t number,
                      const std::optional<std::string>& label);
//! One revision, with its full snapshot.
std::optional<RevisionRecord> FindRevision(Tx& tx, const std::string& content_id,
                                           std::int64_t number);
//! Every revision of a content, newest first (snapshots included only when `with_text`).
std::vector<RevisionRecord> ListRevisions(Tx& tx, const std::string& content_id, bool with_text);

//! Keeps the state after `version` for three-way merges of writes based on it.
void InsertVersionSnapshot(Tx& tx, const std::string& content_id, std::int64_t version,
                           const std::string& snapshot_json);
//! The state after `version`, when still kept.
std::optional<std::string> FindVersionSnapshot(Tx& tx, const std::string& content_id,
                                               std::int64_t version);
//! Drops snapshots of versions older than `oldest_kept`.
void PruneVersionSnapshots(Tx& tx, const std::string& content_id, std::int64_t oldest_kept);

// ---- publication: the SQL twins of content::DerivePublication, on contents aliased `c`

//! Where a content stands in its publication, in SQL, as content/publication.cpp derives it for
//! one content: published when every channel is (without channels: when its status's category
//! is), late when an unpublished channel's date (its own, else the content's) has passed (without
//! channels: the content's date, unless published), planned when it has any date, else
//! unscheduled. Each is 0 or 1, never NULL, so that NOT reads as "not".
inline constexpr const char* kPublishedCondition =
    "(CASE WHEN EXISTS (SELECT 1 FROM content_channels pc WHERE pc.content_id = c.id) "
    "THEN NOT EXISTS (SELECT 1 FROM content_channels pc WHERE pc.content_id = c.id AND "
    "pc.published_at IS NULL) ELSE EXISTS (SELECT 1 FROM statuses ps WHERE ps.id = c.status_id "
    "AND ps.category = 'published') END)";
//! Two parameters: now, now.
inline constexpr const char* kLateCondition =
    "(EXISTS (SELECT 1 FROM content_channels pc WHERE pc.content_id = c.id AND pc.published_at "
    "IS NULL AND COALESCE(pc.planned_at, c.publish_at) < ?) OR (c.publish_at IS NOT NULL AND "
    "c.publish_at < ? AND NOT EXISTS (SELECT 1 FROM content_channels pc WHERE pc.content_id = "
    "c.id) AND NOT EXISTS (SELECT 1 FROM statuses ps WHERE ps.id = c.status_id AND ps.category = "
    "'published')))";
inline constexpr const char* kHasDateCondition =
    "(c.publish_at IS NOT NULL OR EXISTS (SELECT 1 FROM content_channels pc WHERE pc.content_id "
    "= c.id AND pc.planned_at IS NOT NULL))";

}  // namespace copydesk::storage
