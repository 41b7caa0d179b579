#pragma once

// The commands that take files out of a data folder, and check a proof against it:
//   copydesk export --content ID [--format pdf] [--revision N|validated] [--out FILE] [--as EMAIL]
//   copydesk export --project ID | --view ID [--workspace SLUG] [--format pdf] [--out FILE]
//   copydesk verify-proof FILE [--as EMAIL]

#include <string>
#include <vector>

#include "core/config.hpp"

namespace copydesk::cli {

//! `copydesk export`: one content as a file, or a project or a saved view as a .zip, with
//! progress on stderr. Exit 0 when written.
int ExportCommand(const Config& config, const std::vector<std::string>& rest);

//! `copydesk verify-proof FILE` (the .json twin or the .pdf): recomputes the proof's hashes from
//! the data folder; exit 0 when it matches, 1 when it does not, 2 on error.
int VerifyProofCommand(const Config& config, const std::vector<std::string>& rest);

}  // namespace copydesk::cli
