// No lost edit, under a race: several people, each with their own connection, keep editing one
// content at once, each writing on the version they last saw. Every stale write must merge
// (each person owns a different paragraph) and, at the end, every acknowledged edit is in the
// final text or in the history.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <iostream>
#include <latch>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

//! What the server acknowledged to one writer.
struct Ack {
  std::int64_t version = 0;
  std::int64_t revision = 0;
  std::string line;  //!< the writer's paragraph as acknowledged
  bool merged = false;
};

struct WriterLog {
  std::vector<Ack> acks;
  int conflicts = 0;
  std::vector<std::string> failures;
};

std::vector<std::string> SplitParagraphs(const std::string& body) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto end = body.find("\n\n", start);
    out.push_back(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) out += (i ? "\n\n" : "") + paragraphs[i];
  return out;
}

std::string Line(int writer, int edit) {
  std::ostringstream s;
  s << "Paragraphe de la personne " << writer << ", version " << edit << " : le gaz vert chauffe "
    << edit % 7 << " quartiers.";
  return s.str();
}

// One writer: edits its own paragraph `edits` times, always on the last version it knows, and
// on a 409 starts again from the current content.
void Write(Person& person, const std::string& id, int writer, int edits, WriterLog& log) {
  auto fail = [&](const std::string& what) {
    log.failures.push_back("writer " + std::to_string(writer) + ": " + what);
  };
  auto fresh = person.client.Get(ContentPath(id));
  if (fresh.status != 200) return fail("GET " + std::to_string(fresh.status));
  std::int64_t version = fresh.Json().at("version").as_int64();
  std::vector<std::string> paragraphs = SplitParagraphs(Str(fresh.Json().at("fields").at("body")));
  for (int edit = 1; edit <= edits && log.failures.size() < 5;) {
    paragraphs[static_cast<std::size_t>(writer)] = Line(writer, edit);
    auto r =
        PatchContent(person, id, version, {{"fields", {{"body", JoinParagraphs(paragraphs)}}}});
    if (r.status == 200) {
      const auto body = r.Json().as_object();
      Ack ack;
      ack.version = body.at("version").as_int64();
      ack.revision = body.at("revision").as_int64();
      ack.merged = body.contains("merged");
      const auto now = SplitParagraphs(FieldOf(body, "body"));
      if (now.size() != paragraphs.size()) {
        fail("the body lost or gained paragraphs: " + FieldOf(body, "body"));
        return;
      }
      ack.line = now[static_cast<std::size_t>(writer)];
      if (ack.line != Line(writer, edit)) fail("acknowledged without my text: " + ack.line);
      if (!log.acks.empty() && ack.version <= log.acks.back().version) fail("version went back");
      log.acks.push_back(ack);
      version = ack.version;
      paragraphs = now;
      ++edit;
    } else if (r.status == 409) {
      // Nothing was written: start again from what is there now.
      ++log.conflicts;
      auto current = person.client.Get(ContentPath(id));
      if (current.status != 200) return fail("GET after 409: " + std::to_string(current.status));
      version = current.Json().at("version").as_int64();
      paragraphs = SplitParagraphs(Str(current.Json().at("fields").at("body")));
    } else {
      fail("PATCH answered " + std::to_string(r.status) + " " + r.body.substr(0, 300));
    }
  }
}

