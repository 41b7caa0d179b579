#include "live/hub.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "access/standing.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "live/audience.hpp"
#include "storage/accounts_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/search_store.hpp"

namespace copydesk::live {

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

std::optional<std::string> StringAt(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::optional<std::string>(std::string(v->as_string()))
                             : std::nullopt;
}

void SendTo(const std::optional<http::LiveSink>& sink, const json::object& message) {
  if (sink) sink->send(json::serialize(message));
}

json::object ErrorMessage(std::string_view code, std::string_view detail) {
  return {{"type", "error"}, {"code", code}, {"message", detail}};
}

}  // namespace

Hub::Hub(storage::Database& db, const Config& config, Door door)
    : db_(db), config_(config), door_(std::move(door)) {
  // Nobody connected, nothing to deliver: commits do not wake the hub (a connection's opening
  // wakes it through the inbox, and it starts from the head then).
  db_.SetCommitListener([this] {
    if (subscriber_count_ > 0) Wake();
  });
}

Hub::~Hub() {
  db_.SetCommitListener({});
  Stop();
}

void Hub::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void Hub::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Hub::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void Hub::Post(Happening happening) {
  {
    std::lock_guard lock(mutex_);
    if (std::holds_alternative<Message>(happening) && inbox_.size() >= kInboxMax) return;
    inbox_.push_back(std::move(happening));
  }
  wake_.notify_one();
}

Result<std::uint64_t> Hub::Open(const http::Request& request) {
  auto listener = door_(request);
  if (!listener) return std::move(listener).error();
  Subscriber subscriber;
  subscriber.user_id = std::move(listener->user_id);
  subscriber.user_name = std::move(listener->user_name);
  subscriber.via_token = listener->via_token;
  subscriber.credential_hash = std::move(listener->credential_hash);
  subscriber.last_seq = listener->after
                            ? *listener->after
                            : db_.Read([](Tx& tx) { return storage::LastEventSeq(tx); });
  std::uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
  }
  Post(Opened{id, std::move(subscriber)});
  return id;
}

void Hub::Attach(std::uint64_t id, http::LiveSink sink) {
  Post(Attached{id, std::move(sink)});
}

void Hub::Receive(std::uint64_t id, std::string message) {
  Post(Message{id, std::move(message)});
}

void Hub::Closed(std::uint64_t id) {
  Post(Gone{id});
}

void Hub::Forget(std::uint64_t id, std::set<std::string>& presence_changed) {
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

void Hub::Handle(Tx& tx, Message& message, std::set<std::string>& presence_changed) {
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
    if (!sub.watching.contains(*content_id) && sub.watching.size() >= kWatchMax) {
      SendTo(sub.sink, ErrorMessage("too_many", "Watch fewer contents at once."));
      return;
    }
    // Someone who may not read a content learns nothing of it, not even that it exists.
    const auto content = storage::FindContent(tx, *content_id);
    if (!content || !access::May(tx, sub.user_id, *content, auth::Action::kReadContent)) {
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

void Hub::CheckCredentials(Tx& tx, std::set<std::string>& presence_changed) {
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

void Hub::Deliver(std::set<std::string>& presence_changed) {
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
      if (sub.last_seq > head || head - sub.last_seq > kCatchUpMax ||
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

void Hub::TellPresence(const std::set<std::string>& content_ids) {
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
        if (fresh) it->second = access::May(tx, sub.user_id, *content, auth::Action::kReadContent);
        if (it->second) sub.sink->send(message);
      }
    }
  });
}

void Hub::Pump() {
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

void Hub::Run() {
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

}  // namespace copydesk::live
