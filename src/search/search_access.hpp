#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "auth/accounts.hpp"
#include "auth/policy.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/shares_store.hpp"

// Who may read what, for searches: access is part of every query, never a filter applied to
// results afterwards.
namespace copydesk::search::internal {

//! The caller's standing in the workspace searched.
struct Access {
  std::string workspace_id;
  std::optional<auth::Role> role;
  std::string user_id;
  storage::SharedWith shared;  //!< for guests: what is shared with them, read now
};

//! The caller's access to workspace `ws` (its id or slug, as on every workspace route).
Result<Access> AccessTo(storage::Tx& tx, const auth::Actor& actor, const std::string& ws);

//! The contents the caller may read, as a query: the workspace's scope AND what the caller may
//! read in it. Staff read the whole workspace; a guest reads the contents and projects shared
//! with them, read from the database for each search (never from the index, so that a share
//! removed a moment ago already hides its content).
Xapian::Query ReadableBy(const Access& a);

}  // namespace copydesk::search::internal
