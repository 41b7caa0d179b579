#include "workspace/workspaces.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <set>

#include "access/standing.hpp"
#include "auth/password.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"
#include "storage/files_store.hpp"
#include "storage/shares_store.hpp"
#include "storage/workflow_store.hpp"
#include "workspace/first_day.hpp"
#include "workspace/settings.hpp"

namespace copydesk::workspace {

namespace {

using auth::Action;
using auth::Role;
using storage::Tx;

constexpr TimeMs kInvitationLifetimeMs = 14LL * 24 * 3600 * 1000;

std::string EventData(boost::json::object data) {
  return boost::json::serialize(data);
}

std::optional<std::string> CheckWorkspaceName(std::string_view name) {
  if (Trim(name).empty()) return "must not be empty";
  if (CountCharacters(name) > 100) return "must be at most 100 characters";
  return CheckNameCharacters(name);
}

std::optional<std::string> CheckTeamName(std::string_view name) {
  if (Trim(name).empty()) return "must not be empty";
  if (CountCharacters(name) > 80) return "must be at most 80 characters";
  return CheckNameCharacters(name);
}

std::string UniqueSlug(Tx& tx, const std::string& name) {
  const std::string base = Slugify(name);
  std::string slug = base;
  for (int n = 2; storage::SlugTaken(tx, slug); ++n) slug = base + "-" + std::to_string(n);
  return slug;
}

storage::WorkspaceRecord InsertNewWorkspace(Tx& tx, const std::string& owner_id,
                                            const std::string& name, const std::string& language) {
  storage::WorkspaceRecord ws{NewId(), UniqueSlug(tx, name), std::string(Trim(name)), language,
                              NowMs()};
  storage::InsertWorkspace(tx, ws);
  storage::InsertMembership(tx, ws.id, owner_id, "owner", ws.created_at);
  SeedWorkspaceDefaults(tx, ws.id, language, ws.created_at);
  storage::AppendEvent(tx, ws.id, owner_id, "workspace.created", ws.id,
                       EventData({{"name", ws.name}}), ws.created_at);
  return ws;
}

Result<Role> ParseRoleField(const std::string& role) {
  auto parsed = auth::ParseRole(role);
  if (!parsed) {
    return Error::InvalidField("role",
                               "must be one of owner, admin, editor, contributor, reviewer, guest");
  }
  return *parsed;
}

}  // namespace

Result<Access> Authorize(Tx& tx, const std::string& user_id, const std::string& ref,
                         Action action) {
  auto ws = storage::FindWorkspace(tx, ref);
  const auto role = ws ? access::RoleIn(tx, ws->id, user_id) : std::nullopt;
  // Not a member: the workspace does not exist as far as the caller can tell.
  if (!ws || !role) return Error::NotFound("No such workspace.");
  if (!auth::Can(role, action)) return Error::Forbidden();
  return Access{std::move(*ws), *role};
}

Workspaces::Workspaces(storage::Database& db, const Config& config) : db_(db), config_(config) {}

bool Workspaces::SetupNeeded() {
  return db_.Read([](Tx& tx) { return storage::CountUsers(tx) == 0; });
}

Result<SetupOutcome> Workspaces::Setup(const std::string& email, const std::string& name,
                                       const std::string& password,
                                       const std::string& workspace_name,
                                       const std::string& language, const std::string& ip,
                                       const std::string& user_agent) {
  if (!SetupNeeded()) return Error::Conflict("copydesk is already set up. Sign in instead.");
  std::vector<FieldError> faults;
  if (auto why = auth::CheckPasswordRules(password)) faults.push_back({"password", *why});
  if (auto why = CheckWorkspaceName(workspace_name)) faults.push_back({"workspace_name", *why});
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  const std::string hash = auth::HashPassword(password);
  return db_.Write([&](Tx& tx) -> Result<SetupOutcome> {
    // Checked again inside the write: two people racing to set up get one winner.
    if (storage::CountUsers(tx) > 0) {
      return Error::Conflict("copydesk is already set up. Sign in instead.");
    }
    auto user = auth::CreateUser(tx, email, name, hash, language);
    if (!user) return std::move(user).error();
    auto ws = InsertNewWorkspace(tx, user->id, workspace_name, language);
    auto session = auth::OpenSession(tx, *user, config_, ip, user_agent);
    return SetupOutcome{*user, std::move(ws), std::move(session)};
  });
}

Result<storage::WorkspaceRecord> Workspaces::Create(const auth::Actor& actor,
                                                    const std::string& name,
                                                    const std::optional<std::string>& language) {
  std::vector<FieldError> faults;
  if (auto why = CheckWorkspaceName(name)) faults.push_back({"name", *why});
  const std::string lang = language.value_or(actor.user.language);
  if (auto why = auth::CheckLanguage(lang)) faults.push_back({"language", *why});
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return db_.Write([&](Tx& tx) -> Result<storage::WorkspaceRecord> {
    return InsertNewWorkspace(tx, actor.user.id, name, lang);
  });
}

std::vector<std::pair<storage::WorkspaceRecord, std::string>> Workspaces::List(
    const auth::Actor& actor) {
  return db_.Read([&](Tx& tx) { return storage::ListWorkspacesOfUser(tx, actor.user.id); });
}

Result<Access> Workspaces::Get(const auth::Actor& actor, const std::string& ref) {
  return db_.Read(
      [&](Tx& tx) { return Authorize(tx, actor.user.id, ref, Action::kReadWorkspace); });
}

Result<storage::WorkspaceRecord> Workspaces::Update(const auth::Actor& actor,
                                                    const std::string& ref,
                                                    const std::optional<std::string>& name,
                                                    const std::optional<std::string>& language,
                                                    const PageChange& page) {
  std::vector<FieldError> faults;
  if (page.name && *page.name) {
    if (auto why = CheckWorkspaceName(**page.name)) faults.push_back({"page_name", *why});
  }
  if (name) {
    if (auto why = CheckWorkspaceName(*name)) faults.push_back({"name", *why});
  }
  if (language) {
    if (auto why = auth::CheckLanguage(*language)) faults.push_back({"language", *why});
  }
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return db_.Write([&](Tx& tx) -> Result<storage::WorkspaceRecord> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kUpdateWorkspace);
    if (!access) return std::move(access).error();
    auto ws = access->workspace;
    if (name) ws.name = std::string(Trim(*name));
    if (language) ws.language = *language;
    if (page.avatar && *page.avatar) {
      auto media = storage::FindMediaFile(tx, **page.avatar);
      if (!media || media->workspace_id != ws.id)
        return Error::InvalidField("page_avatar", "is not a file of this workspace's library");
      if (media->kind != "image")
        return Error::InvalidField("page_avatar", "is not a type of file copydesk accepts");
    }
    if (page.name)
      ws.page_name =
          *page.name ? std::optional<std::string>(std::string(Trim(**page.name))) : std::nullopt;
    if (page.avatar) ws.page_avatar = *page.avatar;
    storage::UpdateWorkspace(tx, ws.id, ws.name, ws.language, NowMs());
    if (page.name || page.avatar)
      storage::UpdateWorkspacePage(tx, ws.id, ws.page_name, ws.page_avatar, NowMs());
    storage::AppendEvent(tx, ws.id, actor.user.id, "workspace.updated", ws.id,
                         EventData({{"name", ws.name}, {"language", ws.language}}), NowMs());
    return ws;
  });
}

