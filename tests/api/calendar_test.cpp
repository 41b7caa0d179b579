// The calendar and publication per channel over real HTTP: what a month view answers, how a
// channel is planned and marked published, the `publication` filter in the list, search and a
// saved view, what a guest sees, and the problems bad input gets. The rules themselves are tested
// without HTTP in tests/content/publication_test.cpp and tests/content/publications_test.cpp.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "core/clock.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

constexpr TimeMs kDay = 24LL * 3600 * 1000;

std::string WsPath(const Person& p, const std::string& rest) {
  return "/api/v1/workspaces/" + p.workspace_id + rest;
}

std::string PublicationPath(const std::string& content, const std::string& channel) {
  return ContentPath(content) + "/publications/" + channel;
}

std::string CalendarPath(const Person& p, TimeMs from, TimeMs to, const std::string& extra = "") {
  return WsPath(p, "/calendar?from=" + FormatTime(from) + "&to=" + FormatTime(to) + extra);
}

// Searches until `ready` holds or three seconds pass: the index follows writes on its thread.
HttpResponse SearchUntil(Person& p, const std::string& query,
                         const std::function<bool(const json::value&)>& ready) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  for (;;) {
    auto r = p.client.Get(WsPath(p, "/search?" + query));
    if (r.status != 200 || ready(r.Json()) || std::chrono::steady_clock::now() > deadline) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

std::vector<std::string> HitIds(const json::value& j) {
  std::vector<std::string> ids;
  for (const auto& h : j.at("items").as_array()) ids.push_back(Str(h.at("id")));
  return ids;
}

json::object Publication(const json::object& content, const std::string& channel) {
  for (const auto& p : content.at("publications").as_array()) {
    if (p.at("channel").as_string() == channel) return p.as_object();
  }
  ADD_FAILURE() << "no publication on " << channel << " in " << json::serialize(content);
  return {};
}

class Calendar : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    linkedin_ = ChannelId(*owner_, "LinkedIn");
    site_ = ChannelId(*owner_, "Site web");
  }

  // A content on LinkedIn and the website, dated `publish_at`.
  json::object TwoChannels(const std::string& title, TimeMs publish_at) {
    return CreateContent(*owner_, {{"type", "article"},
                                   {"title", title},
                                   {"channels", {linkedin_, site_}},
                                   {"publish_at", FormatTime(publish_at)}});
  }

  HttpResponse Plan(const std::string& id, const std::string& channel, json::value planned_at,
                    std::int64_t version) {
    return owner_->client.Put(PublicationPath(id, channel),
                              {{"planned_at", planned_at}, {"version", version}});
  }

  HttpResponse Mark(const std::string& id, const std::string& channel, json::object body = {}) {
    return owner_->client.Post(PublicationPath(id, channel) + "/published", body);
  }

  // The workflow as seeded without its gates.
  void Ungate() {
    auto statuses = owner_->client.Get(WsPath(*owner_, "/workflow")).Json().at("statuses");
    for (auto& s : statuses.as_array()) s.as_object()["gate"] = nullptr;
    auto r = owner_->client.Put(WsPath(*owner_, "/workflow"), {{"statuses", statuses}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  TestServer server_;
  std::optional<Person> owner_;
  std::string linkedin_, site_;
};

TEST_F(Calendar, TwoChannelsPlannedOnTwoDaysShowAsTwoEntries) {
  const TimeMs base = NowMs() + 20 * kDay;
  auto c = TwoChannels("Tarifs 2027", base);
  const std::string id = Str(c.at("id"));
  EXPECT_EQ(c.at("publication").as_string(), "planned");
  EXPECT_TRUE(Publication(c, linkedin_).at("planned_at").is_null());
  EXPECT_EQ(Publication(c, linkedin_).at("at").as_string(), FormatTime(base));

  auto planned = Plan(id, linkedin_, json::string(FormatTime(base + 3 * kDay)), VersionOf(c));
  ASSERT_EQ(planned.status, 200) << planned.body;
  const auto after = planned.Json().as_object();
  EXPECT_EQ(VersionOf(after), VersionOf(c) + 1);
  EXPECT_EQ(Publication(after, linkedin_).at("planned_at").as_string(),
            FormatTime(base + 3 * kDay));

  auto r = owner_->client.Get(CalendarPath(*owner_, base - kDay, base + 10 * kDay));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto entries = r.Json().at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u) << r.body;
  EXPECT_EQ(Str(entries[0].at("channel")), site_);
  EXPECT_EQ(entries[0].at("own_date").as_bool(), false);
  EXPECT_EQ(entries[0].at("at").as_string(), FormatTime(base));
  EXPECT_EQ(Str(entries[1].at("channel")), linkedin_);
  EXPECT_EQ(entries[1].at("own_date").as_bool(), true);
  EXPECT_EQ(Str(entries[1].at("content").at("id")), id);
  EXPECT_FALSE(entries[1].at("content").as_object().contains("fields"));

  // A stale version is a conflict: nothing moves.
  auto stale = Plan(id, linkedin_, json::string(FormatTime(base + 4 * kDay)), VersionOf(c));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.Header("Content-Type"), "application/problem+json");
}

