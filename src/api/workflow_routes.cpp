#include <boost/json/serialize.hpp>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

// The workflow as sent by the editor: {"statuses": [...], "move_to": {"<id>": "<id>"}}.
Result<std::pair<std::vector<workflow::StatusInput>, std::map<std::string, std::string>>>
ReadWorkflow(const http::Request& req) {
  auto in = ReadBody(req);
  if (!in) return std::move(in).error();
  auto statuses = in->Raw("statuses", JsonInput::kRequired);
  auto move_to = in->Object("move_to");
  if (auto done = in->Finish(); !done) return std::move(done).error();
  if (!statuses->is_array())
    return Error::BadRequest("statuses must be an array.", {{"statuses", "must be an array"}});
  std::vector<workflow::StatusInput> out;
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
    out.push_back(std::move(status));
  }
  std::map<std::string, std::string> moves;
  if (move_to) {
    for (const auto& m : *move_to) {
      if (!m.value().is_string()) {
        return Error::BadRequest("move_to values must be status ids.",
                                 {{"move_to." + std::string(m.key()), "must be a string"}});
      }
      moves[std::string(m.key())] = std::string(m.value().as_string());
    }
  }
  return std::make_pair(std::move(out), std::move(moves));
}

json::object WorkflowJson(const std::vector<storage::StatusRecord>& statuses) {
  json::array items;
  for (const auto& s : statuses) items.push_back(StatusJson(s));
  return {{"statuses", std::move(items)}};
}

