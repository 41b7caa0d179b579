#include "feeds/feeds.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include "access/standing.hpp"
#include "auth/policy.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/accounts_store.hpp"
#include "storage/collab_store.hpp"
#include "storage/content_filter.hpp"
#include "storage/contents_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/views_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::feeds {

namespace json = boost::json;
using storage::CalendarFeedItemRecord;
using storage::CalendarFeedRecord;
using storage::Tx;

namespace {

constexpr TimeMs kDayMs = 24LL * 3600 * 1000;

// The few words a feed writes itself, in its owner's language.
struct Words {
  const char* my_work;
  const char* task;
  const char* status;
  const char* channels;
  const char* removed;
};
const Words& WordsFor(const std::string& language) {
  static const Words kEnglish{"My work",
                              "Task: ", "Status: ", "Channels: ", "Removed from this calendar"};
  static const Words kFrench{"Mon travail",
                             "Tâche : ", "Statut : ", "Canaux : ", "Retiré de ce calendrier"};
  return language == "fr" ? kFrench : kEnglish;
}

// A feed does not find its workspace, its owner's place in it, or what it follows: the same 404
// as an unknown secret, so a URL tells nothing about why it stopped.
Error NoSuchFeed() {
  return Error::NotFound("No such calendar feed.");
}

bool SeesView(const storage::SavedViewRecord& view, const std::string& user_id,
              std::optional<auth::Role> role) {
  return view.author_id == user_id || (view.shared && auth::SeesInternal(role));
}

bool SeesProject(const storage::ProjectRecord& project, std::optional<auth::Role> role) {
  // Projects are the staff's settings; a guest follows shared contents through their own work.
  return !project.archived_at && auth::Can(role, auth::Action::kReadSettings);
}

// A saved view's filters as the list reads them: the same names, dates as strings.
storage::ContentFilter FilterOfView(const storage::SavedViewRecord& view) {
  storage::ContentFilter filter;
  boost::system::error_code ec;
  const auto parsed = json::parse(view.filters_json, ec);
  if (ec || !parsed.is_object()) return filter;
  const auto& o = parsed.as_object();
  for (const auto& list : storage::kContentFilterLists) {
    const auto* values = o.if_contains(list.name);
    if (values == nullptr || !values->is_array()) continue;
    for (const auto& v : values->as_array()) {
      if (v.is_string()) (filter.*list.member).emplace_back(v.as_string());
    }
  }
  for (const auto& bound : storage::kContentFilterBounds) {
    const auto* value = o.if_contains(bound.name);
    if (value != nullptr && value->is_string())
      filter.*bound.member = ParseTime(value->as_string());
  }
  return filter;
}

// Resolves a filter's names as the contents list does: types by key, tags folded, a channel with
// its sub-channels.
void Resolve(Tx& tx, storage::ContentQuery& q,
             const std::vector<storage::ChannelRecord>& channels) {
  for (auto& tag : q.tags) tag = FoldForMatch(Trim(tag));
  for (auto& t : q.types) {
    if (auto type = storage::FindContentType(tx, q.workspace_id, t)) t = type->id;
  }
  if (q.channels.empty()) return;
  std::set<std::string> wanted(q.channels.begin(), q.channels.end());
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& ch : channels) {
      if (ch.parent_id && wanted.contains(*ch.parent_id) && wanted.insert(ch.id).second)
        grew = true;
    }
  }
  q.channels.assign(wanted.begin(), wanted.end());
}

bool IsAllDay(TimeMs t) {
  return t % kDayMs == 0;
}

// What a fetch found, before it is held against what the feed gave before.
struct Gathered {
  CalendarFeedRecord feed;
  std::string calendar_name;
  const Words* words = nullptr;
  std::vector<FeedEvent> events;  // sequences not yet known
  std::vector<CalendarFeedItemRecord> remembered;
};

