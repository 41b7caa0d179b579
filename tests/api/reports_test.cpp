// The workspace report over real HTTP (issue 16): contents moved through a workflow with a
// gated status at controlled times (the events' times are set afterwards, as if the work had
// taken days), approved, made stale, published per status and per channel; then the figures.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "storage/events_store.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

constexpr TimeMs kHour = 3600 * 1000;
// 5 October 2026, 08:00 UTC: when the contents below are created.
constexpr TimeMs kT0 = 1791187200000;
// 31 October 2026, 23:30 UTC: October in UTC, already November in Paris.
constexpr TimeMs kHalloweenNight = 1793489400000;

enum Position { kIdea = 0, kWriting, kInternalReview, kLegal, kReady, kPublished };

std::string ReportPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id + "/reports";
}

// The window of every report below: October and November 2026.
const std::string kWindow = "?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z";

struct Desk {
  TestServer server;
  Person owner = MakeOwner(server);
  Person writer = MakeMember(server, owner, "editor");
  Person legal = MakeMember(server, owner, "reviewer");
  std::string legal_team;
  std::vector<std::string> status;

  Desk() {
    const auto teams =
        owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/teams").Json();
    for (const auto& t : teams.at("items").as_array()) {
      if (t.at("name").as_string() == "Juridique") legal_team = Str(t.at("id"));
    }
    auto set = owner.client.Put(
        "/api/v1/workspaces/" + owner.workspace_id + "/teams/" + legal_team + "/members",
        json::array{json::string(legal.user_id)});
    EXPECT_EQ(set.status, 200) << set.body;
    const auto wf =
        owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/workflow").Json();
    for (const auto& s : wf.at("statuses").as_array()) status.push_back(Str(s.at("id")));
  }

  std::string Article(const std::string& title, const std::vector<std::string>& channels) {
    json::array ids;
    for (const auto& c : channels) ids.push_back(json::string(c));
    auto created = CreateContent(writer, {{"type", "article"},
                                          {"title", title},
                                          {"channels", ids},
                                          {"fields", {{"lead", "Les prix baissent."}}}});
    return Str(created.at("id"));
  }