std::string CsvField(const std::string& value) {
  // Quote every field; a cell a spreadsheet could run as a formula (a leading = + - @, or a
  // control or format character hiding one) is defused with an apostrophe.
  std::string out = "\"";
  if (StartsLikeSpreadsheetFormula(value)) out += "'";
  for (char c : value) {
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

void AddWorkflowRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/workspaces/{ws}/workflow",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto statuses = s.workflow.Statuses(*actor, req.Param("ws"));
               if (!statuses) return std::move(statuses).error();
               return Json(200, WorkflowJson(*statuses));
             });

  router.Add("PUT", "/api/v1/workspaces/{ws}/workflow",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto input = ReadWorkflow(req);
               if (!input) return std::move(input).error();
               auto statuses =
                   s.workflow.Replace(*actor, req.Param("ws"), input->first, input->second);
               if (!statuses) return std::move(statuses).error();
               return Json(200, WorkflowJson(*statuses));
             });

  router.Add(
      "POST", "/api/v1/contents/{id}/status", [&s](http::Request& req) -> Result<http::Response> {
        auto actor = Authenticate(s.accounts, req);
        if (!actor) return std::move(actor).error();
        auto in = ReadBody(req);
        if (!in) return std::move(in).error();
        auto status = in->String("status", JsonInput::kRequired, 64);
        auto comment = in->String("comment", JsonInput::kOptional, 5000);
        auto base_version = in->Int("base_version");
        if (auto done = in->Finish(); !done) return std::move(done).error();
        auto moved =
            s.workflow.Move(*actor, req.Param("id"), *status, comment.value_or(""), base_version);
        if (!moved) return std::move(moved).error();
        auto view = s.contents.Get(*actor, req.Param("id"));
        if (!view) return std::move(view).error();
        json::array missing;
        // The same shape as a blocking gate's 409: which teams, by id and name.
        for (const auto& [id, name] : moved->missing_teams)
          missing.push_back({{"team_id", id}, {"team_name", name}});
        return ContentResponse(200, *view, {{"missing_approvals", std::move(missing)}});
      });

  router.Add("GET", "/api/v1/contents/{id}/approvals",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto approvals = s.workflow.Approvals(*actor, req.Param("id"));
               if (!approvals) return std::move(approvals).error();
               json::array items;
               for (const auto& a : approvals->first)
                 items.push_back(ApprovalJson(a.approval, a.stale));
               json::array teams;
               for (const auto& t : approvals->second.teams) teams.push_back(TeamApprovalJson(t));
               json::object body{{"items", std::move(items)}, {"teams", std::move(teams)}};
               body["validated_revision"] = approvals->second.validated_revision
                                                ? json::value(*approvals->second.validated_revision)
                                                : json::value(nullptr);
               return Json(200, body);
             });

  router.Add("POST", "/api/v1/contents/{id}/approvals",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto revision = in->Int("revision", JsonInput::kRequired);
               auto decision = in->String("decision", JsonInput::kRequired, 32);
               auto comment = in->String("comment", JsonInput::kOptional, 20000);
               auto team = in->String("team", JsonInput::kOptional, 64);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto approval = s.workflow.Decide(*actor, req.Param("id"), *revision, *decision,
                                                 comment.value_or(""), team);
               if (!approval) return std::move(approval).error();
               return Json(201, ApprovalJson(*approval, false));
             });

  router.Add("POST", "/api/v1/contents/{id}/lock",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto reason = in->String("reason", JsonInput::kRequired, 4000);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto locked = s.workflow.Lock(*actor, req.Param("id"), *reason);
               if (!locked) return std::move(locked).error();
               auto view = s.contents.Get(*actor, req.Param("id"));
               if (!view) return std::move(view).error();
               return ContentResponse(200, *view);
             });

  router.Add("DELETE", "/api/v1/contents/{id}/lock",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto unlocked = s.workflow.Unlock(*actor, req.Param("id"));
               if (!unlocked) return std::move(unlocked).error();
               auto view = s.contents.Get(*actor, req.Param("id"));
               if (!view) return std::move(view).error();
               return ContentResponse(200, *view);
             });

  router.Add(
      "GET", "/api/v1/contents/{id}/activity", [&s](http::Request& req) -> Result<http::Response> {
        auto actor = Authenticate(s.accounts, req);
        if (!actor) return std::move(actor).error();
        auto before = IntParam(req, "before");
        if (!before) return std::move(before).error();
        auto limit = IntParam(req, "limit");
        if (!limit) return std::move(limit).error();
        const auto n = limit->value_or(100);
        if (n < 1 || n > 500) return Error::InvalidField("limit", "must be between 1 and 500");
        auto events =
            s.workflow.ContentActivity(*actor, req.Param("id"), *before, static_cast<int>(n));
        if (!events) return std::move(events).error();
        json::array items;
        for (const auto& e : *events) items.push_back(EventJson(e));
        return Json(200, {{"items", std::move(items)}});
      });

  // The workspace's audit trail, filtered; ?format=csv downloads it for an auditor.
  router.Add(
      "GET", "/api/v1/workspaces/{ws}/activity",
      [&s](http::Request& req) -> Result<http::Response> {
        auto actor = Authenticate(s.accounts, req);
        if (!actor) return std::move(actor).error();
        storage::EventQuery q;
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
        if (format && !format->empty() && *format != "json" && *format != "csv" &&
            *format != "machine") {
          return Error::InvalidField("format", "must be json, csv or machine");
        }
        const bool csv = format == "csv" || format == "machine";
        const auto n = limit->value_or(csv ? 10000 : 100);
        if (n < 1 || n > 10000) return Error::InvalidField("limit", "must be between 1 and 10000");
        q.from = *from;
        q.to = *to;
        q.before_seq = *before;
        q.limit = static_cast<int>(n);
        auto events = s.workflow.WorkspaceActivity(*actor, req.Param("ws"), q);
        if (!events) return std::move(events).error();
        if (csv) {
          std::string out = "seq,time,actor,kind,content,details\r\n";
          for (const auto& e : *events) {
            out += std::to_string(e.seq) + "," + CsvField(FormatTime(e.created_at)) + "," +
                   CsvField(e.actor_name) + "," + CsvField(e.kind) + "," +
                   CsvField(e.subject_id.value_or("")) + "," + CsvField(e.data_json) + "\r\n";
          }
          return http::Response{200, "text/csv; charset=utf-8", std::move(out), {}}.With(
              "Content-Disposition", "attachment; filename=\"copydesk-activity.csv\"");
        }
        json::array items;
        for (const auto& e : *events) items.push_back(EventJson(e));
        json::object body{{"items", std::move(items)}};
        body["next_before"] = events->size() == static_cast<std::size_t>(n) && !events->empty()
                                  ? json::value(events->back().seq)
                                  : json::value(nullptr);
        return Json(200, body);
      });
}

}  // namespace copydesk::api
