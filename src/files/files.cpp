#include "files/files.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "content/files.hpp"
#include "core/random.hpp"
#include "files/access.hpp"
#include "files/file_type.hpp"
#include "storage/events_store.hpp"

namespace copydesk::files {

namespace json = boost::json;
using storage::Tx;

//! An upload whose name, size and type were checked, and its digest.
struct Files::Checked {
  Upload upload;
  FileType type;
  Digest digest;
  std::optional<std::pair<std::int64_t, std::int64_t>> dimensions;
};

namespace {

// An attachment and its content, for a change by `actor`: 404 for one they may not see (as if
// it did not exist), the content's own refusal (403, 409, 423) for one they see but may not edit.
struct EditedAttachment {
  storage::AttachmentRecord attachment;
  Standing standing;
};
Result<EditedAttachment> AttachmentToEdit(Tx& tx, const auth::Actor& actor, const std::string& id) {
  auto a = storage::FindAttachment(tx, id);
  if (!a) return Error::NotFound("No such attachment.");
  auto standing = Authorize(tx, actor, Need::kEditContentFiles, a->content_id);
  if (!standing) {
    if (standing.error().kind == ErrorKind::kNotFound)
      return Error::NotFound("No such attachment.");
    return std::move(standing).error();
  }
  return EditedAttachment{std::move(*a), std::move(*standing)};
}

MediaView ViewOfMedia(Tx& tx, storage::MediaFileRecord media, bool with_uses) {
  MediaView view;
  view.versions = storage::CountMediaVersions(tx, media.id);
  if (with_uses) view.used_in = storage::MediaUses(tx, media.id);
  view.media = std::move(media);
  return view;
}

Result<AttachmentView> ViewOfAttachment(Tx& tx, storage::AttachmentRecord a) {
  auto media = storage::FindMediaFile(tx, a.media_id);
  if (!media) return Error::Internal("attachment " + a.id + " shows no media file");
  return AttachmentView{std::move(a), ViewOfMedia(tx, std::move(*media), false)};
}

// Each content showing `media_id` records its files anew (a new version of the file it shows).
void FollowMedia(Tx& tx, const std::string& media_id, const std::string& actor_id,
                 const std::string& event, json::object data, TimeMs now) {
  std::set<std::string> done;
  for (const auto& use : storage::MediaUses(tx, media_id)) {
    if (!done.insert(use.content_id).second) continue;
    auto c = storage::FindContent(tx, use.content_id);
    if (!c) continue;
    content::ChangeFiles(tx, *c, actor_id, {RevisionAttachmentsJson(tx, c->id), event, data}, now);
  }
}

std::string EncodeCursor(const storage::MediaFileRecord& m) {
  return std::to_string(m.created_at) + "." + m.id;
}

std::optional<std::pair<TimeMs, std::string>> DecodeCursor(const std::string& cursor) {
  const auto dot = cursor.find('.');
  if (dot == std::string::npos || dot == 0) return std::nullopt;
  try {
    std::size_t used = 0;
    const TimeMs at = std::stoll(cursor.substr(0, dot), &used);
    if (used != dot) return std::nullopt;
    return std::pair{at, cursor.substr(dot + 1)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string RevisionAttachmentsJson(Tx& tx, const std::string& content_id) {
  json::array out;
  for (const auto& a : storage::ListAttachments(tx, content_id)) {
    auto media = storage::FindMediaFile(tx, a.media_id);
    if (!media) continue;
    out.push_back({{"attachment_id", a.id},
                   {"media_id", media->id},
                   {"version", media->current_version},
                   {"sha256", media->current.sha256},
                   {"name", media->name}});
  }
  return json::serialize(out);
}

// ---- uploads ---------------------------------------------------------------------------------

Result<Files::Checked> Files::Check(Upload& upload) {
  if (upload.path.empty()) {
    // A JSON body reaches an upload as JSON, not as a file.
    return Error{ErrorKind::kUnsupportedMediaType,
                 "Send the file's bytes as the body, with a content type other than JSON.",
                 {{"file", "is missing"}}};
  }
  if (auto named = CheckFileName(upload.name); !named) return std::move(named).error();
  if (upload.size == 0) return Error::InvalidField("file", "is empty");
  auto type = DetectFileType(upload.path, upload.name);
  if (!type) return std::move(type).error();
  auto digest = DigestFile(upload.path);
  if (!digest) return std::move(digest).error();
  Checked out{upload, std::move(*type), std::move(*digest), std::nullopt};
  if (out.type.kind == "image" && out.type.mime != "image/svg+xml") {
    out.dimensions = Renditions::ImageSize(upload.path);
  }
  return out;
}

Result<storage::MediaVersionRecord> Files::Store(Tx& tx, const Checked& checked,
                                                 const std::string& media_id, std::int64_t number,
                                                 const std::string& actor_id, TimeMs now) {
  // Moved into the store inside the transaction, so that the sweep (a write transaction too)
  // never deletes a blob between its upload and the row that names it.
  if (auto put = store_.Put(checked.upload.path, checked.digest.sha256); !put)
    return std::move(put).error();
  storage::UpsertBlob(tx, checked.digest.sha256, static_cast<std::int64_t>(checked.digest.size),
                      now);
  storage::MediaVersionRecord v;
  v.media_id = media_id;
  v.number = number;
  v.sha256 = checked.digest.sha256;
  v.name = checked.upload.name;
  v.mime = checked.type.mime;
  v.size = static_cast<std::int64_t>(checked.digest.size);
  if (checked.dimensions) {
    v.width = checked.dimensions->first;
    v.height = checked.dimensions->second;
  }
  v.uploaded_by = actor_id;
  v.uploaded_at = now;
  storage::InsertMediaVersion(tx, v);
  return v;
}

// ---- attachments -----------------------------------------------------------------------------

Result<std::vector<AttachmentView>> Files::Attachments(const auth::Actor& actor,
                                                       const std::string& content_id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<AttachmentView>> {
    auto standing = Authorize(tx, actor, Need::kReadContentFiles, content_id);
    if (!standing) return std::move(standing).error();
    std::vector<AttachmentView> out;
    for (auto& a : storage::ListAttachments(tx, content_id)) {
      auto view = ViewOfAttachment(tx, std::move(a));
      if (!view) return std::move(view).error();
      out.push_back(std::move(*view));
    }
    return out;
  });
}

Result<AttachmentView> Files::AttachUpload(const auth::Actor& actor, const std::string& content_id,
                                           Upload upload, const std::string& alt) {
  auto checked = Check(upload);
  if (!checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<AttachmentView> {
    return AttachChecked(tx, actor, content_id, *checked, alt, NewId());
  });
}

Result<AttachmentView> Files::AttachUploadIn(Tx& tx, const auth::Actor& actor,
                                             const std::string& content_id, Upload upload,
                                             const std::string& alt, const std::string& media_id) {
  auto checked = Check(upload);
  if (!checked) return std::move(checked).error();
  return AttachChecked(tx, actor, content_id, *checked, alt, media_id);
}

Result<AttachmentView> Files::AttachChecked(Tx& tx, const auth::Actor& actor,
                                            const std::string& content_id, const Checked& checked,
                                            const std::string& alt, const std::string& media_id) {
  auto standing = Authorize(tx, actor, Need::kEditContentFiles, content_id);
  if (!standing) return std::move(standing).error();
  auto& c = *standing->content;
  const TimeMs now = NowMs();
  storage::MediaFileRecord media;
  media.id = media_id;
  media.workspace_id = c.workspace_id;
  media.name = checked.upload.name;
  media.kind = checked.type.kind;
  media.current_version = 1;
  media.created_by = actor.user.id;
  media.created_at = now;
  media.updated_at = now;
  storage::InsertMediaFile(tx, media);
  auto version = Store(tx, checked, media.id, 1, actor.user.id, now);
  if (!version) return std::move(version).error();
  storage::AttachmentRecord a{
      NewId(), c.id, media.id, alt, storage::NextAttachmentPosition(tx, c.id), actor.user.id, now};
  storage::InsertAttachment(tx, a);
  storage::AppendEvent(tx, c.workspace_id, actor.user.id, "media.created", media.id,
                       json::serialize(json::object{{"name", media.name}}), now);
  content::ChangeFiles(
      tx, c, actor.user.id,
      {RevisionAttachmentsJson(tx, c.id), "attachment.added",
       json::object{{"attachment_id", a.id}, {"media_id", media.id}, {"name", media.name}}},
      now);
  return ViewOfAttachment(tx, std::move(a));
}

Result<AttachmentView> Files::AttachMedia(const auth::Actor& actor, const std::string& content_id,
                                          const std::string& media_id, const std::string& alt) {
  return db_.Write([&](Tx& tx) -> Result<AttachmentView> {
    auto standing = Authorize(tx, actor, Need::kEditContentFiles, content_id);
    if (!standing) return std::move(standing).error();
    auto& c = *standing->content;
    auto media = MayReadMedia(tx, actor, media_id, nullptr);
    if (!media || media->media.workspace_id != c.workspace_id)
      return Error::InvalidField("media_id", "is not a file of this workspace's library");
    const TimeMs now = NowMs();
    storage::AttachmentRecord a{
        NewId(),       c.id, media_id, alt, storage::NextAttachmentPosition(tx, c.id),
        actor.user.id, now};
    storage::InsertAttachment(tx, a);
    content::ChangeFiles(
        tx, c, actor.user.id,
        {RevisionAttachmentsJson(tx, c.id), "attachment.added",
         json::object{
             {"attachment_id", a.id}, {"media_id", media_id}, {"name", media->media.name}}},
        now);
    return ViewOfAttachment(tx, std::move(a));
  });
}

Result<AttachmentView> Files::UpdateAttachment(const auth::Actor& actor, const std::string& id,
                                               std::optional<std::string> alt,
                                               std::optional<std::int64_t> position) {
  return db_.Write([&](Tx& tx) -> Result<AttachmentView> {
    auto editing = AttachmentToEdit(tx, actor, id);
    if (!editing) return std::move(editing).error();
    auto* a = &editing->attachment;
    auto* standing = &editing->standing;
    auto& c = *standing->content;
    const TimeMs now = NowMs();
    const bool alt_changed = alt && *alt != a->alt;
    if (alt) a->alt = std::move(*alt);
    if (position) a->position = *position;
    storage::UpdateAttachment(tx, *a);
    if (alt_changed) {
      storage::AppendEvent(
          tx, c.workspace_id, actor.user.id, "attachment.updated", c.id,
          json::serialize(
              json::object{{"attachment_id", a->id}, {"media_id", a->media_id}, {"alt", a->alt}}),
          now);
    }
    // A new order is a change of what goes out (the revision lists the files by position).
    content::ChangeFiles(tx, c, actor.user.id,
                         {RevisionAttachmentsJson(tx, c.id), "attachment.updated",
                          json::object{{"attachment_id", a->id}, {"media_id", a->media_id}}},
                         now);
    return ViewOfAttachment(tx, std::move(*a));
  });
}

Result<void> Files::RemoveAttachment(const auth::Actor& actor, const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto editing = AttachmentToEdit(tx, actor, id);
    if (!editing) return std::move(editing).error();
    auto* a = &editing->attachment;
    auto* standing = &editing->standing;
    auto& c = *standing->content;
    auto media = storage::FindMediaFile(tx, a->media_id);
    storage::DeleteAttachment(tx, id);
    content::ChangeFiles(
        tx, c, actor.user.id,
        {RevisionAttachmentsJson(tx, c.id), "attachment.removed",
         json::object{
             {"attachment_id", id}, {"media_id", a->media_id}, {"name", media ? media->name : ""}}},
        NowMs());
    return {};
  });
}

Result<AttachmentView> Files::AddAttachmentVersion(const auth::Actor& actor, const std::string& id,
                                                   Upload upload) {
  auto checked = Check(upload);
  if (!checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<AttachmentView> {
    auto editing = AttachmentToEdit(tx, actor, id);
    if (!editing) return std::move(editing).error();
    auto* a = &editing->attachment;
    auto media = storage::FindMediaFile(tx, a->media_id);
    if (!media) return Error::NotFound("No such attachment.");
    const TimeMs now = NowMs();
    auto version = Store(tx, *checked, media->id, media->current_version + 1, actor.user.id, now);
    if (!version) return std::move(version).error();
    media->current_version = version->number;
    media->kind = checked->type.kind;
    media->updated_at = now;
    storage::UpdateMediaFile(tx, *media);
    FollowMedia(
        tx, media->id, actor.user.id, "media.version_added",
        {{"media_id", media->id}, {"name", media->name}, {"media_version", version->number}}, now);
    return ViewOfAttachment(tx, std::move(*a));
  });
}

// ---- the library -----------------------------------------------------------------------------

Result<MediaView> Files::MayReadMedia(Tx& tx, const auth::Actor& actor, const std::string& media_id,
                                      const ShownContent* shown) {
  auto media = storage::FindMediaFile(tx, media_id);
  if (!media) return Error::NotFound("No such file.");
  if (!shown) {
    auto standing = Authorize(tx, actor, Need::kReadLibrary, media->workspace_id);
    if (standing && standing->whole_library) return ViewOfMedia(tx, std::move(*media), true);
  }
  // Otherwise (a guest, a visitor): a file attached to a content they may read.
  for (const auto& use : storage::MediaUses(tx, media_id)) {
    if (shown && !(*shown)(use.content_id)) continue;
    if (Authorize(tx, actor, Need::kReadContentFiles, use.content_id))
      return ViewOfMedia(tx, std::move(*media), false);
  }
  return Error::NotFound("No such file.");
}

Result<MediaPage> Files::Library(const auth::Actor& actor, const std::string& ws,
                                 const MediaFilter& filter) {
  return db_.Read([&](Tx& tx) -> Result<MediaPage> {
    auto standing = Authorize(tx, actor, Need::kReadLibrary, ws);
    if (!standing) return std::move(standing).error();
    storage::MediaQuery q;
    q.workspace_id = standing->workspace_id;
    q.text = filter.text;
    q.tag = filter.tag;
    q.kind = filter.kind;
    if (!standing->whole_library) q.shared_with = actor.user.id;
    if (filter.cursor) {
      q.after = DecodeCursor(*filter.cursor);
      if (!q.after) return Error::InvalidField("cursor", "is not a cursor this list gave");
    }
    q.limit = filter.limit + 1;
    auto rows = storage::ListMediaFiles(tx, q);
    MediaPage page;
    if (static_cast<int>(rows.size()) > filter.limit) {
      rows.pop_back();
      page.next_cursor = EncodeCursor(rows.back());
    }
    for (auto& m : rows) {
      auto view = ViewOfMedia(tx, std::move(m), true);
      if (!standing->whole_library) {
        // A guest learns where a file is used only among what is shared with them.
        std::erase_if(view.used_in, [&](const storage::MediaUse& use) {
          return !Authorize(tx, actor, Need::kReadContentFiles, use.content_id);
        });
      }
      page.items.push_back(std::move(view));
    }
    return page;
  });
}

Result<MediaView> Files::AddToLibrary(const auth::Actor& actor, const std::string& ws,
                                      Upload upload) {
  auto checked = Check(upload);
  if (!checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<MediaView> {
    auto standing = Authorize(tx, actor, Need::kAddToLibrary, ws);
    if (!standing) return std::move(standing).error();
    const TimeMs now = NowMs();
    storage::MediaFileRecord media;
    media.id = NewId();
    media.workspace_id = standing->workspace_id;
    media.name = checked->upload.name;
    media.kind = checked->type.kind;
    media.current_version = 1;
    media.created_by = actor.user.id;
    media.created_at = now;
    media.updated_at = now;
    storage::InsertMediaFile(tx, media);
    auto version = Store(tx, *checked, media.id, 1, actor.user.id, now);
    if (!version) return std::move(version).error();
    storage::AppendEvent(tx, media.workspace_id, actor.user.id, "media.created", media.id,
                         json::serialize(json::object{{"name", media.name}}), now);
    auto stored = storage::FindMediaFile(tx, media.id);
    return ViewOfMedia(tx, std::move(*stored), true);
  });
}

Result<MediaView> Files::UpdateMedia(const auth::Actor& actor, const std::string& media_id,
                                     std::optional<std::string> name,
                                     std::optional<std::vector<std::string>> tags) {
  if (name) {
    if (auto named = CheckFileName(*name); !named) return std::move(named).error();
  }
  return db_.Write([&](Tx& tx) -> Result<MediaView> {
    auto media = MayReadMedia(tx, actor, media_id, nullptr);
    if (!media) return std::move(media).error();
    auto standing = Authorize(tx, actor, Need::kManageLibrary, media->media.workspace_id);
    if (!standing) return std::move(standing).error();
    auto& m = media->media;
    const TimeMs now = NowMs();
    const bool renamed = name && *name != m.name;
    if (name) m.name = std::move(*name);
    m.updated_at = now;
    storage::UpdateMediaFile(tx, m);
    if (tags) storage::SetMediaTags(tx, m.id, *tags);
    storage::AppendEvent(tx, m.workspace_id, actor.user.id, "media.updated", m.id,
                         json::serialize(json::object{{"name", m.name}}), now);
    // The revisions record the file's name: a new name is a change of the contents showing it.
    if (renamed) {
      FollowMedia(tx, m.id, actor.user.id, "attachment.updated",
                  {{"media_id", m.id}, {"name", m.name}}, now);
    }
    auto stored = storage::FindMediaFile(tx, m.id);
    return ViewOfMedia(tx, std::move(*stored), true);
  });
}

Result<MediaView> Files::AddMediaVersion(const auth::Actor& actor, const std::string& media_id,
                                         Upload upload) {
  auto checked = Check(upload);
  if (!checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<MediaView> {
    auto media = MayReadMedia(tx, actor, media_id, nullptr);
    if (!media) return std::move(media).error();
    auto standing = Authorize(tx, actor, Need::kManageLibrary, media->media.workspace_id);
    if (!standing) return std::move(standing).error();
    auto& m = media->media;
    const TimeMs now = NowMs();
    auto version = Store(tx, *checked, m.id, m.current_version + 1, actor.user.id, now);
    if (!version) return std::move(version).error();
    m.current_version = version->number;
    m.kind = checked->type.kind;
    m.updated_at = now;
    storage::UpdateMediaFile(tx, m);
    json::object data{{"media_id", m.id}, {"name", m.name}, {"media_version", version->number}};
    if (storage::MediaUses(tx, m.id).empty()) {
      storage::AppendEvent(tx, m.workspace_id, actor.user.id, "media.version_added", m.id,
                           json::serialize(data), now);
    }
    FollowMedia(tx, m.id, actor.user.id, "media.version_added", data, now);
    auto stored = storage::FindMediaFile(tx, m.id);
    return ViewOfMedia(tx, std::move(*stored), true);
  });
}

Result<void> Files::DeleteMedia(const auth::Actor& actor, const std::string& media_id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto media = MayReadMedia(tx, actor, media_id, nullptr);
    if (!media) return std::move(media).error();
    auto standing = Authorize(tx, actor, Need::kManageLibrary, media->media.workspace_id);
    if (!standing) return std::move(standing).error();
    if (!storage::MediaUses(tx, media_id).empty()) {
      return Error::Conflict("This file is attached to contents. Remove it from them first.");
    }
    storage::DeleteMediaFile(tx, media_id);
    storage::AppendEvent(tx, media->media.workspace_id, actor.user.id, "media.deleted", media_id,
                         json::serialize(json::object{{"name", media->media.name}}), NowMs());
    return {};
  });
}

