// The index follows the events exactly once: a crash in the middle of a batch, a restart or a
// replayed event loses and duplicates nothing; a rebuild is swapped in while searching goes on.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "search_fixture.hpp"
#include "storage/events_store.hpp"

namespace copydesk::search::testing {
namespace {

class IndexerTest : public SearchFixture {
 protected:
  void SetUp() override {
    owner_ = MakePerson("Claire Martin");
    ws_ = MakeWorkspace(owner_, "Énergie Sud");
  }

  std::vector<std::string> MakeMany(int n, const std::string& word) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      ids.push_back(MakeContent(owner_, ws_,
                                {.title = "Offre " + word + " numéro " + std::to_string(i),
                                 .body = "Tarif réglementé et " + word + " pour les particuliers.",
                                 .language = "fr"}));
    }
    return ids;
  }

  // Each content is in the index exactly once, and nothing else is.
  void ExpectIndexedOnce(const std::vector<std::string>& ids) {
    index_->Read([&](const Xapian::Database& db) {
      EXPECT_EQ(db.get_doccount(), ids.size());
      for (const auto& id : ids) EXPECT_EQ(db.get_termfreq(prefix::kId + id), 1u) << id;
      return 0;
    });
  }

  std::int64_t LastEvent() {
    return db_->Read([](storage::Tx& tx) { return storage::LastEventSeq(tx); });
  }

  auth::Actor owner_;
  std::string ws_;
};

TEST_F(IndexerTest, SearchingBeforeTheFirstBuildFindsNothingAndFailsNothing) {
  // A fresh server answers searches before its indexer has written anything: nothing found,
  // no error (Xapian refuses to query a database with no shard; this once crashed a server).
  MakeMany(3, "éolien");
  EXPECT_FALSE(index_->CurrentFolder().has_value());
  const auto found = Find(owner_, ws_, "eolien");
  EXPECT_EQ(found.total, 0);
  EXPECT_TRUE(found.items.empty());
  IndexAll();
  EXPECT_EQ(Find(owner_, ws_, "eolien").total, 3);
}

TEST_F(IndexerTest, ACrashBeforeTheCommitLosesAndDuplicatesNothing) {
  IndexAll();  // builds the (empty) index
  const auto ids = MakeMany(30, "solaire");
  indexer_->before_commit = [](std::size_t) { throw std::runtime_error("power cut"); };
  EXPECT_THROW(indexer_->CatchUp(10), std::runtime_error);
  // The batch did not land: neither its documents nor its sequence.
  EXPECT_EQ(Find(owner_, ws_, "solaire").total, 0);

  // Restart: a new indexer on the same folder resumes where the index is.
  indexer_ = std::make_unique<Indexer>(*db_, *index_);
  IndexAll();
  ExpectIndexedOnce(ids);
  EXPECT_EQ(indexer_->LastAppliedSeq(), LastEvent());
  EXPECT_EQ(Find(owner_, ws_, "solaire").total, 30);
}

TEST_F(IndexerTest, AProcessKilledInTheMiddleOfABatchResumesExactly) {
  IndexAll();
  const auto ids = MakeMany(40, "eolien");
  indexer_.reset();  // the child owns the index while it runs
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Apply a first batch for real, then die without a word in the middle of the second. The
    // child opens its own database connections: SQLite's are not carried across fork.
    storage::SqliteDatabase db((dir_ / "copydesk.db").string(), 1);
    SearchIndex index(dir_ / "search");
    Indexer indexer(db, index);
    indexer.CatchUp(15);
    indexer.before_commit = [](std::size_t) { _exit(0); };
    indexer.CatchUp(15);
    _exit(1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);

  indexer_ = std::make_unique<Indexer>(*db_, *index_);
  const auto resumed_at = indexer_->LastAppliedSeq();
  EXPECT_GT(resumed_at, 0);
  EXPECT_LT(resumed_at, LastEvent());
  IndexAll();
  ExpectIndexedOnce(ids);
  EXPECT_EQ(Find(owner_, ws_, "eolien").total, 40);
}

TEST_F(IndexerTest, ReplayingEventsChangesNothing) {
  const auto ids = MakeMany(12, "hydrogene");
  IndexAll();
  ExpectIndexedOnce(ids);
  // Forget the sequence: every event is applied a second time.
  indexer_.reset();
  {
    Xapian::WritableDatabase writer(index_->CurrentFolder()->string(), Xapian::DB_OPEN);
    writer.set_metadata(kLastSeqKey, "0");
    writer.commit();
  }
  indexer_ = std::make_unique<Indexer>(*db_, *index_);
  IndexAll();
  ExpectIndexedOnce(ids);
  EXPECT_EQ(Find(owner_, ws_, "hydrogene").total, 12);
}

