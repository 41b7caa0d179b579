#pragma once

#include <string>
#include <vector>

#include "core/config.hpp"

namespace copydesk::cli {

//! `copydesk import --workspace SLUG [--as EMAIL] [--type KEY] [--language fr|en] FILE…`: each
//! document becomes a content of the workspace, as the import route makes it, recorded as done
//! by `--as` (default: the workspace's first owner). Progress on stderr, a line per content on
//! stdout; the exit status is 1 when any file failed.
int ImportCommand(const Config& config, const std::vector<std::string>& rest);

}  // namespace copydesk::cli
