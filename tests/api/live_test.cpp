// The live channel over a real WebSocket: who may open it, what each person receives (only
// what they may read), catching up after a reconnection, presence, and robustness.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"
#include "support/ws_client.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

using Headers = std::vector<std::pair<std::string, std::string>>;

std::string Origin(const TestServer& server) {
  return "http://127.0.0.1:" + std::to_string(server.port());
}

//! What a browser of `p` sends: their session cookie, from a page of this server.
Headers BrowserOf(Person& p, const TestServer& server) {
  std::string cookie;
  for (const auto& [name, value] : p.client.cookies()) {
    cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
  }
  return {{"Cookie", cookie}, {"Origin", Origin(server)}};
}

//! Opens the live channel as `p`'s browser and reads its hello.
std::unique_ptr<WsClient> Connect(TestServer& server, Person& p, const std::string& query = "") {
  auto ws =
      std::make_unique<WsClient>(server.port(), "/api/v1/events" + query, BrowserOf(p, server));
  EXPECT_EQ(ws->status(), 101) << ws->body();
  auto hello = ws->ReceiveType("hello");
  EXPECT_TRUE(hello.has_value());
  return ws;
}

std::int64_t SeqOf(const json::object& message) {
  return message.at("seq").as_int64();
}

std::vector<json::object> OfType(const std::vector<json::object>& messages,
                                 const std::string& type) {
  std::vector<json::object> out;
  for (const auto& m : messages) {
    if (m.at("type").as_string() == type) out.push_back(m);
  }
  return out;
}

std::vector<std::string> Names(const json::object& presence) {
  std::vector<std::string> out;
  for (const auto& p : presence.at("people").as_array()) out.push_back(Str(p.at("name")));
  std::sort(out.begin(), out.end());
  return out;
}

json::object PostComment(Person& p, const std::string& content, const std::string& body) {
  auto r = p.client.Post(ContentPath(content) + "/comments", {{"body", body}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json().as_object();
}

class Live : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    reviewer_.emplace(MakeMember(server_, *owner_, "reviewer"));
    guest_.emplace(MakeMember(server_, *owner_, "guest"));
    outsider_.emplace(MakeOutsider(server_, *owner_));
    article_ = Str(CreateArticle(*owner_, "Citernes en hiver", {{"body", "Texte."}}).at("id"));
  }

  TestServer server_;
  std::optional<Person> owner_, reviewer_, guest_, outsider_;
  std::string article_;
};

TEST_F(Live, UpgradeNeedsCredentialsAndThisServersOrigin) {
  WsClient anonymous(server_.port(), "/api/v1/events", {{"Origin", Origin(server_)}});
  EXPECT_EQ(anonymous.status(), 401) << anonymous.body();

  auto headers = BrowserOf(*owner_, server_);
  headers[1].second = "https://evil.example";
  WsClient foreign(server_.port(), "/api/v1/events", headers);
  EXPECT_EQ(foreign.status(), 403) << foreign.body();
  WsClient no_origin(server_.port(), "/api/v1/events", {headers[0]});
  EXPECT_EQ(no_origin.status(), 403) << no_origin.body();

  // An integration's token needs no Origin: no browser sends it on its own.
  auto token = owner_->client.Post("/api/v1/me/tokens", {{"name", "Live"}});
  ASSERT_EQ(token.status, 201) << token.body;
  const std::string secret = Str(token.Json().at("token"));
  WsClient by_query(server_.port(), "/api/v1/events?token=" + secret, {});
  EXPECT_EQ(by_query.status(), 101) << by_query.body();
  WsClient by_header(server_.port(), "/api/v1/events", {{"Authorization", "Bearer " + secret}});
  EXPECT_EQ(by_header.status(), 101) << by_header.body();
  WsClient wrong(server_.port(), "/api/v1/events?token=nope", {});
  EXPECT_EQ(wrong.status(), 401);

  WsClient bad_after(server_.port(), "/api/v1/events?after=x", BrowserOf(*owner_, server_));
  EXPECT_EQ(bad_after.status(), 400);
  // The same path without the upgrade says how to use it.
  EXPECT_EQ(owner_->client.Get("/api/v1/events").status, 400);
  EXPECT_EQ(server_.Client().Get("/api/v1/events").status, 401);
}

