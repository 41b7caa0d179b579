// What a person is to a content, and what that lets them do: the rules on small local standings,
// then the standing read from a temporary SQLite database (role, ownership, assignment, shares
// to a person, a team or a project, review links).
#include "access/standing.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>

#include "storage/accounts_store.hpp"
#include "storage/collab_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/shares_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::access {
namespace {

namespace fs = std::filesystem;
using auth::Action;
using auth::Role;
using auth::ShareLevel;

// ---- the rules, on standings made by hand -------------------------------------------------

struct Facts {
  bool owner = false;
  bool assignee = false;
  std::optional<ShareLevel> shared;
};

Standing StandingOf(std::optional<Role> role, Facts f = {}) {
  return Standing{role, {f.owner, f.assignee, f.shared}};
}

TEST(StandingRules, AContributorEditsWhatTheyOwnOrAreAssignedToAndArchivesOnlyWhatTheyOwn) {
  const auto owner = StandingOf(Role::kContributor, {.owner = true});
  const auto assignee = StandingOf(Role::kContributor, {.assignee = true});
  const auto stranger = StandingOf(Role::kContributor);
  EXPECT_TRUE(owner.Can(Action::kEditContent));
  EXPECT_TRUE(owner.Can(Action::kArchiveContent));
  EXPECT_TRUE(assignee.Can(Action::kEditContent));
  EXPECT_FALSE(assignee.Can(Action::kArchiveContent));
  EXPECT_TRUE(stranger.Can(Action::kReadContent));
  EXPECT_FALSE(stranger.Can(Action::kEditContent));
}

TEST(StandingRules, AGuestDoesWhatTheLevelSharedWithThemAllows) {
  EXPECT_FALSE(StandingOf(Role::kGuest).Can(Action::kReadContent));
  const auto reader = StandingOf(Role::kGuest, {.shared = ShareLevel::kRead});
  EXPECT_TRUE(reader.Can(Action::kReadContent));
  EXPECT_FALSE(reader.Can(Action::kComment));
  const auto commenter = StandingOf(Role::kGuest, {.shared = ShareLevel::kComment});
  EXPECT_TRUE(commenter.Can(Action::kComment));
  EXPECT_TRUE(commenter.Can(Action::kCompleteOwnTask));
  EXPECT_FALSE(commenter.Can(Action::kEditContent));
  const auto editor = StandingOf(Role::kGuest, {.shared = ShareLevel::kEdit});
  EXPECT_TRUE(editor.Can(Action::kEditContent));
  EXPECT_FALSE(editor.Can(Action::kArchiveContent));
  EXPECT_FALSE(editor.Can(Action::kShareContent));
}

TEST(StandingRules, AReviewVisitorValidatesWithoutEditingAndNeverSeesInternals) {
  const auto visitor = StandingOf(std::nullopt, {.shared = ShareLevel::kValidate});
  EXPECT_TRUE(visitor.Can(Action::kReadContent));
  EXPECT_TRUE(visitor.Can(Action::kComment));
  EXPECT_FALSE(visitor.Can(Action::kEditContent));
  EXPECT_FALSE(visitor.SeesInternal());
  EXPECT_FALSE(StandingOf(Role::kGuest, {.shared = ShareLevel::kEdit}).SeesInternal());
  EXPECT_TRUE(StandingOf(Role::kReviewer).SeesInternal());
}

TEST(StandingRules, OwnershipAndAssignmentComeFromTheContent) {
  storage::ContentRecord c;
  c.owner_id = "ana";
  c.assignee_ids = {"bo", "cy"};
  EXPECT_TRUE(BaseFacts(c, "ana").owner);
  EXPECT_FALSE(BaseFacts(c, "ana").assignee);
  EXPECT_TRUE(BaseFacts(c, "cy").assignee);
  EXPECT_FALSE(BaseFacts(c, "dee").owner || BaseFacts(c, "dee").assignee);
  c.owner_id.reset();
  EXPECT_FALSE(BaseFacts(c, "").owner);
}

// ---- the standing read from the database ------------------------------------------------

class StandingInDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("copydesk-access-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = std::make_unique<storage::SqliteDatabase>((dir_ / "access.db").string(), 2);
    db_->Migrate();
    Write([&](storage::Tx& tx) {
      storage::InsertWorkspace(tx, {"ws", "desk", "Desk", "en", kNow});
      storage::InsertWorkspace(tx, {"other-ws", "other", "Other", "en", kNow});
      storage::ContentTypeRecord type{"article", "ws", "article", "Article", "[]", 0, kNow, kNow};
      storage::InsertContentType(tx, type);
    });
    MakeUser("olga", "owner");
    MakeUser("carl", "contributor");
    MakeUser("gus", "guest");
    MakeUser("vic", std::nullopt);  // a review link's visitor: an identity, no membership
    MakeUser("otto", std::nullopt);
    Write(
        [&](storage::Tx& tx) { storage::InsertMembership(tx, "other-ws", "otto", "owner", kNow); });
    MakeContent("c1", {.owner = "carl"});
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  static constexpr TimeMs kNow = 1'800'000'000'000;

  template <class F>
  void Write(F&& fn) {
    auto done = db_->Write([&](storage::Tx& tx) -> Result<void> {
      fn(tx);
      return {};
    });
    ASSERT_TRUE(done.ok());
  }

  void MakeUser(const std::string& id, std::optional<std::string> role) {
    Write([&](storage::Tx& tx) {
      storage::InsertUser(tx, {id, id + "@example.com", id, std::nullopt, "en", kNow});
      if (role) storage::InsertMembership(tx, "ws", id, *role, kNow);
    });
  }

  struct ContentSpec {
    std::optional<std::string> owner;
    std::optional<std::string> project;
  };
  void MakeContent(const std::string& id, ContentSpec spec) {
    Write([&](storage::Tx& tx) {
      storage::ContentRecord c;
      c.id = id;
      c.workspace_id = "ws";
      c.type_id = "article";
      c.title = id;
      c.language = "en";
      c.fields_json = "{}";
      c.version = 1;
      c.revision = 1;
      c.content_hash = "h";
      c.owner_id = spec.owner;
      c.project_id = spec.project;
      c.created_by = "olga";
      c.created_at = c.updated_at = kNow;
      storage::InsertContent(tx, c);
    });
  }

  struct ShareSpec {
    std::optional<std::string> content;
    std::optional<std::string> project;
    std::optional<std::string> user;
    std::optional<std::string> team;
    std::string level = "read";
  };
  void Share(ShareSpec spec) {
    static int n = 0;
    Write([&](storage::Tx& tx) {
      storage::ShareRecord s;
      s.id = "share-" + std::to_string(++n);
      s.workspace_id = "ws";
      s.content_id = spec.content;
      s.project_id = spec.project;
      s.user_id = spec.user;
      s.team_id = spec.team;
      s.level = spec.level;
      s.created_by = "olga";
      s.created_at = kNow;
      storage::InsertShare(tx, s);
    });
  }

  Result<OnContent> Open(const std::string& user, const std::string& content = "c1") {
    return db_->Read([&](storage::Tx& tx) { return access::Open(tx, user, content); });
  }
  Result<OnContent> OpenFor(const std::string& user, Action action) {
    return db_->Read([&](storage::Tx& tx) { return access::OpenFor(tx, user, "c1", action); });
  }

  fs::path dir_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(StandingInDatabase, WhatOneMayNotReadDoesNotExistForThem) {
  EXPECT_EQ(Open("otto").error().kind, ErrorKind::kNotFound);  // another workspace's owner
  EXPECT_EQ(Open("gus").error().kind, ErrorKind::kNotFound);   // a guest, nothing shared
  EXPECT_EQ(Open("olga", "nope").error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(Open("carl").ok());
  EXPECT_TRUE(Open("carl")->standing.facts.owner);
  EXPECT_EQ(Open("olga")->standing.role, Role::kOwner);
}

TEST_F(StandingInDatabase, TheHighestLevelSharedCountsWhetherToThemOrToTheirTeam) {
  Share({.content = "c1", .user = "gus", .level = "read"});
  Write([&](storage::Tx& tx) {
    storage::InsertTeam(tx, {"t-legal", "ws", "Legal", kNow, {}}, "legal");
    storage::SetTeamMembers(tx, "t-legal", {"gus"});
  });
  Share({.content = "c1", .team = "t-legal", .level = "edit"});
  auto on = Open("gus");
  ASSERT_TRUE(on.ok());
  EXPECT_EQ(on->standing.facts.shared, ShareLevel::kEdit);
  EXPECT_TRUE(on->Can(Action::kEditContent));
  EXPECT_FALSE(on->Can(Action::kArchiveContent));
}

TEST_F(StandingInDatabase, AProjectShareReachesItsContentsAndEndsWhenThePersonLeaves) {
  Write([&](storage::Tx& tx) {
    storage::InsertProject(tx, {"p1", "ws", "Launch", "", std::nullopt, kNow, kNow});
  });
  MakeContent("c2", {.project = "p1"});
  Share({.project = "p1", .user = "gus", .level = "comment"});
  auto on = Open("gus", "c2");
  ASSERT_TRUE(on.ok());
  EXPECT_TRUE(on->Can(Action::kComment));
  EXPECT_EQ(Open("gus", "c1").error().kind, ErrorKind::kNotFound);
  Write([&](storage::Tx& tx) { storage::DeleteMembership(tx, "ws", "gus"); });
  EXPECT_EQ(Open("gus", "c2").error().kind, ErrorKind::kNotFound);
}

TEST_F(StandingInDatabase, AReviewLinkCountsWhileItIsLive) {
  Write([&](storage::Tx& tx) {
    storage::ShareLinkRecord link;
    link.id = "l1";
    link.workspace_id = "ws";
    link.content_id = "c1";
    link.level = "validate";
    link.secret_hash = "secret";
    link.expires_at = NowMs() + 60'000;
    link.created_by = "olga";
    link.created_at = kNow;
    storage::InsertShareLink(tx, link);
    storage::InsertLinkVisitor(tx, {"v1", "l1", "vic", "Vic", "vic@example.com", kNow});
  });
  auto on = Open("vic");
  ASSERT_TRUE(on.ok());
  EXPECT_FALSE(on->standing.role.has_value());
  EXPECT_EQ(on->standing.facts.shared, ShareLevel::kValidate);
  EXPECT_TRUE(on->Can(Action::kComment));
  Write([&](storage::Tx& tx) { storage::RevokeShareLink(tx, "l1", "olga", NowMs()); });
  EXPECT_EQ(Open("vic").error().kind, ErrorKind::kNotFound);
}

TEST_F(StandingInDatabase, OpeningForAnActionRefusesWhatOneReadsButMayNotDo) {
  Share({.content = "c1", .user = "gus", .level = "comment"});
  EXPECT_EQ(OpenFor("gus", Action::kEditContent).error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(OpenFor("gus", Action::kComment).ok());
  EXPECT_EQ(OpenFor("otto", Action::kEditContent).error().kind, ErrorKind::kNotFound);
  // Staff are answered by their role: a share with them is not looked up, nor shown.
  Share({.content = "c1", .user = "carl", .level = "edit"});
  auto staff = OpenFor("carl", Action::kReadContent);
  ASSERT_TRUE(staff.ok());
  EXPECT_FALSE(staff->standing.facts.shared.has_value());
}

TEST_F(StandingInDatabase, MayAnswersOneQuestionWithOrWithoutShares) {
  Share({.content = "c1", .user = "gus", .level = "read"});
  db_->Read([&](storage::Tx& tx) {
    const auto c = *storage::FindContent(tx, "c1");
    EXPECT_TRUE(May(tx, "gus", c, Action::kReadContent));
    EXPECT_FALSE(May(tx, "gus", c, Action::kComment));
    EXPECT_TRUE(May(tx, "carl", c, Action::kEditContent));
    EXPECT_FALSE(May(tx, "otto", c, Action::kReadContent));
    EXPECT_TRUE(MayReadWorkspaceTasks(tx, "carl", "ws"));
    EXPECT_FALSE(MayReadWorkspaceTasks(tx, "gus", "ws"));
  });
}

TEST_F(StandingInDatabase, AReplyInAnInternalThreadIsForStaffOnly) {
  Write([&](storage::Tx& tx) {
    storage::CommentRecord root;
    root.id = "k1";
    root.workspace_id = "ws";
    root.content_id = "c1";
    root.author_id = "olga";
    root.body = "Between us.";
    root.internal = true;
    root.created_at = root.updated_at = kNow;
    storage::InsertComment(tx, root);
    auto reply = root;
    reply.id = "k2";
    reply.parent_id = "k1";
    reply.internal = false;
    storage::InsertComment(tx, reply);
    auto open = root;
    open.id = "k3";
    open.internal = false;
    storage::InsertComment(tx, open);
  });
  db_->Read([&](storage::Tx& tx) {
    EXPECT_TRUE(InInternalThread(tx, "k2"));
    EXPECT_FALSE(InInternalThread(tx, "k3"));
    EXPECT_TRUE(SeesInternal(tx, "carl", "ws"));
    EXPECT_FALSE(SeesInternal(tx, "gus", "ws"));
    EXPECT_FALSE(SeesInternal(tx, "vic", "ws"));
  });
}

}  // namespace
}  // namespace copydesk::access
