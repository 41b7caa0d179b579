#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "http/message.hpp"

namespace copydesk::http {

//! The path of the live channel (WebSocket upgrade).
inline constexpr const char* kLivePath = "/api/v1/events";

//! How the hub reaches one open WebSocket connection. Both functions are thread-safe and never
//! block; they do nothing once the connection is gone.
struct LiveSink {
  //! Queues a text message. A connection whose queue is full is dropped (a slow client must
  //! not hold the others back): it reconnects and resumes from its last sequence.
  std::function<void(std::string)> send;
  //! Sends what is queued, then closes with `code` (RFC 6455) and `reason`.
  std::function<void(std::uint16_t code, std::string reason)> close;
};

//! What the server asks of the live hub. The server does the WebSocket protocol; the hub
//! decides who may connect and what each connection receives. No Beast here, so the hub is a
//! plain class its tests reach without a socket.
class LiveChannel {
 public:
  virtual ~LiveChannel() = default;

  //! Decides on an upgrade request: 401 without valid credentials, 403 for a cookie sent from
  //! a foreign origin. On success, the id of the connection to attach once the handshake is
  //! done. May block (database): called on the worker pool.
  virtual Result<std::uint64_t> Open(const Request& request) = 0;
  //! The handshake succeeded: delivery to `sink` starts.
  virtual void Attach(std::uint64_t id, LiveSink sink) = 0;
  //! A text message from the client. Never blocks.
  virtual void Receive(std::uint64_t id, std::string message) = 0;
  //! The connection is gone (or its handshake failed). Never blocks.
  virtual void Closed(std::uint64_t id) = 0;
};

}  // namespace copydesk::http