Result<std::vector<storage::MemberRecord>> Workspaces::Members(const auth::Actor& actor,
                                                               const std::string& ref) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::MemberRecord>> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kListMembers);
    if (!access) return std::move(access).error();
    return storage::ListMembers(tx, access->workspace.id);
  });
}

Result<std::vector<storage::InvitationRecord>> Workspaces::Invitations(const auth::Actor& actor,
                                                                       const std::string& ref) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::InvitationRecord>> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kInviteMember);
    if (!access) return std::move(access).error();
    return storage::ListPendingInvitations(tx, access->workspace.id, NowMs());
  });
}

Result<AddMemberOutcome> Workspaces::AddMember(const auth::Actor& actor, const std::string& ref,
                                               const std::string& email,
                                               const std::string& role_name) {
  auto role = ParseRoleField(role_name);
  const std::string normalized = NormalizeEmail(email);
  if (normalized.empty()) return Error::InvalidField("email", "must be an e-mail address");
  if (!role) return std::move(role).error();
  return db_.Write([&](Tx& tx) -> Result<AddMemberOutcome> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kInviteMember);
    if (!access) return std::move(access).error();
    if (*role == Role::kOwner && !auth::Can(access->role, Action::kManageOwners)) {
      return Error::Forbidden("Only an owner can add another owner.");
    }
    const auto& ws = access->workspace;
    const TimeMs now = NowMs();
    AddMemberOutcome outcome;
    if (auto user = storage::FindUserByEmail(tx, normalized)) {
      if (storage::FindRole(tx, ws.id, user->id)) {
        return Error::Conflict("This person is already a member.",
                               {{"email", "is already a member of this workspace"}});
      }
      storage::InsertMembership(tx, ws.id, user->id, role_name, now);
      storage::AppendEvent(tx, ws.id, actor.user.id, "member.added", user->id,
                           EventData({{"role", role_name}}), now);
      outcome.member = storage::FindMember(tx, ws.id, user->id);
      return outcome;
    }
    outcome.invitation_secret = NewSecret();
    storage::InvitationRecord invitation{
        NewId(),     ws.id, normalized, role_name, actor.user.id, now, now + kInvitationLifetimeMs,
        std::nullopt};
    storage::InsertInvitation(tx, invitation, HashSecret(outcome.invitation_secret));
    storage::AppendEvent(tx, ws.id, actor.user.id, "member.invited", invitation.id,
                         EventData({{"email", normalized}, {"role", role_name}}), now);
    outcome.invitation = std::move(invitation);
    return outcome;
  });
}

