#include "content/contents.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "auth/access.hpp"
#include "collab/anchors.hpp"
#include "collab/notifications.hpp"
#include "content/snapshot.hpp"
#include "core/encoding.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/accounts_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::content {

namespace json = boost::json;
using auth::Action;
using storage::ContentRecord;
using storage::Tx;
using workspace::FieldDef;

namespace {

// ---- reading and access -----------------------------------------------------------------------

json::object ParseObject(std::string_view text) {
  std::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return {};
  return std::move(value.as_object());
}

struct Loaded {
  ContentRecord content;
  std::optional<auth::Role> role;  //!< none for a review link's visitor
  storage::ContentTypeRecord type;
  std::vector<FieldDef> fields;
  std::optional<auth::ShareLevel> shared;  //!< when shares were looked up and give a level
};

// Loads a content the actor may do `action` on: 404 when it does not exist or the actor may not
// read it (a content one may not see does not exist for them), 403 when they read but may not act.
Result<Loaded> Load(Tx& tx, const auth::Actor& actor, const std::string& id, Action action) {
  auto content = storage::FindContent(tx, id);
  std::optional<auth::Role> role;
  if (content) {
    if (auto stored = storage::FindRole(tx, content->workspace_id, actor.user.id)) {
      role = auth::ParseRole(*stored);
    }
  }
  auto facts = content ? auth::BaseFacts(*content, actor.user.id) : auth::ContentFacts{};
  // Shares are looked up only when the role and ownership do not already allow the action.
  if (content && !(auth::Can(role, Action::kReadContent, facts) && auth::Can(role, action, facts)))
    facts = auth::FactsFor(tx, *content, actor.user.id);
  if (!content || !auth::Can(role, Action::kReadContent, facts)) {
    return Error::NotFound("No such content.");
  }
  if (!auth::Can(role, action, facts)) return Error::Forbidden();
  auto type = storage::FindContentType(tx, content->workspace_id, content->type_id);
  if (!type) return Error::Internal("content " + id + " has no type");
  auto fields = workspace::FieldDefsFromJson(type->fields_json);
  return Loaded{std::move(*content), role, std::move(*type), std::move(fields), facts.shared};
}

// The content's own channels, when one of its fields is held to channel limits: all that
// FindViolations reads (a workspace's whole channel tree was read for every GET).
std::vector<storage::ChannelRecord> LimitingChannels(Tx& tx, const ContentRecord& c,
                                                     const std::vector<FieldDef>& defs) {
  std::vector<storage::ChannelRecord> out;
  if (std::none_of(defs.begin(), defs.end(), [](const FieldDef& d) { return d.channel_limits; }))
    return out;
  for (const auto& id : c.channel_ids) {
    if (auto channel = storage::FindChannel(tx, c.workspace_id, id))
      out.push_back(std::move(*channel));
  }
  return out;
}

ContentView ViewOf(Tx& tx, Loaded loaded, bool merged = false) {
  const auto channels = LimitingChannels(tx, loaded.content, loaded.fields);
  const auto statuses = storage::ListStatuses(tx, loaded.content.workspace_id);
  ContentView view;
  view.content = std::move(loaded.content);
  view.type = std::move(loaded.type);
  view.fields = std::move(loaded.fields);
  view.merged = merged;
  view.shared = loaded.shared;
  view.violations = FindViolations(view.content, view.fields, channels);
  if (const auto* status = StatusOf(statuses, view.content.status_id)) view.status = *status;
  view.approvals = SummarizeInTx(tx, view.content, statuses);
  return view;
}

// Edits of a locked content are refused with who locked it and why.
Result<void> CheckNotLocked(Tx& tx, const ContentRecord& c) {
  if (!c.locked_by) return {};
  auto who = storage::FindUserById(tx, *c.locked_by);
  const std::string name = who ? who->name : "someone";
  Error e{ErrorKind::kLocked, "Locked by " + name + ": " + c.locked_reason.value_or("") + "."};
  json::object extra{{"locked_by", {{"id", *c.locked_by}, {"name", name}}},
                     {"reason", c.locked_reason.value_or("")}};
  e.extra_json = json::serialize(extra);
  return e;
}

// When the text changes, approvals that held for the old text go stale: say so in the activity.
void RecordStaleApprovals(Tx& tx, const ContentRecord& c, const std::string& old_hash,
                          const std::string& actor_id, TimeMs now) {
  const auto approvals = storage::ListApprovals(tx, c.id);
  json::array teams;
  for (const auto& [team, approval] : LatestByTeam(approvals, old_hash)) {
    if (approval->decision == "approved") teams.push_back(json::string(team));
  }
  if (teams.empty()) return;
  storage::AppendEvent(
      tx, c.workspace_id, actor_id, "approval.stale", c.id,
      json::serialize(json::object{{"teams", std::move(teams)}, {"revision", c.revision}}), now);
  // Each approver is told which of their teams' approvals no longer hold: one person may have
  // approved for several teams, and the sentence names them.
  std::map<std::string, std::vector<std::string>> teams_of_approver;
  for (const auto& [team, approval] : LatestByTeam(approvals, old_hash)) {
    if (approval->decision != "approved" || !approval->user_id) continue;
    auto found = storage::FindTeam(tx, c.workspace_id, team);
    teams_of_approver[*approval->user_id].push_back(found ? found->name : std::string());
  }
  collab::NotifyApprovalsStale(tx, c, teams_of_approver, actor_id, now);
}

// The state a write is compared with: what three-way merges are made of.
json::object Snapshot(const ContentRecord& c) {
  auto strings = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    json::array out;
    for (auto& s : v) out.push_back(json::string(s));
    return out;
  };
  auto optional = [](const auto& v) { return v ? json::value(*v) : json::value(nullptr); };
  std::vector<std::string> tag_keys;
  for (const auto& t : c.tags) tag_keys.push_back(t);
  return {{"title", c.title},
          {"fields", ParseObject(c.fields_json)},
          {"language", c.language},
          {"channels", strings(c.channel_ids)},
          {"tags", strings(tag_keys)},
          {"assignees", strings(c.assignee_ids)},
          {"project", optional(c.project_id)},
          {"owner", optional(c.owner_id)},
          {"due_at", optional(c.due_at)},
          {"publish_at", optional(c.publish_at)}};
}

