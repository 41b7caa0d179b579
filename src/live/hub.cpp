#include "api/live.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cctype>
#include <charconv>

#include "api/common.hpp"
#include "auth/policy.hpp"
#include "collab/notifications.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/accounts_store.hpp"
#include "storage/collab_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/search_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::api {

namespace json = boost::json;
using storage::Tx;

namespace {

constexpr int kPage = 500;
// Client messages waiting for the hub; past this, messages (not openings or closings) are
// dropped: a client flooding the channel loses its own words, nobody else's.
constexpr std::size_t kInboxMax = 10'000;
// While connections are open, the hub also looks every so often: events written by another
// process (a CLI command beside the server) and sessions that expired without an event.
constexpr auto kIdleLook = std::chrono::seconds(5);
constexpr auto kCredentialsEvery = std::chrono::seconds(30);
constexpr std::size_t kContentIdMax = 64;
// Close code for a connection whose session ended (4000–4999 are the application's): the
// browser does not reconnect with it.
constexpr std::uint16_t kCloseSignedOut = 4401;

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "host[:port]" of an origin or URL ("https://host:port/path"), lowercased; nullopt otherwise.
std::optional<std::string> HostOf(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('/'));
  if (rest.empty()) return std::nullopt;
  return Lower(rest);
}

// A browser sends the session cookie with a WebSocket upgrade from any page, and WebSockets
// are not subject to CORS: only the Origin tells a page of this server from another site's
// (cross-site WebSocket hijacking). It must name this server, as the browser reached it (Host)
// or as configured behind a proxy (public_url).
bool FromThisServer(const http::Request& request, const Config& config) {
  const auto origin = request.Header("Origin");
  if (!origin) return false;
  const auto origin_host = HostOf(*origin);
  if (!origin_host) return false;
  if (const auto host = request.Header("Host"); host && Lower(*host) == *origin_host) return true;
  const auto public_host = HostOf(config.public_url);
  return public_host && *public_host == *origin_host;
}

std::optional<auth::Role> RoleIn(Tx& tx, const std::string& workspace_id,
                                 const std::string& user_id) {
  const auto stored = storage::FindRole(tx, workspace_id, user_id);
  return stored ? auth::ParseRole(*stored) : std::nullopt;
}

std::optional<std::string> StringAt(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::optional<std::string>(std::string(v->as_string()))
                             : std::nullopt;
}

//! Who may be told of one event, and what they are told: the same small message of ids for
//! everyone, decided once per event.
struct Audience {
  enum class Rule {
    kNobody,          //!< accounts, sessions, tokens: nothing for anyone's screen
    kPerson,          //!< one person's own state (their notifications, their saved views)
    kContentReaders,  //!< whoever may read the content now (collab::MayRead)
    kWorkspaceTasks,  //!< whoever may read the workspace's tasks
    kWorkspaceRight,  //!< members whose role grants `right`, and the member it is about
  };
  Rule rule = Rule::kNobody;
  std::string person;
  std::string workspace_id;
  std::optional<storage::ContentRecord> content;
  auth::Action right = auth::Action::kReadWorkspace;
  std::optional<std::string> member;
  bool staff_only = false;  //!< about an internal comment: not for guests
  std::string message;      //!< serialized, sent as is

  bool Tells(Tx& tx, const std::string& user_id) const {
    switch (rule) {
      case Rule::kNobody:
        return false;
      case Rule::kPerson:
        return person == user_id;
      case Rule::kContentReaders:
        return collab::MayRead(tx, user_id, *content) &&
               (!staff_only || auth::SeesInternal(RoleIn(tx, workspace_id, user_id)));
      case Rule::kWorkspaceTasks:
        return collab::MayReadWorkspaceTasks(tx, user_id, workspace_id);
      case Rule::kWorkspaceRight:
        return (member && *member == user_id) ||
               auth::Can(RoleIn(tx, workspace_id, user_id), right);
    }
    return false;
  }
};

