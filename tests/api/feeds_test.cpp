// Calendar feeds over real HTTP: a person subscribes to their work, a view or a project; a
// calendar app (no cookies) reads the URL; the feed is read as its owner at each fetch, so what
// they may no longer see leaves it at once, CANCELLED.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string WsPath(const Person& p, const std::string& rest) {
  return "/api/v1/workspaces/" + p.workspace_id + rest;
}

// The event of `uid` in a calendar's text, from BEGIN:VEVENT to END:VEVENT ("" when absent).
std::string EventOf(const std::string& calendar, const std::string& uid) {
  const auto at = calendar.find("UID:" + uid + "\r\n");
  if (at == std::string::npos) return "";
  const auto begin = calendar.rfind("BEGIN:VEVENT", at);
  const auto end = calendar.find("END:VEVENT", at);
  return calendar.substr(begin, end - begin);
}

class Feeds : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    editor_.emplace(MakeMember(server_, *owner_, "editor"));
    guest_.emplace(MakeMember(server_, *owner_, "guest"));
  }

  //! A new feed of `who`: its answer (feed and url), 201 expected.
  json::object Subscribe(Person& who, json::object body) {
    if (!body.contains("workspace")) body["workspace"] = who.workspace_id;
    auto r = who.client.Post("/api/v1/me/feeds", body);
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = r.Json();
    return j.is_object() ? j.as_object() : json::object{};
  }

  //! The path of a feed's URL, fetched by a client with no session: a calendar app.
  HttpResponse Fetch(const json::object& created,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
    const std::string url = Str(created.at("url"));
    const auto path = url.substr(url.find("/api/v1/feeds/"));
    return server_.Client().Send("GET", path, std::nullopt, headers);
  }

  std::string Dated(Person& who, const std::string& title, const std::string& at,
                    json::object more = {}) {
    more["type"] = "article";
    more["title"] = title;
    more["publish_at"] = at;
    return Str(CreateContent(who, more).at("id"));
  }

  TestServer server_;
  std::optional<Person> owner_, editor_, guest_;
};

TEST_F(Feeds, MyWorkIsACalendarWithItsSecretShownOnceThenRevoked) {
  const auto id = Dated(*editor_, "Offre d'été", "2026-12-10T08:00:00Z");
  Dated(*owner_, "Someone else's", "2026-12-11T08:00:00Z");
  const auto created = Subscribe(*editor_, {{"kind", "my_work"}});
  const std::string url = Str(created.at("url"));
  EXPECT_NE(url.find("/api/v1/feeds/"), std::string::npos);
  EXPECT_EQ(url.substr(url.size() - 4), ".ics");
  const auto& feed = created.at("feed").as_object();
  EXPECT_EQ(feed.at("kind"), "my_work");
  EXPECT_TRUE(feed.at("last_used_at").is_null());

  auto r = Fetch(created);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_NE(r.body.find("BEGIN:VCALENDAR"), std::string::npos);
  const auto event = EventOf(r.body, "content-" + id + "@copydesk");
  ASSERT_FALSE(event.empty()) << r.body;
  EXPECT_NE(event.find("DTSTART:20261210T080000Z"), std::string::npos) << event;
  EXPECT_NE(event.find("STATUS:CONFIRMED"), std::string::npos) << event;
  EXPECT_NE(event.find("/contents/" + id), std::string::npos) << event;
  EXPECT_EQ(r.body.find("Someone else"), std::string::npos) << "not the editor's work";

  // Listed, with its use, never with its secret.
  const std::string secret = url.substr(url.rfind('/') + 1, url.size() - url.rfind('/') - 5);
  auto list = editor_->client.Get("/api/v1/me/feeds");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(secret), std::string::npos);
  const auto& items = list.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items.at(0).at("last_used_at").is_null());
  EXPECT_EQ(items.at(0).at("workspace").at("id"), json::value(editor_->workspace_id));
  // Another person's list does not show it, nor may they revoke it.
  EXPECT_TRUE(owner_->client.Get("/api/v1/me/feeds").Json().at("items").as_array().empty());
  const std::string feed_id = Str(feed.at("id"));
  EXPECT_EQ(owner_->client.Delete("/api/v1/me/feeds/" + feed_id).status, 404);

  ASSERT_EQ(editor_->client.Delete("/api/v1/me/feeds/" + feed_id).status, 204);
  auto gone = Fetch(created);
  EXPECT_EQ(gone.status, 404);
  auto unknown = server_.Client().Get("/api/v1/feeds/not-a-secret.ics");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(gone.body, unknown.body) << "a revoked secret and an unknown one answer alike";
  EXPECT_EQ(editor_->client.Delete("/api/v1/me/feeds/" + feed_id).status, 404);
}

