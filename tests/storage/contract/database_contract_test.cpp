// The storage contract: what every Database backend guarantees, whatever engine is behind it.
// Each backend adds one factory to `Backends`; the suite runs unchanged against all of them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <memory>
#include <semaphore>
#include <thread>

#include "storage/database.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/scratch_postgres.hpp"

namespace copydesk::storage {
namespace {

namespace fs = std::filesystem;

//! SQLite in a fresh temporary file.
struct SqliteBackend {
  static constexpr const char* kName = "sqlite";
  SqliteBackend() {
    static std::atomic<int> counter{0};
    dir = fs::temp_directory_path() /
          ("copydesk-contract-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~SqliteBackend() { fs::remove_all(dir); }
  std::unique_ptr<Database> Open() {
    return std::make_unique<SqliteDatabase>((dir / "contract.db").string(), 4);
  }
  fs::path dir;
};

//! PostgreSQL in a fresh empty database of the cluster COPYDESK_TEST_POSTGRES names
//! (scripts/with-postgres); without one, its tests are skipped.
struct PostgresBackend {
  static constexpr const char* kName = "postgresql";
  PostgresBackend() {
    if (testing::TestPostgresUrl()) scratch = std::make_unique<testing::ScratchPostgres>(false);
  }
  bool available() const { return scratch != nullptr; }
  std::unique_ptr<Database> Open() { return std::make_unique<PostgresDatabase>(scratch->url(), 4); }
  std::unique_ptr<testing::ScratchPostgres> scratch;
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;

class BackendNames {
 public:
  template <class T>
  static std::string GetName(int) {
    return T::kName;
  }
};

template <class Backend>
class DatabaseContract : public ::testing::Test {
 protected:
  void SetUp() override {
    if constexpr (requires { backend_.available(); }) {
      if (!backend_.available()) GTEST_SKIP() << "no COPYDESK_TEST_POSTGRES cluster";
    }
    db_ = backend_.Open();
    // Portable SQL only: the same text must run on every backend (BIGINT: 64 bits on both).
    auto created = db_->Write([](Tx& tx) -> Result<void> {
      tx.ExecScript(
          "CREATE TABLE kv (k TEXT PRIMARY KEY, v BIGINT NOT NULL);"
          "CREATE TABLE people (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE)");
      return {};
    });
    ASSERT_TRUE(created.ok());
  }

  void Put(const std::string& k, std::int64_t v) {
    auto done = db_->Write([&](Tx& tx) -> Result<void> {
      tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)", {Value(k), Value(v)});
      return {};
    });
    ASSERT_TRUE(done.ok());
  }
  std::optional<std::int64_t> Get(const std::string& k) {
    return db_->Read([&](Tx& tx) {
      return tx.First("SELECT v FROM kv WHERE k = ?", {Value(k)},
                      [](const Row& r) { return r.Int(0); });
    });
  }

  // The database closes before its backend drops it.
  Backend backend_;
  std::unique_ptr<Database> db_;

  void TearDown() override { db_.reset(); }
};

TYPED_TEST_SUITE(DatabaseContract, Backends, BackendNames);

TYPED_TEST(DatabaseContract, ReadsSeeWhatWasWritten) {
  this->Put("a", 1);
  EXPECT_EQ(this->Get("a"), 1);
  EXPECT_FALSE(this->Get("b").has_value());
  // Inside the writing transaction too.
  auto seen = this->db_->Write([](Tx& tx) -> Result<std::int64_t> {
    tx.Exec("UPDATE kv SET v = 2 WHERE k = ?", {Value(std::string("a"))});
    return tx.Scalar("SELECT v FROM kv WHERE k = ?", {Value(std::string("a"))});
  });
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(*seen, 2);
  EXPECT_EQ(this->Get("a"), 2);
  // Values round-trip exactly: text with NUL-free UTF-8, 64-bit integers, NULL.
  auto row = this->db_->Write([](Tx& tx) -> Result<std::pair<std::string, std::int64_t>> {
    tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)",
            {Value(std::string("clé 🙂 \"quoted\" 'single'")), Value(INT64_MIN)});
    return *tx.First("SELECT k, v FROM kv WHERE v = ?", {Value(INT64_MIN)},
                     [](const Row& r) { return std::make_pair(r.Text(0), r.Int(1)); });
  });
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->first, "clé 🙂 \"quoted\" 'single'");
  EXPECT_EQ(row->second, INT64_MIN);
  auto null = this->db_->Read([](Tx& tx) {
    return *tx.First("SELECT NULL, ?", {Value(nullptr)}, [](const Row& r) {
      return std::make_pair(r.IsNull(0) && !r.OptText(0), r.IsNull(1) && !r.OptInt(1));
    });
  });
  EXPECT_TRUE(null.first);
  EXPECT_TRUE(null.second);
}

TYPED_TEST(DatabaseContract, AnErrorResultRollsTheWholeTransactionBack) {
  this->Put("a", 1);
  auto refused = this->db_->Write([](Tx& tx) -> Result<void> {
    tx.Exec("UPDATE kv SET v = 100 WHERE k = ?", {Value(std::string("a"))});
    tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)",
            {Value(std::string("b")), Value(std::int64_t{2})});
    return Error::Conflict("changed my mind");
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(this->Get("a"), 1);
  EXPECT_FALSE(this->Get("b").has_value());
  // The database takes the next write normally.
  this->Put("c", 3);
  EXPECT_EQ(this->Get("c"), 3);
}

TYPED_TEST(DatabaseContract, AnExceptionRollsTheWholeTransactionBack) {
  this->Put("a", 1);
  EXPECT_THROW(this->db_->Write([](Tx& tx) -> Result<void> {
    tx.Exec("UPDATE kv SET v = 100 WHERE k = ?", {Value(std::string("a"))});
    throw std::runtime_error("the disk caught fire");
  }),
               std::runtime_error);
  EXPECT_EQ(this->Get("a"), 1);
  // A failing statement is an exception too, and takes the earlier ones with it.
  EXPECT_THROW(this->db_->Write([](Tx& tx) -> Result<void> {
    tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)",
            {Value(std::string("b")), Value(std::int64_t{2})});
    tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)", {Value(std::string("c")), Value(nullptr)});
    return {};
  }),
               StorageError);
  EXPECT_FALSE(this->Get("b").has_value());
  this->Put("d", 4);
  EXPECT_EQ(this->Get("d"), 4);
  // Reads recover from an exception the same way.
  EXPECT_THROW(this->db_->Read([](Tx& tx) { tx.Scalar("SELECT no_such_column FROM kv"); }),
               StorageError);
  EXPECT_EQ(this->Get("d"), 4);
}

