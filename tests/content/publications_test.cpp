// Publication per channel as the domain keeps it: a channel's own date on top of the version its
// author saw, marks with their events, and the move to "published" once every channel is, through
// the workflow's own gates. Over a real database; the HTTP contract is in
// tests/api/calendar_test.cpp.
#include "planning/publications.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "content/publication.hpp"
#include "storage/events_store.hpp"
#include "support/factories.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using planning::MarkInput;
using planning::PlanInput;

constexpr TimeMs kDay = 24LL * 3600 * 1000;

struct Desk {
  TestWorld world;
  Workspace ws = world.MakeWorkspace();
  planning::Publications publications{world.db(), world.contents, world.workflow};
  std::string linkedin = world.ChannelId(ws, "LinkedIn");
  std::string site = world.ChannelId(ws, "Site web");

  content::ContentView TwoChannels() {
    return world.MakeContent(ws, {.channels = {linkedin, site}});
  }

  // The workflow as seeded, its gates taken off: nothing stands between a status and the next.
  void Ungate() {
    std::vector<workflow::StatusInput> statuses;
    for (const auto& s : Must(world.workflow.Statuses(ws.owner, ws.id)))
      statuses.push_back({s.id, s.name, s.color, s.category, std::nullopt});
    Must(world.workflow.Replace(ws.owner, ws.id, statuses, {}));
  }

  std::string StatusCategory(const content::ContentView& view) {
    return view.status ? view.status->category : "";
  }

  // The newest event of a content of kind `kind`, as stored.
  std::optional<storage::EventRecord> LastEvent(const std::string& content_id,
                                                const std::string& kind) {
    auto events = Must(world.workflow.ContentActivity(ws.owner, content_id, std::nullopt, 50));
    for (const auto& e : events) {
      if (e.kind == kind) return e;
    }
    return std::nullopt;
  }
};

content::Publication StateOf(const content::ContentView& view) {
  return content::DerivePublication(view.content,
                                    view.status && view.status->category == "published", NowMs());
}

TEST(Publications, AChannelGetsADateOfItsOwnAndGivesItBack) {
  Desk d;
  auto c = d.TwoChannels();
  const TimeMs at = NowMs() + 3 * kDay;
  auto planned =
      Must(d.publications.Plan(d.ws.owner, c.content.id, d.linkedin, {at, c.content.version}));
  EXPECT_EQ(planned.content.version, c.content.version + 1);
  auto p = StateOf(planned);
  EXPECT_EQ(p.channels[0].channel_id < p.channels[1].channel_id, true);
  for (const auto& ch : p.channels) {
    if (ch.channel_id == d.linkedin) EXPECT_EQ(ch.planned_at, at);
    if (ch.channel_id == d.site) EXPECT_FALSE(ch.planned_at);
  }
  EXPECT_EQ(p.state, content::PublicationState::kPlanned);
  auto event = d.LastEvent(c.content.id, "content.channel_planned");
  ASSERT_TRUE(event);
  auto data = json::parse(event->data_json).as_object();
  EXPECT_EQ(data.at("channel"), json::value(d.linkedin));
  EXPECT_EQ(data.at("channel_name"), json::value("LinkedIn"));
  EXPECT_EQ(data.at("planned_at"), json::value(at));
  EXPECT_TRUE(data.at("previous").is_null());

  auto cleared = Must(d.publications.Plan(d.ws.owner, c.content.id, d.linkedin,
                                          {std::nullopt, planned.content.version}));
  EXPECT_EQ(StateOf(cleared).state, content::PublicationState::kUnscheduled);
}

TEST(Publications, AStaleVersionIsAConflictAndChangesNothing) {
  Desk d;
  auto c = d.TwoChannels();
  auto r = d.publications.Plan(d.ws.owner, c.content.id, d.linkedin,
                               {NowMs() + kDay, c.content.version - 1});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_TRUE(NamesField(r.error(), "version"));
  EXPECT_EQ(d.world.Read(d.ws, c.content.id).content.version, c.content.version);
}

TEST(Publications, OnlyTheContentsOwnChannelsArePlanned) {
  Desk d;
  auto c = d.world.MakeContent(d.ws, {.channels = {d.site}});
  auto r = d.publications.Plan(d.ws.owner, c.content.id, d.linkedin,
                               {NowMs() + kDay, c.content.version});
  ASSERT_FALSE(r);
  EXPECT_TRUE(NamesField(r.error(), "channel"));
  auto m = d.publications.MarkPublished(d.ws.owner, c.content.id, "nope", {});
  ASSERT_FALSE(m);
  EXPECT_TRUE(NamesField(m.error(), "channel"));
}

