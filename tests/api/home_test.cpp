// The home (GET /workspaces/{ws}/home) over real HTTP: the week's publications, what waits for
// an approver, a manager's validations pending per team with their waiting time, a guest's home
// holding only what is shared, the links behind the figures, and the week refused when malformed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;
enum Position { kIdea = 0, kWriting, kInternalReview, kLegal, kReady, kPublished };

std::string WsPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id;
}

// The week around now, as a browser in UTC would ask it.
std::string WeekQuery(TimeMs from = NowMs() - 3 * kDayMs, TimeMs to = NowMs() + 4 * kDayMs) {
  return "?tz=Europe%2FParis&from=" + FormatTime(from) + "&to=" + FormatTime(to);
}

HttpResponse GetHome(Person& p, const std::string& query = WeekQuery()) {
  return p.client.Get(WsPath(p) + "/home" + query);
}

json::object Home(Person& p) {
  auto r = GetHome(p);
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.as_object() : json::object{};
}

std::vector<std::string> Titles(const json::array& items, const char* content_key = nullptr) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    const auto& c = content_key ? item.at(content_key) : item;
    out.push_back(Str(c.at("title")));
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct HomeDesk : ::testing::Test {
  TestServer server;
  Person owner = MakeOwner(server);
  Person writer = MakeMember(server, owner, "editor");
  Person legal = MakeMember(server, owner, "reviewer");
  Person agency = MakeMember(server, owner, "guest");
  std::string legal_team;
  std::vector<std::string> status;

  void SetUp() override {
    auto teams = owner.client.Get(WsPath(owner) + "/teams").Json().at("items").as_array();
    for (const auto& t : teams)
      if (t.at("name").as_string() == "Juridique") legal_team = Str(t.at("id"));
    ASSERT_FALSE(legal_team.empty());
    auto put = owner.client.Put(WsPath(owner) + "/teams/" + legal_team + "/members",
                                json::array{json::string(legal.user_id)});
    ASSERT_EQ(put.status, 200) << put.body;
    auto wf = owner.client.Get(WsPath(owner) + "/workflow").Json();
    for (const auto& s : wf.at("statuses").as_array()) status.push_back(Str(s.at("id")));
  }

  //! An article of the writer's, dated `publish_at` (ISO) when given, moved to `position`.
  std::string Article(const std::string& title, const std::string& publish_at = "",
                      int position = kIdea) {
    json::object body{{"type", "article"}, {"title", title}, {"fields", json::object{}}};
    if (!publish_at.empty()) body["publish_at"] = publish_at;
    const std::string id = Str(CreateContent(writer, body).at("id"));
    if (position != kIdea) {
      auto moved = writer.client.Post(ContentPath(id) + "/status", {{"status", status[position]}});
      EXPECT_EQ(moved.status, 200) << moved.body;
    }
    return id;
  }
};

TEST_F(HomeDesk, TheWeekShowsItsPublicationsAndAnApproverSeesWhatWaitsForThem) {
  const std::string in_legal = Article("Tarifs 2025", FormatTime(NowMs() + kDayMs), kLegal);
  Article("Hors semaine", FormatTime(NowMs() + 30 * kDayMs));
  Article("Sans date");

  auto home = Home(legal);
  EXPECT_EQ(Titles(home.at("week").at("publications").as_array(), "content"),
            std::vector<std::string>{"Tarifs 2025"});
  const auto& waiting = home.at("waiting_for_me").as_object();
  EXPECT_EQ(waiting.at("total").as_int64(), 1);
  EXPECT_EQ(Str(waiting.at("items").at(0).at("content").at("id")), in_legal);
  EXPECT_EQ(Str(waiting.at("items").at(0).at("team").at("name")), "Juridique");
  EXPECT_EQ(Str(waiting.at("link").at("screen")), "my_work");
  EXPECT_EQ(Str(home.at("week").at("time_zone")), "Europe/Paris");
  EXPECT_TRUE(home.at("pending_by_team").is_null());  // a reviewer manages no team

  // The writer is no Legal member: nothing waits for them.
  EXPECT_EQ(Home(writer).at("waiting_for_me").at("total").as_int64(), 0);

  // Once Legal approved the current text, it no longer waits.
  auto content = GetContent(legal, in_legal);
  auto decided = legal.client.Post(ContentPath(in_legal) + "/approvals",
                                   {{"revision", RevisionOf(content)}, {"decision", "approved"}});
  ASSERT_EQ(decided.status, 201) << decided.body;
  EXPECT_EQ(Home(legal).at("waiting_for_me").at("total").as_int64(), 0);
}