// ---- validating input -------------------------------------------------------------------------

// Checks a content input against the workspace: every field known to the type and of its kind,
// every id of this workspace. Refused input names the field; nothing is written.
Result<void> CheckInput(Tx& tx, const std::string& workspace_id, const std::vector<FieldDef>& defs,
                        ContentInput& in) {
  std::vector<FieldError> faults;
  if (in.title) {
    if (Trim(*in.title).empty())
      faults.push_back({"title", "must not be empty"});
    else if (CountCharacters(*in.title) > 2000)
      faults.push_back({"title", "must be at most 2000 characters"});
    else
      in.title = std::string(Trim(*in.title));
    if (in.title->find('\n') != std::string::npos) faults.push_back({"title", "must be one line"});
  }
  if (in.language) {
    if (auto why = auth::CheckLanguage(*in.language)) faults.push_back({"language", *why});
  }
  if (in.fields) {
    for (const auto& member : *in.fields) {
      const std::string key(member.key());
      const auto def =
          std::find_if(defs.begin(), defs.end(), [&](const FieldDef& d) { return d.key == key; });
      if (def == defs.end()) {
        faults.push_back({"fields." + key, "is not a field of this content type"});
        continue;
      }
      if (member.value().is_null()) continue;  // clears the field
      if (member.value().is_string() && member.value().as_string().size() > kMaxFieldBytes) {
        Error e{
            ErrorKind::kPayloadTooLarge,
            "The field " + key + " is larger than " + std::to_string(kMaxFieldBytes) + " bytes.",
            {{"fields." + key, "is too large"}}};
        return e;
      }
      if (auto why = workspace::CheckFieldValue(*def, member.value())) {
        faults.push_back({"fields." + key, *why});
      }
    }
  }
  auto check_ids = [&](const char* name, std::optional<std::vector<std::string>>& ids,
                       auto exists) {
    if (!ids) return;
    std::vector<std::string> unique;
    for (std::size_t i = 0; i < ids->size(); ++i) {
      if (!exists((*ids)[i])) {
        faults.push_back(
            {std::string(name) + "[" + std::to_string(i) + "]", "is not known in this workspace"});
      } else if (std::find(unique.begin(), unique.end(), (*ids)[i]) == unique.end()) {
        unique.push_back((*ids)[i]);
      }
    }
    ids = std::move(unique);
  };
  auto is_member = [&](const std::string& user_id) {
    auto role = storage::FindRole(tx, workspace_id, user_id);
    return role && *role != "guest";
  };
  check_ids("channels", in.channels, [&](const std::string& id) {
    return storage::FindChannel(tx, workspace_id, id).has_value();
  });
  check_ids("assignees", in.assignees, is_member);
  if (in.tags) {
    if (in.tags->size() > 50) faults.push_back({"tags", "has more than 50 tags"});
    std::vector<std::string> unique;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < in.tags->size(); ++i) {
      const std::string tag(Trim((*in.tags)[i]));
      if (tag.empty() || CountCharacters(tag) > 60) {
        faults.push_back({"tags[" + std::to_string(i) + "]", "must be 1 to 60 characters"});
      } else if (auto why = CheckNameCharacters(tag)) {
        faults.push_back({"tags[" + std::to_string(i) + "]", *why});
      } else if (keys.insert(FoldForMatch(tag)).second) {
        unique.push_back(tag);
      }
    }
    in.tags = std::move(unique);
  }
  if (in.project && *in.project && !storage::FindProject(tx, workspace_id, **in.project)) {
    faults.push_back({"project", "is not a project of this workspace"});
  }
  if (in.owner && *in.owner && !is_member(**in.owner)) {
    faults.push_back({"owner", "is not a member of this workspace"});
  }
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return {};
}

