#include "collab/tasks.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "access/standing.hpp"
#include "collab/mentions.hpp"
#include "collab/notifications.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using auth::Action;
using storage::TaskRecord;
using storage::Tx;

namespace {

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;

// What the caller is to a task: the content it is on (if any) and their role.
struct TaskStanding {
  TaskRecord task;
  std::optional<access::OnContent> on_content;
  std::optional<auth::Role> role;

  bool Can(Action action) const {
    return on_content ? on_content->Can(action) : auth::Can(role, action);
  }
};

Result<TaskStanding> LoadTask(Tx& tx, const std::string& user_id, const std::string& id) {
  auto task = storage::FindTask(tx, id);
  if (!task) return Error::NotFound("No such task.");
  TaskStanding s;
  if (task->content_id) {
    auto on = access::Open(tx, user_id, *task->content_id);
    if (!on) return Error::NotFound("No such task.");
    s.role = on->standing.role;
    s.on_content = std::move(*on);
  } else {
    s.role = access::RoleIn(tx, task->workspace_id, user_id);
    if (!auth::Can(s.role, Action::kReadContent)) return Error::NotFound("No such task.");
  }
  s.task = std::move(*task);
  return s;
}

// Checks the text and the people of a task input; refused input names the field.
Result<void> CheckInput(Tx& tx, const std::string& workspace_id, TaskInput& in) {
  std::vector<FieldError> faults;
  if (in.title) {
    in.title = std::string(Trim(*in.title));
    if (in.title->empty() || CountCharacters(*in.title) > 300)
      faults.push_back({"title", "must be 1 to 300 characters"});
    else if (in.title->find('\n') != std::string::npos)
      faults.push_back({"title", "must be one line"});
  }
  if (in.description && CountCharacters(*in.description) > 10000)
    faults.push_back({"description", "must be at most 10000 characters"});
  if (in.assignees) {
    std::vector<std::string> unique;
    for (std::size_t i = 0; i < in.assignees->size(); ++i) {
      const auto& id = (*in.assignees)[i];
      if (!storage::FindRole(tx, workspace_id, id))
        faults.push_back(
            {"assignees[" + std::to_string(i) + "]", "is not a member of this workspace"});
      else if (std::find(unique.begin(), unique.end(), id) == unique.end())
        unique.push_back(id);
    }
    in.assignees = std::move(unique);
  }
  if (in.project && !storage::FindProject(tx, workspace_id, *in.project))
    faults.push_back({"project", "is not a project of this workspace"});
  if (!faults.empty()) return Error::Invalid("The task is invalid.", std::move(faults));
  return {};
}

std::string TaskData(const TaskRecord& t) {
  return json::serialize(
      json::object{{"target", "task"}, {"task_id", t.id}, {"task_title", t.title}});
}

// Appends the task's event; on a content, the content is its subject (its activity shows it).
// `assigned`: the people the change assigned (webhooks tell of assignments from the log).
void Record(Tx& tx, const TaskRecord& t, const std::string& actor_id, const std::string& kind,
            TimeMs now, const std::vector<std::string>& assigned = {}) {
  json::object data{{"task", t.id}, {"title", t.title}};
  if (!assigned.empty()) {
    json::array people;
    for (const auto& u : assigned) people.push_back(json::string(u));
    data["assigned"] = std::move(people);
  }
  storage::AppendEvent(tx, t.workspace_id, actor_id, kind, t.content_id.value_or(t.id),
                       json::serialize(data), now);
}

// The assignees of `after` who were not among `before`.
std::vector<std::string> NewlyAssigned(const std::vector<std::string>& before,
                                       const std::vector<std::string>& after) {
  std::vector<std::string> out;
  for (const auto& u : after)
    if (std::find(before.begin(), before.end(), u) == before.end()) out.push_back(u);
  return out;
}

// Tells new assignees, and people newly mentioned in the description.
void NotifyTaskPeople(Tx& tx, const TaskRecord& t, const storage::ContentRecord* content,
                      const std::vector<std::string>& assignees_before,
                      const std::string& description_before, const std::string& actor_id,
                      TimeMs now) {
  std::set<std::string> added;
  for (const auto& u : t.assignee_ids) {
    if (std::find(assignees_before.begin(), assignees_before.end(), u) == assignees_before.end())
      added.insert(u);
  }
  Notify(tx, {t.workspace_id, kind::kAssigned, actor_id, content, t.id, TaskData(t)}, added, now);
  std::set<std::string> mentioned = MentionedPeople(tx, t.workspace_id, t.description);
  for (const auto& p : MentionedPeople(tx, t.workspace_id, description_before)) mentioned.erase(p);
  Notify(tx, {t.workspace_id, kind::kMentioned, actor_id, content, t.id, TaskData(t)}, mentioned,
         now);
}

// Makes the tasks of an input: one task, or each task of a task list.
Result<std::vector<TaskRecord>> MakeTasks(Tx& tx, const auth::Actor& actor,
                                          const std::string& workspace_id,
                                          const storage::ContentRecord* content, TaskInput& in) {
  if (auto checked = CheckInput(tx, workspace_id, in); !checked) return std::move(checked).error();
  const TimeMs now = NowMs();
  std::vector<TaskRecord> made;
  const std::optional<std::string> content_id =
      content ? std::optional<std::string>(content->id) : std::nullopt;
  std::int64_t position = storage::NextTaskPosition(tx, workspace_id, content_id, in.project);
  auto base = [&] {
    TaskRecord t;
    t.id = NewId();
    t.workspace_id = workspace_id;
    t.content_id = content_id;
    t.project_id = in.project;
    t.description = in.description.value_or("");
    t.assignee_ids = in.assignees.value_or(std::vector<std::string>{});
    t.created_by = actor.user.id;
    t.created_at = now;
    t.updated_at = now;
    t.position = position++;
    if (in.done.value_or(false)) {
      t.done_at = now;
      t.done_by = actor.user.id;
    }
    return t;
  };
  if (in.task_list) {
    if (in.title) return Error::InvalidField("title", "give either a title or a task_list");
    auto list = storage::FindTaskList(tx, workspace_id, *in.task_list);
    if (!list) return Error::InvalidField("task_list", "is not a task list of this workspace");
    // Due dates count from the publication date: the one given, else the content's.
    std::optional<TimeMs> reference = in.publish_at;
    if (!reference && content) reference = content->publish_at;
    for (const auto& tmpl : TemplatesOf(*list)) {
      TaskRecord t = base();
      t.title = tmpl.title;
      if (reference && tmpl.due_offset_days) t.due_at = *reference + *tmpl.due_offset_days * kDayMs;
      made.push_back(std::move(t));
    }
  } else {
    if (!in.title) return Error::InvalidField("title", "is required");
    if (in.publish_at) return Error::InvalidField("publish_at", "goes with a task_list only");
    TaskRecord t = base();
    t.title = *in.title;
    t.due_at = in.due_at.value_or(std::nullopt);
    if (in.position) t.position = *in.position;
    made.push_back(std::move(t));
  }
  for (const auto& t : made) {
    storage::InsertTask(tx, t);
    Record(tx, t, actor.user.id, "task.created", now, t.assignee_ids);
    NotifyTaskPeople(tx, t, content, {}, "", actor.user.id, now);
  }
  return made;
}

// The next status of a content's workflow after its current one, if any.
std::optional<storage::StatusRecord> NextStatus(Tx& tx, const storage::ContentRecord& c) {
  const auto statuses = storage::ListStatuses(tx, c.workspace_id);
  const auto current = std::find_if(statuses.begin(), statuses.end(),
                                    [&](const auto& s) { return s.id == c.status_id; });
  if (current == statuses.end() || current + 1 == statuses.end()) return std::nullopt;
  return *(current + 1);
}

Result<std::vector<TaskTemplate>> CheckTemplates(const std::vector<TaskTemplate>& tasks) {
  std::vector<FieldError> faults;
  if (tasks.empty() || tasks.size() > 50) faults.push_back({"tasks", "must hold 1 to 50 tasks"});
  std::vector<TaskTemplate> out;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const std::string at = "tasks[" + std::to_string(i) + "].";
    TaskTemplate t{std::string(Trim(tasks[i].title)), tasks[i].due_offset_days};
    if (t.title.empty() || CountCharacters(t.title) > 300)
      faults.push_back({at + "title", "must be 1 to 300 characters"});
    if (t.due_offset_days && (*t.due_offset_days < -3650 || *t.due_offset_days > 3650))
      faults.push_back({at + "due_offset_days", "must be between -3650 and 3650"});
    out.push_back(std::move(t));
  }
  if (!faults.empty()) return Error::Invalid("The task list is invalid.", std::move(faults));
  return out;
}

