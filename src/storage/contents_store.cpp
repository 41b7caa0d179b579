#include "storage/contents_store.hpp"

#include <map>

#include "core/text.hpp"
#include "storage/revision_text.hpp"
#include "storage/shares_store.hpp"
#include "storage/translations_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kContentColumns =
    "c.id, c.workspace_id, c.type_id, c.title, c.language, c.fields, c.version, c.revision, "
    "c.content_hash, c.project_id, c.owner_id, c.due_at, c.publish_at, c.created_by, "
    "c.created_at, c.updated_at, c.archived_at, c.status_id, c.locked_by, c.locked_reason, "
    "c.locked_at, (SELECT COUNT(*) FROM attachments a WHERE a.content_id = c.id), c.variants";

ContentRecord ReadContent(const Row& r) {
  ContentRecord c;
  c.id = r.Text(0);
  c.workspace_id = r.Text(1);
  c.type_id = r.Text(2);
  c.title = r.Text(3);
  c.language = r.Text(4);
  c.fields_json = r.Text(5);
  c.version = r.Int(6);
  c.revision = r.Int(7);
  c.content_hash = r.Text(8);
  c.project_id = r.OptText(9);
  c.owner_id = r.OptText(10);
  c.due_at = r.OptInt(11);
  c.publish_at = r.OptInt(12);
  c.created_by = r.Text(13);
  c.created_at = r.Int(14);
  c.updated_at = r.Int(15);
  c.archived_at = r.OptInt(16);
  c.status_id = r.OptText(17);
  c.locked_by = r.OptText(18);
  c.locked_reason = r.OptText(19);
  c.locked_at = r.OptInt(20);
  c.attachments_count = r.Int(21);
  c.variants_json = r.Text(22);
  return c;
}

constexpr const char* kRevisionColumns =
    "r.content_id, r.number, r.title, r.fields, r.content_hash, r.author_id, u.name, r.reason, "
    "r.restored_from, r.label, r.started_at, r.saved_at, r.saves, r.sealed, r.attachments, "
    "r.variants";

RevisionRecord ReadRevision(const Row& r) {
  RevisionRecord v;
  v.content_id = r.Text(0);
  v.number = r.Int(1);
  v.title = r.Text(2);
  v.fields_json = UnpackFields(r.Text(3));
  v.content_hash = r.Text(4);
  v.author_id = r.Text(5);
  v.author_name = r.Text(6);
  v.reason = r.Text(7);
  v.restored_from = r.OptInt(8);
  v.label = r.OptText(9);
  v.started_at = r.Int(10);
  v.saved_at = r.Int(11);
  v.saves = r.Int(12);
  v.sealed = r.Int(13) != 0;
  v.attachments_json = r.Text(14);
  v.variants_json = r.Text(15);
  return v;
}

// Fills channels, tags and assignees of several contents with three queries, not three per row.
// Each is ordered by its primary key (content, then channel, tag or person): what each content's
// lists need, read in index order without a temporary b-tree to sort them.
void FillRelations(Tx& tx, std::vector<ContentRecord>& contents) {
  if (contents.empty()) return;
  std::map<std::string, ContentRecord*> by_id;
  std::string marks;
  std::vector<Value> ids;
  for (auto& c : contents) {
    by_id[c.id] = &c;
    marks += marks.empty() ? "?" : ", ?";
    ids.emplace_back(c.id);
  }
  const std::span<const Value> params(ids);
  // The channels' publications come with them: the same rows, no further query.
  tx.Query(
      "SELECT cc.content_id, cc.channel_id, cc.planned_at, cc.published_at, cc.url, "
      "cc.published_by, COALESCE(u.name, '') FROM content_channels cc LEFT JOIN users u ON u.id = "
      "cc.published_by WHERE cc.content_id IN (" +
          marks + ") ORDER BY cc.content_id, cc.channel_id",
      params, [&](const Row& r) {
        auto* c = by_id[r.Text(0)];
        c->channel_ids.push_back(r.Text(1));
        c->publications.push_back(ChannelPublicationRecord{r.Text(1), r.OptInt(2), r.OptInt(3),
                                                           r.OptText(4), r.OptText(5), r.Text(6)});
      });
  tx.Query("SELECT content_id, tag FROM content_tags WHERE content_id IN (" + marks +
               ") ORDER BY content_id, tag_key",
           params, [&](const Row& r) { by_id[r.Text(0)]->tags.push_back(r.Text(1)); });
  tx.Query("SELECT content_id, user_id FROM content_assignees WHERE content_id IN (" + marks +
               ") ORDER BY content_id, user_id",
           params, [&](const Row& r) { by_id[r.Text(0)]->assignee_ids.push_back(r.Text(1)); });
}

