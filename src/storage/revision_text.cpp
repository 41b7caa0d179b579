#include "storage/revision_text.hpp"

#include <zlib.h>

#include "storage/database.hpp"

namespace copydesk::storage {

bool PacksSealedFields(Tx& tx) {
  return tx.dialect() == Dialect::kSqlite;
}

bool IsPlainFields(const std::string& stored) {
  return stored.empty() || stored.front() == '{';
}

std::string PackSealedFields(const std::string& fields_json) {
  if (!IsPlainFields(fields_json)) return fields_json;
  uLongf size = compressBound(static_cast<uLong>(fields_json.size()));
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                reinterpret_cast<const Bytef*>(fields_json.data()),
                static_cast<uLong>(fields_json.size()), Z_DEFAULT_COMPRESSION) != Z_OK ||
      size >= fields_json.size()) {
    return fields_json;
  }
  packed.resize(size);
  return packed;
}

std::string UnpackFields(const std::string& stored) {
  if (IsPlainFields(stored)) return stored;
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) {
    throw StorageError(StorageError::Kind::kFatal, "cannot read a compressed revision");
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data()));
  stream.avail_in = static_cast<uInt>(stored.size());
  std::string out;
  char chunk[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  inflateEnd(&stream);
  if (rc != Z_STREAM_END) {
    throw StorageError(StorageError::Kind::kFatal, "a compressed revision is damaged");
  }
  return out;
}

}  // namespace copydesk::storage
