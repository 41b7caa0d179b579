#pragma once

#include <boost/json/object.hpp>
#include <string>

namespace copydesk::content {

//! The hash that identifies a text: SHA-256 of the canonical JSON of title and fields (keys
//! sorted), and of the files it goes out with when it has any (`attachments_json`, as a
//! revision records them: a content without files keeps the hash it always had), and of its
//! channel variants when it has any (`variants_json`, stored form: likewise, a content without
//! variants keeps its hash). Equal text, equal hash: a save that changes nothing keeps it, and
//! so keeps approvals given on it.
std::string ContentHash(const std::string& title, const boost::json::object& fields,
                        const std::string& attachments_json = "[]",
                        const std::string& variants_json = "{}");

//! The same object with its keys sorted, recursively: the one stored form of fields.
boost::json::object SortedObject(const boost::json::object& object);

}  // namespace copydesk::content
