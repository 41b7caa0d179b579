#include "live/audience.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "access/standing.hpp"

namespace copydesk::live {

namespace json = boost::json;
using storage::Tx;

namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::optional<std::string> StringAt(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::optional<std::string>(std::string(v->as_string()))
                             : std::nullopt;
}

// The rights that let a member see what a workspace event is about, by the event's kind.
std::optional<auth::Action> RightToSee(std::string_view kind) {
  if (StartsWith(kind, "workspace.")) return auth::Action::kReadWorkspace;
  if (StartsWith(kind, "member.")) return auth::Action::kListMembers;
  if (StartsWith(kind, "team.")) return auth::Action::kListTeams;
  if (StartsWith(kind, "channel.") || StartsWith(kind, "type.") || StartsWith(kind, "project.") ||
      StartsWith(kind, "workflow.")) {
    return auth::Action::kReadSettings;
  }
  // A content deleted for good: its id, to those who could read contents (the text is gone).
  if (kind == "content.purged") return auth::Action::kReadContent;
  return std::nullopt;
}

}  // namespace

Audience AudienceOf(Tx& tx, const storage::OutboxEvent& e) {
  Audience a;
  json::object message{{"type", "event"}, {"seq", e.seq}, {"kind", e.kind}};
  std::error_code ec;
  json::value parsed = json::parse(e.data_json, ec);
  const json::object data = !ec && parsed.is_object() ? parsed.as_object() : json::object{};

  if (e.kind == "notification.created") {
    a.rule = Audience::Rule::kPerson;
    a.person = StringAt(data, "user_id").value_or("");
    if (e.subject_id) message["notification_id"] = *e.subject_id;
    if (auto ws = StringAt(data, "workspace_id")) message["workspace_id"] = *ws;
    if (auto content = StringAt(data, "content_id")) message["content_id"] = *content;
  } else if (StartsWith(e.kind, "notification.")) {
    // Read marks: the reader's other tabs follow.
    a.rule = Audience::Rule::kPerson;
    a.person = e.actor_id.value_or("");
    if (e.subject_id) message["notification_id"] = *e.subject_id;
  } else if (e.workspace_id) {
    a.workspace_id = *e.workspace_id;
    message["workspace_id"] = *e.workspace_id;
    if (e.actor_id) message["actor_id"] = *e.actor_id;
    if (e.subject_id && e.kind != "content.purged") {
      auto content = storage::FindContent(tx, *e.subject_id);
      if (content && content->workspace_id == *e.workspace_id) a.content = std::move(content);
    }
    if (a.content) {
      a.rule = Audience::Rule::kContentReaders;
      message["content_id"] = a.content->id;
      if (auto comment = StringAt(data, "comment")) {
        message["comment_id"] = *comment;
        // An internal comment (or a reply in an internal thread) is no guest's news.
        a.staff_only = access::InInternalThread(tx, *comment);
      }
      if (auto task = StringAt(data, "task")) message["task_id"] = *task;
    } else if (StartsWith(e.kind, "task.") || StartsWith(e.kind, "task_list.")) {
      // A task on no content (or one since deleted), or a reusable task list.
      a.rule = Audience::Rule::kWorkspaceTasks;
      if (auto task = StringAt(data, "task")) message["task_id"] = *task;
      if (e.subject_id) message["subject_id"] = *e.subject_id;
    } else if (StartsWith(e.kind, "view.")) {
      a.rule = Audience::Rule::kPerson;
      a.person = e.actor_id.value_or("");
      if (e.subject_id) message["subject_id"] = *e.subject_id;
    } else if (auto right = RightToSee(e.kind)) {
      a.rule = Audience::Rule::kWorkspaceRight;
      a.right = *right;
      if (StartsWith(e.kind, "member.")) a.member = e.subject_id;
      if (e.subject_id) {
        message[e.kind == "content.purged" ? "content_id" : "subject_id"] = *e.subject_id;
      }
    }
  }
  if (a.rule != Audience::Rule::kNobody) a.message = json::serialize(message);
  return a;
}

bool Audience::Tells(Tx& tx, const std::string& user_id) const {
  switch (rule) {
    case Rule::kNobody:
      return false;
    case Rule::kPerson:
      return person == user_id;
    case Rule::kContentReaders:
      return access::May(tx, user_id, *content, auth::Action::kReadContent) &&
             (!staff_only || access::SeesInternal(tx, user_id, workspace_id));
    case Rule::kWorkspaceTasks:
      return access::MayReadWorkspaceTasks(tx, user_id, workspace_id);
    case Rule::kWorkspaceRight:
      return (member && *member == user_id) ||
             auth::Can(access::RoleIn(tx, workspace_id, user_id), right);
  }
  return false;
}

}  // namespace copydesk::live