// ---- writing ----------------------------------------------------------------------------------

// Applies new text (title and fields) to a content: refines the actor's working revision when it
// is theirs, recent and unsealed, otherwise seals it and opens the next one. False when the text
// did not change (same hash): no revision is touched.
bool ApplyText(Tx& tx, ContentRecord& c, const std::string& actor_id, const std::string& title,
               const json::object& fields, const std::string& reason, TimeMs now,
               std::optional<std::int64_t> restored_from = std::nullopt) {
  const json::object sorted = SortedObject(fields);
  const std::string hash = ContentHash(title, sorted);
  if (hash == c.content_hash) return false;
  c.title = title;
  c.fields_json = json::serialize(sorted);
  c.content_hash = hash;
  auto latest = storage::FindRevision(tx, c.id, c.revision);
  const bool refine = latest && !latest->sealed && latest->author_id == actor_id &&
                      now - latest->started_at < kRevisionWindowMs && !latest->label &&
                      reason != "restore";
  if (refine) {
    latest->title = c.title;
    latest->fields_json = c.fields_json;
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
  next.content_hash = hash;
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

json::array StringArray(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.push_back(json::string(s));
  return out;
}

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& s : v.as_array()) {
      if (s.is_string()) out.emplace_back(s.as_string());
    }
  }
  return out;
}

