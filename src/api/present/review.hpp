#pragma once

// Presenters of the review page: what a visitor holding a review link sees.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "api/api.hpp"
#include "api/route.hpp"
#include "collab/sharing.hpp"
#include "content/contents.hpp"

namespace copydesk::api {

//! The visitor behind a session (name and e-mail), or null before they said who they are.
boost::json::value VisitorJson(const collab::ReviewSession& session);
//! A content as a visitor reads it, with the visitor's own `decisions` on it (stale when the
//! text changed since).
boost::json::object ReviewContentJson(const content::ContentView& view,
                                      const std::vector<storage::ApprovalRecord>& decisions);
//! The whole review page: the link, the visitor, and every content the link shows them.
boost::json::object ReviewPageJson(Services& s, const Visit& visit);

}  // namespace copydesk::api
