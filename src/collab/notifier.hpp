#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

#include "storage/database.hpp"

namespace copydesk::collab {

//! Derives from the events table what a write tells people and what follows its text: in-app
//! notifications and their e-mails (assigned, approval requested, decision, approval stale) and
//! the anchors of comments moved into a changed text. Applies events in sequence order and keeps
//! the last applied one (event_consumers "notifier") in the same transaction as what it wrote,
//! so a crash or restart resumes exactly: nothing told twice, nothing lost. Applying an event
//! again changes nothing (an anchor is only moved from a version older than the event's).
class Notifier {
 public:
  explicit Notifier(storage::Database& db);
  ~Notifier();

  //! Applies up to `max_events` events written since the last applied one. Returns how far the
  //! cursor moved: 0 when nothing was pending.
  std::int64_t CatchUp(int max_events = 500);
  //! The last event sequence applied (or looked at and found nothing to derive from).
  std::int64_t LastAppliedSeq();

  //! Polls for new events every `every` on a thread of its own, until Stop().
  void Start(std::chrono::milliseconds every = std::chrono::milliseconds(150));
  //! Stops the thread, after the batch in progress.
  void Stop();
  //! Applies what is pending now, from any thread.
  void Flush();

 private:
  storage::Database& db_;
  std::mutex mutex_;  // one batch at a time
  // Ahead of the stored cursor when the last events held nothing to derive: only batches that
  // write something store it, and reading those events again after a restart writes nothing.
  std::optional<std::int64_t> applied_;
  std::thread thread_;
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace copydesk::collab
