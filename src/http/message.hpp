#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace copydesk::http {

//! Compares header names without case.
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

//! A received request, independent of the network library: what routes and handlers see.
struct Request {
  std::string method;  //!< "GET", "POST", …
  std::string target;  //!< as received: path and query
  std::string path;    //!< percent-decoded path, without the query
  std::vector<std::pair<std::string, std::string>> query;  //!< decoded query parameters, in order
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  //! An upload's body, on routes that stream it (Router::Add): a temporary file of
  //! `body_file_size` bytes, deleted after the answer unless the handler moved it away.
  std::string body_file;
  std::uint64_t body_file_size = 0;
  std::string remote_ip;  //!< the client: the socket peer, or what a trusted proxy says
  std::string peer_ip;    //!< the socket peer (a proxy's address when behind one)
  std::string request_id;
  std::map<std::string, std::string> params;  //!< path parameters from the route pattern

  //! A header's value, when present.
  std::optional<std::string_view> Header(std::string_view name) const;
  //! A cookie's value, when present.
  std::optional<std::string> Cookie(std::string_view name) const;
  //! The first value of a query parameter, when present.
  std::optional<std::string> QueryParam(std::string_view name) const;
  //! Every value of a repeated query parameter.
  std::vector<std::string> QueryParams(std::string_view name) const;
  //! A path parameter (always present when the route matched).
  const std::string& Param(const std::string& name) const { return params.at(name); }
  //! True for POST, PUT, PATCH and DELETE.
  bool IsUnsafeMethod() const;
};

//! A response to send; the server adds the common headers (request id, security headers).
struct Response {
  int status = 200;
  std::string content_type;  //!< empty: no body
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  //! Set: the body is `file_length` bytes of this file from `file_offset`, sent as they are read
  //! (downloads), and `body` is ignored.
  std::string file;
  std::uint64_t file_offset = 0;
  std::uint64_t file_length = 0;

  //! Adds a header.
  Response& With(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

//! Decodes %XX escapes (and '+' as space when `plus_is_space`); nullopt when malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

//! Splits a target into a decoded path and decoded query pairs; false when malformed.
bool ParseTarget(std::string_view target, std::string& path,
                 std::vector<std::pair<std::string, std::string>>& query);

}  // namespace copydesk::http
