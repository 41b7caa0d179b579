#include "storage/collab_store.hpp"

#include <map>

#include "storage/shares_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kCommentColumns =
    "c.id, c.workspace_id, c.content_id, c.parent_id, c.author_id, c.body, c.internal, "
    "c.anchor_field, c.anchor_quote, c.anchor_revision, c.anchor_offset, c.anchor_state, "
    "c.resolved_at, c.resolved_by, c.created_at, c.updated_at, c.edited_at, COALESCE(u.name, ''), "
    "c.anchor_version";

CommentRecord ReadComment(const Row& r) {
  CommentRecord c;
  c.id = r.Text(0);
  c.workspace_id = r.Text(1);
  c.content_id = r.Text(2);
  c.parent_id = r.OptText(3);
  c.author_id = r.Text(4);
  c.body = r.Text(5);
  c.internal = r.Int(6) != 0;
  c.anchor_field = r.OptText(7);
  c.anchor_quote = r.OptText(8);
  c.anchor_revision = r.OptInt(9);
  c.anchor_offset = r.OptInt(10);
  c.anchor_state = r.OptText(11);
  c.resolved_at = r.OptInt(12);
  c.resolved_by = r.OptText(13);
  c.created_at = r.Int(14);
  c.updated_at = r.Int(15);
  c.edited_at = r.OptInt(16);
  c.author_name = r.Text(17);
  c.anchor_version = r.OptInt(18);
  return c;
}

std::string CommentSelect(const char* where) {
  return std::string("SELECT ") + kCommentColumns +
         " FROM comments c LEFT JOIN users u ON u.id = c.author_id WHERE " + where;
}

constexpr const char* kTaskColumns =
    "t.id, t.workspace_id, t.content_id, t.project_id, t.title, t.description, t.due_at, "
    "t.done_at, t.done_by, t.position, t.created_by, t.created_at, t.updated_at";

TaskRecord ReadTask(const Row& r) {
  TaskRecord t;
  t.id = r.Text(0);
  t.workspace_id = r.Text(1);
  t.content_id = r.OptText(2);
  t.project_id = r.OptText(3);
  t.title = r.Text(4);
  t.description = r.Text(5);
  t.due_at = r.OptInt(6);
  t.done_at = r.OptInt(7);
  t.done_by = r.OptText(8);
  t.position = r.Int(9);
  t.created_by = r.Text(10);
  t.created_at = r.Int(11);
  t.updated_at = r.Int(12);
  return t;
}

void SetTaskAssignees(Tx& tx, const TaskRecord& t) {
  tx.Exec("DELETE FROM task_assignees WHERE task_id = ?", {t.id});
  for (const auto& user : t.assignee_ids)
    tx.Exec("INSERT INTO task_assignees (task_id, user_id) VALUES (?, ?)", {t.id, user});
}

// Fills the assignees of a page of tasks in one query per task (pages are small).
void FillAssignees(Tx& tx, std::vector<TaskRecord>& tasks) {
  for (auto& t : tasks) {
    t.assignee_ids =
        tx.Rows("SELECT user_id FROM task_assignees WHERE task_id = ? ORDER BY user_id", {t.id},
                [](const Row& r) { return r.Text(0); });
  }
}

// The part of a notification query that says whose and which are still visible.
std::string NotificationScope(const NotificationQuery& q, std::vector<Value>& params) {
  std::string sql =
      " FROM notifications n JOIN memberships m ON m.workspace_id = n.workspace_id "
      "AND m.user_id = n.user_id LEFT JOIN users u ON u.id = n.actor_id "
      "LEFT JOIN contents c ON c.id = n.content_id WHERE n.user_id = ? AND (m.role IN (";
  params.emplace_back(q.user_id);
  for (std::size_t i = 0; i < q.reader_roles.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(q.reader_roles[i]);
  }
  if (q.reader_roles.empty()) sql += "NULL";
  // Others (guests) keep the notifications about contents still shared with them.
  sql += ") OR (n.content_id IS NOT NULL AND ";
  sql += kSharedWithCondition;
  params.emplace_back(q.user_id);
  params.emplace_back(q.user_id);
  return sql + "))";
}

}  // namespace

// ---- comments ---------------------------------------------------------------------------------

