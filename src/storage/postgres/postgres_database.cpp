#include "storage/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <regex>
#include <unordered_map>

namespace copydesk::storage {

namespace {

// Type OIDs (pg_type.dat): fixed since PostgreSQL 7.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;

// Advisory lock keys: one taken by every write transaction (writes serialized across nodes),
// one by Migrate (nodes that start together migrate once). Arbitrary, fixed, distinct.
constexpr std::int64_t kWriteLock = 0x636f707964657301;    // "copydes" 01
constexpr std::int64_t kMigrateLock = 0x636f707964657302;  // "copydes" 02

StorageError::Kind Classify(const char* sqlstate) {
  const std::string_view state = sqlstate ? sqlstate : "";
  if (state == "40001" || state == "40P01" || state == "55P03") return StorageError::Kind::kRetry;
  if (state == "23505") return StorageError::Kind::kUnique;
  if (state.starts_with("23")) return StorageError::Kind::kViolation;
  return StorageError::Kind::kFatal;
}

// `?` → `$1`, `$2`…, outside string literals, quoted identifiers and comments.
std::string NumberPlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      const std::size_t end = sql.find(c, i + 1);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  *count = n;
  return out;
}

class PostgresRow final : public Row {
 public:
  PostgresRow(const PGresult* result, int row) : result_(result), row_(row) {}
  bool IsNull(int i) const override { return PQgetisnull(result_, row_, i) != 0; }
  std::int64_t Int(int i) const override {
    if (IsNull(i)) return 0;
    const char* text = PQgetvalue(result_, row_, i);
    // Comparisons and EXISTS are booleans in PostgreSQL where SQLite gives 0 or 1.
    if (PQftype(result_, i) == kBoolOid) return text[0] == 't' ? 1 : 0;
    std::int64_t value = 0;
    const int length = PQgetlength(result_, row_, i);
    std::from_chars(text, text + length, value);  // "12.5" (a numeric average) reads as 12
    return value;
  }
  std::string Text(int i) const override {
    if (IsNull(i)) return {};
    return std::string(PQgetvalue(result_, row_, i),
                       static_cast<std::size_t>(PQgetlength(result_, row_, i)));
  }

 private:
  const PGresult* result_;
  int row_;
};

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

}  // namespace

