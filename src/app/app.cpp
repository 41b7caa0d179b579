#include "app/app.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "api/api.hpp"
#include "app/upgrade.hpp"
#include "auth/accounts.hpp"
#include "collab/notification_mailer.hpp"
#include "collab/notifier.hpp"
#include "collab/reminders.hpp"
#include "core/log.hpp"
#include "files/sweeper.hpp"
#include "http/disk_metrics.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "live/hub.hpp"
#include "mail/smtp.hpp"
#include "search/indexer.hpp"
#include "storage/batched_migrations.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/search_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "webhooks/deliverer.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk {

std::string DatabasePath(const Config& config) {
  return (std::filesystem::path(config.data_dir) / "copydesk.db").string();
}

std::string BlobFolder(const Config& config) {
  return (std::filesystem::path(config.data_dir) / "blobs").string();
}

std::unique_ptr<storage::Database> ConnectDatabase(const Config& config, int connections) {
  if (storage::PostgresDatabase::IsUrl(config.database)) {
    // Every worker thread may hold a connection (and, reading beside a write, a second one), and
    // the background consumers (indexer, notifier, mailer, reminders, live hub) one each besides.
    const int pool = config.database_pool > 0
                         ? config.database_pool
                         : std::max(connections, 2 * config.worker_threads + 4);
    return std::make_unique<storage::PostgresDatabase>(config.database, pool);
  }
  std::filesystem::create_directories(config.data_dir);
  return std::make_unique<storage::SqliteDatabase>(DatabasePath(config), connections);
}

std::unique_ptr<storage::Database> OpenDatabase(const Config& config) {
  std::filesystem::create_directories(config.data_dir);
  auto db = ConnectDatabase(config, std::max(2, config.worker_threads));
  UpgradeSchema(*db, config);
  return db;
}

struct App::Parts {
  explicit Parts(Config c)
      : config(std::move(c)),
        db(OpenDatabase(config)),
        accounts(*db, config),
        workspaces(*db, config),
        settings(*db),
        contents(*db),
        workflow(*db),
        publications(*db, contents, workflow),
        translations(*db, contents),
        index(std::filesystem::path(config.data_dir) / "search"),
        indexer(*db, index),
        notifier(*db),
        reminders(*db),
        search(*db, index),
        views(*db),
        comments(*db),
        tasks(*db),
        task_lists(*db),
        notifications(*db),
        preferences(*db),
        sharing(*db),
        webhooks(*db, webhooks::TargetPolicy{config.webhook_allow_private}),
        blobs(BlobFolder(config)),
        renditions((std::filesystem::path(config.data_dir) / "renditions").string()),
        media(*db, blobs, renditions),
        exports(*db, blobs),
        sweeper(media, config.blob_sweep_interval_ms, config.blob_retention_ms),
        importer(*db, contents, media, blobs,
                 std::filesystem::path(config.data_dir) / "tmp" / "imports"),
        feeds(*db, search),
        files(config.web_dir),
        services{config,     *db,           metrics,     accounts, workspaces,   settings,
                 contents,   workflow,      search,      views,    comments,     tasks,
                 task_lists, notifications, preferences, sharing,  webhooks,     media,
                 blobs,      exports,       importer,    feeds,    publications, translations},
        dispatcher(router, files, metrics),
        live(*db, config, api::LiveDoor(accounts, config)),
        server(config, dispatcher, metrics, &live) {
    api::RegisterRoutes(router, services);
    metrics.AddCollector([this] { return disk.Render(); });
    metrics.AddCollector([this] {
      // How far the search index is behind the event log: the two sequences, for a scraper
      // (and bench/writes.sh) to tell how long a save waits before it is searchable.
      std::int64_t head = 0;
      try {
        head = db->Read([](storage::Tx& tx) { return storage::LastEventSeq(tx); });
      } catch (const storage::StorageError&) {
        head = -1;
      }
      return http::GaugeText("copydesk_events_head_seq", "The last event written.",
                             static_cast<double>(head)) +
             http::GaugeText("copydesk_search_indexed_seq",
                             "The last event the search index reflects.",
                             static_cast<double>(indexer.AppliedSeq()));
    });
  }

  Config config;
  std::unique_ptr<storage::Database> db;
  http::Metrics metrics;
  http::DiskUsage disk{DatabasePath(config),
                       std::filesystem::path(config.data_dir) / "search",
                       {BlobFolder(config), std::filesystem::path(config.data_dir) / "renditions"}};
  auth::Accounts accounts;
  workspace::Workspaces workspaces;
  workspace::Settings settings;
  content::Contents contents;
  workflow::Workflow workflow;
  planning::Publications publications;
  content::Translations translations;
  search::SearchIndex index;
  search::Indexer indexer;      // feeds the index from the events, on a thread of its own
  collab::Notifier notifier;    // notifications, e-mails and anchors from the events, likewise
  collab::Reminders reminders;  // reminders that come from time passing, likewise
  search::Search search;
  search::SavedViews views;
  collab::Comments comments;
  collab::Tasks tasks;
  collab::TaskLists task_lists;
  collab::Notifications notifications;
  collab::NotificationPreferences preferences;
  std::unique_ptr<collab::NotificationMailer> mailer;  // null: no SMTP server configured
  collab::Sharing sharing;
  webhooks::Webhooks webhooks;
  std::unique_ptr<webhooks::Deliverer> deliverer;  // made at start, when links are known
  files::FolderBlobStore blobs;
  files::Renditions renditions;
  files::Files media;
  convert::Exports exports;    // files out: a content as a file, a .zip, the reference document
  files::Sweeper sweeper;      // deletes stored files unreferenced past the retention period
  convert::Importer importer;  // documents in (pandoc), in data/tmp/imports
  feeds::Feeds feeds;
  http::StaticFiles files;
  api::Services services;
  http::Router router;
  http::Dispatcher dispatcher;
  live::Hub live;  // woken by the database's commits; fed to the server's WebSockets
  http::Server server;
  // Long migrations run beside the server, batch after batch, stopped between two at shutdown.
  std::thread long_migrations;
  std::atomic<bool> stop_long_migrations{false};
};

