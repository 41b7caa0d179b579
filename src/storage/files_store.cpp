#include "storage/files_store.hpp"

#include <map>

#include "core/text.hpp"
#include "storage/shares_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kVersionColumns =
    "v.media_id, v.number, v.sha256, v.name, v.mime, v.size, v.width, v.height, v.uploaded_by, "
    "u.name, v.uploaded_at";

MediaVersionRecord ReadVersion(const Row& r, int at = 0) {
  MediaVersionRecord v;
  v.media_id = r.Text(at + 0);
  v.number = r.Int(at + 1);
  v.sha256 = r.Text(at + 2);
  v.name = r.Text(at + 3);
  v.mime = r.Text(at + 4);
  v.size = r.Int(at + 5);
  v.width = r.OptInt(at + 6);
  v.height = r.OptInt(at + 7);
  v.uploaded_by = r.Text(at + 8);
  v.uploaded_by_name = r.Text(at + 9);
  v.uploaded_at = r.Int(at + 10);
  return v;
}

// A media file joined with its current version (columns 9 on) and its creator's name.
constexpr const char* kMediaSelect =
    "SELECT m.id, m.workspace_id, m.name, m.kind, m.current_version, m.created_by, cu.name, "
    "m.created_at, m.updated_at, v.media_id, v.number, v.sha256, v.name, v.mime, v.size, "
    "v.width, v.height, v.uploaded_by, u.name, v.uploaded_at FROM media_files m "
    "JOIN users cu ON cu.id = m.created_by "
    "JOIN media_versions v ON v.media_id = m.id AND v.number = m.current_version "
    "JOIN users u ON u.id = v.uploaded_by";

MediaFileRecord ReadMedia(const Row& r) {
  MediaFileRecord m;
  m.id = r.Text(0);
  m.workspace_id = r.Text(1);
  m.name = r.Text(2);
  m.kind = r.Text(3);
  m.current_version = r.Int(4);
  m.created_by = r.Text(5);
  m.created_by_name = r.Text(6);
  m.created_at = r.Int(7);
  m.updated_at = r.Int(8);
  m.current = ReadVersion(r, 9);
  return m;
}

void FillTags(Tx& tx, std::vector<MediaFileRecord>& media) {
  if (media.empty()) return;
  std::string sql = "SELECT media_id, tag FROM media_tags WHERE media_id IN (";
  std::vector<Value> params;
  std::map<std::string, MediaFileRecord*> by_id;
  for (auto& m : media) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(m.id);
    by_id[m.id] = &m;
  }
  sql += ") ORDER BY tag";
  tx.Query(sql, std::span<const Value>(params),
           [&](const Row& r) { by_id.at(r.Text(0))->tags.push_back(r.Text(1)); });
}

AttachmentRecord ReadAttachment(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.Int(6)};
}

constexpr const char* kAttachmentColumns =
    "id, content_id, media_id, alt, position, created_by, created_at";

}  // namespace

// ---- blobs -----------------------------------------------------------------------------------

void UpsertBlob(Tx& tx, const std::string& sha256, std::int64_t size, TimeMs now) {
  tx.Exec(
      "INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) "
      "ON CONFLICT (sha256) DO UPDATE SET unreferenced_at = NULL",
      {sha256, size, now});
}

void MarkUnreferencedBlobs(Tx& tx, TimeMs now) {
  // A blob no media version holds may still be named by a revision (what was approved keeps
  // its files) or be a workspace's reference document for exports: only the few without a
  // version are looked for there.
  static constexpr const char* kUnreferenced =
      "NOT EXISTS (SELECT 1 FROM media_versions v WHERE v.sha256 = b.sha256) AND NOT EXISTS "
      "(SELECT 1 FROM revisions r WHERE r.attachments != '[]' AND "
      "instr(r.attachments, b.sha256) > 0) AND NOT EXISTS "
      "(SELECT 1 FROM export_templates t WHERE t.sha256 = b.sha256)";
  tx.Exec(std::string("UPDATE blobs SET unreferenced_at = ? WHERE unreferenced_at IS NULL AND "
                      "sha256 IN (SELECT b.sha256 FROM blobs b WHERE ") +
              kUnreferenced + ")",
          {now});
  tx.Exec(std::string("UPDATE blobs SET unreferenced_at = NULL WHERE unreferenced_at IS NOT NULL "
                      "AND sha256 NOT IN (SELECT b.sha256 FROM blobs b WHERE ") +
          kUnreferenced + ")");
}

