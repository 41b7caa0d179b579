// The review API for people without an account: they open a session on a link's secret with
// their name and e-mail (and its password), then read, annotate, edit or validate what the link
// shows, as its level allows. Nothing else of the workspace is reachable from here.
#include <boost/json/parse.hpp>
#include <memory>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "auth/rate_limiter.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

inline constexpr const char* kReviewCookie = "copydesk_review";

// Visitors are limited per address and link: failed openings (a guessed password), and
// requests. Failed openings are also limited per address across links (guessed secrets), at a
// higher count: an address shared by many visitors (a company's NAT) is not locked out by one.
// No limit is kept per link across addresses: one person could then lock every visitor out.
struct Limits {
  auth::FailureWindow failed_opens{10, 10 * 60 * 1000};            // per address and link
  auth::FailureWindow failed_opens_anywhere{100, 10 * 60 * 1000};  // per address
  auth::FailureWindow requests{300, 60 * 1000};
};

// An opening counted as failed before the password is checked, so that guesses sent in
// parallel cannot pass the limit; the slots are given back unless Failed() is called.
class OpeningAttempt {
 public:
  OpeningAttempt(Limits& limits, const http::Request& req, TimeMs now)
      : limits_(limits),
        address_(req.remote_ip),
        link_(address_ + " " + req.Param("secret")),
        now_(now) {}
  ~OpeningAttempt() {
    if (!taken_ || failed_) return;
    limits_.failed_opens.Release(link_, now_);
    limits_.failed_opens_anywhere.Release(address_, now_);
  }
  //! Takes the slots: 0, or the milliseconds until the address may try again.
  TimeMs Take() {
    if (auto wait = limits_.failed_opens.Reserve(link_, now_); wait > 0) return wait;
    if (auto wait = limits_.failed_opens_anywhere.Reserve(address_, now_); wait > 0) {
      limits_.failed_opens.Release(link_, now_);
      return wait;
    }
    taken_ = true;
    return 0;
  }
  //! The secret or the password was wrong: the slots stay taken.
  void Failed() { failed_ = true; }

 private:
  Limits& limits_;
  std::string address_, link_;
  TimeMs now_;
  bool taken_ = false, failed_ = false;
};

Error TooMany(TimeMs retry_after_ms) {
  Error e{ErrorKind::kRateLimited, "Too many requests on review links. Try again later."};
  e.retry_after_seconds = static_cast<int>((retry_after_ms + 999) / 1000);
  return e;
}

Result<void> Throttle(Limits& limits, const http::Request& req, TimeMs now) {
  const std::string key = req.remote_ip + " " + req.Param("secret");
  if (auto wait = limits.requests.RetryAfter(key, now); wait > 0) return TooMany(wait);
  limits.requests.Fail(key, now);  // counts every request
  return {};
}

std::string ReviewCookie(const std::string& secret, const std::string& token, TimeMs expires_at,
                         TimeMs now, const Config& config) {
  std::string cookie = std::string(kReviewCookie) + "=" + token + "; Path=/api/v1/review/" +
                       secret + "; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(std::max<TimeMs>(0, (expires_at - now) / 1000));
  if (config.SecureCookies()) cookie += "; Secure";
  return cookie;
}

// The visitor's session on this link; unsafe methods also need the session's CSRF token.
Result<collab::ReviewSession> SessionOf(Services& s, const http::Request& req, TimeMs now) {
  auto session = s.sharing.Resume(req.Param("secret"), req.Cookie(kReviewCookie), now);
  if (!session) return session;
  if (req.IsUnsafeMethod()) {
    const auto header = req.Header("X-CSRF-Token");
    if (!header || !ConstantTimeEquals(std::string(*header), session->csrf_token))
      return Error::Forbidden("The X-CSRF-Token header is missing or wrong.");
  }
  return session;
}

// Who is behind a review request: throttled, their session on the link (CSRF checked on unsafe
// methods), and, when the path names a content, one the link shows; 401 without a visitor.
struct Visit {
  collab::ReviewSession session;
  auth::Actor actor;
};
Result<Visit> VisitOf(Services& s, Limits& limits, const http::Request& req, TimeMs now) {
  if (auto ok = Throttle(limits, req, now); !ok) return std::move(ok).error();
  auto session = SessionOf(s, req, now);
  if (!session) return std::move(session).error();
  if (req.params.contains("id")) {
    if (auto shown = s.sharing.ShownContent(*session, req.Param("id")); !shown)
      return std::move(shown).error();
  }
  auto actor = s.db.Read([&](storage::Tx& tx) { return session->Actor(tx); });
  if (!actor) return Error::Unauthenticated("Say who you are to open this link.");
  return Visit{std::move(*session), std::move(*actor)};
}

json::object ReviewContentJson(const content::ContentView& view,
                               const std::vector<storage::ApprovalRecord>& decisions) {
  const auto& c = view.content;
  std::error_code ec;
  auto fields = json::parse(c.fields_json, ec);
  json::object out{{"id", c.id},
                   {"title", c.title},
                   {"language", c.language},
                   {"revision", c.revision},
                   {"version", c.version},
                   {"fields", ec ? json::value(json::object()) : fields},
                   {"type", TypeJson(view.type)},
                   {"status", nullptr},
                   {"publish_at", c.publish_at ? json::value(FormatTime(*c.publish_at)) : nullptr},
                   {"updated_at", FormatTime(c.updated_at)}};
  if (view.status) out["status"] = {{"name", view.status->name}, {"color", view.status->color}};
  json::array mine;
  for (const auto& a : decisions) {
    if (a.content_id == c.id) mine.push_back(ApprovalJson(a, a.content_hash != c.content_hash));
  }
  out["decisions"] = std::move(mine);
  return out;
}

}  // namespace