std::string TemplatesJson(const std::vector<TaskTemplate>& tasks) {
  json::array out;
  for (const auto& t : tasks) {
    out.push_back({{"title", t.title},
                   {"due_offset_days",
                    t.due_offset_days ? json::value(*t.due_offset_days) : json::value(nullptr)}});
  }
  return json::serialize(out);
}

}  // namespace

std::vector<TaskTemplate> TemplatesOf(const storage::TaskListRecord& list) {
  std::vector<TaskTemplate> out;
  std::error_code ec;
  auto v = json::parse(list.tasks_json, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    TaskTemplate t;
    if (const auto* title = o.if_contains("title"); title && title->is_string())
      t.title = std::string(title->as_string());
    if (const auto* d = o.if_contains("due_offset_days"); d && d->is_int64())
      t.due_offset_days = d->as_int64();
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<TaskRecord>> Tasks::OfContent(const auth::Actor& actor,
                                                 const std::string& content_id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<TaskRecord>> {
    auto on = access::Open(tx, actor.user.id, content_id);
    if (!on) return std::move(on).error();
    storage::TaskQuery q;
    q.workspace_id = on->content.workspace_id;
    q.content_id = content_id;
    q.limit = 1000;
    return storage::ListTasks(tx, q);
  });
}

Result<std::vector<TaskRecord>> Tasks::List(const auth::Actor& actor, const std::string& ws,
                                            storage::TaskQuery query) {
  if (query.limit < 1 || query.limit > 500)
    return Error::InvalidField("limit", "must be between 1 and 500");
  return db_.Read([&](Tx& tx) -> Result<std::vector<TaskRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadWorkspace);
    if (!access) return std::move(access).error();
    query.workspace_id = access->workspace.id;
    // Guests see the tasks of what is shared with them, in the query itself.
    if (!auth::Can(access->role, Action::kReadContent)) query.shared_with = actor.user.id;
    return storage::ListTasks(tx, query);
  });
}