TEST_F(Live, AnEventReachesOnlyThoseWhoMayReadTheContent) {
  auto reviewer = Connect(server_, *reviewer_);
  auto guest = Connect(server_, *guest_);
  auto outsider = Connect(server_, *outsider_);

  auto comment = PostComment(*owner_, article_, "Qui relit ?");
  auto event = reviewer->ReceiveType("event");
  ASSERT_TRUE(event.has_value());
  EXPECT_EQ(Str(event->at("kind")), "comment.created");
  EXPECT_EQ(Str(event->at("content_id")), article_);
  EXPECT_EQ(event->at("comment_id"), comment.at("id"));
  EXPECT_EQ(Str(event->at("actor_id")), owner_->user_id);
  // Ids only: the browser refetches what it may read.
  EXPECT_FALSE(event->contains("body"));
  EXPECT_FALSE(event->contains("title"));

  // Delivered in the same round as the reviewer's: what did not come now never will.
  EXPECT_TRUE(OfType(guest->Drain(400), "event").empty());
  EXPECT_TRUE(OfType(outsider->Drain(100), "event").empty());
}

TEST_F(Live, AGuestHearsOfWhatIsSharedWithThemButNeverOfInternalComments) {
  auto shared = owner_->client.Post(ContentPath(article_) + "/shares",
                                    {{"user_id", guest_->user_id}, {"level", "comment"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  auto reviewer = Connect(server_, *reviewer_);
  auto guest = Connect(server_, *guest_);

  auto internal = owner_->client.Post(ContentPath(article_) + "/comments",
                                      {{"body", "Entre nous"}, {"internal", true}});
  ASSERT_EQ(internal.status, 201) << internal.body;
  auto seen = reviewer->ReceiveType("event");
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->at("comment_id"), internal.Json().at("id"));
  // The reply in the internal thread is no guest's news either.
  auto reply = owner_->client.Post(ContentPath(article_) + "/comments",
                                   {{"body", "Oui"}, {"parent", internal.Json().at("id")}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  ASSERT_TRUE(reviewer->ReceiveType("event").has_value());

  auto open = PostComment(*owner_, article_, "Merci à l'agence");
  std::vector<json::value> live;
  for (const auto& m : OfType(guest->Drain(600), "event")) {
    if (m.contains("comment_id")) live.push_back(m.at("comment_id"));
  }
  EXPECT_EQ(live, std::vector<json::value>{open.at("id")});
  // What they may read comes: the open comment (caught up with the rest when it is late).
  auto caught = Connect(server_, *guest_, "?after=0");
  std::vector<json::value> comments;
  for (const auto& m : OfType(caught->Drain(600), "event")) {
    if (m.contains("comment_id")) comments.push_back(m.at("comment_id"));
  }
  EXPECT_EQ(comments, std::vector<json::value>{open.at("id")});
}

TEST_F(Live, ANotificationReachesOnlyItsRecipient) {
  auto reviewer = Connect(server_, *reviewer_);
  auto owner = Connect(server_, *owner_);
  PostComment(*owner_, article_,
              "Relis ça @[Claire reviewer](user:" + reviewer_->user_id + ") stp");
  std::vector<std::string> kinds;
  for (const auto& m : OfType(reviewer->Drain(600), "event")) kinds.push_back(Str(m.at("kind")));
  EXPECT_EQ(kinds, (std::vector<std::string>{"comment.created", "notification.created"}));
  for (const auto& m : OfType(owner->Drain(100), "event")) {
    EXPECT_NE(Str(m.at("kind")), "notification.created");
  }
}

TEST_F(Live, ResumingDeliversExactlyTheMissedEvents) {
  std::int64_t last;
  {
    auto reviewer = Connect(server_, *reviewer_);
    PostComment(*owner_, article_, "Un");
    auto seen = reviewer->ReceiveType("event");
    ASSERT_TRUE(seen.has_value());
    last = SeqOf(*seen);
  }
  std::vector<std::string> missed;
  for (const char* body : {"Deux", "Trois", "Quatre"}) {
    missed.push_back(Str(PostComment(*owner_, article_, body).at("id")));
  }
  auto reviewer = Connect(server_, *reviewer_, "?after=" + std::to_string(last));
  auto events = OfType(reviewer->Drain(500), "event");
  ASSERT_EQ(events.size(), 3u);
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(Str(events[i].at("comment_id")), missed[i]);
    if (i > 0) EXPECT_GT(SeqOf(events[i]), SeqOf(events[i - 1]));
  }

  // The same by a first message, on a connection opened at the head.
  auto again = Connect(server_, *reviewer_);
  again->Send(json::serialize(json::object{{"type", "resume"}, {"after", last}}));
  EXPECT_EQ(OfType(again->Drain(500), "event").size(), 3u);

  // Further than kept (here: ahead of the server): start afresh.
  auto lost = Connect(server_, *reviewer_, "?after=999999");
  auto reset = lost->ReceiveType("reset");
  ASSERT_TRUE(reset.has_value());
  EXPECT_EQ(SeqOf(*reset), SeqOf(events.back()));
}

TEST_F(Live, PresenceAppearsAndDisappears) {
  auto owner = Connect(server_, *owner_);
  auto reviewer = Connect(server_, *reviewer_);
  auto guest = Connect(server_, *guest_);
  const std::string watch =
      json::serialize(json::object{{"type", "watch"}, {"content_id", article_}});

  owner->Send(watch);
  auto seen = reviewer->ReceiveType("presence");
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(Names(*seen), std::vector<std::string>{"Chloé Martin"});
  reviewer->Send(watch);
  seen = owner->ReceiveType("presence");
  ASSERT_TRUE(seen.has_value());
  seen = owner->ReceiveType("presence");  // the first was the owner's own arrival
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(Names(*seen), (std::vector<std::string>{"Chloé Martin", "Claire reviewer"}));

  // A second tab of the same person is still one person.
  auto owner_tab = Connect(server_, *owner_);
  owner_tab->Send(watch);
  seen = reviewer->ReceiveType("presence");
  seen = reviewer->ReceiveType("presence");
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(Names(*seen).size(), 2u);

  // Someone who may not read the content learns nothing of it.
  guest->Send(watch);
  auto refused = guest->ReceiveType("error");
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(Str(refused->at("code")), "not_found");
  EXPECT_TRUE(OfType(guest->Drain(200), "presence").empty());

  owner->Drop();
  owner_tab->Send(json::serialize(json::object{{"type", "unwatch"}, {"content_id", article_}}));
  std::optional<json::object> last;
  for (const auto& m : OfType(reviewer->Drain(500), "presence")) last = m;
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(Names(*last), std::vector<std::string>{"Claire reviewer"});
}

TEST_F(Live, ASignedOutSessionStopsReceiving) {
  auto reviewer = Connect(server_, *reviewer_);
  ASSERT_EQ(reviewer_->client.Post("/api/v1/auth/logout", json::object{}).status, 204);
  PostComment(*owner_, article_, "Encore là ?");
  EXPECT_TRUE(OfType(reviewer->Drain(1000), "event").empty());
  EXPECT_TRUE(reviewer->closed());
  EXPECT_EQ(reviewer->close_code(), 4401);
}

TEST_F(Live, GarbageNeitherCrashesNorStopsTheOthers) {
  auto reviewer = Connect(server_, *reviewer_);
  auto rude = Connect(server_, *owner_);
  rude->Send("not json");
  EXPECT_EQ(Str(rude->ReceiveType("error")->at("code")), "bad_message");
  rude->Send("{\"type\":\"watch\",\"content_id\":42}");
  EXPECT_TRUE(rude->ReceiveType("error").has_value());
  rude->Send("{\"type\":\"resume\",\"after\":-3}");
  EXPECT_TRUE(rude->ReceiveType("error").has_value());
  rude->Send("[1,2,3]");
  EXPECT_TRUE(rude->ReceiveType("error").has_value());
  rude->Send("{\"type\":\"ping\"}");
  EXPECT_TRUE(rude->ReceiveType("pong").has_value());
  // Over the message limit: Beast closes with 1009 (too big).
  rude->Send(std::string(10'000, 'x'));
  rude->Drain(500);
  EXPECT_TRUE(rude->closed());
  EXPECT_EQ(rude->close_code(), 1009);

  auto binary = Connect(server_, *owner_);
  binary->SendFrame(2, "\x01\x02");
  binary->Drain(500);
  EXPECT_EQ(binary->close_code(), 1003);
  auto broken = Connect(server_, *owner_);
  broken->SendRaw("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff");
  broken->Drain(300);

  PostComment(*owner_, article_, "Toujours là.");
  EXPECT_TRUE(reviewer->ReceiveType("event").has_value());
  EXPECT_EQ(server_.Client().Get("/healthz").status, 200);
}

TEST_F(Live, ShutdownClosesLiveConnectionsWithoutWaiting) {
  auto reviewer = Connect(server_, *reviewer_);
  // As a browser does: answer the close frame, then close the socket when the server has.
  std::thread reader([&] {
    reviewer->Drain(3000);
    reviewer->Drop();
  });
  const auto start = std::chrono::steady_clock::now();
  server_.app().Shutdown(5000);
  const auto took = std::chrono::steady_clock::now() - start;
  reader.join();
  EXPECT_LT(took, std::chrono::seconds(2));
  EXPECT_EQ(reviewer->close_code(), 1001);
}

}  // namespace
}  // namespace copydesk::testing
