#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/policy.hpp"
#include "content/approvals.hpp"
#include "content/text_diff.hpp"
#include "content/translations.hpp"
#include "core/result.hpp"
#include "storage/content_filter.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"
#include "storage/settings_store.hpp"
#include "workspace/content_type.hpp"

namespace copydesk::content {

//! Saves by one author within this window refine one working revision.
inline constexpr TimeMs kRevisionWindowMs = 15LL * 60 * 1000;
//! Versions kept for three-way merges of writes based on an older version.
inline constexpr std::int64_t kVersionsKept = 500;
//! Largest value of one text field, in bytes (413 above).
inline constexpr std::size_t kMaxFieldBytes = 1 << 20;
//! Longest title people see as fine, in characters (longer is saved and reported).
inline constexpr std::int64_t kTitleLimit = 200;

//! A rule of the template or of a channel that the text breaks. Reported, never enforced:
//! people draft long and cut later.
struct Violation {
  std::string field;  //!< "title", a field key, or "variants.<channel id>.<key>"
  //! "required", "max_length", "channel_limit", "hashtag_limit" or "mention_limit"
  std::string rule;
  std::int64_t limit = 0;
  std::int64_t actual = 0;
  std::optional<std::string> channel_id;  //!< with channel_limit
};

//! What a create or a change says; unset members are left as they are.
struct ContentInput {
  std::optional<std::string> type;  //!< id or key; create only
  std::optional<std::string> title;
  std::optional<std::string> language;
  std::optional<boost::json::object> fields;  //!< a null value clears that field
  std::optional<std::vector<std::string>> channels;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<std::string>> assignees;
  std::optional<std::optional<std::string>> project;
  std::optional<std::optional<std::string>> owner;
  std::optional<std::optional<TimeMs>> due_at;
  std::optional<std::optional<TimeMs>> publish_at;
  //! Per channel id: {"fields": {key: text|null}, "visual": attachment id|null} merged key by
  //! key into its variant, or null to reset the variant to the main text.
  std::optional<boost::json::object> variants;
};

//! One field of a variant as its network counts it.
struct VariantCount {
  std::string key;
  std::int64_t count = 0;
  std::optional<std::int64_t> limit;
};

//! A content's variant for one of its channels that has a network.
struct VariantView {
  std::string channel_id;
  std::string channel_name;
  std::string network;
  boost::json::object fields;
  std::optional<std::string> visual;  //!< an image attachment of the content
  std::vector<VariantCount> counts;   //!< each field of the network that has text
};

//! A content with what its readers need beside it.
struct ContentView {
  storage::ContentRecord content;
  storage::ContentTypeRecord type;
  std::vector<workspace::FieldDef> fields;
  std::vector<Violation> violations;
  std::optional<storage::StatusRecord> status;
  ApprovalSummary approvals;
  std::vector<VariantView> variants;  //!< filled when the content is read alone
  bool merged = false;  //!< this write was merged with changes made since its base version
  //! The level shared with the reader on it, when their role alone does not let them read it (a
  //! guest): what the app offers them — read, comment or edit.
  std::optional<auth::ShareLevel> shared;
  //! Its linked translations, as far as the reader may read them; none when it is linked to
  //! nothing.
  std::optional<TranslationView> translation;
};

//! One page of a content list.
struct ContentPage {
  std::vector<ContentView> items;
  std::optional<std::string> next_cursor;
};

//! What a content list or the board asks for: the filter every screen shares, in an order, a
//! page at a time.
struct ListFilter : storage::ContentFilter {
  std::string sort = "updated";
  bool descending = true;
  std::optional<std::string> cursor;
  int limit = 50;
};

//! How one field differs between two revisions.
struct FieldDiff {
  std::string field;
  std::optional<std::string> label;  //!< for a variant's field: "X · Text"
  bool text = false;                 //!< word diff available
  bool changed = false;
  std::vector<DiffOp> ops;
  std::string html;
  boost::json::value before;
  boost::json::value after;
};

//! Contents and their history. Every change is a command in one transaction with its event.
class Contents {
 public:
  explicit Contents(storage::Database& db) : db_(db) {}

