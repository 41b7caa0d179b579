#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace copydesk::testing {

//! One request as the sink received it.
struct ReceivedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  //!< by lowercase name
  std::string body;
};

//! What the sink answers one request.
struct SinkAnswer {
  int status = 200;
  std::string body = "ok";
  std::string location;  //!< set: a Location header (for redirects)
  int delay_ms = 0;      //!< waits this long before answering (a slow receiver)
};

//! A small HTTP/1.1 server on an ephemeral loopback port that keeps every request it receives
//! and answers what the test says (200 "ok" by default), one connection at a time, closing each.
class HttpSink {
 public:
  HttpSink();
  ~HttpSink();
  HttpSink(const HttpSink&) = delete;
  HttpSink& operator=(const HttpSink&) = delete;

  int port() const { return port_; }
  //! http://127.0.0.1:<port><path>
  std::string Url(const std::string& path = "/hook") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  //! How the next requests are answered.
  void Answer(std::function<SinkAnswer(const ReceivedRequest&)> answer);
  //! The requests received so far to `path` (every one when empty).
  std::vector<ReceivedRequest> Requests(const std::string& path = "") const;
  //! Waits until `count` requests to `path` have arrived, or `timeout` passed; returns them.
  std::vector<ReceivedRequest> WaitFor(std::size_t count, const std::string& path,
                                       std::chrono::milliseconds timeout);

 private:
  void Run();
  void Serve(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<ReceivedRequest> requests_;
  std::function<SinkAnswer(const ReceivedRequest&)> answer_;
  std::thread thread_;
};

}  // namespace copydesk::testing