Result<storage::MemberRecord> Workspaces::ChangeRole(const auth::Actor& actor,
                                                     const std::string& ref,
                                                     const std::string& user_id,
                                                     const std::string& role_name) {
  auto role = ParseRoleField(role_name);
  if (!role) return std::move(role).error();
  return db_.Write([&](Tx& tx) -> Result<storage::MemberRecord> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kChangeMemberRole);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    auto member = storage::FindMember(tx, ws.id, user_id);
    if (!member) return Error::NotFound("No such member.");
    const bool touches_owner = member->role == "owner" || *role == Role::kOwner;
    if (touches_owner && !auth::Can(access->role, Action::kManageOwners)) {
      return Error::Forbidden("Only an owner can make or unmake owners.");
    }
    if (member->role == "owner" && *role != Role::kOwner && storage::CountOwners(tx, ws.id) <= 1) {
      return Error::Conflict("A workspace needs at least one owner. Make someone else owner first.",
                             {{"role", "would leave the workspace without an owner"}});
    }
    storage::UpdateMembershipRole(tx, ws.id, user_id, role_name);
    storage::AppendEvent(tx, ws.id, actor.user.id, "member.role_changed", user_id,
                         EventData({{"from", member->role}, {"to", role_name}}), NowMs());
    member->role = role_name;
    return *member;
  });
}

Result<void> Workspaces::RemoveMember(const auth::Actor& actor, const std::string& ref,
                                      const std::string& user_id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    const bool leaving = user_id == actor.user.id;
    auto access =
        Authorize(tx, actor.user.id, ref, leaving ? Action::kReadWorkspace : Action::kRemoveMember);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    auto member = storage::FindMember(tx, ws.id, user_id);
    if (!member) return Error::NotFound("No such member.");
    if (member->role == "owner") {
      if (!leaving && !auth::Can(access->role, Action::kManageOwners)) {
        return Error::Forbidden("Only an owner can remove an owner.");
      }
      if (storage::CountOwners(tx, ws.id) <= 1) {
        return Error::Conflict(
            "A workspace needs at least one owner. Make someone else owner first.");
      }
    }
    storage::DeleteMembership(tx, ws.id, user_id);
    // What was shared with them was shared with a member: it ends with the membership, so that
    // adding them back some day gives them only what is shared anew.
    storage::DeleteSharesOfMember(tx, ws.id, user_id);
    storage::AppendEvent(tx, ws.id, actor.user.id, leaving ? "member.left" : "member.removed",
                         user_id, "{}", NowMs());
    return {};
  });
}

