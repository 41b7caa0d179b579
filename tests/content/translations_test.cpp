// Where a content stands among its linked translations, from its group's rows alone: out of date
// when the source's text is no longer the one synced (as an approval goes stale), what a guest
// is shown, and which values of the `translation` filter it matches.
#include "content/translations.hpp"

#include <gtest/gtest.h>

namespace copydesk::content {
namespace {

using storage::TranslationLinkRecord;
using storage::TranslationMemberRecord;

// A group read for the page's content `asked`.
TranslationMemberRecord Source(const std::string& asked, const std::string& id,
                               const std::string& language, const std::string& hash,
                               std::int64_t revision) {
  TranslationMemberRecord m;
  m.asked_id = asked;
  m.content_id = id;
  m.language = language;
  m.title = "Title " + id;
  m.content_hash = hash;
  m.revision = revision;
  return m;
}

TranslationMemberRecord Translation(const std::string& asked, const std::string& id,
                                    const std::string& language, const std::string& source,
                                    std::int64_t synced_revision, const std::string& synced_hash,
                                    bool readable = true) {
  auto m = Source(asked, id, language, "h-" + id, 1);
  m.link = TranslationLinkRecord{id, source, synced_revision, synced_hash, 0, std::nullopt, 0};
  m.readable = readable;
  return m;
}

TEST(TranslationState, HoldsWhileTheSourceTextIsTheOneSynced) {
  EXPECT_EQ(TranslationState("h2", "h2"), "up_to_date");
  EXPECT_EQ(TranslationState("h3", "h2"), "out_of_date");
}

TEST(SummarizeTranslation, ATranslationIsOutOfDateOnceItsSourceChanged) {
  const std::vector<TranslationMemberRecord> group = {
      Source("en1", "fr1", "fr", "h-new", 6), Translation("en1", "en1", "en", "fr1", 4, "h-old")};
  auto t = SummarizeTranslation("en1", group);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->source_id, "fr1");
  EXPECT_FALSE(t->is_source);
  EXPECT_EQ(t->state, "out_of_date");
  EXPECT_EQ(t->synced_revision, 4);
  EXPECT_EQ(t->source_revision, 6);
  ASSERT_EQ(t->languages.size(), 2u);
  EXPECT_EQ(t->languages[0].language, "fr");
  EXPECT_TRUE(t->languages[0].is_source);
  EXPECT_EQ(t->languages[1].state, "out_of_date");
}

TEST(SummarizeTranslation, ComesBackUpToDateWhenTheSyncedTextIsTheSourcesAgain) {
  // The source's edit was undone: its hash is the synced one again, whatever its revision.
  const std::vector<TranslationMemberRecord> group = {
      Source("en1", "fr1", "fr", "h-old", 7), Translation("en1", "en1", "en", "fr1", 4, "h-old")};
  EXPECT_EQ(SummarizeTranslation("en1", group)->state, "up_to_date");
}

TEST(SummarizeTranslation, TheSourceHasNoStateOfItsOwn) {
  const std::vector<TranslationMemberRecord> group = {
      Translation("fr1", "en1", "en", "fr1", 1, "h1"), Source("fr1", "fr1", "fr", "h1", 1)};
  auto t = SummarizeTranslation("fr1", group);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->is_source);
  EXPECT_FALSE(t->state);
  EXPECT_FALSE(t->synced_revision);
  ASSERT_EQ(t->languages.size(), 2u);
  EXPECT_EQ(t->languages[0].content_id, "fr1");  // the source first
  EXPECT_EQ(t->languages[1].state, "up_to_date");
}

TEST(SummarizeTranslation, AContentLinkedToNothingHasNone) {
  EXPECT_FALSE(SummarizeTranslation("fr1", {Source("fr1", "fr1", "fr", "h", 1)}));
  EXPECT_FALSE(SummarizeTranslation("fr1", {}));
}

TEST(SummarizeTranslation, ListsOnlyWhatTheReaderMayReadButKeepsTheState) {
  auto source = Source("en1", "fr1", "fr", "h-new", 3);
  source.readable = false;  // a guest given the translation alone
  const std::vector<TranslationMemberRecord> group = {
      source, Translation("en1", "en1", "en", "fr1", 2, "h-old")};
  auto t = SummarizeTranslation("en1", group);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->languages.size(), 1u);
  EXPECT_EQ(t->languages[0].language, "en");
  EXPECT_EQ(t->state, "out_of_date");
}

TEST(SummarizeTranslation, IgnoresTheGroupsOfOtherContentsOfThePage) {
  const std::vector<TranslationMemberRecord> page = {
      Source("a", "a", "fr", "h", 1), Source("fr1", "fr1", "fr", "h1", 1),
      Translation("fr1", "en1", "en", "fr1", 1, "h1")};
  EXPECT_FALSE(SummarizeTranslation("a", page));
  EXPECT_TRUE(SummarizeTranslation("fr1", page));
}

TEST(TranslationFilterStates, AContentWithoutItsOtherLanguageIsMissingOne) {
  EXPECT_EQ(TranslationFilterStates("fr1", "fr", {Source("fr1", "fr1", "fr", "h", 1)}),
            std::vector<std::string>{"missing"});
  const std::vector<TranslationMemberRecord> linked = {
      Source("fr1", "fr1", "fr", "h", 1), Translation("fr1", "en1", "en", "fr1", 1, "h")};
  EXPECT_TRUE(TranslationFilterStates("fr1", "fr", linked).empty());
}

TEST(TranslationFilterStates, ATranslationIsNeverMissingButCanBeOutOfDate) {
  const std::vector<TranslationMemberRecord> fresh = {
      Source("en1", "fr1", "fr", "h1", 1), Translation("en1", "en1", "en", "fr1", 1, "h1")};
  EXPECT_TRUE(TranslationFilterStates("en1", "en", fresh).empty());
  const std::vector<TranslationMemberRecord> stale = {
      Source("en1", "fr1", "fr", "h2", 2), Translation("en1", "en1", "en", "fr1", 1, "h1")};
  EXPECT_EQ(TranslationFilterStates("en1", "en", stale), std::vector<std::string>{"out_of_date"});
}

}  // namespace
}  // namespace copydesk::content