template <class T>
json::value OptionalJson(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// Three-way merge of two sets: what the proposal added or removed since its base, applied to
// the current set.
std::vector<std::string> MergeSets(const std::vector<std::string>& base,
                                   const std::vector<std::string>& current,
                                   const std::vector<std::string>& proposed, bool fold) {
  auto key = [fold](const std::string& s) { return fold ? FoldForMatch(s) : s; };
  std::set<std::string> base_keys, proposed_keys;
  for (const auto& s : base) base_keys.insert(key(s));
  for (const auto& s : proposed) proposed_keys.insert(key(s));
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& s : current) {
    const bool removed = base_keys.contains(key(s)) && !proposed_keys.contains(key(s));
    if (!removed && seen.insert(key(s)).second) out.push_back(s);
  }
  for (const auto& s : proposed) {
    if (!base_keys.contains(key(s)) && seen.insert(key(s)).second) out.push_back(s);
  }
  return out;
}

// How a property combines both sides of a write made on a stale base.
enum class MergeKind {
  kScalar,     // equal or conflicting
  kText,       // paragraph-level three-way merge
  kSet,        // additions and removals of each side
  kFoldedSet,  // the same, comparing without case or accents (tags)
};

struct Proposal {
  json::object snapshot;  // the state the write asks for, on top of the current one
  json::array conflicts;  // properties changed on both sides in incompatible ways
  bool merged = false;    // some property combined both sides
  std::vector<std::string> changed;
};

// Builds the state a write proposes. With a stale base, each property it sets is merged with
// what happened since: untouched since base → taken; text → paragraph merge; sets → set merge.
Proposal Propose(const json::object& current, const std::optional<json::object>& base,
                 const ContentInput& in, const std::vector<FieldDef>& defs) {
  // A write on a stale base is combined with what happened since: the answer says so even when
  // no single property needed combining (the writer changed one field, someone else another).
  // Versions that changed nothing writes are merged on (a status move, a lock, often the
  // writer's own click while their save was pending) leave nothing to combine: not a merge.
  Proposal p{current, {}, base.has_value() && *base != current, {}};
  auto settle = [&](const std::string& name, const json::value* base_value, const json::value& cur,
                    json::value wanted, MergeKind kind) -> json::value {
    if (wanted == cur) return cur;
    const json::value b = base_value ? *base_value : json::value(nullptr);
    if (!base || b == cur) {
      p.changed.push_back(name);
      return wanted;
    }
    if (wanted == b) return cur;  // the writer did not change it; keep what others did
    if (kind == MergeKind::kText && (b.is_string() || b.is_null()) && cur.is_string() &&
        wanted.is_string()) {
      const std::string bs = b.is_string() ? std::string(b.as_string()) : std::string();
      if (auto merged =
              MergeText(bs, std::string(wanted.as_string()), std::string(cur.as_string()))) {
        p.merged = true;
        p.changed.push_back(name);
        return json::string(*merged);
      }
    }
    if (kind == MergeKind::kSet || kind == MergeKind::kFoldedSet) {
      p.merged = true;
      p.changed.push_back(name);
      return StringArray(
          MergeSets(Strings(b), Strings(cur), Strings(wanted), kind == MergeKind::kFoldedSet));
    }
    p.conflicts.push_back({{"field", name}, {"base", b}, {"current", cur}, {"proposed", wanted}});
    return cur;
  };
  auto base_of = [&](const char* key) -> const json::value* {
    return base ? base->if_contains(key) : nullptr;
  };
  auto& snap = p.snapshot;
  if (in.title)
    snap["title"] = settle("title", base_of("title"), current.at("title"), json::string(*in.title),
                           MergeKind::kText);
  if (in.language)
    snap["language"] = settle("language", base_of("language"), current.at("language"),
                              json::string(*in.language), MergeKind::kScalar);
  if (in.fields) {
    json::object fields = current.at("fields").as_object();
    const json::object* base_fields =
        base && base->if_contains("fields") ? &base->at("fields").as_object() : nullptr;
    for (const auto& member : *in.fields) {
      const std::string key(member.key());
      const auto def =
          std::find_if(defs.begin(), defs.end(), [&](const FieldDef& d) { return d.key == key; });
      const bool text = def != defs.end() && workspace::IsTextKind(def->kind);
      const json::value* b = base_fields ? base_fields->if_contains(key) : nullptr;
      const json::value* c = fields.if_contains(key);
      json::value result = settle("fields." + key, b, c ? *c : json::value(nullptr), member.value(),
                                  text ? MergeKind::kText : MergeKind::kScalar);
      if (result.is_null())
        fields.erase(key);
      else
        fields[key] = std::move(result);
    }
    snap["fields"] = std::move(fields);
  }
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return StringArray(v);
  };
  if (in.channels)
    snap["channels"] = settle("channels", base_of("channels"), current.at("channels"),
                              sorted(*in.channels), MergeKind::kSet);
  if (in.tags)
    snap["tags"] = settle("tags", base_of("tags"), current.at("tags"), sorted(*in.tags),
                          MergeKind::kFoldedSet);
  if (in.assignees)
    snap["assignees"] = settle("assignees", base_of("assignees"), current.at("assignees"),
                               sorted(*in.assignees), MergeKind::kSet);
  if (in.project)
    snap["project"] = settle("project", base_of("project"), current.at("project"),
                             OptionalJson(*in.project), MergeKind::kScalar);
  if (in.owner)
    snap["owner"] = settle("owner", base_of("owner"), current.at("owner"), OptionalJson(*in.owner),
                           MergeKind::kScalar);
  if (in.due_at)
    snap["due_at"] = settle("due_at", base_of("due_at"), current.at("due_at"),
                            OptionalJson(*in.due_at), MergeKind::kScalar);
  if (in.publish_at)
    snap["publish_at"] = settle("publish_at", base_of("publish_at"), current.at("publish_at"),
                                OptionalJson(*in.publish_at), MergeKind::kScalar);
  return p;
}

