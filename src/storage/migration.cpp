#include "storage/migration.hpp"

#include <algorithm>

namespace copydesk::storage {

std::string MigrationLabel(std::int64_t version, std::string_view name) {
  std::string number = std::to_string(version);
  if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
  return number + "_" + std::string(name);
}

// A migration counts as applied when the database records its name, under whatever number: two
// branches merged on one day renumbered a migration once (0007_view_screen became 0008 when
// 0007_collaboration landed), and the databases made in between record the old number. Taking
// the highest recorded number as "everything below is applied" would also skip a migration
// merged after a higher one (0009 landed after 0011): each one is looked up on its own.
Reconciled Reconcile(const std::vector<Migration>& known,
                     const std::vector<AppliedMigration>& applied) {
  Reconciled out;
  for (const auto& migration : known) {
    auto it = std::find_if(applied.begin(), applied.end(),
                           [&](const AppliedMigration& a) { return a.name == migration.name; });
    if (it == applied.end()) {
      out.pending.push_back(&migration);
      continue;
    }
    out.applied_version = std::max<std::int64_t>(out.applied_version, migration.version);
    if (it->version != migration.version) out.renumbered.emplace_back(*it, migration.version);
  }
  for (const auto& a : applied) {
    if (std::none_of(known.begin(), known.end(),
                     [&](const Migration& m) { return m.name == a.name; })) {
      out.unknown.push_back(MigrationLabel(a.version, a.name));
      out.applied_version = std::max(out.applied_version, a.version);
    }
  }
  return out;
}

std::string TooNewMessage(const std::vector<Migration>& known,
                          const std::vector<std::string>& unknown) {
  std::string list;
  for (const auto& label : unknown) list += (list.empty() ? "" : ", ") + label;
  return "this database was upgraded by a newer copydesk: it has " + list +
         ", which this copydesk does not know (it knows up to " +
         MigrationLabel(known.back().version, known.back().name) +
         "). Run the newer copydesk again, or restore the backup taken before that upgrade "
         "(docs/upgrading.md). Nothing was changed.";
}

MigrationPlan PlanOf(const std::vector<Migration>& known, const Reconciled& reconciled) {
  MigrationPlan plan;
  plan.applied_version = static_cast<int>(reconciled.applied_version);
  plan.known_version = known.empty() ? 0 : known.back().version;
  for (const Migration* m : reconciled.pending) {
    plan.pending.push_back(MigrationLabel(m->version, m->name));
  }
  plan.unknown = reconciled.unknown;
  return plan;
}

std::vector<AppliedMigration> ReadAppliedMigrations(Tx& tx) {
  if (!TableExists(tx, "schema_migrations")) return {};
  return tx.Rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version", {},
                 [](const Row& r) {
                   return AppliedMigration{r.Int(0), r.Text(1), r.Int(2)};
                 });
}

int ApplyPlan(Tx& tx, const Reconciled& plan, std::int64_t now_ms) {
  tx.ExecScript(tx.dialect() == Dialect::kPostgres
                    ? "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
                      "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
                    : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  // Every renumbered row leaves before any comes back: one may take another's old number.
  for (const auto& [row, version] : plan.renumbered) {
    tx.Exec("DELETE FROM schema_migrations WHERE version = ?", {row.version});
  }
  for (const auto& [row, version] : plan.renumbered) {
    tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            {std::int64_t{version}, row.name, row.applied_at});
  }
  for (const Migration* migration : plan.pending) {
    try {
      tx.ExecScript(migration->sql);
      tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {std::int64_t{migration->version}, std::string(migration->name), now_ms});
    } catch (const StorageError& e) {
      throw StorageError(e.kind(), "migration " +
                                       MigrationLabel(migration->version, migration->name) +
                                       " failed: " + e.what() +
                                       ". The database was left as it was; nothing was applied.");
    }
  }
  return static_cast<int>(plan.pending.size());
}

}  // namespace copydesk::storage