Result<std::vector<TaskRecord>> Tasks::CreateOnContent(const auth::Actor& actor,
                                                       const std::string& content_id,
                                                       TaskInput in) {
  if (in.content || in.project)
    return Error::InvalidField(in.content ? "content" : "project", "is set by the path");
  return db_.Write([&](Tx& tx) -> Result<std::vector<TaskRecord>> {
    auto on = access::Open(tx, actor.user.id, content_id);
    if (!on) return std::move(on).error();
    if (!on->Can(Action::kManageTasks))
      return Error::Forbidden("You may not manage the tasks of this content.");
    return MakeTasks(tx, actor, on->content.workspace_id, &on->content, in);
  });
}

Result<std::vector<TaskRecord>> Tasks::Create(const auth::Actor& actor, const std::string& ws,
                                              TaskInput in) {
  return db_.Write([&](Tx& tx) -> Result<std::vector<TaskRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadContent);
    if (!access) return std::move(access).error();
    if (in.content) {
      auto on = access::Open(tx, actor.user.id, *in.content);
      if (!on || on->content.workspace_id != access->workspace.id)
        return Error::InvalidField("content", "is not a content of this workspace");
      if (!on->Can(Action::kManageTasks))
        return Error::Forbidden("You may not manage the tasks of this content.");
      if (in.project) return Error::InvalidField("project", "a task is on a content or a project");
      in.content.reset();
      return MakeTasks(tx, actor, access->workspace.id, &on->content, in);
    }
    if (!auth::Can(access->role, Action::kManageTasks))
      return Error::Forbidden("You may not manage tasks in this workspace.");
    return MakeTasks(tx, actor, access->workspace.id, nullptr, in);
  });
}

Result<TaskChange> Tasks::Update(const auth::Actor& actor, const std::string& id, TaskInput in) {
  if (in.content || in.project || in.task_list || in.publish_at) {
    const char* field = in.content     ? "content"
                        : in.project   ? "project"
                        : in.task_list ? "task_list"
                                       : "publish_at";
    return Error::InvalidField(field, "cannot change");
  }
  return db_.Write([&](Tx& tx) -> Result<TaskChange> {
    auto loaded = LoadTask(tx, actor.user.id, id);
    if (!loaded) return std::move(loaded).error();
    auto& t = loaded->task;
    const bool mine = std::find(t.assignee_ids.begin(), t.assignee_ids.end(), actor.user.id) !=
                      t.assignee_ids.end();
    const bool only_done =
        !in.title && !in.description && !in.assignees && !in.due_at && !in.position;
    if (!loaded->Can(Action::kManageTasks) &&
        !(mine && only_done && loaded->Can(Action::kCompleteOwnTask))) {
      return Error::Forbidden("You may not change this task.");
    }
    if (auto checked = CheckInput(tx, t.workspace_id, in); !checked)
      return std::move(checked).error();
    const TimeMs now = NowMs();
    const auto assignees_before = t.assignee_ids;
    const std::string description_before = t.description;
    const bool was_done = t.done_at.has_value();
    if (in.title) t.title = *in.title;
    if (in.description) t.description = *in.description;
    if (in.assignees) t.assignee_ids = *in.assignees;
    if (in.due_at) t.due_at = *in.due_at;
    if (in.position) t.position = *in.position;
    if (in.done && *in.done != was_done) {
      t.done_at = *in.done ? std::optional<TimeMs>(now) : std::nullopt;
      t.done_by = *in.done ? std::optional<std::string>(actor.user.id) : std::nullopt;
    }
    t.updated_at = now;
    storage::UpdateTask(tx, t);
    const bool now_done = t.done_at.has_value();
    Record(tx, t, actor.user.id,
           was_done == now_done ? "task.updated"
           : now_done           ? "task.completed"
                                : "task.reopened",
           now, NewlyAssigned(assignees_before, t.assignee_ids));
    const storage::ContentRecord* content =
        loaded->on_content ? &loaded->on_content->content : nullptr;
    NotifyTaskPeople(tx, t, content, assignees_before, description_before, actor.user.id, now);
    TaskChange change{t, std::nullopt};
    // The last open task of a content done: its status could move on.
    if (content && now_done && !was_done && storage::CountOpenTasks(tx, content->id) == 0)
      change.suggest_next_status = NextStatus(tx, *content);
    return change;
  });
}