// The rights that let a member see what a workspace event is about, by the event's kind.
std::optional<auth::Action> RightToSee(std::string_view kind) {
  if (StartsWith(kind, "workspace.")) return auth::Action::kReadWorkspace;
  if (StartsWith(kind, "member.")) return auth::Action::kListMembers;
  if (StartsWith(kind, "team.")) return auth::Action::kListTeams;
  if (StartsWith(kind, "channel.") || StartsWith(kind, "type.") || StartsWith(kind, "project.") ||
      StartsWith(kind, "workflow.")) {
    return auth::Action::kReadSettings;
  }
  // A content deleted for good: its id, to those who could read contents (the text is gone).
  if (kind == "content.purged") return auth::Action::kReadContent;
  return std::nullopt;
}

Audience AudienceOf(Tx& tx, const storage::OutboxEvent& e) {
  Audience a;
  json::object message{{"type", "event"}, {"seq", e.seq}, {"kind", e.kind}};
  std::error_code ec;
  json::value parsed = json::parse(e.data_json, ec);
  const json::object data = !ec && parsed.is_object() ? parsed.as_object() : json::object{};

  if (e.kind == "notification.created") {
    a.rule = Audience::Rule::kPerson;
    a.person = StringAt(data, "user_id").value_or("");
    if (e.subject_id) message["notification_id"] = *e.subject_id;
    if (auto ws = StringAt(data, "workspace_id")) message["workspace_id"] = *ws;
    if (auto content = StringAt(data, "content_id")) message["content_id"] = *content;
  } else if (StartsWith(e.kind, "notification.")) {
    // Read marks: the reader's other tabs follow.
    a.rule = Audience::Rule::kPerson;
    a.person = e.actor_id.value_or("");
    if (e.subject_id) message["notification_id"] = *e.subject_id;
  } else if (e.workspace_id) {
    a.workspace_id = *e.workspace_id;
    message["workspace_id"] = *e.workspace_id;
    if (e.actor_id) message["actor_id"] = *e.actor_id;
    if (e.subject_id && e.kind != "content.purged") {
      auto content = storage::FindContent(tx, *e.subject_id);
      if (content && content->workspace_id == *e.workspace_id) a.content = std::move(content);
    }
    if (a.content) {
      a.rule = Audience::Rule::kContentReaders;
      message["content_id"] = a.content->id;
      if (auto comment = StringAt(data, "comment")) {
        message["comment_id"] = *comment;
        // An internal comment (or a reply in an internal thread) is no guest's news.
        if (auto c = storage::FindComment(tx, *comment)) {
          auto root = c->parent_id ? storage::FindComment(tx, *c->parent_id) : c;
          a.staff_only = c->internal || (root && root->internal);
        }
      }
      if (auto task = StringAt(data, "task")) message["task_id"] = *task;
    } else if (StartsWith(e.kind, "task.") || StartsWith(e.kind, "task_list.")) {
      // A task on no content (or one since deleted), or a reusable task list.
      a.rule = Audience::Rule::kWorkspaceTasks;
      if (auto task = StringAt(data, "task")) message["task_id"] = *task;
      if (e.subject_id) message["subject_id"] = *e.subject_id;
    } else if (StartsWith(e.kind, "view.")) {
      a.rule = Audience::Rule::kPerson;
      a.person = e.actor_id.value_or("");
      if (e.subject_id) message["subject_id"] = *e.subject_id;
    } else if (auto right = RightToSee(e.kind)) {
      a.rule = Audience::Rule::kWorkspaceRight;
      a.right = *right;
      if (StartsWith(e.kind, "member.")) a.member = e.subject_id;
      if (e.subject_id) {
        message[e.kind == "content.purged" ? "content_id" : "subject_id"] = *e.subject_id;
      }
    }
  }
  if (a.rule != Audience::Rule::kNobody) a.message = json::serialize(message);
  return a;
}

void SendTo(const std::optional<http::LiveSink>& sink, const json::object& message) {
  if (sink) sink->send(json::serialize(message));
}

json::object ErrorMessage(std::string_view code, std::string_view detail) {
  return {{"type", "error"}, {"code", code}, {"message", detail}};
}

}  // namespace

