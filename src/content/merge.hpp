#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "content/contents.hpp"
#include "storage/contents_store.hpp"
#include "workspace/content_type.hpp"

// Three-way merge of a write made on a stale base with what happened since.
namespace copydesk::content::internal {

//! The state a write is compared with: what three-way merges are made of.
boost::json::object Snapshot(const storage::ContentRecord& c);

//! The state a write asks for, with what could not be combined.
struct Proposal {
  boost::json::object snapshot;  //!< the state the write asks for, on top of the current one
  boost::json::array conflicts;  //!< properties changed on both sides in incompatible ways
  bool merged = false;           //!< some property combined both sides
  std::vector<std::string> changed;
};

//! Builds the state a write proposes. With a stale base, each property it sets is merged with
//! what happened since: untouched since base → taken; text → paragraph merge; sets → set merge.
Proposal Propose(const boost::json::object& current, const std::optional<boost::json::object>& base,
                 const ContentInput& in, const std::vector<workspace::FieldDef>& defs);

}  // namespace copydesk::content::internal