// The SQL expression a sort orders by. Missing dates sort last in either direction.
std::string SortExpression(const std::string& sort, bool descending) {
  if (sort == "created") return "c.created_at";
  // Titles read like an index: "alpha" sorts beside "Alpha", not after "Zulu".
  if (sort == "title") return "c.title COLLATE NOCASE";
  if (sort == "publish_at")
    return descending ? "COALESCE(c.publish_at, -1)" : "COALESCE(c.publish_at, 9000000000000000)";
  if (sort == "due_at")
    return descending ? "COALESCE(c.due_at, -1)" : "COALESCE(c.due_at, 9000000000000000)";
  return "c.updated_at";
}

void AddIn(std::string& sql, std::vector<Value>& params, const std::string& prefix,
           const std::vector<std::string>& values) {
  if (values.empty()) return;
  sql += prefix + "(";
  for (std::size_t i = 0; i < values.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(values[i]);
  }
  sql += ")";
}

void AddPublicationCondition(std::string& sql, std::vector<Value>& params,
                             const std::vector<std::string>& states, TimeMs now) {
  if (states.empty()) return;
  std::string any;
  auto late = [&] {
    params.emplace_back(now);
    params.emplace_back(now);
    return std::string(kLateCondition);
  };
  for (const auto& state : states) {
    std::string one;
    if (state == "published") {
      one = kPublishedCondition;
    } else if (state == "late") {
      one = std::string("(NOT ") + kPublishedCondition + " AND " + late() + ")";
    } else if (state == "planned") {
      one = std::string("(NOT ") + kPublishedCondition + " AND " + kHasDateCondition + " AND NOT " +
            late() + ")";
    } else if (state == "unscheduled") {
      one = std::string("(NOT ") + kPublishedCondition + " AND NOT " + kHasDateCondition + ")";
    } else {
      one = "0";  // refused before it gets here; matches nothing if it ever does
    }
    any += (any.empty() ? "" : " OR ") + one;
  }
  sql += " AND (" + any + ")";
}

void AddTranslationCondition(std::string& sql, const std::vector<std::string>& states) {
  if (states.empty()) return;
  std::string any;
  for (const auto& state : states) {
    const char* one = state == "missing"       ? kTranslationMissingCondition
                      : state == "out_of_date" ? kTranslationOutOfDateCondition
                                               : "0";  // refused before it gets here
    any += (any.empty() ? "" : " OR ") + std::string(one);
  }
  sql += " AND (" + any + ")";
}

// The conditions of a query's filter on the contents aliased `c`: " c.workspace_id = ? AND …".
void AddFilterConditions(std::string& sql, std::vector<Value>& params, const ContentQuery& q) {
  sql += "c.workspace_id = ?";
  params.emplace_back(q.workspace_id);
  sql += q.archived ? " AND c.archived_at IS NOT NULL" : " AND c.archived_at IS NULL";
  if (q.shared_with) {
    sql += std::string(" AND ") + kSharedWithCondition;
    params.emplace_back(*q.shared_with);
    params.emplace_back(*q.shared_with);
  }
  AddIn(sql, params, " AND c.type_id IN ", q.types);
  AddIn(sql, params, " AND c.owner_id IN ", q.owners);
  AddIn(sql, params, " AND c.project_id IN ", q.projects);
  AddIn(sql, params, " AND c.language IN ", q.languages);
  AddIn(sql, params, " AND c.status_id IN ", q.statuses);
  // Membership is tested per candidate row through the relation's primary key (content_id, …).
  // "c.id IN (SELECT content_id … WHERE channel_id IN …)" made SQLite copy every content of the
  // channel (16,000 for LinkedIn at 100,000 contents) into a temporary b-tree on every request,
  // half of a list's instructions, although a page stops after a few hundred candidates.
  AddIn(sql, params,
        " AND EXISTS (SELECT 1 FROM content_channels fc WHERE fc.content_id = c.id AND "
        "fc.channel_id IN ",
        q.channels);
  if (!q.channels.empty()) sql += ")";
  AddIn(sql, params,
        " AND EXISTS (SELECT 1 FROM content_tags ft WHERE ft.content_id = c.id AND ft.tag_key IN ",
        q.tags);
  if (!q.tags.empty()) sql += ")";
  AddIn(sql, params,
        " AND EXISTS (SELECT 1 FROM content_assignees fa WHERE fa.content_id = c.id AND "
        "fa.user_id IN ",
        q.assignees);
  if (!q.assignees.empty()) sql += ")";
  auto range = [&](const char* column, const std::optional<TimeMs>& from,
                   const std::optional<TimeMs>& to) {
    if (from) {
      sql += std::string(" AND ") + column + " >= ?";
      params.emplace_back(*from);
    }
    if (to) {
      sql += std::string(" AND ") + column + " < ?";
      params.emplace_back(*to);
    }
  };
  range("c.publish_at", q.publish_from, q.publish_to);
  range("c.due_at", q.due_from, q.due_to);
  range("c.updated_at", q.updated_from, q.updated_to);
  AddPublicationCondition(sql, params, q.publications, q.now);
  AddTranslationCondition(sql, q.translations);
}

}  // namespace

