#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A saved view: a search or list with its filters and order.
struct SavedViewRecord {
  std::string id;
  std::string workspace_id;
  std::string author_id;
  std::string name;
  std::string q;
  std::string filters_json;
  std::string sort;
  bool shared = false;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::optional<std::string> screen;  //!< contents, board or search; nullopt: where filters say
};

//! The views a user sees in a workspace, by name: their own, and the shared ones when
//! `with_shared` (the staff's shared views are not a guest's to read).
std::vector<SavedViewRecord> ListSavedViews(Tx& tx, const std::string& workspace_id,
                                            const std::string& user_id, bool with_shared);
//! One view of a workspace, whoever wrote it.
std::optional<SavedViewRecord> FindSavedView(Tx& tx, const std::string& workspace_id,
                                             const std::string& id);
//! Adds a view.
void InsertSavedView(Tx& tx, const SavedViewRecord& view);
//! Saves a view's name, words, filters, order and sharing.
void UpdateSavedView(Tx& tx, const SavedViewRecord& view);
//! Deletes a view.
void DeleteSavedView(Tx& tx, const std::string& id);

}  // namespace copydesk::storage
