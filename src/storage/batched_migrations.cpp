#include "storage/batched_migrations.hpp"

#include <chrono>
#include <thread>

#include "core/clock.hpp"
#include "storage/revision_text.hpp"

namespace copydesk::storage {

namespace {

// Revisions are walked in their primary key's order; a position is "content id, newline, number"
// (ids never hold a newline).
std::pair<std::string, std::int64_t> RevisionKey(const std::string& position) {
  const auto cut = position.find('\n');
  if (cut == std::string::npos) return {"", -1};
  return {position.substr(0, cut), std::stoll(position.substr(cut + 1))};
}

// The history of a content is most of a database: every revision is a full copy of every field,
// and a long article saved by several people over weeks keeps hundreds. Sealed revisions never
// change again, so they are stored compressed (several times smaller for prose); this rewrites
// those sealed before copydesk compressed them at sealing time. Each one is read back and
// compared before it replaces the original: a revision is never rewritten into anything else.
BatchedMigration CompressSealedRevisions() {
  return {
      "compress_sealed_revisions",
      "store the text of sealed revisions compressed (the history takes several times less room)",
      [](Tx& tx, const std::string& position) -> std::int64_t {
        if (!PacksFields(tx)) return 0;  // nothing to do where the engine compresses
        const auto [content_id, number] = RevisionKey(position);
        return tx.Scalar(
            "SELECT COUNT(*) FROM revisions WHERE (content_id, number) > (?, ?) AND sealed = 1",
            {content_id, number});
      },
      [](Tx& tx, const std::string& position, int limit) {
        if (!PacksFields(tx)) return BatchOutcome{};
        const auto [content_id, number] = RevisionKey(position);
        struct Stored {
          std::string content_id;
          std::int64_t number;
          std::string fields;
        };
        const auto rows = tx.Rows(
            "SELECT content_id, number, fields FROM revisions WHERE (content_id, number) > (?, ?) "
            "AND sealed = 1 ORDER BY content_id, number LIMIT ?",
            {content_id, number, std::int64_t{limit}}, [](const Row& r) {
              return Stored{r.Text(0), r.Int(1), r.Text(2)};
            });
        BatchOutcome out;
        out.rows = static_cast<std::int64_t>(rows.size());
        for (const auto& row : rows) {
          if (!IsPlainFields(row.fields)) continue;
          const std::string packed = PackFields(row.fields);
          if (packed == row.fields) continue;
          if (UnpackFields(packed) != row.fields) {
            throw StorageError(StorageError::Kind::kFatal,
                               "compressing revision " + std::to_string(row.number) + " of " +
                                   row.content_id + " did not read back the same; left as it was");
          }
          tx.Exec(
              "UPDATE revisions SET fields = CAST(? AS BLOB) WHERE content_id = ? AND number = ? "
              "AND sealed = 1",
              {packed, row.content_id, row.number});
        }
        if (!rows.empty()) {
          out.position = rows.back().content_id + "\n" + std::to_string(rows.back().number);
        }
        return out;
      },
  };
}

// Each content's working (newest, unsealed) revision and its kept version snapshots were stored
// as plain JSON before issue 15: the same text as the content itself, again and again (a third of
// a 100,000-content database). These rewrite them compressed, as copydesk now writes them; each
// one is read back and compared before it replaces the original.
BatchedMigration CompressPlainRows(std::string_view name, std::string_view what, std::string table,
                                   std::string key, std::string column, std::string condition) {
  // The key's second column is an integer (number, version): positions are "id\nnumber".
  const std::string count_sql =
      "SELECT COUNT(*) FROM " + table + " WHERE (content_id, " + key + ") > (?, ?)" + condition;
  const std::string select_sql = "SELECT content_id, " + key + ", " + column + " FROM " + table +
                                 " WHERE (content_id, " + key + ") > (?, ?)" + condition +
                                 " ORDER BY content_id, " + key + " LIMIT ?";
  const std::string update_sql = "UPDATE " + table + " SET " + column +
                                 " = CAST(? AS BLOB) WHERE content_id = ? AND " + key +
                                 " = ? AND " + column + " = ?";
  return {
      name,
      what,
      [count_sql](Tx& tx, const std::string& position) -> std::int64_t {
        if (!PacksFields(tx)) return 0;  // nothing to do where the engine compresses
        const auto [content_id, number] = RevisionKey(position);
        return tx.Scalar(count_sql, {content_id, number});
      },
      [select_sql, update_sql, table](Tx& tx, const std::string& position, int limit) {
        if (!PacksFields(tx)) return BatchOutcome{};
        const auto [content_id, number] = RevisionKey(position);
        struct Stored {
          std::string content_id;
          std::int64_t number;
          std::string text;
        };
        const auto rows =
            tx.Rows(select_sql, {content_id, number, std::int64_t{limit}}, [](const Row& r) {
              return Stored{r.Text(0), r.Int(1), r.Text(2)};
            });
        BatchOutcome out;
        out.rows = static_cast<std::int64_t>(rows.size());
        for (const auto& row : rows) {
          if (!IsPlainFields(row.text)) continue;
          const std::string packed = PackFields(row.text);
          if (packed == row.text) continue;
          if (UnpackFields(packed) != row.text) {
            throw StorageError(StorageError::Kind::kFatal,
                               "compressing " + table + " " + std::to_string(row.number) + " of " +
                                   row.content_id + " did not read back the same; left as it was");
          }
          // Only if unchanged since it was read (a save in between wrote it packed already).
          tx.Exec(update_sql, {packed, row.content_id, row.number, row.text});
        }
        if (!rows.empty()) {
          out.position = rows.back().content_id + "\n" + std::to_string(rows.back().number);
        }
        return out;
      },
  };
}

struct Started {
  std::string position;
  bool finished = false;
  bool resumed = false;
};

}  // namespace

const std::vector<BatchedMigration>& BatchedMigrations() {
  static const std::vector<BatchedMigration> migrations = {
      CompressSealedRevisions(),
      CompressPlainRows("compress_working_revisions",
                        "store the text of each content's working revision compressed", "revisions",
                        "number", "fields", " AND sealed = 0"),
      CompressPlainRows("compress_version_snapshots",
                        "store the states kept for merges (content versions) compressed",
                        "content_versions", "version", "snapshot", ""),
  };
  return migrations;
}

std::vector<std::string> UnfinishedBatchedMigrations(Database& db) {
  std::vector<std::string> out;
  db.Read([&](Tx& tx) {
    const bool has_table = TableExists(tx, "batched_migrations");
    for (const auto& m : BatchedMigrations()) {
      const bool finished =
          has_table &&
          tx.Scalar(
              "SELECT COUNT(*) FROM batched_migrations WHERE name = ? AND finished_at IS "
              "NOT NULL",
              {std::string(m.name)}) > 0;
      if (!finished) out.push_back(std::string(m.name) + ": " + std::string(m.what));
    }
  });
  return out;
}

bool RunBatchedMigrations(Database& db, int batch_rows,
                          const std::function<void(const BatchProgress&)>& progress,
                          const std::atomic<bool>* stop, int pause_ms) {
  for (const auto& m : BatchedMigrations()) {
    const std::string name(m.name);
    auto started = db.Write([&](Tx& tx) -> Result<Started> {
      Started s;
      auto row = tx.First(
          "SELECT position, finished_at IS NOT NULL FROM batched_migrations WHERE name = ?", {name},
          [](const Row& r) { return std::make_pair(r.Text(0), r.Int(1) != 0); });
      if (!row) {
        tx.Exec("INSERT INTO batched_migrations (name, started_at) VALUES (?, ?)",
                {name, std::int64_t{NowMs()}});
        return s;
      }
      s.position = row->first;
      s.finished = row->second;
      s.resumed = !s.position.empty();
      return s;
    });
    if (started->finished) continue;
    BatchProgress shown{m.name};
    shown.resumed = started->resumed;
    shown.total = db.Read([&](Tx& tx) { return m.count_after(tx, started->position); });
    if (progress) progress(shown);
    while (true) {
      if (stop != nullptr && stop->load()) return false;
      // The position is read again inside the batch's own transaction: it is the one truth,
      // whoever ran the batch before.
      auto batch = db.Write([&](Tx& tx) -> Result<BatchOutcome> {
        const std::string position =
            tx.First("SELECT position FROM batched_migrations WHERE name = ?", {name},
                     [](const Row& r) { return r.Text(0); })
                .value_or("");
        BatchOutcome out = m.run_batch(tx, position, batch_rows);
        if (out.position) {
          tx.Exec(
              "UPDATE batched_migrations SET position = ?, done_rows = done_rows + ? WHERE "
              "name = ?",
              {*out.position, out.rows, name});
        } else {
          tx.Exec("UPDATE batched_migrations SET finished_at = ? WHERE name = ?",
                  {std::int64_t{NowMs()}, name});
        }
        return out;
      });
      shown.done += batch->rows;
      shown.finished = !batch->position.has_value();
      if (progress) progress(shown);
      if (shown.finished) break;
      if (pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    }
  }
  return true;
}

}  // namespace copydesk::storage
