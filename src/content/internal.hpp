#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

// Helpers the files of content/ share and nothing outside content/ uses.
namespace copydesk::content::internal {

//! The JSON object stored in `text`; an empty object when it is not one.
boost::json::object ParseObject(std::string_view text);

//! The strings as a JSON array.
boost::json::array StringArray(const std::vector<std::string>& v);

//! The strings of a JSON array (other elements skipped); none when `v` is not an array.
std::vector<std::string> Strings(const boost::json::value& v);

//! An optional as JSON: its value, or null.
template <class T>
boost::json::value OptionalJson(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

//! After a change of what approvers validate (text or files) away from `old_hash`: records the
//! approvals that no longer hold (event approval.stale, with who had given them, for the
//! notifier), in the caller's transaction; nothing when none held.
void RecordStaleApprovals(storage::Tx& tx, const storage::ContentRecord& c,
                          const std::string& old_hash, const std::string& actor_id, TimeMs now);

}  // namespace copydesk::content::internal
