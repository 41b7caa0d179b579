#include "files/sweeper.hpp"

#include "core/log.hpp"

namespace copydesk::files {

void Sweeper::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        if (const int removed = files_.Sweep(NowMs(), retention_ms_); removed > 0)
          Log(LogLevel::kInfo, "unreferenced files deleted", {{"files", removed}});
      } catch (const std::exception& e) {
        // The next sweep tries again: nothing is lost by waiting.
        Log(LogLevel::kWarn, "file sweep failed", {{"error", e.what()}});
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stopping_; });
    }
  });
}

void Sweeper::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace copydesk::files
