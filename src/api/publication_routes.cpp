// Publication per channel: a channel's own date, and its published mark (issue 16).

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"

namespace copydesk::api {

namespace {

// A time member: absent, null (`nullable`), or an RFC 3339 time or a date.
std::optional<TimeMs> ReadTime(JsonInput& in, const char* key, bool& present) {
  present = in.Has(key);
  if (in.IsNull(key)) {
    in.Raw(key);
    return std::nullopt;
  }
  auto text = in.String(key, JsonInput::kOptional, 64);
  if (!text) return std::nullopt;
  auto t = ParseTime(*text);
  if (!t) in.Fault(key, "must be a date (YYYY-MM-DD) or a time (RFC 3339)");
  return t;
}

planning::PlanInput ReadPlan(JsonInput& in) {
  planning::PlanInput out;
  bool present = false;
  out.planned_at = ReadTime(in, "planned_at", present);
  if (!present) in.Fault("planned_at", "is required: a date, or null to follow the content's");
  out.version = in.Int("version", JsonInput::kRequired).value_or(0);
  return out;
}

planning::MarkInput ReadMark(JsonInput& in) {
  planning::MarkInput out;
  bool present = false;
  if (in.IsNull("published_at"))
    in.Fault("published_at", "must be a date or a time, or left out for now");
  out.published_at = ReadTime(in, "published_at", present);
  out.url = in.String("url", JsonInput::kOptional, 4000);
  return out;
}

}  // namespace

void AddPublicationRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  Mount(
      router,
      {
          {"PUT", "/api/v1/contents/{id}/publications/{channel}", member, Body(ReadPlan),
           [&s](Call& c) {
             return PresentContent(s.publications.Plan(c.actor(), c.param("id"), c.param("channel"),
                                                       c.input<planning::PlanInput>()));
           }},
          {"POST", "/api/v1/contents/{id}/publications/{channel}/published", member, Body(ReadMark),
           [&s](Call& c) {
             return PresentContent(s.publications.MarkPublished(
                 c.actor(), c.param("id"), c.param("channel"), c.input<planning::MarkInput>()));
           }},
          {"DELETE", "/api/v1/contents/{id}/publications/{channel}/published", member, NoFields(),
           [&s](Call& c) {
             return PresentContent(
                 s.publications.Unmark(c.actor(), c.param("id"), c.param("channel")));
           }},
      });
}

}  // namespace copydesk::api