TEST_F(IndexerTest, PurgedContentsLeaveTheIndex) {
  const auto ids = MakeMany(3, "biogaz");
  IndexAll();
  ASSERT_TRUE(contents_->SetArchived(owner_, ids[0], true).ok());
  ASSERT_TRUE(contents_->Purge(owner_, ids[0]).ok());
  IndexAll();
  ExpectIndexedOnce({ids[1], ids[2]});
}

TEST_F(IndexerTest, ARebuildIsSwappedInAndFollowed) {
  const auto before = MakeMany(5, "geothermie");
  IndexAll();
  const auto old_folder = index_->CurrentFolder();

  // `copydesk reindex` in another process: its own handle on the same folder.
  SearchIndex other(dir_ / "search");
  const auto stats = Rebuild(*db_, other);
  EXPECT_EQ(stats.contents, 5);
  EXPECT_NE(index_->CurrentFolder(), old_folder);
  EXPECT_EQ(Find(owner_, ws_, "geothermie").total, 5);  // readers follow the swap

  // The running indexer follows it too, and what is written next lands in the new index.
  auto after = MakeMany(2, "geothermie");
  IndexAll();
  EXPECT_EQ(Find(owner_, ws_, "geothermie").total, 7);
  after.insert(after.end(), before.begin(), before.end());
  ExpectIndexedOnce(after);
  EXPECT_FALSE(std::filesystem::exists(*old_folder));  // the old one is cleaned up
}

TEST_F(IndexerTest, AnIndexOfAnotherFormatIsRebuiltWhenTheServerStarts) {
  MakeMany(3, "geothermie");
  IndexAll();
  const auto old_folder = index_->CurrentFolder();
  indexer_.reset();
  {
    // As an earlier copydesk left it: no format, or another one.
    Xapian::WritableDatabase old(old_folder->string(), Xapian::DB_OPEN);
    old.set_metadata(kFormatKey, "1");
    old.commit();
  }
  indexer_ = std::make_unique<Indexer>(*db_, *index_);
  MakeMany(1, "geothermie");
  IndexAll();
  ASSERT_TRUE(index_->CurrentFolder());
  EXPECT_NE(*index_->CurrentFolder(), *old_folder);
  EXPECT_EQ(Xapian::Database(index_->CurrentFolder()->string()).get_metadata(kFormatKey),
            kIndexFormat);
  EXPECT_EQ(Find(owner_, ws_, "geothermie").total, 4);
}

TEST_F(IndexerTest, RebuildsWithoutARunningServerKeepOnlyTheLastTwoIndexes) {
  // `copydesk reindex` run again and again while no server follows: each 100,000-content index
  // weighs hundreds of megabytes, so only the one in use and the one it replaced stay.
  MakeMany(3, "hydrogene");
  SearchIndex cli(dir_ / "search");
  std::vector<std::filesystem::path> built;
  for (int i = 0; i < 4; ++i) {
    Rebuild(*db_, cli);
    built.push_back(*cli.CurrentFolder());
  }
  int indexes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "search")) {
    if (entry.path().filename().string().rfind("index-", 0) == 0) ++indexes;
  }
  EXPECT_EQ(indexes, 2);
  EXPECT_TRUE(std::filesystem::exists(built[3]));
  EXPECT_TRUE(std::filesystem::exists(built[2]));  // a server may still be reading it
  EXPECT_FALSE(std::filesystem::exists(built[0]));
  EXPECT_EQ(Find(owner_, ws_, "hydrogene").total, 3);
}

TEST_F(IndexerTest, ARenamedChannelIsFoundUnderItsNewName) {
  const auto id =
      MakeContent(owner_, ws_, {.title = "Newsletter de printemps", .channels = {"Blog"}});
  IndexAll();
  db_->Write([&](storage::Tx& tx) -> Result<bool> {
    auto c = storage::FindChannel(tx, ws_, ChannelId(ws_, "Blog"));
    c->name = "Actualités";
    storage::UpdateChannel(tx, *c);
    storage::AppendEvent(tx, ws_, owner_.user.id, "channel.updated", c->id, "{}", NowMs());
    return true;
  });
  IndexAll();
  const auto r = Find(owner_, ws_, "actualites");
  ASSERT_EQ(r.total, 1);
  EXPECT_EQ(r.items[0].id, id);
}

}  // namespace
}  // namespace copydesk::search::testing
