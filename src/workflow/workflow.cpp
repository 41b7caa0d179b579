#include "workflow/workflow.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "access/standing.hpp"
#include "content/approvals.hpp"
#include "content/contents.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/content_type.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::workflow {

namespace json = boost::json;
using auth::Action;
using storage::Tx;

namespace {

const std::set<std::string> kCategories = {"idea", "in_progress", "review", "ready", "published"};

std::string Event(json::object o) {
  return json::serialize(o);
}

json::array StringArray(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.push_back(json::string(s));
  return out;
}

std::map<std::string, std::string> TeamNames(Tx& tx, const std::string& workspace_id) {
  std::map<std::string, std::string> out;
  for (const auto& t : storage::ListTeams(tx, workspace_id)) out[t.id] = t.name;
  return out;
}

// What the actor is to a content, for the workflow's own permission questions.
struct Standing {
  storage::ContentRecord content;
  std::optional<auth::Role> role;  //!< none for a review link's visitor
  std::vector<storage::StatusRecord> statuses;
  std::vector<std::string> my_teams;
};

Result<Standing> Stand(Tx& tx, const auth::Actor& actor, const std::string& content_id) {
  auto on = access::OpenFor(tx, actor.user.id, content_id, Action::kReadContent);
  if (!on) return std::move(on).error();
  auto statuses = storage::ListStatuses(tx, on->content.workspace_id);
  auto teams = storage::TeamsOfUser(tx, on->content.workspace_id, actor.user.id);
  return Standing{std::move(on->content), on->standing.role, std::move(statuses), std::move(teams)};
}

// The teams the content's current status asks, which its members may answer for.
std::vector<std::string> AskingTeams(const Standing& s) {
  const auto* current = content::StatusOf(s.statuses, s.content.status_id);
  if (!current) return {};
  auto gate = content::GateOf(*current);
  return gate ? gate->teams : std::vector<std::string>{};
}

// Saves a workflow change to a content's row (status, lock) as a new version. Such changes do not
// touch what writes are merged on, so the new version's merge state is the previous one's: a
// write based on the version a move or a lock answered must still merge with others' edits.
void SaveRow(Tx& tx, storage::ContentRecord& c, TimeMs now) {
  c.version += 1;
  c.updated_at = now;
  storage::UpdateContentRow(tx, c);
  if (auto previous = storage::FindVersionSnapshot(tx, c.id, c.version - 1)) {
    storage::InsertVersionSnapshot(tx, c.id, c.version, *previous);
  }
  if (c.version > content::kVersionsKept)
    storage::PruneVersionSnapshots(tx, c.id, c.version - content::kVersionsKept);
}

bool InAny(const std::vector<std::string>& mine, const std::vector<std::string>& asked) {
  return std::any_of(mine.begin(), mine.end(), [&](const std::string& t) {
    return std::find(asked.begin(), asked.end(), t) != asked.end();
  });
}

}  // namespace

Result<std::vector<storage::StatusRecord>> Workflow::Statuses(const auth::Actor& actor,
                                                              const std::string& ws) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::StatusRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadSettings);
    if (!access) return std::move(access).error();
    return storage::ListStatuses(tx, access->workspace.id);
  });
}