void InsertComment(Tx& tx, const CommentRecord& c) {
  tx.Exec(
      "INSERT INTO comments (id, workspace_id, content_id, parent_id, author_id, body, internal, "
      "anchor_field, anchor_quote, anchor_revision, anchor_offset, anchor_state, resolved_at, "
      "resolved_by, created_at, updated_at, edited_at, anchor_version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {c.id, c.workspace_id, c.content_id, Nullable(c.parent_id), c.author_id, c.body,
       std::int64_t{c.internal}, Nullable(c.anchor_field), Nullable(c.anchor_quote),
       Nullable(c.anchor_revision), Nullable(c.anchor_offset), Nullable(c.anchor_state),
       Nullable(c.resolved_at), Nullable(c.resolved_by), c.created_at, c.updated_at,
       Nullable(c.edited_at), Nullable(c.anchor_version)});
}

void UpdateComment(Tx& tx, const CommentRecord& c) {
  tx.Exec(
      "UPDATE comments SET body = ?, internal = ?, anchor_revision = ?, anchor_offset = ?, "
      "anchor_state = ?, resolved_at = ?, resolved_by = ?, updated_at = ?, edited_at = ?, "
      "anchor_version = ? WHERE id = ?",
      {c.body, std::int64_t{c.internal}, Nullable(c.anchor_revision), Nullable(c.anchor_offset),
       Nullable(c.anchor_state), Nullable(c.resolved_at), Nullable(c.resolved_by), c.updated_at,
       Nullable(c.edited_at), Nullable(c.anchor_version), c.id});
}

void DeleteComment(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM comments WHERE id = ?", {id});
}

std::optional<CommentRecord> FindComment(Tx& tx, const std::string& id) {
  static const std::string sql = CommentSelect("c.id = ?");
  return tx.First(sql, {id}, ReadComment);
}

std::vector<CommentRecord> ListComments(Tx& tx, const std::string& content_id) {
  static const std::string sql = CommentSelect("c.content_id = ? ORDER BY c.created_at, c.id");
  return tx.Rows(sql, {content_id}, ReadComment);
}

std::vector<CommentRecord> ListActiveAnchors(Tx& tx, const std::string& content_id) {
  static const std::string sql =
      CommentSelect("c.content_id = ? AND c.anchor_state = 'active' ORDER BY c.created_at, c.id");
  return tx.Rows(sql, {content_id}, ReadComment);
}

std::vector<std::string> ThreadParticipants(Tx& tx, const std::string& root_id) {
  return tx.Rows(
      "SELECT DISTINCT author_id FROM comments WHERE id = ? OR parent_id = ? ORDER BY author_id",
      {root_id, root_id}, [](const Row& r) { return r.Text(0); });
}

// ---- tasks ------------------------------------------------------------------------------------

void InsertTask(Tx& tx, const TaskRecord& t) {
  tx.Exec(
      "INSERT INTO tasks (id, workspace_id, content_id, project_id, title, description, due_at, "
      "done_at, done_by, position, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, t.workspace_id, Nullable(t.content_id), Nullable(t.project_id), t.title, t.description,
       Nullable(t.due_at), Nullable(t.done_at), Nullable(t.done_by), t.position, t.created_by,
       t.created_at, t.updated_at});
  SetTaskAssignees(tx, t);
}

void UpdateTask(Tx& tx, const TaskRecord& t) {
  tx.Exec(
      "UPDATE tasks SET title = ?, description = ?, due_at = ?, done_at = ?, done_by = ?, "
      "position = ?, updated_at = ? WHERE id = ?",
      {t.title, t.description, Nullable(t.due_at), Nullable(t.done_at), Nullable(t.done_by),
       t.position, t.updated_at, t.id});
  SetTaskAssignees(tx, t);
}

void DeleteTask(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM tasks WHERE id = ?", {id});
}

std::optional<TaskRecord> FindTask(Tx& tx, const std::string& id) {
  static const std::string sql =
      std::string("SELECT ") + kTaskColumns + " FROM tasks t WHERE t.id = ?";
  auto task = tx.First(sql, {id}, ReadTask);
  if (task) {
    std::vector<TaskRecord> one{std::move(*task)};
    FillAssignees(tx, one);
    return std::move(one.front());
  }
  return std::nullopt;
}

