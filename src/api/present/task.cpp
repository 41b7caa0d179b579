#include "api/present/task.hpp"

#include <boost/json/array.hpp>

#include "api/route.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

json::object TaskJson(const storage::TaskRecord& t) {
  json::array assignees;
  for (const auto& a : t.assignee_ids) assignees.push_back(json::string(a));
  return {{"id", t.id},
          {"workspace_id", t.workspace_id},
          {"content_id", TextOrNull(t.content_id)},
          {"project_id", TextOrNull(t.project_id)},
          {"title", t.title},
          {"description", t.description},
          {"assignees", std::move(assignees)},
          {"due_at", TimeOrNull(t.due_at)},
          {"done", t.done_at.has_value()},
          {"done_at", TimeOrNull(t.done_at)},
          {"done_by", TextOrNull(t.done_by)},
          {"position", t.position},
          {"created_by", t.created_by},
          {"created_at", FormatTime(t.created_at)},
          {"updated_at", FormatTime(t.updated_at)}};
}

json::object TaskChangeJson(const collab::TaskChange& change) {
  json::object body = TaskJson(change.task);
  if (const auto& next = change.suggest_next_status)
    body["suggest_next_status"] = {{"id", next->id},
                                   {"name", next->name},
                                   {"color", next->color},
                                   {"category", next->category}};
  return body;
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

}  // namespace copydesk::api