Result<AcceptOutcome> Workspaces::AcceptInvitation(const std::string& secret,
                                                   const std::string& name,
                                                   const std::string& password,
                                                   const std::string& ip,
                                                   const std::string& user_agent) {
  const std::string token_hash = HashSecret(secret);
  auto invitation = db_.Read([&](Tx& tx) { return storage::FindInvitationByHash(tx, token_hash); });
  if (!invitation || invitation->accepted_at || invitation->expires_at <= NowMs()) {
    return Error::NotFound("This invitation is not valid any more. Ask for a new one.");
  }
  std::vector<FieldError> faults;
  if (auto why = auth::CheckPasswordRules(password)) faults.push_back({"password", *why});
  if (auto why = auth::CheckName(name)) faults.push_back({"name", *why});
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  const std::string hash = auth::HashPassword(password);
  return db_.Write([&](Tx& tx) -> Result<AcceptOutcome> {
    auto fresh = storage::FindInvitationByHash(tx, token_hash);
    if (!fresh || fresh->accepted_at || fresh->expires_at <= NowMs()) {
      return Error::NotFound("This invitation is not valid any more. Ask for a new one.");
    }
    auto ws = storage::FindWorkspace(tx, fresh->workspace_id);
    if (!ws) return Error::NotFound("This invitation is not valid any more. Ask for a new one.");
    // The e-mail may have got an account since the invitation: then sign in instead.
    if (storage::FindUserByEmail(tx, fresh->email)) {
      return Error::Conflict("An account with this e-mail already exists. Sign in instead.");
    }
    auto user = auth::CreateUser(tx, fresh->email, name, hash, ws->language);
    if (!user) return std::move(user).error();
    const TimeMs now = NowMs();
    storage::InsertMembership(tx, ws->id, user->id, fresh->role, now);
    storage::MarkInvitationAccepted(tx, fresh->id, now);
    storage::AppendEvent(tx, ws->id, user->id, "member.joined", user->id,
                         EventData({{"role", fresh->role}, {"invitation", fresh->id}}), now);
    auto shared = ApplyInvitationShares(tx, *fresh, user->id, now);
    auto session = auth::OpenSession(tx, *user, config_, ip, user_agent);
    return AcceptOutcome{std::move(*ws), std::move(session), std::move(shared)};
  });
}

Result<std::vector<storage::TeamRecord>> Workspaces::Teams(const auth::Actor& actor,
                                                           const std::string& ref) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::TeamRecord>> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kListTeams);
    if (!access) return std::move(access).error();
    return storage::ListTeams(tx, access->workspace.id);
  });
}

namespace {

Result<std::vector<std::string>> CheckTeamMembers(Tx& tx, const std::string& workspace_id,
                                                  const std::vector<std::string>& user_ids) {
  std::set<std::string> unique;
  for (std::size_t i = 0; i < user_ids.size(); ++i) {
    if (!storage::FindRole(tx, workspace_id, user_ids[i])) {
      return Error::InvalidField("members[" + std::to_string(i) + "]",
                                 "is not a member of this workspace");
    }
    unique.insert(user_ids[i]);
  }
  return std::vector<std::string>(unique.begin(), unique.end());
}

Result<void> CheckTeamNameFree(Tx& tx, const std::string& workspace_id, const std::string& name,
                               const std::string& except_id) {
  const std::string key = FoldForMatch(Trim(name));
  for (const auto& team : storage::ListTeams(tx, workspace_id)) {
    if (team.id != except_id && FoldForMatch(team.name) == key) {
      return Error::Conflict("A team with this name already exists.",
                             {{"name", "is already used by another team"}});
    }
  }
  return {};
}

}  // namespace

Result<storage::TeamRecord> Workspaces::CreateTeam(
    const auth::Actor& actor, const std::string& ref, const std::string& name,
    const std::optional<std::vector<std::string>>& members) {
  if (auto why = CheckTeamName(name)) return Error::InvalidField("name", *why);
  return db_.Write([&](Tx& tx) -> Result<storage::TeamRecord> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kManageTeams);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    if (auto free = CheckTeamNameFree(tx, ws.id, name, ""); !free) return std::move(free).error();
    std::vector<std::string> member_ids;
    if (members) {
      auto checked = CheckTeamMembers(tx, ws.id, *members);
      if (!checked) return std::move(checked).error();
      member_ids = std::move(*checked);
    }
    storage::TeamRecord team{NewId(), ws.id, std::string(Trim(name)), NowMs(), member_ids};
    storage::InsertTeam(tx, team, FoldForMatch(team.name));
    storage::SetTeamMembers(tx, team.id, member_ids);
    storage::AppendEvent(tx, ws.id, actor.user.id, "team.created", team.id,
                         EventData({{"name", team.name}}), team.created_at);
    return team;
  });
}

