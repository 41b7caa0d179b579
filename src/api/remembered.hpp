#pragma once

// Answers kept for the next identical request. A busy morning is many people opening the same
// lists and calendars, and a reader who reloads; between two writes those answers do not change,
// and building one costs twenty times what sending a kept one does.

#include "api/route.hpp"
#include "storage/database.hpp"

namespace copydesk::api {

//! How long a kept answer serves: a write changes its key at once; this bounds what its key
//! cannot see, the clock (a content turning late).
inline constexpr TimeMs kAnswerLifetimeMs = 1000;

//! `handle` (a read-only GET), its 200 answers kept per caller and request for the next identical
//! request at the same state of `db`. The key is the caller (a member by their account, never
//! shared between two people: what one may see is theirs), the request's method and target (path
//! and query as sent) and the database's DataState read before the handler reads anything, so a
//! kept answer is never older than the last write committed before the request. Does nothing
//! when the database cannot tell its state (a server database other nodes write to).
Handle Remembered(storage::Database& db, Handle handle);

}  // namespace copydesk::api