Result<Gathered> Gather(Tx& tx, const std::string& secret_hash, const std::string& public_base,
                        TimeMs now, const std::set<std::string>* searched) {
  auto feed = storage::FindCalendarFeedBySecretHash(tx, secret_hash);
  if (!feed) return NoSuchFeed();
  const auto owner = storage::FindUserById(tx, feed->user_id);
  if (!owner) return NoSuchFeed();
  // Access as the owner has it now: a removed member's feed is gone with their membership.
  auto access =
      workspace::Authorize(tx, feed->user_id, feed->workspace_id, auth::Action::kReadWorkspace);
  if (!access) return NoSuchFeed();
  const auto& ws = access->workspace;
  const bool guest = !auth::Can(access->role, auth::Action::kReadContent);

  Gathered out;
  out.words = &WordsFor(owner->language);
  std::string label = out.words->my_work;
  std::vector<storage::ContentQuery> queries;
  storage::ContentQuery base;
  if (feed->kind == "view") {
    const auto view = storage::FindSavedView(tx, ws.id, feed->view_id.value_or(""));
    if (!view || !SeesView(*view, feed->user_id, access->role)) return NoSuchFeed();
    static_cast<storage::ContentFilter&>(base) = FilterOfView(*view);
    label = view->name;
  } else if (feed->kind == "project") {
    const auto project = storage::FindProject(tx, ws.id, feed->project_id.value_or(""));
    if (!project || !SeesProject(*project, access->role)) return NoSuchFeed();
    base.projects = {project->id};
    label = project->name;
  }
  // Archived contents leave the feed (and are sent CANCELLED); the past beyond a year is history.
  base.archived = false;
  base.workspace_id = ws.id;
  if (guest) base.shared_with = feed->user_id;
  base.publish_from = std::max(base.publish_from.value_or(now - kFeedPastMs), now - kFeedPastMs);
  base.sort = "publish_at";
  base.descending = false;
  base.limit = kMaxEvents;
  if (feed->kind == "my_work") {
    // Contents I own, and contents I am assigned: two queries, one calendar.
    auto owned = base;
    owned.owners = {feed->user_id};
    auto assigned = base;
    assigned.assignees = {feed->user_id};
    queries = {std::move(owned), std::move(assigned)};
  } else {
    queries = {std::move(base)};
  }
  out.calendar_name = label + " · " + ws.name;

  const auto channels = storage::ListChannels(tx, ws.id);
  const auto statuses = storage::ListStatuses(tx, ws.id);
  std::map<std::string, std::string> channel_names, status_names;
  for (const auto& c : channels) channel_names[c.id] = c.name;
  for (const auto& s : statuses) status_names[s.id] = s.name;
  const std::string ws_url = public_base + "/w/" + ws.slug;

  std::set<std::string> seen;
  for (auto& q : queries) {
    Resolve(tx, q, channels);
    for (const auto& c : storage::ListContents(tx, q)) {
      if (!c.publish_at || !seen.insert(c.id).second) continue;
      // A view with words shows what its search finds, within its filters.
      if (searched != nullptr && !searched->contains(c.id)) continue;
      FeedEvent e;
      e.uid = "content-" + c.id + "@copydesk";
      e.summary = c.title;
      if (c.status_id) {
        if (auto s = status_names.find(*c.status_id); s != status_names.end())
          e.description = out.words->status + s->second;
      }
      std::string names;
      for (const auto& id : c.channel_ids) {
        if (auto n = channel_names.find(id); n != channel_names.end())
          names += std::string(names.empty() ? "" : ", ") + n->second;
      }
      if (!names.empty())
        e.description +=
            std::string(e.description.empty() ? "" : "\n") + out.words->channels + names;
      e.url = ws_url + "/contents/" + c.id;
      e.starts_at = *c.publish_at;
      e.all_day = IsAllDay(*c.publish_at);
      e.changed_at = c.updated_at;
      out.events.push_back(std::move(e));
    }
  }
  if (feed->kind == "my_work") {
    storage::TaskQuery tq;
    tq.workspace_id = ws.id;
    tq.assignee_ids = {feed->user_id};
    tq.done = false;
    tq.due_from = now - kFeedPastMs;
    if (guest) tq.shared_with = feed->user_id;
    tq.limit = kMaxEvents;
    for (const auto& t : storage::ListTasks(tx, tq)) {
      if (!t.due_at) continue;
      FeedEvent e;
      e.uid = "task-" + t.id + "@copydesk";
      e.summary = out.words->task + t.title;
      e.description = t.description;
      e.url = t.content_id ? ws_url + "/contents/" + *t.content_id : ws_url + "/my-work";
      e.starts_at = *t.due_at;
      e.all_day = IsAllDay(*t.due_at);
      e.changed_at = t.updated_at;
      out.events.push_back(std::move(e));
    }
  }
  out.remembered = storage::ListCalendarFeedItems(tx, feed->id);
  out.feed = std::move(*feed);
  return out;
}

