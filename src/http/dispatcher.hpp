#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace copydesk::http {

//! `path` as the access log writes it: the secrets some paths carry (review links, invitations)
//! replaced by "{secret}", since logs are read, kept and shipped more widely than the database.
std::string PathForLog(std::string_view path);

//! Turns one request into one response: routes API paths, serves the web app otherwise, maps
//! errors and exceptions to problem+json, adds the common headers, counts and logs. Thread-safe.
class Dispatcher {
 public:
  Dispatcher(const Router& router, const StaticFiles& files, Metrics& metrics);

  //! Answers `request`. Never throws.
  Response Handle(Request& request);

  //! True when `request` (its head read) goes to a route that takes uploads with a body that is
  //! not JSON: the server then streams the body to a temporary file.
  bool StreamsBody(Request& request) const;

  //! For a request whose body is streamed (StreamsBody): the route's checks of the head (who
  //! is calling), before a byte of the body is read. Nothing when they pass, else the answer.
  //! Never throws.
  std::optional<Response> RefuseBeforeBody(Request& request);

  //! The answer to a request refused before routing (a malformed or oversized head, a body over
  //! the limit): a problem with the usual headers, logged and counted like any other answer.
  Response Refuse(const Request& request, const Error& error);

 private:
  Response Route(Request& request, std::string& pattern);
  //! Counts the answer in the metrics and writes its access-log line.
  void Account(const Request& request, const std::string& pattern, const Response& response,
               std::chrono::steady_clock::time_point start);

  const Router& router_;
  const StaticFiles& files_;
  Metrics& metrics_;
};

}  // namespace copydesk::http