LiveHub::LiveHub(storage::Database& db, auth::Accounts& accounts, const Config& config)
    : db_(db), accounts_(accounts), config_(config) {
  // Nobody connected, nothing to deliver: commits do not wake the hub (a connection's opening
  // wakes it through the inbox, and it starts from the head then).
  db_.SetCommitListener([this] {
    if (subscriber_count_ > 0) Wake();
  });
}

LiveHub::~LiveHub() {
  db_.SetCommitListener({});
  Stop();
}

void LiveHub::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void LiveHub::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void LiveHub::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void LiveHub::Post(Happening happening) {
  {
    std::lock_guard lock(mutex_);
    if (std::holds_alternative<Message>(happening) && inbox_.size() >= kInboxMax) return;
    inbox_.push_back(std::move(happening));
  }
  wake_.notify_one();
}

Result<std::uint64_t> LiveHub::Open(const http::Request& request) {
  // A browser cannot set headers on a WebSocket: it sends the session cookie. Integrations
  // send their token in Authorization or, where their client cannot either, in ?token=.
  std::string secret;
  Result<auth::Actor> actor = Error::Unauthenticated();
  if (auto token = request.QueryParam("token")) {
    secret = *token;
    auth::Credentials credentials;
    credentials.bearer_token = *token;
    actor = accounts_.Authenticate(credentials);
  } else {
    actor = Authenticate(accounts_, request);
    if (actor && actor->via_token) {
      secret = std::string(Trim(request.Header("Authorization")->substr(7)));
    } else if (actor) {
      secret = request.Cookie(kSessionCookie).value_or("");
    }
  }
  if (!actor) return std::move(actor).error();
  if (!actor->via_token && !FromThisServer(request, config_)) {
    return Error::Forbidden(
        "A signed-in browser may open the live channel only from this server's pages.");
  }

  Subscriber subscriber;
  subscriber.user_id = actor->user.id;
  subscriber.user_name = actor->user.name;
  subscriber.via_token = actor->via_token;
  subscriber.credential_hash = HashSecret(secret);
  if (auto after = request.QueryParam("after")) {
    std::int64_t value = -1;
    const auto* end = after->data() + after->size();
    const auto [ptr, ec] = std::from_chars(after->data(), end, value);
    if (ec != std::errc() || ptr != end || value < 0) {
      return Error::BadRequest("The after parameter is not an event sequence number.",
                               {{"after", "must be a whole number, 0 or more"}});
    }
    subscriber.last_seq = value;
  } else {
    subscriber.last_seq = db_.Read([](Tx& tx) { return storage::LastEventSeq(tx); });
  }
  std::uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
  }
  Post(Opened{id, std::move(subscriber)});
  return id;
}

void LiveHub::Attach(std::uint64_t id, http::LiveSink sink) {
  Post(Attached{id, std::move(sink)});
}

void LiveHub::Receive(std::uint64_t id, std::string message) {
  Post(Message{id, std::move(message)});
}

void LiveHub::Closed(std::uint64_t id) {
  Post(Gone{id});
}

void LiveHub::Forget(std::uint64_t id, std::set<std::string>& presence_changed) {
  auto it = subscribers_.find(id);
  if (it == subscribers_.end()) return;
  for (const auto& content_id : it->second.watching) {
    auto& set = watchers_[content_id];
    set.erase(id);
    if (set.empty()) watchers_.erase(content_id);
    presence_changed.insert(content_id);
  }
  subscribers_.erase(it);
}