Result<std::vector<storage::StatusRecord>> Workflow::Replace(
    const auth::Actor& actor, const std::string& ws, const std::vector<StatusInput>& input,
    const std::map<std::string, std::string>& move_to) {
  return db_.Write([&](Tx& tx) -> Result<std::vector<storage::StatusRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageSettings);
    if (!access) return std::move(access).error();
    const std::string& workspace_id = access->workspace.id;
    const auto existing = storage::ListStatuses(tx, workspace_id);
    const auto teams = TeamNames(tx, workspace_id);
    std::vector<FieldError> faults;
    if (input.empty()) faults.push_back({"statuses", "must list at least one status"});
    if (input.size() > 30) faults.push_back({"statuses", "has more than 30 statuses"});
    std::set<std::string> names, kept;
    for (std::size_t i = 0; i < input.size(); ++i) {
      const auto& s = input[i];
      const std::string at = "statuses[" + std::to_string(i) + "].";
      if (Trim(s.name).empty() || CountCharacters(s.name) > 60)
        faults.push_back({at + "name", "must be 1 to 60 characters"});
      else if (auto why = CheckNameCharacters(s.name))
        faults.push_back({at + "name", *why});
      else if (!names.insert(FoldForMatch(Trim(s.name))).second)
        faults.push_back({at + "name", "is used by another status"});
      if (s.color.size() != 7 || s.color[0] != '#' ||
          s.color.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
        faults.push_back({at + "color", "must be a colour like #2563eb"});
      }
      if (!kCategories.contains(s.category)) {
        faults.push_back(
            {at + "category", "must be idea, in_progress, review, ready or published"});
      }
      if (s.id) {
        const bool known = std::any_of(existing.begin(), existing.end(),
                                       [&](const auto& e) { return e.id == *s.id; });
        if (!known)
          faults.push_back({at + "id", "is not a status of this workspace"});
        else if (!kept.insert(*s.id).second)
          faults.push_back({at + "id", "is listed twice"});
      }
      if (s.gate) {
        for (std::size_t j = 0; j < s.gate->teams.size(); ++j) {
          if (!teams.contains(s.gate->teams[j])) {
            faults.push_back(
                {at + "gate.teams[" + std::to_string(j) + "]", "is not a team of this workspace"});
          }
        }
      }
    }
    if (!faults.empty()) return Error::Invalid("The workflow is invalid.", std::move(faults));
    // Statuses left out are deleted; their contents need a destination among those kept.
    for (const auto& e : existing) {
      if (kept.contains(e.id)) continue;
      const auto count = storage::CountContentsInStatus(tx, e.id);
      if (count == 0) continue;
      auto dest = move_to.find(e.id);
      if (dest == move_to.end()) {
        Error err =
            Error::Conflict(std::to_string(count) + " contents are in \"" + e.name +
                                "\". Say which status they move to (move_to).",
                            {{"move_to." + e.id, "is required: contents are in this status"}});
        err.extra_json = Event({{"status_id", e.id}, {"status_name", e.name}, {"contents", count}});
        return err;
      }
      if (!kept.contains(dest->second)) {
        return Error::InvalidField("move_to." + e.id, "must be a status that is kept");
      }
    }
    const TimeMs now = NowMs();
    for (std::size_t i = 0; i < input.size(); ++i) {
      const auto& s = input[i];
      storage::StatusRecord record{s.id.value_or(NewId()),
                                   workspace_id,
                                   std::string(Trim(s.name)),
                                   s.color,
                                   s.category,
                                   static_cast<std::int64_t>(i),
                                   std::nullopt,
                                   false,
                                   false,
                                   now};
      if (s.gate && (!s.gate->teams.empty() || s.gate->no_violations)) {
        record.gate_teams_json = json::serialize(StringArray(s.gate->teams));
        record.gate_no_violations = s.gate->no_violations;
        record.gate_blocking = s.gate->blocking;
      }
      if (s.id)
        storage::UpdateStatus(tx, record);
      else
        storage::InsertStatus(tx, record);
    }
    for (const auto& e : existing) {
      if (kept.contains(e.id)) continue;
      if (auto dest = move_to.find(e.id); dest != move_to.end()) {
        // Each content moved is a status change like any other: a new version and an event.
        const auto target = std::find_if(
            input.begin(), input.end(), [&](const StatusInput& s) { return s.id == dest->second; });
        const std::string to_name = target == input.end() ? "" : std::string(Trim(target->name));
        for (const auto& id : storage::ContentsInStatus(tx, e.id)) {
          auto c = storage::FindContent(tx, id);
          if (!c) continue;
          c->status_id = dest->second;
          SaveRow(tx, *c, now);
          storage::AppendEvent(tx, c->workspace_id, actor.user.id, "content.status_changed", c->id,
                               Event({{"from", e.id},
                                      {"to", dest->second},
                                      {"to_name", to_name},
                                      {"revision", c->revision},
                                      {"version", c->version},
                                      {"comment", ""},
                                      {"reason", "status_deleted"}}),
                               now);
        }
      }
      storage::DeleteStatus(tx, e.id);
    }
    storage::AppendEvent(tx, workspace_id, actor.user.id, "workflow.updated", workspace_id,
                         Event({{"statuses", static_cast<std::int64_t>(input.size())}}), now);
    return storage::ListStatuses(tx, workspace_id);
  });
}

