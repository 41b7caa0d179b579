#include "planning/publications.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include "access/standing.hpp"
#include "content/publication.hpp"
#include "storage/contents_store.hpp"
#include "storage/events_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::planning {

namespace json = boost::json;
using auth::Action;
using storage::ContentRecord;
using storage::Tx;

namespace {

// A mark a little ahead of the server's clock is the marker's clock running fast, not a
// publication in the future.
constexpr TimeMs kClockSkewMs = 60 * 1000;

json::value OptionalTime(const std::optional<TimeMs>& t) {
  return t ? json::value(*t) : json::value(nullptr);
}

// The content and channel a publication route names, for an actor who may plan it: editors of
// the content, and guests with an edit share (an agency marks what it posted).
struct Target {
  ContentRecord content;
  std::string channel_name;
  std::optional<storage::ChannelPublicationRecord> stored;
};

Result<Target> OpenTarget(Tx& tx, const auth::Actor& actor, const std::string& content_id,
                          const std::string& channel_id) {
  auto on = access::OpenFor(tx, actor.user.id, content_id, Action::kEditContent);
  if (!on) return std::move(on).error();
  Target t{std::move(on->content), {}, std::nullopt};
  if (t.content.archived_at)
    return Error::Conflict("This content is archived. Bring it back before planning it.");
  const auto& ids = t.content.channel_ids;
  if (std::find(ids.begin(), ids.end(), channel_id) == ids.end())
    return Error::InvalidField("channel", "is not a channel of this content");
  if (auto channel = storage::FindChannel(tx, t.content.workspace_id, channel_id))
    t.channel_name = channel->name;
  for (const auto& p : t.content.publications) {
    if (p.channel_id == channel_id) t.stored = p;
  }
  return t;
}

// A publication change is a new version of the content (its answer changes, and a drag based on
// the old one must know), but not of what writes are merged on: the new version's merge state is
// the previous one's, as a status move's.
void SaveVersion(Tx& tx, ContentRecord& c, TimeMs now) {
  c.version += 1;
  c.updated_at = now;
  storage::UpdateContentRow(tx, c);
  if (auto previous = storage::FindVersionSnapshot(tx, c.id, c.version - 1))
    storage::InsertVersionSnapshot(tx, c.id, c.version, *previous);
  if (c.version > content::kVersionsKept)
    storage::PruneVersionSnapshots(tx, c.id, c.version - content::kVersionsKept);
}

void Record(Tx& tx, const ContentRecord& c, const std::string& actor_id, const std::string& kind,
            json::object data, TimeMs now) {
  data["version"] = c.version;
  storage::AppendEvent(tx, c.workspace_id, actor_id, kind, c.id, json::serialize(data), now);
}

Result<void> CheckUrl(const std::string& url) {
  if (url.size() > kMaxUrlBytes)
    return Error::InvalidField("url", "must be at most 2000 characters");
  auto parsed = boost::urls::parse_absolute_uri(url);
  const bool web = parsed && (parsed->scheme() == "https" || parsed->scheme() == "http" ||
                              parsed->scheme() == "HTTPS" || parsed->scheme() == "HTTP");
  if (!web || parsed->encoded_host().empty())
    return Error::InvalidField("url", "must be a web address (http:// or https://)");
  return {};
}

}  // namespace

Result<content::ContentView> Publications::Plan(const auth::Actor& actor,
                                                const std::string& content_id,
                                                const std::string& channel_id,
                                                const PlanInput& input) {
  auto planned = db_.Write([&](Tx& tx) -> Result<void> {
    auto target = OpenTarget(tx, actor, content_id, channel_id);
    if (!target) return std::move(target).error();
    auto& c = target->content;
    if (input.version != c.version) {
      Error e =
          Error::Conflict("The content changed since version " + std::to_string(input.version) +
                              ": reload it to see its dates now.",
                          {{"version", "is not the current version"}});
      e.extra_json = json::serialize(json::object{{"current_version", c.version}});
      return e;
    }
    const std::optional<TimeMs> previous =
        target->stored ? target->stored->planned_at : std::nullopt;
    if (previous == input.planned_at) return {};  // already so: nothing to record
    const TimeMs now = NowMs();
    storage::SetChannelPlannedAt(tx, c.id, channel_id, input.planned_at);
    SaveVersion(tx, c, now);
    Record(tx, c, actor.user.id, "content.channel_planned",
           {{"channel", channel_id},
            {"channel_name", target->channel_name},
            {"planned_at", OptionalTime(input.planned_at)},
            {"previous", OptionalTime(previous)}},
           now);
    return {};
  });
  if (!planned) return std::move(planned).error();
  return contents_.Get(actor, content_id);
}