// Holds what a fetch found against what the feed gave before: a moved date raises the sequence,
// what left is sent CANCELLED for kCancelledKeptMs. Fills `changes` and `dropped` with what to
// remember; answers the events to write.
std::vector<FeedEvent> Reconcile(Gathered& g, TimeMs now,
                                 std::vector<CalendarFeedItemRecord>& changes,
                                 std::vector<std::string>& dropped) {
  std::map<std::string, const CalendarFeedItemRecord*> before;
  for (const auto& item : g.remembered) before[item.uid] = &item;
  std::vector<FeedEvent> out;
  std::set<std::string> present;
  for (auto& e : g.events) {
    present.insert(e.uid);
    CalendarFeedItemRecord item{g.feed.id, e.uid, e.starts_at, e.all_day, 0, now, std::nullopt};
    const auto found = before.find(e.uid);
    if (found == before.end()) {
      changes.push_back(item);
    } else {
      const auto& old = *found->second;
      if (old.cancelled_at || old.starts_at != e.starts_at || old.all_day != e.all_day) {
        item.sequence = old.sequence + 1;
        changes.push_back(item);
      } else {
        item = old;
      }
    }
    e.sequence = item.sequence;
    e.changed_at = std::max(e.changed_at, item.changed_at);
    out.push_back(std::move(e));
  }
  for (const auto& old : g.remembered) {
    if (present.contains(old.uid)) continue;
    auto item = old;
    if (!item.cancelled_at) {
      item.cancelled_at = now;
      item.sequence += 1;
      item.changed_at = now;
      changes.push_back(item);
    } else if (now - *item.cancelled_at > kCancelledKeptMs) {
      dropped.push_back(item.uid);
      continue;
    }
    // Only what the app already had: no title, no link, once the owner may no longer see it.
    FeedEvent e;
    e.uid = item.uid;
    e.summary = g.words->removed;
    e.starts_at = item.starts_at;
    e.all_day = item.all_day;
    e.sequence = item.sequence;
    e.changed_at = item.changed_at;
    e.cancelled = true;
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const FeedEvent& a, const FeedEvent& b) {
    return std::tie(a.starts_at, a.uid) < std::tie(b.starts_at, b.uid);
  });
  return out;
}

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

icaltimetype UtcTime(TimeMs t, bool date) {
  const auto seconds = static_cast<time_t>(t >= 0 ? t / 1000 : (t - 999) / 1000);
  return icaltime_from_timet_with_zone(seconds, date ? 1 : 0, icaltimezone_get_utc_timezone());
}

}  // namespace

std::string FeedLabel(const CalendarFeedRecord& feed) {
  if (feed.kind == "view") return feed.view_name;
  if (feed.kind == "project") return feed.project_name;
  return WordsFor("en").my_work;
}

Result<std::vector<CalendarFeedRecord>> Feeds::List(const auth::Actor& actor) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<CalendarFeedRecord>> {
    return storage::ListCalendarFeeds(tx, actor.user.id);
  });
}

Result<CreatedFeed> Feeds::Create(const auth::Actor& actor, const FeedInput& in, TimeMs now) {
  std::vector<FieldError> faults;
  if (in.kind != "my_work" && in.kind != "view" && in.kind != "project")
    faults.push_back({"kind", "must be my_work, view or project"});
  if (in.kind == "view" && !in.view) faults.push_back({"view", "is required for a view's feed"});
  if (in.kind != "view" && in.view) faults.push_back({"view", "is only for a view's feed"});
  if (in.kind == "project" && !in.project)
    faults.push_back({"project", "is required for a project's feed"});
  if (in.kind != "project" && in.project)
    faults.push_back({"project", "is only for a project's feed"});
  if (!faults.empty()) return Error::Invalid("The feed is not valid.", std::move(faults));
  return db_.Write([&](Tx& tx) -> Result<CreatedFeed> {
    auto access =
        workspace::Authorize(tx, actor.user.id, in.workspace, auth::Action::kReadWorkspace);
    if (!access) return Error::InvalidField("workspace", "is not a workspace you belong to");
    CalendarFeedRecord feed;
    feed.id = NewId();
    feed.user_id = actor.user.id;
    feed.workspace_id = access->workspace.id;
    feed.kind = in.kind;
    if (in.view) {
      const auto view = storage::FindSavedView(tx, feed.workspace_id, *in.view);
      if (!view || !SeesView(*view, actor.user.id, access->role))
        return Error::InvalidField("view", "is not a saved view you see in this workspace");
      feed.view_id = view->id;
    }
    if (in.project) {
      const auto project = storage::FindProject(tx, feed.workspace_id, *in.project);
      if (!project || !SeesProject(*project, access->role))
        return Error::InvalidField("project", "is not a project you see in this workspace");
      feed.project_id = project->id;
    }
    CreatedFeed created;
    created.secret = NewSecret();
    feed.secret_hash = HashSecret(created.secret);
    feed.created_at = now;
    storage::InsertCalendarFeed(tx, feed);
    created.feed = *storage::FindCalendarFeed(tx, actor.user.id, feed.id);
    return created;
  });
}

Result<void> Feeds::Revoke(const auth::Actor& actor, const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    if (!storage::FindCalendarFeed(tx, actor.user.id, id))
      return Error::NotFound("No such calendar feed.");
    storage::DeleteCalendarFeed(tx, id);
    return {};
  });
}

