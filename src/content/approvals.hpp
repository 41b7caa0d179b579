#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/contents_store.hpp"
#include "storage/database.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::content {

//! What a status asks before a content moves forward out of it.
struct Gate {
  std::vector<std::string> teams;  //!< each team must approve the current text
  bool no_violations = false;      //!< the text must respect its template and channels
  bool blocking = false;           //!< refuse the move (409) rather than record what is missing
};

//! Where each team asked by the content's gates stands.
struct TeamApproval {
  std::string team_id;
  std::string team_name;
  std::string state;  //!< "approved", "changes_requested", "stale" or "waiting"
  std::optional<storage::ApprovalRecord> latest;  //!< the team's latest decision
};

//! The approvals of a content at a glance.
struct ApprovalSummary {
  std::optional<std::int64_t> validated_revision;  //!< newest revision holding every approval asked
  std::vector<TeamApproval> teams;
};

//! Decodes a status's gate; nullopt when the status asks nothing.
std::optional<Gate> GateOf(const storage::StatusRecord& status);

//! The status a content is in (the first one when unset), or null when the workflow is empty.
const storage::StatusRecord* StatusOf(const std::vector<storage::StatusRecord>& statuses,
                                      const std::optional<std::string>& status_id);

//! The teams the gates up to and including the content's status ask, in workflow order.
std::vector<std::string> AskedTeams(const std::vector<storage::StatusRecord>& statuses,
                                    const std::optional<std::string>& status_id);

//! The latest decision of each team on one text (content hash).
std::map<std::string, const storage::ApprovalRecord*> LatestByTeam(
    const std::vector<storage::ApprovalRecord>& approvals, const std::string& hash);

//! Where each asked team stands on the current text, and the newest revision that holds every
//! approval asked (none stale). An approval is bound to its text's hash: it holds while the text
//! is the same, goes stale when it changes, and holds again if the approved text comes back.
ApprovalSummary Summarize(const storage::ContentRecord& content,
                          const std::vector<storage::StatusRecord>& statuses,
                          const std::vector<storage::ApprovalRecord>& approvals,
                          const std::vector<storage::RevisionRecord>& revisions,
                          const std::map<std::string, std::string>& team_names);

//! Computes a content's summary in the caller's transaction; reads approvals only when some
//! team is asked, and revisions only when some decision exists. `team_names` (id → name), when
//! given, spares reading the workspace's teams (a list page reads them once).
ApprovalSummary SummarizeInTx(storage::Tx& tx, const storage::ContentRecord& content,
                              const std::vector<storage::StatusRecord>& statuses,
                              const std::map<std::string, std::string>* team_names = nullptr);

}  // namespace copydesk::content
