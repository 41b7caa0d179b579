// Backup and restore: `copydesk backup` takes a consistent snapshot while the server serves and
// someone keeps writing; `copydesk restore` puts it into an empty data folder; a server started
// there has every content and every revision that existed before the backup started.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "support/content_helpers.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

//! A content as a reader sees it, with the full text of each revision.
struct Recorded {
  json::object content;
  std::vector<json::object> revisions;  //!< by number, 1 first
};

Recorded Record(Person& p, const std::string& id) {
  Recorded r;
  r.content = GetContent(p, id);
  const auto list = Revisions(p, id);
  for (std::int64_t n = 1; n <= static_cast<std::int64_t>(list.size()); ++n)
    r.revisions.push_back(RevisionAt(p, id, n));
  return r;
}

std::string IntegrityCheck(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  std::string result;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_exec(
        db, "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
          *static_cast<std::string*>(out) += values[0] ? values[0] : "";
          return 0;
        },
        &result, nullptr);
  } else {
    result = sqlite3_errmsg(db);
  }
  sqlite3_close(db);
  return result;
}

// A text of about 50 kB, so that the database spans thousands of pages and the copy takes long
// enough for writes to land while it runs.
std::string LongParagraph(int seed) {
  std::string text;
  for (int i = 0; i < 600; ++i) {
    text += "Le réseau de gaz " + std::to_string(seed) + "-" + std::to_string(i) +
            " achemine du biométhane produit localement vers les foyers de la région. ";
  }
  return text;
}

