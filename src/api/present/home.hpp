#pragma once

// The presenter of a workspace's home: each figure with its rows, its count and the link to the
// filtered screen behind it.

#include <boost/json/object.hpp>

#include "collab/home.hpp"

namespace copydesk::api {

//! The day's dashboard of one person (GET /workspaces/{ws}/home).
boost::json::object HomeJson(const collab::Home& home);

}  // namespace copydesk::api
