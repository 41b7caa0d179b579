#include "api/route.hpp"

#include <boost/json/serialize.hpp>
#include <variant>

#include "api/common.hpp"
#include "core/log.hpp"
#include "storage/database.hpp"

namespace copydesk::api {

namespace json = boost::json;

const auth::Actor& Call::actor() const {
  assert(actor_ && "the route declares no caller step that identifies someone");
  return *actor_;
}

const Visit& Call::visit() const {
  assert(visit_ && "the route's caller step is not Visitor()");
  return *visit_;
}

void Call::SetVisit(Visit visit) {
  actor_ = visit.actor;
  visit_ = std::move(visit);
}

namespace {

Result<http::Response> Run(const Route& route, http::Request& request) {
  Call call(request, NowMs());
  try {
    for (const Step* step : {&route.throttle, &route.caller, &route.input}) {
      if (!*step) continue;
      if (auto ok = (*step)(call); !ok) return std::move(ok).error();
    }
    return route.handle(call);
  } catch (const storage::StorageError& e) {
    // Classified here, by what the caller can do about it, so that the problem map stays the
    // only place where errors become statuses.
    Log(LogLevel::kError, "storage error",
        {{"request_id", request.request_id}, {"error", e.what()}});
    return storage::ErrorOf(e);
  }
}

}  // namespace

void Mount(http::Router& router, std::vector<Route> routes) {
  for (auto& route : routes) {
    assert(route.caller && route.handle && "every route says who may call it and what it does");
    auto shared = std::make_shared<const Route>(std::move(route));
    // An upload's caller is known from its head: an anonymous or forged upload is refused
    // before its body takes any disk. The caller step runs again with the others.
    http::HeadCheck check_head;
    if (shared->streams_body) {
      check_head = [shared](http::Request& request) -> Result<void> {
        Call call(request, NowMs());
        try {
          return shared->caller(call);
        } catch (const storage::StorageError& e) {
          return storage::ErrorOf(e);
        }
      };
    }
    router.Add(
        shared->method, shared->path,
        [shared](http::Request& request) { return Run(*shared, request); }, shared->streams_body,
        std::move(check_head));
  }
}

Step Anyone() {
  return [](Call&) -> Result<void> { return {}; };
}

Step Member(auth::Accounts& accounts) {
  return [&accounts](Call& call) -> Result<void> {
    auto actor = Authenticate(accounts, call.request);
    if (!actor) return std::move(actor).error();
    call.SetActor(std::move(actor).value());
    return {};
  };
}

Step NoFields() {
  return Body([](JsonInput&) { return std::monostate{}; });
}

Result<JsonInput> ReadBody(const http::Request& request) {
  if (request.body.empty()) return JsonInput(json::object());
  return JsonInput::Parse(request.body);
}

http::Response Json(int status, const json::value& body) {
  return {status, "application/json", json::serialize(body), {}};
}

http::Response NoContent() {
  return {204, "", "", {}};
}

json::value TimeOrNull(const std::optional<TimeMs>& time) {
  return time ? json::value(FormatTime(*time)) : json::value(nullptr);
}

json::value TextOrNull(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

Result<http::Response> Done(Result<void> result) {
  if (!result) return std::move(result).error();
  return NoContent();
}

}  // namespace copydesk::api
