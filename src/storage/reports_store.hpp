#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/workflow_store.hpp"

// What the workspace report (issue 16) reads: events of a few kinds over a window, and the
// history and facts of the contents met there. Both queries run on indexes of migration 0023.
namespace copydesk::storage {

//! The events of `kinds` of a workspace with `from` <= created_at < `to`, oldest first (actor
//! names left empty: the report does not show them).
std::vector<EventRecord> ListWorkspaceEventsOfKinds(Tx& tx, const std::string& workspace_id,
                                                    const std::vector<std::string>& kinds,
                                                    TimeMs from, TimeMs to);

//! The events of `kinds` about each of `subject_ids` (contents) created before `to`, oldest
//! first per subject; read in batches so that any number of contents stays a few queries.
std::vector<EventRecord> ListSubjectEventsOfKinds(Tx& tx,
                                                  const std::vector<std::string>& subject_ids,
                                                  const std::vector<std::string>& kinds, TimeMs to);

//! A content as the report names it.
struct ReportContent {
  std::string id;
  std::string title;
  TimeMs created_at = 0;
  std::vector<std::string> channel_ids;  //!< its channels now
};

//! The contents of a workspace among `ids` that still exist, with their channels.
std::vector<ReportContent> ListReportContents(Tx& tx, const std::string& workspace_id,
                                              const std::vector<std::string>& ids);

}  // namespace copydesk::storage
