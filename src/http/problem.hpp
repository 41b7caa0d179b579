#pragma once

#include <string>

#include "core/result.hpp"
#include "http/message.hpp"

namespace copydesk::http {

//! The HTTP status of an error kind: the only place where the mapping lives.
int HttpStatus(ErrorKind kind);

//! An `application/problem+json` response for `error`:
//! {"type","title","status","detail","errors":[{"field","message"}]}. Internal errors carry no
//! detail beyond a generic sentence; their `log` text goes to the log only.
Response ProblemResponse(const Error& error);

}  // namespace copydesk::http
