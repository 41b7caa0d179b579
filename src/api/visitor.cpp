#include "api/visitor.hpp"

#include <algorithm>

#include "core/random.hpp"

namespace copydesk::api {

namespace {

Error TooMany(TimeMs retry_after_ms) {
  Error e{ErrorKind::kRateLimited, "Too many requests on review links. Try again later."};
  e.retry_after_seconds = static_cast<int>((retry_after_ms + 999) / 1000);
  return e;
}

}  // namespace

VisitorGate::OpeningAttempt::OpeningAttempt(VisitorGate& gate, const Call& call)
    : gate_(gate),
      address_(call.request.remote_ip),
      link_(address_ + " " + call.param("secret")),
      now_(call.now) {}

VisitorGate::OpeningAttempt::~OpeningAttempt() {
  if (!taken_ || failed_) return;
  gate_.failed_opens_.Release(link_, now_);
  gate_.failed_opens_anywhere_.Release(address_, now_);
}

Result<void> VisitorGate::OpeningAttempt::Take() {
  if (auto wait = gate_.failed_opens_.Reserve(link_, now_); wait > 0) return TooMany(wait);
  if (auto wait = gate_.failed_opens_anywhere_.Reserve(address_, now_); wait > 0) {
    gate_.failed_opens_.Release(link_, now_);
    return TooMany(wait);
  }
  taken_ = true;
  return {};
}

Step VisitorGate::Throttle() {
  return [this](Call& call) -> Result<void> {
    const std::string key = call.request.remote_ip + " " + call.param("secret");
    if (auto wait = requests_.RetryAfter(key, call.now); wait > 0) return TooMany(wait);
    requests_.Fail(key, call.now);  // counts every request
    return {};
  };
}

Step VisitorGate::Visitor() {
  return [this](Call& call) -> Result<void> {
    const auto& req = call.request;
    auto session = s_.sharing.Resume(req.Param("secret"), req.Cookie(kReviewCookie), call.now);
    if (!session) return std::move(session).error();
    if (req.IsUnsafeMethod()) {
      const auto header = req.Header("X-CSRF-Token");
      if (!header || !ConstantTimeEquals(std::string(*header), session->csrf_token))
        return Error::Forbidden("The X-CSRF-Token header is missing or wrong.");
    }
    if (req.params.contains("id")) {
      if (auto shown = s_.sharing.ShownContent(*session, req.Param("id")); !shown)
        return std::move(shown).error();
    }
    auto actor = s_.db.Read([&](storage::Tx& tx) { return session->Actor(tx); });
    if (!actor) return Error::Unauthenticated("Say who you are to open this link.");
    call.SetVisit(Visit{std::move(*session), std::move(*actor)});
    return {};
  };
}

std::string ReviewCookie(const std::string& secret, const std::string& token, TimeMs expires_at,
                         TimeMs now, const Config& config) {
  std::string cookie = std::string(kReviewCookie) + "=" + token + "; Path=/api/v1/review/" +
                       secret + "; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(std::max<TimeMs>(0, (expires_at - now) / 1000));
  if (config.SecureCookies()) cookie += "; Secure";
  return cookie;
}

}  // namespace copydesk::api