Result<MoveOutcome> Workflow::Move(const auth::Actor& actor, const std::string& content_id,
                                   const std::string& status_id, const std::string& comment,
                                   std::optional<std::int64_t> base_version) {
  return db_.Write([&](Tx& tx) -> Result<MoveOutcome> {
    auto standing = Stand(tx, actor, content_id);
    if (!standing) return std::move(standing).error();
    auto& c = standing->content;
    if (c.archived_at) return Error::Conflict("This content is archived: unarchive it to move it.");
    // What they are to it by role and ownership: an edit share gives the text, not the workflow.
    const auto facts = access::BaseFacts(c, actor.user.id);
    // Editors move contents; a reviewer of the team the status asks may move it on after approving.
    if (!auth::Can(standing->role, Action::kEditContent, facts) &&
        !InAny(standing->my_teams, AskingTeams(*standing))) {
      return Error::Forbidden("You may not move this content.");
    }
    if (base_version && *base_version != c.version) {
      return Error::Conflict(
          "The content changed since version " + std::to_string(*base_version) + ".",
          {{"base_version", "is not the current version"}});
    }
    const auto& statuses = standing->statuses;
    const auto target = std::find_if(statuses.begin(), statuses.end(),
                                     [&](const auto& s) { return s.id == status_id; });
    if (target == statuses.end())
      return Error::InvalidField("status", "is not a status of this workspace");
    const auto* from = content::StatusOf(statuses, c.status_id);
    MoveOutcome outcome;
    if (from && from->id == target->id) {
      outcome.content = c;
      return outcome;
    }
    std::vector<std::string> missing_blocking, missing_advisory;
    bool violations_block = false, violations_advise = false;
    if (from && target->position > from->position) {
      // Forward: every gate left behind must hold, so no status can be skipped past its gate.
      const auto approvals = storage::ListApprovals(tx, c.id);
      const auto latest = content::LatestByTeam(approvals, c.content_hash);
      bool has_violations = false;
      bool violations_known = false;
      for (const auto& s : statuses) {
        if (s.position < from->position || s.position >= target->position) continue;
        auto gate = content::GateOf(s);
        if (!gate) continue;
        for (const auto& team : gate->teams) {
          auto it = latest.find(team);
          if (it == latest.end() || it->second->decision != "approved") {
            auto& list = gate->blocking ? missing_blocking : missing_advisory;
            if (std::find(list.begin(), list.end(), team) == list.end()) list.push_back(team);
          }
        }
        if (gate->no_violations) {
          if (!violations_known) {
            auto type = storage::FindContentType(tx, c.workspace_id, c.type_id);
            const auto defs = type ? workspace::FieldDefsFromJson(type->fields_json)
                                   : std::vector<workspace::FieldDef>{};
            has_violations =
                !content::FindViolations(c, defs, storage::ListChannels(tx, c.workspace_id))
                     .empty();
            violations_known = true;
          }
          if (has_violations) (gate->blocking ? violations_block : violations_advise) = true;
        }
      }
    }
    const auto names = TeamNames(tx, c.workspace_id);
    if (!missing_blocking.empty() || violations_block) {
      json::array missing;
      std::string list;
      for (const auto& team : missing_blocking) {
        const std::string name = names.contains(team) ? names.at(team) : team;
        missing.push_back({{"team_id", team}, {"team_name", name}});
        list += (list.empty() ? "" : ", ") + name;
      }
      std::string detail = "This content cannot move on yet: ";
      if (!list.empty()) detail += "it needs the approval of " + list + " on its current text";
      if (violations_block)
        detail +=
            std::string(list.empty() ? "" : ", and ") + "its text breaks its template's rules";
      Error e = Error::Conflict(detail + ".");
      e.extra_json =
          Event({{"missing_approvals", std::move(missing)}, {"violations", violations_block}});
      return e;
    }
    const TimeMs now = NowMs();
    const std::optional<std::string> previous = c.status_id;
    c.status_id = target->id;
    SaveRow(tx, c, now);
    json::object data{{"from", previous ? json::value(*previous) : json::value(nullptr)},
                      {"to", target->id},
                      {"to_name", target->name},
                      {"revision", c.revision},
                      {"version", c.version},
                      {"comment", comment}};
    if (!missing_advisory.empty()) data["missing_approvals"] = StringArray(missing_advisory);
    if (violations_advise) data["violations_ignored"] = true;
    // The teams the new status asks, as it asked them then: the notifier tells their members
    // that their approval is awaited.
    if (auto gate = content::GateOf(*target); gate && !gate->teams.empty())
      data["asked_teams"] = StringArray(gate->teams);
    storage::AppendEvent(tx, c.workspace_id, actor.user.id, "content.status_changed", c.id,
                         Event(std::move(data)), now);
    outcome.content = c;
    for (const auto& team : missing_advisory) {
      outcome.missing_teams.emplace_back(team, names.contains(team) ? names.at(team) : team);
    }
    outcome.violations_ignored = violations_advise;
    return outcome;
  });
}