// Races `writers` people on one content for `edits` edits each, then checks the outcome.
void Race(int writers, int edits) {
  TestServer server([](Config& c) {
    c.io_threads = 2;
    c.worker_threads = 8;
  });
  Person owner = MakeOwner(server);
  std::vector<Person> people;
  for (int i = 0; i < writers; ++i) people.push_back(MakeMember(server, owner, "editor"));
  std::vector<std::string> start;
  for (int i = 0; i < writers; ++i)
    start.push_back("Paragraphe " + std::to_string(i) + " à écrire.");
  auto created = CreateArticle(owner, "Course à l'écriture", {{"body", JoinParagraphs(start)}});
  const std::string id = Str(created.at("id"));
  ASSERT_FALSE(id.empty());

  std::vector<WriterLog> logs(static_cast<std::size_t>(writers));
  {
    std::latch go(writers);
    std::vector<std::thread> threads;
    for (int i = 0; i < writers; ++i) {
      threads.emplace_back([&, i] {
        go.arrive_and_wait();
        try {
          Write(people[static_cast<std::size_t>(i)], id, i, edits,
                logs[static_cast<std::size_t>(i)]);
        } catch (const std::exception& e) {
          logs[static_cast<std::size_t>(i)].failures.push_back(e.what());
        }
      });
    }
    for (auto& t : threads) t.join();
  }
  std::size_t total = 0;
  std::size_t merged = 0;
  int conflicts = 0;
  std::set<std::int64_t> versions;
  for (const auto& log : logs) {
    for (const auto& f : log.failures) ADD_FAILURE() << f;
    EXPECT_EQ(log.acks.size(), static_cast<std::size_t>(edits));
    total += log.acks.size();
    conflicts += log.conflicts;
    for (const auto& a : log.acks) {
      merged += a.merged;
      EXPECT_TRUE(versions.insert(a.version).second)
          << "version " << a.version << " acknowledged twice";
    }
  }
  ASSERT_FALSE(::testing::Test::HasFailure());
  // Writers racing on stale versions must actually have merged, and each paragraph belongs to one
  // person, so a conflict would be a lost merge.
  EXPECT_GT(merged, total / 10) << "the race did not race";
  EXPECT_EQ(conflicts, 0) << "different paragraphs must always merge";

  // Every acknowledged write made exactly one version: nothing more, nothing lost.
  const auto final_content = GetContent(owner, id);
  EXPECT_EQ(VersionOf(final_content), static_cast<std::int64_t>(total) + 1);
  const auto final_paragraphs = SplitParagraphs(FieldOf(final_content, "body"));
  ASSERT_EQ(final_paragraphs.size(), static_cast<std::size_t>(writers));
  for (int i = 0; i < writers; ++i) {
    EXPECT_EQ(final_paragraphs[static_cast<std::size_t>(i)],
              logs[static_cast<std::size_t>(i)].acks.back().line)
        << "the last acknowledged edit of writer " << i << " is not in the final text";
  }

  // The history: every acknowledged text is in the final text or in a revision. Saves by one
  // person in a row refine their working revision (autosave must not bury the history), so an
  // acknowledged text may be replaced only by that same person's next save into the same
  // revision; the last text of each revision must be in it, exactly.
  std::map<std::int64_t, json::object> snapshots;
  auto snapshot = [&](std::int64_t n) -> const json::object& {
    auto it = snapshots.find(n);
    if (it == snapshots.end()) it = snapshots.emplace(n, RevisionAt(owner, id, n)).first;
    return it->second;
  };
  const auto revisions = Revisions(owner, id);
  ASSERT_FALSE(revisions.empty());
  EXPECT_EQ(revisions[0].at("number").as_int64(), RevisionOf(final_content));
  std::size_t coalesced = 0;
  for (int i = 0; i < writers; ++i) {
    const auto& acks = logs[static_cast<std::size_t>(i)].acks;
    for (std::size_t k = 0; k < acks.size(); ++k) {
      const Ack& a = acks[k];
      if (k + 1 < acks.size() && acks[k + 1].revision == a.revision) {
        ++coalesced;  // refined by the same person's next save
        continue;
      }
      const auto& rev = snapshot(a.revision);
      ASSERT_FALSE(rev.empty()) << "revision " << a.revision << " is missing";
      EXPECT_EQ(rev.at("author").at("id").as_string(), people[static_cast<std::size_t>(i)].user_id)
          << "revision " << a.revision << " holds writer " << i << "'s save but is someone else's";
      const auto paragraphs = SplitParagraphs(FieldOf(rev, "body"));
      ASSERT_EQ(paragraphs.size(), static_cast<std::size_t>(writers));
      EXPECT_EQ(paragraphs[static_cast<std::size_t>(i)], a.line)
          << "writer " << i << "'s acknowledged text (version " << a.version
          << ") is in no revision";
    }
  }
  // Revisions are numbered without gaps, every one sealed but the newest.
  for (std::size_t k = 0; k < revisions.size(); ++k) {
    EXPECT_EQ(revisions[k].at("number").as_int64(),
              static_cast<std::int64_t>(revisions.size() - k));
    if (k > 0) {
      EXPECT_TRUE(revisions[k].at("sealed").as_bool());
    }
  }
  std::cout << "[ race ] " << writers << " writers, " << total << " acknowledged edits, " << merged
            << " merged, " << revisions.size() << " revisions, " << coalesced
            << " refined by their author\n";
}

