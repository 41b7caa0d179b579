// Calendar feeds (iCal): a person's subscriptions, listed without their secrets and revocable,
// and the calendar each URL serves to calendar apps. The rules are in feeds::Feeds.
#include <algorithm>
#include <memory>

#include "api/api.hpp"
#include "api/common.hpp"
#include "auth/rate_limiter.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::object FeedJson(const storage::CalendarFeedRecord& f) {
  return {{"id", f.id},
          {"kind", f.kind},
          {"label", feeds::FeedLabel(f)},
          {"workspace",
           {{"id", f.workspace_id}, {"slug", f.workspace_slug}, {"name", f.workspace_name}}},
          {"view", f.view_id ? json::value(*f.view_id) : nullptr},
          {"project", f.project_id ? json::value(*f.project_id) : nullptr},
          {"created_at", FormatTime(f.created_at)},
          {"last_used_at", TimeOrNull(f.last_used_at)}};
}

// The URL calendar apps subscribe to: the API's own path, absolute.
std::string FeedUrl(const std::string& public_base, const std::string& secret) {
  return public_base + "/api/v1/feeds/" + secret + ".ics";
}

feeds::FeedInput ReadFeedInput(JsonInput& in) {
  feeds::FeedInput out;
  out.workspace = in.String("workspace", JsonInput::kRequired, 200).value_or("");
  out.kind = in.String("kind", JsonInput::kRequired, 32).value_or("");
  out.view = in.String("view", JsonInput::kOptional, 64);
  out.project = in.String("project", JsonInput::kOptional, 64);
  return out;
}

// Apps poll each feed every so often; a burst from one address is a script, not an app. Counted
// per address (a company's NAT shares one, hence the higher count) and per address and feed.
struct FeedCounts {
  auth::FailureWindow per_address{600, 60 * 1000};
  auth::FailureWindow per_feed{30, 60 * 1000};
};

Step Throttle(std::shared_ptr<FeedCounts> counts) {
  return [counts = std::move(counts)](Call& call) -> Result<void> {
    const auto& address = call.request.remote_ip;
    const std::string feed = address + " " + call.param("secret");
    const auto wait = std::max(counts->per_address.RetryAfter(address, call.now),
                               counts->per_feed.RetryAfter(feed, call.now));
    if (wait > 0) {
      Error e{ErrorKind::kRateLimited, "Too many requests for calendar feeds. Try again later."};
      e.retry_after_seconds = static_cast<int>((wait + 999) / 1000);
      return e;
    }
    counts->per_address.Fail(address, call.now);  // counts every request
    counts->per_feed.Fail(feed, call.now);
    return {};
  };
}

}  // namespace

void AddFeedRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router,
        {
            {"GET",
             "/api/v1/me/feeds",
             member,
             {},
             [&s](Call& c) {
               return Present(s.feeds.List(c.actor()),
                              [](const auto& list) { return ItemsJson(list, FeedJson); });
             }},
            {"POST", "/api/v1/me/feeds", member, Body(ReadFeedInput),
             [&s](Call& c) {
               return Present(
                   s.feeds.Create(c.actor(), c.input<feeds::FeedInput>(), c.now),
                   [&](const feeds::CreatedFeed& created) {
                     // The secret is in this answer's URL only, this once; only its hash is kept.
                     return json::object{
                         {"feed", FeedJson(created.feed)},
                         {"url", FeedUrl(PublicBase(c.request, s.config), created.secret)}};
                   },
                   201);
             }},
            {"DELETE", "/api/v1/me/feeds/{id}", member, NoFields(),
             [&s](Call& c) { return Done(s.feeds.Revoke(c.actor(), c.param("id"))); }},
            // Calendar apps cannot sign in: the secret proves the right to read, as its owner.
            {"GET",
             "/api/v1/feeds/{secret}.ics",
             Anyone(),
             {},
             [&s](Call& c) -> Result<http::Response> {
               auto calendar =
                   s.feeds.Fetch(c.param("secret"), PublicBase(c.request, s.config), c.now);
               if (!calendar) return std::move(calendar).error();
               http::Response out;
               const auto asked = c.request.Header("If-None-Match");
               if (asked && feeds::MatchesEtag(*asked, calendar->etag)) {
                 out.status = 304;
               } else {
                 out.content_type = "text/calendar; charset=utf-8";
                 out.body = std::move(calendar->text);
               }
               // Apps may keep it, but ask each time whether it changed.
               out.With("ETag", calendar->etag).With("Cache-Control", "private, no-cache");
               return out;
             },
             Throttle(std::make_shared<FeedCounts>())},
        });
}

}  // namespace copydesk::api
