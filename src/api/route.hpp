#pragma once

// A route is declared, not written: its method and path, then its steps in the order they run —
// throttle → who is calling → what it reads → the handler (one call into the domain) → present.
// A step that fails ends the request with its error, which the one problem map (http/problem)
// turns into a response; storage errors thrown by any step are classified here, so that http/
// knows nothing of storage. A route file is then a table:
//
//   Mount(router, {
//       {"GET", "/api/v1/workspaces/{ws}/contents", member, Query(ReadContentFilter),
//        [&s](Call& c) {
//          return Present(s.contents.List(c.actor(), c.param("ws"), c.input<ContentFilter>()),
//                         ContentPageJson);
//        }},
//   });

#include <any>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cassert>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "auth/accounts.hpp"
#include "collab/sharing.hpp"
#include "core/clock.hpp"
#include "core/json_input.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace copydesk::api {

//! A review-link visitor: their session on the link and the identity their work is recorded
//! under.
struct Visit {
  collab::ReviewSession session;  //!< the link and the visitor's session on it
  auth::Actor actor;              //!< whom their comments, edits and decisions are recorded for
};

//! A request on its way through its route's steps: what each step found, for the next ones.
class Call {
 public:
  //! Starts a call on `request`, received at `now`.
  Call(http::Request& request, TimeMs now) : request(request), now(now) {}

  http::Request& request;  //!< the request as received, path parameters filled
  const TimeMs now;        //!< when it arrived: one clock reading for every step

  //! A path parameter ("ws", "id"): always present when the route matched.
  const std::string& param(const std::string& name) const { return request.Param(name); }
  //! Who is calling: a member (session or token), or a review visitor's recorded identity.
  const auth::Actor& actor() const;
  //! The review visitor, on routes whose caller step is Visitor().
  const Visit& visit() const;
  //! The input the route's input step read (Body() or Query()): asserted to be a `T`.
  template <class T>
  T& input() {
    // A route whose handler asks for another type than its input step reads is a bug: a failed
    // request (500, logged), never a crash, even in a build without asserts.
    auto* value = std::any_cast<T>(&input_);
    if (value == nullptr) throw std::logic_error("the route's input step reads another type");
    return *value;
  }

  //! Set by the caller steps.
  void SetActor(auth::Actor actor) { actor_ = std::move(actor); }
  //! Set by the Visitor() step.
  void SetVisit(Visit visit);
  //! Set by the input steps.
  template <class T>
  void SetInput(T value) {
    input_ = std::move(value);
  }

 private:
  std::optional<auth::Actor> actor_;
  std::optional<Visit> visit_;
  std::any input_;
};

//! One step of a route: fills the call, or ends the request with an error.
using Step = std::function<Result<void>(Call&)>;
//! The route's own work: a call into the domain and the presentation of its answer.
using Handle = std::function<Result<http::Response>(Call&)>;

//! A route as declared in a route file's table. Steps left empty are skipped.
struct Route {
  std::string method;  //!< "GET", "POST", …
  std::string path;    //!< "/api/v1/workspaces/{ws}/contents/{id}"
  Step caller;         //!< who may call: Anyone(), Member(), Visitor()
  Step input;          //!< what it reads: Body(reader), Query(reader), or nothing
  Handle handle;       //!< the domain call and the presenter
  Step throttle = {};  //!< runs first, before anything is read or checked
  //! Takes uploads: a body that is not JSON arrives as a temporary file (Request::body_file),
  //! up to --max-upload-bytes.
  bool streams_body = false;
};

//! Registers each route on `router`, its steps chained in their order.
void Mount(http::Router& router, std::vector<Route> routes);

// ---- caller steps ----------------------------------------------------------------------------

//! No one in particular: health, set-up, login, secrets that prove themselves.
Step Anyone();
//! A member: a session cookie (with its CSRF header on unsafe methods) or an API token.
Step Member(auth::Accounts& accounts);

// ---- input steps -----------------------------------------------------------------------------

//! Parses the body as one JSON object (an empty body reads as {}), strictly.
Result<JsonInput> ReadBody(const http::Request& request);

//! True for a Result<T>.
template <class T>
inline constexpr bool kIsResult = false;
template <class T>
inline constexpr bool kIsResult<Result<T>> = true;

//! Reads the JSON body with `read` (a `T(JsonInput&)` that reads members and reports what it
//! finds wrong with JsonInput::Fault); unknown or faulty members end the request with a 400/422
//! naming each field, before the handler runs. A reader whose checks only make sense once every
//! member is known to be well-formed (the items of an array, a number's range) returns a
//! `Result<T>`: its error ends the request after those of the members.
template <class Read>
Step Body(Read read) {
  return [read = std::move(read)](Call& call) -> Result<void> {
    auto in = ReadBody(call.request);
    if (!in) return std::move(in).error();
    auto value = read(*in);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    if constexpr (kIsResult<decltype(value)>) {
      if (!value) return std::move(value).error();
      call.SetInput(std::move(value).value());
    } else {
      call.SetInput(std::move(value));
    }
    return {};
  };
}

//! A body that must carry no member ({} or nothing): for commands whose path says it all.
Step NoFields();

//! Reads the query string with `read` (a `Result<T>(const http::Request&)`).
template <class Read>
Step Query(Read read) {
  return [read = std::move(read)](Call& call) -> Result<void> {
    auto value = read(call.request);
    if (!value) return std::move(value).error();
    call.SetInput(std::move(value).value());
    return {};
  };
}

// ---- presenting ------------------------------------------------------------------------------

//! A JSON response.
http::Response Json(int status, const boost::json::value& body);
//! A 204 response.
http::Response NoContent();

//! The domain's answer presented with `present` (a `json::value(const T&)`) under `status`, or
//! its error.
template <class T, class Presenter>
Result<http::Response> Present(Result<T> result, Presenter present, int status = 200) {
  if (!result) return std::move(result).error();
  return Json(status, present(*result));
}

//! A time as the API writes it ("2026-12-07T09:30:00.000Z"), or null.
boost::json::value TimeOrNull(const std::optional<TimeMs>& time);
//! A text, or null.
boost::json::value TextOrNull(const std::optional<std::string>& text);

//! `{"items": [...]}`: each of `items` presented with `present`.
template <class Items, class Presenter>
boost::json::object ItemsJson(const Items& items, Presenter present) {
  boost::json::array out;
  for (const auto& item : items) out.push_back(present(item));
  return {{"items", std::move(out)}};
}

//! 204 for a command that answers nothing, or its error.
Result<http::Response> Done(Result<void> result);

}  // namespace copydesk::api