TEST(Publications, AMarkSaysWhenWhereAndWhoAndCanBeTakenBack) {
  Desk d;
  auto c = d.TwoChannels();
  const TimeMs at = NowMs() - kDay;
  auto marked = Must(d.publications.MarkPublished(d.ws.owner, c.content.id, d.linkedin,
                                                  {at, "https://www.linkedin.com/posts/1"}));
  auto p = StateOf(marked);
  for (const auto& ch : p.channels) {
    if (ch.channel_id != d.linkedin) continue;
    EXPECT_EQ(ch.published_at, at);
    EXPECT_EQ(ch.url, "https://www.linkedin.com/posts/1");
    EXPECT_EQ(ch.published_by, d.ws.owner.user.id);
  }
  EXPECT_NE(p.state, content::PublicationState::kPublished);  // the site is still to go
  auto event = d.LastEvent(c.content.id, "content.channel_published");
  ASSERT_TRUE(event);
  auto data = json::parse(event->data_json).as_object();
  EXPECT_EQ(data.at("published_at"), json::value(at));
  EXPECT_EQ(data.at("url"), json::value("https://www.linkedin.com/posts/1"));

  auto unmarked = Must(d.publications.Unmark(d.ws.owner, c.content.id, d.linkedin));
  for (const auto& ch : StateOf(unmarked).channels) EXPECT_FALSE(ch.published_at);
  EXPECT_TRUE(d.LastEvent(c.content.id, "content.channel_unpublished"));
}

TEST(Publications, BadMarksAreRefusedNamingTheField) {
  Desk d;
  auto c = d.TwoChannels();
  for (const char* url : {"ftp://example.org/file", "javascript:alert(1)", "https://", "notaurl"}) {
    auto r = d.publications.MarkPublished(d.ws.owner, c.content.id, d.linkedin,
                                          {std::nullopt, std::string(url)});
    ASSERT_FALSE(r) << url;
    EXPECT_TRUE(NamesField(r.error(), "url")) << url;
  }
  auto long_url =
      d.publications.MarkPublished(d.ws.owner, c.content.id, d.linkedin,
                                   {std::nullopt, "https://example.org/" + std::string(2000, 'a')});
  ASSERT_FALSE(long_url);
  EXPECT_TRUE(NamesField(long_url.error(), "url"));
  auto future = d.publications.MarkPublished(d.ws.owner, c.content.id, d.linkedin,
                                             {NowMs() + kDay, std::nullopt});
  ASSERT_FALSE(future);
  EXPECT_TRUE(NamesField(future.error(), "published_at"));
  EXPECT_FALSE(d.LastEvent(c.content.id, "content.channel_published"));
}

TEST(Publications, TheLastChannelPublishedMovesTheContentToPublished) {
  Desk d;
  d.Ungate();
  auto c = d.TwoChannels();
  auto first = Must(d.publications.MarkPublished(d.ws.owner, c.content.id, d.linkedin, {}));
  EXPECT_NE(d.StatusCategory(first), "published");
  auto last = Must(d.publications.MarkPublished(d.ws.owner, c.content.id, d.site, {}));
  EXPECT_EQ(d.StatusCategory(last), "published");
  EXPECT_EQ(StateOf(last).state, content::PublicationState::kPublished);
  EXPECT_TRUE(d.LastEvent(c.content.id, "content.status_changed"));
}

TEST(Publications, AGateThatRefusesLeavesTheStatusAndTheMarkStands) {
  Desk d;  // the seeded workflow: legal validation (blocking) before "published"
  auto c = d.world.MakeContent(d.ws, {.channels = {d.site}});
  const std::string before = c.status ? c.status->id : "";
  auto marked = Must(d.publications.MarkPublished(d.ws.owner, c.content.id, d.site, {}));
  EXPECT_EQ(marked.status ? marked.status->id : "", before);
  EXPECT_EQ(StateOf(marked).state, content::PublicationState::kPublished);
  EXPECT_FALSE(d.LastEvent(c.content.id, "content.status_changed"));
}

TEST(Publications, ChannelsKeptByAnEditKeepTheirPublication) {
  Desk d;
  auto c = d.TwoChannels();
  auto marked = Must(d.publications.MarkPublished(d.ws.owner, c.content.id, d.linkedin, {}));
  content::ContentInput edit;
  edit.channels = std::vector<std::string>{d.linkedin};
  Must(d.world.contents.Update(d.ws.owner, c.content.id, marked.content.version, edit));
  auto now = d.world.Read(d.ws, c.content.id);
  ASSERT_EQ(now.content.publications.size(), 1u);
  EXPECT_TRUE(now.content.publications[0].published_at);
}

