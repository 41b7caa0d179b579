#include "content/contents.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "access/standing.hpp"
#include "content/field_checks.hpp"
#include "content/internal.hpp"
#include "content/loading.hpp"
#include "content/merge.hpp"
#include "content/snapshot.hpp"
#include "content/variants.hpp"
#include "core/random.hpp"
#include "storage/events_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::content {

namespace json = boost::json;
using auth::Action;
using internal::CheckInput;
using internal::CheckNotLocked;
using internal::Load;
using internal::Loaded;
using internal::ParseObject;
using internal::Proposal;
using internal::Propose;
using internal::Snapshot;
using internal::StringArray;
using internal::Strings;
using internal::ViewOf;
using storage::ContentRecord;
using storage::Tx;
using workspace::FieldDef;

namespace {

// The people a write newly assigns to a content, for the notifier to tell them.
json::array NewlyAssigned(const ContentRecord& c, const std::vector<std::string>& before) {
  json::array out;
  std::set<std::string> seen;
  for (const auto& user : c.assignee_ids) {
    if (std::find(before.begin(), before.end(), user) == before.end() && seen.insert(user).second)
      out.push_back(json::string(user));
  }
  return out;
}

// ---- writing ----------------------------------------------------------------------------------

// Applies new text (title and fields) to a content: refines the actor's working revision when it
// is theirs, recent and unsealed, otherwise seals it and opens the next one. False when the text
// did not change (same hash): no revision is touched.
bool ApplyText(Tx& tx, ContentRecord& c, const std::string& actor_id, const std::string& title,
               const json::object& fields, const json::object& variants, const std::string& reason,
               TimeMs now, std::optional<std::int64_t> restored_from = std::nullopt) {
  const json::object sorted = SortedObject(fields);
  const std::string variants_json = json::serialize(internal::NormalizedVariants(variants));
  auto latest = storage::FindRevision(tx, c.id, c.revision);
  // The files go on with the text: the new hash covers them as the old one did.
  const std::string attachments = latest ? latest->attachments_json : "[]";
  const std::string hash = ContentHash(title, sorted, attachments, variants_json);
  if (hash == c.content_hash) return false;
  c.title = title;
  c.fields_json = json::serialize(sorted);
  c.variants_json = variants_json;
  c.content_hash = hash;
  const bool refine = latest && !latest->sealed && latest->author_id == actor_id &&
                      now - latest->started_at < kRevisionWindowMs && !latest->label &&
                      reason != "restore";
  if (refine) {
    latest->title = c.title;
    latest->fields_json = c.fields_json;
    latest->variants_json = c.variants_json;
    latest->content_hash = hash;
    latest->saved_at = now;
    latest->saves += 1;
    if (reason == "merge" && latest->reason == "edit") latest->reason = "merge";
    storage::UpdateWorkingRevision(tx, *latest);
    return true;
  }
  if (latest && !latest->sealed) storage::SealRevision(tx, c.id, latest->number);
  storage::RevisionRecord next;
  next.content_id = c.id;
  next.number = c.revision + 1;
  next.title = c.title;
  next.fields_json = c.fields_json;
  next.variants_json = c.variants_json;
  next.content_hash = hash;
  next.attachments_json = attachments;
  next.author_id = actor_id;
  next.reason = reason;
  next.restored_from = restored_from;
  next.started_at = now;
  next.saved_at = now;
  // A restore is a deliberate point in history: the next edit starts a new revision.
  next.sealed = reason == "restore";
  storage::InsertRevision(tx, next);
  c.revision = next.number;
  return true;
}

// Records a change: bumps the version, saves the row and relations, keeps the version's state
// for later merges, and writes the event, all in the caller's transaction.
void Commit(Tx& tx, ContentRecord& c, const std::string& actor_id, const std::string& kind,
            json::object data, TimeMs now, bool relations_changed) {
  c.version += 1;
  c.updated_at = now;
  storage::UpdateContentRow(tx, c);
  if (relations_changed) {
    storage::SetContentChannels(tx, c.id, c.channel_ids);
    storage::SetContentTags(tx, c);
    storage::SetContentAssignees(tx, c.id, c.assignee_ids);
  }
  storage::InsertVersionSnapshot(tx, c.id, c.version, json::serialize(Snapshot(c)));
  if (c.version > kVersionsKept)
    storage::PruneVersionSnapshots(tx, c.id, c.version - kVersionsKept);
  data["version"] = c.version;
  data["revision"] = c.revision;
  storage::AppendEvent(tx, c.workspace_id, actor_id, kind, c.id, json::serialize(data), now);
}

std::optional<std::string> OptString(const json::value& v) {
  return v.is_string() ? std::optional<std::string>(std::string(v.as_string())) : std::nullopt;
}

std::optional<TimeMs> OptTime(const json::value& v) {
  return v.is_int64() ? std::optional<TimeMs>(v.as_int64()) : std::nullopt;
}

}  // namespace