std::vector<TaskRecord> ListTasks(Tx& tx, const TaskQuery& q) {
  std::vector<Value> params{q.workspace_id};
  std::string sql =
      std::string("SELECT ") + kTaskColumns + " FROM tasks t WHERE t.workspace_id = ?";
  if (!q.assignee_ids.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM task_assignees a WHERE a.task_id = t.id AND a.user_id IN (";
    for (std::size_t i = 0; i < q.assignee_ids.size(); ++i) {
      sql += i ? ", ?" : "?";
      params.emplace_back(q.assignee_ids[i]);
    }
    sql += "))";
  }
  if (q.due_from) {
    sql += " AND t.due_at >= ?";
    params.emplace_back(*q.due_from);
  }
  if (q.due_to) {
    sql += " AND t.due_at < ?";
    params.emplace_back(*q.due_to);
  }
  if (q.done) sql += *q.done ? " AND t.done_at IS NOT NULL" : " AND t.done_at IS NULL";
  if (q.shared_with) {
    sql += std::string(" AND t.content_id IN (SELECT c.id FROM contents c WHERE ") +
           kSharedWithCondition + ")";
    params.emplace_back(*q.shared_with);
    params.emplace_back(*q.shared_with);
  }
  if (q.content_id) {
    sql += " AND t.content_id = ?";
    params.emplace_back(*q.content_id);
  }
  if (q.project_id) {
    sql += " AND t.project_id = ?";
    params.emplace_back(*q.project_id);
  }
  sql +=
      " ORDER BY t.done_at IS NOT NULL, COALESCE(t.due_at, 9000000000000000), t.position, "
      "t.created_at, t.id LIMIT ?";
  params.emplace_back(std::int64_t{q.limit});
  auto tasks = tx.Rows(sql, params, ReadTask);
  FillAssignees(tx, tasks);
  return tasks;
}

std::int64_t NextTaskPosition(Tx& tx, const std::string& workspace_id,
                              const std::optional<std::string>& content_id,
                              const std::optional<std::string>& project_id) {
  if (content_id)
    return tx.Scalar("SELECT COALESCE(MAX(position) + 1, 0) FROM tasks WHERE content_id = ?",
                     {*content_id});
  if (project_id)
    return tx.Scalar(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM tasks WHERE project_id = ? AND content_id IS "
        "NULL",
        {*project_id});
  return tx.Scalar(
      "SELECT COALESCE(MAX(position) + 1, 0) FROM tasks WHERE workspace_id = ? "
      "AND content_id IS NULL AND project_id IS NULL",
      {workspace_id});
}

std::int64_t CountOpenTasks(Tx& tx, const std::string& content_id) {
  return tx.Scalar("SELECT COUNT(*) FROM tasks WHERE content_id = ? AND done_at IS NULL",
                   {content_id});
}

std::vector<TaskRecord> DueTasksOf(Tx& tx, const std::string& user_id, TimeMs before) {
  static const std::string sql =
      std::string("SELECT ") + kTaskColumns +
      " FROM tasks t JOIN task_assignees a ON a.task_id = t.id AND a.user_id = ? "
      "JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = a.user_id "
      "WHERE t.done_at IS NULL AND t.due_at IS NOT NULL AND t.due_at < ? ORDER BY t.due_at, t.id";
  auto tasks = tx.Rows(sql, {user_id, before}, ReadTask);
  FillAssignees(tx, tasks);
  return tasks;
}

std::vector<std::pair<TaskRecord, std::string>> UnremindedDueTasks(
    Tx& tx, const std::optional<std::string>& user_id, TimeMs now, TimeMs before) {
  // The reminder's kind and key, as collab::ReminderKey builds them.
  static const std::string kKind =
      "(CASE WHEN t.due_at < ? THEN 'task_overdue' ELSE 'task_due' END)";
  static const std::string sql =
      std::string("SELECT ") + kTaskColumns +
      ", a.user_id FROM tasks t JOIN task_assignees a ON a.task_id = t.id "
      "JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = a.user_id "
      "WHERE t.done_at IS NULL AND t.due_at IS NOT NULL AND t.due_at < ? "
      "AND (? IS NULL OR a.user_id = ?) "
      "AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = " +
      kKind +
      " || ':' || t.id || ':' || a.user_id || ':' || CAST(t.due_at AS TEXT)) "
      "AND NOT EXISTS (SELECT 1 FROM notification_preferences p WHERE p.user_id = a.user_id "
      "AND p.kind = " +
      kKind + " AND p.delivery = 'off') ORDER BY t.due_at, t.id, a.user_id";
  std::vector<std::pair<TaskRecord, std::string>> out;
  tx.Query(sql, {before, Nullable(user_id), Nullable(user_id), now, now},
           [&](const Row& r) { out.emplace_back(ReadTask(r), r.Text(13)); });
  return out;
}

// ---- task lists -------------------------------------------------------------------------------

void InsertTaskList(Tx& tx, const TaskListRecord& l) {
  tx.Exec(
      "INSERT INTO task_lists (id, workspace_id, name, tasks, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {l.id, l.workspace_id, l.name, l.tasks_json, l.created_at, l.updated_at});
}

void UpdateTaskList(Tx& tx, const TaskListRecord& l) {
  tx.Exec("UPDATE task_lists SET name = ?, tasks = ?, updated_at = ? WHERE id = ?",
          {l.name, l.tasks_json, l.updated_at, l.id});
}

void DeleteTaskList(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM task_lists WHERE id = ?", {id});
}

std::optional<TaskListRecord> FindTaskList(Tx& tx, const std::string& workspace_id,
                                           const std::string& id) {
  return tx.First(
      "SELECT id, workspace_id, name, tasks, created_at, updated_at FROM task_lists "
      "WHERE workspace_id = ? AND id = ?",
      {workspace_id, id}, [](const Row& r) {
        return TaskListRecord{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)};
      });
}

std::vector<TaskListRecord> ListTaskLists(Tx& tx, const std::string& workspace_id) {
  return tx.Rows(
      "SELECT id, workspace_id, name, tasks, created_at, updated_at FROM task_lists "
      "WHERE workspace_id = ? ORDER BY name COLLATE NOCASE, id",
      {workspace_id}, [](const Row& r) {
        return TaskListRecord{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)};
      });
}

