#pragma once

#include <optional>
#include <string>

#include "auth/policy.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

namespace copydesk::collab {

//! What a caller is to one content: its record, their role and facts.
struct Standing {
  storage::ContentRecord content;
  std::optional<auth::Role> role;
  auth::ContentFacts facts;

  //! The policy's answer for `action` on this content.
  bool Can(auth::Action action) const { return auth::Can(role, action, facts); }
};

//! Loads a content the caller may read: 404 when it does not exist or they may not read it, so
//! what one may not see does not exist for them.
Result<Standing> StandOn(storage::Tx& tx, const std::string& user_id,
                         const std::string& content_id);

}  // namespace copydesk::collab
