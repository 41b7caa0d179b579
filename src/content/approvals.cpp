#include "content/approvals.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "storage/workspaces_store.hpp"

namespace copydesk::content {

namespace json = boost::json;

std::optional<Gate> GateOf(const storage::StatusRecord& status) {
  if (!status.gate_teams_json) return std::nullopt;
  Gate gate;
  std::error_code ec;
  auto teams = json::parse(*status.gate_teams_json, ec);
  if (!ec && teams.is_array()) {
    for (const auto& t : teams.as_array()) {
      if (t.is_string()) gate.teams.emplace_back(t.as_string());
    }
  }
  gate.no_violations = status.gate_no_violations;
  gate.blocking = status.gate_blocking;
  if (gate.teams.empty() && !gate.no_violations) return std::nullopt;
  return gate;
}

const storage::StatusRecord* StatusOf(const std::vector<storage::StatusRecord>& statuses,
                                      const std::optional<std::string>& status_id) {
  for (const auto& s : statuses) {
    if (status_id && s.id == *status_id) return &s;
  }
  return statuses.empty() ? nullptr : &statuses.front();
}

std::vector<std::string> AskedTeams(const std::vector<storage::StatusRecord>& statuses,
                                    const std::optional<std::string>& status_id) {
  const auto* current = StatusOf(statuses, status_id);
  std::vector<std::string> asked;
  for (const auto& s : statuses) {
    if (current && s.position > current->position) break;
    if (auto gate = GateOf(s)) {
      for (const auto& t : gate->teams) {
        if (std::find(asked.begin(), asked.end(), t) == asked.end()) asked.push_back(t);
      }
    }
  }
  return asked;
}

std::map<std::string, const storage::ApprovalRecord*> LatestByTeam(
    const std::vector<storage::ApprovalRecord>& approvals, const std::string& hash) {
  std::map<std::string, const storage::ApprovalRecord*> out;
  for (const auto& a : approvals) {
    if (a.team_id && a.content_hash == hash) out[*a.team_id] = &a;  // oldest first: last wins
  }
  return out;
}

ApprovalSummary Summarize(const storage::ContentRecord& content,
                          const std::vector<storage::StatusRecord>& statuses,
                          const std::vector<storage::ApprovalRecord>& approvals,
                          const std::vector<storage::RevisionRecord>& revisions,
                          const std::map<std::string, std::string>& team_names) {
  ApprovalSummary summary;
  const auto asked = AskedTeams(statuses, content.status_id);
  const auto on_current = LatestByTeam(approvals, content.content_hash);
  for (const auto& team : asked) {
    TeamApproval t;
    t.team_id = team;
    auto name = team_names.find(team);
    t.team_name = name == team_names.end() ? "" : name->second;
    const storage::ApprovalRecord* latest = nullptr;
    for (const auto& a : approvals) {
      if (a.team_id == team) latest = &a;
    }
    if (latest) t.latest = *latest;
    if (auto it = on_current.find(team); it != on_current.end()) {
      t.state = it->second->decision;
    } else {
      t.state = latest ? "stale" : "waiting";
    }
    summary.teams.push_back(std::move(t));
  }
  if (!asked.empty()) {
    // Newest first: the first revision whose text every asked team approved.
    for (const auto& r : revisions) {
      const auto latest = LatestByTeam(approvals, r.content_hash);
      const bool all = std::all_of(asked.begin(), asked.end(), [&](const std::string& team) {
        auto it = latest.find(team);
        return it != latest.end() && it->second->decision == "approved";
      });
      if (all) {
        summary.validated_revision = r.number;
        break;
      }
    }
  }
  return summary;
}

ApprovalSummary SummarizeInTx(storage::Tx& tx, const storage::ContentRecord& content,
                              const std::vector<storage::StatusRecord>& statuses,
                              const std::map<std::string, std::string>* team_names) {
  if (AskedTeams(statuses, content.status_id).empty()) return {};
  std::map<std::string, std::string> names;
  if (team_names == nullptr) {
    for (const auto& t : storage::ListTeams(tx, content.workspace_id)) names[t.id] = t.name;
    team_names = &names;
  }
  const auto approvals = storage::ListApprovals(tx, content.id);
  // Without any decision no revision can be validated: its history need not be read.
  std::vector<storage::RevisionRecord> revisions;
  if (!approvals.empty()) revisions = storage::ListRevisions(tx, content.id, false);
  return Summarize(content, statuses, approvals, revisions, *team_names);
}

}  // namespace copydesk::content