std::optional<ContentRecord> FindContent(Tx& tx, const std::string& id) {
  static const std::string sql =
      std::string("SELECT ") + kContentColumns + " FROM contents c WHERE c.id = ?";
  auto found = tx.First(sql, {id}, ReadContent);
  if (found) {
    std::vector<ContentRecord> one{std::move(*found)};
    FillRelations(tx, one);
    return std::move(one[0]);
  }
  return std::nullopt;
}

void InsertContent(Tx& tx, const ContentRecord& c) {
  tx.Exec(
      "INSERT INTO contents (id, workspace_id, type_id, title, language, fields, version, "
      "revision, content_hash, project_id, owner_id, due_at, publish_at, created_by, created_at, "
      "updated_at, archived_at, status_id, variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, "
      "?, ?, ?, ?, ?, ?)",
      {c.id, c.workspace_id, c.type_id, c.title, c.language, c.fields_json, c.version, c.revision,
       c.content_hash, Nullable(c.project_id), Nullable(c.owner_id), Nullable(c.due_at),
       Nullable(c.publish_at), c.created_by, c.created_at, c.updated_at, Nullable(c.archived_at),
       Nullable(c.status_id), c.variants_json});
  SetContentChannels(tx, c.id, c.channel_ids);
  SetContentTags(tx, c);
  SetContentAssignees(tx, c.id, c.assignee_ids);
}

void UpdateContentRow(Tx& tx, const ContentRecord& c) {
  // SQLite rewrites the entry of every index whose column is named in SET, whether the value
  // changed or not, and a content row sits in a dozen indexes. Most writes change the text, the
  // version and the time only, so an indexed column is named only when its value changes: a
  // read by primary key costs far less than ten index rewrites on every save.
  struct Indexed {
    const char* column;
    Value value;
  };
  const Indexed indexed[] = {
      {"type_id", c.type_id},
      {"title", c.title},
      {"project_id", Nullable(c.project_id)},
      {"owner_id", Nullable(c.owner_id)},
      {"due_at", Nullable(c.due_at)},
      {"publish_at", Nullable(c.publish_at)},
      {"updated_at", c.updated_at},
      {"archived_at", Nullable(c.archived_at)},
      {"status_id", Nullable(c.status_id)},
  };
  static const std::string read =
      "SELECT type_id, title, project_id, owner_id, due_at, publish_at, updated_at, archived_at, "
      "status_id FROM contents WHERE id = ?";
  std::vector<Value> stored;
  tx.Query(read, {c.id}, [&](const Row& r) {
    for (int i = 0; i < static_cast<int>(std::size(indexed)); ++i) {
      if (r.IsNull(i))
        stored.emplace_back(nullptr);
      else if (std::holds_alternative<std::int64_t>(indexed[i].value))
        stored.emplace_back(r.Int(i));
      else
        stored.emplace_back(r.Text(i));
    }
  });
  std::string sql =
      "UPDATE contents SET language = ?, fields = ?, version = ?, revision = ?, content_hash = ?, "
      "locked_by = ?, locked_reason = ?, locked_at = ?, variants = ?";
  std::vector<Value> params = {c.language,
                               c.fields_json,
                               c.version,
                               c.revision,
                               c.content_hash,
                               Nullable(c.locked_by),
                               Nullable(c.locked_reason),
                               Nullable(c.locked_at),
                               c.variants_json};
  for (std::size_t i = 0; i < std::size(indexed); ++i) {
    if (stored.size() == std::size(indexed) && stored[i] == indexed[i].value) continue;
    sql += std::string(", ") + indexed[i].column + " = ?";
    params.push_back(indexed[i].value);
  }
  sql += " WHERE id = ?";
  params.emplace_back(c.id);
  tx.Exec(sql, std::span<const Value>(params));
}

