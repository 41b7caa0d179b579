#pragma once

// Presenters of a person's account: their profile, their sessions and their API tokens.

#include <boost/json/object.hpp>
#include <string>

#include "storage/accounts_store.hpp"

namespace copydesk::api {

//! A person: id, e-mail, name and language.
boost::json::object UserJson(const storage::UserRecord& user);
//! A signed-in session; `current` when it is the caller's own (`current_id`).
boost::json::object SessionJson(const storage::SessionRecord& session,
                                const std::string& current_id);
//! An API token as listed: never its secret.
boost::json::object TokenJson(const storage::ApiTokenRecord& token);

}  // namespace copydesk::api
