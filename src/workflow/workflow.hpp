#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "content/approvals.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::workflow {

using content::ApprovalSummary;
using content::Gate;

//! A status as an admin describes it in the workflow editor.
struct StatusInput {
  std::optional<std::string> id;  //!< absent: a new status
  std::string name;
  std::string color;
  std::string category;
  std::optional<Gate> gate;
};

//! An approval with whether it still holds for the current text.
struct ApprovalView {
  storage::ApprovalRecord approval;
  bool stale = false;
};

//! The result of a status move.
struct MoveOutcome {
  storage::ContentRecord content;
  //! Advisory gates passed without their approval (recorded in the activity): team id → name.
  std::vector<std::pair<std::string, std::string>> missing_teams;
  bool violations_ignored = false;
};

//! Statuses, gates, approvals, locks and the activity trail.
class Workflow {
 public:
  explicit Workflow(storage::Database& db) : db_(db) {}

  //! The workspace's statuses, in order.
  Result<std::vector<storage::StatusRecord>> Statuses(const auth::Actor& actor,
                                                      const std::string& ws);
  //! Replaces the workflow: listed statuses are kept (by id) or added, in this order; those left
  //! out are deleted, their contents moved as `move_to` says (409 when a status in use has no
  //! destination). No content ever ends up without a status.
  Result<std::vector<storage::StatusRecord>> Replace(
      const auth::Actor& actor, const std::string& ws, const std::vector<StatusInput>& statuses,
      const std::map<std::string, std::string>& move_to);

  //! Moves a content to a status. Forward moves pass the gates of every status left behind:
  //! blocking gates refuse with 409 naming what is missing; advisory ones record it.
  Result<MoveOutcome> Move(const auth::Actor& actor, const std::string& content_id,
                           const std::string& status_id, const std::string& comment,
                           std::optional<std::int64_t> base_version);

  //! Records a decision on the current revision for a team the current status asks, by a member
  //! of that team. Seals the revision. 409 when `revision` is not the current one.
  Result<storage::ApprovalRecord> Decide(const auth::Actor& actor, const std::string& content_id,
                                         std::int64_t revision, const std::string& decision,
                                         const std::string& comment,
                                         const std::optional<std::string>& team_id);
  //! Every approval of a content, with whether it is stale, and the summary.
  Result<std::pair<std::vector<ApprovalView>, ApprovalSummary>> Approvals(
      const auth::Actor& actor, const std::string& content_id);

  //! Locks a content's text (admins, or a member of a team the workflow has asked); edits then
  //! answer 423 with the reason.
  Result<storage::ContentRecord> Lock(const auth::Actor& actor, const std::string& content_id,
                                      const std::string& reason);
  //! Lifts the lock (the same people, and whoever set it).
  Result<storage::ContentRecord> Unlock(const auth::Actor& actor, const std::string& content_id);

  //! The activity of one content, newest first.
  Result<std::vector<storage::EventRecord>> ContentActivity(const auth::Actor& actor,
                                                            const std::string& content_id,
                                                            std::optional<std::int64_t> before,
                                                            int limit);
  //! The activity of a workspace, newest first, filtered.
  Result<std::vector<storage::EventRecord>> WorkspaceActivity(const auth::Actor& actor,
                                                              const std::string& ws,
                                                              storage::EventQuery query);

 private:
  storage::Database& db_;
};

}  // namespace copydesk::workflow