TEST_F(Feeds, AGuestsFeedLosesAnUnsharedContentAtOnceAndShowsItCancelled) {
  const auto id = Dated(*editor_, "Brief agence", "2026-12-14");
  auto shared = editor_->client.Post(ContentPath(id) + "/shares",
                                     json::object{{"user_id", guest_->user_id}, {"level", "read"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  const auto secret_one = Dated(*editor_, "Plan secret", "2026-12-15");
  auto view = guest_->client.Post(WsPath(*guest_, "/views"),
                                  json::object{{"name", "Tout"}, {"filters", json::object{}}});
  ASSERT_EQ(view.status, 201) << view.body;
  const auto created = Subscribe(*guest_, {{"kind", "view"}, {"view", view.Json().at("id")}});

  auto before = Fetch(created);
  ASSERT_EQ(before.status, 200) << before.body;
  const auto event = EventOf(before.body, "content-" + id + "@copydesk");
  ASSERT_FALSE(event.empty()) << before.body;
  // A date without a time is a day.
  EXPECT_NE(event.find("DTSTART;VALUE=DATE:20261214"), std::string::npos) << event;
  EXPECT_EQ(before.body.find("Plan secret"), std::string::npos);
  EXPECT_EQ(before.body.find(secret_one), std::string::npos);

  const auto shares = editor_->client.Get(ContentPath(id) + "/shares").Json();
  ASSERT_EQ(
      editor_->client.Delete("/api/v1/shares/" + Str(shares.at("items").at(0).at("id"))).status,
      204);
  auto after = Fetch(created);
  ASSERT_EQ(after.status, 200);
  const auto cancelled = EventOf(after.body, "content-" + id + "@copydesk");
  ASSERT_FALSE(cancelled.empty()) << after.body;
  EXPECT_NE(cancelled.find("STATUS:CANCELLED"), std::string::npos) << cancelled;
  EXPECT_NE(cancelled.find("SEQUENCE:1"), std::string::npos) << cancelled;
  EXPECT_EQ(after.body.find("Brief agence"), std::string::npos) << "no title once unshared";
}

TEST_F(Feeds, SequenceGrowsWhenADateMovesAndArchivedContentsAreCancelled) {
  auto project = editor_->client.Post(WsPath(*editor_, "/projects"),
                                      json::object{{"name", "Campagne, hiver; 2027"}});
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string project_id = Str(project.Json().at("id"));
  const auto moved = Dated(*editor_, "Moved", "2026-12-10T08:00:00Z", {{"project", project_id}});
  const auto archived =
      Dated(*editor_, "Archived", "2026-12-11T08:00:00Z", {{"project", project_id}});
  const auto created = Subscribe(*editor_, {{"kind", "project"}, {"project", project_id}});
  EXPECT_EQ(created.at("feed").at("label"), "Campagne, hiver; 2027");

  auto first = Fetch(created);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(EventOf(first.body, "content-" + moved + "@copydesk").find("SEQUENCE:0"),
            std::string::npos);

  auto content = GetContent(*editor_, moved);
  ASSERT_EQ(
      PatchContent(*editor_, moved, VersionOf(content), {{"publish_at", "2026-12-12T09:30:00Z"}})
          .status,
      200);
  ASSERT_EQ(editor_->client.Delete(ContentPath(archived)).status, 200);
  auto second = Fetch(created);
  const auto event = EventOf(second.body, "content-" + moved + "@copydesk");
  EXPECT_NE(event.find("SEQUENCE:1"), std::string::npos) << event;
  EXPECT_NE(event.find("DTSTART:20261212T093000Z"), std::string::npos) << event;
  EXPECT_NE(EventOf(second.body, "content-" + archived + "@copydesk").find("STATUS:CANCELLED"),
            std::string::npos)
      << second.body;
  // A fetch that finds nothing new changes nothing.
  EXPECT_EQ(Fetch(created).body, second.body);
}

TEST_F(Feeds, AViewWithWordsShowsWhatItsSearchFinds) {
  const auto solar = Dated(*editor_, "Offre solaire", "2026-12-10T08:00:00Z");
  const auto heat = Dated(*editor_, "Pompe à chaleur", "2026-12-11T08:00:00Z");
  auto view = editor_->client.Post(WsPath(*editor_, "/views"),
                                   json::object{{"name", "Solaire"}, {"q", "solaire"}});
  ASSERT_EQ(view.status, 201) << view.body;
  const auto created = Subscribe(*editor_, {{"kind", "view"}, {"view", view.Json().at("id")}});
  // The index follows saves on its own thread.
  HttpResponse r = Fetch(created);
  for (int i = 0; i < 120 && EventOf(r.body, "content-" + solar + "@copydesk").empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    r = Fetch(created);
  }
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(EventOf(r.body, "content-" + solar + "@copydesk").empty()) << r.body;
  EXPECT_TRUE(EventOf(r.body, "content-" + heat + "@copydesk").empty()) << r.body;
}

TEST_F(Feeds, AnUnchangedCalendarAnswers304ToItsEtag) {
  const auto id = Dated(*editor_, "Newsletter", "2026-12-10T08:00:00Z");
  const auto created = Subscribe(*editor_, {{"kind", "my_work"}});
  auto first = Fetch(created);
  ASSERT_EQ(first.status, 200);
  const auto etag = first.Header("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = Fetch(created, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.Header("ETag"), etag);

  auto content = GetContent(*editor_, id);
  ASSERT_EQ(
      PatchContent(*editor_, id, VersionOf(content), {{"title", "Newsletter de Noël"}}).status,
      200);
  auto changed = Fetch(created, {{"If-None-Match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.Header("ETag"), etag);
}

TEST_F(Feeds, ARemovedMembersFeedAnswers404) {
  const auto created = Subscribe(*editor_, {{"kind", "my_work"}});
  ASSERT_EQ(Fetch(created).status, 200);
  ASSERT_EQ(owner_->client.Delete(WsPath(*owner_, "/members/" + editor_->user_id)).status, 204);
  EXPECT_EQ(Fetch(created).status, 404);
}

TEST_F(Feeds, BadInputIsRefusedNamingTheField) {
  auto post = [&](json::object body) { return editor_->client.Post("/api/v1/me/feeds", body); };
  auto kind = post({{"workspace", editor_->workspace_id}, {"kind", "weekly"}});
  EXPECT_EQ(kind.status, 422);
  EXPECT_TRUE(NamesField(kind, "kind")) << kind.body;
  auto no_view = post({{"workspace", editor_->workspace_id}, {"kind", "view"}});
  EXPECT_EQ(no_view.status, 422);
  EXPECT_TRUE(NamesField(no_view, "view")) << no_view.body;
  auto stray = post({{"workspace", editor_->workspace_id}, {"kind", "my_work"}, {"project", "x"}});
  EXPECT_EQ(stray.status, 422);
  EXPECT_TRUE(NamesField(stray, "project")) << stray.body;
  auto unknown_view = post({{"workspace", editor_->workspace_id}, {"kind", "view"}, {"view", "x"}});
  EXPECT_EQ(unknown_view.status, 422);
  EXPECT_TRUE(NamesField(unknown_view, "view")) << unknown_view.body;
  auto outsider = MakeOutsider(server_, *owner_);
  auto other = post({{"workspace", outsider.workspace_id}, {"kind", "my_work"}});
  EXPECT_EQ(other.status, 422);
  EXPECT_TRUE(NamesField(other, "workspace")) << other.body;
  auto missing = post({{"workspace", editor_->workspace_id}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_TRUE(NamesField(missing, "kind")) << missing.body;
  // A guest follows shared contents through their work and their views, not a whole project.
  auto project = editor_->client.Post(WsPath(*editor_, "/projects"), json::object{{"name", "P"}});
  auto guest_project =
      guest_->client.Post("/api/v1/me/feeds", json::object{{"workspace", guest_->workspace_id},
                                                           {"kind", "project"},
                                                           {"project", project.Json().at("id")}});
  EXPECT_EQ(guest_project.status, 422);
  EXPECT_TRUE(NamesField(guest_project, "project")) << guest_project.body;
  EXPECT_TRUE(editor_->client.Get("/api/v1/me/feeds").Json().at("items").as_array().empty());
}

}  // namespace
}  // namespace copydesk::testing
