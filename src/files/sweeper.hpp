#pragma once

// The background sweep of stored files: a blob no revision, attachment or media version names
// any more is deleted once the retention period has passed.

#include <condition_variable>
#include <mutex>
#include <thread>

#include "files/files.hpp"

namespace copydesk::files {

//! Runs Files::Sweep every `interval_ms` on a thread of its own until stopped.
class Sweeper {
 public:
  Sweeper(Files& files, int interval_ms, std::int64_t retention_ms)
      : files_(files), interval_ms_(interval_ms), retention_ms_(retention_ms) {}
  ~Sweeper() { Stop(); }
  Sweeper(const Sweeper&) = delete;
  Sweeper& operator=(const Sweeper&) = delete;

  //! Starts the thread.
  void Start();
  //! Stops it, after the sweep under way if any.
  void Stop();

 private:
  Files& files_;
  const int interval_ms_;
  const std::int64_t retention_ms_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace copydesk::files
