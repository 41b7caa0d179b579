#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "core/config.hpp"
#include "support/http_client.hpp"
#include "support/scratch_postgres.hpp"

namespace copydesk::testing {

//! A fresh data folder under the system temp folder, removed at the end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

//! The real server, in this process, on an ephemeral loopback port with its own data folder and,
//! when COPYDESK_TEST_POSTGRES names a cluster, its own fresh PostgreSQL database.
class TestServer {
 public:
  //! `tune` may change the configuration before the server starts (limits, timeouts).
  explicit TestServer(const std::function<void(Config&)>& tune = {});
  ~TestServer();

  //! A new client with an empty cookie jar.
  HttpClient Client() const { return HttpClient("127.0.0.1", port_); }
  int port() const { return port_; }
  App& app() { return *app_; }
  const Config& config() const { return config_; }
  const std::filesystem::path& data_dir() const { return data_.path(); }

 private:
  TempDir data_;
  std::unique_ptr<ScratchPostgres> postgres_;  // outlives the server that uses it
  Config config_;
  std::unique_ptr<App> app_;
  int port_ = 0;
};

//! Waits (polling, up to a few seconds) until the server's notifier has applied every event
//! written so far: notifications, their e-mails and anchor moves follow a write within a second,
//! no longer inside it. Fails the test when it does not.
void WaitForNotifier(TestServer& server);

//! A signed-in person and the workspace the factory put them in.
struct Person {
  HttpClient client;
  std::string user_id;
  std::string email;
  std::string workspace_id;
};

//! Runs first-run setup: the owner, signed in, and the first workspace.
Person MakeOwner(TestServer& server, const std::string& workspace_name = "Énergie Sud");

//! Adds a new person with `role` to the owner's workspace (invitation accepted) and signs them
//! in.
Person MakeMember(TestServer& server, Person& owner, const std::string& role);

//! A person with their own workspace, member of nothing else (for "other workspace" checks).
Person MakeOutsider(TestServer& server, Person& owner);

//! A password that satisfies the rules.
inline const std::string kPassword = "correct horse battery";

}  // namespace copydesk::testing
