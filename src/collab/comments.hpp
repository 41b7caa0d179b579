#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/collab_store.hpp"
#include "storage/database.hpp"

namespace copydesk::collab {

//! Longest comment body, in characters.
inline constexpr std::size_t kMaxCommentChars = 10000;
//! Longest quoted passage of an anchor, in characters.
inline constexpr std::size_t kMaxQuoteChars = 1000;

//! Where a comment points: a passage of a field, as the writer saw it.
struct AnchorInput {
  std::string field;                     //!< "title" or a field key
  std::string quote;                     //!< the passage, exactly as in the text
  std::optional<std::int64_t> revision;  //!< the revision the writer read; current when absent
  std::optional<std::int64_t> offset;    //!< characters before the passage in that revision
};

//! What a new comment or a change says; unset members are left as they are.
struct CommentInput {
  std::optional<std::string> body;  //!< Markdown
  std::optional<std::string> parent;
  std::optional<AnchorInput> anchor;
  std::optional<bool> internal;
};

//! A thread: its first comment (which carries the anchor and the resolution) and the replies.
struct Thread {
  storage::CommentRecord root;
  std::vector<storage::CommentRecord> replies;
};

//! Comment threads on contents. Every change is a command with its event; mentions and replies
//! notify the people concerned who may read the content.
class Comments {
 public:
  explicit Comments(storage::Database& db) : db_(db) {}

  //! The threads of a content, oldest first.
  Result<std::vector<Thread>> List(const auth::Actor& actor, const std::string& content_id);
  //! Starts a thread (general or anchored) or replies to one. A reply to a reply joins its
  //! thread: threads are one level deep.
  Result<storage::CommentRecord> Create(const auth::Actor& actor, const std::string& content_id,
                                        CommentInput input);
  //! Changes one's own comment (body, internal).
  Result<storage::CommentRecord> Update(const auth::Actor& actor, const std::string& id,
                                        CommentInput input);
  //! Deletes one's own comment (admins: anyone's); a thread's first comment takes its replies.
  Result<void> Delete(const auth::Actor& actor, const std::string& id);
  //! Resolves or reopens the thread a comment belongs to.
  Result<Thread> SetResolved(const auth::Actor& actor, const std::string& id, bool resolved);

 private:
  storage::Database& db_;
};

//! Comments::Create in the caller's transaction (an import writes its content and the comments
//! it carries together).
Result<storage::CommentRecord> CreateComment(storage::Tx& tx, const auth::Actor& actor,
                                             const std::string& content_id, CommentInput input,
                                             TimeMs now);

}  // namespace copydesk::collab
