#include "storage/database.hpp"

namespace copydesk::storage {

Error ErrorOf(const StorageError& error) {
  switch (error.kind()) {
    case StorageError::Kind::kUnique:
      return Error::Conflict("This already exists.");
    case StorageError::Kind::kRetry: {
      Error busy{ErrorKind::kUnavailable, "The database is busy. Try again."};
      busy.retry_after_seconds = 1;
      return busy;
    }
    default:
      return Error::Internal(error.what());
  }
}

}  // namespace copydesk::storage