// One writer swaps its own tag ("p3-41" for "p3-40") on the last version it knows: a stale base
// merges as a set, so no one's tag may be lost or come back.
void SwapTags(Person& person, const std::string& id, int writer, int edits,
              std::vector<std::string>& failures, int& merged) {
  auto tag = [&](int edit) { return "p" + std::to_string(writer) + "-" + std::to_string(edit); };
  auto fresh = person.client.Get(ContentPath(id));
  const auto fresh_json = fresh.Json();
  std::int64_t version = fresh_json.at("version").as_int64();
  std::vector<std::string> tags = StringsOf(fresh_json.at("tags"));
  tags.push_back(tag(0));
  for (int edit = 1; edit <= edits && failures.size() < 5; ++edit) {
    std::erase(tags, tag(edit - 1));
    tags.push_back(tag(edit));
    json::array wanted;
    for (const auto& t : tags) wanted.push_back(json::string(t));
    auto r = PatchContent(person, id, version, {{"tags", wanted}});
    if (r.status != 200) {
      failures.push_back("writer " + std::to_string(writer) + ": " + std::to_string(r.status) +
                         " " + r.body.substr(0, 300));
      return;
    }
    const auto body = r.Json();
    tags = StringsOf(body.at("tags"));
    merged += body.as_object().contains("merged");
    version = body.at("version").as_int64();
    if (std::find(tags.begin(), tags.end(), tag(edit)) == tags.end() ||
        std::find(tags.begin(), tags.end(), tag(edit - 1)) != tags.end()) {
      failures.push_back(
          "writer " + std::to_string(writer) +
          ": acknowledged without its tag change: " + json::serialize(body.at("tags")));
    }
  }
}

TEST(ConcurrentEdits, FourWritersSwappingTheirOwnTagsOnStaleVersionsLoseNone) {
  TestServer server;
  Person owner = MakeOwner(server);
  constexpr int kWriters = 4;
  constexpr int kEdits = 150;
  std::vector<Person> people;
  for (int i = 0; i < kWriters; ++i) people.push_back(MakeMember(server, owner, "editor"));
  auto created =
      CreateContent(owner, {{"type", "article"}, {"title", "Étiquettes"}, {"tags", {"commun"}}});
  const std::string id = Str(created.at("id"));
  std::vector<std::string> failures[kWriters];
  int merged[kWriters] = {};
  {
    std::latch go(kWriters);
    std::vector<std::thread> threads;
    for (int i = 0; i < kWriters; ++i) {
      threads.emplace_back([&, i] {
        go.arrive_and_wait();
        SwapTags(people[static_cast<std::size_t>(i)], id, i, kEdits, failures[i], merged[i]);
      });
    }
    for (auto& t : threads) t.join();
  }
  int total_merged = 0;
  for (int i = 0; i < kWriters; ++i) {
    for (const auto& f : failures[i]) ADD_FAILURE() << f;
    total_merged += merged[i];
  }
  EXPECT_GT(total_merged, kWriters * kEdits / 10) << "the race did not race";
  std::vector<std::string> expected{"commun"};
  for (int i = 0; i < kWriters; ++i)
    expected.push_back("p" + std::to_string(i) + "-" + std::to_string(kEdits));
  std::sort(expected.begin(), expected.end());
  const auto final_content = GetContent(owner, id);
  EXPECT_EQ(StringsOf(final_content.at("tags")), expected);
  EXPECT_EQ(VersionOf(final_content), 1 + kWriters * kEdits);
  EXPECT_EQ(RevisionOf(final_content), 1) << "tags are metadata, not text";
}

TEST(ConcurrentEdits, TwoWritersOnStaleVersionsLoseNothing) {
  Race(2, 600);
}

TEST(ConcurrentEdits, EightWritersOnStaleVersionsLoseNothing) {
  Race(8, 400);
}

}  // namespace
}  // namespace copydesk::testing
