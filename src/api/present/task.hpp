#pragma once

// Tasks and task lists as the API answers them.

#include <boost/json/object.hpp>

#include "collab/tasks.hpp"
#include "storage/collab_store.hpp"

namespace copydesk::api {

//! A task: what, for whom, when, and whether it is done.
boost::json::object TaskJson(const storage::TaskRecord& task);
//! A task as changed, with the status its content could move on to when it was the last open
//! one (`suggest_next_status`).
boost::json::object TaskChangeJson(const collab::TaskChange& change);
//! A task list with its reusable tasks.
boost::json::object TaskListJson(const storage::TaskListRecord& list);

}  // namespace copydesk::api
