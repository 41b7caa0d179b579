#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/policy.hpp"
#include "content/contents.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"
#include "storage/settings_store.hpp"
#include "workspace/content_type.hpp"

// Reading a content for an actor: whether they may see it and act on it, and what they see.
namespace copydesk::content::internal {

//! A content read for an actor, with its type, its fields and how the actor stands on it.
struct Loaded {
  storage::ContentRecord content;
  std::optional<auth::Role> role;  //!< none for a review link's visitor
  storage::ContentTypeRecord type;
  std::vector<workspace::FieldDef> fields;
  std::optional<auth::ShareLevel> shared;  //!< when shares were looked up and give a level
  std::string reader_id;                   //!< who reads it: their linked translations only
};

//! Loads a content the actor may do `action` on: 404 when it does not exist or the actor may not
//! read it (a content one may not see does not exist for them), 403 when they read but may not act.
Result<Loaded> Load(storage::Tx& tx, const auth::Actor& actor, const std::string& id,
                    auth::Action action);

//! The content as its readers get it: with its violations, status and approvals.
ContentView ViewOf(storage::Tx& tx, Loaded loaded, bool merged = false);

//! Edits of a locked content are refused with who locked it and why.
Result<void> CheckNotLocked(storage::Tx& tx, const storage::ContentRecord& c);

}  // namespace copydesk::content::internal
