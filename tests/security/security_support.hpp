#pragma once
// What the security regression tests share: a server started with flags as an operator types
// them, and a raw connection that stays open across requests.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/config.hpp"
#include "support/raw_connection.hpp"

namespace copydesk::testing {

//! Replaces `c` by what `flags` give on top of the test server's own settings, parsed as the
//! command line is: a flag this build does not know fails the test (rather than the build).
inline void ApplyFlags(Config& c, std::vector<std::string> flags) {
  std::vector<std::string> args = {"--data",           c.data_dir,
                                   "--listen",         c.listen,
                                   "--web-dir",        c.web_dir,
                                   "--log-level",      "warn",
                                   "--io-threads",     std::to_string(c.io_threads),
                                   "--worker-threads", std::to_string(c.worker_threads)};
  args.insert(args.end(), flags.begin(), flags.end());
  std::vector<std::string> rest;
  auto parsed = ParseConfig(args, rest);
  if (!parsed) {
    ADD_FAILURE() << "flags refused: " << parsed.error().detail;
    return;
  }
  c = *parsed;
}

//! A keep-alive GET of `path`.
inline std::string KeepAliveGet(const std::string& path) {
  return "GET " + path + " HTTP/1.1\r\nHost: copydesk\r\n\r\n";
}

}  // namespace copydesk::testing
