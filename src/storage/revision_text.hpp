#pragma once

#include <string>

namespace copydesk::storage {

class Tx;

//! A sealed revision's fields as stored: zlib-compressed (a revision never changes once sealed,
//! and long texts saved hundreds of times are most of a database). Returns `fields_json` itself
//! when compressing would not make it smaller.
std::string PackSealedFields(const std::string& fields_json);

//! True where sealed revisions are stored compressed: SQLite. PostgreSQL compresses long values
//! itself (TOAST), and its text columns hold no binary.
bool PacksSealedFields(Tx& tx);

//! The fields JSON of a revision as stored, compressed or not (JSON always starts with '{', a
//! zlib stream never does). Throws StorageError when a compressed value is damaged.
std::string UnpackFields(const std::string& stored);

//! True when `stored` is the plain JSON of an uncompressed revision.
bool IsPlainFields(const std::string& stored);

}  // namespace copydesk::storage
