#include "storage/settings_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kChannelColumns =
    "id, workspace_id, parent_id, name, color, char_limit, position, created_at, network";

ChannelRecord ReadChannel(const Row& r) {
  return {r.Text(0),   r.Text(1), r.OptText(2), r.Text(3),   r.Text(4),
          r.OptInt(5), r.Int(6),  r.Int(7),     r.OptText(8)};
}

constexpr const char* kTypeColumns =
    "id, workspace_id, key, name, fields, position, created_at, updated_at";

ContentTypeRecord ReadType(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6), r.Int(7)};
}

constexpr const char* kProjectColumns =
    "id, workspace_id, name, description, archived_at, created_at, updated_at";

ProjectRecord ReadProject(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.OptInt(4), r.Int(5), r.Int(6)};
}

std::string Select(const char* columns, const char* rest) {
  return std::string("SELECT ") + columns + " " + rest;
}

}  // namespace

std::vector<ChannelRecord> ListChannels(Tx& tx, const std::string& workspace_id) {
  static const std::string sql =
      Select(kChannelColumns, "FROM channels WHERE workspace_id = ? ORDER BY position, name, id");
  auto all = tx.Rows(sql, {workspace_id}, ReadChannel);
  // Parents before children, siblings in position order: a depth-first walk of the tree.
  std::vector<ChannelRecord> out;
  std::vector<bool> taken(all.size(), false);
  std::function<void(const std::optional<std::string>&)> walk = [&](const auto& parent) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!taken[i] && all[i].parent_id == parent) {
        taken[i] = true;
        out.push_back(all[i]);
        walk(std::optional<std::string>(all[i].id));
      }
    }
  };
  walk(std::nullopt);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!taken[i]) out.push_back(all[i]);  // orphans, should never happen
  }
  return out;
}

std::optional<ChannelRecord> FindChannel(Tx& tx, const std::string& workspace_id,
                                         const std::string& id) {
  static const std::string sql =
      Select(kChannelColumns, "FROM channels WHERE workspace_id = ? AND id = ?");
  return tx.First(sql, {workspace_id, id}, ReadChannel);
}

void InsertChannel(Tx& tx, const ChannelRecord& c) {
  tx.Exec(
      "INSERT INTO channels (id, workspace_id, parent_id, name, color, char_limit, position, "
      "created_at, network) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {c.id, c.workspace_id, Nullable(c.parent_id), c.name, c.color, Nullable(c.char_limit),
       c.position, c.created_at, Nullable(c.network)});
}

void UpdateChannel(Tx& tx, const ChannelRecord& c) {
  tx.Exec(
      "UPDATE channels SET parent_id = ?, name = ?, color = ?, char_limit = ?, position = ?, "
      "network = ? WHERE id = ?",
      {Nullable(c.parent_id), c.name, c.color, Nullable(c.char_limit), c.position,
       Nullable(c.network), c.id});
}

void DeleteChannel(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM channels WHERE id = ?", {id});
}

std::int64_t CountContentsOnChannel(Tx& tx, const std::string& channel_id) {
  return tx.Scalar("SELECT COUNT(*) FROM content_channels WHERE channel_id = ?", {channel_id});
}

void MoveChannelContents(Tx& tx, const std::string& from, const std::string& to) {
  tx.Exec(
      // The publication goes with the content to the channel that takes its place, unless the
      // content is already on that one (its own publication there stands).
      "INSERT INTO content_channels (content_id, channel_id, planned_at, published_at, url, "
      "published_by) SELECT content_id, ?, planned_at, published_at, url, published_by FROM "
      "content_channels WHERE channel_id = ? ON CONFLICT DO NOTHING",
      {to, from});
  tx.Exec("DELETE FROM content_channels WHERE channel_id = ?", {from});
}

std::int64_t CountChildChannels(Tx& tx, const std::string& channel_id) {
  return tx.Scalar("SELECT COUNT(*) FROM channels WHERE parent_id = ?", {channel_id});
}

