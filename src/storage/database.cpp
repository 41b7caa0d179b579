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

std::string JsonArrayRows(Dialect dialect, std::string_view column, std::string_view alias) {
  if (dialect == Dialect::kPostgres) {
    return "json_array_elements_text(" + std::string(column) + "::json) AS " + std::string(alias) +
           "(value)";
  }
  return "json_each(" + std::string(column) + ") " + std::string(alias);
}

std::string JsonArrayAgg(Dialect dialect, std::string_view expr) {
  return (dialect == Dialect::kPostgres ? "json_agg(" : "json_group_array(") + std::string(expr) +
         ")";
}

bool TableExists(Tx& tx, std::string_view name) {
  const std::string table(name);
  if (tx.dialect() == Dialect::kPostgres) {
    return tx.Scalar(
               "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = "
               "current_schema() AND tablename = ?",
               {table}) > 0;
  }
  return tx.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                   {table}) > 0;
}

}  // namespace copydesk::storage
