// Tasks and task lists: path, schema, policy (in collab::Tasks), presenter.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::value OptTime(const std::optional<TimeMs>& t) {
  return t ? json::value(FormatTime(*t)) : json::value(nullptr);
}
json::value OptText(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object TaskJson(const storage::TaskRecord& t) {
  json::array assignees;
  for (const auto& a : t.assignee_ids) assignees.push_back(json::string(a));
  return {{"id", t.id},
          {"workspace_id", t.workspace_id},
          {"content_id", OptText(t.content_id)},
          {"project_id", OptText(t.project_id)},
          {"title", t.title},
          {"description", t.description},
          {"assignees", std::move(assignees)},
          {"due_at", OptTime(t.due_at)},
          {"done", t.done_at.has_value()},
          {"done_at", OptTime(t.done_at)},
          {"done_by", OptText(t.done_by)},
          {"position", t.position},
          {"created_by", t.created_by},
          {"created_at", FormatTime(t.created_at)},
          {"updated_at", FormatTime(t.updated_at)}};
}

json::object TaskListJson(const storage::TaskListRecord& l) {
  json::array tasks;
  for (const auto& t : collab::TemplatesOf(l)) {
    tasks.push_back({{"title", t.title},
                     {"due_offset_days",
                      t.due_offset_days ? json::value(*t.due_offset_days) : json::value(nullptr)}});
  }
  return {{"id", l.id},
          {"name", l.name},
          {"tasks", std::move(tasks)},
          {"created_at", FormatTime(l.created_at)},
          {"updated_at", FormatTime(l.updated_at)}};
}

json::object Items(const std::vector<storage::TaskRecord>& tasks) {
  json::array items;
  for (const auto& t : tasks) items.push_back(TaskJson(t));
  return {{"items", std::move(items)}};
}

std::optional<TimeMs> ReadTime(JsonInput& in, const char* key, bool& cleared) {
  cleared = false;
  if (in.IsNull(key)) {
    in.Raw(key);
    cleared = true;
    return std::nullopt;
  }
  if (auto v = in.String(key, JsonInput::kOptional, 64)) {
    if (auto t = ParseTime(*v)) return t;
    in.Fault(key, "must be a date (YYYY-MM-DD) or a time (RFC 3339)");
  }
  return std::nullopt;
}

Result<collab::TaskInput> ReadTaskInput(const http::Request& req, bool creating,
                                        bool on_workspace) {
  auto in = ReadBody(req);
  if (!in) return std::move(in).error();
  collab::TaskInput out;
  out.title = in->String("title", JsonInput::kOptional, 4096);
  out.description = in->String("description", JsonInput::kOptional, 256 * 1024);
  out.assignees = in->StringArray("assignees", JsonInput::kOptional, 50);
  bool cleared = false;
  if (auto due = ReadTime(*in, "due_at", cleared))
    out.due_at = due;
  else if (cleared)
    out.due_at = std::optional<TimeMs>();
  out.done = in->Bool("done");
  out.position = in->Int("position");
  if (creating) {
    if (on_workspace) {
      out.content = in->String("content", JsonInput::kOptional, 64);
      out.project = in->String("project", JsonInput::kOptional, 64);
    }
    out.task_list = in->String("task_list", JsonInput::kOptional, 64);
    out.publish_at = ReadTime(*in, "publish_at", cleared);
    // One task by its title, or the tasks of a task list: the body says which, as its schema.
    if (!out.title && !out.task_list) in->Fault("title", "is required (or task_list)");
    if (out.title && out.task_list) in->Fault("task_list", "give either a title or a task_list");
  }
  if (auto done = in->Finish(); !done) return std::move(done).error();
  return out;
}

// Creating from a task list answers every task made; creating one task answers that task.
http::Response Created(const collab::TaskInput& input,
                       const std::vector<storage::TaskRecord>& made) {
  if (input.task_list || made.size() != 1) return Json(201, Items(made));
  return Json(201, TaskJson(made.front()));
}

Result<collab::TaskListInput> ReadTaskListInput(const http::Request& req, bool creating) {
  auto in = ReadBody(req);
  if (!in) return std::move(in).error();
  collab::TaskListInput out;
  const auto presence = creating ? JsonInput::kRequired : JsonInput::kOptional;
  out.name = in->String("name", presence, 1024);
  auto tasks = in->Raw("tasks", presence);
  if (auto done = in->Finish(); !done) return std::move(done).error();
  if (tasks) {
    if (!tasks->is_array())
      return Error::BadRequest("tasks must be an array.", {{"tasks", "must be an array"}});
    std::vector<collab::TaskTemplate> parsed;
    const auto& array = tasks->as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
      const std::string at = "tasks[" + std::to_string(i) + "].";
      if (!array[i].is_object())
        return Error::BadRequest("Each task must be an object.", {{at, "must be an object"}});
      JsonInput t(array[i].as_object(), at);
      collab::TaskTemplate tmpl;
      tmpl.title = t.String("title", JsonInput::kRequired, 4096).value_or("");
      tmpl.due_offset_days = t.Int("due_offset_days");
      if (auto done = t.Finish(); !done) return std::move(done).error();
      parsed.push_back(std::move(tmpl));
    }
    out.tasks = std::move(parsed);
  }
  return out;
}

}  // namespace

void AddTaskRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/contents/{id}/tasks",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto tasks = s.tasks.OfContent(*actor, req.Param("id"));
               if (!tasks) return std::move(tasks).error();
               return Json(200, Items(*tasks));
             });

  router.Add("POST", "/api/v1/contents/{id}/tasks",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto input = ReadTaskInput(req, true, false);
               if (!input) return std::move(input).error();
               auto made = s.tasks.CreateOnContent(*actor, req.Param("id"), *input);
               if (!made) return std::move(made).error();
               return Created(*input, *made);
             });

  router.Add("GET", "/api/v1/workspaces/{ws}/tasks",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               storage::TaskQuery q;
               for (auto& a : req.QueryParams("assignee"))
                 q.assignee_ids.push_back(a == "me" ? actor->user.id : a);
               auto from = TimeParam(req, "due_from");
               if (!from) return std::move(from).error();
               auto to = TimeParam(req, "due_to");
               if (!to) return std::move(to).error();
               auto done = BoolParam(req, "done");
               if (!done) return std::move(done).error();
               auto limit = IntParam(req, "limit");
               if (!limit) return std::move(limit).error();
               q.due_from = *from;
               q.due_to = *to;
               q.done = *done;
               q.content_id = req.QueryParam("content");
               q.project_id = req.QueryParam("project");
               q.limit = static_cast<int>(limit->value_or(200));
               auto tasks = s.tasks.List(*actor, req.Param("ws"), q);
               if (!tasks) return std::move(tasks).error();
               return Json(200, Items(*tasks));
             });

  router.Add("POST", "/api/v1/workspaces/{ws}/tasks",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto input = ReadTaskInput(req, true, true);
               if (!input) return std::move(input).error();
               auto made = s.tasks.Create(*actor, req.Param("ws"), *input);
               if (!made) return std::move(made).error();
               return Created(*input, *made);
             });

  router.Add("PATCH", "/api/v1/tasks/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto input = ReadTaskInput(req, false, false);
    if (!input) return std::move(input).error();
    auto change = s.tasks.Update(*actor, req.Param("id"), std::move(*input));
    if (!change) return std::move(change).error();
    json::object body = TaskJson(change->task);
    if (const auto& next = change->suggest_next_status)
      body["suggest_next_status"] = {{"id", next->id},
                                     {"name", next->name},
                                     {"color", next->color},
                                     {"category", next->category}};
    return Json(200, body);
  });

  router.Add("DELETE", "/api/v1/tasks/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto deleted = s.tasks.Delete(*actor, req.Param("id"));
    if (!deleted) return std::move(deleted).error();
    return NoContent();
  });

  router.Add("GET", "/api/v1/workspaces/{ws}/task-lists",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto lists = s.task_lists.List(*actor, req.Param("ws"));
               if (!lists) return std::move(lists).error();
               json::array items;
               for (const auto& l : *lists) items.push_back(TaskListJson(l));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/workspaces/{ws}/task-lists",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto input = ReadTaskListInput(req, true);
               if (!input) return std::move(input).error();
               auto list = s.task_lists.Create(*actor, req.Param("ws"), *input);
               if (!list) return std::move(list).error();
               return Json(201, TaskListJson(*list));
             });

  router.Add("PATCH", "/api/v1/workspaces/{ws}/task-lists/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto input = ReadTaskListInput(req, false);
               if (!input) return std::move(input).error();
               auto list = s.task_lists.Update(*actor, req.Param("ws"), req.Param("id"), *input);
               if (!list) return std::move(list).error();
               return Json(200, TaskListJson(*list));
             });

  router.Add("DELETE", "/api/v1/workspaces/{ws}/task-lists/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto deleted = s.task_lists.Delete(*actor, req.Param("ws"), req.Param("id"));
               if (!deleted) return std::move(deleted).error();
               return NoContent();
             });
}

}  // namespace copydesk::api
