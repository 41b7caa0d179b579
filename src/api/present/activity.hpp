#pragma once

// The activity trail of a workspace as it is answered: a page of events for the screen, or the
// CSV an auditor or an integration downloads.

#include <boost/json/object.hpp>
#include <vector>

#include "http/message.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::api {

//! A page of at most `limit` events, newest first, with `next_before` (where the next page
//! starts) when the page is full.
boost::json::object ActivityPageJson(const std::vector<storage::EventRecord>& events, int limit);

//! The events as a CSV download (seq, time, actor, kind, content, details).
http::Response ActivityCsv(const std::vector<storage::EventRecord>& events);

}  // namespace copydesk::api