Result<storage::ApprovalRecord> Workflow::Decide(const auth::Actor& actor,
                                                 const std::string& content_id,
                                                 std::int64_t revision, const std::string& decision,
                                                 const std::string& comment,
                                                 const std::optional<std::string>& team_id) {
  if (decision != "approved" && decision != "changes_requested") {
    return Error::InvalidField("decision", "must be \"approved\" or \"changes_requested\"");
  }
  if (CountCharacters(comment) > 5000)
    return Error::InvalidField("comment", "must be at most 5000 characters");
  return db_.Write([&](Tx& tx) -> Result<storage::ApprovalRecord> {
    auto standing = Stand(tx, actor, content_id);
    if (!standing) return std::move(standing).error();
    auto& c = standing->content;
    if (c.archived_at)
      return Error::Conflict("This content is archived: unarchive it to decide on it.");
    const auto asked = AskingTeams(*standing);
    // Only a member of a team the current status asks may answer for that team; an owner's or
    // admin's role does not let them approve for a team they are not in.
    std::optional<std::string> team;
    for (const auto& t : asked) {
      const bool mine = std::find(standing->my_teams.begin(), standing->my_teams.end(), t) !=
                        standing->my_teams.end();
      if (mine && (!team_id || *team_id == t)) {
        team = t;
        break;
      }
    }
    if (!team) {
      if (asked.empty()) return Error::Conflict("The content's status asks no approval.");
      return Error::Forbidden("Only a member of a team this status asks can give its approval.");
    }
    if (revision != c.revision) {
      return Error::Conflict("Revision " + std::to_string(revision) + " is not the current one (" +
                                 std::to_string(c.revision) +
                                 "): read the current text before deciding.",
                             {{"revision", "is not the current revision"}});
    }
    // Decisions are ordered by time: give this one a time after the content's latest decision, so
    // two given within the same millisecond are never read back in the wrong order.
    TimeMs now = NowMs();
    if (const auto previous = storage::ListApprovals(tx, c.id); !previous.empty()) {
      now = std::max(now, previous.back().created_at + 1);
    }
    storage::ApprovalRecord a{NewId(),       c.id,         c.revision,   c.content_hash,
                              team,          c.status_id,  decision,     comment,
                              actor.user.id, std::nullopt, std::nullopt, now};
    a.covered_variants_json = storage::InsertApproval(tx, a);
    storage::SealRevision(tx, c.id, c.revision);  // the approved text can never be altered
    a.user_name = actor.user.name;
    a.team_name = TeamNames(tx, c.workspace_id)[*team];
    // The notifier tells the content's owner and assignees of the decision, from this event.
    storage::AppendEvent(tx, c.workspace_id, actor.user.id, "approval.given", c.id,
                         Event({{"team", *team},
                                {"decision", decision},
                                {"revision", c.revision},
                                {"comment", comment},
                                {"approval", a.id},
                                {"team_name", a.team_name}}),
                         now);
    return a;
  });
}

