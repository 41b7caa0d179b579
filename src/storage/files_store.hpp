#pragma once

// The files beside the text (issue 17): stored blobs, the media library and its versions, the
// attachments of contents, and the blobs each revision records.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! One version of a media file: a stored blob and what was detected of it.
struct MediaVersionRecord {
  std::string media_id;
  std::int64_t number = 0;
  std::string sha256;
  std::string name;  //!< as uploaded: its download name
  std::string mime;  //!< detected from the bytes
  std::int64_t size = 0;
  std::optional<std::int64_t> width, height;  //!< images
  std::string uploaded_by;
  std::string uploaded_by_name;
  TimeMs uploaded_at = 0;
};

//! A file of a workspace's library, with its current version.
struct MediaFileRecord {
  std::string id;
  std::string workspace_id;
  std::string name;
  std::string kind;  //!< image, pdf, document, spreadsheet, presentation, text, video, other
  std::int64_t current_version = 0;
  std::string created_by;
  std::string created_by_name;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::vector<std::string> tags;
  MediaVersionRecord current;
};

//! A content's file: it shows its media file's current version.
struct AttachmentRecord {
  std::string id;
  std::string content_id;
  std::string media_id;
  std::string alt;
  std::int64_t position = 0;
  std::string created_by;
  TimeMs created_at = 0;
};

//! Where a media file is used: one attachment of one content.
struct MediaUse {
  std::string content_id;
  std::string title;
  std::string attachment_id;
};

//! What a library listing asks for.
struct MediaQuery {
  std::string workspace_id;
  std::optional<std::string> text;  //!< in the name, case-insensitive
  std::optional<std::string> tag;
  std::optional<std::string> kind;
  //! Set: only files attached to contents shared with this person (a guest).
  std::optional<std::string> shared_with;
  std::optional<std::pair<TimeMs, std::string>> after;  //!< keyset cursor: created_at, id
  int limit = 50;
};

// ---- blobs -----------------------------------------------------------------------------------

//! Records a stored blob (or finds it again: it is then referenced anew, whatever the sweep had
//! marked).
void UpsertBlob(Tx& tx, const std::string& sha256, std::int64_t size, TimeMs now);
//! Marks the blobs nothing refers to (no media version, no revision) as unreferenced since `now`,
//! and clears the mark of those referenced again.
void MarkUnreferencedBlobs(Tx& tx, TimeMs now);
//! The blobs unreferenced since before `cutoff` (and still unreferenced).
std::vector<std::string> ExpiredBlobs(Tx& tx, TimeMs cutoff);
//! Forgets a blob.
void DeleteBlob(Tx& tx, const std::string& sha256);
//! True when a blob is recorded.
bool BlobKnown(Tx& tx, const std::string& sha256);
//! Every recorded blob (for backups): sha256 and size.
std::vector<std::pair<std::string, std::int64_t>> ListBlobs(Tx& tx);
//! The bytes of distinct blobs each workspace's library holds: workspace id and bytes.
std::vector<std::pair<std::string, std::int64_t>> FileBytesByWorkspace(Tx& tx);

// ---- media files -----------------------------------------------------------------------------

//! Adds a media file (its version 1 is added with InsertMediaVersion).
void InsertMediaFile(Tx& tx, const MediaFileRecord& media);
//! Saves a media file's name, kind, current version and update time.
void UpdateMediaFile(Tx& tx, const MediaFileRecord& media);
//! Replaces a media file's tags.
void SetMediaTags(Tx& tx, const std::string& media_id, const std::vector<std::string>& tags);
//! Deletes a media file and its versions (its blobs stay until swept).
void DeleteMediaFile(Tx& tx, const std::string& media_id);
//! A media file with its current version and tags.
std::optional<MediaFileRecord> FindMediaFile(Tx& tx, const std::string& media_id);
//! A page of a workspace's library, newest first.
std::vector<MediaFileRecord> ListMediaFiles(Tx& tx, const MediaQuery& query);

//! Adds a version.
void InsertMediaVersion(Tx& tx, const MediaVersionRecord& version);
//! The versions of a media file, newest first.
std::vector<MediaVersionRecord> ListMediaVersions(Tx& tx, const std::string& media_id);
//! One version of a media file.
std::optional<MediaVersionRecord> FindMediaVersion(Tx& tx, const std::string& media_id,
                                                   std::int64_t number);
//! How many versions a media file has.
std::int64_t CountMediaVersions(Tx& tx, const std::string& media_id);

// ---- attachments -----------------------------------------------------------------------------

//! Adds an attachment.
void InsertAttachment(Tx& tx, const AttachmentRecord& attachment);
//! Saves an attachment's alt text and position.
void UpdateAttachment(Tx& tx, const AttachmentRecord& attachment);
//! Removes an attachment.
void DeleteAttachment(Tx& tx, const std::string& id);
//! One attachment.
std::optional<AttachmentRecord> FindAttachment(Tx& tx, const std::string& id);
//! A content's attachments, by position.
std::vector<AttachmentRecord> ListAttachments(Tx& tx, const std::string& content_id);
//! Where a media file is used, by content title.
std::vector<MediaUse> MediaUses(Tx& tx, const std::string& media_id);
//! True when `content_id` has an attachment showing `media_id`.
bool ContentShowsMedia(Tx& tx, const std::string& content_id, const std::string& media_id);
//! The next free position on a content.
std::int64_t NextAttachmentPosition(Tx& tx, const std::string& content_id);

}  // namespace copydesk::storage
