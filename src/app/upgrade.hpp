#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "storage/database.hpp"

namespace copydesk {

//! The folder of the backups taken before each upgrade, inside the data folder.
std::filesystem::path UpgradeBackupFolder(const Config& config);

//! The upgrade backups kept, oldest first.
std::vector<std::filesystem::path> UpgradeBackups(const Config& config);

//! Brings an open database's schema up to this binary's: refuses (SchemaTooNewError) a database
//! a newer copydesk migrated, and takes a consistent backup first unless the database is new,
//! already current, or the configuration says not to. Returns the migrations applied.
int UpgradeSchema(storage::Database& db, const Config& config);

}  // namespace copydesk
