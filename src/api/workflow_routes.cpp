// The workflow of a workspace and of each content: statuses, moves, approvals, locks and the
// activity trail. Path, schema, policy (in workflow::Workflow), presenter.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "api/present/activity.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

// The workflow as sent by the editor: {"statuses": [...], "move_to": {"<id>": "<id>"}}.
struct WorkflowChange {
  std::vector<workflow::StatusInput> statuses;
  std::map<std::string, std::string> move_to;
};
Result<WorkflowChange> ReadWorkflow(JsonInput& in) {
  auto statuses = in.Raw("statuses", JsonInput::kRequired);
  auto move_to = in.Object("move_to");
  if (!statuses || !statuses->is_array())
    return Error::BadRequest("statuses must be an array.", {{"statuses", "must be an array"}});
  WorkflowChange out;
  const auto& array = statuses->as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string at = "statuses[" + std::to_string(i) + "].";
    if (!array[i].is_object())
      return Error::BadRequest("Each status must be an object.", {{at, "must be an object"}});
    JsonInput s(array[i].as_object(), at);
    workflow::StatusInput status;
    status.id = s.String("id", JsonInput::kOptional, 64);
    status.name = s.String("name", JsonInput::kRequired, 400).value_or("");
    status.color = s.String("color", JsonInput::kRequired, 16).value_or("");
    status.category = s.String("category", JsonInput::kRequired, 32).value_or("");
    // What GET answers can be PUT back as it is: the order is the array's, `position` is ignored.
    (void)s.Int("position");
    if (auto gate = s.Object("gate")) {
      JsonInput g(std::move(*gate), at + "gate.");
      workflow::Gate parsed;
      parsed.teams =
          g.StringArray("teams", JsonInput::kOptional, 50).value_or(std::vector<std::string>{});
      parsed.no_violations = g.Bool("no_violations").value_or(false);
      parsed.blocking = g.Bool("blocking").value_or(false);
      if (auto done = g.Finish(); !done) return std::move(done).error();
      status.gate = std::move(parsed);
    } else if (s.IsNull("gate")) {
      s.Raw("gate");
    }
    if (auto done = s.Finish(); !done) return std::move(done).error();
    out.statuses.push_back(std::move(status));
  }
  if (move_to) {
    for (const auto& m : *move_to) {
      if (!m.value().is_string()) {
        return Error::BadRequest("move_to values must be status ids.",
                                 {{"move_to." + std::string(m.key()), "must be a string"}});
      }
      out.move_to[std::string(m.key())] = std::string(m.value().as_string());
    }
  }
  return out;
}

json::object WorkflowJson(const std::vector<storage::StatusRecord>& statuses) {
  json::array items;
  for (const auto& s : statuses) items.push_back(StatusJson(s));
  return {{"statuses", std::move(items)}};
}

struct StatusMove {
  std::string status;
  std::string comment;
  std::optional<std::int64_t> base_version;
};
StatusMove ReadStatusMove(JsonInput& in) {
  StatusMove out;
  out.status = in.String("status", JsonInput::kRequired, 64).value_or("");
  out.comment = in.String("comment", JsonInput::kOptional, 5000).value_or("");
  out.base_version = in.Int("base_version");
  return out;
}

// The same shape as a blocking gate's 409: which teams, by id and name.
json::array MissingApprovalsJson(const workflow::MoveOutcome& moved) {
  json::array missing;
  for (const auto& [id, name] : moved.missing_teams)
    missing.push_back({{"team_id", id}, {"team_name", name}});
  return missing;
}

json::object ApprovalsJson(
    const std::pair<std::vector<workflow::ApprovalView>, content::ApprovalSummary>& approvals) {
  const auto& [views, summary] = approvals;
  json::array items;
  for (const auto& a : views) items.push_back(ApprovalJson(a.approval, a.stale));
  json::array teams;
  for (const auto& t : summary.teams) teams.push_back(TeamApprovalJson(t));
  json::object body{{"items", std::move(items)}, {"teams", std::move(teams)}};
  body["validated_revision"] =
      summary.validated_revision ? json::value(*summary.validated_revision) : json::value(nullptr);
  return body;
}

struct Decision {
  std::int64_t revision = 0;
  std::string decision;
  std::string comment;
  std::optional<std::string> team;
};
Decision ReadDecision(JsonInput& in) {
  Decision out;
  out.revision = in.Int("revision", JsonInput::kRequired).value_or(0);
  out.decision = in.String("decision", JsonInput::kRequired, 32).value_or("");
  out.comment = in.String("comment", JsonInput::kOptional, 20000).value_or("");
  out.team = in.String("team", JsonInput::kOptional, 64);
  return out;
}

std::string ReadLockReason(JsonInput& in) {
  return in.String("reason", JsonInput::kRequired, 4000).value_or("");
}

// A lock or an unlock answers the content as it now stands.
Result<http::Response> ContentAfter(Services& s, const Call& c,
                                    Result<storage::ContentRecord> done) {
  if (!done) return std::move(done).error();
  return PresentContent(s.contents.Get(c.actor(), c.param("id")));
}

