#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "collab/notifier.hpp"
#include "storage/search_store.hpp"

namespace copydesk::testing {

namespace json = boost::json;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("copydesk-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
           std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

TestServer::TestServer(const std::function<void(Config&)>& tune) {
  config_.data_dir = (data_.path() / "data").string();
  config_.listen = "127.0.0.1:0";
  config_.web_dir = (data_.path() / "web").string();
  config_.log_level = LogLevel::kWarn;
  config_.io_threads = 2;
  config_.worker_threads = 4;
  const std::string own_data_dir = config_.data_dir;
  if (tune) tune(config_);
  if (TestPostgresUrl() && config_.database.empty()) {
    if (config_.data_dir == own_data_dir) {
      postgres_ = std::make_unique<ScratchPostgres>();
      config_.database = postgres_->url();
    } else {
      // A data folder the test chose, to start a server again on what an earlier one left: the
      // database goes with the folder, as the SQLite file inside it would (kept to the end).
      static std::mutex mutex;
      static std::map<std::string, std::unique_ptr<ScratchPostgres>> by_folder;
      std::lock_guard lock(mutex);
      auto& kept = by_folder[config_.data_dir];
      if (!kept) kept = std::make_unique<ScratchPostgres>();
      config_.database = kept->url();
    }
    // The copydesk commands a test runs beside this server (export, import, user) reach the
    // same database: on SQLite they find it in the data folder they are given.
    ::setenv("COPYDESK_DATABASE", config_.database.c_str(), 1);
  }
  app_ = std::make_unique<App>(config_);
  app_->Start();
  const std::string address = app_->Address();
  port_ = std::stoi(address.substr(address.rfind(':') + 1));
}

TestServer::~TestServer() {
  app_->Shutdown(2000);
  if (!config_.database.empty()) ::unsetenv("COPYDESK_DATABASE");
}

namespace {

std::string NewEmail(const std::string& hint) {
  static std::atomic<int> counter{0};
  return hint + std::to_string(counter++) + "@example.com";
}

}  // namespace

Person MakeOwner(TestServer& server, const std::string& workspace_name) {
  Person owner{server.Client(), "", NewEmail("owner"), ""};
  auto response = owner.client.Post("/api/v1/setup", {{"email", owner.email},
                                                      {"name", "Chloé Martin"},
                                                      {"password", kPassword},
                                                      {"workspace_name", workspace_name},
                                                      {"language", "fr"}});
  EXPECT_EQ(response.status, 201) << response.body;
  const auto body = response.Json();
  owner.user_id = std::string(body.at("user").at("id").as_string());
  owner.workspace_id = std::string(body.at("workspace").at("id").as_string());
  return owner;
}

Person MakeMember(TestServer& server, Person& owner, const std::string& role) {
  Person person{server.Client(), "", NewEmail(role), owner.workspace_id};
  auto invited = owner.client.Post("/api/v1/workspaces/" + owner.workspace_id + "/members",
                                   {{"email", person.email}, {"role", role}});
  EXPECT_EQ(invited.status, 201) << invited.body;
  const std::string token(invited.Json().at("invitation").at("token").as_string());
  auto accepted = person.client.Post("/api/v1/invitations/" + token + "/accept",
                                     {{"name", "Claire " + role}, {"password", kPassword}});
  EXPECT_EQ(accepted.status, 201) << accepted.body;
  person.user_id = std::string(accepted.Json().at("user").at("id").as_string());
  return person;
}

Person MakeOutsider(TestServer& server, Person& owner) {
  // An account outside the owner's workspace, with a workspace of its own.
  Person outsider = MakeMember(server, owner, "editor");
  auto removed = owner.client.Delete("/api/v1/workspaces/" + owner.workspace_id + "/members/" +
                                     outsider.user_id);
  EXPECT_EQ(removed.status, 204) << removed.body;
  auto created = outsider.client.Post("/api/v1/workspaces", {{"name", "Agence Lumière"}});
  EXPECT_EQ(created.status, 201) << created.body;
  outsider.workspace_id = std::string(created.Json().at("id").as_string());
  return outsider;
}

void WaitForNotifier(TestServer& server) {
  const auto head =
      server.app().db().Read([](storage::Tx& tx) { return storage::LastEventSeq(tx); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (server.app().notifier().LastAppliedSeq() < head) {
    if (std::chrono::steady_clock::now() > deadline) {
      ADD_FAILURE() << "the notifier did not reach event " << head << " within 5 s";
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace copydesk::testing