App::App(Config config) : parts_(std::make_unique<Parts>(std::move(config))) {
  SetLogLevel(parts_->config.log_level);
}

App::~App() {
  Shutdown(0);
}

namespace {

// Links in e-mails are absolute: the public URL, else the address served on.
std::string BaseUrl(const Config& config, const std::string& address) {
  std::string base = config.public_url.empty() ? "http://" + address : config.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::string SenderAddress(const Config& config, const std::string& base_url) {
  if (!config.smtp_from.empty()) return config.smtp_from;
  std::string host = base_url.substr(base_url.find("://") + 3);
  host = host.substr(0, host.find_first_of(":/"));
  return "copydesk@" + (host.empty() ? std::string("localhost") : host);
}

}  // namespace

void App::Start() {
  parts_->indexer.Start();
  if (!parts_->config.notifier_hold) parts_->notifier.Start();
  parts_->reminders.Start(std::chrono::milliseconds(parts_->config.reminder_interval_ms));
  if (!storage::UnfinishedBatchedMigrations(*parts_->db).empty()) {
    parts_->long_migrations = std::thread([parts = parts_.get()] {
      try {
        auto last_log = std::chrono::steady_clock::now();
        storage::RunBatchedMigrations(
            *parts->db, parts->config.migration_batch_rows,
            [&](const storage::BatchProgress& p) {
              const auto now = std::chrono::steady_clock::now();
              if (!p.finished && p.done > 0 && now - last_log < std::chrono::seconds(5)) return;
              last_log = now;
              Log(LogLevel::kInfo, p.finished ? "long migration finished" : "long migration",
                  {{"migration", std::string(p.name)},
                   {"done_rows", p.done},
                   {"total_rows", p.total},
                   {"resumed", p.resumed}});
            },
            &parts->stop_long_migrations, /*pause_ms=*/5);
      } catch (const std::exception& e) {
        // The server goes on: the data is as the last committed batch left it, and the next
        // start resumes from there.
        Log(LogLevel::kError, "long migration stopped", {{"error", e.what()}});
      }
    });
  }
  parts_->live.Start();
  parts_->sweeper.Start();
  parts_->server.Start();
  const Config& config = parts_->config;
  webhooks::DelivererSettings hooks;
  hooks.limits.policy.allow_private = config.webhook_allow_private;
  hooks.limits.timeout_ms = config.webhook_timeout_ms;
  hooks.base_url = BaseUrl(config, parts_->server.Address());
  hooks.interval = std::chrono::milliseconds(config.webhook_interval_ms);
  hooks.first_retry_ms = config.webhook_retry_ms;
  hooks.give_up_ms = config.webhook_give_up_ms;
  parts_->deliverer = std::make_unique<webhooks::Deliverer>(*parts_->db, hooks);
  parts_->deliverer->Start();
  if (config.smtp_url.empty()) {
    Log(LogLevel::kInfo, "e-mail notifications are off: no --smtp-url");
    return;
  }
  const std::string base_url = BaseUrl(config, parts_->server.Address());
  auto smtp = std::make_shared<mail::SmtpClient>(
      mail::SmtpSettings{config.smtp_url, config.smtp_user, config.smtp_password});
  parts_->mailer = std::make_unique<collab::NotificationMailer>(
      *parts_->db,
      [smtp](const std::string& from, const std::string& to, const std::string& message) {
        return smtp->Send(from, to, message);
      },
      collab::MailerSettings{SenderAddress(config, base_url), base_url,
                             std::chrono::milliseconds(config.mail_interval_ms)});
  parts_->mailer->Start();
  Log(LogLevel::kInfo, "e-mail notifications are on", {{"links", base_url}});
}

std::string App::Address() const {
  return parts_->server.Address();
}

void App::Shutdown(int grace_ms) {
  parts_->stop_long_migrations = true;
  if (parts_->long_migrations.joinable()) parts_->long_migrations.join();
  parts_->server.Shutdown(std::chrono::milliseconds(grace_ms));
  parts_->live.Stop();
  if (parts_->mailer) parts_->mailer->Stop();
  if (parts_->deliverer) parts_->deliverer->Stop();
  parts_->reminders.Stop();
  parts_->notifier.Stop();
  parts_->indexer.Stop();
  parts_->sweeper.Stop();
}

void App::RunUntilSignal() {
  parts_->server.RunUntilSignal();
}

storage::Database& App::db() {
  return *parts_->db;
}

const http::Router& App::router() const {
  return parts_->router;
}

search::Indexer& App::indexer() {
  return parts_->indexer;
}

collab::Notifier& App::notifier() {
  return parts_->notifier;
}

collab::Reminders& App::reminders() {
  return parts_->reminders;
}

collab::NotificationMailer* App::mailer() {
  return parts_->mailer.get();
}

webhooks::Deliverer* App::deliverer() {
  return parts_->deliverer.get();
}

}  // namespace copydesk
