#pragma once

#include <string_view>
#include <vector>

namespace copydesk::storage {

//! One numbered schema change, compiled into the binary from a `NNNN_name.sql` file.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

//! The SQLite migrations, in version order (generated at build time).
const std::vector<Migration>& SqliteMigrations();

}  // namespace copydesk::storage