// One page of a content's activity, newest first.
struct ActivityPage {
  std::optional<std::int64_t> before;
  int limit = 100;
};
Result<ActivityPage> ReadActivityPage(const http::Request& req) {
  auto before = IntParam(req, "before");
  if (!before) return std::move(before).error();
  auto limit = IntParam(req, "limit");
  if (!limit) return std::move(limit).error();
  const auto n = limit->value_or(100);
  if (n < 1 || n > 500) return Error::InvalidField("limit", "must be between 1 and 500");
  return ActivityPage{*before, static_cast<int>(n)};
}

// The workspace's audit trail, filtered, as JSON or as the machine CSV.
struct AuditQuery {
  storage::EventQuery events;
  bool csv = false;
};
Result<AuditQuery> ReadAuditQuery(const http::Request& req) {
  AuditQuery out;
  auto& q = out.events;
  // An empty filter means any, as the filter bar sends them.
  auto filter = [&req](const char* name) {
    auto v = req.QueryParam(name);
    return v && !v->empty() ? v : std::nullopt;
  };
  q.subject_id = filter("content");
  q.actor_id = filter("actor");
  q.kind_prefix = filter("kind");
  auto from = TimeParam(req, "from");
  if (!from) return std::move(from).error();
  auto to = TimeParam(req, "to");
  if (!to) return std::move(to).error();
  auto before = IntParam(req, "before");
  if (!before) return std::move(before).error();
  auto limit = IntParam(req, "limit");
  if (!limit) return std::move(limit).error();
  // The machine CSV for integrations (`csv`, or by its name `machine`); people's
  // spreadsheet file is built by the web app from the JSON, in their language and time.
  const auto format = req.QueryParam("format");
  if (format && !format->empty() && *format != "json" && *format != "csv" && *format != "machine") {
    return Error::InvalidField("format", "must be json, csv or machine");
  }
  out.csv = format == "csv" || format == "machine";
  const auto n = limit->value_or(out.csv ? 10000 : 100);
  if (n < 1 || n > 10000) return Error::InvalidField("limit", "must be between 1 and 10000");
  q.from = *from;
  q.to = *to;
  q.before_seq = *before;
  q.limit = static_cast<int>(n);
  return out;
}

}  // namespace

void AddWorkflowRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router,
        {
            {"GET",
             "/api/v1/workspaces/{ws}/workflow",
             member,
             {},
             [&s](Call& c) {
               return Present(s.workflow.Statuses(c.actor(), c.param("ws")), WorkflowJson);
             }},
            {"PUT", "/api/v1/workspaces/{ws}/workflow", member, Body(ReadWorkflow),
             [&s](Call& c) {
               const auto& change = c.input<WorkflowChange>();
               return Present(
                   s.workflow.Replace(c.actor(), c.param("ws"), change.statuses, change.move_to),
                   WorkflowJson);
             }},
            {"POST", "/api/v1/contents/{id}/status", member, Body(ReadStatusMove),
             [&s](Call& c) -> Result<http::Response> {
               const auto& move = c.input<StatusMove>();
               auto moved = s.workflow.Move(c.actor(), c.param("id"), move.status, move.comment,
                                            move.base_version);
               if (!moved) return std::move(moved).error();
               return PresentContent(s.contents.Get(c.actor(), c.param("id")), 200,
                                     {{"missing_approvals", MissingApprovalsJson(*moved)}});
             }},
            {"GET",
             "/api/v1/contents/{id}/approvals",
             member,
             {},
             [&s](Call& c) {
               return Present(s.workflow.Approvals(c.actor(), c.param("id")), ApprovalsJson);
             }},
            {"POST", "/api/v1/contents/{id}/approvals", member, Body(ReadDecision),
             [&s](Call& c) {
               const auto& in = c.input<Decision>();
               return Present(
                   s.workflow.Decide(c.actor(), c.param("id"), in.revision, in.decision, in.comment,
                                     in.team),
                   [](const auto& approval) { return ApprovalJson(approval, false); }, 201);
             }},
            {"POST", "/api/v1/contents/{id}/lock", member, Body(ReadLockReason),
             [&s](Call& c) {
               return ContentAfter(
                   s, c, s.workflow.Lock(c.actor(), c.param("id"), c.input<std::string>()));
             }},
            {"DELETE",
             "/api/v1/contents/{id}/lock",
             member,
             {},
             [&s](Call& c) {
               return ContentAfter(s, c, s.workflow.Unlock(c.actor(), c.param("id")));
             }},
            {"GET", "/api/v1/contents/{id}/activity", member, Query(ReadActivityPage),
             [&s](Call& c) {
               const auto& page = c.input<ActivityPage>();
               return Present(
                   s.workflow.ContentActivity(c.actor(), c.param("id"), page.before, page.limit),
                   [](const auto& events) { return ItemsJson(events, EventJson); });
             }},
            // The workspace's audit trail, filtered; ?format=csv downloads it for an auditor.
            {"GET", "/api/v1/workspaces/{ws}/activity", member, Query(ReadAuditQuery),
             [&s](Call& c) -> Result<http::Response> {
               const auto& audit = c.input<AuditQuery>();
               auto events = s.workflow.WorkspaceActivity(c.actor(), c.param("ws"), audit.events);
               if (!events) return std::move(events).error();
               if (audit.csv) return ActivityCsv(*events);
               return Json(200, ActivityPageJson(*events, audit.events.limit));
             }},
        });
}

}  // namespace copydesk::api