// The filter holds for both kinds of entries: those dated by their content and those a channel
// dates on its own (each found by its own indexed read), and entries of one time read by title.
TEST_F(Calendar, TheFilterHoldsForContentDatesAndChannelDatesAlike) {
  const TimeMs base = NowMs() + 30 * kDay;
  auto make = [&](const std::string& title, const std::string& language) {
    return CreateContent(*owner_, {{"type", "article"},
                                   {"title", title},
                                   {"language", language},
                                   {"channels", {linkedin_}},
                                   {"publish_at", FormatTime(base)}});
  };
  const auto zebre = make("zèbre et chauffage", "fr");
  const auto alpha = make("Alpha chauffage", "fr");
  const auto english = make("Heating in winter", "en");
  // Each language also has a content dated by its LinkedIn channel alone, inside the range.
  auto own_fr = make("Chaudière : le guide", "fr");
  auto own_en = make("Boiler guide", "en");
  for (auto* c : {&own_fr, &own_en}) {
    auto r =
        Plan(Str(c->at("id")), linkedin_, json::string(FormatTime(base + 2 * kDay)), VersionOf(*c));
    ASSERT_EQ(r.status, 200) << r.body;
    // Its content's own date leaves the range: only the channel's date shows.
    r = owner_->client.Patch(ContentPath(Str(c->at("id"))),
                             {{"base_version", VersionOf(r.Json().as_object())},
                              {"publish_at", FormatTime(base + 60 * kDay)}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  auto r = owner_->client.Get(
      CalendarPath(*owner_, base - kDay, base + 5 * kDay, "&language=fr&channel=" + linkedin_));
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> seen;
  for (const auto& e : r.Json().at("entries").as_array())
    seen.push_back(Str(e.at("content").at("id")));
  EXPECT_EQ(seen, (std::vector<std::string>{Str(alpha.at("id")), Str(zebre.at("id")),
                                            Str(own_fr.at("id"))}))
      << r.body;
  // The other language's entries, of both kinds, are there under its own filter.
  r = owner_->client.Get(CalendarPath(*owner_, base - kDay, base + 5 * kDay, "&language=en"));
  ASSERT_EQ(r.status, 200) << r.body;
  seen.clear();
  for (const auto& e : r.Json().at("entries").as_array())
    seen.push_back(Str(e.at("content").at("id")));
  EXPECT_EQ(seen, (std::vector<std::string>{Str(english.at("id")), Str(own_en.at("id"))}))
      << r.body;
}

TEST_F(Calendar, MarkingEveryChannelPublishedMovesTheStatus) {
  Ungate();
  auto c = TwoChannels("Lancement", NowMs() - kDay);
  const std::string id = Str(c.at("id"));
  EXPECT_EQ(c.at("publication").as_string(), "late");

  auto first = Mark(id, linkedin_, {{"url", "https://www.linkedin.com/posts/42"}});
  ASSERT_EQ(first.status, 200) << first.body;
  const auto marked = first.Json().as_object();
  const auto p = Publication(marked, linkedin_);
  EXPECT_EQ(p.at("url").as_string(), "https://www.linkedin.com/posts/42");
  EXPECT_EQ(Str(p.at("published_by").at("id")), owner_->user_id);
  EXPECT_FALSE(p.at("published_at").is_null());
  EXPECT_EQ(p.at("late").as_bool(), false);
  EXPECT_EQ(marked.at("publication").as_string(), "late");  // the website is still late

  auto activity = owner_->client.Get(ContentPath(id) + "/activity");
  ASSERT_EQ(activity.status, 200) << activity.body;
  bool found = false;
  for (const auto& e : activity.Json().at("items").as_array()) {
    if (e.at("kind").as_string() != "content.channel_published") continue;
    found = true;
    EXPECT_EQ(Str(e.at("data").at("channel")), linkedin_);
    EXPECT_EQ(e.at("data").at("url").as_string(), "https://www.linkedin.com/posts/42");
  }
  EXPECT_TRUE(found) << activity.body;

  auto last = Mark(id, site_);
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(last.Json().at("publication").as_string(), "published");
  EXPECT_EQ(last.Json().at("status").at("category").as_string(), "published");

  // Undone: the channel is to go out again; the status stays where the workflow put it.
  auto undone = owner_->client.Delete(PublicationPath(id, site_) + "/published");
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_TRUE(Publication(undone.Json().as_object(), site_).at("published_at").is_null());
  EXPECT_EQ(undone.Json().at("publication").as_string(), "late");
}

TEST_F(Calendar, AGatedPublishedStatusKeepsTheMarkAndTheStatus) {
  auto c =
      CreateContent(*owner_, {{"type", "article"}, {"title", "Juridique"}, {"channels", {site_}}});
  const std::string id = Str(c.at("id"));
  auto marked = Mark(id, site_);
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_EQ(marked.Json().at("publication").as_string(), "published");
  EXPECT_EQ(Str(marked.Json().at("status").at("id")), Str(c.at("status").at("id")));
}

TEST_F(Calendar, ThePublicationFilterWorksInTheListSearchAndSavedViews) {
  auto late = TwoChannels("Retard annoncé", NowMs() - 2 * kDay);
  auto planned = TwoChannels("Prévu plus tard", NowMs() + 5 * kDay);
  const std::string late_id = Str(late.at("id"));

  auto list = owner_->client.Get(WsPath(*owner_, "/contents?publication=late"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(ItemIds(list), std::vector<std::string>{late_id});
  auto both = owner_->client.Get(WsPath(*owner_, "/contents?publication=late&publication=planned"));
  EXPECT_EQ(ItemIds(both).size(), 2u);

  auto search = SearchUntil(*owner_, "publication=late",
                            [](const json::value& j) { return j.at("total").as_int64() > 0; });
  ASSERT_EQ(search.status, 200) << search.body;
  EXPECT_EQ(HitIds(search.Json()), std::vector<std::string>{late_id});
  // Marked published on both channels, it leaves "late" in the index too.
  ASSERT_EQ(Mark(late_id, linkedin_).status, 200);
  ASSERT_EQ(Mark(late_id, site_).status, 200);
  auto gone = SearchUntil(*owner_, "publication=late",
                          [](const json::value& j) { return j.at("total").as_int64() == 0; });
  EXPECT_EQ(gone.Json().at("total").as_int64(), 0) << gone.body;
  auto published = SearchUntil(*owner_, "publication=published",
                               [](const json::value& j) { return j.at("total").as_int64() > 0; });
  EXPECT_EQ(HitIds(published.Json()), std::vector<std::string>{late_id});

  auto view = owner_->client.Post(
      WsPath(*owner_, "/views"), {{"name", "En retard"}, {"filters", {{"publication", {"late"}}}}});
  EXPECT_EQ(view.status, 201) << view.body;
  auto bad_view = owner_->client.Post(
      WsPath(*owner_, "/views"), {{"name", "Mauvais"}, {"filters", {{"publication", {"soon"}}}}});
  // A view's filters are refused as the rest of its body's shape is (400), naming the member.
  EXPECT_EQ(bad_view.status, 400) << bad_view.body;
  EXPECT_TRUE(NamesField(bad_view, "filters.publication")) << bad_view.body;

  // On the calendar too.
  auto cal = owner_->client.Get(
      CalendarPath(*owner_, NowMs() - 5 * kDay, NowMs() + 10 * kDay, "&publication=planned"));
  ASSERT_EQ(cal.status, 200) << cal.body;
  for (const auto& e : cal.Json().at("entries").as_array())
    EXPECT_EQ(Str(e.at("content").at("id")), Str(planned.at("id")));
}

TEST_F(Calendar, AGuestsCalendarShowsOnlyWhatIsSharedWithThem) {
  Person guest = MakeMember(server_, *owner_, "guest");
  const TimeMs base = NowMs() + 3 * kDay;
  auto shared = TwoChannels("Partagé", base);
  TwoChannels("Interne", base);
  auto share = owner_->client.Post(ContentPath(Str(shared.at("id"))) + "/shares",
                                   {{"user_id", guest.user_id}, {"level", "read"}});
  ASSERT_TRUE(share.status == 201 || share.status == 200) << share.body;
  auto r = guest.client.Get(CalendarPath(guest, base - kDay, base + kDay));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto entries = r.Json().at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u) << r.body;
  for (const auto& e : entries) EXPECT_EQ(e.at("content").at("title").as_string(), "Partagé");
  // A read share does not let them plan it.
  EXPECT_EQ(
      guest.client.Post(PublicationPath(Str(shared.at("id")), site_) + "/published", json::object{})
          .status,
      403);
}

TEST_F(Calendar, TheTrayHoldsWhatHasNoDate) {
  auto undated = CreateArticle(*owner_, "Sans date");
  TwoChannels("Daté", NowMs() + kDay);
  auto r = owner_->client.Get(WsPath(*owner_, "/calendar/unscheduled"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(ItemIds(r), std::vector<std::string>{Str(undated.at("id"))});
}

TEST_F(Calendar, BadInputIsAProblemNamingTheField) {
  const TimeMs now = NowMs();
  auto c = TwoChannels("Entrées", now + kDay);
  const std::string id = Str(c.at("id"));
  struct Case {
    HttpResponse response;
    int status;
    const char* field;
  };
  const Case cases[] = {
      {owner_->client.Get(WsPath(*owner_, "/calendar?from=hier&to=2027-01-01")), 400, "from"},
      {owner_->client.Get(WsPath(*owner_, "/calendar?to=2027-01-01")), 422, "from"},
      {owner_->client.Get(CalendarPath(*owner_, now, now - kDay)), 422, "to"},
      {owner_->client.Get(CalendarPath(*owner_, now, now + 101 * kDay)), 422, "to"},
      {owner_->client.Get(CalendarPath(*owner_, now, now + kDay, "&publication=soon")), 422,
       "publication"},
      {owner_->client.Get(WsPath(*owner_, "/contents?publication=soon")), 422, "publication"},
      {Plan(id, "nope", nullptr, VersionOf(c)), 422, "channel"},
      {Plan(id, linkedin_, json::string("demain"), VersionOf(c)), 400, "planned_at"},
      {owner_->client.Put(PublicationPath(id, linkedin_), {{"version", VersionOf(c)}}), 400,
       "planned_at"},
      {Mark(id, linkedin_, {{"url", "ftp://example.org/post"}}), 422, "url"},
      {Mark(id, linkedin_, {{"published_at", FormatTime(now + 2 * kDay)}}), 422, "published_at"},
      {Mark("nope", linkedin_), 404, nullptr},
  };
  for (const auto& k : cases) {
    EXPECT_EQ(k.response.status, k.status) << k.response.body;
    EXPECT_EQ(k.response.Header("Content-Type"), "application/problem+json") << k.response.body;
    if (k.field) EXPECT_TRUE(NamesField(k.response, k.field)) << k.field << " " << k.response.body;
  }
  // Nothing was written by any of them.
  auto now_content = GetContent(*owner_, id);
  EXPECT_EQ(VersionOf(now_content), VersionOf(c));
}

}  // namespace
}  // namespace copydesk::testing