// ---- notifications ----------------------------------------------------------------------------

bool InsertNotification(Tx& tx, const NotificationRecord& n,
                        const std::optional<std::string>& dedupe_key) {
  return 1 ==
         tx.Exec(
             "INSERT INTO notifications (id, user_id, workspace_id, kind, actor_id, content_id, "
             "subject_id, data, dedupe_key, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
             "?, ?, ?) "
             "ON CONFLICT (dedupe_key) DO NOTHING",
             {n.id, n.user_id, n.workspace_id, n.kind, Nullable(n.actor_id), Nullable(n.content_id),
              Nullable(n.subject_id), n.data_json, Nullable(dedupe_key), n.created_at,
              Nullable(n.read_at)});
}

std::vector<NotificationRecord> ListNotifications(Tx& tx, const NotificationQuery& q) {
  std::vector<Value> params;
  std::string sql =
      "SELECT n.id, n.user_id, n.workspace_id, n.kind, n.actor_id, n.content_id, n.subject_id, "
      "n.data, n.created_at, n.read_at, COALESCE(u.name, ''), COALESCE(c.title, '')" +
      NotificationScope(q, params);
  if (q.after_read && q.after_time && q.after_id) {
    // Unread (0) before read (1), then newest first: continue after the last row seen.
    const std::int64_t r = *q.after_read ? 1 : 0;
    sql +=
        " AND ((n.read_at IS NOT NULL) > ? OR ((n.read_at IS NOT NULL) = ? AND "
        "(n.created_at < ? OR (n.created_at = ? AND n.id < ?))))";
    params.insert(params.end(), {r, r, *q.after_time, *q.after_time, *q.after_id});
  }
  sql += " ORDER BY n.read_at IS NOT NULL, n.created_at DESC, n.id DESC LIMIT ?";
  params.emplace_back(std::int64_t{q.limit});
  return tx.Rows(sql, params, [](const Row& r) {
    NotificationRecord n;
    n.id = r.Text(0);
    n.user_id = r.Text(1);
    n.workspace_id = r.Text(2);
    n.kind = r.Text(3);
    n.actor_id = r.OptText(4);
    n.content_id = r.OptText(5);
    n.subject_id = r.OptText(6);
    n.data_json = r.Text(7);
    n.created_at = r.Int(8);
    n.read_at = r.OptInt(9);
    n.actor_name = r.Text(10);
    n.content_title = r.Text(11);
    return n;
  });
}

std::int64_t CountUnreadNotifications(Tx& tx, const NotificationQuery& q) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT COUNT(*)" + NotificationScope(q, params) + " AND n.read_at IS NULL";
  auto rows = tx.Rows(sql, params, [](const Row& r) { return r.Int(0); });
  return rows.empty() ? 0 : rows.front();
}

bool NotificationKeyUsed(Tx& tx, const std::string& dedupe_key) {
  return tx.Scalar("SELECT COUNT(*) FROM notifications WHERE dedupe_key = ?", {dedupe_key}) > 0;
}

bool MarkNotificationRead(Tx& tx, const std::string& user_id, const std::string& id, TimeMs now) {
  if (tx.Scalar("SELECT COUNT(*) FROM notifications WHERE id = ? AND user_id = ?", {id, user_id}) ==
      0)
    return false;
  tx.Exec("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
          {now, id, user_id});
  return true;
}

void MarkAllNotificationsRead(Tx& tx, const std::string& user_id, TimeMs now) {
  tx.Exec("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
          {now, user_id});
}

}  // namespace copydesk::storage
