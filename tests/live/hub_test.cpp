// The live hub without sockets: its decisions (who is told what, catching up, presence,
// signed-out sessions) pumped by hand, with sinks that record what they were given. The data
// is made through the API of a real server; the hub under test reads the same database.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "api/api.hpp"
#include "api/common.hpp"
#include "auth/accounts.hpp"
#include "storage/events_store.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

//! What a connection was sent, in order.
struct Recorded {
  std::vector<json::object> messages;
  int close_code = 0;

  std::vector<json::object> Of(const std::string& type) const {
    std::vector<json::object> out;
    for (const auto& m : messages) {
      if (m.at("type").as_string() == type) out.push_back(m);
    }
    return out;
  }
  std::vector<std::string> EventKinds() const {
    std::vector<std::string> out;
    for (const auto& m : Of("event")) out.push_back(Str(m.at("kind")));
    return out;
  }
};

class HubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    reviewer_.emplace(MakeMember(server_, *owner_, "reviewer"));
    guest_.emplace(MakeMember(server_, *owner_, "guest"));
    outsider_.emplace(MakeOutsider(server_, *owner_));
    article_ = Str(CreateArticle(*owner_, "Citernes", {{"body", "Texte."}}).at("id"));
  }

  //! The upgrade request `p`'s browser would send.
  http::Request UpgradeOf(Person& p, const std::string& after = "") {
    http::Request request;
    request.method = "GET";
    request.path = "/api/v1/events";
    request.headers["Cookie"] =
        std::string(api::kSessionCookie) + "=" + p.client.cookies().at(api::kSessionCookie);
    request.headers["Host"] = "copydesk.test";
    request.headers["Origin"] = "https://copydesk.test";
    if (!after.empty()) request.query.emplace_back("after", after);
    return request;
  }

  //! Opens and attaches a connection for `p`; its messages go to the returned record.
  std::pair<std::uint64_t, Recorded*> Open(Person& p, const std::string& after = "") {
    auto id = hub_.Open(UpgradeOf(p, after));
    EXPECT_TRUE(id.ok());
    records_.push_back(std::make_unique<Recorded>());
    Recorded* record = records_.back().get();
    hub_.Attach(
        id.value(),
        {[record](std::string m) { record->messages.push_back(json::parse(m).as_object()); },
         [record](std::uint16_t code, std::string) { record->close_code = code; }});
    return {id.value(), record};
  }

  void Say(std::uint64_t id, const json::object& message) {
    hub_.Receive(id, json::serialize(message));
  }

  TestServer server_;
  std::optional<Person> owner_, reviewer_, guest_, outsider_;
  std::string article_;
  auth::Accounts accounts_{server_.app().db(), server_.config()};
  live::Hub hub_{server_.app().db(), server_.config(), api::LiveDoor(accounts_, server_.config())};
  std::vector<std::unique_ptr<Recorded>> records_;
};

TEST_F(HubTest, RefusesForeignOriginsForCookiesOnly) {
  auto request = UpgradeOf(*owner_);
  request.headers["Origin"] = "https://copydesk.test.evil.example";
  auto refused = hub_.Open(request);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  request.headers.erase("Cookie");
  EXPECT_EQ(hub_.Open(request).error().kind, ErrorKind::kUnauthenticated);
}

TEST_F(HubTest, TellsEachPersonOnlyWhatTheyMayRead) {
  auto [owner_id, owner] = Open(*owner_);
  auto [reviewer_id, reviewer] = Open(*reviewer_);
  auto [guest_id, guest] = Open(*guest_);
  auto [outsider_id, outsider] = Open(*outsider_);
  hub_.Pump();
  EXPECT_EQ(owner->Of("hello").size(), 1u);

  auto r = owner_->client.Post(ContentPath(article_) + "/comments",
                               {{"body", "Pour @[Claire](user:" + reviewer_->user_id + ")"}});
  ASSERT_EQ(r.status, 201) << r.body;
  hub_.Pump();

  EXPECT_EQ(reviewer->EventKinds(),
            (std::vector<std::string>{"comment.created", "notification.created"}));
  EXPECT_EQ(owner->EventKinds(), std::vector<std::string>{"comment.created"});
  EXPECT_TRUE(guest->EventKinds().empty());
  EXPECT_TRUE(outsider->EventKinds().empty());

  // Workspace settings reach the members whose role lets them see them, not guests.
  ASSERT_EQ(owner_->client
                .Post("/api/v1/workspaces/" + owner_->workspace_id + "/teams",
                      {{"name", "Traduction"}, {"members", json::array{}}})
                .status,
            201);
  hub_.Pump();
  EXPECT_EQ(reviewer->EventKinds().back(), "team.created");
  EXPECT_TRUE(guest->EventKinds().empty());
  EXPECT_TRUE(outsider->EventKinds().empty());
}