TYPED_TEST(DatabaseContract, ACommitThatFailsRollsBackAndTheNextWriteWorks) {
  // A deferred foreign key is checked only at COMMIT: the one way to make a commit itself fail
  // that every SQL engine offers.
  ASSERT_TRUE(this->db_
                  ->Write([](Tx& tx) -> Result<void> {
                    tx.ExecScript(
                        "CREATE TABLE child (id TEXT PRIMARY KEY, parent TEXT NOT NULL "
                        "REFERENCES kv (k) DEFERRABLE INITIALLY DEFERRED)");
                    return {};
                  })
                  .ok());
  EXPECT_THROW(this->db_->Write([](Tx& tx) -> Result<void> {
    tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)",
            {Value(std::string("a")), Value(std::int64_t{1})});
    tx.Exec("INSERT INTO child (id, parent) VALUES (?, ?)",
            {Value(std::string("c1")), Value(std::string("nobody"))});
    return {};
  }),
               StorageError);
  EXPECT_FALSE(this->Get("a").has_value());
  this->Put("b", 2);
  EXPECT_EQ(this->Get("b"), 2);
}

TYPED_TEST(DatabaseContract, UniqueViolationsAreClassifiedAsSuch) {
  this->Put("a", 1);
  auto kind_of = [&](const std::function<void(Tx&)>& write) {
    try {
      (void)this->db_->Write([&](Tx& tx) -> Result<void> {
        write(tx);
        return {};
      });
    } catch (const StorageError& e) {
      return std::optional<StorageError::Kind>(e.kind());
    }
    return std::optional<StorageError::Kind>();
  };
  // A duplicate primary key and a duplicate unique column: a conflict to report, not a crash.
  EXPECT_EQ(kind_of([](Tx& tx) {
              tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)",
                      {Value(std::string("a")), Value(std::int64_t{9})});
            }),
            StorageError::Kind::kUnique);
  EXPECT_FALSE(kind_of([](Tx& tx) {
                 tx.Exec("INSERT INTO people (id, email) VALUES (?, ?)",
                         {Value(std::string("p1")), Value(std::string("x@example.com"))});
               }).has_value());
  EXPECT_EQ(kind_of([](Tx& tx) {
              tx.Exec("INSERT INTO people (id, email) VALUES (?, ?)",
                      {Value(std::string("p2")), Value(std::string("x@example.com"))});
            }),
            StorageError::Kind::kUnique);
  // Other constraints are not mistaken for it.
  EXPECT_EQ(
      kind_of([](Tx& tx) {
        tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)", {Value(std::string("n")), Value(nullptr)});
      }),
      StorageError::Kind::kViolation);
  EXPECT_EQ(this->Get("a"), 1);
}