void LiveHub::Handle(Tx& tx, Message& message, std::set<std::string>& presence_changed) {
  auto it = subscribers_.find(message.id);
  if (it == subscribers_.end()) return;
  Subscriber& sub = it->second;
  std::error_code ec;
  json::value parsed = json::parse(message.text, ec);
  const auto* o = !ec && parsed.is_object() ? &parsed.as_object() : nullptr;
  const auto type = o ? StringAt(*o, "type") : std::nullopt;
  if (!type) {
    SendTo(sub.sink, ErrorMessage("bad_message", "Send a JSON object with a type."));
    return;
  }
  if (*type == "watch" || *type == "unwatch") {
    const auto content_id = StringAt(*o, "content_id");
    if (!content_id || content_id->empty() || content_id->size() > kContentIdMax) {
      SendTo(sub.sink, ErrorMessage("bad_message", "content_id must be a content's id."));
      return;
    }
    if (*type == "unwatch") {
      if (sub.watching.erase(*content_id) == 0) return;
      auto& set = watchers_[*content_id];
      set.erase(message.id);
      if (set.empty()) watchers_.erase(*content_id);
      presence_changed.insert(*content_id);
      return;
    }
    if (!sub.watching.contains(*content_id) && sub.watching.size() >= kLiveWatchMax) {
      SendTo(sub.sink, ErrorMessage("too_many", "Watch fewer contents at once."));
      return;
    }
    // Someone who may not read a content learns nothing of it, not even that it exists.
    const auto content = storage::FindContent(tx, *content_id);
    if (!content || !collab::MayRead(tx, sub.user_id, *content)) {
      auto error = ErrorMessage("not_found", "No such content.");
      error["content_id"] = *content_id;
      SendTo(sub.sink, error);
      return;
    }
    sub.watching.insert(*content_id);
    watchers_[*content_id].insert(message.id);
    presence_changed.insert(*content_id);
  } else if (*type == "resume") {
    const auto* after = o->if_contains("after");
    if (!after || !after->is_int64() || after->as_int64() < 0) {
      SendTo(sub.sink, ErrorMessage("bad_message", "after must be an event sequence number."));
      return;
    }
    sub.last_seq = after->as_int64();
  } else if (*type == "ping") {
    SendTo(sub.sink, {{"type", "pong"}});
  } else {
    SendTo(sub.sink, ErrorMessage("bad_message", "Unknown message type."));
  }
}

void LiveHub::CheckCredentials(Tx& tx, std::set<std::string>& presence_changed) {
  const TimeMs now = NowMs();
  const TimeMs idle_ms = config_.session_idle_days * 24LL * 60 * 60 * 1000;
  std::vector<std::uint64_t> ended;
  for (auto& [id, sub] : subscribers_) {
    bool valid;
    if (sub.via_token) {
      valid = storage::FindApiTokenByHash(tx, sub.credential_hash).has_value();
    } else {
      const auto found = storage::FindSessionByTokenHash(tx, sub.credential_hash);
      valid = found && found->first.expires_at > now && found->first.last_seen_at > now - idle_ms;
    }
    if (!valid) ended.push_back(id);
  }
  for (auto id : ended) {
    if (auto& sink = subscribers_[id].sink) sink->close(kCloseSignedOut, "signed out");
    Forget(id, presence_changed);
  }
  credentials_checked_ = std::chrono::steady_clock::now();
}

void LiveHub::Deliver(std::set<std::string>& presence_changed) {
  bool any = false;
  for (const auto& [id, sub] : subscribers_) any = any || sub.sink.has_value();
  if (!any) return;
  db_.Read([&](Tx& tx) {
    const std::int64_t head = storage::LastEventSeq(tx);
    bool behind = false;
    for (const auto& [id, sub] : subscribers_)
      behind = behind || (sub.sink && sub.last_seq != head);
    // A signed-out session stops receiving before the next event it could have seen.
    if (behind || std::chrono::steady_clock::now() - credentials_checked_ > kCredentialsEvery) {
      CheckCredentials(tx, presence_changed);
    }
    if (!behind) return;
    const std::int64_t first = storage::FirstEventSeq(tx);
    std::int64_t from = head;
    for (auto& [id, sub] : subscribers_) {
      if (!sub.sink) continue;
      // Too far behind, ahead (a restored database), or past what is kept: start afresh.
      if (sub.last_seq > head || head - sub.last_seq > kLiveCatchUpMax ||
          (first > 0 && sub.last_seq < first - 1)) {
        SendTo(sub.sink, {{"type", "reset"}, {"seq", head}});
        sub.last_seq = head;
      }
      from = std::min(from, sub.last_seq);
    }
    while (from < head) {
      const auto events = storage::ListOutboxAfter(tx, from, kPage);
      if (events.empty()) break;
      for (const auto& event : events) {
        std::optional<Audience> audience;
        for (auto& [id, sub] : subscribers_) {
          if (!sub.sink || sub.last_seq >= event.seq) continue;
          if (!audience) audience = AudienceOf(tx, event);
          if (audience->rule != Audience::Rule::kNobody && audience->Tells(tx, sub.user_id)) {
            sub.sink->send(audience->message);
          }
          sub.last_seq = event.seq;
        }
      }
      from = events.back().seq;
    }
  });
}

