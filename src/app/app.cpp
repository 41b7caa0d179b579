#include "app/app.hpp"

#include <filesystem>

#include "api/api.hpp"
#include "api/live.hpp"
#include "auth/accounts.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "search/indexer.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk {

std::string DatabasePath(const Config& config) {
  return (std::filesystem::path(config.data_dir) / "copydesk.db").string();
}

std::unique_ptr<storage::Database> OpenDatabase(const Config& config) {
  std::filesystem::create_directories(config.data_dir);
  auto db = std::make_unique<storage::SqliteDatabase>(DatabasePath(config),
                                                      std::max(2, config.worker_threads));
  db->Migrate();
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
        index(std::filesystem::path(config.data_dir) / "search"),
        indexer(*db, index),
        search(*db, index),
        views(*db),
        comments(*db),
        tasks(*db),
        task_lists(*db),
        notifications(*db),
        files(config.web_dir),
        services{config,   *db,    metrics, accounts, workspaces, settings,   contents,
                 workflow, search, views,   comments, tasks,      task_lists, notifications},
        dispatcher(router, files, metrics),
        live(*db, accounts, config),
        server(config, dispatcher, metrics, &live) {
    api::RegisterRoutes(router, services);
  }

  Config config;
  std::unique_ptr<storage::Database> db;
  http::Metrics metrics;
  auth::Accounts accounts;
  workspace::Workspaces workspaces;
  workspace::Settings settings;
  content::Contents contents;
  workflow::Workflow workflow;
  search::SearchIndex index;
  search::Indexer indexer;  // feeds the index from the events, on a thread of its own
  search::Search search;
  search::SavedViews views;
  collab::Comments comments;
  collab::Tasks tasks;
  collab::TaskLists task_lists;
  collab::Notifications notifications;
  http::StaticFiles files;
  api::Services services;
  http::Router router;
  http::Dispatcher dispatcher;
  api::LiveHub live;  // woken by the database's commits; fed to the server's WebSockets
  http::Server server;
};

App::App(Config config) : parts_(std::make_unique<Parts>(std::move(config))) {
  SetLogLevel(parts_->config.log_level);
}

App::~App() {
  Shutdown(0);
}

void App::Start() {
  parts_->indexer.Start();
  parts_->live.Start();
  parts_->server.Start();
}

std::string App::Address() const {
  return parts_->server.Address();
}

void App::Shutdown(int grace_ms) {
  parts_->server.Shutdown(std::chrono::milliseconds(grace_ms));
  parts_->live.Stop();
  parts_->indexer.Stop();
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

}  // namespace copydesk