Result<std::pair<std::vector<ApprovalView>, ApprovalSummary>> Workflow::Approvals(
    const auth::Actor& actor, const std::string& content_id) {
  return db_.Read([&](Tx& tx) -> Result<std::pair<std::vector<ApprovalView>, ApprovalSummary>> {
    auto standing = Stand(tx, actor, content_id);
    if (!standing) return std::move(standing).error();
    const auto& c = standing->content;
    std::vector<ApprovalView> views;
    for (auto& a : storage::ListApprovals(tx, c.id)) {
      const bool stale = a.content_hash != c.content_hash;
      views.push_back({std::move(a), stale});
    }
    return std::make_pair(std::move(views), content::SummarizeInTx(tx, c, standing->statuses));
  });
}

Result<storage::ContentRecord> Workflow::Lock(const auth::Actor& actor,
                                              const std::string& content_id,
                                              const std::string& reason) {
  const std::string trimmed(Trim(reason));
  if (trimmed.empty()) return Error::InvalidField("reason", "must say why the text is locked");
  if (CountCharacters(trimmed) > 500)
    return Error::InvalidField("reason", "must be at most 500 characters");
  return db_.Write([&](Tx& tx) -> Result<storage::ContentRecord> {
    auto standing = Stand(tx, actor, content_id);
    if (!standing) return std::move(standing).error();
    auto& c = standing->content;
    const bool admin = auth::Can(standing->role, Action::kManageSettings);
    // Reviewers of any team the workflow has asked so far may lock: legal locks what it validated.
    // Owning the content gives no more (docs/permissions.md): a lock holds the text against its
    // own writers.
    const auto asked = content::AskedTeams(standing->statuses, c.status_id);
    if (!admin && !InAny(standing->my_teams, asked)) {
      return Error::Forbidden("Only an admin or a member of a team the workflow asks can lock it.");
    }
    const TimeMs now = NowMs();
    c.locked_by = actor.user.id;
    c.locked_reason = trimmed;
    c.locked_at = now;
    SaveRow(tx, c, now);
    storage::AppendEvent(tx, c.workspace_id, actor.user.id, "content.locked", c.id,
                         Event({{"reason", trimmed}, {"revision", c.revision}}), now);
    return c;
  });
}

Result<storage::ContentRecord> Workflow::Unlock(const auth::Actor& actor,
                                                const std::string& content_id) {
  return db_.Write([&](Tx& tx) -> Result<storage::ContentRecord> {
    auto standing = Stand(tx, actor, content_id);
    if (!standing) return std::move(standing).error();
    auto& c = standing->content;
    const bool admin = auth::Can(standing->role, Action::kManageSettings);
    // Whoever set the lock may lift it; someone else's lock ("validated by legal") only an admin
    // or the team the workflow asks, never the content's owner for being its owner.
    if (!admin && c.locked_by != actor.user.id &&
        !InAny(standing->my_teams, content::AskedTeams(standing->statuses, c.status_id))) {
      return Error::Forbidden(
          "Only an admin, a team the workflow asks or whoever locked it can unlock it.");
    }
    if (!c.locked_by) return c;
    const TimeMs now = NowMs();
    c.locked_by.reset();
    c.locked_reason.reset();
    c.locked_at.reset();
    SaveRow(tx, c, now);
    storage::AppendEvent(tx, c.workspace_id, actor.user.id, "content.unlocked", c.id, "{}", now);
    return c;
  });
}

Result<std::vector<storage::EventRecord>> Workflow::ContentActivity(
    const auth::Actor& actor, const std::string& content_id, std::optional<std::int64_t> before,
    int limit) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::EventRecord>> {
    auto standing = Stand(tx, actor, content_id);
    if (!standing) return std::move(standing).error();
    storage::EventQuery q;
    q.workspace_id = standing->content.workspace_id;
    q.subject_id = content_id;
    // Guests do not see the comment events: some are about internal comments.
    q.without_comments = !auth::SeesInternal(standing->role);
    q.before_seq = before;
    q.limit = limit;
    return storage::ListEvents(tx, q);
  });
}

Result<std::vector<storage::EventRecord>> Workflow::WorkspaceActivity(const auth::Actor& actor,
                                                                      const std::string& ws,
                                                                      storage::EventQuery query) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::EventRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadContent);
    if (!access) return std::move(access).error();
    query.workspace_id = access->workspace.id;
    return storage::ListEvents(tx, query);
  });
}

}  // namespace copydesk::workflow
