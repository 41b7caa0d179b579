#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A comment as stored; a thread is its first comment (no parent) and the replies to it.
struct CommentRecord {
  std::string id;
  std::string workspace_id;
  std::string content_id;
  std::optional<std::string> parent_id;
  std::string author_id;
  std::string body;
  bool internal = false;
  std::optional<std::string> anchor_field;  //!< set: anchored to a passage of this field
  std::optional<std::string> anchor_quote;
  std::optional<std::int64_t> anchor_revision;
  std::optional<std::int64_t> anchor_offset;  //!< in characters
  std::optional<std::string> anchor_state;    //!< "active" or "removed"
  std::optional<TimeMs> resolved_at;
  std::optional<std::string> resolved_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::optional<TimeMs> edited_at;
  std::string author_name;  //!< read only
  //! The content version `anchor_offset` was located in: the notifier moves the anchor on from
  //! there, so an update older than the anchor never moves it.
  std::optional<std::int64_t> anchor_version;
};

//! A task as stored, with its assignees.
struct TaskRecord {
  std::string id;
  std::string workspace_id;
  std::optional<std::string> content_id;
  std::optional<std::string> project_id;
  std::string title;
  std::string description;
  std::optional<TimeMs> due_at;
  std::optional<TimeMs> done_at;
  std::optional<std::string> done_by;
  std::int64_t position = 0;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::vector<std::string> assignee_ids;
};

//! What a task list asks for; unset filters match any task.
struct TaskQuery {
  std::string workspace_id;
  std::vector<std::string> assignee_ids;   //!< any of
  std::optional<TimeMs> due_from, due_to;  //!< due_to excluded
  std::optional<bool> done;
  std::optional<std::string> content_id;
  std::optional<std::string> project_id;
  //! Set: only the tasks of contents shared with this person (a guest).
  std::optional<std::string> shared_with;
  int limit = 200;
};

//! A reusable list of tasks ("Article: brief, draft, visuals, legal check, publication").
struct TaskListRecord {
  std::string id;
  std::string workspace_id;
  std::string name;
  std::string tasks_json;  //!< JSON array of {title, due_offset_days}
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

//! Something a person is told, in the app.
struct NotificationRecord {
  std::string id;
  std::string user_id;
  std::string workspace_id;
  std::string kind;
  std::optional<std::string> actor_id;
  std::optional<std::string> content_id;
  std::optional<std::string> subject_id;
  std::string data_json = "{}";
  TimeMs created_at = 0;
  std::optional<TimeMs> read_at;
  std::string actor_name;     //!< read only
  std::string content_title;  //!< read only
};

//! Adds a comment.
void InsertComment(Tx& tx, const CommentRecord& comment);
//! Saves a comment's body, internal flag, resolution and anchor.
void UpdateComment(Tx& tx, const CommentRecord& comment);
//! Deletes a comment (and, for a thread's first comment, its replies).
void DeleteComment(Tx& tx, const std::string& id);
//! One comment, with its author's name.
std::optional<CommentRecord> FindComment(Tx& tx, const std::string& id);
//! Every comment of a content, oldest first.
std::vector<CommentRecord> ListComments(Tx& tx, const std::string& content_id);
//! The comments of a content whose anchor still points at a passage.
std::vector<CommentRecord> ListActiveAnchors(Tx& tx, const std::string& content_id);
//! The people who wrote in a thread (its first comment and the replies).
std::vector<std::string> ThreadParticipants(Tx& tx, const std::string& root_id);

//! Adds a task with its assignees.
void InsertTask(Tx& tx, const TaskRecord& task);
//! Saves a task and its assignees.
void UpdateTask(Tx& tx, const TaskRecord& task);
//! Deletes a task.
void DeleteTask(Tx& tx, const std::string& id);
//! One task, with its assignees.
std::optional<TaskRecord> FindTask(Tx& tx, const std::string& id);
//! Tasks matching a query: open before done, then by due date (undated last), position, id.
std::vector<TaskRecord> ListTasks(Tx& tx, const TaskQuery& query);
//! The position after the last task of the same content, project, or of the workspace's own.
std::int64_t NextTaskPosition(Tx& tx, const std::string& workspace_id,
                              const std::optional<std::string>& content_id,
                              const std::optional<std::string>& project_id);
//! Number of tasks of a content not done yet.
std::int64_t CountOpenTasks(Tx& tx, const std::string& content_id);
//! Open tasks assigned to a person, due before `before`, in the workspaces they belong to.
std::vector<TaskRecord> DueTasksOf(Tx& tx, const std::string& user_id, TimeMs before);
//! Open tasks due before `before`, each with an assignee (`user_id`, or everyone) who has not
//! yet been reminded of it at this due date (no notification under its reminder key) and has not
//! turned that reminder off. `now` tells due from overdue.
std::vector<std::pair<TaskRecord, std::string>> UnremindedDueTasks(
    Tx& tx, const std::optional<std::string>& user_id, TimeMs now, TimeMs before);

//! Adds, saves, deletes, finds and lists task lists.
void InsertTaskList(Tx& tx, const TaskListRecord& list);
void UpdateTaskList(Tx& tx, const TaskListRecord& list);
void DeleteTaskList(Tx& tx, const std::string& id);
std::optional<TaskListRecord> FindTaskList(Tx& tx, const std::string& workspace_id,
                                           const std::string& id);
std::vector<TaskListRecord> ListTaskLists(Tx& tx, const std::string& workspace_id);

//! Adds a notification; with a `dedupe_key` already used, adds nothing and returns false.
bool InsertNotification(Tx& tx, const NotificationRecord& n,
                        const std::optional<std::string>& dedupe_key = std::nullopt);
//! What a notification list asks for: one person's, unread first, newest first.
struct NotificationQuery {
  std::string user_id;
  //! Roles that may still read contents: notifications about a content are listed only while
  //! the person's role in its workspace is one of these (authorization inside the query).
  std::vector<std::string> reader_roles;
  //! Keyset cursor: the last row seen (read or not, its time and id).
  std::optional<bool> after_read;
  std::optional<TimeMs> after_time;
  std::optional<std::string> after_id;
  int limit = 50;
};
std::vector<NotificationRecord> ListNotifications(Tx& tx, const NotificationQuery& query);
//! Number of unread notifications the same query would list.
std::int64_t CountUnreadNotifications(Tx& tx, const NotificationQuery& query);
//! True when a notification was already added under `dedupe_key`.
bool NotificationKeyUsed(Tx& tx, const std::string& dedupe_key);
//! Marks one of a person's notifications read; false when it is not theirs.
bool MarkNotificationRead(Tx& tx, const std::string& user_id, const std::string& id, TimeMs now);
//! Marks every notification of a person read.
void MarkAllNotificationsRead(Tx& tx, const std::string& user_id, TimeMs now);

}  // namespace copydesk::storage
