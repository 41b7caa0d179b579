#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace copydesk::testing {

//! A response as the test client received it.
struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string, http::CaseInsensitiveLess> headers;
  std::vector<std::string> set_cookies;
  std::string body;

  //! The body parsed as JSON (null when it is not JSON), parsed once and kept: what
  //! `response.Json().at("items").as_array()` refers to lives as long as `response`.
  const boost::json::value& Json() const&;
  //! The parsed body of a temporary response, by value: it would not outlive the response.
  boost::json::value Json() &&;
  //! A header's value, or "".
  std::string Header(const std::string& name) const;

 private:
  mutable std::optional<boost::json::value> json_;
};

//! A blocking HTTP/1.1 client over a plain socket, written for tests: one connection per
//! request, a cookie jar, and the CSRF token the API hands out.
class HttpClient {
 public:
  HttpClient(std::string host, int port) : host_(std::move(host)), port_(port) {}

  HttpResponse Get(const std::string& target) { return Send("GET", target); }
  HttpResponse Delete(const std::string& target) { return Send("DELETE", target); }
  HttpResponse Post(const std::string& target, const boost::json::value& body) {
    return Send("POST", target, Serialize(body));
  }
  HttpResponse Put(const std::string& target, const boost::json::value& body) {
    return Send("PUT", target, Serialize(body));
  }
  HttpResponse Patch(const std::string& target, const boost::json::value& body) {
    return Send("PATCH", target, Serialize(body));
  }
  //! Sends any request. A body gets Content-Type application/json unless `headers` says else;
  //! the cookie jar, the CSRF token and the bearer token are added when set.
  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::optional<std::string>& body = std::nullopt,
                    std::vector<std::pair<std::string, std::string>> headers = {});

  //! Uses `token` as Authorization: Bearer from now on (and no cookies).
  void UseBearer(std::string token) { bearer_ = std::move(token); }
  //! Sets the CSRF token sent on unsafe methods.
  void UseCsrf(std::string token) { csrf_ = std::move(token); }
  //! Forgets cookies and tokens.
  void Reset() {
    cookies_.clear();
    csrf_.clear();
    bearer_.clear();
  }
  const std::string& csrf() const { return csrf_; }
  std::map<std::string, std::string>& cookies() { return cookies_; }
  int port() const { return port_; }

 private:
  static std::string Serialize(const boost::json::value& body);

  std::string host_;
  int port_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
  std::string bearer_;
};

//! Sends raw bytes on a new connection and returns everything the server sent back before it
//! closed the connection or `timeout_ms` passed. For malformed and slow requests.
std::string RawExchange(int port, const std::string& bytes, int timeout_ms = 3000);

//! Opens a connection, sends `bytes`, then waits without sending more: returns how many
//! milliseconds passed before the server closed it (or `limit_ms` when it never did).
int MillisecondsUntilServerCloses(int port, const std::string& bytes, int limit_ms);

//! The status code on the first line of a raw HTTP response (0 when none).
int StatusOf(const std::string& raw_response);

//! Appends an exchange made outside HttpClient (a WebSocket upgrade) to the file that
//! COPYDESK_API_EXCHANGES names, if any, for make test-contract: `raw_response` is the answer's
//! head and body as received.
void RecordRawExchange(const std::string& method, const std::string& target,
                       const std::string& raw_response);

}  // namespace copydesk::testing
