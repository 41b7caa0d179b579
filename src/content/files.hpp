#pragma once

// The files a content goes out with are part of what it is: a change of its attachments is a
// change of the content (a revision, its hash, stale approvals), made here beside the text's
// own rules. The attachments themselves live in files/.

#include <boost/json/object.hpp>
#include <string>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

namespace copydesk::content {

//! A content for its files: 404 when the actor may not read it; with `edit`, 403 when they may
//! read but not edit it, 409 when archived, 423 when locked.
Result<storage::ContentRecord> ContentForFiles(storage::Tx& tx, const auth::Actor& actor,
                                               const std::string& id, bool edit);

//! A change of a content's files, as its revision will record them.
struct FilesChange {
  //! [{attachment_id, media_id, version, sha256, name}] by position; "[]" for none.
  std::string attachments_json;
  std::string event;         //!< attachment.added, attachment.removed, media.version_added…
  boost::json::object data;  //!< the event's data (version and revision are added)
};

//! Records `change` on `c` (read with ContentForFiles, or one a library file it shows was
//! replaced in): a new content hash; the author's recent working revision refined or a new one
//! opened, by the text's rules; approvals given on the earlier files marked stale; its event.
//! False when the files are the same as the revision's: nothing is written.
bool ChangeFiles(storage::Tx& tx, storage::ContentRecord& c, const std::string& actor_id,
                 FilesChange change, TimeMs now);

}  // namespace copydesk::content
