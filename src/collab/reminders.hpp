#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::collab {

//! The end of the window in which a content's publication is "near" at `now`: two working days
//! ahead, Saturdays and Sundays (UTC) not counted. On a Tuesday at 10:00 it is Thursday 10:00;
//! on a Friday at 10:00 it is Tuesday 10:00, so a Monday publication is announced on Friday.
TimeMs PublicationNearHorizon(TimeMs now);

//! Gives the reminders that come from time passing rather than from a write, on a thread of its
//! own (like the notifier), through Notify and so each person's preferences (in the app, e-mail,
//! digest or off):
//! - the day before a task is due, to its assignees (task_due, or task_overdue once past);
//! - when a content's publication is near (PublicationNearHorizon) while approvals its status
//!   asks are missing: to its owner and the members of the teams that have not approved
//!   (publication_near).
//! Each reminder is claimed in the database in the transaction that gives it (reminders_sent,
//! keyed by kind, subject and due moment; tasks by the notification's own key), so it is given
//! once across restarts and nodes; a date moved later is a new reminder.
class Reminders {
 public:
  explicit Reminders(storage::Database& db) : db_(db) {}
  ~Reminders();

  //! Gives every reminder due at `now`; returns how many subjects were reminded of. Tests call it
  //! with a time of their choosing, beside the thread.
  int RunOnce(TimeMs now);
  //! Looks every `every` on a thread of its own, until Stop().
  void Start(std::chrono::milliseconds every = std::chrono::minutes(1));
  //! Stops the thread after the pass in progress.
  void Stop();

 private:
  storage::Database& db_;
  std::mutex run_mutex_;  // one pass at a time
  std::thread thread_;
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace copydesk::collab