Result<content::ContentView> Publications::MarkPublished(const auth::Actor& actor,
                                                         const std::string& content_id,
                                                         const std::string& channel_id,
                                                         const MarkInput& input) {
  if (input.url && !input.url->empty()) {
    if (auto checked = CheckUrl(*input.url); !checked) return std::move(checked).error();
  }
  const TimeMs now = NowMs();
  if (input.published_at && *input.published_at > now + kClockSkewMs)
    return Error::InvalidField("published_at", "cannot be in the future");
  // The status to move to once every channel is published, decided with the mark.
  auto move_to = db_.Write([&](Tx& tx) -> Result<std::optional<std::string>> {
    auto target = OpenTarget(tx, actor, content_id, channel_id);
    if (!target) return std::move(target).error();
    auto& c = target->content;
    const TimeMs at = input.published_at.value_or(now);
    const std::optional<std::string> url =
        input.url && !input.url->empty() ? input.url : std::nullopt;
    storage::SetChannelPublished(tx, c.id, channel_id, at, url, actor.user.id);
    SaveVersion(tx, c, now);
    Record(tx, c, actor.user.id, "content.channel_published",
           {{"channel", channel_id},
            {"channel_name", target->channel_name},
            {"published_at", at},
            {"url", url.value_or("")}},
           now);
    auto stored = storage::FindContent(tx, c.id);
    const auto statuses = storage::ListStatuses(tx, c.workspace_id);
    const auto* current = content::StatusOf(statuses, c.status_id);
    if (!stored || !content::DerivePublication(*stored, false, now).published)
      return std::optional<std::string>();
    if (current && current->category == "published") return std::optional<std::string>();
    const auto first = std::find_if(statuses.begin(), statuses.end(),
                                    [](const auto& s) { return s.category == "published"; });
    if (first == statuses.end() || (current && first->position <= current->position))
      return std::optional<std::string>();
    return std::optional<std::string>(first->id);
  });
  if (!move_to) return std::move(move_to).error();
  if (*move_to) {
    // Through the workflow's own path, as if the actor moved it: a gate that refuses (a
    // missing approval, a template rule) leaves the status where it is, and the mark stands.
    (void)workflow_.Move(actor, content_id, **move_to, "", std::nullopt);
  }
  return contents_.Get(actor, content_id);
}

Result<content::ContentView> Publications::Unmark(const auth::Actor& actor,
                                                  const std::string& content_id,
                                                  const std::string& channel_id) {
  auto unmarked = db_.Write([&](Tx& tx) -> Result<void> {
    auto target = OpenTarget(tx, actor, content_id, channel_id);
    if (!target) return std::move(target).error();
    if (!target->stored || !target->stored->published_at) return {};  // not marked: nothing to do
    auto& c = target->content;
    const TimeMs now = NowMs();
    storage::SetChannelPublished(tx, c.id, channel_id, std::nullopt, std::nullopt, std::nullopt);
    SaveVersion(tx, c, now);
    Record(tx, c, actor.user.id, "content.channel_unpublished",
           {{"channel", channel_id}, {"channel_name", target->channel_name}}, now);
    return {};
  });
  if (!unmarked) return std::move(unmarked).error();
  return contents_.Get(actor, content_id);
}

Result<Calendar> Publications::CalendarOf(const auth::Actor& actor, const std::string& ws,
                                          const CalendarQuery& query) {
  if (!query.from) return Error::InvalidField("from", "is required");
  if (!query.to) return Error::InvalidField("to", "is required");
  if (*query.to <= *query.from) return Error::InvalidField("to", "must be after from");
  if (*query.to - *query.from > kMaxCalendarSpanMs)
    return Error::InvalidField("to", "must be at most 100 days after from");
  storage::ContentQuery q;
  static_cast<storage::ContentFilter&>(q) = query;
  return db_.Read([&](Tx& tx) -> Result<Calendar> {
    auto scoped = content::ScopeQuery(tx, actor, ws, std::move(q));
    if (!scoped) return std::move(scoped).error();
    auto records = storage::ListCalendar(tx, *scoped, *query.from, *query.to, kMaxCalendarEntries);
    Calendar out;
    out.from = *query.from;
    out.to = *query.to;
    out.truncated = records.truncated;
    out.contents = content::ViewsOf(tx, scoped->workspace_id, std::move(records.contents),
                                    scoped->shared_with);
    std::vector<content::Publication> publications;
    for (const auto& view : out.contents) {
      publications.push_back(content::DerivePublication(
          view.content, view.status && view.status->category == "published", scoped->now));
    }
    for (const auto& e : records.entries) {
      CalendarEntry entry{e.content,    e.channel_id, e.at, e.own_date,
                          std::nullopt, std::nullopt, false};
      const auto& publication = publications[e.content];
      if (!e.channel_id) {
        entry.late = publication.state == content::PublicationState::kLate;
      }
      for (const auto& p : publication.channels) {
        if (!e.channel_id || p.channel_id != *e.channel_id) continue;
        entry.published_at = p.published_at;
        entry.url = p.url;
        entry.late = p.late;
      }
      out.entries.push_back(std::move(entry));
    }
    return out;
  });
}

Result<content::ContentPage> Publications::Unscheduled(const auth::Actor& actor,
                                                       const std::string& ws,
                                                       content::ListFilter filter) {
  // The tray holds what has no date yet; a `publication` filter that excludes that finds none.
  auto& states = filter.publications;
  if (!states.empty() && std::find(states.begin(), states.end(), "unscheduled") == states.end())
    return content::ContentPage{};
  states = {"unscheduled"};
  return contents_.List(actor, ws, filter);
}

}  // namespace copydesk::planning