// When the text changes, approvals that held for the old text go stale: say so in the activity,
// with who had given them. The notifier tells each approver which of their teams' approvals no
// longer hold (one person may have approved for several teams, and the sentence names them):
// the approvals at the old text cannot be told apart afterwards, so the event names them.
void internal::RecordStaleApprovals(Tx& tx, const ContentRecord& c, const std::string& old_hash,
                                    const std::string& actor_id, TimeMs now) {
  const auto approvals = storage::ListApprovals(tx, c.id);
  json::array teams;
  std::map<std::string, json::array> teams_of_approver;
  for (const auto& [team, approval] : LatestByTeam(approvals, old_hash)) {
    if (approval->decision != "approved") continue;
    teams.push_back(json::string(team));
    if (!approval->user_id) continue;
    auto found = storage::FindTeam(tx, c.workspace_id, team);
    teams_of_approver[*approval->user_id].push_back(
        json::string(found ? found->name : std::string()));
  }
  if (teams.empty()) return;
  json::array approvers;
  for (auto& [user, names] : teams_of_approver)
    approvers.push_back(json::object{{"user_id", user}, {"team_names", std::move(names)}});
  storage::AppendEvent(tx, c.workspace_id, actor_id, "approval.stale", c.id,
                       json::serialize(json::object{{"teams", std::move(teams)},
                                                    {"revision", c.revision},
                                                    {"approvers", std::move(approvers)}}),
                       now);
}

// ---- commands ---------------------------------------------------------------------------------

Result<ContentView> CreateContent(Tx& tx, const auth::Actor& actor, const std::string& ws,
                                  ContentInput in, TimeMs now) {
  if (!in.type) return Error::InvalidField("type", "is required");
  if (!in.title) return Error::InvalidField("title", "is required");
  {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kCreateContent);
    if (!access) return std::move(access).error();
    const auto& workspace = access->workspace;
    auto type = storage::FindContentType(tx, workspace.id, *in.type);
    if (!type) return Error::InvalidField("type", "is not a content type of this workspace");
    auto defs = workspace::FieldDefsFromJson(type->fields_json);
    if (auto checked = CheckInput(tx, workspace.id, defs, in); !checked)
      return std::move(checked).error();
    ContentRecord c;
    c.id = NewId();
    c.workspace_id = workspace.id;
    c.type_id = type->id;
    c.language = in.language.value_or(workspace.language);
    c.project_id = in.project.value_or(std::nullopt);
    c.owner_id = in.owner.value_or(std::optional<std::string>(actor.user.id));
    c.due_at = in.due_at.value_or(std::nullopt);
    c.publish_at = in.publish_at.value_or(std::nullopt);
    c.channel_ids = in.channels.value_or(std::vector<std::string>{});
    c.tags = in.tags.value_or(std::vector<std::string>{});
    c.assignee_ids = in.assignees.value_or(std::vector<std::string>{});
    const auto statuses = storage::ListStatuses(tx, workspace.id);
    if (!statuses.empty()) c.status_id = statuses.front().id;
    c.created_by = actor.user.id;
    c.created_at = now;
    c.updated_at = now;
    c.version = 0;
    c.revision = 0;
    json::object fields;
    if (in.fields) {
      for (const auto& member : *in.fields) {
        if (!member.value().is_null()) fields[member.key()] = member.value();
      }
    }
    // Insert a row first so the revision's foreign key holds, then apply the text as revision 1.
    c.title = *in.title;
    c.fields_json = "{}";
    c.content_hash = "";
    storage::InsertContent(tx, c);
    ApplyText(tx, c, actor.user.id, *in.title, fields, {}, "created", now);
    json::object data{{"title", c.title}, {"type", type->key}};
    if (auto assigned = NewlyAssigned(c, {}); !assigned.empty())
      data["assigned"] = std::move(assigned);
    Commit(tx, c, actor.user.id, "content.created", std::move(data), now, false);
    return ViewOf(
        tx, Loaded{std::move(c), access->role, std::move(*type), std::move(defs), std::nullopt});
  }
}

