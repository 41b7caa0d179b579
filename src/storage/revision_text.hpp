#pragma once

#include <string>

namespace copydesk::storage {

class Tx;

//! A revision's fields, or a version's snapshot, packed: zlib-compressed (texts saved hundreds
//! of times are most of a database). Returns `fields_json` itself when compressing would not
//! make it smaller, or when it is compressed already.
std::string PackFields(const std::string& fields_json);

//! True where fields are stored packed: SQLite. PostgreSQL compresses long values itself
//! (TOAST), and its text columns hold no binary.
bool PacksFields(Tx& tx);

//! `fields_json` as `tx`'s database stores it: packed where PacksFields, else as it is.
std::string StoredFields(Tx& tx, const std::string& fields_json);

//! The placeholder of a StoredFields parameter in `tx`'s SQL: a blob where packed.
const char* StoredFieldsParam(Tx& tx);

//! The fields JSON of a revision (or a snapshot) as stored, compressed or not (JSON always starts
//! with '{', a zlib stream never does). Throws StorageError when a compressed value is damaged.
std::string UnpackFields(const std::string& stored);

//! True when `stored` is the plain JSON of an uncompressed revision.
bool IsPlainFields(const std::string& stored);

}  // namespace copydesk::storage
