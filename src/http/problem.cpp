#include "http/problem.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace copydesk::http {

namespace {

const char* Title(int status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload too large";
    case 415:
      return "Unsupported media type";
    case 431:
      return "Request header fields too large";
    case 422:
      return "Unprocessable content";
    case 423:
      return "Locked";
    case 429:
      return "Too many requests";
    case 503:
      return "Service unavailable";
    default:
      return "Internal server error";
  }
}

const char* TypeSlug(int status) {
  switch (status) {
    case 400:
      return "bad-request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 405:
      return "method-not-allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload-too-large";
    case 415:
      return "unsupported-media-type";
    case 431:
      return "headers-too-large";
    case 422:
      return "validation";
    case 423:
      return "locked";
    case 429:
      return "rate-limited";
    case 503:
      return "unavailable";
    default:
      return "internal";
  }
}

}  // namespace

int HttpStatus(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadRequest:
      return 400;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kMethodNotAllowed:
      return 405;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kPayloadTooLarge:
      return 413;
    case ErrorKind::kUnsupportedMediaType:
      return 415;
    case ErrorKind::kHeadersTooLarge:
      return 431;
    case ErrorKind::kUnprocessable:
      return 422;
    case ErrorKind::kLocked:
      return 423;
    case ErrorKind::kRateLimited:
      return 429;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

Response ProblemResponse(const Error& error) {
  const int status = HttpStatus(error.kind);
  boost::json::object body;
  body["type"] = std::string("/problems/") + TypeSlug(status);
  body["title"] = Title(status);
  body["status"] = status;
  body["detail"] = status == 500 ? std::string("Something went wrong on our side.") : error.detail;
  if (!error.fields.empty()) {
    boost::json::array errors;
    for (const auto& f : error.fields)
      errors.push_back({{"field", f.field}, {"message", f.message}});
    body["errors"] = std::move(errors);
  }
  if (error.retry_after_seconds > 0) body["retry_after"] = error.retry_after_seconds;
  if (!error.extra_json.empty() && status != 500) {
    std::error_code ec;
    auto extra = boost::json::parse(error.extra_json, ec);
    if (!ec && extra.is_object()) {
      // Extra members add to the problem, never replace its own (RFC 9457: `status` is the
      // HTTP status, whatever a caller names its fields).
      for (auto& member : extra.as_object()) {
        if (!body.contains(member.key())) body[member.key()] = std::move(member.value());
      }
    }
  }
  Response response{status, "application/problem+json", boost::json::serialize(body), {}};
  if (error.retry_after_seconds > 0) {
    response.With("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return response;
}

}  // namespace copydesk::http
