#pragma once

namespace copydesk::cli {

//! Runs the `copydesk` command line: the subcommand in argv[1], then flags. Returns the exit
//! status.
int Main(int argc, char** argv);

}  // namespace copydesk::cli
