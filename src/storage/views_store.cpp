#include "storage/views_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kColumns =
    "id, workspace_id, author_id, name, q, filters, sort, shared, created_at, updated_at, screen";

SavedViewRecord ViewOf(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Text(3),
          r.Text(4),
          r.Text(5),
          r.Text(6),
          r.Int(7) != 0,
          r.Int(8),
          r.Int(9),
          r.IsNull(10) ? std::nullopt : std::optional<std::string>(r.Text(10))};
}

}  // namespace

std::vector<SavedViewRecord> ListSavedViews(Tx& tx, const std::string& workspace_id,
                                            const std::string& user_id, bool with_shared) {
  return tx.Rows(std::string("SELECT ") + kColumns +
                     " FROM saved_views WHERE workspace_id = ? AND ((shared = 1 AND ? = 1)"
                     " OR author_id = ?) ORDER BY name, id",
                 {workspace_id, std::int64_t{with_shared ? 1 : 0}, user_id}, ViewOf);
}

std::optional<SavedViewRecord> FindSavedView(Tx& tx, const std::string& workspace_id,
                                             const std::string& id) {
  return tx.First(
      std::string("SELECT ") + kColumns + " FROM saved_views WHERE workspace_id = ? AND id = ?",
      {workspace_id, id}, ViewOf);
}

void InsertSavedView(Tx& tx, const SavedViewRecord& v) {
  tx.Exec(
      "INSERT INTO saved_views (id, workspace_id, author_id, name, q, filters, sort, shared, "
      "created_at,"
      " updated_at, screen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {v.id, v.workspace_id, v.author_id, v.name, v.q, v.filters_json, v.sort,
       std::int64_t{v.shared ? 1 : 0}, v.created_at, v.updated_at,
       v.screen ? Value(*v.screen) : Value(nullptr)});
}

void UpdateSavedView(Tx& tx, const SavedViewRecord& v) {
  tx.Exec(
      "UPDATE saved_views SET name = ?, q = ?, filters = ?, sort = ?, shared = ?, updated_at = ?, "
      "screen = ?"
      " WHERE id = ?",
      {v.name, v.q, v.filters_json, v.sort, std::int64_t{v.shared ? 1 : 0}, v.updated_at,
       v.screen ? Value(*v.screen) : Value(nullptr), v.id});
}

void DeleteSavedView(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM saved_views WHERE id = ?", {id});
}

}  // namespace copydesk::storage