TEST(Publications, ACalendarRangeIsRequiredAndBounded) {
  Desk d;
  planning::CalendarQuery q;
  auto missing = d.publications.CalendarOf(d.ws.owner, d.ws.id, q);
  ASSERT_FALSE(missing);
  EXPECT_TRUE(NamesField(missing.error(), "from"));
  q.from = NowMs();
  q.to = *q.from - 1;
  auto reversed = d.publications.CalendarOf(d.ws.owner, d.ws.id, q);
  ASSERT_FALSE(reversed);
  EXPECT_TRUE(NamesField(reversed.error(), "to"));
  q.to = *q.from + 101 * kDay;
  auto long_span = d.publications.CalendarOf(d.ws.owner, d.ws.id, q);
  ASSERT_FALSE(long_span);
  EXPECT_TRUE(NamesField(long_span.error(), "to"));
}

TEST(Publications, TheCalendarShowsEachChannelOnItsDay) {
  Desk d;
  const TimeMs base = NowMs() + 10 * kDay;
  content::ContentInput dated;
  auto c = d.TwoChannels();
  dated.publish_at = std::optional<TimeMs>(base);
  auto v = Must(d.world.contents.Update(d.ws.owner, c.content.id, c.content.version, dated));
  Must(d.publications.Plan(d.ws.owner, c.content.id, d.linkedin,
                           {base + 2 * kDay, v.content.version}));
  auto alone = d.world.MakeContent(d.ws, {.title = "Sans canal"});
  content::ContentInput alone_dated;
  alone_dated.publish_at = std::optional<TimeMs>(base + kDay);
  Must(d.world.contents.Update(d.ws.owner, alone.content.id, alone.content.version, alone_dated));
  planning::CalendarQuery q;
  q.from = base - kDay;
  q.to = base + 5 * kDay;
  auto cal = Must(d.publications.CalendarOf(d.ws.owner, d.ws.id, q));
  ASSERT_EQ(cal.entries.size(), 3u);
  EXPECT_EQ(cal.entries[0].channel_id, d.site);
  EXPECT_FALSE(cal.entries[0].own_date);
  EXPECT_EQ(cal.entries[1].channel_id, std::nullopt);
  EXPECT_EQ(cal.contents[cal.entries[1].content].content.id, alone.content.id);
  EXPECT_EQ(cal.entries[2].channel_id, d.linkedin);
  EXPECT_TRUE(cal.entries[2].own_date);
  EXPECT_EQ(cal.entries[2].at, base + 2 * kDay);
  // Archived contents never show.
  Must(d.world.contents.SetArchived(d.ws.owner, alone.content.id, true));
  EXPECT_EQ(Must(d.publications.CalendarOf(d.ws.owner, d.ws.id, q)).entries.size(), 2u);
}

TEST(Publications, TheListFiltersOnThePublicationState) {
  Desk d;
  auto late = d.world.MakeContent(d.ws, {.title = "En retard"});
  content::ContentInput past;
  past.publish_at = std::optional<TimeMs>(NowMs() - kDay);
  Must(d.world.contents.Update(d.ws.owner, late.content.id, late.content.version, past));
  auto planned = d.world.MakeContent(d.ws, {.title = "Prévu", .channels = {d.site}});
  Must(d.publications.Plan(d.ws.owner, planned.content.id, d.site,
                           {NowMs() + kDay, planned.content.version}));
  auto undated = d.world.MakeContent(d.ws, {.title = "Sans date"});
  auto published = d.world.MakeContent(d.ws, {.title = "Publié", .channels = {d.linkedin}});
  Must(d.publications.MarkPublished(d.ws.owner, published.content.id, d.linkedin, {}));
  auto titles = [&](const std::vector<std::string>& states) {
    content::ListFilter f;
    f.publications = states;
    std::vector<std::string> out;
    for (const auto& v : Must(d.world.contents.List(d.ws.owner, d.ws.id, f)).items)
      out.push_back(v.content.title);
    return Sorted(out);
  };
  EXPECT_EQ(titles({"late"}), std::vector<std::string>{"En retard"});
  EXPECT_EQ(titles({"planned"}), std::vector<std::string>{"Prévu"});
  EXPECT_EQ(titles({"published"}), std::vector<std::string>{"Publié"});
  EXPECT_EQ(titles({"unscheduled"}), std::vector<std::string>{"Sans date"});
  EXPECT_EQ(titles({"late", "published"}), (std::vector<std::string>{"En retard", "Publié"}));
  // The tray: what has no date at all.
  auto tray = Must(d.publications.Unscheduled(d.ws.owner, d.ws.id, {}));
  ASSERT_EQ(tray.items.size(), 1u);
  EXPECT_EQ(tray.items[0].content.title, "Sans date");
}

}  // namespace
}  // namespace copydesk::testing