void SetContentChannels(Tx& tx, const std::string& content_id,
                        const std::vector<std::string>& ids) {
  // Only the channels taken off go: those kept keep their own date and their published mark.
  std::string sql = "DELETE FROM content_channels WHERE content_id = ?";
  std::vector<Value> params{content_id};
  AddIn(sql, params, " AND channel_id NOT IN ", ids);
  tx.Exec(sql, std::span<const Value>(params));
  for (const auto& id : ids) {
    tx.Exec(
        "INSERT INTO content_channels (content_id, channel_id) VALUES (?, ?) ON CONFLICT DO "
        "NOTHING",
        {content_id, id});
  }
}

void SetContentTags(Tx& tx, const ContentRecord& c) {
  tx.Exec("DELETE FROM content_tags WHERE content_id = ?", {c.id});
  for (const auto& tag : c.tags) {
    tx.Exec(
        "INSERT INTO content_tags (content_id, workspace_id, tag_key, tag) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {c.id, c.workspace_id, FoldForMatch(tag), tag});
  }
}

void SetContentAssignees(Tx& tx, const std::string& content_id,
                         const std::vector<std::string>& ids) {
  tx.Exec("DELETE FROM content_assignees WHERE content_id = ?", {content_id});
  for (const auto& id : ids) {
    tx.Exec(
        "INSERT INTO content_assignees (content_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        {content_id, id});
  }
}

void DeleteContent(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM contents WHERE id = ?", {id});
}

Value SortValue(const ContentRecord& c, const std::string& sort) {
  if (sort == "created") return c.created_at;
  if (sort == "title") return c.title;
  if (sort == "publish_at") return c.publish_at ? Value(*c.publish_at) : Value(nullptr);
  if (sort == "due_at") return c.due_at ? Value(*c.due_at) : Value(nullptr);
  return c.updated_at;
}

std::vector<ContentRecord> ListContents(Tx& tx, const ContentQuery& q) {
  // The statement is assembled from fixed fragments; every value is a bound parameter.
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kContentColumns + " FROM contents c WHERE ";
  AddFilterConditions(sql, params, q);
  const std::string e = SortExpression(q.sort, q.descending);
  const char* cmp = q.descending ? "<" : ">";
  if (q.after_value && q.after_id) {
    Value v = *q.after_value;
    if (std::holds_alternative<std::nullptr_t>(v)) {
      v = q.descending ? Value(std::int64_t{-1}) : Value(std::int64_t{9000000000000000});
    }
    sql += " AND (" + e + " " + cmp + " ? OR (" + e + " = ? AND c.id " + cmp + " ?))";
    params.push_back(v);
    params.push_back(v);
    params.emplace_back(*q.after_id);
  }
  const char* dir = q.descending ? " DESC" : " ASC";
  sql += " ORDER BY " + e + dir + ", c.id" + dir + " LIMIT ?";
  params.emplace_back(std::int64_t{q.limit});
  auto rows = tx.Rows(sql, params, ReadContent);
  FillRelations(tx, rows);
  return rows;
}

CalendarRecords ListCalendar(Tx& tx, const ContentQuery& q, TimeMs from, TimeMs to, int limit) {
  // First the entries alone, the filter applied inside each of the two indexed reads that feed
  // them: the channels with a date of their own in the range (content_channels_by_planned, first:
  // CROSS JOIN keeps SQLite from walking the workspace's contents instead), and
  // the contents whose date is in it (contents_by_publish_filters, which holds the usual filter
  // columns: no row is read to test them) with each channel that follows that date, or none for
  // a content without channels. Joining every candidate's whole row first, then filtering and
  // sorting whole rows, read ~16,000 rows for a month's ~850 entries.
  ContentQuery live = q;
  live.archived = false;  // archived contents never appear on a calendar
  std::vector<Value> params{from, to};
  std::string sql =
      "SELECT e.content_id, e.channel_id, e.at, e.own FROM ("
      "SELECT cc.content_id AS content_id, cc.channel_id AS channel_id, cc.planned_at AS at, "
      "1 AS own, c.title AS title FROM content_channels cc CROSS JOIN contents c WHERE c.id = "
      "cc.content_id AND cc.planned_at >= ? AND cc.planned_at < ? AND ";
  AddFilterConditions(sql, params, live);
  sql +=
      " UNION ALL "
      "SELECT c.id, dc.channel_id, c.publish_at, 0, c.title FROM contents c "
      "LEFT JOIN content_channels dc ON dc.content_id = c.id WHERE ";
  AddFilterConditions(sql, params, live);
  sql += " AND c.publish_at >= ? AND c.publish_at < ? AND dc.planned_at IS NULL";
  params.emplace_back(from);
  params.emplace_back(to);
  sql += ") e ORDER BY e.at, e.title COLLATE NOCASE, e.content_id, e.channel_id LIMIT ?";
  params.emplace_back(std::int64_t{limit} + 1);
  CalendarRecords out;
  std::map<std::string, std::size_t> index;
  std::vector<Value> ids;
  tx.Query(sql, std::span<const Value>(params), [&](const Row& r) {
    auto [at, fresh] = index.try_emplace(r.Text(0), index.size());
    if (fresh) ids.emplace_back(r.Text(0));
    out.entries.push_back(CalendarEntryRecord{at->second, r.OptText(1), r.Int(2), r.Int(3) != 0});
  });
  if (static_cast<int>(out.entries.size()) > limit) {
    out.entries.resize(static_cast<std::size_t>(limit));
    out.truncated = true;
  }
  // Then the contents the entries show, each read once, by id.
  out.contents.resize(ids.size());
  if (!ids.empty()) {
    std::string marks;
    for (std::size_t i = 0; i < ids.size(); ++i) marks += i == 0 ? "?" : ", ?";
    tx.Query(
        std::string("SELECT ") + kContentColumns + " FROM contents c WHERE c.id IN (" + marks + ")",
        std::span<const Value>(ids), [&](const Row& r) {
          auto content = ReadContent(r);
          const auto at = index.at(content.id);
          out.contents[at] = std::move(content);
        });
  }
  FillRelations(tx, out.contents);
  return out;
}

void SetChannelPlannedAt(Tx& tx, const std::string& content_id, const std::string& channel_id,
                         std::optional<TimeMs> planned_at) {
  tx.Exec("UPDATE content_channels SET planned_at = ? WHERE content_id = ? AND channel_id = ?",
          {Nullable(planned_at), content_id, channel_id});
}

void SetChannelPublished(Tx& tx, const std::string& content_id, const std::string& channel_id,
                         std::optional<TimeMs> at, const std::optional<std::string>& url,
                         const std::optional<std::string>& by) {
  tx.Exec(
      "UPDATE content_channels SET published_at = ?, url = ?, published_by = ? WHERE content_id "
      "= ? AND channel_id = ?",
      {Nullable(at), Nullable(url), Nullable(by), content_id, channel_id});
}

void InsertRevision(Tx& tx, const RevisionRecord& v) {
  // Stored packed, sealed or not: the working revision holds the same text as the content and
  // was most of the history's room while plain (PackFields).
  tx.Exec(
      std::string("INSERT INTO revisions (content_id, number, title, fields, content_hash, "
                  "author_id, reason, restored_from, label, started_at, saved_at, saves, "
                  "sealed, attachments, variants) VALUES (?, ?, ?, ") +
          StoredFieldsParam(tx) + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {v.content_id, v.number, v.title, StoredFields(tx, v.fields_json), v.content_hash,
       v.author_id, v.reason, Nullable(v.restored_from), Nullable(v.label), v.started_at,
       v.saved_at, v.saves, std::int64_t{v.sealed ? 1 : 0}, v.attachments_json, v.variants_json});
}

void UpdateWorkingRevision(Tx& tx, const RevisionRecord& v) {
  // The sealed = 0 condition makes it impossible to alter a sealed revision by mistake.
  tx.Exec(std::string("UPDATE revisions SET title = ?, fields = ") + StoredFieldsParam(tx) +
              ", content_hash = ?, reason = ?, saved_at = ?, saves = ?, attachments = ?, "
              "variants = ? WHERE content_id = ? AND number = ? AND sealed = 0",
          {v.title, StoredFields(tx, v.fields_json), v.content_hash, v.reason, v.saved_at, v.saves,
           v.attachments_json, v.variants_json, v.content_id, v.number});
}

void SealRevision(Tx& tx, const std::string& content_id, std::int64_t number) {
  // Sealed, the text never changes again. It is stored compressed already, unless it was written
  // by a copydesk that kept working revisions plain: pack it now (PackFields leaves packed text
  // as it is).
  auto fields = tx.First(
      "SELECT fields FROM revisions WHERE content_id = ? AND number = ? AND "
      "sealed = 0",
      {content_id, number}, [](const Row& r) { return r.Text(0); });
  if (!fields) return;
  if (!PacksFields(tx)) {
    tx.Exec("UPDATE revisions SET sealed = 1 WHERE content_id = ? AND number = ? AND sealed = 0",
            {content_id, number});
    return;
  }
  tx.Exec(
      "UPDATE revisions SET sealed = 1, fields = CAST(? AS BLOB) WHERE content_id = ? AND "
      "number = ? AND sealed = 0",
      {PackFields(*fields), content_id, number});
}

void SetRevisionLabel(Tx& tx, const std::string& content_id, std::int64_t number,
                      const std::optional<std::string>& label) {
  SealRevision(tx, content_id, number);
  tx.Exec("UPDATE revisions SET label = ? WHERE content_id = ? AND number = ?",
          {Nullable(label), content_id, number});
}

std::optional<RevisionRecord> FindRevision(Tx& tx, const std::string& content_id,
                                           std::int64_t number) {
  static const std::string sql = std::string("SELECT ") + kRevisionColumns +
                                 " FROM revisions r JOIN users u ON u.id = r.author_id "
                                 "WHERE r.content_id = ? AND r.number = ?";
  return tx.First(sql, {content_id, number}, ReadRevision);
}

std::vector<RevisionRecord> ListRevisions(Tx& tx, const std::string& content_id, bool with_text) {
  static const std::string full = std::string("SELECT ") + kRevisionColumns +
                                  " FROM revisions r JOIN users u ON u.id = r.author_id "
                                  "WHERE r.content_id = ? ORDER BY r.number DESC";
  // The list screen needs no snapshots: leave the (possibly large) fields out of the read.
  static const std::string light = [] {
    std::string columns = kRevisionColumns;
    columns.replace(columns.find("r.fields"), 8, "''");
    return std::string("SELECT ") + columns +
           " FROM revisions r JOIN users u ON u.id = r.author_id "
           "WHERE r.content_id = ? ORDER BY r.number DESC";
  }();
  return tx.Rows(with_text ? full : light, {content_id}, ReadRevision);
}

void InsertVersionSnapshot(Tx& tx, const std::string& content_id, std::int64_t version,
                           const std::string& snapshot_json) {
  // Compressed: every save adds one, and 500 are kept per content.
  tx.Exec(
      std::string("INSERT INTO content_versions (content_id, version, snapshot) VALUES (?, ?, ") +
          StoredFieldsParam(tx) + ")",
      {content_id, version, StoredFields(tx, snapshot_json)});
}

std::optional<std::string> FindVersionSnapshot(Tx& tx, const std::string& content_id,
                                               std::int64_t version) {
  return tx.First("SELECT snapshot FROM content_versions WHERE content_id = ? AND version = ?",
                  {content_id, version}, [](const Row& r) { return UnpackFields(r.Text(0)); });
}

void PruneVersionSnapshots(Tx& tx, const std::string& content_id, std::int64_t oldest_kept) {
  tx.Exec("DELETE FROM content_versions WHERE content_id = ? AND version < ?",
          {content_id, oldest_kept});
}

}  // namespace copydesk::storage
