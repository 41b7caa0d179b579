#pragma once

#include <boost/json/object.hpp>

#include "reports/report.hpp"

namespace copydesk::api {

//! The workspace report: its window, publications per channel and month, time in each status,
//! each team's wait, and the approvals gone stale before publication.
boost::json::object ReportJson(const reports::Report& report);

}  // namespace copydesk::api
