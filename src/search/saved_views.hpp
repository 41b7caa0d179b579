#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/views_store.hpp"

namespace copydesk::search {

//! What a view create or change says; unset members stay as they are.
struct ViewInput {
  std::optional<std::string> name;
  std::optional<std::string> q;
  std::optional<boost::json::object> filters;  //!< filter name → array of values, or a date
  std::optional<std::string> sort;
  std::optional<bool> shared;
  //! The screen it opens on: "contents", "board" or "search"; an empty string clears it.
  std::optional<std::string> screen;
};

//! Saved views: a search or list with its filters and order, kept by name. A shared view is
//! visible to the whole workspace; a private one only to its author (others get 404).
class SavedViews {
 public:
  explicit SavedViews(storage::Database& db) : db_(db) {}

  //! The views the caller sees in `ws`: the shared ones and their own.
  Result<std::vector<storage::SavedViewRecord>> List(const auth::Actor& actor,
                                                     const std::string& ws);
  //! Saves a new view (name required).
  Result<storage::SavedViewRecord> Create(const auth::Actor& actor, const std::string& ws,
                                          ViewInput input);
  //! Changes a view: its author, or an admin for a shared view.
  Result<storage::SavedViewRecord> Update(const auth::Actor& actor, const std::string& ws,
                                          const std::string& id, ViewInput input);
  //! Deletes a view: its author, or an admin for a shared view.
  Result<void> Delete(const auth::Actor& actor, const std::string& ws, const std::string& id);

 private:
  storage::Database& db_;
};

//! Checks a view's filters: known names, arrays of strings (dates as strings, archived a boolean).
std::optional<FieldError> CheckViewFilters(const boost::json::object& filters);

}  // namespace copydesk::search