Result<std::vector<storage::MediaVersionRecord>> Files::Versions(const auth::Actor& actor,
                                                                 const std::string& media_id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::MediaVersionRecord>> {
    auto media = MayReadMedia(tx, actor, media_id, nullptr);
    if (!media) return std::move(media).error();
    return storage::ListMediaVersions(tx, media_id);
  });
}

// ---- reading the bytes -----------------------------------------------------------------------

Result<FileToSend> Files::Download(const auth::Actor& actor, const std::string& media_id,
                                   std::optional<std::int64_t> number, const ShownContent* shown) {
  auto version = db_.Read([&](Tx& tx) -> Result<storage::MediaVersionRecord> {
    auto media = MayReadMedia(tx, actor, media_id, shown);
    if (!media) return std::move(media).error();
    if (!number) return media->media.current;
    auto found = storage::FindMediaVersion(tx, media_id, *number);
    if (!found) return Error::NotFound("No such version.");
    return std::move(*found);
  });
  if (!version) return std::move(version).error();
  auto path = store_.LocalPath(version->sha256);
  if (!path) return Error::Internal("blob " + version->sha256 + " is missing from the store");
  return FileToSend{std::move(*path), std::move(*version)};
}

Result<RenditionToSend> Files::Thumbnail(const auth::Actor& actor, const std::string& media_id,
                                         std::optional<std::int64_t> number,
                                         const std::string& size, const ShownContent* shown) {
  if (!RenditionPixels(size)) return Error::InvalidField("size", "must be thumb or web");
  auto file = Download(actor, media_id, number, shown);
  if (!file) return std::move(file).error();
  if (!HasRenditions(file->version.mime))
    return Error::NotFound("This type of file has no thumbnail.");
  auto rendition = renditions_.Get(file->version.sha256, file->path, size);
  if (!rendition) return std::move(rendition).error();
  return RenditionToSend{std::move(*rendition), std::move(file->version)};
}

