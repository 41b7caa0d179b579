#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace copydesk::testing {

//! One message as the sink received it.
struct ReceivedMail {
  std::string from;             //!< MAIL FROM address
  std::vector<std::string> to;  //!< RCPT TO addresses
  std::string data;             //!< the message, dot-stuffing undone
};

//! A received message taken apart: headers, decoded subject, and its text and HTML parts.
struct ParsedMail {
  std::map<std::string, std::string> headers;  //!< by lowercase name, unfolded
  std::string subject;                         //!< RFC 2047 words decoded
  std::string content_type;                    //!< of the whole message
  std::string text;                            //!< the text/plain part, decoded
  std::string html;                            //!< the text/html part, decoded
};

//! Takes a message apart (only what copydesk writes: multipart/alternative, base64 parts).
ParsedMail ParseMail(const std::string& data);

//! A small SMTP server on an ephemeral loopback port that keeps every message it accepts. While
//! down, it answers each connection "421" and closes it, as a server out of service does.
class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  //! smtp://127.0.0.1:<port>
  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  //! Refuses (true) or accepts (false) the next connections.
  void SetDown(bool down) { down_ = down; }
  //! Connections refused while down.
  int refused() const { return refused_; }
  //! The messages accepted so far to `to` (every one when empty).
  std::vector<ReceivedMail> Messages(const std::string& to = "") const;
  //! Waits until `count` messages to `to` have arrived, or `timeout` passed; returns them.
  std::vector<ReceivedMail> WaitFor(std::size_t count, const std::string& to,
                                    std::chrono::milliseconds timeout);
  //! Waits until at least `count` connections were refused, or `timeout` passed.
  bool WaitForRefusals(int count, std::chrono::milliseconds timeout);

 private:
  void Serve(int fd);
  void Run();

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> down_{false};
  std::atomic<int> refused_{0};
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<ReceivedMail> messages_;
  std::thread thread_;
};

}  // namespace copydesk::testing
