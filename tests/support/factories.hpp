#pragma once
// A world for domain tests: a real SQLite database in a temporary data folder, migrated as the
// server migrates it, and the domain services the server wires over it. Factories make people,
// workspaces, members and contents through the services' public calls, so every row and event
// is what a real request would have written.

#include <boost/json.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "content/contents.hpp"
#include "core/config.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "workflow/workflow.hpp"
#include "workspace/settings.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::testing {

//! Thrown by Must when a step a test builds on fails; gtest reports it as the test's failure.
struct StepFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

//! "kind: detail (field: message, ...)" — enough to see why a call failed.
std::string Describe(const Error& error);

//! The value of a call the test builds on; a failure stops the test, saying why.
template <class T>
T Must(Result<T> result, const std::string& what = "call") {
  if (!result.ok()) throw StepFailed(what + " failed: " + Describe(result.error()));
  return std::move(result).value();
}
inline void Must(Result<void> result, const std::string& what = "call") {
  if (!result.ok()) throw StepFailed(what + " failed: " + Describe(result.error()));
}

//! A workspace and the person who owns it.
struct Workspace {
  std::string id;
  auth::Actor owner;
};

//! What a new workspace is; unset members take the defaults of a French desk.
struct WorkspaceSpec {
  std::string name = "Énergie Sud";
  std::string language = "fr";
  std::string owner_name = "Chloé Martin";
};

//! What a new content says; unset members are left out of the create, as a client would.
struct ContentSpec {
  const auth::Actor* author = nullptr;  //!< null: the workspace's owner
  std::string type = "article";         //!< key or id
  std::string title = "Tarifs 2025 : ce qui change";
  std::optional<std::string> language;
  boost::json::object fields;
  std::vector<std::string> channels;  //!< channel ids
  std::vector<std::string> tags;
  std::optional<std::string> owner;  //!< user id
  std::vector<std::string> assignees;
};

//! A temporary data folder, the migrated database and the domain services over it.
class TestWorld {
 public:
  TestWorld();
  TestWorld(const TestWorld&) = delete;
  TestWorld& operator=(const TestWorld&) = delete;

  //! The migrated database, for services a test builds beside the world's own.
  storage::Database& db() { return *db_; }
  //! The configuration the services were given (its data folder is the world's).
  const Config& config() const { return config_; }

  //! A person with an account (no password) named `name`, with a fresh e-mail.
  auth::Actor MakeUser(const std::string& name = "Claire Dupont");
  //! A workspace, seeded with its defaults (channels, types, teams, workflow), and its owner.
  Workspace MakeWorkspace(const WorkspaceSpec& spec = {});
  //! A new person added to `ws` with `role`, by its owner. `name` defaults to "Claire <role>".
  auth::Actor MakeMember(const Workspace& ws, const std::string& role, std::string name = "");
  //! An existing person added to `ws` with `role`, by its owner.
  void AddMember(const Workspace& ws, const auth::Actor& person, const std::string& role);
  //! A content created in `ws` by the spec's author; fails the test when refused.
  content::ContentView MakeContent(const Workspace& ws, const ContentSpec& spec = {});

  //! The id of the workspace's channel called `name`.
  std::string ChannelId(const Workspace& ws, const std::string& name);
  //! The id of the workspace's team called `name`.
  std::string TeamId(const Workspace& ws, const std::string& name);
  //! The ids of the workspace's statuses, in workflow order.
  std::vector<std::string> StatusIds(const Workspace& ws);
  //! A content as the owner of `ws` reads it now.
  content::ContentView Read(const Workspace& ws, const std::string& content_id);

  //! What a content create says, built from a spec (for tests that expect a refusal).
  static content::ContentInput InputOf(const ContentSpec& spec);

 private:
  //! The temporary data folder, removed when the world goes (after everything in it is closed).
  struct DataFolder {
    DataFolder();
    ~DataFolder();
    std::filesystem::path path;
  };

  DataFolder folder_;
  Config config_;
  std::unique_ptr<storage::Database> db_;

 public:
  // The domain services, wired as src/app/app.cpp wires them; tests call them as routes do.
  // Declared after db_, so that they are built on it and destroyed before it.
  auth::Accounts accounts;           //!< accounts, sessions, tokens
  workspace::Workspaces workspaces;  //!< workspaces, members, invitations, teams
  workspace::Settings settings;      //!< channels, content types, projects, tags
  content::Contents contents;        //!< contents and their history
  workflow::Workflow workflow;       //!< statuses, gates, approvals, locks, activity
};

//! A field's text in a content or revision's fields ("" when unset or not text).
std::string FieldOf(const std::string& fields_json, const std::string& key);
//! The parsed extra members of an error's problem body (an empty object when none).
boost::json::object ExtraOf(const Error& error);
//! True when the error names `field` among its faults.
bool NamesField(const Error& error, const std::string& field);
//! The strings, sorted.
std::vector<std::string> Sorted(std::vector<std::string> values);

}  // namespace copydesk::testing