Result<Calendar> Feeds::Fetch(const std::string& secret, const std::string& public_base,
                              TimeMs now) {
  const auto hash = HashSecret(secret);
  const auto searched = SearchedIds(hash);
  auto gathered = db_.Read([&](Tx& tx) -> Result<Gathered> {
    return Gather(tx, hash, public_base, now, searched ? &*searched : nullptr);
  });
  if (!gathered) return std::move(gathered).error();
  std::vector<CalendarFeedItemRecord> changes;
  std::vector<std::string> dropped;
  const auto events = Reconcile(*gathered, now, changes, dropped);
  const auto& feed = gathered->feed;
  // A poll that changes nothing writes nothing, but every few minutes its time of use.
  const bool touch = !feed.last_used_at || now - *feed.last_used_at >= kTouchEveryMs;
  if (touch || !changes.empty() || !dropped.empty()) {
    auto saved = db_.Write([&](Tx& tx) -> Result<void> {
      // Revoked in between: nothing to remember for it.
      if (!storage::FindCalendarFeedBySecretHash(tx, hash)) return NoSuchFeed();
      for (const auto& item : changes) storage::SaveCalendarFeedItem(tx, item);
      for (const auto& uid : dropped) storage::DeleteCalendarFeedItem(tx, feed.id, uid);
      if (touch) storage::TouchCalendarFeed(tx, feed.id, now);
      return {};
    });
    if (!saved) return std::move(saved).error();
  }
  Calendar out;
  out.text = WriteCalendar(gathered->calendar_name, events);
  out.etag = "\"" + Sha256Hex(out.text).substr(0, 32) + "\"";
  return out;
}

std::optional<std::set<std::string>> Feeds::SearchedIds(const std::string& secret_hash) {
  struct Asked {
    auth::Actor owner;
    std::string workspace_id;
    search::SearchRequest request;
  };
  const auto asked = db_.Read([&](Tx& tx) -> std::optional<Asked> {
    const auto feed = storage::FindCalendarFeedBySecretHash(tx, secret_hash);
    if (!feed || feed->kind != "view") return std::nullopt;
    const auto view = storage::FindSavedView(tx, feed->workspace_id, feed->view_id.value_or(""));
    const auto owner = storage::FindUserById(tx, feed->user_id);
    if (!view || !owner || Trim(view->q).empty()) return std::nullopt;
    Asked out{auth::Actor{*owner, "", "", true}, feed->workspace_id, {}};
    static_cast<storage::ContentFilter&>(out.request) = FilterOfView(*view);
    out.request.q = view->q;
    out.request.limit = kMaxEvents;
    out.request.spelling = false;
    out.request.facets = false;
    return out;
  });
  if (!asked) return std::nullopt;
  // Search asks access of the owner itself; whatever it refuses, the feed then shows nothing.
  auto found = search_.Find(asked->owner, asked->workspace_id, asked->request);
  std::set<std::string> ids;
  if (found) {
    for (const auto& hit : found->items) ids.insert(hit.id);
  }
  return ids;
}

std::string WriteCalendar(const std::string& name, const std::vector<FeedEvent>& events) {
  std::unique_ptr<icalcomponent, ComponentFree> cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//copydesk//calendar feeds//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  // NAME (RFC 7986) and X-WR-CALNAME, which Outlook and Google Calendar read.
  icalcomponent_add_property(cal.get(), icalproperty_new_name(name.c_str()));
  auto* calname = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calname, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), calname);
  // How often apps should ask again (RFC 7986, and Outlook's older name for it).
  icalcomponent_add_property(cal.get(),
                             icalproperty_new_refreshinterval(icaldurationtype_from_int(3600)));
  auto* ttl = icalproperty_new_x("PT1H");
  icalproperty_set_x_name(ttl, "X-PUBLISHED-TTL");
  icalcomponent_add_property(cal.get(), ttl);
  for (const auto& e : events) {
    icalcomponent* ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(UtcTime(e.changed_at, false)));
    icalcomponent_add_property(ev, icalproperty_new_lastmodified(UtcTime(e.changed_at, false)));
    icalcomponent_add_property(ev, icalproperty_new_dtstart(UtcTime(e.starts_at, e.all_day)));
    // A date lasts its day; a time is a moment (no DTEND: RFC 5545 §3.6.1).
    if (e.all_day)
      icalcomponent_add_property(ev, icalproperty_new_dtend(UtcTime(e.starts_at + kDayMs, true)));
    icalcomponent_add_property(ev, icalproperty_new_sequence(static_cast<int>(e.sequence)));
    icalcomponent_add_property(ev, icalproperty_new_summary(e.summary.c_str()));
    if (!e.description.empty())
      icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
    if (!e.url.empty()) icalcomponent_add_property(ev, icalproperty_new_url(e.url.c_str()));
    icalcomponent_add_property(
        ev, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    // A publication date does not make anyone busy.
    icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    icalcomponent_add_component(cal.get(), ev);
  }
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out(text);
  std::free(text);
  return out;
}

bool MatchesEtag(std::string_view header, const std::string& etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto tag = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

}  // namespace copydesk::feeds