std::optional<std::string> OptString(const json::value& v) {
  return v.is_string() ? std::optional<std::string>(std::string(v.as_string())) : std::nullopt;
}

std::optional<TimeMs> OptTime(const json::value& v) {
  return v.is_int64() ? std::optional<TimeMs>(v.as_int64()) : std::nullopt;
}

// ---- list cursors -----------------------------------------------------------------------------

std::string EncodeCursor(const std::string& sort, bool descending, const storage::Value& value,
                         const std::string& id) {
  json::object o{{"s", sort}, {"d", descending}, {"i", id}};
  if (const auto* n = std::get_if<std::int64_t>(&value))
    o["v"] = *n;
  else if (const auto* s = std::get_if<std::string>(&value))
    o["v"] = *s;
  else
    o["v"] = nullptr;
  return EncodeBase64Url(json::serialize(o));
}

}  // namespace

// ---- violations -------------------------------------------------------------------------------

std::vector<Violation> FindViolations(const ContentRecord& content,
                                      const std::vector<FieldDef>& defs,
                                      const std::vector<storage::ChannelRecord>& channels) {
  std::vector<Violation> out;
  const auto title_chars = static_cast<std::int64_t>(CountCharacters(content.title));
  if (title_chars > kTitleLimit)
    out.push_back({"title", "max_length", kTitleLimit, title_chars, std::nullopt});
  const json::object fields = ParseObject(content.fields_json);
  for (const auto& def : defs) {
    const json::value* v = fields.if_contains(def.key);
    const bool empty = !v || v->is_null() ||
                       (v->is_string() && Trim(std::string_view(v->as_string())).empty()) ||
                       (v->is_array() && v->as_array().empty());
    if (def.required && empty) out.push_back({def.key, "required", 0, 0, std::nullopt});
    if (!v || !v->is_string()) continue;
    const auto chars = static_cast<std::int64_t>(CountCharacters(std::string_view(v->as_string())));
    if (def.max_length && chars > *def.max_length) {
      out.push_back({def.key, "max_length", *def.max_length, chars, std::nullopt});
    }
    if (def.channel_limits) {
      for (const auto& channel : channels) {
        const bool on = std::find(content.channel_ids.begin(), content.channel_ids.end(),
                                  channel.id) != content.channel_ids.end();
        if (on && channel.char_limit && chars > *channel.char_limit) {
          out.push_back({def.key, "channel_limit", *channel.char_limit, chars, channel.id});
        }
      }
    }
  }
  return out;
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
    ApplyText(tx, c, actor.user.id, *in.title, fields, "created", now);
    Commit(tx, c, actor.user.id, "content.created", {{"title", c.title}, {"type", type->key}}, now,
           false);
    collab::NotifyContentAssigned(tx, c, {}, actor.user.id, now);
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
    if (!auth::Can(loaded->role, Action::kEditContent, auth::BaseFacts(c, actor.user.id))) {
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
    const std::string old_title = c.title, old_fields = c.fields_json;
    const std::vector<std::string> old_assignees = c.assignee_ids;
    const bool text_changed =
        ApplyText(tx, c, actor.user.id, std::string(next.at("title").as_string()),
                  next.at("fields").as_object(), proposal.merged ? "merge" : "edit", now);
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
    Commit(tx, c, actor.user.id, "content.updated",
           {{"changed", StringArray(proposal.changed)},
            {"text_changed", text_changed},
            {"merged", proposal.merged},
            {"base_version", base_version}},
           now, relations_changed);
    if (text_changed) {
      RecordStaleApprovals(tx, c, old_hash, actor.user.id, now);  // after the edit it follows
      // Comments anchored to a passage follow it into the new text, in this transaction.
      collab::FollowAnchors(tx, c.workspace_id, c.id, old_title, old_fields, c.title, c.fields_json,
                            c.revision, actor.user.id, now);
    }
    collab::NotifyContentAssigned(tx, c, old_assignees, actor.user.id, now);
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

Result<ContentPage> Contents::List(const auth::Actor& actor, const std::string& ws,
                                   const ListFilter& f) {
  static const std::set<std::string> kSorts = {"updated", "created", "publish_at", "due_at",
                                               "title"};
  if (!kSorts.contains(f.sort)) {
    return Error::InvalidField("sort",
                               "must be one of updated, created, publish_at, due_at, title");
  }
  if (f.limit < 1 || f.limit > 200)
    return Error::InvalidField("limit", "must be between 1 and 200");
  storage::ContentQuery q;
  q.sort = f.sort;
  q.descending = f.descending;
  q.limit = f.limit + 1;  // one more tells whether another page exists
  q.archived = f.archived;
  q.owner_ids = f.owners;
  q.assignee_ids = f.assignees;
  q.project_ids = f.projects;
  q.languages = f.languages;
  q.status_ids = f.statuses;
  q.publish_from = f.publish_from;
  q.publish_to = f.publish_to;
  q.due_from = f.due_from;
  q.due_to = f.due_to;
  q.updated_from = f.updated_from;
  q.updated_to = f.updated_to;
  for (const auto& tag : f.tags) q.tag_keys.push_back(FoldForMatch(Trim(tag)));
  if (f.cursor) {
    auto decoded = DecodeBase64Url(*f.cursor);
    json::object o = decoded ? ParseObject(*decoded) : json::object();
    const auto* s = o.if_contains("s");
    const auto* d = o.if_contains("d");
    const auto* i = o.if_contains("i");
    const auto* v = o.if_contains("v");
    if (!s || !d || !i || !v || !i->is_string() || !d->is_bool() || *s != json::value(f.sort) ||
        d->as_bool() != f.descending) {
      return Error::BadRequest("The cursor is not valid for this list.",
                               {{"cursor", "is not valid for this list"}});
    }
    q.after_id = std::string(i->as_string());
    if (v->is_int64())
      q.after_value = storage::Value(v->as_int64());
    else if (v->is_string())
      q.after_value = storage::Value(std::string(v->as_string()));
    else
      q.after_value = storage::Value(nullptr);
  }
  return db_.Read([&](Tx& tx) -> Result<ContentPage> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadWorkspace);
    if (!access) return std::move(access).error();
    q.workspace_id = access->workspace.id;
    // Guests list what is shared with them, in the query itself.
    if (!auth::Can(access->role, Action::kReadContent)) q.shared_with = actor.user.id;
    for (const auto& t : f.types) {
      auto type = storage::FindContentType(tx, q.workspace_id, t);
      q.type_ids.push_back(type ? type->id : t);  // an unknown type simply matches nothing
    }
    if (!f.channels.empty()) {
      // A channel filter includes its sub-channels: "Social" finds LinkedIn posts.
      const auto all = storage::ListChannels(tx, q.workspace_id);
      std::set<std::string> wanted(f.channels.begin(), f.channels.end());
      bool grew = true;
      while (grew) {
        grew = false;
        for (const auto& ch : all) {
          if (ch.parent_id && wanted.contains(*ch.parent_id) && wanted.insert(ch.id).second)
            grew = true;
        }
      }
      q.channel_ids.assign(wanted.begin(), wanted.end());
    }
    auto rows = storage::ListContents(tx, q);
    ContentPage page;
    if (static_cast<int>(rows.size()) > f.limit) {
      rows.resize(static_cast<std::size_t>(f.limit));
      const auto& last = rows.back();
      page.next_cursor =
          EncodeCursor(f.sort, f.descending, storage::SortValue(last, f.sort), last.id);
    }
    // Read once per page, not once per item: types with their decoded fields, channels, statuses
    // and team names.
    std::map<std::string, std::pair<storage::ContentTypeRecord, std::vector<FieldDef>>> types;
    for (auto& t : storage::ListContentTypes(tx, q.workspace_id)) {
      auto defs = workspace::FieldDefsFromJson(t.fields_json);
      std::string id = t.id;  // not t.id itself: the pair below is made from t moved
      types.emplace(std::move(id), std::make_pair(std::move(t), std::move(defs)));
    }
    const auto channels = storage::ListChannels(tx, q.workspace_id);
    const auto statuses = storage::ListStatuses(tx, q.workspace_id);
    std::map<std::string, std::string> team_names;
    for (const auto& t : storage::ListTeams(tx, q.workspace_id)) team_names[t.id] = t.name;
    for (auto& row : rows) {
      ContentView view;
      if (auto t = types.find(row.type_id); t != types.end()) {
        view.type = t->second.first;
        view.fields = t->second.second;
      }
      view.violations = FindViolations(row, view.fields, channels);
      if (const auto* status = StatusOf(statuses, row.status_id)) view.status = *status;
      view.approvals = SummarizeInTx(tx, row, statuses, &team_names);
      view.content = std::move(row);
      page.items.push_back(std::move(view));
    }
    return page;
  });
}

