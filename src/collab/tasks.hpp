#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/collab_store.hpp"
#include "storage/database.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::collab {

//! What a new task or a change says; unset members are left as they are.
struct TaskInput {
  std::optional<std::string> title;
  std::optional<std::string> description;  //!< Markdown; mentions notify
  std::optional<std::vector<std::string>> assignees;
  std::optional<std::optional<TimeMs>> due_at;  //!< a null value clears it
  std::optional<bool> done;
  std::optional<std::int64_t> position;
  std::optional<std::string> content;  //!< workspace route: the content it is on
  std::optional<std::string> project;  //!< workspace route: the project it belongs to
  //! Instead of one task: every task of this list, due relative to `publish_at` (or the
  //! content's publication date).
  std::optional<std::string> task_list;
  std::optional<TimeMs> publish_at;
};

//! A task changed, with the hint that its content could move on when it was the last open one.
struct TaskChange {
  storage::TaskRecord task;
  std::optional<storage::StatusRecord> suggest_next_status;
};

//! One reusable task of a task list.
struct TaskTemplate {
  std::string title;
  std::optional<std::int64_t> due_offset_days;  //!< relative to the publication date
};

//! Tasks on contents, on projects or alone in a workspace.
class Tasks {
 public:
  explicit Tasks(storage::Database& db) : db_(db) {}

  //! The tasks of a content, open first.
  Result<std::vector<storage::TaskRecord>> OfContent(const auth::Actor& actor,
                                                     const std::string& content_id);
  //! The tasks of a workspace matching `query` (its workspace_id is ignored).
  Result<std::vector<storage::TaskRecord>> List(const auth::Actor& actor, const std::string& ws,
                                                storage::TaskQuery query);
  //! Adds a task to a content, or every task of a task list.
  Result<std::vector<storage::TaskRecord>> CreateOnContent(const auth::Actor& actor,
                                                           const std::string& content_id,
                                                           TaskInput input);
  //! Adds a task to a workspace (on a content or a project when the input says so), or every
  //! task of a task list.
  Result<std::vector<storage::TaskRecord>> Create(const auth::Actor& actor, const std::string& ws,
                                                  TaskInput input);
  //! Changes a task. Assignees who may not manage tasks may still mark theirs done or undone.
  Result<TaskChange> Update(const auth::Actor& actor, const std::string& id, TaskInput input);
  //! Deletes a task.
  Result<void> Delete(const auth::Actor& actor, const std::string& id);

 private:
  storage::Database& db_;
};

//! What a task list says.
struct TaskListInput {
  std::optional<std::string> name;
  std::optional<std::vector<TaskTemplate>> tasks;
};

//! Reusable task lists of a workspace.
class TaskLists {
 public:
  explicit TaskLists(storage::Database& db) : db_(db) {}

  //! The workspace's task lists, by name.
  Result<std::vector<storage::TaskListRecord>> List(const auth::Actor& actor,
                                                    const std::string& ws);
  //! Adds a task list (name and tasks required).
  Result<storage::TaskListRecord> Create(const auth::Actor& actor, const std::string& ws,
                                         const TaskListInput& input);
  //! Renames a task list or replaces its tasks.
  Result<storage::TaskListRecord> Update(const auth::Actor& actor, const std::string& ws,
                                         const std::string& id, const TaskListInput& input);
  //! Deletes a task list (tasks made from it stay).
  Result<void> Delete(const auth::Actor& actor, const std::string& ws, const std::string& id);

 private:
  storage::Database& db_;
};

//! The tasks of a stored task list.
std::vector<TaskTemplate> TemplatesOf(const storage::TaskListRecord& list);

}  // namespace copydesk::collab
