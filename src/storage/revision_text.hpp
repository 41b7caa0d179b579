#pragma once

#include <string>

namespace copydesk::storage {

//! A revision's fields, or a version's snapshot, as stored: zlib-compressed (texts saved
//! hundreds of times are most of a database). Returns `fields_json` itself when compressing
//! would not make it smaller, or when it is compressed already.
std::string PackFields(const std::string& fields_json);

//! The fields JSON of a revision (or a snapshot) as stored, compressed or not (JSON always starts
//! with '{', a zlib stream never does). Throws StorageError when a compressed value is damaged.
std::string UnpackFields(const std::string& stored);

//! True when `stored` is the plain JSON of an uncompressed revision.
bool IsPlainFields(const std::string& stored);

}  // namespace copydesk::storage
