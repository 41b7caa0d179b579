#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::cli {

//! The name of the demo workspace; a data folder holds it at most once.
inline constexpr const char* kDemoWorkspaceName = "Énergie Sud — démo";

//! What `copydesk demo` is asked for.
struct DemoOptions {
  std::int64_t size = 300;    //!< number of contents
  std::uint64_t seed = 2026;  //!< same seed, same texts and choices
};

//! A demo account, with the password shown once.
struct DemoPerson {
  std::string name;
  std::string email;
  std::string role;
  std::string teams;  //!< "Marketing, Sales"
  std::string password;
};

//! What the demo created.
struct DemoOutcome {
  storage::WorkspaceRecord workspace;
  std::vector<DemoPerson> people;
  std::vector<std::string> teams;
  std::vector<std::string> projects;
  std::int64_t contents = 0;
  std::int64_t with_history = 0;  //!< contents edited after their creation
  std::int64_t revisions = 0;
  std::int64_t archived = 0;
  std::int64_t in_workflow = 0;   //!< contents moved along the workflow by their people
  std::string shared_with_guest;  //!< the content shared with the agency's guest, if any
  double seconds = 0;
};

//! Seeds the bilingual demo workspace of a gas and energy distributor: people and teams,
//! projects, and `options.size` contents written from phrase banks, with histories. Refuses
//! (409) when the data folder already holds the demo workspace or one of its accounts.
//! `progress`, when given, receives a line now and then on large sizes.
Result<DemoOutcome> SeedDemo(storage::Database& db, const DemoOptions& options,
                             std::ostream* progress = nullptr);

//! Prints what the demo created, with the passwords, for the person who ran it.
void PrintDemoOutcome(const DemoOutcome& outcome, const std::string& data_dir, std::ostream& out);

}  // namespace copydesk::cli
