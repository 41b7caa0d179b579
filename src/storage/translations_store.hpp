#pragma once

// Linked translations as stored (migration 0025): which content translates which source, and the
// source's revision and hash it was last brought up to date with.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A content linked as the translation of a source content.
struct TranslationLinkRecord {
  std::string content_id;  //!< the translation
  std::string source_id;
  std::int64_t synced_revision = 0;  //!< the source's revision it was last brought up to date with
  std::string synced_hash;           //!< that revision's content hash
  TimeMs synced_at = 0;
  std::optional<std::string> synced_by;
  TimeMs linked_at = 0;
};

//! One content of a translation group, as a page of contents reads it.
struct TranslationMemberRecord {
  std::string asked_id;  //!< the content of the page whose group this member belongs to
  std::string content_id;
  std::string language;
  std::string title;
  std::string content_hash;
  std::int64_t revision = 0;
  std::optional<TranslationLinkRecord> link;  //!< set on translations, unset on the source
  bool readable = true;  //!< the reader may read it (a guest: shared with them)
};

//! The link of a translation, or nullopt when `content_id` translates nothing.
std::optional<TranslationLinkRecord> FindTranslationLink(Tx& tx, const std::string& content_id);
//! The links of a source's translations, oldest first.
std::vector<TranslationLinkRecord> ListTranslationLinks(Tx& tx, const std::string& source_id);
//! Links a translation to its source.
void InsertTranslationLink(Tx& tx, const TranslationLinkRecord& link);
//! Records that a translation was brought up to date with its source's `revision` (of `hash`).
void UpdateTranslationSync(Tx& tx, const std::string& content_id, std::int64_t revision,
                           const std::string& hash, TimeMs at, const std::string& by);
//! Unlinks a translation from its source.
void DeleteTranslationLink(Tx& tx, const std::string& content_id);

//! The groups of the contents `ids` in one query: for each, every content of its group (its
//! source and the source's translations; the content alone when it is linked to nothing).
//! `shared_with` set (a guest): `readable` says which members are shared with them (the asked
//! content always is).
std::vector<TranslationMemberRecord> ListTranslationGroups(
    Tx& tx, const std::vector<std::string>& ids, const std::optional<std::string>& shared_with);

//! The ids of the contents linked to `content_id` (its source and the source's other
//! translations, or a source's translations), for the consumers that follow a change to them.
std::vector<std::string> LinkedContentIds(Tx& tx, const std::string& content_id);

//! The source a `content.translation_unlinked` event (of sequence `seq`) unlinked from.
std::optional<std::string> UnlinkedSourceOf(Tx& tx, std::int64_t seq);

//! SQL conditions of the `translation` filter on a contents row aliased `c`, no parameter.
//! "missing": a content that translates nothing and has no translation in at least one other of
//! the languages contents are written in (the contents table's `language` check: en, fr).
inline constexpr const char* kTranslationMissingCondition =
    "(NOT EXISTS (SELECT 1 FROM translation_links tl WHERE tl.content_id = c.id) AND EXISTS "
    "(SELECT 1 FROM (SELECT 'en' AS language UNION ALL SELECT 'fr') l WHERE l.language <> "
    "c.language AND NOT EXISTS (SELECT 1 FROM translation_links tm JOIN contents m ON m.id = "
    "tm.content_id WHERE tm.source_id = c.id AND m.language = l.language)))";
//! "out_of_date": a translation whose source's text is no longer the one it was synced with.
inline constexpr const char* kTranslationOutOfDateCondition =
    "EXISTS (SELECT 1 FROM translation_links tl JOIN contents s ON s.id = tl.source_id WHERE "
    "tl.content_id = c.id AND s.content_hash <> tl.synced_hash)";

}  // namespace copydesk::storage
