// How the history is stored (issue 15): working revisions and the versions kept for merges are
// compressed, and the long migrations that compress those an earlier copydesk stored plain leave
// every revision, diff and merge reading exactly as before.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "content/contents.hpp"
#include "storage/batched_migrations.hpp"
#include "storage/contents_store.hpp"
#include "storage/revision_text.hpp"
#include "support/factories.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string LongBody(const std::string& word) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += "Le contrat « " + word + " » de l'énergie d'aujourd'hui. ";
  return body;
}

struct Stored {
  std::string fields;
  bool plain;
};

// What the table holds for each row, raw: whether it is plain JSON.
std::vector<Stored> RawRows(storage::Database& db, const std::string& sql) {
  return db.Read([&](storage::Tx& tx) {
    return tx.Rows(sql, {}, [](const storage::Row& r) {
      const auto text = r.Text(0);
      return Stored{text, storage::IsPlainFields(text)};
    });
  });
}

struct History {
  TestWorld world;
  Workspace ws = world.MakeWorkspace();
  auth::Actor editor = world.MakeMember(ws, "editor");
  std::string id;

  // Three revisions (the owner's, the editor's, the owner's working one) over five versions.
  History() {
    id =
        world.MakeContent(ws, {.title = "Tarifs", .fields = {{"body", LongBody("v1")}}}).content.id;
    Save(ws.owner, 1, "v2");
    Save(editor, 2, "v3");
    Save(ws.owner, 3, "v4");
    Save(ws.owner, 4, "v5");
  }
  void Save(const auth::Actor& who, std::int64_t base, const std::string& word) {
    auto saved =
        world.contents.Update(who, id, base, {.fields = json::object{{"body", LongBody(word)}}});
    ASSERT_TRUE(saved.ok()) << Describe(saved.error());
  }

  // Everything a reader sees of the history: each revision, the diffs, each version's state.
  std::vector<std::string> Seen() {
    std::vector<std::string> out;
    const auto revisions = Must(world.contents.Revisions(ws.owner, id), "revisions");
    for (const auto& r : revisions) {
      const auto full = Must(world.contents.Revision(ws.owner, id, r.number), "revision");
      out.push_back(std::to_string(r.number) + full.title + full.fields_json + full.content_hash +
                    (full.sealed ? "sealed" : "working"));
    }
    for (std::int64_t a = 1; a <= static_cast<std::int64_t>(revisions.size()); ++a) {
      for (const auto& d : Must(world.contents.Diff(ws.owner, id, 1, a), "diff"))
        out.push_back(d.field + d.html);
    }
    world.db().Read([&](storage::Tx& tx) {
      for (std::int64_t v = 1; v <= 5; ++v)
        out.push_back(storage::FindVersionSnapshot(tx, id, v).value_or("missing"));
    });
    return out;
  }
};

TEST(HistoryStorage, WorkingRevisionsAndKeptVersionsAreStoredCompressed) {
  History h;
  for (const auto& row : RawRows(h.world.db(), "SELECT fields FROM revisions"))
    EXPECT_FALSE(row.plain) << "a revision is stored plain";
  for (const auto& row : RawRows(h.world.db(), "SELECT snapshot FROM content_versions"))
    EXPECT_FALSE(row.plain) << "a version's state is stored plain";
  // And a stale write still merges against the state its author saw (version 3).
  auto merged = h.world.contents.Update(h.editor, h.id, 3, {.title = std::string("Tarifs 2026")});
  ASSERT_TRUE(merged.ok()) << Describe(merged.error());
  EXPECT_EQ(merged->content.title, "Tarifs 2026");
  EXPECT_EQ(FieldOf(merged->content.fields_json, "body"), LongBody("v5"));
}

TEST(HistoryStorage, TheLongMigrationsCompressWhatWasPlainAndEveryReadIsTheSame) {
  History h;
  // As an earlier copydesk left it: working revisions and kept versions in plain JSON.
  h.world.db().Write([&](storage::Tx& tx) -> Result<void> {
    for (const auto& [table, column] :
         {std::pair{"revisions", "fields"}, std::pair{"content_versions", "snapshot"}}) {
      const std::string key = std::string(table) == "revisions" ? "number" : "version";
      const auto rows = tx.Rows(std::string("SELECT ") + key + ", " + column + " FROM " + table +
                                    " WHERE content_id = ?" +
                                    (std::string(table) == "revisions" ? " AND sealed = 0" : ""),
                                {h.id}, [](const storage::Row& r) {
                                  return std::pair{r.Int(0), r.Text(1)};
                                });
      for (const auto& [number, text] : rows) {
        tx.Exec(std::string("UPDATE ") + table + " SET " + column +
                    " = ? WHERE content_id = ? AND " + key + " = ?",
                {storage::UnpackFields(text), h.id, number});
      }
    }
    tx.Exec("DELETE FROM batched_migrations", {});
    return {};
  });
  ASSERT_TRUE(RawRows(h.world.db(), "SELECT snapshot FROM content_versions").front().plain);
  const auto before = h.Seen();

  ASSERT_TRUE(storage::RunBatchedMigrations(h.world.db(), 2, [](const storage::BatchProgress&) {}));

  for (const auto& row : RawRows(h.world.db(), "SELECT fields FROM revisions"))
    EXPECT_FALSE(row.plain) << "a revision is still stored plain";
  for (const auto& row : RawRows(h.world.db(), "SELECT snapshot FROM content_versions"))
    EXPECT_FALSE(row.plain) << "a version's state is still stored plain";
  EXPECT_EQ(h.Seen(), before) << "the history reads differently after the migration";
  // The working revision goes on being refined, and sealed, as before.
  h.Save(h.ws.owner, 5, "v6");
  EXPECT_EQ(
      FieldOf(Must(h.world.contents.Revision(h.ws.owner, h.id, 3), "revision").fields_json, "body"),
      LongBody("v6"));
}

}  // namespace
}  // namespace copydesk::testing
