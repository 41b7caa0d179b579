#pragma once

#include <memory>
#include <string>

#include "core/config.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace copydesk::search {
class Indexer;
}
namespace copydesk::collab {
class NotificationMailer;
class Notifier;
class Reminders;
}  // namespace copydesk::collab
namespace copydesk::webhooks {
class Deliverer;
}

namespace copydesk {

//! The composed server: storage, domain services, routes and HTTP, wired from one Config. The
//! `serve` command and the API tests build exactly this.
class App {
 public:
  //! Opens the data folder and database, applies migrations, builds the services.
  explicit App(Config config);
  ~App();

  //! Starts serving on background threads.
  void Start();
  //! The address bound, "host:port".
  std::string Address() const;
  //! Graceful stop: finish requests in flight (at most `grace_ms`), then close the database.
  void Shutdown(int grace_ms = 10'000);
  //! Serves until SIGINT or SIGTERM, then stops gracefully.
  void RunUntilSignal();

  //! The database, for commands that work beside the server.
  storage::Database& db();
  //! The routes, for tests that walk every one (authorization matrix, API description).
  const http::Router& router() const;
  //! The search indexer, for tests that apply pending events at once.
  search::Indexer& indexer();
  //! The notifier, for tests that wait until it has applied what a write implied.
  collab::Notifier& notifier();
  //! The e-mail job, for tests that run a pass at a chosen time; null when e-mail is off.
  collab::NotificationMailer* mailer();
  //! The reminders job, for tests that run its passes at a time of their choosing.
  collab::Reminders& reminders();
  //! The webhook deliverer, for tests that run a pass at once; null before Start().
  webhooks::Deliverer* deliverer();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

//! Opens the database of a data folder (created if missing) without serving: for CLI commands.
std::unique_ptr<storage::Database> OpenDatabase(const Config& config);

//! The database the configuration names (SQLite in the data folder, or PostgreSQL by URL), with
//! up to `connections` readers, its schema untouched.
std::unique_ptr<storage::Database> ConnectDatabase(const Config& config, int connections);

//! The folder of stored files (blobs) inside a data folder.
std::string BlobFolder(const Config& config);

//! The database file inside a data folder.
std::string DatabasePath(const Config& config);

}  // namespace copydesk
