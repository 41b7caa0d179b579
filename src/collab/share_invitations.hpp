#pragma once

#include <optional>
#include <string>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/shares_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::collab {

//! What sharing a content with an e-mail did.
struct EmailShareOutcome {
  std::optional<storage::ShareRecord> share;            //!< the share, when it holds already
  std::optional<storage::InvitationRecord> invitation;  //!< the invitation the share waits on
  std::string invitation_secret;  //!< set when the invitation was made now: shown this once
  bool member_added = false;      //!< an account outside the workspace joined it as a guest
};

//! Shares a content with whoever has `email`, in one step: a member gets the share; an account
//! outside the workspace joins it as a guest with the share; an e-mail without an account is
//! invited as a guest (or its pending invitation reused) and the share waits for the invitation
//! to be accepted. Who may share the content may share it with a member; bringing someone new
//! in takes the right to invite members (admins and owners), and anyone else gets the same
//! refusal whether or not the e-mail has an account.
Result<EmailShareOutcome> ShareByEmail(storage::Database& db, const auth::Actor& actor,
                                       const std::string& content_id, const std::string& email,
                                       const std::string& level, TimeMs now);

}  // namespace copydesk::collab
