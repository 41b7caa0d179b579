#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace copydesk {

//! What went wrong, in terms a caller can act on; mapped to HTTP in exactly one place
//! (http/problem.cpp).
enum class ErrorKind {
  kBadRequest,            //!< malformed input: syntax, wrong type, unknown field (400)
  kUnauthenticated,       //!< no valid session or token (401)
  kForbidden,             //!< known caller, not allowed (403)
  kNotFound,              //!< missing, or not visible to the caller (404)
  kMethodNotAllowed,      //!< route exists with another method (405)
  kConflict,              //!< state does not allow it: duplicate, stale version, last owner (409)
  kPayloadTooLarge,       //!< body or field over its limit (413)
  kHeadersTooLarge,       //!< request line and headers over their limit (431)
  kUnsupportedMediaType,  //!< body is not JSON (415)
  kUnprocessable,         //!< well-formed but invalid values (422)
  kLocked,                //!< resource is locked for edits (423)
  kRateLimited,           //!< too many attempts (429)
  kInternal,              //!< a bug or a broken dependency; no detail reaches the client (500)
  kUnavailable,           //!< dependency not reachable, e.g. database (503)
};

//! One input field at fault, named by its JSON path ("fields.body", "email").
struct FieldError {
  std::string field;
  std::string message;
};

//! An expected failure of an operation. `detail` is for the client; `log` is for the operator
//! only (never sent).
struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string detail;
  std::vector<FieldError> fields;
  std::string log;
  int retry_after_seconds = 0;  //!< with kRateLimited
  std::string extra_json;       //!< optional JSON object members merged into the problem body

  static Error BadRequest(std::string detail, std::vector<FieldError> fields = {}) {
    return {ErrorKind::kBadRequest, std::move(detail), std::move(fields)};
  }
  static Error Invalid(std::string detail, std::vector<FieldError> fields = {}) {
    return {ErrorKind::kUnprocessable, std::move(detail), std::move(fields)};
  }
  static Error InvalidField(std::string field, std::string message) {
    std::string detail = message;
    return {ErrorKind::kUnprocessable, std::move(detail), {{std::move(field), std::move(message)}}};
  }
  static Error NotFound(std::string detail = "Not found.") {
    return {ErrorKind::kNotFound, std::move(detail)};
  }
  static Error Conflict(std::string detail, std::vector<FieldError> fields = {}) {
    return {ErrorKind::kConflict, std::move(detail), std::move(fields)};
  }
  static Error Forbidden(std::string detail = "You are not allowed to do this.") {
    return {ErrorKind::kForbidden, std::move(detail)};
  }
  static Error Unauthenticated(std::string detail = "Sign in to continue.") {
    return {ErrorKind::kUnauthenticated, std::move(detail)};
  }
  static Error Internal(std::string log) {
    return {ErrorKind::kInternal, "Something went wrong on our side.", {}, std::move(log)};
  }
};

//! Either a value or an Error. A small stand-in for std::expected (C++23).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

//! Result of an operation that yields nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& {
    assert(!ok());
    return *error_;
  }
  Error&& error() && {
    assert(!ok());
    return std::move(*error_);
  }

 private:
  std::optional<Error> error_;
};

}  // namespace copydesk
