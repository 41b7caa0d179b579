#include "storage/translations_store.hpp"

#include <boost/json/parse.hpp>

#include "storage/shares_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kLinkColumns =
    "content_id, source_id, synced_revision, synced_hash, synced_at, synced_by, linked_at";

TranslationLinkRecord ReadLink(const Row& r, int at = 0) {
  return TranslationLinkRecord{r.Text(at),    r.Text(at + 1),    r.Int(at + 2), r.Text(at + 3),
                               r.Int(at + 4), r.OptText(at + 5), r.Int(at + 6)};
}

}  // namespace

std::optional<TranslationLinkRecord> FindTranslationLink(Tx& tx, const std::string& content_id) {
  static const std::string sql =
      std::string("SELECT ") + kLinkColumns + " FROM translation_links WHERE content_id = ?";
  return tx.First(sql, {content_id}, [](const Row& r) { return ReadLink(r); });
}

std::vector<TranslationLinkRecord> ListTranslationLinks(Tx& tx, const std::string& source_id) {
  static const std::string sql = std::string("SELECT ") + kLinkColumns +
                                 " FROM translation_links WHERE source_id = ? ORDER BY linked_at, "
                                 "content_id";
  return tx.Rows(sql, {source_id}, [](const Row& r) { return ReadLink(r); });
}

void InsertTranslationLink(Tx& tx, const TranslationLinkRecord& l) {
  tx.Exec(
      "INSERT INTO translation_links (content_id, source_id, synced_revision, synced_hash, "
      "synced_at, synced_by, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {l.content_id, l.source_id, l.synced_revision, l.synced_hash, l.synced_at,
       Nullable(l.synced_by), l.linked_at});
}

void UpdateTranslationSync(Tx& tx, const std::string& content_id, std::int64_t revision,
                           const std::string& hash, TimeMs at, const std::string& by) {
  tx.Exec(
      "UPDATE translation_links SET synced_revision = ?, synced_hash = ?, synced_at = ?, "
      "synced_by = ? WHERE content_id = ?",
      {revision, hash, at, by, content_id});
}

void DeleteTranslationLink(Tx& tx, const std::string& content_id) {
  tx.Exec("DELETE FROM translation_links WHERE content_id = ?", {content_id});
}

std::vector<TranslationMemberRecord> ListTranslationGroups(
    Tx& tx, const std::vector<std::string>& ids, const std::optional<std::string>& shared_with) {
  std::vector<TranslationMemberRecord> out;
  if (ids.empty()) return out;
  // The page's contents with the source of their group (themselves when they translate nothing),
  // then the group's source and its translations: one statement for the whole page. The members
  // are aliased `c` so that the share condition reads them.
  std::string marks;
  std::vector<Value> params;
  for (const auto& id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  std::string readable = "1";
  if (shared_with) readable = std::string("(c.id = g.asked OR ") + kSharedWithCondition + ")";
  const std::string member_columns =
      "g.asked, c.id, c.language, c.title, c.content_hash, c.revision, " + readable;
  std::string sql =
      "WITH g(asked, source) AS (SELECT a.id, COALESCE(al.source_id, a.id) FROM contents a LEFT "
      "JOIN translation_links al ON al.content_id = a.id WHERE a.id IN (" +
      marks + ")) SELECT " + member_columns +
      ", NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM g JOIN contents c ON c.id = g.source "
      "UNION ALL SELECT " +
      member_columns + ", " +
      "t.content_id, t.source_id, t.synced_revision, t.synced_hash, t.synced_at, t.synced_by, "
      "t.linked_at FROM g JOIN translation_links t ON t.source_id = g.source JOIN contents c ON "
      "c.id = t.content_id";
  if (shared_with) {
    for (int part = 0; part < 2; ++part) {
      params.emplace_back(*shared_with);
      params.emplace_back(*shared_with);
    }
  }
  tx.Query(sql, std::span<const Value>(params), [&](const Row& r) {
    TranslationMemberRecord m;
    m.asked_id = r.Text(0);
    m.content_id = r.Text(1);
    m.language = r.Text(2);
    m.title = r.Text(3);
    m.content_hash = r.Text(4);
    m.revision = r.Int(5);
    m.readable = r.Int(6) != 0;
    if (!r.IsNull(7)) m.link = ReadLink(r, 7);
    out.push_back(std::move(m));
  });
  return out;
}

std::vector<std::string> LinkedContentIds(Tx& tx, const std::string& content_id) {
  return tx.Rows(
      "WITH g(source) AS (SELECT COALESCE((SELECT source_id FROM translation_links WHERE "
      "content_id = ?), ?)) SELECT g.source FROM g WHERE g.source <> ? UNION SELECT t.content_id "
      "FROM g JOIN translation_links t ON t.source_id = g.source WHERE t.content_id <> ?",
      {content_id, content_id, content_id, content_id}, [](const Row& r) { return r.Text(0); });
}

std::optional<std::string> UnlinkedSourceOf(Tx& tx, std::int64_t seq) {
  // The event's data read here rather than by the engine's JSON functions, which differ.
  const auto data =
      tx.First("SELECT data FROM events WHERE seq = ? AND kind = 'content.translation_unlinked'",
               {seq}, [](const Row& r) { return r.Text(0); });
  if (!data) return std::nullopt;
  std::error_code ec;
  const auto parsed = boost::json::parse(*data, ec);
  if (ec || !parsed.is_object()) return std::nullopt;
  const auto* source = parsed.as_object().if_contains("source_id");
  if (!source || !source->is_string()) return std::nullopt;
  return std::string(source->as_string());
}

}  // namespace copydesk::storage
