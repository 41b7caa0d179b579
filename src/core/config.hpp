#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/address.hpp"
#include "core/log.hpp"
#include "core/result.hpp"

namespace copydesk {

//! Everything an operator can set, by flag (`--data DIR`) or environment (`COPYDESK_DATA`);
//! flags win. Defaults serve a team out of the box.
struct Config {
  std::string data_dir = "./data";  //!< database, index, attachments
  //! Empty: SQLite in the data folder. postgresql://…: that PostgreSQL database instead (the data
  //! folder still holds the search index and files).
  std::string database;
  int database_pool = 0;  //!< PostgreSQL connections per node; 0: 2 × worker threads + 4
  std::string listen = "127.0.0.1:8080";  //!< host:port; port 0 picks a free one
  std::string public_url;                 //!< how people reach the server; https → Secure cookies
  std::string web_dir = "web/dist";       //!< the built web app
  LogLevel log_level = LogLevel::kInfo;
  std::size_t max_body_bytes = 8 << 20;      //!< JSON request bodies
  std::size_t max_upload_bytes = 100 << 20;  //!< one uploaded file, streamed to disk
  std::size_t max_header_bytes = 16 << 10;   //!< request line and headers
  int io_threads = 0;                        //!< 0: one per core
  int worker_threads = 4;                    //!< database and hashing work
  int header_timeout_ms = 30'000;            //!< to receive a request head (also keep-alive idle)
  int body_timeout_ms = 60'000;              //!< to receive a request body
  int write_timeout_ms = 60'000;             //!< to send a response
  int session_idle_days = 7;                 //!< a session unused this long ends
  int session_max_days = 30;                 //!< a session ends this long after login, used or not
  int login_failures_per_account = 10;       //!< per 15 minutes
  int login_failures_per_ip = 100;           //!< per 15 minutes
  std::string smtp_url;          //!< smtp://host:port or smtps://host:port; empty: no e-mail
  std::string smtp_from;         //!< sender address; empty: copydesk@<public host>
  std::string smtp_user;         //!< empty: no login
  std::string smtp_password;     //!< best from the environment (flags show in `ps`)
  int mail_interval_ms = 2'000;  //!< between two looks at the e-mail outbox
  //! Reverse proxies whose X-Forwarded-For names the client; none by default (the socket peer
  //! is then the client, whatever a request says). `Forwarded` is never read.
  std::vector<AddressRange> trusted_proxies;
  std::string metrics_token;  //!< Bearer token that opens /metrics beyond loopback; empty: none
  //! Connections open at once (HTTP and WebSocket); more are answered 503 and closed. 1024: a
  //! team of 20 to 100 people, each with a few tabs (up to 6 HTTP/1.1 connections and a
  //! WebSocket per tab), stays far below it, and 1024 idle connections cost ~30 MiB (a read
  //! buffer and a coroutine frame each) and 1024 file descriptors, which two cores and the
  //! usual limits (systemd's 1024 soft, raised at start up to the hard limit) can carry.
  int max_connections = 1024;
  bool upgrade_backup = true;      //!< back the database up before migrating it
  int keep_upgrade_backups = 3;    //!< upgrade backups kept in <data>/upgrade-backups
  int migration_batch_rows = 500;  //!< rows a long migration rewrites per transaction
  //! Hidden, for tests: `copydesk migrate`'s pause between two batches, so that a test can kill
  //! it in the middle however fast the machine is.
  int migration_pause_ms = 0;
  //! Webhooks may go over http and to loopback, private and link-local addresses.
  bool webhook_allow_private = false;
  int webhook_timeout_ms = 10'000;  //!< for a receiver to answer a delivery
  // Hidden, for tests: the deliverer's pace, first retry delay, and how long failing lasts
  // before a webhook is paused.
  int webhook_interval_ms = 1'000;
  int webhook_retry_ms = 30'000;
  int webhook_give_up_ms = 24 * 60 * 60 * 1000;
  //! Hidden, for tests: the notifier does not start, so that a test can stop the server between
  //! a commit and what the notifier derives from it.
  bool notifier_hold = false;
  //! Hidden, for tests: between two passes of the reminders job (tests drive passes themselves
  //! at a time of their choosing with a long one).
  int reminder_interval_ms = 60'000;
  //! A stored file that no revision, attachment or media version references any more is deleted
  //! this long after it was last referenced (hidden, for tests: a short one).
  std::int64_t blob_retention_ms = 30LL * 24 * 60 * 60 * 1000;
  int blob_sweep_interval_ms = 60 * 60 * 1000;  //!< between two sweeps of unreferenced files

  //! True when cookies must be Secure (public URL is https).
  bool SecureCookies() const { return public_url.rfind("https://", 0) == 0; }
};

//! Reads the environment, then `args` (flags), into a Config. Unknown flags and bad values are
//! errors naming the flag. Leftover positional words are appended to `rest`.
Result<Config> ParseConfig(const std::vector<std::string>& args, std::vector<std::string>& rest,
                           bool allow_unknown_flags = false);

//! The configuration reference, for `--help` and the README.
std::string ConfigHelp();

}  // namespace copydesk