Result<std::vector<storage::RevisionRecord>> Contents::Revisions(const auth::Actor& actor,
                                                                 const std::string& id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::RevisionRecord>> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    return storage::ListRevisions(tx, id, false);
  });
}

Result<storage::RevisionRecord> Contents::Revision(const auth::Actor& actor, const std::string& id,
                                                   std::int64_t number) {
  return db_.Read([&](Tx& tx) -> Result<storage::RevisionRecord> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    auto revision = storage::FindRevision(tx, id, number);
    if (!revision) return Error::NotFound("No such revision.");
    return *revision;
  });
}

Result<std::vector<FieldDiff>> Contents::Diff(const auth::Actor& actor, const std::string& id,
                                              std::int64_t from, std::int64_t to) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<FieldDiff>> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    auto a = storage::FindRevision(tx, id, from);
    auto b = storage::FindRevision(tx, id, to);
    if (!a) return Error::NotFound("No revision " + std::to_string(from) + ".");
    if (!b) return Error::NotFound("No revision " + std::to_string(to) + ".");
    const json::object fa = ParseObject(a->fields_json), fb = ParseObject(b->fields_json);
    // Title first, then the template's order, then values of fields the template no longer has.
    std::vector<std::string> keys;
    for (const auto& def : loaded->fields) keys.push_back(def.key);
    for (const auto* fields : {&fa, &fb}) {
      for (const auto& m : *fields) {
        if (std::find(keys.begin(), keys.end(), std::string(m.key())) == keys.end())
          keys.emplace_back(m.key());
      }
    }
    std::vector<FieldDiff> out;
    auto add = [&](const std::string& name, const json::value& before, const json::value& after,
                   bool text) {
      FieldDiff d;
      d.field = name;
      d.before = before;
      d.after = after;
      d.changed = before != after;
      d.text = text && (before.is_string() || before.is_null()) &&
               (after.is_string() || after.is_null());
      if (d.text) {
        const std::string x = before.is_string() ? std::string(before.as_string()) : "";
        const std::string y = after.is_string() ? std::string(after.as_string()) : "";
        d.ops = DiffWords(x, y);
        d.html = DiffToHtml(d.ops);
      }
      out.push_back(std::move(d));
    };
    add("title", json::string(a->title), json::string(b->title), true);
    for (const auto& key : keys) {
      const auto def = std::find_if(loaded->fields.begin(), loaded->fields.end(),
                                    [&](const FieldDef& d) { return d.key == key; });
      const bool text = def == loaded->fields.end() || workspace::IsTextKind(def->kind);
      const json::value* x = fa.if_contains(key);
      const json::value* y = fb.if_contains(key);
      add(key, x ? *x : json::value(nullptr), y ? *y : json::value(nullptr), text);
    }
    return out;
  });
}