  void Move(const std::string& id, int to, Person* who = nullptr) {
    auto r =
        (who ? *who : writer).client.Post(ContentPath(id) + "/status", {{"status", status[to]}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  void Approve(const std::string& id) {
    const auto revision = RevisionOf(GetContent(writer, id));
    auto r = legal.client.Post(ContentPath(id) + "/approvals",
                               {{"revision", revision}, {"decision", "approved"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  // Gives the content's events of the report's kinds, oldest first, the times listed (as many
  // as there are such events), and the content its creation time.
  void SetTimes(const std::string& id, TimeMs created, const std::vector<TimeMs>& times) {
    auto done = server.app().db().Write([&](storage::Tx& tx) -> Result<void> {
      tx.Exec("UPDATE contents SET created_at = ? WHERE id = ?", {created, id});
      const auto seqs = tx.Rows(
          "SELECT seq FROM events WHERE subject_id = ? AND kind IN ('content.status_changed', "
          "'approval.given', 'approval.stale') ORDER BY seq",
          {id}, [](const storage::Row& r) { return r.Int(0); });
      EXPECT_EQ(seqs.size(), times.size()) << id;
      for (std::size_t i = 0; i < seqs.size() && i < times.size(); ++i)
        tx.Exec("UPDATE events SET created_at = ? WHERE seq = ?", {times[i], seqs[i]});
      return {};
    });
    ASSERT_TRUE(done);
  }

  // A channel marked published as P1's route records it.
  void MarkPublished(const std::string& id, const std::string& channel, TimeMs at) {
    server.app().db().Write([&](storage::Tx& tx) -> Result<void> {
      storage::AppendEvent(tx, owner.workspace_id, owner.user_id, "content.channel_published", id,
                           json::serialize(json::object{{"channel", channel},
                                                        {"channel_name", "LinkedIn"},
                                                        {"published_at", at},
                                                        {"url", "https://example.com/p"}}),
                           at);
      return {};
    });
  }
};

const json::object& Named(const json::value& rows, const char* key, const std::string& id) {
  for (const auto& r : rows.as_array()) {
    if (r.at(key).is_string() && r.at(key).as_string() == id) return r.as_object();
  }
  ADD_FAILURE() << "no " << id << " in " << rows;
  static const json::object none;
  return none;
}

class ReportsTest : public ::testing::Test {
 protected:
  Desk d;
  std::string blog, linkedin, validated;

  void SetUp() override {
    blog = ChannelId(d.owner, "Blog");
    linkedin = ChannelId(d.owner, "LinkedIn");
    // Three contents leave the first status after 1 h, 2 h and 10 h.
    const std::vector<TimeMs> waits = {1 * kHour, 2 * kHour, 10 * kHour};
    for (std::size_t i = 0; i < waits.size(); ++i) {
      const auto id = d.Article("Brève " + std::to_string(i), {});
      d.Move(id, kWriting);
      d.SetTimes(id, kT0, {kT0 + waits[i]});
    }
    // One goes through legal: asked at 1 h, approved at 5 h, its text changes at 6 h (stale),
    // approved again at 8 h, ready at 9 h, published at 10 h, on the blog and LinkedIn.
    validated = d.Article("Tarifs 2027 : ce qui change", {blog, linkedin});
    d.Move(validated, kLegal);
    d.Approve(validated);
    auto c = GetContent(d.writer, validated);
    auto patched = PatchContent(d.writer, validated, VersionOf(c),
                                {{"fields", {{"lead", "Les prix baissent de 5 %."}}}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    d.Approve(validated);
    d.Move(validated, kReady);
    d.Move(validated, kPublished);
    d.SetTimes(validated, kT0,
               {kT0 + 1 * kHour, kT0 + 5 * kHour, kT0 + 6 * kHour, kT0 + 8 * kHour, kT0 + 9 * kHour,
                kT0 + 10 * kHour});
    // Another is marked published on LinkedIn late on 31 October (UTC).
    const auto marked = d.Article("Bilan du mois", {linkedin});
    d.MarkPublished(marked, linkedin, kHalloweenNight);
  }
};

TEST_F(ReportsTest, TimeInEachStatusIsTheMedianAndNinetiethOfTheStaysEnded) {
  auto r = d.writer.client.Get(ReportPath(d.writer) + kWindow);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto report = r.Json();
  EXPECT_EQ(report.at("from").as_string(), "2026-10-01T00:00:00.000Z");
  EXPECT_EQ(report.at("time_zone").as_string(), "UTC");
  const auto& statuses = report.at("statuses");
  // Idea: 1 h, 1 h, 2 h, 10 h → median 1.5 h; p90 = 2 h + 0.7 × 8 h = 7.6 h.
  const auto& idea = Named(statuses, "status", d.status[kIdea]);
  EXPECT_EQ(idea.at("count").as_int64(), 4);
  EXPECT_EQ(idea.at("median_ms").as_int64(), 90 * 60 * 1000);
  EXPECT_EQ(idea.at("p90_ms").as_int64(), 27360000);  // 7.6 h
  const auto& legal = Named(statuses, "status", d.status[kLegal]);
  EXPECT_EQ(legal.at("count").as_int64(), 1);
  EXPECT_EQ(legal.at("median_ms").as_int64(), 8 * kHour);
  // Nobody left "writing" or "published": no figure rather than a made-up one.
  const auto& writing = Named(statuses, "status", d.status[kWriting]);
  EXPECT_EQ(writing.at("count").as_int64(), 0);
  EXPECT_TRUE(writing.at("median_ms").is_null());
}

TEST_F(ReportsTest, LegalsWaitRunsFromTheRequestToItsDecisionAndAgainAfterTheTextChanged) {
  auto r = d.writer.client.Get(ReportPath(d.writer) + kWindow);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& team = Named(r.Json().at("approvals"), "team", d.legal_team);
  EXPECT_EQ(team.at("name").as_string(), "Juridique");
  // 4 h (asked at 1 h, decided at 5 h) and 2 h (stale at 6 h, decided at 8 h).
  EXPECT_EQ(team.at("count").as_int64(), 2);
  EXPECT_EQ(team.at("median_ms").as_int64(), 3 * kHour);
  EXPECT_EQ(team.at("p90_ms").as_int64(), 13680000);  // 3.8 h
}

TEST_F(ReportsTest, StaleApprovalsBeforePublicationAreCountedAndListed) {
  auto r = d.writer.client.Get(ReportPath(d.writer) + kWindow);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& stale = r.Json().at("stale_approvals");
  EXPECT_EQ(stale.at("count").as_int64(), 1);
  const auto& item = stale.at("items").at(0);
  EXPECT_EQ(item.at("content").at("id").as_string(), validated);
  EXPECT_EQ(item.at("content").at("title").as_string(), "Tarifs 2027 : ce qui change");
  EXPECT_EQ(item.at("team").at("name").as_string(), "Juridique");
  EXPECT_EQ(item.at("stale_at").as_string(), "2026-10-05T14:00:00.000Z");
  EXPECT_EQ(item.at("published_at").as_string(), "2026-10-05T18:00:00.000Z");
}

TEST_F(ReportsTest, PublicationsArePerChannelAndMonthInTheAskedTimeZone) {
  auto utc = d.writer.client.Get(ReportPath(d.writer) + kWindow);
  ASSERT_EQ(utc.status, 200) << utc.body;
  const auto& pubs = utc.Json().at("publications");
  EXPECT_EQ(pubs.at("months"), json::parse(R"(["2026-10", "2026-11"])"));
  EXPECT_EQ(pubs.at("total").as_int64(), 3);
  EXPECT_EQ(Named(pubs.at("channels"), "channel", blog).at("counts"), json::parse("[1, 0]"));
  EXPECT_EQ(Named(pubs.at("channels"), "channel", linkedin).at("counts"), json::parse("[2, 0]"));

  auto paris = d.writer.client.Get(ReportPath(d.writer) + kWindow + "&tz=Europe/Paris");
  ASSERT_EQ(paris.status, 200) << paris.body;
  const auto& in_paris = paris.Json().at("publications");
  // The window ends at 01:00 on 1 December in Paris: that month is touched too.
  EXPECT_EQ(in_paris.at("months"), json::parse(R"(["2026-10", "2026-11", "2026-12"])"));
  EXPECT_EQ(Named(in_paris.at("channels"), "channel", linkedin).at("counts"),
            json::parse("[1, 1, 0]"));
  EXPECT_EQ(in_paris.at("totals"), json::parse("[2, 1, 0]"));
}

TEST_F(ReportsTest, AWindowThatMissesTheWorkShowsNothing) {
  auto r = d.writer.client.Get(ReportPath(d.writer) +
                               "?from=2026-08-01T00:00:00Z&to=2026-09-01T00:00:00Z");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto report = r.Json();
  EXPECT_EQ(report.at("publications").at("total").as_int64(), 0);
  EXPECT_EQ(report.at("stale_approvals").at("count").as_int64(), 0);
  EXPECT_EQ(Named(report.at("statuses"), "status", d.status[kIdea]).at("count").as_int64(), 0);
}

TEST(Reports, TheDefaultWindowIsTheLastNinetyDays) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto r = owner.client.Get(ReportPath(owner));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto report = r.Json();
  const auto from = ParseTime(report.at("from").as_string());
  const auto to = ParseTime(report.at("to").as_string());
  ASSERT_TRUE(from && to);
  EXPECT_EQ(*to - *from, 90LL * 24 * kHour);
}

TEST(Reports, BadWindowsAndZonesAreRefusedNamingTheField) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"?from=yesterday", "from"},
      {"?to=2026-13-01", "to"},
      {"?from=2026-10-02&to=2026-10-01", "to"},
      {"?from=2025-01-01&to=2026-10-01", "from"},
      {"?tz=Mars/Olympus", "tz"},
  };
  for (const auto& [query, field] : cases) {
    auto r = owner.client.Get(ReportPath(owner) + query);
    EXPECT_EQ(r.status, 422) << query << " " << r.body;
    EXPECT_TRUE(NamesField(r, field)) << query << " " << r.body;
  }
}

TEST(Reports, OnlyEditorsAndAboveSeeTheReport) {
  TestServer server;
  Person owner = MakeOwner(server);
  for (const char* role : {"contributor", "reviewer", "guest"}) {
    Person p = MakeMember(server, owner, role);
    EXPECT_EQ(p.client.Get(ReportPath(p)).status, 403) << role;
  }
  Person outsider = MakeOutsider(server, owner);
  EXPECT_EQ(outsider.client.Get(ReportPath(owner)).status, 404);
  EXPECT_EQ(server.Client().Get(ReportPath(owner)).status, 401);
}

}  // namespace
}  // namespace copydesk::testing
