#include "support/scratch_postgres.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <random>
#include <stdexcept>

#include "storage/migration.hpp"
#include "storage/postgres/postgres_database.hpp"

namespace copydesk::testing {

namespace {

// The cluster URL with another database name: the path after the authority is the database.
std::string WithDatabase(const std::string& url, const std::string& name) {
  const auto authority = url.find("://");
  const auto slash = url.find('/', authority == std::string::npos ? 0 : authority + 3);
  const auto query = url.find('?', slash == std::string::npos ? 0 : slash);
  std::string base = slash == std::string::npos ? url : url.substr(0, slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + name + rest;
}

// Runs administrative statements (CREATE/DROP DATABASE cannot run in a transaction, hence not
// through storage::Database) on the cluster's maintenance database.
class Admin {
 public:
  explicit Admin(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw std::runtime_error("cannot reach the test PostgreSQL: " + message);
    }
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~Admin() { PQfinish(conn_); }
  std::string Exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(r);
    std::string first = (status == PGRES_TUPLES_OK && PQntuples(r) > 0) ? PQgetvalue(r, 0, 0) : "";
    const std::string message = PQresultErrorMessage(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      throw std::runtime_error(sql + ": " + message);
    }
    return first;
  }

 private:
  PGconn* conn_;
};

// One template per schema: named by a hash of the migrations' texts, so that a binary with other
// migrations never clones a template another binary made.
std::string TemplateName() {
  std::size_t hash = 0;
  for (const auto& m : storage::PostgresMigrations()) {
    hash = hash * 31 + std::hash<std::string_view>{}(m.name) * 7 +
           std::hash<std::string_view>{}(m.sql);
  }
  return "copydesk_template_" + std::to_string(hash % 1000000007);
}

void EnsureTemplate(const std::string& cluster, const std::string& name) {
  Admin admin(cluster);
  // Test processes start together (ctest -j): one makes the template, the others wait for it.
  admin.Exec("SELECT pg_advisory_lock(2113)");
  try {
    if (admin.Exec("SELECT COUNT(*) FROM pg_database WHERE datname = '" + name + "'") == "0") {
      const std::string building = name + "_building";
      admin.Exec("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
      admin.Exec("CREATE DATABASE " + building);
      {
        storage::PostgresDatabase db(WithDatabase(cluster, building), 1);
        db.Migrate();
      }
      admin.Exec("ALTER DATABASE " + building + " RENAME TO " + name);
    }
  } catch (...) {
    admin.Exec("SELECT pg_advisory_unlock(2113)");
    throw;
  }
  admin.Exec("SELECT pg_advisory_unlock(2113)");
}

}  // namespace

std::optional<std::string> TestPostgresUrl() {
  const char* url = std::getenv("COPYDESK_TEST_POSTGRES");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

ScratchPostgres::ScratchPostgres(bool migrated) {
  const auto cluster = TestPostgresUrl();
  if (!cluster) throw std::runtime_error("COPYDESK_TEST_POSTGRES is not set");
  static std::atomic<int> counter{0};
  std::random_device rd;
  name_ = "copydesk_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
          std::to_string(rd() % 100000);
  if (migrated) {
    const std::string tmpl = TemplateName();
    EnsureTemplate(*cluster, tmpl);
    Admin(*cluster).Exec("CREATE DATABASE " + name_ + " TEMPLATE " + tmpl);
  } else {
    Admin(*cluster).Exec("CREATE DATABASE " + name_);
  }
  url_ = WithDatabase(*cluster, name_);
}

ScratchPostgres::~ScratchPostgres() {
  try {
    Admin(*TestPostgresUrl()).Exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster is thrown away at the end of the run anyway.
  }
}

}  // namespace copydesk::testing