void AddReviewRoutes(http::Router& router, Services& s) {
  auto limits = std::make_shared<Limits>();

  router.Add(
      "POST", "/api/v1/review/{secret}/session",
      [&s, limits](http::Request& req) -> Result<http::Response> {
        const TimeMs now = NowMs();
        OpeningAttempt attempt(*limits, req, now);
        if (auto wait = attempt.Take(); wait > 0) return TooMany(wait);
        if (auto ok = Throttle(*limits, req, now); !ok) return std::move(ok).error();
        auto in = ReadBody(req);
        if (!in) return std::move(in).error();
        auto password = in->String("password", JsonInput::kOptional, 1024);
        auto name = in->String("name", JsonInput::kRequired, 1024);
        auto email = in->String("email", JsonInput::kRequired, 1024);
        if (auto done = in->Finish(); !done) return std::move(done).error();
        auto opened = s.sharing.Open(req.Param("secret"), password, name, email, now);
        if (!opened) {
          if (opened.error().kind == ErrorKind::kNotFound) attempt.Failed();
          return std::move(opened).error();
        }
        const auto& session = opened->session;
        json::object body{{"level", session.link.level},
                          {"label", session.link.label},
                          {"expires_at", FormatTime(opened->expires_at)},
                          {"csrf_token", session.csrf_token},
                          {"visitor", nullptr}};
        if (session.visitor)
          body["visitor"] = {{"name", session.visitor->name}, {"email", session.visitor->email}};
        return Json(201, body).With("Set-Cookie", ReviewCookie(req.Param("secret"), opened->token,
                                                               opened->expires_at, now, s.config));
      });

  router.Add(
      "GET", "/api/v1/review/{secret}", [&s, limits](http::Request& req) -> Result<http::Response> {
        auto visit = VisitOf(s, *limits, req, NowMs());
        if (!visit) return std::move(visit).error();
        const auto* session = &visit->session;
        const auto shown = s.sharing.Shown(*session);
        const auto decisions = s.sharing.Decisions(*session, shown);
        json::array contents;
        for (const auto& c : shown) {
          auto view = s.contents.Get(visit->actor, c.id);
          if (view) contents.push_back(ReviewContentJson(*view, decisions));
        }
        const auto& link = session->link;
        json::object body{
            {"link",
             {{"level", link.level},
              {"label", link.label},
              {"expires_at", FormatTime(link.expires_at)},
              {"project", link.project_id ? json::value(link.project_name) : nullptr}}},
            {"visitor", nullptr},
            {"csrf_token", session->csrf_token},
            {"contents", std::move(contents)}};
        if (session->visitor)
          body["visitor"] = {{"name", session->visitor->name}, {"email", session->visitor->email}};
        return Json(200, body);  // no-store, like every API answer (the dispatcher)
      });

  router.Add("POST", "/api/v1/review/{secret}/decision",
             [&s, limits](http::Request& req) -> Result<http::Response> {
               const TimeMs now = NowMs();
               auto visit = VisitOf(s, *limits, req, now);
               if (!visit) return std::move(visit).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               collab::DecisionInput input;
               input.content_id = in->String("content_id", JsonInput::kOptional, 64);
               input.revision = in->Int("revision", JsonInput::kRequired);
               input.decision = in->String("decision", JsonInput::kRequired, 32);
               input.comment = in->String("comment", JsonInput::kOptional, 64 * 1024);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto approval = s.sharing.Decide(visit->session, std::move(input), now);
               if (!approval) return std::move(approval).error();
               return Json(201, ApprovalJson(*approval, false));
             });

  // Editing (edit links): the text only, from the version the visitor read.
  router.Add("PATCH", "/api/v1/review/{secret}/contents/{id}",
             [&s, limits](http::Request& req) -> Result<http::Response> {
               auto visit = VisitOf(s, *limits, req, NowMs());
               if (!visit) return std::move(visit).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto base = in->Int("base_version", JsonInput::kRequired);
               content::ContentInput input;
               input.title = in->String("title", JsonInput::kOptional, 4096);
               input.fields = in->Object("fields");
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto view =
                   s.contents.Update(visit->actor, req.Param("id"), *base, std::move(input));
               if (!view) return std::move(view).error();
               const auto decisions = s.sharing.Decisions(visit->session, {view->content});
               return Json(200, ReviewContentJson(*view, decisions));
             });

  // Annotating (comment, edit and validate links): the threads others may see, and new ones.
  router.Add("GET", "/api/v1/review/{secret}/contents/{id}/comments",
             [&s, limits](http::Request& req) -> Result<http::Response> {
               auto visit = VisitOf(s, *limits, req, NowMs());
               if (!visit) return std::move(visit).error();
               if (visit->session.link.level == "read")
                 return Error::Forbidden("This link does not let you see or write comments.");
               auto threads = s.comments.List(visit->actor, req.Param("id"));
               if (!threads) return std::move(threads).error();
               json::array items;
               for (const auto& t : *threads) items.push_back(ThreadJson(t));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/review/{secret}/contents/{id}/comments",
             [&s, limits](http::Request& req) -> Result<http::Response> {
               auto visit = VisitOf(s, *limits, req, NowMs());
               if (!visit) return std::move(visit).error();
               auto input = ReadCommentInput(req, true);
               if (!input) return std::move(input).error();
               auto comment = s.comments.Create(visit->actor, req.Param("id"), std::move(*input));
               if (!comment) return std::move(comment).error();
               return Json(201, CommentJson(*comment));
             });
}

}  // namespace copydesk::api