  //! Creates a content in workspace `ws` (type and title required) with revision 1.
  Result<ContentView> Create(const auth::Actor& actor, const std::string& ws, ContentInput input);
  //! One content, with its violations.
  Result<ContentView> Get(const auth::Actor& actor, const std::string& id);
  //! Changes a content written on top of `base_version`. A stale base is merged three-way,
  //! property by property and paragraph by paragraph; overlapping changes answer 409 with the
  //! base, current and proposed values, and nothing is written.
  Result<ContentView> Update(const auth::Actor& actor, const std::string& id,
                             std::int64_t base_version, ContentInput input);
  //! Archives (hides from lists) or brings back a content.
  Result<ContentView> SetArchived(const auth::Actor& actor, const std::string& id, bool archived);
  //! Deletes an archived content and its history for good (owners and admins).
  Result<void> Purge(const auth::Actor& actor, const std::string& id);
  //! A page of the workspace's contents.
  Result<ContentPage> List(const auth::Actor& actor, const std::string& ws,
                           const ListFilter& filter);

  //! The revisions of a content, newest first, without their text.
  Result<std::vector<storage::RevisionRecord>> Revisions(const auth::Actor& actor,
                                                         const std::string& id);
  //! One revision with its full snapshot.
  Result<storage::RevisionRecord> Revision(const auth::Actor& actor, const std::string& id,
                                           std::int64_t number);
  //! Field by field, how revision `to` differs from revision `from`.
  Result<std::vector<FieldDiff>> Diff(const auth::Actor& actor, const std::string& id,
                                      std::int64_t from, std::int64_t to);
  //! Labels a revision ("sent to legal"), which seals it; an empty label removes the label.
  Result<storage::RevisionRecord> Label(const auth::Actor& actor, const std::string& id,
                                        std::int64_t number, const std::string& label);
  //! Makes revision `number`'s text current again, as a new revision: history is never
  //! rewritten.
  Result<ContentView> Restore(const auth::Actor& actor, const std::string& id, std::int64_t number);

 private:
  storage::Database& db_;
};

//! Creates a content in the caller's transaction (for importers and generators that batch many
//! creates in one transaction); Contents::Create is this in a transaction of its own.
Result<ContentView> CreateContent(storage::Tx& tx, const auth::Actor& actor, const std::string& ws,
                                  ContentInput input, TimeMs now);

//! Changes a content in the caller's transaction; Contents::Update is this in a transaction of
//! its own.
Result<ContentView> UpdateContent(storage::Tx& tx, const auth::Actor& actor, const std::string& id,
                                  std::int64_t base_version, ContentInput input, TimeMs now);

//! A filter made ready for storage in the caller's transaction: the workspace the actor may read
//! (404/403 otherwise), only what is shared with a guest, types resolved, channels widened to
//! their sub-channels, tags folded, now set for "late".
Result<storage::ContentQuery> ScopeQuery(storage::Tx& tx, const auth::Actor& actor,
                                         const std::string& ws, storage::ContentQuery query);

//! The views of a page of contents of one workspace, reading its settings once for the page;
//! `shared_with` (a scoped query's: a guest) limits the linked translations listed to theirs.
std::vector<ContentView> ViewsOf(storage::Tx& tx, const std::string& workspace_id,
                                 std::vector<storage::ContentRecord> rows,
                                 const std::optional<std::string>& shared_with);

//! The violations of a content's text against its template and its channels' limits.
std::vector<Violation> FindViolations(const storage::ContentRecord& content,
                                      const std::vector<workspace::FieldDef>& fields,
                                      const std::vector<storage::ChannelRecord>& channels);

}  // namespace copydesk::content