Result<storage::RevisionRecord> Contents::Label(const auth::Actor& actor, const std::string& id,
                                                std::int64_t number, const std::string& label) {
  const std::string trimmed(Trim(label));
  if (CountCharacters(trimmed) > 120)
    return Error::InvalidField("label", "must be at most 120 characters");
  if (auto why = CheckNameCharacters(trimmed)) return Error::InvalidField("label", *why);
  return db_.Write([&](Tx& tx) -> Result<storage::RevisionRecord> {
    auto loaded = Load(tx, actor, id, Action::kEditContent);
    if (!loaded) return std::move(loaded).error();
    // A label says which text was sent or validated: how the workspace files its history, not
    // text, so an edit share does not give it.
    if (!auth::Can(loaded->role, Action::kEditContent,
                   auth::BaseFacts(loaded->content, actor.user.id))) {
      Error e = Error::Forbidden("Only the text is shared with you: revisions cannot be labelled.");
      e.fields = {{"label", "is not shared with you"}};
      return e;
    }
    auto revision = storage::FindRevision(tx, id, number);
    if (!revision) return Error::NotFound("No such revision.");
    const std::optional<std::string> value =
        trimmed.empty() ? std::nullopt : std::optional<std::string>(trimmed);
    storage::SetRevisionLabel(tx, id, number, value);
    storage::AppendEvent(
        tx, loaded->content.workspace_id, actor.user.id, "revision.labelled", id,
        json::serialize(json::object{{"revision", number}, {"label", OptionalJson(value)}}),
        NowMs());
    revision->label = value;
    revision->sealed = true;
    return *revision;
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
    const std::string old_title = c.title, old_fields = c.fields_json;
    if (!ApplyText(tx, c, actor.user.id, revision->title, ParseObject(revision->fields_json),
                   "restore", now, number)) {
      return ViewOf(tx, std::move(*loaded));  // already this text: nothing to restore
    }
    Commit(tx, c, actor.user.id, "content.restored", {{"restored_from", number}}, now, false);
    RecordStaleApprovals(tx, c, old_hash, actor.user.id, now);
    collab::FollowAnchors(tx, c.workspace_id, c.id, old_title, old_fields, c.title, c.fields_json,
                          c.revision, actor.user.id, now);
    return ViewOf(tx, std::move(*loaded));
  });
}

}  // namespace copydesk::content
