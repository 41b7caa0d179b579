#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace copydesk::testing {

//! The copydesk binary the tests run: $COPYDESK_BIN, else `copydesk` beside the test executable.
//! Empty when neither exists.
std::string CopydeskBinary();

//! The copydesk binary beside the tests (or COPYDESK_BIN); the test fails without it, since
//! every build that runs these tests also builds the server.
#define REQUIRE_COPYDESK_BINARY(var)        \
  const std::string var = CopydeskBinary(); \
  ASSERT_FALSE(var.empty())                 \
      << "no copydesk binary beside the tests: build the copydesk target or set COPYDESK_BIN"

//! What a finished process left.
struct ProcessOutput {
  int exit_code = -1;  //!< -1 when killed by a signal or timed out
  std::string out;
  std::string err;
};

//! Runs `argv` to its end with `input` on its standard input; kills it after `timeout`.
ProcessOutput RunProcess(const std::vector<std::string>& argv, const std::string& input = "",
                         std::chrono::milliseconds timeout = std::chrono::seconds(20));

//! A child process whose standard error is read line by line (copydesk logs there), killed
//! when this object goes away.
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  //! Reads standard error until a line contains `needle`; returns that line, or nullopt when
  //! the process closes it or `timeout` passes first.
  std::optional<std::string> WaitForLine(const std::string& needle,
                                         std::chrono::milliseconds timeout);
  //! Sends a signal.
  void Signal(int signal);
  pid_t pid() const { return pid_; }
  //! Waits for the process to end; its exit code, or nullopt when it did not end in time (or
  //! was killed by a signal: then `signalled` is set).
  std::optional<int> Wait(std::chrono::milliseconds timeout, int* signalled = nullptr);
  //! Everything read from standard error so far.
  const std::string& err() const { return err_; }

 private:
  pid_t pid_ = -1;
  int err_fd_ = -1;
  bool reaped_ = false;
  std::string err_;
  std::size_t scanned_ = 0;
};

}  // namespace copydesk::testing
