#pragma once

// Files beside the text: a workspace's media library (files with versions), the attachments of
// contents (each shows its media file's current version), downloads and renditions. Every
// change of a content's files is a change of the content (content/files.hpp).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/config.hpp"
#include "core/result.hpp"
#include "files/blob_store.hpp"
#include "files/renditions.hpp"
#include "storage/database.hpp"
#include "storage/files_store.hpp"

namespace copydesk::files {

//! A finished upload: the server's temporary file and the name it was sent under.
struct Upload {
  std::string path;  //!< taken by the store (renamed) when the upload is accepted
  std::uint64_t size = 0;
  std::string name;
};

//! A media file with what its readers see beside it.
struct MediaView {
  storage::MediaFileRecord media;
  std::int64_t versions = 0;
  std::vector<storage::MediaUse> used_in;  //!< only filled where the answer shows it
};

//! An attachment with its media file.
struct AttachmentView {
  storage::AttachmentRecord attachment;
  MediaView media;
};

//! A page of the library.
struct MediaPage {
  std::vector<MediaView> items;
  std::optional<std::string> next_cursor;
};

//! A stored file to send: its bytes, and the version they are.
struct FileToSend {
  std::string path;
  storage::MediaVersionRecord version;
};

//! A rendition to send.
struct RenditionToSend {
  Rendition rendition;
  storage::MediaVersionRecord version;
};

//! Library listing input (GET /workspaces/{ws}/media).
struct MediaFilter {
  std::optional<std::string> text, tag, kind, cursor;
  int limit = 50;
};

//! What a review link shows: asked of each content a file is attached to.
using ShownContent = std::function<bool(const std::string& content_id)>;

//! The files service. Uploads are checked (name, emptiness, type from the bytes) and hashed
//! before the transaction; the transaction checks access, moves the file into the store and
//! writes the rows, the content's revision and the events.
class Files {
 public:
  Files(storage::Database& db, BlobStore& store, Renditions& renditions)
      : db_(db), store_(store), renditions_(renditions) {}

  //! A content's attachments, by position.
  Result<std::vector<AttachmentView>> Attachments(const auth::Actor& actor,
                                                  const std::string& content_id);
  //! Uploads a new library file and attaches it to a content.
  Result<AttachmentView> AttachUpload(const auth::Actor& actor, const std::string& content_id,
                                      Upload upload, const std::string& alt);
  //! AttachUpload in the caller's transaction, as library file `media_id`: an import writes its
  //! content, its images and its comments together, and names each image's file before the text
  //! that shows it is written.
  Result<AttachmentView> AttachUploadIn(storage::Tx& tx, const auth::Actor& actor,
                                        const std::string& content_id, Upload upload,
                                        const std::string& alt, const std::string& media_id);
  //! Attaches a file of the content's library (no new upload).
  Result<AttachmentView> AttachMedia(const auth::Actor& actor, const std::string& content_id,
                                     const std::string& media_id, const std::string& alt);
  //! Changes an attachment's alt text or position.
  Result<AttachmentView> UpdateAttachment(const auth::Actor& actor, const std::string& id,
                                          std::optional<std::string> alt,
                                          std::optional<std::int64_t> position);
  //! Removes an attachment (its media file stays in the library).
  Result<void> RemoveAttachment(const auth::Actor& actor, const std::string& id);
  //! Uploads a new version of an attachment's media file: every content showing it changes.
  Result<AttachmentView> AddAttachmentVersion(const auth::Actor& actor, const std::string& id,
                                              Upload upload);

  //! A library page of workspace `ws`.
  Result<MediaPage> Library(const auth::Actor& actor, const std::string& ws,
                            const MediaFilter& filter);
  //! Uploads a file into the library of `ws`.
  Result<MediaView> AddToLibrary(const auth::Actor& actor, const std::string& ws, Upload upload);
  //! Renames or retags a library file.
  Result<MediaView> UpdateMedia(const auth::Actor& actor, const std::string& media_id,
                                std::optional<std::string> name,
                                std::optional<std::vector<std::string>> tags);
  //! A new version of a library file, replacing it everywhere it is used.
  Result<MediaView> AddMediaVersion(const auth::Actor& actor, const std::string& media_id,
                                    Upload upload);
  //! Deletes a library file used nowhere (409 otherwise).
  Result<void> DeleteMedia(const auth::Actor& actor, const std::string& media_id);
  //! A library file's versions, newest first.
  Result<std::vector<storage::MediaVersionRecord>> Versions(const auth::Actor& actor,
                                                            const std::string& media_id);

  //! The bytes of version `number` (nullopt: current) of a media file. With `shown` (a review
  //! link's visitor), only a file attached to a content the link shows.
  Result<FileToSend> Download(const auth::Actor& actor, const std::string& media_id,
                              std::optional<std::int64_t> number,
                              const ShownContent* shown = nullptr);
  //! A rendition ("thumb", "web") of an image or PDF version; 404 for other types.
  Result<RenditionToSend> Thumbnail(const auth::Actor& actor, const std::string& media_id,
                                    std::optional<std::int64_t> number, const std::string& size,
                                    const ShownContent* shown = nullptr);

  //! The bytes of stored files each workspace's library holds, as Prometheus text
  //! (copydesk_files_bytes{workspace="…"}).
  std::string MetricsText();

  //! Deletes blobs unreferenced for longer than `retention_ms`, and stored files no row names
  //! (a transaction that failed after moving its file) as old. Returns how many went.
  int Sweep(TimeMs now, std::int64_t retention_ms);

 private:
  struct Checked;
  Result<Checked> Check(Upload& upload);
  Result<AttachmentView> AttachChecked(storage::Tx& tx, const auth::Actor& actor,
                                       const std::string& content_id, const Checked& checked,
                                       const std::string& alt, const std::string& media_id);
  Result<storage::MediaVersionRecord> Store(storage::Tx& tx, const Checked& checked,
                                            const std::string& media_id, std::int64_t number,
                                            const std::string& actor_id, TimeMs now);
  Result<MediaView> MayReadMedia(storage::Tx& tx, const auth::Actor& actor,
                                 const std::string& media_id, const ShownContent* shown);

  storage::Database& db_;
  BlobStore& store_;
  Renditions& renditions_;
};

//! The JSON an attachment's revision records for the content's current attachments.
std::string RevisionAttachmentsJson(storage::Tx& tx, const std::string& content_id);

}  // namespace copydesk::files