std::vector<ContentTypeRecord> ListContentTypes(Tx& tx, const std::string& workspace_id) {
  static const std::string sql =
      Select(kTypeColumns, "FROM content_types WHERE workspace_id = ? ORDER BY position, name, id");
  return tx.Rows(sql, {workspace_id}, ReadType);
}

std::optional<ContentTypeRecord> FindContentType(Tx& tx, const std::string& workspace_id,
                                                 const std::string& id_or_key) {
  static const std::string sql =
      Select(kTypeColumns, "FROM content_types WHERE workspace_id = ? AND (id = ? OR key = ?)");
  return tx.First(sql, {workspace_id, id_or_key, id_or_key}, ReadType);
}

void InsertContentType(Tx& tx, const ContentTypeRecord& t) {
  tx.Exec(
      "INSERT INTO content_types (id, workspace_id, key, name, fields, position, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, t.workspace_id, t.key, t.name, t.fields_json, t.position, t.created_at, t.updated_at});
}

void UpdateContentType(Tx& tx, const ContentTypeRecord& t) {
  tx.Exec("UPDATE content_types SET name = ?, fields = ?, updated_at = ? WHERE id = ?",
          {t.name, t.fields_json, t.updated_at, t.id});
}

void DeleteContentType(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM content_types WHERE id = ?", {id});
}

std::int64_t CountContentsOfType(Tx& tx, const std::string& type_id) {
  return tx.Scalar("SELECT COUNT(*) FROM contents WHERE type_id = ?", {type_id});
}

std::vector<ProjectRecord> ListProjects(Tx& tx, const std::string& workspace_id,
                                        bool include_archived) {
  static const std::string all =
      Select(kProjectColumns,
             "FROM projects WHERE workspace_id = ? ORDER BY archived_at IS NOT NULL, name, id");
  static const std::string active =
      Select(kProjectColumns,
             "FROM projects WHERE workspace_id = ? AND archived_at IS NULL ORDER BY name, id");
  return tx.Rows(include_archived ? all : active, {workspace_id}, ReadProject);
}

std::optional<ProjectRecord> FindProject(Tx& tx, const std::string& workspace_id,
                                         const std::string& id) {
  static const std::string sql =
      Select(kProjectColumns, "FROM projects WHERE workspace_id = ? AND id = ?");
  return tx.First(sql, {workspace_id, id}, ReadProject);
}

void InsertProject(Tx& tx, const ProjectRecord& p) {
  tx.Exec(
      "INSERT INTO projects (id, workspace_id, name, description, archived_at, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {p.id, p.workspace_id, p.name, p.description, Nullable(p.archived_at), p.created_at,
       p.updated_at});
}

void UpdateProject(Tx& tx, const ProjectRecord& p) {
  tx.Exec(
      "UPDATE projects SET name = ?, description = ?, archived_at = ?, updated_at = ? WHERE id = ?",
      {p.name, p.description, Nullable(p.archived_at), p.updated_at, p.id});
}

std::vector<TagCount> ListTags(Tx& tx, const std::string& workspace_id,
                               const std::string& folded_prefix, int limit) {
  // The prefix is matched with a range on the folded key, so the index serves it and no LIKE
  // wildcard in the input can change the meaning.
  return tx.Rows(
      "SELECT MIN(t.tag), COUNT(*) FROM content_tags t JOIN contents c ON c.id = t.content_id "
      "WHERE t.workspace_id = ? AND t.tag_key >= ? AND t.tag_key < ? AND c.archived_at IS NULL "
      "GROUP BY t.tag_key ORDER BY COUNT(*) DESC, t.tag_key LIMIT ?",
      {workspace_id, folded_prefix, folded_prefix + "\xF4\x8F\xBF\xBF", std::int64_t{limit}},
      [](const Row& r) {
        return TagCount{r.Text(0), r.Int(1)};
      });
}

}  // namespace copydesk::storage
