#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace copydesk::testing {

//! A blocking WebSocket client over a plain socket, written for tests (RFC 6455, client side):
//! the opening handshake, masked text frames, the server's text frames, pings and close.
class WsClient {
 public:
  //! Sends the upgrade request for `target` with `headers`; status() is the answer (101 when
  //! the connection became a WebSocket).
  WsClient(int port, const std::string& target,
           const std::vector<std::pair<std::string, std::string>>& headers);
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  //! The HTTP status of the upgrade answer.
  int status() const { return status_; }
  //! The body of a refused upgrade.
  const std::string& body() const { return body_; }

  //! Sends a text message.
  void Send(const std::string& text);
  //! Sends one frame as is (masked): for binary, oversized or malformed input.
  void SendFrame(int opcode, const std::string& payload);
  //! Sends raw bytes.
  void SendRaw(const std::string& bytes);

  //! The next text message within `timeout_ms`; nullopt when none came or the connection closed.
  std::optional<std::string> Receive(int timeout_ms = 3000);
  //! The next message parsed as a JSON object.
  std::optional<boost::json::object> ReceiveJson(int timeout_ms = 3000);
  //! The next message whose "type" is `type`, skipping others.
  std::optional<boost::json::object> ReceiveType(const std::string& type, int timeout_ms = 3000);
  //! The messages that arrive within `timeout_ms` (a quiet period ends the wait early).
  std::vector<boost::json::object> Drain(int timeout_ms = 500);

  //! True once the server closed the connection; close_code() is the code it sent (0 if none).
  bool closed() const { return closed_; }
  int close_code() const { return close_code_; }
  //! Closes the connection without a close handshake.
  void Drop();

 private:
  bool ReadMore(int timeout_ms);

  int fd_ = -1;
  int status_ = 0;
  std::string body_;
  std::string buffer_;
  bool closed_ = false;
  int close_code_ = 0;
};

}  // namespace copydesk::testing