//! One libpq connection with its cache of prepared statements.
class PostgresConnection final : public Tx {
 public:
  explicit PostgresConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      while (!message.empty() && message.back() == '\n') message.pop_back();
      throw StorageError(StorageError::Kind::kFatal, "cannot connect to PostgreSQL: " + message);
    }
    PQsetClientEncoding(conn_, "UTF8");
    // Notices (a DROP … IF EXISTS that found nothing) are not worth a line on stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    ExecScript("SET application_name = 'copydesk'; SET TIME ZONE 'UTC'");
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  using Tx::Exec;
  using Tx::Query;

  Dialect dialect() const override { return Dialect::kPostgres; }

  void Query(std::string_view sql, std::span<const Value> params,
             const std::function<void(const Row&)>& on_row) override {
    ResultPtr result = Run(sql, params);
    const int rows = PQntuples(result.get());
    for (int i = 0; i < rows; ++i) on_row(PostgresRow(result.get(), i));
  }

  std::int64_t Exec(std::string_view sql, std::span<const Value> params) override {
    ResultPtr result = Run(sql, params);
    const char* changed = PQcmdTuples(result.get());
    return (changed && *changed) ? std::atoll(changed) : 0;
  }

  void ExecScript(std::string_view sql) override {
    const std::string text(sql);
    ResultPtr result(PQexec(conn_, text.c_str()));
    Check(result.get(), sql);
  }

  //! True while the server side of the connection is alive: a broken one leaves the pool.
  bool Healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
  //! Inside a transaction that an error aborted: its COMMIT would silently roll back.
  bool Aborted() const { return PQtransactionStatus(conn_) == PQTRANS_INERROR; }
  bool InTransaction() const {
    const auto status = PQtransactionStatus(conn_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
  }

  //! Ends the open transaction without throwing: the error that led here is the one to report.
  void RollbackQuietly() noexcept {
    if (InTransaction()) PQclear(PQexec(conn_, "ROLLBACK"));
  }

 private:
  struct Prepared {
    std::string name;
  };

  // The SQL runs as a prepared statement, prepared once per connection and per kind of
  // parameters. Integers are declared bigint; text and NULL are left for the server to infer from
  // where they stand (a NULL bound to a bigint column must not arrive as text). Where nothing
  // tells (`? IS NULL`, a bare `SELECT ?`), they are declared text instead; where an integer meets
  // a text operand, it is left to inference too.
  ResultPtr Run(std::string_view sql, std::span<const Value> params) {
    std::string key(sql);
    key += '\x1f';
    for (const Value& v : params) key += std::holds_alternative<std::int64_t>(v) ? 'i' : 'u';
    auto it = statements_.find(key);
    if (it == statements_.end()) it = statements_.emplace(key, Prepare(sql, params)).first;

    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
        values[i] = texts[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    ResultPtr result(PQexecPrepared(conn_, it->second.name.c_str(), static_cast<int>(params.size()),
                                    values.data(), nullptr, nullptr, 0));
    Check(result.get(), sql);
    return result;
  }

  Prepared Prepare(std::string_view sql, std::span<const Value> params) {
    int count = 0;
    const std::string text = NumberPlaceholders(sql, &count);
    if (count != static_cast<int>(params.size())) {
      throw StorageError(StorageError::Kind::kFatal,
                         "statement has " + std::to_string(count) + " placeholders but " +
                             std::to_string(params.size()) +
                             " values: " + std::string(sql.substr(0, 200)));
    }
    // Declared types, tried in order until the server accepts one.
    struct Attempt {
      Oid integer, other;
    };
    static constexpr std::array<Attempt, 4> kAttempts = {
        Attempt{kInt8Oid, 0}, Attempt{kInt8Oid, kTextOid}, Attempt{0, 0}, Attempt{0, kTextOid}};
    // A statement that fails to prepare aborts the transaction around it: each try runs in a
    // savepoint (once per connection and statement; cached afterwards).
    const bool in_tx = InTransaction();
    std::string last_error;
    const char* last_state = nullptr;
    for (const Attempt& attempt : kAttempts) {
      std::vector<Oid> types(params.size());
      for (std::size_t i = 0; i < params.size(); ++i) {
        types[i] =
            std::holds_alternative<std::int64_t>(params[i]) ? attempt.integer : attempt.other;
      }
      Prepared prepared{"s" + std::to_string(next_statement_++)};
      if (in_tx) PQclear(PQexec(conn_, "SAVEPOINT copydesk_prepare"));
      ResultPtr result(PQprepare(conn_, prepared.name.c_str(), text.c_str(),
                                 static_cast<int>(types.size()), types.data()));
      if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
        if (in_tx) PQclear(PQexec(conn_, "RELEASE SAVEPOINT copydesk_prepare"));
        return prepared;
      }
      if (in_tx) PQclear(PQexec(conn_, "ROLLBACK TO SAVEPOINT copydesk_prepare"));
      const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
      last_error = PQresultErrorMessage(result.get());
      const std::string_view s = state ? state : "";
      // Only a question of types is worth another try: 42P18 indeterminate, 42883 no such
      // operator, 42804 datatype mismatch, 42725 ambiguous function.
      if (s != "42P18" && s != "42883" && s != "42804" && s != "42725") {
        last_state = state;
        if (!Healthy()) throw StorageError(StorageError::Kind::kFatal, last_error);
        break;
      }
    }
    throw StorageError(Classify(last_state),
                       Trim(last_error) + " in: " + std::string(sql.substr(0, 300)));
  }

  void Check(const PGresult* result, std::string_view sql) {
    const auto status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      return;
    }
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    if (!Healthy() || result == nullptr) {
      throw StorageError(StorageError::Kind::kFatal,
                         "PostgreSQL connection lost: " + Trim(message));
    }
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    throw StorageError(Classify(state), Trim(message) + " in: " + std::string(sql.substr(0, 300)));
  }

  static std::string Trim(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return message;
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, Prepared> statements_;
  int next_statement_ = 0;
};