std::string Files::MetricsText() {
  const auto bytes = db_.Read([](Tx& tx) { return storage::FileBytesByWorkspace(tx); });
  std::string out =
      "# HELP copydesk_files_bytes Bytes of stored files in each workspace's library.\n"
      "# TYPE copydesk_files_bytes gauge\n";
  for (const auto& [workspace, size] : bytes) {
    out += "copydesk_files_bytes{workspace=\"" + workspace + "\"} " + std::to_string(size) + "\n";
  }
  return out;
}

// ---- the sweep -------------------------------------------------------------------------------

int Files::Sweep(TimeMs now, std::int64_t retention_ms) {
  int removed = 0;
  // Files no row names (a transaction rolled back after moving its file in): once as old as
  // the retention, they go. Looked at before the rows, in their own transaction with the delete.
  const auto stored = store_.List();
  auto swept = db_.Write([&](Tx& tx) -> Result<void> {
    for (const auto& [sha, written_at] : stored) {
      if (written_at < now - retention_ms && !storage::BlobKnown(tx, sha)) {
        store_.Remove(sha);
        ++removed;
      }
    }
    storage::MarkUnreferencedBlobs(tx, now);
    for (const auto& sha : storage::ExpiredBlobs(tx, now - retention_ms)) {
      // In the writer's transaction: no upload can name this blob between the check and the
      // delete (uploads move their file in inside a write transaction too).
      storage::DeleteBlob(tx, sha);
      store_.Remove(sha);
      ++removed;
    }
    return {};
  });
  return swept ? removed : 0;
}

}  // namespace copydesk::files