std::vector<std::string> ExpiredBlobs(Tx& tx, TimeMs cutoff) {
  return tx.Rows(
      "SELECT sha256 FROM blobs WHERE unreferenced_at IS NOT NULL AND "
      "unreferenced_at < ? ORDER BY sha256",
      {cutoff}, [](const Row& r) { return r.Text(0); });
}

void DeleteBlob(Tx& tx, const std::string& sha256) {
  tx.Exec("DELETE FROM blobs WHERE sha256 = ?", {sha256});
}

bool BlobKnown(Tx& tx, const std::string& sha256) {
  return tx.Scalar("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", {sha256}) > 0;
}

std::vector<std::pair<std::string, std::int64_t>> ListBlobs(Tx& tx) {
  return tx.Rows("SELECT sha256, size FROM blobs ORDER BY sha256", {},
                 [](const Row& r) { return std::make_pair(r.Text(0), r.Int(1)); });
}

std::vector<std::pair<std::string, std::int64_t>> FileBytesByWorkspace(Tx& tx) {
  return tx.Rows(
      "SELECT w.workspace_id, SUM(b.size) FROM (SELECT DISTINCT m.workspace_id, v.sha256 "
      "FROM media_files m JOIN media_versions v ON v.media_id = m.id) w "
      "JOIN blobs b ON b.sha256 = w.sha256 GROUP BY w.workspace_id ORDER BY w.workspace_id",
      {}, [](const Row& r) { return std::make_pair(r.Text(0), r.Int(1)); });
}

// ---- media files -----------------------------------------------------------------------------

void InsertMediaFile(Tx& tx, const MediaFileRecord& m) {
  tx.Exec(
      "INSERT INTO media_files (id, workspace_id, name, search_name, kind, current_version, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {m.id, m.workspace_id, m.name, FoldForMatch(m.name), m.kind, m.current_version, m.created_by,
       m.created_at, m.updated_at});
}

void UpdateMediaFile(Tx& tx, const MediaFileRecord& m) {
  tx.Exec(
      "UPDATE media_files SET name = ?, search_name = ?, kind = ?, current_version = ?, "
      "updated_at = ? WHERE id = ?",
      {m.name, FoldForMatch(m.name), m.kind, m.current_version, m.updated_at, m.id});
}

void SetMediaTags(Tx& tx, const std::string& media_id, const std::vector<std::string>& tags) {
  tx.Exec("DELETE FROM media_tags WHERE media_id = ?", {media_id});
  for (const auto& tag : tags) {
    tx.Exec("INSERT INTO media_tags (media_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
            {media_id, tag});
  }
}

void DeleteMediaFile(Tx& tx, const std::string& media_id) {
  tx.Exec("DELETE FROM media_files WHERE id = ?", {media_id});
}

std::optional<MediaFileRecord> FindMediaFile(Tx& tx, const std::string& media_id) {
  static const std::string sql = std::string(kMediaSelect) + " WHERE m.id = ?";
  auto found = tx.First(sql, {media_id}, ReadMedia);
  if (!found) return found;
  std::vector<MediaFileRecord> one{std::move(*found)};
  FillTags(tx, one);
  return std::move(one.front());
}

std::vector<MediaFileRecord> ListMediaFiles(Tx& tx, const MediaQuery& q) {
  std::string sql = std::string(kMediaSelect) + " WHERE m.workspace_id = ?";
  std::vector<Value> params{q.workspace_id};
  if (q.text) {
    sql += " AND instr(m.search_name, ?) > 0";
    params.emplace_back(FoldForMatch(*q.text));
  }
  if (q.tag) {
    sql += " AND EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = m.id AND t.tag = ?)";
    params.emplace_back(*q.tag);
  }
  if (q.kind) {
    sql += " AND m.kind = ?";
    params.emplace_back(*q.kind);
  }
  if (q.shared_with) {
    // Access inside the query: only what is attached to a content shared with them.
    sql += std::string(
               " AND EXISTS (SELECT 1 FROM attachments a JOIN contents c ON c.id = "
               "a.content_id WHERE a.media_id = m.id AND ") +
           kSharedWithCondition + ")";
    params.emplace_back(*q.shared_with);
    params.emplace_back(*q.shared_with);
  }
  if (q.after) {
    sql += " AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))";
    params.emplace_back(q.after->first);
    params.emplace_back(q.after->first);
    params.emplace_back(q.after->second);
  }
  sql += " ORDER BY m.created_at DESC, m.id DESC LIMIT ?";
  params.emplace_back(std::int64_t{q.limit});
  auto out = tx.Rows(sql, params, ReadMedia);
  FillTags(tx, out);
  return out;
}