Result<void> Tasks::Delete(const auth::Actor& actor, const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto loaded = LoadTask(tx, actor.user.id, id);
    if (!loaded) return std::move(loaded).error();
    if (!loaded->Can(Action::kManageTasks))
      return Error::Forbidden("You may not delete this task.");
    storage::DeleteTask(tx, id);
    Record(tx, loaded->task, actor.user.id, "task.deleted", NowMs());
    return {};
  });
}

// ---- task lists -------------------------------------------------------------------------------

Result<std::vector<storage::TaskListRecord>> TaskLists::List(const auth::Actor& actor,
                                                             const std::string& ws) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::TaskListRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadSettings);
    if (!access) return std::move(access).error();
    return storage::ListTaskLists(tx, access->workspace.id);
  });
}

namespace {

Result<void> CheckListName(std::optional<std::string>& name) {
  if (!name) return {};
  name = std::string(Trim(*name));
  if (name->empty() || CountCharacters(*name) > 120)
    return Error::InvalidField("name", "must be 1 to 120 characters");
  if (auto why = CheckNameCharacters(*name)) return Error::InvalidField("name", *why);
  return {};
}

}  // namespace

Result<storage::TaskListRecord> TaskLists::Create(const auth::Actor& actor, const std::string& ws,
                                                  const TaskListInput& input) {
  TaskListInput in = input;
  if (!in.name) return Error::InvalidField("name", "is required");
  if (!in.tasks) return Error::InvalidField("tasks", "is required");
  if (auto ok = CheckListName(in.name); !ok) return std::move(ok).error();
  auto tasks = CheckTemplates(*in.tasks);
  if (!tasks) return std::move(tasks).error();
  return db_.Write([&](Tx& tx) -> Result<storage::TaskListRecord> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageTaskLists);
    if (!access) return std::move(access).error();
    const TimeMs now = NowMs();
    storage::TaskListRecord list{
        NewId(), access->workspace.id, *in.name, TemplatesJson(*tasks), now, now};
    storage::InsertTaskList(tx, list);
    storage::AppendEvent(tx, list.workspace_id, actor.user.id, "task_list.created", list.id,
                         json::serialize(json::object{{"name", list.name}}), now);
    return list;
  });
}

Result<storage::TaskListRecord> TaskLists::Update(const auth::Actor& actor, const std::string& ws,
                                                  const std::string& id,
                                                  const TaskListInput& input) {
  TaskListInput in = input;
  if (auto ok = CheckListName(in.name); !ok) return std::move(ok).error();
  std::optional<std::vector<TaskTemplate>> tasks;
  if (in.tasks) {
    auto checked = CheckTemplates(*in.tasks);
    if (!checked) return std::move(checked).error();
    tasks = std::move(*checked);
  }
  return db_.Write([&](Tx& tx) -> Result<storage::TaskListRecord> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageTaskLists);
    if (!access) return std::move(access).error();
    auto list = storage::FindTaskList(tx, access->workspace.id, id);
    if (!list) return Error::NotFound("No such task list.");
    const TimeMs now = NowMs();
    if (in.name) list->name = *in.name;
    if (tasks) list->tasks_json = TemplatesJson(*tasks);
    list->updated_at = now;
    storage::UpdateTaskList(tx, *list);
    storage::AppendEvent(tx, list->workspace_id, actor.user.id, "task_list.updated", list->id,
                         json::serialize(json::object{{"name", list->name}}), now);
    return *list;
  });
}

Result<void> TaskLists::Delete(const auth::Actor& actor, const std::string& ws,
                               const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageTaskLists);
    if (!access) return std::move(access).error();
    auto list = storage::FindTaskList(tx, access->workspace.id, id);
    if (!list) return Error::NotFound("No such task list.");
    storage::DeleteTaskList(tx, id);
    storage::AppendEvent(tx, list->workspace_id, actor.user.id, "task_list.deleted", id,
                         json::serialize(json::object{{"name", list->name}}), NowMs());
    return {};
  });
}

}  // namespace copydesk::collab
