#pragma once

// Answers kept for the next identical request. A busy morning is many people opening the same
// lists and calendars, and a reader who reloads; between two writes those answers do not change,
// and building one costs twenty times what sending a kept one does.

#include "api/route.hpp"
#include "storage/database.hpp"

namespace copydesk::api {

//! How long a kept answer serves: writes through this process change its key at once; this
//! bounds what its key cannot see — the clock (a content turning late) and a command such as an
//! import writing to the database beside the server.
inline constexpr TimeMs kAnswerLifetimeMs = 1000;

//! `handle` (a read-only GET), its 200 answers kept per caller and request for the next identical
//! request at the same write generation of `db`. The key is the caller (a member by their
//! account, never shared between two people: what one may see is theirs), the request's method
//! and target (path and query as sent) and the generation read before the handler reads
//! anything, so a kept answer is never older than the last write committed before the request.
//! Does nothing when the database has writers this process does not see (SeesEveryWrite).
Handle Remembered(storage::Database& db, Handle handle);

}  // namespace copydesk::api
