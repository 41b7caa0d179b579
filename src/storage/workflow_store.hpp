#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A status of a workspace's workflow, with its gate.
struct StatusRecord {
  std::string id;
  std::string workspace_id;
  std::string name;
  std::string color;
  std::string category;
  std::int64_t position = 0;
  std::optional<std::string> gate_teams_json;  //!< JSON array of team ids; nullopt: no gate
  bool gate_no_violations = false;
  bool gate_blocking = false;
  TimeMs created_at = 0;
};

//! A decision on one revision of a content, by a member of a team (or a link visitor).
struct ApprovalRecord {
  std::string id;
  std::string content_id;
  std::int64_t revision = 0;
  std::string content_hash;
  std::optional<std::string> team_id;
  std::optional<std::string> status_id;
  std::string decision;
  std::string comment;
  std::optional<std::string> user_id;
  std::optional<std::string> visitor_name;
  std::optional<std::string> visitor_email;
  TimeMs created_at = 0;
  std::optional<std::string> link_id;  //!< the review link a visitor decided through
  std::string user_name;               //!< read only: the approver's name
  std::string team_name;               //!< read only
  //! The channel ids whose variants were in the revision approved (a JSON array), recorded
  //! from the content when the approval is inserted.
  std::string covered_variants_json = "[]";
};

//! One event of the activity, with its actor's name.
struct EventRecord {
  std::int64_t seq = 0;
  std::optional<std::string> workspace_id;
  std::optional<std::string> actor_id;
  std::string actor_name;
  std::string kind;
  std::optional<std::string> subject_id;
  std::string data_json;
  TimeMs created_at = 0;
};

//! The statuses of a workspace, in order.
std::vector<StatusRecord> ListStatuses(Tx& tx, const std::string& workspace_id);
//! Adds a status.
void InsertStatus(Tx& tx, const StatusRecord& status);
//! Saves a status.
void UpdateStatus(Tx& tx, const StatusRecord& status);
//! Deletes a status (no content may still be in it).
void DeleteStatus(Tx& tx, const std::string& id);
//! Moves every content of a status to another.
void MoveStatusContents(Tx& tx, const std::string& from, const std::string& to);
//! The ids of the contents (archived included) in a status.
std::vector<std::string> ContentsInStatus(Tx& tx, const std::string& status_id);
//! Number of contents (archived included) in a status.
std::int64_t CountContentsInStatus(Tx& tx, const std::string& status_id);

//! Adds an approval, recording the channels whose variants the content holds now (the text
//! approved); answers them as a JSON array.
std::string InsertApproval(Tx& tx, const ApprovalRecord& approval);
//! The approvals of a content, oldest first.
std::vector<ApprovalRecord> ListApprovals(Tx& tx, const std::string& content_id);

//! The team ids a user belongs to in a workspace.
std::vector<std::string> TeamsOfUser(Tx& tx, const std::string& workspace_id,
                                     const std::string& user_id);

//! Filters of an activity query; empty means any.
struct EventQuery {
  std::string workspace_id;
  std::optional<std::string> subject_id;
  std::optional<std::string> actor_id;
  std::optional<std::string> kind_prefix;
  std::optional<TimeMs> from, to;
  std::optional<std::int64_t> before_seq;
  bool without_comments = false;  //!< leaves out comment.* events
  int limit = 100;
};
//! Events of a workspace, newest first.
std::vector<EventRecord> ListEvents(Tx& tx, const EventQuery& query);

}  // namespace copydesk::storage
