#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"
#include "http/live_channel.hpp"
#include "storage/database.hpp"
#include "storage/events_store.hpp"

namespace copydesk::live {

//! How many events a reconnecting client may catch up on; further behind, it is told to reset.
inline constexpr std::int64_t kCatchUpMax = 1000;
//! How many contents one connection may watch at once.
inline constexpr std::size_t kWatchMax = 20;

//! Who opens a live connection, as the door found them.
struct Listener {
  std::string user_id;
  std::string user_name;
  bool via_token = false;
  std::string credential_hash;        //!< of the session cookie or the token: re-checked later
  std::optional<std::int64_t> after;  //!< the last event the client saw; none: from now on
};

//! The door of the live channel: who an upgrade request is from (401 without valid credentials,
//! 403 for a cookie sent from a foreign origin, 400 for a bad `after`). It reads HTTP
//! credentials, so it lives with the routes (api/event_routes.cpp); the hub only admits.
using Door = std::function<Result<Listener>(const http::Request&)>;

//! The live hub: what each connection of the live channel (`/api/v1/events`) receives. Every
//! committed event is offered to every connection, and each receives it only when its person
//! may see it now (the audience rule, live/audience.hpp, asks access/), as a small message of
//! ids the browser refetches from. It also keeps, in memory, who is looking at which content.
//!
//! All decisions run on one thread (the hub's, or the caller of Pump in tests): the server's
//! threads only queue what happened (opened, attached, a message, closed) and wake it, so no
//! I/O thread waits for the database.
class Hub final : public http::LiveChannel {
 public:
  //! Listens to `db`'s commits (a commit wakes the hub) until destroyed; `door` decides who
  //! opens a connection.
  Hub(storage::Database& db, const Config& config, Door door);
  ~Hub() override;
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  //! Starts the hub's thread: it pumps when woken by a commit or a connection, and every few
  //! seconds while connections are open (for writes from other processes, and expiries).
  void Start();
  //! Stops the thread; connections still open receive nothing more.
  void Stop();

  // http::LiveChannel: the door admits, then the hub delivers.
  Result<std::uint64_t> Open(const http::Request& request) override;
  void Attach(std::uint64_t id, http::LiveSink sink) override;
  void Receive(std::uint64_t id, std::string message) override;
  void Closed(std::uint64_t id) override;

  //! Handles what the connections said, then delivers the events committed since the last
  //! pump. What the thread does when woken; tests call it directly (without Start).
  void Pump();
  //! Asks the thread to pump soon. Any thread; never blocks on the database.
  void Wake();

 private:
  //! One open connection, as the hub's thread knows it.
  struct Subscriber {
    std::string user_id;
    std::string user_name;
    bool via_token = false;
    std::string credential_hash;  // of the session cookie or the token: re-checked as events come
    std::int64_t last_seq = 0;    // the last event considered for it
    std::optional<http::LiveSink> sink;  // set once the handshake is done
    std::set<std::string> watching;      // content ids
  };
  struct Opened {
    std::uint64_t id;
    Subscriber subscriber;
  };
  struct Attached {
    std::uint64_t id;
    http::LiveSink sink;
  };
  struct Message {
    std::uint64_t id;
    std::string text;
  };
  struct Gone {
    std::uint64_t id;
  };
  using Happening = std::variant<Opened, Attached, Message, Gone>;

  void Post(Happening happening);
  void Handle(storage::Tx& tx, Message& message, std::set<std::string>& presence_changed);
  void Forget(std::uint64_t id, std::set<std::string>& presence_changed);
  void Deliver(std::set<std::string>& presence_changed);
  void CheckCredentials(storage::Tx& tx, std::set<std::string>& presence_changed);
  void TellPresence(const std::set<std::string>& content_ids);
  void Run();

  storage::Database& db_;
  const Config& config_;
  Door door_;

  // What the server's threads queued, and the hub thread's wake-up.
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Happening> inbox_;  // guarded by mutex_
  bool woken_ = false;            // guarded by mutex_
  bool stopping_ = false;         // guarded by mutex_
  std::uint64_t next_id_ = 1;     // guarded by mutex_

  // Owned by whoever pumps (one at a time).
  std::mutex pump_mutex_;
  std::map<std::uint64_t, Subscriber> subscribers_;
  std::map<std::string, std::set<std::uint64_t>> watchers_;  // content id → connections
  std::chrono::steady_clock::time_point credentials_checked_;
  std::atomic<std::size_t> subscriber_count_{0};  // read by the thread to choose how to wait

  std::thread thread_;
};

}  // namespace copydesk::live
