#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace copydesk::convert {

//! What a converter (pandoc, WeasyPrint, pdftotext) may use. A document a person drops in can be
//! hostile (a zip bomb, a file that makes the parser loop), so every run is bounded.
struct ToolLimits {
  std::chrono::milliseconds time{30'000};  //!< wall clock; the process group is killed after
  std::size_t address_space_bytes = 0;     //!< RLIMIT_AS; 0 = none (GHC programs such as pandoc
                                           //!< reserve terabytes of address space: cap their heap
                                           //!< with `+RTS -M…` instead)
  std::size_t output_bytes = 256u << 20;   //!< stdout over this is a failure, not a truncation
  std::size_t file_bytes = 512u << 20;     //!< RLIMIT_FSIZE: largest file the tool may write
};

//! A finished run that exited with status 0.
struct ToolOutput {
  std::string out;  //!< everything the tool wrote on stdout
  std::string err;  //!< its stderr (warnings), capped at 64 KiB
};

//! Why a run failed, so that callers can tell a person "the file could not be read" from
//! "the server is missing pandoc".
enum class ToolFailure {
  kMissing,   //!< the program is not installed
  kTimedOut,  //!< killed after `time`
  kTooLarge,  //!< stdout or a written file over its limit
  kFailed,    //!< non-zero exit or killed by a signal (often: the input is broken)
  kSystem,    //!< fork, pipe or wait failed
};

//! The outcome of RunTool when it did not succeed.
struct ToolError {
  ToolFailure failure = ToolFailure::kSystem;
  int exit_code = -1;  //!< with kFailed: the exit status, or 128 + signal
  std::string err;     //!< the tool's stderr (capped), for the operator's log
};

//! Either the output of a successful run or why it failed.
struct ToolResult {
  bool ok = false;
  ToolOutput output;  //!< when ok
  ToolError error;    //!< when not ok
};

//! Runs `argv` (argv[0] looked up on PATH) in a new process group, in `cwd` when given, with
//! `input` on stdin and no other inherited file descriptors, inside a fresh network namespace
//! when the kernel allows it (converters must never fetch what a document points to). Blocks the
//! calling thread: call it from a worker, never from an I/O thread. The tool runs at nice 10.
ToolResult RunTool(const std::vector<std::string>& argv, std::string_view input,
                   const ToolLimits& limits, const std::filesystem::path& cwd = {});

//! True when `program` is found on PATH (for /readyz-like checks and clear 503s).
bool ToolInstalled(std::string_view program);

}  // namespace copydesk::convert
