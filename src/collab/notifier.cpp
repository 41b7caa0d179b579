#include "collab/notifier.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "collab/anchors.hpp"
#include "collab/notifications.hpp"
#include "core/log.hpp"
#include "storage/collab_store.hpp"
#include "storage/consumers_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/events_store.hpp"
#include "storage/webhooks_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using storage::ContentRecord;
using storage::LoggedEvent;
using storage::Tx;

namespace {

constexpr const char* kCursorName = "notifier";

const json::value* At(const json::object& data, const char* key) {
  return data.if_contains(key);
}

std::string StringAt(const json::object& data, const char* key) {
  const auto* v = At(data, key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t IntAt(const json::object& data, const char* key) {
  const auto* v = At(data, key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::vector<std::string> StringsAt(const json::object& data, const char* key) {
  std::vector<std::string> out;
  const auto* v = At(data, key);
  if (!v || !v->is_array()) return out;
  for (const auto& item : v->as_array())
    if (item.is_string()) out.emplace_back(item.as_string());
  return out;
}

json::object DataOf(const LoggedEvent& e) {
  std::error_code ec;
  const auto parsed = json::parse(e.data_json, ec);
  return !ec && parsed.is_object() ? parsed.as_object() : json::object{};
}

// True when the event tells someone something: its data names whom or what (the notifier's own
// notification.created and comment.anchor_removed name nothing it reads).
bool Tells(const LoggedEvent& e, const json::object& data) {
  const auto& k = e.kind;
  if (k == "content.created" || k == "content.updated") return !StringsAt(data, "assigned").empty();
  if (k == "content.status_changed") return !StringsAt(data, "asked_teams").empty();
  if (k == "approval.given") return !StringAt(data, "approval").empty();
  if (k == "approval.stale") {
    const auto* approvers = At(data, "approvers");
    return approvers && approvers->is_array() && !approvers->as_array().empty();
  }
  return false;
}

// True when the event changed a content's text, which its comments' anchors follow.
bool ChangesText(const LoggedEvent& e, const json::object& data) {
  if (e.kind == "content.restored") return true;
  if (e.kind != "content.updated") return false;
  const auto* changed = At(data, "text_changed");
  return changed && changed->is_bool() && changed->as_bool();
}

// The versions the active anchors of contents were placed on, each content read once per batch.
using AnchorVersions = std::map<std::string, std::vector<std::int64_t>>;

// True when applying the event writes something now. An anchor placed after this check is on a
// newer version than the event's and is never moved by it, so "nothing" stays true.
bool HasWork(Tx& tx, const LoggedEvent& e, AnchorVersions& anchors) {
  if (!e.subject_id) return false;
  const auto data = DataOf(e);
  if (Tells(e, data)) return true;
  if (!ChangesText(e, data)) return false;
  auto found = anchors.find(*e.subject_id);
  if (found == anchors.end()) {
    std::vector<std::int64_t> versions;
    for (const auto& c : storage::ListActiveAnchors(tx, *e.subject_id))
      versions.push_back(c.anchor_version.value_or(0));
    found = anchors.emplace(*e.subject_id, std::move(versions)).first;
  }
  const auto version = IntAt(data, "version");
  return std::any_of(found->second.begin(), found->second.end(),
                     [&](std::int64_t placed) { return placed < version; });
}

// What the people newly assigned by a create or an update are told.
void TellAssigned(Tx& tx, const LoggedEvent& e, const json::object& data,
                  const ContentRecord& content) {
  const auto assigned = StringsAt(data, "assigned");
  if (assigned.empty()) return;
  Notify(tx,
         {content.workspace_id, kind::kAssigned, e.actor_id, &content, content.id,
          json::serialize(json::object{{"target", "content"}})},
         std::set<std::string>(assigned.begin(), assigned.end()), e.created_at);
}

// The members of the teams a status asks are told their approval is awaited.
void TellApprovalRequested(Tx& tx, const LoggedEvent& e, const json::object& data,
                           const ContentRecord& content) {
  for (const auto& team_id : StringsAt(data, "asked_teams")) {
    auto team = storage::FindTeam(tx, content.workspace_id, team_id);
    if (!team) continue;
    std::set<std::string> members(team->member_ids.begin(), team->member_ids.end());
    Notify(
        tx,
        {content.workspace_id, kind::kApprovalRequested, e.actor_id, &content, StringAt(data, "to"),
         json::serialize(json::object{{"team_id", team->id},
                                      {"team_name", team->name},
                                      {"status_name", StringAt(data, "to_name")},
                                      {"revision", IntAt(data, "revision")}})},
        members, e.created_at);
  }
}

// A content's owner and assignees are told of a decision on it.
void TellDecision(Tx& tx, const LoggedEvent& e, const json::object& data,
                  const ContentRecord& content) {
  const auto approval = StringAt(data, "approval");
  if (approval.empty()) return;
  std::set<std::string> people(content.assignee_ids.begin(), content.assignee_ids.end());
  if (content.owner_id) people.insert(*content.owner_id);
  Notify(tx,
         {content.workspace_id, kind::kDecision, e.actor_id, &content, approval,
          json::serialize(json::object{{"team_name", StringAt(data, "team_name")},
                                       {"decision", StringAt(data, "decision")},
                                       {"revision", IntAt(data, "revision")}})},
         people, e.created_at);
}

// Each approver whose approvals no longer hold is told, with the names of their teams.
void TellApprovalsStale(Tx& tx, const LoggedEvent& e, const json::object& data,
                        const ContentRecord& content) {
  const auto* approvers = At(data, "approvers");
  if (!approvers || !approvers->is_array()) return;
  for (const auto& item : approvers->as_array()) {
    if (!item.is_object()) continue;
    const auto approver = StringAt(item.as_object(), "user_id");
    if (approver.empty()) continue;
    std::string teams;
    for (const auto& name : StringsAt(item.as_object(), "team_names")) {
      if (name.empty()) continue;
      if (!teams.empty()) teams += ", ";
      teams += name;
    }
    Notify(tx,
           {content.workspace_id, kind::kApprovalStale, e.actor_id, &content, content.id,
            json::serialize(
                json::object{{"revision", IntAt(data, "revision")}, {"team_name", teams}})},
           {approver}, e.created_at);
  }
}

// A content's title and fields (as JSON text) at one version, from its kept snapshot.
struct TextAt {
  std::string title;
  std::string fields_json;
};

std::optional<TextAt> TextOfVersion(Tx& tx, const std::string& content_id, std::int64_t version) {
  const auto stored = storage::FindVersionSnapshot(tx, content_id, version);
  if (!stored) return std::nullopt;
  std::error_code ec;
  const auto v = json::parse(*stored, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  TextAt text;
  text.title = StringAt(o, "title");
  const auto* fields = o.if_contains("fields");
  text.fields_json = fields && fields->is_object() ? json::serialize(*fields) : "{}";
  return text;
}

// After the text change of `e` (which made version `version`, revision `revision`), moves each
// active anchor placed on an older version to where its passage now is, or marks it "removed"
// (the comment stays listed). An anchor placed on this version or a later one already refers to
// this text or a newer one: it is left alone, however late this event is applied.
void FollowAnchors(Tx& tx, const LoggedEvent& e, const json::object& data) {
  const std::string& content_id = *e.subject_id;
  auto anchors = storage::ListActiveAnchors(tx, content_id);
  std::int64_t version = IntAt(data, "version");
  // Most edits: no anchored comment, or only ones placed since on a newer text.
  if (std::none_of(anchors.begin(), anchors.end(), [&](const storage::CommentRecord& c) {
        return c.anchor_version.value_or(0) < version;
      }))
    return;
  auto now_text = TextOfVersion(tx, content_id, version);
  if (!now_text) {
    // Pruned since (hundreds of versions later): the current text is where the anchors go.
    const auto content = storage::FindContent(tx, content_id);
    if (!content) return;
    now_text = TextAt{content->title, content->fields_json};
    version = content->version;
  }
  const std::int64_t revision = IntAt(data, "revision");
  for (auto& comment : anchors) {
    const std::int64_t from = comment.anchor_version.value_or(0);
    if (from >= version) continue;
    const auto after = FieldText(now_text->title, now_text->fields_json, *comment.anchor_field);
    const auto then = TextOfVersion(tx, content_id, from);
    const auto before =
        then ? FieldText(then->title, then->fields_json, *comment.anchor_field) : std::nullopt;
    comment.anchor_version = version;
    if (then && before == after) {
      storage::UpdateComment(tx, comment);  // its field did not change: only the version
      continue;
    }
    const std::string new_text = after.value_or("");
    // The text it was placed in no longer kept: the occurrence nearest its offset wins.
    const std::string old_text = then ? before.value_or("") : new_text;
    const auto moved = RelocateQuote(old_text, new_text, comment.anchor_quote.value_or(""),
                                     comment.anchor_offset.value_or(0));
    comment.anchor_revision = revision;
    if (moved) {
      comment.anchor_offset = *moved;
    } else {
      comment.anchor_state = "removed";
      // The passage is gone: the comment stays, said to be on removed text.
      storage::AppendEvent(
          tx, e.workspace_id, e.actor_id, "comment.anchor_removed", content_id,
          json::serialize(json::object{
              {"comment", comment.id}, {"field", *comment.anchor_field}, {"revision", revision}}),
          e.created_at);
    }
    storage::UpdateComment(tx, comment);
  }
}

void Apply(Tx& tx, const LoggedEvent& e) {
  if (!e.subject_id) return;
  const auto data = DataOf(e);
  if (ChangesText(e, data)) FollowAnchors(tx, e, data);
  if (!Tells(e, data)) return;
  // Told about the content as it is now: who may read it now is who may be told.
  const auto content = storage::FindContent(tx, *e.subject_id);
  if (!content) return;  // deleted for good since: nothing left to tell about
  const auto& k = e.kind;
  if (k == "content.created" || k == "content.updated") {
    TellAssigned(tx, e, data, *content);
  } else if (k == "content.status_changed") {
    TellApprovalRequested(tx, e, data, *content);
  } else if (k == "approval.given") {
    TellDecision(tx, e, data, *content);
  } else if (k == "approval.stale") {
    TellApprovalsStale(tx, e, data, *content);
  }
}

}  // namespace

Notifier::Notifier(storage::Database& db) : db_(db) {}

Notifier::~Notifier() {
  Stop();
}

std::int64_t Notifier::LastAppliedSeq() {
  std::lock_guard lock(mutex_);
  if (!applied_)
    applied_ = db_.Read([](Tx& tx) { return storage::ConsumerCursor(tx, kCursorName); });
  return *applied_;
}

std::int64_t Notifier::CatchUp(int max_events) {
  std::lock_guard lock(mutex_);
  if (!applied_)
    applied_ = db_.Read([](Tx& tx) { return storage::ConsumerCursor(tx, kCursorName); });
  // Looked at in a read first: events that derive nothing (most edits: no one newly assigned,
  // no anchored comment) do not take the writer.
  std::int64_t last = 0;
  const bool work = db_.Read([&](Tx& tx) {
    const auto pending = storage::EventsAfter(tx, *applied_, max_events);
    if (pending.empty()) return false;
    last = pending.back().seq;
    AnchorVersions anchors;
    return std::any_of(pending.begin(), pending.end(),
                       [&](const LoggedEvent& e) { return HasWork(tx, e, anchors); });
  });
  if (last == 0) return 0;
  if (!work) {
    const auto looked_at = last - *applied_;
    applied_ = last;
    return looked_at;
  }
  auto done = db_.Write([&](Tx& tx) -> Result<std::int64_t> {
    // Read again in the writer: the stored cursor is the truth for what was told.
    const auto from = std::max(*applied_, storage::ConsumerCursor(tx, kCursorName));
    const auto events = storage::EventsAfter(tx, from, max_events);
    if (events.empty()) return from;
    for (const auto& e : events) Apply(tx, e);
    // The cursor moves in the same transaction as what was derived: both land, or neither.
    storage::SetConsumerCursor(tx, kCursorName, events.back().seq);
    return events.back().seq;
  });
  if (!done)
    throw std::runtime_error(done.error().log.empty() ? done.error().detail : done.error().log);
  const auto looked_at = *done - *applied_;
  applied_ = *done;
  return looked_at;
}

void Notifier::Flush() {
  while (CatchUp() > 0) {
  }
}

void Notifier::Start(std::chrono::milliseconds every) {
  if (thread_.joinable()) return;
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this, every] {
    std::unique_lock lk(wake_mutex_);
    while (!stopping_) {
      lk.unlock();
      try {
        // Catch up in batches, stopping between them when asked.
        for (;;) {
          if (CatchUp() == 0) break;
          std::lock_guard check(wake_mutex_);
          if (stopping_) break;
        }
      } catch (const std::exception& e) {
        // Nothing of the batch was kept: the next round applies it again.
        Log(LogLevel::kError, "notifier failed; retrying", {{"error", e.what()}});
        std::lock_guard lock(mutex_);
        applied_.reset();
      }
      lk.lock();
      wake_.wait_for(lk, every, [this] { return stopping_; });
    }
  });
}

void Notifier::Stop() {
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace copydesk::collab