TEST_F(HomeDesk, AManagerSeesValidationsPendingPerTeamWithTheirWait) {
  Article("Premier", "", kLegal);
  Article("Second", "", kLegal);
  auto home = Home(owner);
  const auto& pending = home.at("pending_by_team").as_array();
  ASSERT_EQ(pending.size(), 1u) << pending;
  EXPECT_EQ(Str(pending[0].at("team").at("name")), "Juridique");
  EXPECT_EQ(pending[0].at("total").as_int64(), 2);
  EXPECT_GE(pending[0].at("waiting_seconds").as_int64(), 0);
  const auto oldest = ParseTime(Str(pending[0].at("oldest_since")));
  ASSERT_TRUE(oldest);
  EXPECT_LE(*oldest, NowMs());
  EXPECT_GT(*oldest, NowMs() - 60'000);
  // The link is the list filtered on the statuses where the team's approval is asked.
  EXPECT_EQ(Str(pending[0].at("link").at("screen")), "contents");
  EXPECT_EQ(Str(pending[0].at("link").at("query")), "status=" + status[kLegal]);
  auto listed =
      owner.client.Get(WsPath(owner) + "/contents?" + Str(pending[0].at("link").at("query")));
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(ItemIds(listed).size(), 2u);
  // An editor is no manager.
  EXPECT_TRUE(Home(writer).at("pending_by_team").is_null());
}

TEST_F(HomeDesk, AssignedLateAndTasksCarryTheirLinks) {
  const std::string late = Article("En retard", FormatTime(NowMs() - 2 * kDayMs), kWriting);
  auto content = GetContent(writer, late);
  ASSERT_EQ(PatchContent(writer, late, VersionOf(content),
                         {{"assignees", json::array{json::string(legal.user_id)}}})
                .status,
            200);
  auto task = owner.client.Post(WsPath(owner) + "/tasks",
                                {{"title", "Relire les tarifs"},
                                 {"assignees", json::array{json::string(legal.user_id)}},
                                 {"due_at", FormatTime(NowMs() + 2 * kDayMs)}});
  ASSERT_EQ(task.status, 201) << task.body;
  owner.client.Post(WsPath(owner) + "/tasks",
                    {{"title", "Plus tard"},
                     {"assignees", json::array{json::string(legal.user_id)}},
                     {"due_at", FormatTime(NowMs() + 20 * kDayMs)}});

  auto home = Home(legal);
  EXPECT_EQ(home.at("assigned").at("total").as_int64(), 1);
  EXPECT_EQ(Str(home.at("assigned").at("link").at("query")), "assignee=" + legal.user_id);
  EXPECT_EQ(home.at("late").at("total").as_int64(), 1);
  EXPECT_TRUE(home.at("late").at("items").at(0).at("late").as_bool());
  EXPECT_EQ(Str(home.at("late").at("link").at("screen")), "contents");
  EXPECT_EQ(home.at("tasks").at("total").as_int64(), 1);  // the one due within a week
  EXPECT_EQ(Str(home.at("tasks").at("items").at(0).at("title")), "Relire les tarifs");
}

TEST_F(HomeDesk, AGuestSeesOnlyWhatIsSharedWithThem) {
  const std::string shared = Article("Partagé", FormatTime(NowMs() + kDayMs), kLegal);
  Article("Interne", FormatTime(NowMs() + kDayMs), kLegal);
  Article("Interne en retard", FormatTime(NowMs() - kDayMs), kWriting);
  auto r = writer.client.Post(ContentPath(shared) + "/shares",
                              {{"user_id", agency.user_id}, {"level", "read"}});
  ASSERT_TRUE(r.status == 201 || r.status == 200) << r.body;

  auto home = Home(agency);
  EXPECT_EQ(Titles(home.at("week").at("publications").as_array(), "content"),
            std::vector<std::string>{"Partagé"});
  EXPECT_EQ(home.at("late").at("total").as_int64(), 0);
  EXPECT_TRUE(home.at("pending_by_team").is_null());
  EXPECT_EQ(home.at("waiting_for_me").at("total").as_int64(), 0);
  // Not a member: as if the workspace did not exist.
  auto outsider = MakeOutsider(server, owner);
  EXPECT_EQ(outsider.client.Get(WsPath(owner) + "/home" + WeekQuery()).status, 404);
}

TEST_F(HomeDesk, AMalformedWeekIsRefusedNamingTheField) {
  const TimeMs now = NowMs();
  auto refused = [&](const std::string& query, const std::string& field) {
    auto r = GetHome(owner, query);
    EXPECT_EQ(r.status, 422) << query << " " << r.body;
    EXPECT_TRUE(NamesField(r, field)) << query << " " << r.body;
  };
  refused("?tz=Mars%2FOlympus&from=" + FormatTime(now) + "&to=" + FormatTime(now + kDayMs), "tz");
  refused("?tz=..%2F..%2Fetc%2Fpasswd&from=" + FormatTime(now) + "&to=" + FormatTime(now + kDayMs),
          "tz");
  refused("?from=yesterday&to=" + FormatTime(now), "from");
  refused("?from=" + FormatTime(now), "to");
  refused("?from=" + FormatTime(now) + "&to=" + FormatTime(now - kDayMs), "to");
  refused("?from=" + FormatTime(now) + "&to=" + FormatTime(now + 30 * kDayMs), "to");
  EXPECT_EQ(server.Client().Get(WsPath(owner) + "/home" + WeekQuery()).status, 401);
}

// ---- the person's time zone (PATCH /me) -------------------------------------------------------

TEST_F(HomeDesk, APersonSetsAndClearsTheirTimeZone) {
  auto me = writer.client.Get("/api/v1/me").Json();
  EXPECT_TRUE(me.at("user").at("time_zone").is_null());
  auto set = writer.client.Patch("/api/v1/me", {{"time_zone", "Europe/Paris"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(Str(set.Json().at("user").at("time_zone")), "Europe/Paris");
  EXPECT_EQ(Str(writer.client.Get("/api/v1/me").Json().at("user").at("time_zone")), "Europe/Paris");
  // Changing the name alone keeps the zone.
  ASSERT_EQ(writer.client.Patch("/api/v1/me", {{"name", "Camille"}}).status, 200);
  EXPECT_EQ(Str(writer.client.Get("/api/v1/me").Json().at("user").at("time_zone")), "Europe/Paris");
  // null: back to the browser's.
  auto cleared = writer.client.Patch("/api/v1/me", {{"time_zone", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.Json().at("user").at("time_zone").is_null());
}

TEST_F(HomeDesk, AnUnknownTimeZoneOrAPathIsRefusedAndNothingIsKept) {
  ASSERT_EQ(writer.client.Patch("/api/v1/me", {{"time_zone", "America/New_York"}}).status, 200);
  for (const char* zone : {"Mars/Olympus", "../../../etc/passwd", "/etc/localtime", "Europe/",
                           "Europe/../Europe/Paris", "posix/Europe/Paris", "", "zone.tab"}) {
    auto r = writer.client.Patch("/api/v1/me", {{"time_zone", zone}, {"name", "Autre nom"}});
    EXPECT_EQ(r.status, 422) << zone << " " << r.body;
    EXPECT_TRUE(NamesField(r, "time_zone")) << zone << " " << r.body;
  }
  auto r = writer.client.Patch("/api/v1/me", {{"time_zone", 42}});
  EXPECT_TRUE(r.status == 400 || r.status == 422) << r.body;
  const auto me = writer.client.Get("/api/v1/me").Json();
  EXPECT_EQ(Str(me.at("user").at("time_zone")), "America/New_York");
  EXPECT_NE(Str(me.at("user").at("name")), "Autre nom");
}

}  // namespace
}  // namespace copydesk::testing