TEST(BackupRestore, EveryContentAndRevisionSurvivesABackupTakenWhileSomeoneWrites) {
  REQUIRE_COPYDESK_BINARY(binary);
  TempDir scratch;
  const auto backup_file = scratch.path() / "copydesk.backup";
  const auto restored_dir = scratch.path() / "restored";

  std::vector<std::string> ids;
  std::vector<std::string> busy;  // contents written during the backup
  std::map<std::string, Recorded> before;
  std::string owner_email;
  {
    TestServer server;
    Person owner = MakeOwner(server);
    owner_email = owner.email;
    Person editor = MakeMember(server, owner, "editor");
    Person contributor = MakeMember(server, owner, "contributor");
    // Contents with several revisions by several people, a label, a restore and an archive.
    for (int i = 0; i < 24; ++i) {
      auto c = CreateContent(
          owner, {{"type", "article"},
                  {"title", "Article " + std::to_string(i) + " : l'hiver au gaz vert"},
                  {"fields", {{"body", LongParagraph(i)}, {"lead", "Chapô " + std::to_string(i)}}},
                  {"tags", {"biométhane"}},
                  {"assignees", {contributor.user_id}}});
      const std::string id = Str(c.at("id"));
      ids.push_back(id);
      std::int64_t v = 1;
      for (Person* author : {&editor, &contributor, &owner, &editor}) {
        auto r = PatchContent(
            *author, id, v, {{"fields", {{"body", LongParagraph(i * 10 + static_cast<int>(v))}}}});
        ASSERT_EQ(r.status, 200) << r.body;
        v = r.Json().at("version").as_int64();
      }
      if (i % 5 == 0) {
        ASSERT_EQ(owner.client
                      .Put(ContentPath(id) + "/revisions/2/label",
                           {{"label", "validé " + std::to_string(i)}})
                      .status,
                  200);
      }
      if (i % 7 == 0) {
        ASSERT_EQ(owner.client.Post(ContentPath(id) + "/restore", {{"revision", 1}}).status, 200);
      }
      if (i % 11 == 0) {
        ASSERT_EQ(owner.client.Delete(ContentPath(id)).status, 200);
      }
    }
    for (const auto& id : ids) before[id] = Record(owner, id);
    busy = {ids[1], ids[3], ids[5]};

    // Three people keep writing, each on a content of their own, and new contents appear, from
    // before the backup starts until after it ends.
    std::atomic<bool> stop{false};
    std::atomic<int> writes{0};
    std::mutex mutex;
    std::vector<std::string> writer_errors;
    auto keep_writing = [&](Person& w, const std::string& id, bool create) {
      std::int64_t v = GetContent(w, id).at("version").as_int64();
      for (int n = 0; !stop.load(); ++n) {
        auto r =
            PatchContent(w, id, v, {{"fields", {{"lead", "Chapô réécrit " + std::to_string(n)}}}});
        if (r.status != 200) {
          std::lock_guard lock(mutex);
          writer_errors.push_back(std::to_string(r.status) + " " + r.body);
          return;
        }
        v = r.Json().at("version").as_int64();
        if (create && n % 10 == 0)
          CreateArticle(w, "Pendant la sauvegarde " + std::to_string(n),
                        {{"body", LongParagraph(n)}});
        ++writes;
      }
    };
    std::thread first_writer([&] { keep_writing(editor, busy[0], true); });
    std::thread second_writer([&] { keep_writing(contributor, busy[1], false); });
    std::thread third_writer([&] { keep_writing(owner, busy[2], false); });
    while (writes.load() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const int writes_before = writes.load();
    auto backup = RunProcess(
        {binary, "backup", "--data", server.config().data_dir, "--out", backup_file.string()}, "",
        std::chrono::seconds(60));
    const int writes_after = writes.load();
    std::cout << "[ backup ] "
              << std::filesystem::file_size(std::filesystem::path(server.config().data_dir) /
                                            "copydesk.db") /
                     1024
              << " kB database, " << writes_after - writes_before << " writes during the backup\n";
    // Keep writing a moment after the copy ends, then stop.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop = true;
    first_writer.join();
    second_writer.join();
    third_writer.join();
    ASSERT_EQ(backup.exit_code, 0) << backup.out << backup.err;
    EXPECT_GT(writes_after, writes_before) << "the backup ran while nobody wrote";
    EXPECT_TRUE(writer_errors.empty()) << writer_errors.front();
    // The server still answers after the backup.
    EXPECT_EQ(GetContent(owner, ids[0]).at("id").as_string(), ids[0]);
  }

  ASSERT_TRUE(std::filesystem::is_regular_file(backup_file));
  EXPECT_EQ(IntegrityCheck(backup_file), "ok");
  // Restore refuses a folder that is not empty, then restores into an empty one.
  std::filesystem::create_directories(scratch.path() / "busy");
  { std::ofstream(scratch.path() / "busy" / "file") << "x"; }
  auto refused = RunProcess(
      {binary, "restore", backup_file.string(), "--data", (scratch.path() / "busy").string()});
  EXPECT_NE(refused.exit_code, 0);
  auto restored =
      RunProcess({binary, "restore", backup_file.string(), "--data", restored_dir.string()});
  ASSERT_EQ(restored.exit_code, 0) << restored.out << restored.err;

  TestServer server([&](Config& c) { c.data_dir = restored_dir.string(); });
  Person owner{server.Client(), "", owner_email, ""};
  auto login =
      owner.client.Post("/api/v1/auth/login", {{"email", owner_email}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  for (const auto& id : ids) {
    const Recorded& was = before.at(id);
    auto r = owner.client.Get(ContentPath(id));
    ASSERT_EQ(r.status, 200) << id << " is missing after restore";
    const auto now = r.Json().as_object();
    const bool written_during_backup = std::find(busy.begin(), busy.end(), id) != busy.end();
    if (written_during_backup) {
      // A content someone kept editing: at least as new as before the backup, whole history.
      EXPECT_GE(VersionOf(now), VersionOf(was.content));
      EXPECT_GE(RevisionOf(now), RevisionOf(was.content));
    } else {
      EXPECT_EQ(json::serialize(now), json::serialize(was.content))
          << "content " << id << " changed";
    }
    for (const auto& revision : was.revisions) {
      const auto n = revision.at("number").as_int64();
      const auto restored_revision = RevisionAt(owner, id, n);
      if (written_during_backup && n == RevisionOf(was.content) &&
          !revision.at("sealed").as_bool()) {
        // The working revision of the busy content may have been refined since: same author.
        EXPECT_EQ(restored_revision.at("author"), revision.at("author"));
        continue;
      }
      EXPECT_EQ(restored_revision.at("content_hash"), revision.at("content_hash"))
          << id << " revision " << n;
      EXPECT_EQ(restored_revision.at("title"), revision.at("title")) << id << " revision " << n;
      EXPECT_EQ(restored_revision.at("fields"), revision.at("fields")) << id << " revision " << n;
      EXPECT_EQ(restored_revision.at("label"), revision.at("label")) << id << " revision " << n;
      EXPECT_EQ(restored_revision.at("author"), revision.at("author")) << id << " revision " << n;
    }
  }
  // The archived ones are still archived, and the restored server takes new writes.
  EXPECT_TRUE(GetContent(owner, ids[0]).at("archived").as_bool());
  const auto last = GetContent(owner, ids[2]);
  auto edited = PatchContent(owner, ids[2], VersionOf(last), {{"title", "Après la restauration"}});
  EXPECT_EQ(edited.status, 200) << edited.body;
}

}  // namespace
}  // namespace copydesk::testing