TYPED_TEST(DatabaseContract, AReadSeesOneSnapshotWhileWritesCommit) {
  this->Put("a", 1);
  std::binary_semaphore read_once{0}, written{0};
  std::thread writer([&] {
    read_once.acquire();
    auto done = this->db_->Write([](Tx& tx) -> Result<void> {
      tx.Exec("UPDATE kv SET v = 2 WHERE k = ?", {Value(std::string("a"))});
      tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)",
              {Value(std::string("b")), Value(std::int64_t{2})});
      return {};
    });
    EXPECT_TRUE(done.ok());
    written.release();
  });
  auto seen = this->db_->Read([&](Tx& tx) {
    const auto before = tx.Scalar("SELECT v FROM kv WHERE k = 'a'");
    read_once.release();
    written.acquire();  // a write commits in the middle of this read
    const auto after = tx.Scalar("SELECT v FROM kv WHERE k = 'a'");
    const auto rows = tx.Scalar("SELECT COUNT(*) FROM kv");
    return std::make_tuple(before, after, rows);
  });
  writer.join();
  EXPECT_EQ(std::get<0>(seen), 1);
  EXPECT_EQ(std::get<1>(seen), 1);
  EXPECT_EQ(std::get<2>(seen), 1);
  EXPECT_EQ(this->Get("a"), 2);  // a new read sees the write
}

TYPED_TEST(DatabaseContract, ConcurrentReadersNeverSeeHalfAWrite) {
  // Money moves between two accounts; the total is always 1000 in any committed state.
  this->Put("alice", 1000);
  this->Put("bob", 0);
  std::atomic<bool> stop{false};
  std::atomic<int> torn{0}, reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      while (!stop) {
        const auto total = this->db_->Read([](Tx& tx) {
          const auto a = tx.Scalar("SELECT v FROM kv WHERE k = 'alice'");
          const auto b = tx.Scalar("SELECT v FROM kv WHERE k = 'bob'");
          return a + b;
        });
        if (total != 1000) ++torn;
        ++reads;
      }
    });
  }
  for (int i = 0; i < 120; ++i) {
    auto moved = this->db_->Write([&](Tx& tx) -> Result<void> {
      tx.Exec("UPDATE kv SET v = v - 1 WHERE k = 'alice'");
      tx.Exec("UPDATE kv SET v = v + 1 WHERE k = 'bob'");
      return {};
    });
    ASSERT_TRUE(moved.ok());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(torn, 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(this->Get("alice"), 880);
  EXPECT_EQ(this->Get("bob"), 120);
}

TYPED_TEST(DatabaseContract, WritesAreSerializedSoNoIncrementIsLost) {
  this->Put("counter", 0);
  constexpr int kThreads = 8, kEach = 20;
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      for (int i = 0; i < kEach; ++i) {
        // Read, then write what was read plus one: only serialization keeps every increment.
        auto done = this->db_->Write([](Tx& tx) -> Result<void> {
          const auto v = tx.Scalar("SELECT v FROM kv WHERE k = 'counter'");
          tx.Exec("UPDATE kv SET v = ? WHERE k = 'counter'", {Value(v + 1)});
          return {};
        });
        EXPECT_TRUE(done.ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(this->Get("counter"), kThreads * kEach);
}

TYPED_TEST(DatabaseContract, AWriteThatFailsAmongConcurrentOnesUndoesOnlyItself) {
  // Writes that arrive together may be committed together: one that fails, by its result or by
  // an exception, must still leave no trace, and every other must land whole.
  this->Put("total", 0);
  constexpr int kThreads = 8, kEach = 25;
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  std::atomic<int> acknowledged{0}, refused{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kEach; ++i) {
        const std::string key = std::to_string(t) + "-" + std::to_string(i);
        const int fate = (t + i) % 3;  // 0: commits, 1: returns an error, 2: throws
        try {
          auto done = this->db_->Write([&](Tx& tx) -> Result<void> {
            tx.Exec("INSERT INTO kv (k, v) VALUES (?, ?)", {Value(key), Value(std::int64_t{1})});
            tx.Exec("UPDATE kv SET v = v + 1 WHERE k = 'total'");
            if (fate == 1) return Error::InvalidField("v", "refused on purpose");
            if (fate == 2) tx.Scalar("SELECT no_such_column FROM kv");
            return {};
          });
          (done.ok() ? acknowledged : refused)++;
          EXPECT_EQ(done.ok(), fate == 0) << key;
        } catch (const StorageError&) {
          EXPECT_EQ(fate, 2) << key;
          ++refused;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  int expected = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kEach; ++i) {
      const bool kept = (t + i) % 3 == 0;
      expected += kept ? 1 : 0;
      EXPECT_EQ(this->Get(std::to_string(t) + "-" + std::to_string(i)).has_value(), kept);
    }
  }
  EXPECT_EQ(acknowledged, expected);
  EXPECT_EQ(refused, kThreads * kEach - expected);
  EXPECT_EQ(this->Get("total"), expected);
}

TYPED_TEST(DatabaseContract, AnswersPing) {
  EXPECT_TRUE(this->db_->Ping());
  EXPECT_FALSE(this->db_->Backend().empty());
}

}  // namespace
}  // namespace copydesk::storage
