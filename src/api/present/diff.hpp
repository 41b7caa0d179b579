#pragma once

// Two revisions of a content compared, field by field, as the history screen shows them.

#include <boost/json/object.hpp>
#include <cstdint>
#include <vector>

#include "content/contents.hpp"

namespace copydesk::api {

//! The comparison of revision `from` with revision `to`: for a text field its word operations
//! and their HTML, for any other field its value before and after.
boost::json::object DiffJson(std::int64_t from, std::int64_t to,
                             const std::vector<content::FieldDiff>& fields);

}  // namespace copydesk::api
