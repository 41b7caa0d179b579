#pragma once

// Routes that convert documents (imports, exports, proof packs) run their converter while their
// request holds a worker thread: this keeps enough workers free for everyone else.

#include "api/api.hpp"
#include "api/route.hpp"

namespace copydesk::api {

//! `handle` run under a conversion ticket: at most all the worker threads but two convert (or
//! wait for a converter) at once; beyond, the answer is 503 at once with Retry-After, so reads and
//! writes always find a worker.
Handle Converting(const Services& s, Handle handle);

}  // namespace copydesk::api
