#pragma once

// The one reader of a content filter from a query string, shared by the contents list (and the
// board, which lists through it) and search: the same names, the same checks, the same errors.

#include <string>

#include "content/contents.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "storage/content_filter.hpp"

namespace copydesk::api {

//! The filter in `request`'s query string (type=…&channel=…&archived=true&publish_from=…);
//! 400 naming a malformed flag or date. Names it does not know are left to the caller.
Result<storage::ContentFilter> ReadContentFilter(const http::Request& request);

//! An optional integer query parameter between `min` and `max` (a page's size or offset) into
//! `value`, left as it is when absent: 400 naming it when it is not a number, 422 out of bounds.
Result<void> IntParamBetween(const http::Request& request, const std::string& name, int min,
                             int max, int& value);

//! A contents list's query: its filter, order (sort=-updated, or sort with order=asc|desc),
//! cursor and page size; 400/422 naming a parameter it refuses.
Result<content::ListFilter> ReadListFilter(const http::Request& request);

}  // namespace copydesk::api