bool PostgresDatabase::IsUrl(std::string_view database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

PostgresDatabase::PostgresDatabase(std::string url, int pool_size)
    : url_(std::move(url)), pool_size_(std::max(1, pool_size)) {
  // Fail now, with libpq's reason, rather than at the first request.
  idle_.push_back(std::make_unique<PostgresConnection>(url_));
  open_ = 1;
}

PostgresDatabase::~PostgresDatabase() = default;

std::unique_ptr<PostgresConnection> PostgresDatabase::Acquire() {
  {
    std::unique_lock lock(mutex_);
    free_.wait(lock, [&] { return !idle_.empty() || open_ < pool_size_; });
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++open_;  // a slot taken now; connected outside the lock
  }
  try {
    return std::make_unique<PostgresConnection>(url_);
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      --open_;
    }
    free_.notify_one();
    throw;
  }
}

void PostgresDatabase::Release(std::unique_ptr<PostgresConnection> conn) {
  {
    std::lock_guard lock(mutex_);
    if (conn && conn->Healthy() && !conn->InTransaction()) {
      idle_.push_back(std::move(conn));
    } else {
      // A broken connection is dropped; the next Acquire opens a new one. When the server
      // restarted, the idle ones are broken too and would each fail one request: they go with it.
      open_ -= 1 + static_cast<int>(idle_.size());
      idle_.clear();
    }
  }
  free_.notify_one();
  conn.reset();
}

struct PostgresDatabase::Lease {
  PostgresDatabase* db;
  std::unique_ptr<PostgresConnection> conn;
  explicit Lease(PostgresDatabase* d) : db(d), conn(d->Acquire()) {}
  ~Lease() {
    if (conn) conn->RollbackQuietly();
    db->Release(std::move(conn));
  }
};

void PostgresDatabase::RunRead(const std::function<void(Tx&)>& fn) {
  Lease lease(this);
  lease.conn->ExecScript("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  fn(*lease.conn);
  lease.conn->ExecScript("COMMIT");
}

void PostgresDatabase::RunWrite(const std::function<bool(Tx&)>& fn) {
  Lease lease(this);
  {
    // The lock waits as long as another node's or thread's write holds it: writes queue here as
    // they queue for SQLite's one writer; it is released by the COMMIT or ROLLBACK.
    static const std::string begin =
        "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
        std::to_string(kWriteLock) + ")";
    lease.conn->ExecScript(begin);
  }
  const bool commit = fn(*lease.conn);
  if (!commit) {
    lease.conn->ExecScript("ROLLBACK");
    return;
  }
  if (lease.conn->Aborted()) {
    // A statement failed and the caller carried on: PostgreSQL would turn the COMMIT into a
    // ROLLBACK without a word, and the caller would believe its write durable.
    throw StorageError(StorageError::Kind::kFatal,
                       "a statement of this transaction failed: nothing was written");
  }
  lease.conn->ExecScript("COMMIT");
  Committed();
}

bool PostgresDatabase::Ping() {
  try {
    return Read([](Tx& tx) { return tx.Scalar("SELECT 1") == 1; });
  } catch (const StorageError&) {
    return false;
  }
}

namespace {

// Functions PostgreSQL lacks under the names SQLite gives them, so that the same SQL text runs on
// both: in migrations (randomblob, hex) and in stores (instr). And NOCASE: an ICU collation that
// ignores case (not accents), so that `COLLATE NOCASE` (folded to `nocase`) means on PostgreSQL
// what it means on SQLite, in ORDER BY and indexes alike.
constexpr std::string_view kCompatibility = R"sql(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'nocase'
                 AND collnamespace = current_schema()::regnamespace) THEN
    CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
  END IF;
END $$;
CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT strpos(haystack, needle)::bigint $f$;
CREATE OR REPLACE FUNCTION hex(bytes bytea) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT upper(encode(bytes, 'hex')) $f$;
CREATE OR REPLACE FUNCTION randomblob(n bigint) RETURNS bytea
  LANGUAGE sql VOLATILE STRICT AS $f$
    SELECT decode(string_agg(lpad(to_hex(floor(random() * 256)::int), 2, '0'), ''), 'hex')
    FROM generate_series(1, n) $f$;
)sql";

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int PostgresDatabase::Migrate() {
  Lease lease(this);
  auto& conn = *lease.conn;
  // A session lock, held across the whole run: a second node starting now waits here, then finds
  // every migration applied. Released explicitly, and by the server if this process dies.
  conn.ExecScript("SELECT pg_advisory_lock(" + std::to_string(kMigrateLock) + ")");
  struct Unlock {
    PostgresConnection& conn;
    ~Unlock() {
      try {
        conn.RollbackQuietly();
        conn.ExecScript("SELECT pg_advisory_unlock(" + std::to_string(kMigrateLock) + ")");
      } catch (const StorageError&) {
        // A lost connection released the lock with it.
      }
    }
  } unlock{conn};
  conn.ExecScript("BEGIN");
  const auto plan = Reconcile(PostgresMigrations(), ReadAppliedMigrations(conn));
  if (!plan.unknown.empty()) {
    throw SchemaTooNewError(StorageError::Kind::kFatal,
                            TooNewMessage(PostgresMigrations(), plan.unknown));
  }
  conn.ExecScript(kCompatibility);
  const int applied = ApplyPlan(conn, plan, NowMs());
  conn.ExecScript("COMMIT");
  return applied;
}