void LiveHub::TellPresence(const std::set<std::string>& content_ids) {
  std::vector<std::pair<const std::string*, Subscriber*>> listeners;
  db_.Read([&](Tx& tx) {
    for (const auto& content_id : content_ids) {
      const auto content = storage::FindContent(tx, content_id);
      if (!content) continue;
      // One entry per person, whatever the number of their tabs.
      std::map<std::string, std::string> people;
      if (auto it = watchers_.find(content_id); it != watchers_.end()) {
        for (auto id : it->second) {
          const auto& sub = subscribers_.at(id);
          people.emplace(sub.user_id, sub.user_name);
        }
      }
      json::array list;
      for (const auto& [user_id, name] : people) list.push_back({{"id", user_id}, {"name", name}});
      const std::string message = json::serialize(json::object{
          {"type", "presence"}, {"content_id", content_id}, {"people", std::move(list)}});
      std::map<std::string, bool> may_read;
      for (auto& [id, sub] : subscribers_) {
        if (!sub.sink) continue;
        auto [it, fresh] = may_read.try_emplace(sub.user_id, false);
        if (fresh) it->second = collab::MayRead(tx, sub.user_id, *content);
        if (it->second) sub.sink->send(message);
      }
    }
  });
}

void LiveHub::Pump() {
  std::lock_guard pump(pump_mutex_);
  std::vector<Happening> inbox;
  {
    std::lock_guard lock(mutex_);
    inbox.swap(inbox_);
    woken_ = false;
  }
  std::set<std::string> presence_changed;
  std::vector<Message*> messages;
  for (auto& happening : inbox) {
    if (auto* opened = std::get_if<Opened>(&happening)) {
      subscribers_.emplace(opened->id, std::move(opened->subscriber));
    } else if (auto* attached = std::get_if<Attached>(&happening)) {
      auto it = subscribers_.find(attached->id);
      if (it == subscribers_.end()) continue;
      it->second.sink = std::move(attached->sink);
      SendTo(it->second.sink,
             {{"type", "hello"}, {"user_id", it->second.user_id}, {"seq", it->second.last_seq}});
    } else if (auto* message = std::get_if<Message>(&happening)) {
      messages.push_back(message);
    } else if (auto* gone = std::get_if<Gone>(&happening)) {
      // Its messages before it went still count (an unwatch, then the tab closes).
      Forget(gone->id, presence_changed);
    }
  }
  // Messages are read after every opening and closing of this round is known; what a message
  // from a connection since gone asked for is dropped with it.
  if (!messages.empty()) {
    try {
      db_.Read([&](Tx& tx) {
        for (auto* message : messages) Handle(tx, *message, presence_changed);
      });
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "live messages failed", {{"error", e.what()}});
    }
  }
  Deliver(presence_changed);
  if (!presence_changed.empty()) TellPresence(presence_changed);
  subscriber_count_ = subscribers_.size();
}

void LiveHub::Run() {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      auto ready = [this] { return woken_ || stopping_ || !inbox_.empty(); };
      if (subscriber_count_ > 0) {
        wake_.wait_for(lock, kIdleLook, ready);
      } else {
        wake_.wait(lock, ready);
      }
      if (stopping_) return;
    }
    try {
      Pump();
    } catch (const std::exception& e) {
      // The database was busy or broken: what was not delivered is delivered at the next pump.
      Log(LogLevel::kError, "live delivery failed", {{"error", e.what()}});
    }
  }
}

}  // namespace copydesk::api