Result<ContentView> Contents::Create(const auth::Actor& actor, const std::string& ws,
                                     ContentInput input) {
  return db_.Write([&](Tx& tx) { return CreateContent(tx, actor, ws, std::move(input), NowMs()); });
}

Result<ContentView> Contents::Get(const auth::Actor& actor, const std::string& id) {
  return db_.Read([&](Tx& tx) -> Result<ContentView> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    return ViewOf(tx, std::move(*loaded));
  });
}

Result<ContentView> UpdateContent(Tx& tx, const auth::Actor& actor, const std::string& id,
                                  std::int64_t base_version, ContentInput in, TimeMs now) {
  if (in.type) return Error::InvalidField("type", "cannot change after creation");
  if (base_version < 1)
    return Error::InvalidField("base_version", "must be a version of this content (1 or more)");
  {
    auto loaded = Load(tx, actor, id, Action::kEditContent);
    if (!loaded) return std::move(loaded).error();
    auto& c = loaded->content;
    if (c.archived_at)
      return Error::Conflict("This content is archived. Bring it back before editing it.");
    if (auto unlocked = CheckNotLocked(tx, c); !unlocked) return std::move(unlocked).error();
    // Who edits through a share (a guest, a link's visitor) changes the text, not how the
    // workspace files and plans it.
    if (!auth::Can(loaded->role, Action::kEditContent, access::BaseFacts(c, actor.user.id))) {
      const char* other = in.language     ? "language"
                          : in.channels   ? "channels"
                          : in.tags       ? "tags"
                          : in.assignees  ? "assignees"
                          : in.project    ? "project"
                          : in.owner      ? "owner"
                          : in.due_at     ? "due_at"
                          : in.publish_at ? "publish_at"
                                          : nullptr;
      if (other) {
        Error e = Error::Forbidden(std::string("Only the text is shared with you: ") + other +
                                   " cannot be changed.");
        e.fields = {{other, "is not shared with you"}};
        return e;
      }
    }
    // Who answers for a content is the editors' call: a contributor assigned to it (or owning
    // it) writes, but neither takes it over nor hands it on.
    if (in.owner && *in.owner != c.owner_id && !auth::Can(loaded->role, Action::kEditContent)) {
      Error e = Error::Forbidden("Only editors and above change a content's owner.");
      e.fields = {{"owner", "only editors and above change it"}};
      return e;
    }
    if (base_version > c.version) {
      return Error::Conflict("base_version " + std::to_string(base_version) +
                                 " is newer than the content (version " +
                                 std::to_string(c.version) + ").",
                             {{"base_version", "is not a version of this content"}});
    }
    if (auto checked = CheckInput(tx, c.workspace_id, loaded->fields, in); !checked)
      return std::move(checked).error();
    if (in.variants) {
      if (auto checked =
              internal::CheckVariants(tx, c, in.channels.value_or(c.channel_ids), *in.variants);
          !checked)
        return std::move(checked).error();
    }
    const json::object current = Snapshot(c);
    std::optional<json::object> base;
    if (base_version < c.version) {
      auto stored = storage::FindVersionSnapshot(tx, c.id, base_version);
      // A base too old to be kept: treat every changed property as changed on both sides.
      base = stored ? ParseObject(*stored) : json::object{{"unknown", true}};
    }
    Proposal proposal = Propose(current, base, in, loaded->fields);
    if (!proposal.conflicts.empty()) {
      Error e = Error::Conflict("Someone else changed the same text since version " +
                                std::to_string(base_version) +
                                ". Nothing was saved: choose what to keep.");
      json::object extra{{"conflicts", std::move(proposal.conflicts)},
                         {"current_version", c.version}};
      e.extra_json = json::serialize(extra);
      return e;
    }
    const json::object& next = proposal.snapshot;
    if (next == current) return ViewOf(tx, std::move(*loaded));  // a save that changes nothing
    const std::string old_hash = c.content_hash;
    const std::vector<std::string> old_assignees = c.assignee_ids;
    // A variant lives on a channel of the content: one taken off takes its variant with it.
    json::object variants;
    if (const auto* v = next.if_contains("variants"); v && v->is_object()) {
      const auto channels = Strings(next.at("channels"));
      for (const auto& member : v->as_object()) {
        if (std::find(channels.begin(), channels.end(), std::string(member.key())) !=
            channels.end())
          variants[member.key()] = member.value();
      }
    }
    const bool text_changed =
        ApplyText(tx, c, actor.user.id, std::string(next.at("title").as_string()),
                  next.at("fields").as_object(), variants, proposal.merged ? "merge" : "edit", now);
    c.language = std::string(next.at("language").as_string());
    c.channel_ids = Strings(next.at("channels"));
    c.tags = Strings(next.at("tags"));
    c.assignee_ids = Strings(next.at("assignees"));
    c.project_id = OptString(next.at("project"));
    c.owner_id = OptString(next.at("owner"));
    c.due_at = OptTime(next.at("due_at"));
    c.publish_at = OptTime(next.at("publish_at"));
    const bool relations_changed = next.at("channels") != current.at("channels") ||
                                   next.at("tags") != current.at("tags") ||
                                   next.at("assignees") != current.at("assignees");
    json::object data{{"changed", StringArray(proposal.changed)},
                      {"text_changed", text_changed},
                      {"merged", proposal.merged},
                      {"base_version", base_version}};
    if (auto assigned = NewlyAssigned(c, old_assignees); !assigned.empty())
      data["assigned"] = std::move(assigned);
    // Comments anchored to a passage follow it into the new text from this event (its version
    // names the text), moved by the notifier.
    Commit(tx, c, actor.user.id, "content.updated", std::move(data), now, relations_changed);
    if (text_changed)
      internal::RecordStaleApprovals(tx, c, old_hash, actor.user.id,
                                     now);  // after the edit it follows
    return ViewOf(tx, std::move(*loaded), proposal.merged);
  }
}

