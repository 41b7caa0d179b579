#include "webhooks/deliverer.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "access/standing.hpp"
#include "collab/notifications.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "storage/accounts_store.hpp"
#include "storage/collab_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/webhooks_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"
#include "webhooks/signature.hpp"
#include "webhooks/webhooks.hpp"

namespace copydesk::webhooks {

namespace json = boost::json;
using storage::Tx;

namespace {

constexpr TimeMs kHourMs = 60LL * 60 * 1000;
constexpr int kEventBatch = 500;
constexpr int kSendBatch = 50;

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::optional<std::string> StringAt(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::optional<std::string>(std::string(v->as_string()))
                             : std::nullopt;
}

json::value Optional(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// What one logged event is, for webhooks: the public kinds it counts as (a status change into a
// published status is also a publication, into a gated one also an approval request).
std::vector<std::string> PublicKinds(Tx& tx, const storage::LoggedEvent& e,
                                     const json::object& data,
                                     const storage::ContentRecord* content) {
  const std::string& k = e.kind;
  if (k == "content.created") return {"content.created"};
  if (k == "content.updated" || k == "content.restored") return {"content.updated"};
  if (k == "content.status_changed") {
    std::vector<std::string> out{"content.status_changed"};
    const auto to = StringAt(data, "to");
    if (to && content) {
      for (const auto& s : storage::ListStatuses(tx, content->workspace_id)) {
        if (s.id != *to) continue;
        if (s.category == "published") out.push_back("content.published");
        if (s.gate_teams_json && *s.gate_teams_json != "[]") out.push_back("approval.requested");
      }
    }
    return out;
  }
  // Gone out on one channel, with when and where (a CMS or a report records the URL).
  if (k == "content.channel_published") return {k};
  if (k == "approval.given") return {"approval.decided"};
  if (k == "approval.stale") return {"approval.stale"};
  if (k == "comment.created") return {"comment.created"};
  if (k == "task.created" || k == "task.updated") {
    const auto* assigned = data.if_contains("assigned");
    if (assigned && assigned->is_array() && !assigned->as_array().empty()) return {"task.assigned"};
    return {};
  }
  if (k == "task.completed") return {"task.done"};
  if (k == "content.shared" || k == "content.unshared") return {k};
  if (k == "content.link_created") return {"link.created"};
  if (k == "content.link_revoked") return {"link.revoked"};
  if (k == "link.opened" && content) return {"link.opened"};
  return {};
}

// The content an event is about, if any (a task's event names its content when it has one).
std::optional<storage::ContentRecord> ContentOf(Tx& tx, const storage::LoggedEvent& e) {
  if (!e.subject_id || !e.workspace_id) return std::nullopt;
  static const char* kAbout[] = {"content.", "approval.", "comment.", "task.", "link."};
  if (std::none_of(std::begin(kAbout), std::end(kAbout),
                   [&](const char* p) { return StartsWith(e.kind, p); })) {
    return std::nullopt;
  }
  auto c = storage::FindContent(tx, *e.subject_id);
  if (c && c->workspace_id != *e.workspace_id) return std::nullopt;
  return c;
}

// May the webhook's creator read what the event is about? The same question the live hub and
// the notifications ask, now, for this person.
bool CreatorMayRead(Tx& tx, const storage::WebhookRecord& w, const storage::LoggedEvent& e,
                    const json::object& data, const storage::ContentRecord* content) {
  if (content) {
    if (!access::May(tx, w.created_by, *content, auth::Action::kReadContent)) return false;
    // An internal comment is no guest's news, nor a webhook's whose creator is one now.
    const auto comment_id = StringAt(data, "comment");
    return !comment_id || !access::InInternalThread(tx, *comment_id) ||
           access::SeesInternal(tx, w.created_by, w.workspace_id);
  }
  return access::MayReadWorkspaceTasks(tx, w.created_by, w.workspace_id);
}

// True when the content is on `channel` or on a channel inside it (Social › LinkedIn is on
// Social).
bool OnChannel(Tx& tx, const storage::ContentRecord& c, const std::string& channel) {
  std::map<std::string, std::optional<std::string>> parent;
  for (auto& ch : storage::ListChannels(tx, c.workspace_id)) parent[ch.id] = ch.parent_id;
  for (const auto& id : c.channel_ids) {
    std::optional<std::string> at = id;
    for (int depth = 0; at && depth < 16; ++depth) {
      if (*at == channel) return true;
      const auto up = parent.find(*at);
      if (up == parent.end()) break;
      at = up->second;
    }
  }
  return false;
}

bool Matches(Tx& tx, const storage::WebhookRecord& w, const storage::ContentRecord* content) {
  if (w.project_id && (!content || content->project_id != w.project_id)) return false;
  if (w.type_id && (!content || content->type_id != *w.type_id)) return false;
  if (w.channel_id && (!content || !OnChannel(tx, *content, *w.channel_id))) return false;
  return true;
}

json::object ContentJson(Tx& tx, const storage::ContentRecord& c) {
  json::value status = nullptr;
  if (c.status_id) {
    for (const auto& s : storage::ListStatuses(tx, c.workspace_id)) {
      if (s.id == *c.status_id)
        status = json::object{{"id", s.id}, {"name", s.name}, {"category", s.category}};
    }
  }
  json::value type = nullptr;
  if (auto t = storage::FindContentType(tx, c.workspace_id, c.type_id))
    type = json::object{{"id", t->id}, {"key", t->key}, {"name", t->name}};
  json::array channels;
  for (const auto& id : c.channel_ids) channels.push_back(json::string(id));
  return {{"id", c.id},
          {"title", c.title},
          {"type", std::move(type)},
          {"status", std::move(status)},
          {"revision", c.revision},
          {"version", c.version},
          {"language", c.language},
          {"project_id", Optional(c.project_id)},
          {"channel_ids", std::move(channels)},
          {"owner_id", Optional(c.owner_id)},
          {"publish_at", c.publish_at ? json::value(FormatTime(*c.publish_at)) : nullptr},
          {"archived", c.archived_at.has_value()},
          {"updated_at", FormatTime(c.updated_at)}};
}

// The body sent for one event as one public kind.
std::string Payload(Tx& tx, const std::string& key, const std::string& kind,
                    const storage::LoggedEvent& e, json::object data,
                    const storage::ContentRecord* content, const std::string& base_url) {
  json::value workspace = nullptr;
  std::string slug;
  if (auto ws = storage::FindWorkspace(tx, *e.workspace_id)) {
    slug = ws->slug;
    workspace = json::object{{"id", ws->id}, {"slug", ws->slug}, {"name", ws->name}};
  }
  json::value actor = nullptr;
  if (e.actor_id) {
    auto user = storage::FindUserById(tx, *e.actor_id);
    actor = json::object{{"id", *e.actor_id}, {"name", user ? user->name : ""}};
  }
  if (kind == "comment.created") {
    if (auto id = StringAt(data, "comment"); id) {
      if (auto c = storage::FindComment(tx, *id)) data["body"] = c->body;
    }
  }
  json::object links;
  if (content) {
    links["app"] = base_url + "/w/" + slug + "/contents/" + content->id;
    links["api"] = base_url + "/api/v1/contents/" + content->id;
  } else {
    links["app"] = base_url + "/w/" + slug;
  }
  return json::serialize(json::object{
      {"id", key},
      {"event", kind},
      {"occurred_at", FormatTime(e.created_at)},
      {"sequence", e.seq},
      {"workspace", std::move(workspace)},
      {"actor", std::move(actor)},
      {"content", content ? json::value(ContentJson(tx, *content)) : json::value(nullptr)},
      {"data", std::move(data)},
      {"links", std::move(links)}});
}

TimeMs Backoff(TimeMs first, std::int64_t attempts) {
  TimeMs wait = first;
  for (std::int64_t i = 1; i < attempts && wait < kHourMs; ++i) wait *= 2;
  return std::min(wait, kHourMs);
}

// Answers worth trying again: the receiver is down, slow or asks to wait.
bool Retryable(const AttemptResult& r) {
  if (r.blocked) return false;
  if (!r.status) return true;  // timeout, refused connection, TLS failure
  return *r.status >= 500 || *r.status == 408 || *r.status == 429;
}

// Tells the workspace's owners and admins that a webhook was paused, in the app.
void TellAdmins(Tx& tx, const storage::WebhookRecord& w, TimeMs now) {
  std::set<std::string> admins;
  for (const auto& m : storage::ListMembers(tx, w.workspace_id)) {
    if (m.role == "owner" || m.role == "admin") admins.insert(m.user_id);
  }
  collab::Notice notice{
      w.workspace_id,
      collab::kind::kWebhookPaused,
      std::nullopt,
      nullptr,
      w.id,
      json::serialize(json::object{{"webhook_id", w.id},
                                   {"host", ShownHost(w.url)},
                                   {"failing_since", FormatTime(w.failing_since.value_or(now))}})};
  notice.staff_only = true;
  collab::Notify(tx, notice, admins, now);
}

}  // namespace

Deliverer::Deliverer(storage::Database& db, DelivererSettings settings)
    : db_(db), settings_(std::move(settings)) {}

Deliverer::~Deliverer() {
  Stop();
}

std::int64_t Deliverer::FanOut(TimeMs now, int max_events) {
  // Looked at in a read first: an idle server does not take the writer every interval.
  const bool waiting = db_.Read(
      [](Tx& tx) { return !storage::EventsAfter(tx, storage::WebhookCursor(tx), 1).empty(); });
  if (!waiting) return 0;
  auto done = db_.Write([&](Tx& tx) -> Result<std::int64_t> {
    const auto events = storage::EventsAfter(tx, storage::WebhookCursor(tx), max_events);
    if (events.empty()) return std::int64_t{0};
    std::map<std::string, std::vector<storage::WebhookRecord>> by_workspace;
    for (auto& w : storage::ActiveWebhooks(tx))
      by_workspace[w.workspace_id].push_back(std::move(w));
    for (const auto& e : events) {
      if (!e.workspace_id) continue;
      const auto hooks = by_workspace.find(*e.workspace_id);
      if (hooks == by_workspace.end()) continue;
      std::error_code ec;
      const auto parsed = json::parse(e.data_json, ec);
      const json::object data = !ec && parsed.is_object() ? parsed.as_object() : json::object{};
      const auto content = ContentOf(tx, e);
      const auto kinds = PublicKinds(tx, e, data, content ? &*content : nullptr);
      if (kinds.empty()) continue;
      for (const auto& w : hooks->second) {
        const auto subscribed = SubscribedKinds(w);
        if (!Matches(tx, w, content ? &*content : nullptr)) continue;
        bool asked = false;
        for (const auto& k : kinds) {
          if (std::find(subscribed.begin(), subscribed.end(), k) == subscribed.end()) continue;
          // Asked once per event: the answer is the same for each of its kinds.
          if (!asked && !CreatorMayRead(tx, w, e, data, content ? &*content : nullptr)) break;
          asked = true;
          storage::WebhookDeliveryRecord d;
          d.id = NewId();
          d.webhook_id = w.id;
          d.event_seq = e.seq;
          d.event = k;
          if (content) d.content_id = content->id;
          d.idempotency_key = d.id;
          d.payload = Payload(tx, d.idempotency_key, k, e, data, content ? &*content : nullptr,
                              settings_.base_url);
          d.state = "pending";
          d.next_attempt_at = now;
          d.created_at = now;
          storage::InsertWebhookDelivery(tx, d);
        }
      }
    }
    // The cursor moves in the same transaction as the deliveries it queued: both, or neither.
    storage::SetWebhookCursor(tx, events.back().seq);
    return static_cast<std::int64_t>(events.size());
  });
  if (!done) {
    Log(LogLevel::kError, "webhooks: could not queue deliveries; retrying",
        {{"error", done.error().log.empty() ? done.error().detail : done.error().log}});
    return 0;
  }
  return *done;
}

int Deliverer::SendDue(TimeMs now) {
  auto due = db_.Read([&](Tx& tx) { return storage::DueWebhookDeliveries(tx, now, kSendBatch); });
  // Each attempt is dated when it is made: a round of slow receivers takes minutes, and the
  // backoff, the give-up time and the pause count from the attempt, not from the round's start.
  // The clock runs from the round's `now`, so a round at a given time stays at that time.
  const TimeMs round_started = NowMs();
  int attempts = 0;
  for (auto& d : due) {
    {
      std::lock_guard lk(wake_mutex_);
      if (stopping_) break;
    }
    const Access access = db_.Read([&](Tx& tx) { return CheckAccess(tx, d); });
    if (!access.webhook || access.webhook->paused_at) continue;
    AttemptResult result;
    if (access.may_read) {
      result = Attempt(*access.webhook, d);
      ++attempts;
    } else {
      result.blocked = true;
      result.error = "not sent: the webhook's creator may no longer read this";
    }
    Record(*access.webhook, d, result, access.may_read, now + (NowMs() - round_started));
  }
  return attempts;
}

Deliverer::Access Deliverer::CheckAccess(Tx& tx, const storage::WebhookDeliveryRecord& d) {
  Access access;
  access.webhook = storage::FindWebhookById(tx, d.webhook_id);
  if (!access.webhook) return access;
  // Asked again before each attempt, redeliveries included, as at queue time: what its creator
  // lost since (the content, or internal comments once a guest) is not sent.
  std::optional<storage::ContentRecord> content;
  if (d.content_id) content = storage::FindContent(tx, *d.content_id);
  const auto events = storage::EventsAfter(tx, d.event_seq - 1, 1);
  if (!events.empty() && events[0].seq == d.event_seq) {
    std::error_code ec;
    const auto parsed = json::parse(events[0].data_json, ec);
    const json::object data = !ec && parsed.is_object() ? parsed.as_object() : json::object{};
    access.may_read =
        CreatorMayRead(tx, *access.webhook, events[0], data, content ? &*content : nullptr);
  } else if (content) {
    access.may_read =
        access::May(tx, access.webhook->created_by, *content, auth::Action::kReadContent);
  }
  return access;
}

AttemptResult Deliverer::Attempt(const storage::WebhookRecord& hook,
                                 const storage::WebhookDeliveryRecord& d) {
  const std::int64_t timestamp = NowMs() / 1000;
  return Post(hook.url,
              {{"Content-Type", "application/json"},
               {"User-Agent", "copydesk-webhooks/1"},
               {"X-Copydesk-Event", d.event},
               {"X-Copydesk-Delivery", d.id},
               {"X-Copydesk-Idempotency-Key", d.idempotency_key},
               {"X-Copydesk-Timestamp", std::to_string(timestamp)},
               {"X-Copydesk-Signature", SignatureHeader(hook.secret, timestamp, d.payload)}},
              d.payload, settings_.limits);
}

void Deliverer::Record(const storage::WebhookRecord& hook, storage::WebhookDeliveryRecord& d,
                       const AttemptResult& result, bool sent, TimeMs at) {
  const bool ok = result.status && *result.status >= 200 && *result.status < 300;
  d.attempts += sent ? 1 : 0;
  d.last_attempt_at = at;
  d.last_status = result.status ? std::optional<std::int64_t>(*result.status) : std::nullopt;
  d.last_latency_ms = sent ? std::optional<std::int64_t>(result.latency_ms) : std::nullopt;
  d.last_response = result.excerpt.empty() ? std::nullopt : std::optional(result.excerpt);
  d.last_error = result.error.empty() ? std::nullopt : std::optional(result.error);
  if (!ok && result.error.empty() && result.status)
    d.last_error = "answered " + std::to_string(*result.status);
  if (ok) {
    d.state = "delivered";
    d.delivered_at = at;
    d.next_attempt_at.reset();
  } else if (Retryable(result) && at - d.created_at < settings_.give_up_ms) {
    d.state = "pending";
    d.next_attempt_at = at + Backoff(settings_.first_retry_ms, d.attempts);
  } else {
    d.state = "failed";
    d.next_attempt_at.reset();
  }
  bool paused_now = false;
  auto saved = db_.Write([&](Tx& tx) -> Result<void> {
    storage::SaveWebhookAttempt(tx, d);
    if (!sent) return {};  // nothing was asked of the receiver: its health is unchanged
    auto w = storage::FindWebhookById(tx, hook.id);
    if (!w) return {};
    if (ok) {
      if (!w->failing_since) return {};
      w->failing_since.reset();
    } else {
      if (!w->failing_since) w->failing_since = at;
      if (at - *w->failing_since >= settings_.give_up_ms && !w->paused_at) {
        w->paused_at = at;
        w->paused_reason = "failing";
        paused_now = true;
      }
    }
    storage::UpdateWebhook(tx, *w);
    if (paused_now) TellAdmins(tx, *w, at);
    return {};
  });
  if (!saved) {
    // Sent but not recorded: it goes again, with the same idempotency key.
    Log(LogLevel::kError, "webhooks: could not record a delivery",
        {{"error", saved.error().log.empty() ? saved.error().detail : saved.error().log}});
    paused_now = false;
  }
  if (!ok) {
    Log(LogLevel::kInfo, "webhook delivery failed",
        {{"webhook", hook.id},
         {"delivery", d.id},
         {"error", d.last_error.value_or("")},
         {"state", d.state}});
  }
  if (paused_now) {
    Log(LogLevel::kWarn, "webhook paused after failing too long",
        {{"webhook", hook.id}, {"workspace", hook.workspace_id}});
  }
}

int Deliverer::RunOnce(TimeMs now) {
  std::lock_guard lock(run_mutex_);
  while (FanOut(now, kEventBatch) > 0) {
    std::lock_guard lk(wake_mutex_);
    if (stopping_) return 0;
  }
  return SendDue(now);
}

void Deliverer::Start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] {
    std::unique_lock lk(wake_mutex_);
    while (!stopping_) {
      lk.unlock();
      try {
        RunOnce(NowMs());
      } catch (const std::exception& e) {
        Log(LogLevel::kError, "webhook deliveries failed; retrying", {{"error", e.what()}});
      }
      lk.lock();
      wake_.wait_for(lk, settings_.interval, [this] { return stopping_; });
    }
  });
}

void Deliverer::Stop() {
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace copydesk::webhooks