void InsertMediaVersion(Tx& tx, const MediaVersionRecord& v) {
  tx.Exec(
      "INSERT INTO media_versions (media_id, number, sha256, name, mime, size, width, height, "
      "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {v.media_id, v.number, v.sha256, v.name, v.mime, v.size, Nullable(v.width),
       Nullable(v.height), v.uploaded_by, v.uploaded_at});
}

std::vector<MediaVersionRecord> ListMediaVersions(Tx& tx, const std::string& media_id) {
  static const std::string sql = std::string("SELECT ") + kVersionColumns +
                                 " FROM media_versions v JOIN users u ON u.id = v.uploaded_by "
                                 "WHERE v.media_id = ? ORDER BY v.number DESC";
  return tx.Rows(sql, {media_id}, [](const Row& r) { return ReadVersion(r); });
}

std::optional<MediaVersionRecord> FindMediaVersion(Tx& tx, const std::string& media_id,
                                                   std::int64_t number) {
  static const std::string sql = std::string("SELECT ") + kVersionColumns +
                                 " FROM media_versions v JOIN users u ON u.id = v.uploaded_by "
                                 "WHERE v.media_id = ? AND v.number = ?";
  return tx.First(sql, {media_id, number}, [](const Row& r) { return ReadVersion(r); });
}

std::int64_t CountMediaVersions(Tx& tx, const std::string& media_id) {
  return tx.Scalar("SELECT COUNT(*) FROM media_versions WHERE media_id = ?", {media_id});
}

// ---- attachments -----------------------------------------------------------------------------

void InsertAttachment(Tx& tx, const AttachmentRecord& a) {
  tx.Exec(
      "INSERT INTO attachments (id, content_id, media_id, alt, position, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {a.id, a.content_id, a.media_id, a.alt, a.position, a.created_by, a.created_at});
}

void UpdateAttachment(Tx& tx, const AttachmentRecord& a) {
  tx.Exec("UPDATE attachments SET alt = ?, position = ? WHERE id = ?", {a.alt, a.position, a.id});
}

void DeleteAttachment(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM attachments WHERE id = ?", {id});
}

std::optional<AttachmentRecord> FindAttachment(Tx& tx, const std::string& id) {
  static const std::string sql =
      std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE id = ?";
  return tx.First(sql, {id}, ReadAttachment);
}

std::vector<AttachmentRecord> ListAttachments(Tx& tx, const std::string& content_id) {
  static const std::string sql = std::string("SELECT ") + kAttachmentColumns +
                                 " FROM attachments WHERE content_id = ? ORDER BY position, id";
  return tx.Rows(sql, {content_id}, ReadAttachment);
}

std::vector<MediaUse> MediaUses(Tx& tx, const std::string& media_id) {
  return tx.Rows(
      "SELECT c.id, c.title, a.id FROM attachments a JOIN contents c ON c.id = a.content_id "
      "WHERE a.media_id = ? ORDER BY c.title, a.id",
      {media_id}, [](const Row& r) {
        return MediaUse{r.Text(0), r.Text(1), r.Text(2)};
      });
}

bool ContentShowsMedia(Tx& tx, const std::string& content_id, const std::string& media_id) {
  return tx.Scalar("SELECT COUNT(*) FROM attachments WHERE content_id = ? AND media_id = ?",
                   {content_id, media_id}) > 0;
}

std::int64_t NextAttachmentPosition(Tx& tx, const std::string& content_id) {
  return tx.Scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM attachments WHERE content_id = ?",
                   {content_id});
}

}  // namespace copydesk::storage
