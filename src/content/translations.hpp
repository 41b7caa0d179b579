#pragma once

// Linked translations (issue 20): contents in other languages linked to one source. A
// translation remembers the source's text (its hash) it was last brought up to date with and is
// out of date as soon as the source's text is another one — the mechanism of stale approvals —
// until someone marks it up to date again.

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/translations_store.hpp"

namespace copydesk::content {

struct ContentView;
struct FieldDiff;
class Contents;

//! The languages contents are written in (the contents table's `language` check): the ones a
//! source can be missing a translation in.
inline constexpr const char* kTranslationLanguages[] = {"en", "fr"};

//! One language of a group as a reader sees it.
struct TranslationLanguage {
  std::string language;
  std::string content_id;
  std::string title;
  bool is_source = false;
  std::optional<std::string> state;  //!< a translation's: "up_to_date" or "out_of_date"
};

//! Where a content stands among its linked translations.
struct TranslationView {
  std::string source_id;
  bool is_source = false;
  //! The group's contents the reader may read, the source first, then by language.
  std::vector<TranslationLanguage> languages;
  std::optional<std::int64_t> synced_revision;  //!< a translation's: the source's revision synced
  std::optional<std::int64_t> source_revision;  //!< a translation's: the source's current one
  std::optional<std::string> state;             //!< a translation's: up_to_date or out_of_date
};

//! "up_to_date" when the source's text is still the one synced (same hash), else "out_of_date".
std::string TranslationState(const std::string& source_hash, const std::string& synced_hash);

//! Where `content_id` stands in `group` (its members as ListTranslationGroups reads them, those
//! of other contents ignored); nullopt when it is linked to nothing.
std::optional<TranslationView> SummarizeTranslation(
    const std::string& content_id, const std::vector<storage::TranslationMemberRecord>& group);

//! The values of the `translation` filter a content matches: "out_of_date" for a translation
//! whose source changed since; "missing" for a content that translates nothing and lacks a
//! linked content in another of kTranslationLanguages. Members of other contents are ignored.
std::vector<std::string> TranslationFilterStates(
    const std::string& content_id, const std::string& language,
    const std::vector<storage::TranslationMemberRecord>& group);

//! Sets `translation` on each view, reading the page's groups in one query; `shared_with` (a
//! guest) lists only the linked contents shared with them.
void FillTranslations(storage::Tx& tx, std::vector<ContentView*> views,
                      const std::optional<std::string>& shared_with);

//! The source's changes since a translation was last brought up to date.
struct SourceDiff {
  std::string source_id;
  std::int64_t from = 0;  //!< the revision synced
  std::int64_t to = 0;    //!< the source's current revision
  std::vector<FieldDiff> fields;
};

//! Creating, linking, unlinking translations and marking them up to date: each a command in one
//! transaction with its event.
class Translations {
 public:
  Translations(storage::Database& db, Contents& contents) : db_(db), contents_(contents) {}

  //! A new content in `language` translating `source_id`: same type, channels, project and
  //! dates, the source's text to translate, owned by the caller, synced to the source's current
  //! revision. A translation's own source is used when `source_id` is a translation.
  Result<ContentView> Create(const auth::Actor& actor, const std::string& source_id,
                             const std::string& language);
  //! Links content `id` as a translation of `source_id`, synced to the source's current revision.
  Result<ContentView> Link(const auth::Actor& actor, const std::string& id,
                           const std::string& source_id);
  //! Unlinks translation `id` from its source.
  Result<ContentView> Unlink(const auth::Actor& actor, const std::string& id);
  //! Marks translation `id` brought up to date with its source's `revision` (default: current).
  Result<ContentView> MarkSynced(const auth::Actor& actor, const std::string& id,
                                 std::optional<std::int64_t> revision);
  //! How the source of translation `id` changed since it was last brought up to date.
  Result<SourceDiff> DiffSource(const auth::Actor& actor, const std::string& id);

 private:
  storage::Database& db_;
  Contents& contents_;
};

}  // namespace copydesk::content
