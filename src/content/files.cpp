#include "content/files.hpp"

#include <boost/json/serialize.hpp>

#include "content/approvals.hpp"
#include "content/contents.hpp"
#include "content/internal.hpp"
#include "content/loading.hpp"
#include "content/merge.hpp"
#include "content/snapshot.hpp"
#include "storage/events_store.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::content {

namespace json = boost::json;

Result<storage::ContentRecord> ContentForFiles(storage::Tx& tx, const auth::Actor& actor,
                                               const std::string& id, bool edit) {
  auto loaded =
      internal::Load(tx, actor, id, edit ? auth::Action::kEditContent : auth::Action::kReadContent);
  if (!loaded) return std::move(loaded).error();
  auto& c = loaded->content;
  if (edit && c.archived_at)
    return Error::Conflict("This content is archived. Bring it back before changing its files.");
  if (edit) {
    if (auto unlocked = internal::CheckNotLocked(tx, c); !unlocked)
      return std::move(unlocked).error();
  }
  return std::move(c);
}

bool ChangeFiles(storage::Tx& tx, storage::ContentRecord& c, const std::string& actor_id,
                 FilesChange change, TimeMs now) {
  auto latest = storage::FindRevision(tx, c.id, c.revision);
  if (latest && latest->attachments_json == change.attachments_json) return false;
  const std::string old_hash = c.content_hash;
  const std::string hash = ContentHash(c.title, internal::ParseObject(c.fields_json),
                                       change.attachments_json, c.variants_json);
  c.content_hash = hash;
  // The text's rules: the author's own recent, unlabelled working revision is refined; anything
  // else is sealed and followed by a new revision.
  const bool refine = latest && !latest->sealed && latest->author_id == actor_id &&
                      now - latest->started_at < kRevisionWindowMs && !latest->label;
  if (refine) {
    latest->content_hash = hash;
    latest->attachments_json = change.attachments_json;
    latest->saved_at = now;
    latest->saves += 1;
    storage::UpdateWorkingRevision(tx, *latest);
  } else {
    if (latest && !latest->sealed) storage::SealRevision(tx, c.id, latest->number);
    storage::RevisionRecord next;
    next.content_id = c.id;
    next.number = c.revision + 1;
    next.title = c.title;
    next.fields_json = c.fields_json;
    next.variants_json = c.variants_json;
    next.content_hash = hash;
    next.attachments_json = change.attachments_json;
    next.author_id = actor_id;
    next.reason = "edit";
    next.started_at = now;
    next.saved_at = now;
    storage::InsertRevision(tx, next);
    c.revision = next.number;
  }
  c.version += 1;
  c.updated_at = now;
  storage::UpdateContentRow(tx, c);
  storage::InsertVersionSnapshot(tx, c.id, c.version, json::serialize(internal::Snapshot(c)));
  change.data["version"] = c.version;
  change.data["revision"] = c.revision;
  storage::AppendEvent(tx, c.workspace_id, actor_id, change.event, c.id,
                       json::serialize(change.data), now);
  // Legal validated the text with these files: approvals given on the earlier ones no longer
  // hold (the notifier tells their approvers from this event).
  internal::RecordStaleApprovals(tx, c, old_hash, actor_id, now);
  return true;
}

}  // namespace copydesk::content
