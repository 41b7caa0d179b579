// Tasks and task lists: path, schema, policy (in collab::Tasks), presenter.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "api/present/task.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::object TasksJson(const std::vector<storage::TaskRecord>& tasks) {
  return ItemsJson(tasks, TaskJson);
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

collab::TaskInput ReadTaskInput(JsonInput& in, bool creating, bool on_workspace) {
  collab::TaskInput out;
  out.title = in.String("title", JsonInput::kOptional, 4096);
  out.description = in.String("description", JsonInput::kOptional, 256 * 1024);
  out.assignees = in.StringArray("assignees", JsonInput::kOptional, 50);
  bool cleared = false;
  if (auto due = ReadTime(in, "due_at", cleared))
    out.due_at = due;
  else if (cleared)
    out.due_at = std::optional<TimeMs>();
  out.done = in.Bool("done");
  out.position = in.Int("position");
  if (creating) {
    if (on_workspace) {
      out.content = in.String("content", JsonInput::kOptional, 64);
      out.project = in.String("project", JsonInput::kOptional, 64);
    }
    out.task_list = in.String("task_list", JsonInput::kOptional, 64);
    out.publish_at = ReadTime(in, "publish_at", cleared);
    // One task by its title, or the tasks of a task list: the body says which, as its schema.
    if (!out.title && !out.task_list) in.Fault("title", "is required (or task_list)");
    if (out.title && out.task_list) in.Fault("task_list", "give either a title or a task_list");
  }
  return out;
}

// Creating from a task list answers every task made; creating one task answers that task.
json::object CreatedJson(const collab::TaskInput& input,
                         const std::vector<storage::TaskRecord>& made) {
  if (input.task_list || made.size() != 1) return TasksJson(made);
  return TaskJson(made.front());
}

// The tasks of a workspace, filtered; "me" among the assignees is the caller.
Result<storage::TaskQuery> ReadTaskQuery(const http::Request& req) {
  storage::TaskQuery q;
  q.assignee_ids = req.QueryParams("assignee");
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
  return q;
}

storage::TaskQuery ForCaller(storage::TaskQuery q, const auth::Actor& actor) {
  for (auto& a : q.assignee_ids) {
    if (a == "me") a = actor.user.id;
  }
  return q;
}

// A task list's name and tasks; the tasks are checked once the body is known to be well-formed.
Result<collab::TaskListInput> ReadTaskListInput(JsonInput& in, bool creating) {
  collab::TaskListInput out;
  const auto presence = creating ? JsonInput::kRequired : JsonInput::kOptional;
  out.name = in.String("name", presence, 1024);
  auto tasks = in.Raw("tasks", presence);
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
  const Step member = Member(s.accounts);
  const auto task_input = [](bool creating, bool on_workspace) {
    return Body([creating, on_workspace](JsonInput& in) {
      return ReadTaskInput(in, creating, on_workspace);
    });
  };
  const auto task_list_input = [](bool creating) {
    return Body([creating](JsonInput& in) { return ReadTaskListInput(in, creating); });
  };
  const auto created = [](const collab::TaskInput& input) {
    return [&input](const auto& made) { return CreatedJson(input, made); };
  };

  Mount(router,
        {
            {"GET",
             "/api/v1/contents/{id}/tasks",
             member,
             {},
             [&s](Call& c) {
               return Present(s.tasks.OfContent(c.actor(), c.param("id")), TasksJson);
             }},
            {"POST", "/api/v1/contents/{id}/tasks", member, task_input(true, false),
             [&s, created](Call& c) {
               const auto& input = c.input<collab::TaskInput>();
               return Present(s.tasks.CreateOnContent(c.actor(), c.param("id"), input),
                              created(input), 201);
             }},
            {"GET", "/api/v1/workspaces/{ws}/tasks", member, Query(ReadTaskQuery),
             [&s](Call& c) {
               return Present(s.tasks.List(c.actor(), c.param("ws"),
                                           ForCaller(c.input<storage::TaskQuery>(), c.actor())),
                              TasksJson);
             }},
            {"POST", "/api/v1/workspaces/{ws}/tasks", member, task_input(true, true),
             [&s, created](Call& c) {
               const auto& input = c.input<collab::TaskInput>();
               return Present(s.tasks.Create(c.actor(), c.param("ws"), input), created(input), 201);
             }},
            {"PATCH", "/api/v1/tasks/{id}", member, task_input(false, false),
             [&s](Call& c) {
               return Present(s.tasks.Update(c.actor(), c.param("id"),
                                             std::move(c.input<collab::TaskInput>())),
                              TaskChangeJson);
             }},
            {"DELETE",
             "/api/v1/tasks/{id}",
             member,
             {},
             [&s](Call& c) { return Done(s.tasks.Delete(c.actor(), c.param("id"))); }},
            {"GET",
             "/api/v1/workspaces/{ws}/task-lists",
             member,
             {},
             [&s](Call& c) {
               return Present(s.task_lists.List(c.actor(), c.param("ws")),
                              [](const auto& lists) { return ItemsJson(lists, TaskListJson); });
             }},
            {"POST", "/api/v1/workspaces/{ws}/task-lists", member, task_list_input(true),
             [&s](Call& c) {
               return Present(
                   s.task_lists.Create(c.actor(), c.param("ws"), c.input<collab::TaskListInput>()),
                   TaskListJson, 201);
             }},
            {"PATCH", "/api/v1/workspaces/{ws}/task-lists/{id}", member, task_list_input(false),
             [&s](Call& c) {
               return Present(s.task_lists.Update(c.actor(), c.param("ws"), c.param("id"),
                                                  c.input<collab::TaskListInput>()),
                              TaskListJson);
             }},
            {"DELETE",
             "/api/v1/workspaces/{ws}/task-lists/{id}",
             member,
             {},
             [&s](Call& c) {
               return Done(s.task_lists.Delete(c.actor(), c.param("ws"), c.param("id")));
             }},
        });
}

}  // namespace copydesk::api