Result<storage::TeamRecord> Workspaces::RenameTeam(const auth::Actor& actor, const std::string& ref,
                                                   const std::string& team_id,
                                                   const std::string& name) {
  if (auto why = CheckTeamName(name)) return Error::InvalidField("name", *why);
  return db_.Write([&](Tx& tx) -> Result<storage::TeamRecord> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kManageTeams);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    auto team = storage::FindTeam(tx, ws.id, team_id);
    if (!team) return Error::NotFound("No such team.");
    if (auto free = CheckTeamNameFree(tx, ws.id, name, team_id); !free) {
      return std::move(free).error();
    }
    team->name = std::string(Trim(name));
    storage::RenameTeam(tx, team->id, team->name, FoldForMatch(team->name));
    storage::AppendEvent(tx, ws.id, actor.user.id, "team.renamed", team->id,
                         EventData({{"name", team->name}}), NowMs());
    return *team;
  });
}

Result<void> Workspaces::DeleteTeam(const auth::Actor& actor, const std::string& ref,
                                    const std::string& team_id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kManageTeams);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    if (!storage::FindTeam(tx, ws.id, team_id)) return Error::NotFound("No such team.");
    // A team a gate asks to approve cannot silently vanish: the validation it stands for (legal's,
    // say) would stop being asked. The workflow has to be changed first.
    std::vector<std::string> asking;
    boost::json::array statuses;
    for (const auto& status : storage::ListStatuses(tx, ws.id)) {
      if (!status.gate_teams_json) continue;
      std::error_code ec;
      const auto teams = boost::json::parse(*status.gate_teams_json, ec);
      if (ec || !teams.is_array()) continue;
      for (const auto& t : teams.as_array()) {
        if (t.is_string() && t.as_string() == team_id) {
          asking.push_back(status.name);
          statuses.push_back({{"id", status.id}, {"name", status.name}});
        }
      }
    }
    if (!asking.empty()) {
      std::string names;
      for (const auto& n : asking) names += (names.empty() ? "" : ", ") + n;
      Error e = Error::Conflict("This team approves contents at " + names +
                                    ": remove it from the workflow's gates first.",
                                {{"team", "is asked to approve by the workflow"}});
      e.extra_json = boost::json::serialize(boost::json::object{{"statuses", std::move(statuses)}});
      return e;
    }
    storage::DeleteTeam(tx, team_id);
    storage::AppendEvent(tx, ws.id, actor.user.id, "team.deleted", team_id, "{}", NowMs());
    return {};
  });
}

Result<storage::TeamRecord> Workspaces::SetTeamMembers(const auth::Actor& actor,
                                                       const std::string& ref,
                                                       const std::string& team_id,
                                                       const std::vector<std::string>& user_ids) {
  return db_.Write([&](Tx& tx) -> Result<storage::TeamRecord> {
    auto access = Authorize(tx, actor.user.id, ref, Action::kManageTeams);
    if (!access) return std::move(access).error();
    const auto& ws = access->workspace;
    auto team = storage::FindTeam(tx, ws.id, team_id);
    if (!team) return Error::NotFound("No such team.");
    auto checked = CheckTeamMembers(tx, ws.id, user_ids);
    if (!checked) return std::move(checked).error();
    storage::SetTeamMembers(tx, team->id, *checked);
    team->member_ids = std::move(*checked);
    boost::json::array ids;
    for (const auto& id : team->member_ids) ids.push_back(boost::json::string(id));
    storage::AppendEvent(tx, ws.id, actor.user.id, "team.members_set", team->id,
                         EventData({{"members", std::move(ids)}}), NowMs());
    return *team;
  });
}

}  // namespace copydesk::workspace