MigrationPlan PostgresDatabase::PlanMigrations() {
  return Read([](Tx& tx) {
    return PlanOf(PostgresMigrations(), Reconcile(PostgresMigrations(), ReadAppliedMigrations(tx)));
  });
}

std::pair<int, int> PostgresDatabase::SchemaVersions() {
  const auto& known = PostgresMigrations();
  const int newest = known.empty() ? 0 : known.back().version;
  const int applied = Read([](Tx& tx) {
    if (!TableExists(tx, "schema_migrations")) return 0;
    return static_cast<int>(tx.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  });
  return {newest, applied};
}

// The differences the migrations use, and only those: a new migration that needs another either
// keeps to the common subset or gets an override (src/storage/postgres/migrations).
std::string TranslateMigration(std::string_view sqlite_sql) {
  struct Rule {
    std::regex pattern;
    const char* replacement;
  };
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> r;
    auto add = [&](const char* pattern, const char* replacement) {
      r.push_back({std::regex(pattern, std::regex::ECMAScript), replacement});
    };
    // Comments first: their words are not SQL.
    add(R"(--[^\n]*)", "");
    // Seconds since the epoch, now.
    add(R"(CAST\(strftime\('%s',\s*'now'\)\s+AS\s+INTEGER\))",
        "CAST(EXTRACT(EPOCH FROM now()) AS BIGINT)");
    // The event log's sequence: SQLite's rowid alias, never reused.
    add(R"(\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b)",
        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    // SQLite's INTEGER is 64 bits (times in milliseconds); PostgreSQL's is 32.
    add(R"(\bINTEGER\b)", "BIGINT");
    add(R"(\bBLOB\b)", "BYTEA");
    add(R"(\)\s*WITHOUT\s+ROWID)", ")");
    // Temporary tables: SQLite's `temp` schema is PostgreSQL's `pg_temp`.
    add(R"(\btemp\.)", "pg_temp.");
    return r;
  }();
  std::string out(sqlite_sql);
  for (const auto& rule : rules) out = std::regex_replace(out, rule.pattern, rule.replacement);
  return out;
}

const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> migrations = [] {
    // The translated texts live as long as the process: the Migration entries point into them.
    static std::vector<std::string> texts;
    const auto& sqlite = SqliteMigrations();
    texts.reserve(sqlite.size());
    std::vector<Migration> out;
    for (const auto& m : sqlite) {
      const auto& overrides = PostgresMigrationOverrides();
      auto it = std::find_if(overrides.begin(), overrides.end(), [&](const Migration& o) {
        return o.version == m.version && o.name == m.name;
      });
      if (it != overrides.end()) {
        out.push_back(*it);
        continue;
      }
      texts.push_back(TranslateMigration(m.sql));
      out.push_back({m.version, m.name, texts.back()});
    }
    return out;
  }();
  return migrations;
}

}  // namespace copydesk::storage