TEST_F(HubTest, CatchesUpInOrderOrResets) {
  auto [first_id, first] = Open(*reviewer_);
  hub_.Pump();
  const std::int64_t start = first->Of("hello").at(0).at("seq").as_int64();
  for (const char* body : {"Un", "Deux", "Trois"}) {
    ASSERT_EQ(owner_->client.Post(ContentPath(article_) + "/comments", {{"body", body}}).status,
              201);
  }
  auto [late_id, late] = Open(*reviewer_, std::to_string(start));
  hub_.Pump();
  ASSERT_EQ(late->Of("event").size(), 3u);
  EXPECT_EQ(late->Of("event"), first->Of("event"));
  std::int64_t previous = start;
  for (const auto& e : late->Of("event")) {
    EXPECT_GT(e.at("seq").as_int64(), previous);
    previous = e.at("seq").as_int64();
  }

  auto [ahead_id, ahead] = Open(*reviewer_, std::to_string(previous + 10));
  hub_.Pump();
  EXPECT_EQ(ahead->Of("reset").size(), 1u);
  EXPECT_TRUE(ahead->Of("event").empty());
  // More events than a client may catch up on (of a kind nobody is told).
  auto added = server_.app().db().Write([](storage::Tx& tx) -> Result<void> {
    for (std::int64_t i = 0; i <= live::kCatchUpMax; ++i) {
      storage::AppendEvent(tx, std::nullopt, std::nullopt, "user.created", "x", "{}", 0);
    }
    return {};
  });
  ASSERT_TRUE(added.ok());
  auto [behind_id, behind] = Open(*reviewer_);
  Say(behind_id, {{"type", "resume"}, {"after", previous}});
  hub_.Pump();
  EXPECT_EQ(behind->Of("reset").size(), 1u);
  EXPECT_TRUE(behind->Of("event").empty());
}

TEST_F(HubTest, PresenceCountsPeopleNotTabs) {
  auto [tab1, owner] = Open(*owner_);
  auto [tab2, owner2] = Open(*owner_);
  auto [rid, reviewer] = Open(*reviewer_);
  auto [gid, guest] = Open(*guest_);
  const json::object watch{{"type", "watch"}, {"content_id", article_}};
  Say(tab1, watch);
  Say(tab2, watch);
  Say(rid, watch);
  hub_.Pump();
  auto people = reviewer->Of("presence").back().at("people").as_array();
  EXPECT_EQ(people.size(), 2u);
  EXPECT_TRUE(guest->Of("presence").empty());

  hub_.Closed(tab1);
  hub_.Pump();
  EXPECT_EQ(reviewer->Of("presence").back().at("people").as_array().size(), 2u);
  hub_.Closed(tab2);
  hub_.Pump();
  people = reviewer->Of("presence").back().at("people").as_array();
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(Str(people[0].at("id")), reviewer_->user_id);
}

TEST_F(HubTest, ClosesASessionThatSignedOut) {
  auto [id, reviewer] = Open(*reviewer_);
  hub_.Pump();
  ASSERT_EQ(reviewer_->client.Post("/api/v1/auth/logout", json::object{}).status, 204);
  ASSERT_EQ(owner_->client.Post(ContentPath(article_) + "/comments", {{"body", "Là ?"}}).status,
            201);
  hub_.Pump();
  EXPECT_EQ(reviewer->close_code, 4401);
  EXPECT_TRUE(reviewer->Of("event").empty());
}

}  // namespace
}  // namespace copydesk::testing