Result<ContentView> Contents::Update(const auth::Actor& actor, const std::string& id,
                                     std::int64_t base_version, ContentInput input) {
  return db_.Write([&](Tx& tx) {
    return UpdateContent(tx, actor, id, base_version, std::move(input), NowMs());
  });
}

Result<ContentView> Contents::SetArchived(const auth::Actor& actor, const std::string& id,
                                          bool archived) {
  return db_.Write([&](Tx& tx) -> Result<ContentView> {
    auto loaded = Load(tx, actor, id, Action::kArchiveContent);
    if (!loaded) return std::move(loaded).error();
    auto& c = loaded->content;
    if (c.archived_at.has_value() == archived) return ViewOf(tx, std::move(*loaded));
    const TimeMs now = NowMs();
    c.archived_at = archived ? std::optional<TimeMs>(now) : std::nullopt;
    Commit(tx, c, actor.user.id, archived ? "content.archived" : "content.unarchived", {}, now,
           false);
    return ViewOf(tx, std::move(*loaded));
  });
}

Result<void> Contents::Purge(const auth::Actor& actor, const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto loaded = Load(tx, actor, id, Action::kPurgeContent);
    if (!loaded) return std::move(loaded).error();
    if (!loaded->content.archived_at) {
      return Error::Conflict("Only an archived content can be deleted for good. Archive it first.");
    }
    storage::DeleteContent(tx, id);
    storage::AppendEvent(tx, loaded->content.workspace_id, actor.user.id, "content.purged", id,
                         json::serialize(json::object{{"title", loaded->content.title}}), NowMs());
    return {};
  });
}

Result<ContentView> Contents::Restore(const auth::Actor& actor, const std::string& id,
                                      std::int64_t number) {
  return db_.Write([&](Tx& tx) -> Result<ContentView> {
    auto loaded = Load(tx, actor, id, Action::kEditContent);
    if (!loaded) return std::move(loaded).error();
    auto& c = loaded->content;
    if (c.archived_at)
      return Error::Conflict("This content is archived. Bring it back before restoring.");
    if (auto unlocked = CheckNotLocked(tx, c); !unlocked) return std::move(unlocked).error();
    auto revision = storage::FindRevision(tx, id, number);
    if (!revision) return Error::NotFound("No such revision.");
    const TimeMs now = NowMs();
    const std::string old_hash = c.content_hash;
    if (!ApplyText(tx, c, actor.user.id, revision->title, ParseObject(revision->fields_json),
                   ParseObject(revision->variants_json), "restore", now, number)) {
      return ViewOf(tx, std::move(*loaded));  // already this text: nothing to restore
    }
    Commit(tx, c, actor.user.id, "content.restored", {{"restored_from", number}}, now, false);
    internal::RecordStaleApprovals(tx, c, old_hash, actor.user.id, now);
    return ViewOf(tx, std::move(*loaded));
  });
}

}  // namespace copydesk::content
