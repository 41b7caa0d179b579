#include "cli/cli.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/upgrade.hpp"
#include "auth/accounts.hpp"
#include "auth/policy.hpp"
#include "cli/demo.hpp"
#include "cli/export_commands.hpp"
#include "cli/import_command.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "files/blob_store.hpp"
#include "http/server.hpp"
#include "search/indexer.hpp"
#include "storage/accounts_store.hpp"
#include "storage/batched_migrations.hpp"
#include "storage/events_store.hpp"
#include "storage/migration.hpp"
#include "storage/sqlite/backup_files.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::cli {

namespace {

constexpr const char* kUsage = R"(copydesk — plan, write, review and validate content, in one place.

Usage:
  copydesk serve [flags]                        serve the API and the web app
  copydesk migrate [--dry-run] [flags]          back up, apply database migrations and exit;
                                                --dry-run only says what would be applied
  copydesk user create --email E --name N [--password-stdin] [--workspace SLUG --role ROLE]
  copydesk user reset-password --email E --password-stdin
  copydesk token create --email E --name NAME   prints the new API token on its last line
  copydesk demo [--size N] [--seed S]           seeds a demo workspace (300 contents by default)
  copydesk backup --out FILE                    consistent snapshot, safe while serving
  copydesk restore FILE                         into an empty data folder
  copydesk reindex                              rebuilds the search index; a running server swaps it in
  copydesk export --content ID [--format pdf|docx|odt|md|html] [--revision N|validated]
                  [--out FILE] [--as EMAIL]     one content as a file
  copydesk export --project ID | --view ID [--format F] [--out FILE]
                                                a project or a saved view as a .zip with an index
  copydesk verify-proof FILE [--as EMAIL]       checks a proof pack (.pdf or .json) against the data
  copydesk import --workspace SLUG [--as EMAIL] [--type KEY] [--language fr|en] FILE…
                                                each .docx, .odt, .md or .html file becomes a content
  copydesk help

Flags shared by every command (environment variable in brackets):
)";

//! Command-specific flags ("--email E", "--password-stdin") after the shared ones are taken.
struct Flags {
  std::map<std::string, std::string> values;
  std::vector<std::string> words;

  static Result<Flags> Parse(const std::vector<std::string>& rest,
                             const std::vector<std::string>& with_value,
                             const std::vector<std::string>& switches) {
    Flags flags;
    for (std::size_t i = 0; i < rest.size(); ++i) {
      const std::string& arg = rest[i];
      if (arg.rfind("--", 0) != 0) {
        flags.words.push_back(arg);
        continue;
      }
      std::string name = arg, value;
      const auto eq = arg.find('=');
      if (eq != std::string::npos) {
        name = arg.substr(0, eq);
        value = arg.substr(eq + 1);
      }
      if (std::find(switches.begin(), switches.end(), name) != switches.end()) {
        flags.values[name] = "1";
      } else if (std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
        if (eq == std::string::npos) {
          if (i + 1 >= rest.size()) return Error::BadRequest(name + " needs a value");
          value = rest[++i];
        }
        flags.values[name] = value;
      } else {
        return Error::BadRequest("unknown flag " + name);
      }
    }
    return flags;
  }
  std::optional<std::string> Get(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
};

int Fail(const std::string& message) {
  std::cerr << "copydesk: " << message << "\n";
  return 2;
}

int FailWith(const Error& error) {
  std::string message = error.detail;
  for (const auto& f : error.fields) message += "\n  " + f.field + ": " + f.message;
  return Fail(message);
}

std::string ReadPasswordFromStdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int Serve(const Config& config) {
  // Before App starts any thread: a stop signal is then never lost, whenever it comes.
  http::Server::HoldStopSignals();
  App app(config);
  app.Start();
  app.RunUntilSignal();
  return 0;
}

// Builds a fresh index beside the one in use and swaps it in: a server running on the same data
// folder keeps answering from the old one until it notices the swap.
int Reindex(const Config& config) {
  auto db = OpenDatabase(config);
  search::SearchIndex index(std::filesystem::path(config.data_dir) / "search");
  const auto stats = search::Rebuild(*db, index, &std::cout);
  std::cout << "indexed " << stats.contents << " contents up to event " << stats.last_seq << " in "
            << stats.seconds << " s ("
            << static_cast<std::int64_t>(stats.contents / std::max(stats.seconds, 1e-3))
            << " contents/s)\n";
  return 0;
}

// Says what upgrading would do, changing nothing (the database file is not even created).
int MigrateDryRun(const Config& config) {
  if (config.database.empty() && !std::filesystem::exists(DatabasePath(config))) {
    std::cout << "no database in " << config.data_dir << ": a new one gets all "
              << storage::SqliteMigrations().size() << " migrations; nothing to back up\n";
    return 0;
  }
  auto connected = ConnectDatabase(config, 1);
  auto& db = *connected;
  const auto plan = db.PlanMigrations();
  std::cout << "schema at version " << plan.applied_version << " (this binary knows "
            << plan.known_version << ")\n";
  if (!plan.unknown.empty()) {
    std::string list;
    for (const auto& label : plan.unknown) list += (list.empty() ? "" : ", ") + label;
    return Fail("this database was upgraded by a newer copydesk (" + list +
                "): this copydesk would refuse to open it");
  }
  if (plan.pending.empty()) {
    std::cout << "no migration to apply\n";
  } else {
    std::cout << "would apply, in one transaction:\n";
    for (const auto& label : plan.pending) std::cout << "  " << label << "\n";
    // On PostgreSQL, backups are PostgreSQL's own (pg_dump, archiving): none is taken here.
    std::cout << (config.upgrade_backup && config.database.empty()
                      ? "would first back the database up into " +
                            UpgradeBackupFolder(config).string() + " (keeping " +
                            std::to_string(config.keep_upgrade_backups) + ")\n"
                  : !config.database.empty()
                      ? std::string(
                            "would take no backup first (PostgreSQL: take yours with pg_dump)\n")
                      : std::string("would take no backup first (--no-upgrade-backup)\n"));
  }
  const auto long_ones = storage::UnfinishedBatchedMigrations(db);
  if (!long_ones.empty()) {
    std::cout << "then would run in batches (the server serves meanwhile):\n";
    for (const auto& what : long_ones) std::cout << "  " << what << "\n";
  }
  return 0;
}

int Migrate(const Config& config, const std::vector<std::string>& rest) {
  auto flags = Flags::Parse(rest, {}, {"--dry-run"});
  if (!flags) return FailWith(flags.error());
  if (!flags->words.empty()) return Fail("migrate takes no words, only --dry-run");
  if (flags->Get("--dry-run")) return MigrateDryRun(config);
  std::filesystem::create_directories(config.data_dir);
  auto connected = ConnectDatabase(config, 2);
  auto& db = *connected;
  const auto before = db.PlanMigrations();
  const int applied = UpgradeSchema(db, config);
  for (std::size_t i = 0; i < static_cast<std::size_t>(applied); ++i) {
    std::cout << "applied " << before.pending[i] << "\n";
  }
  auto [known, now] = db.SchemaVersions();
  std::cout << "schema at version " << now << " (this binary knows " << known << ")\n";
  // Progress on stderr, at most a few lines a second: the long migrations may take minutes.
  // The first batch is always told, so that whoever watches sees the migration under way.
  auto last = std::chrono::steady_clock::time_point{};
  bool told_a_batch = false;
  storage::RunBatchedMigrations(
      db, config.migration_batch_rows,
      [&](const storage::BatchProgress& p) {
        const auto t = std::chrono::steady_clock::now();
        if (!p.finished && p.done > 0 && told_a_batch &&
            t - last < std::chrono::milliseconds(100)) {
          return;
        }
        if (p.done > 0) told_a_batch = true;
        last = t;
        std::cerr << p.name << ": " << p.done << " of " << p.total << " rows ("
                  << (p.total > 0 ? p.done * 100 / p.total : 100) << "%)"
                  << (p.resumed ? ", resumed" : "") << (p.finished ? ", finished" : "")
                  << std::endl;
      },
      /*stop=*/nullptr, config.migration_pause_ms);
  // Long migrations that shrink rows (compression) leave the room inside the file: give it back
  // while no server runs, when it is worth a rewrite of the file.
  if (const auto reclaimed = db.ReclaimFreePages(0.1); reclaimed > 0) {
    std::cout << "gave back " << reclaimed / (1024 * 1024) << " MB of free pages (VACUUM)\n";
  }
  std::cout << "every migration is done\n";
  return 0;
}

int UserCommand(const Config& config, const std::vector<std::string>& rest) {
  auto flags =
      Flags::Parse(rest, {"--email", "--name", "--workspace", "--role"}, {"--password-stdin"});
  if (!flags) return FailWith(flags.error());
  const std::string verb = flags->words.empty() ? "" : flags->words[0];
  auto email = flags->Get("--email");
  if (verb == "create") {
    auto name = flags->Get("--name");
    if (!email || !name) return Fail("user create needs --email and --name");
    auto workspace = flags->Get("--workspace");
    auto role = flags->Get("--role");
    if (workspace.has_value() != role.has_value()) {
      return Fail("--workspace and --role go together");
    }
    if (role && !auth::ParseRole(*role)) {
      return Fail("--role must be owner, admin, editor, contributor, reviewer or guest");
    }
    std::optional<std::string> password;
    if (flags->Get("--password-stdin")) password = ReadPasswordFromStdin();
    auto db = OpenDatabase(config);
    auth::Accounts accounts(*db, config);
    if (workspace) {
      auto found =
          db->Read([&](storage::Tx& tx) { return storage::FindWorkspace(tx, *workspace); });
      if (!found) return Fail("no workspace " + *workspace);
    }
    auto user = accounts.CreateUserWithPassword(*email, *name, password);
    if (!user) return FailWith(user.error());
    if (workspace) {
      auto joined = db->Write([&](storage::Tx& tx) -> Result<void> {
        auto ws = storage::FindWorkspace(tx, *workspace);
        if (!ws) return Error::NotFound("no workspace " + *workspace);
        storage::InsertMembership(tx, ws->id, user->id, *role, NowMs());
        storage::AppendEvent(tx, ws->id, std::nullopt, "member.added", user->id,
                             "{\"role\":\"" + *role + "\",\"by\":\"cli\"}", NowMs());
        return {};
      });
      if (!joined) return FailWith(joined.error());
    }
    std::cout << "created user " << user->email << " (" << user->id << ")\n";
    return 0;
  }
  if (verb == "reset-password") {
    if (!email || !flags->Get("--password-stdin")) {
      return Fail("user reset-password needs --email and --password-stdin");
    }
    const std::string password = ReadPasswordFromStdin();
    auto db = OpenDatabase(config);
    auth::Accounts accounts(*db, config);
    if (auto reset = accounts.ResetPassword(*email, password); !reset)
      return FailWith(reset.error());
    std::cout << "password changed; every session of " << NormalizeEmail(*email) << " ended\n";
    return 0;
  }
  return Fail("user needs a verb: create or reset-password");
}

int TokenCommand(const Config& config, const std::vector<std::string>& rest) {
  auto flags = Flags::Parse(rest, {"--email", "--name"}, {});
  if (!flags) return FailWith(flags.error());
  if (flags->words.empty() || flags->words[0] != "create")
    return Fail("token needs a verb: create");
  auto email = flags->Get("--email");
  auto name = flags->Get("--name");
  if (!email || !name) return Fail("token create needs --email and --name");
  auto db = OpenDatabase(config);
  auth::Accounts accounts(*db, config);
  auto user = db->Read(
      [&](storage::Tx& tx) { return storage::FindUserByEmail(tx, NormalizeEmail(*email)); });
  if (!user) return Fail("no account has the e-mail " + *email);
  auto token = accounts.CreateToken(user->id, *name);
  if (!token) return FailWith(token.error());
  std::cout << "token " << token->first.id << " for " << user->email
            << " (shown once; use it as Authorization: Bearer <token>)\n"
            << token->second << "\n";
  return 0;
}

int DemoCommand(const Config& config, const std::vector<std::string>& rest) {
  auto flags = Flags::Parse(rest, {"--size", "--seed"}, {});
  if (!flags) return FailWith(flags.error());
  if (!flags->words.empty()) return Fail("demo takes no words, only --size N and --seed S");
  DemoOptions options;
  try {
    if (auto size = flags->Get("--size")) options.size = std::stoll(*size);
    if (auto seed = flags->Get("--seed")) options.seed = std::stoull(*seed);
  } catch (const std::logic_error&) {
    return Fail("--size and --seed take whole numbers");
  }
  auto db = OpenDatabase(config);
  if (options.size > 5000) std::cerr << "seeding " << options.size << " contents…\n";
  auto outcome = SeedDemo(*db, options, &std::cerr);
  if (!outcome) return FailWith(outcome.error());
  PrintDemoOutcome(*outcome, config.data_dir, std::cout);
  return 0;
}

int Backup(const Config& config, const std::vector<std::string>& rest) {
  auto flags = Flags::Parse(rest, {"--out"}, {});
  if (!flags) return FailWith(flags.error());
  auto out = flags->Get("--out");
  if (!out) return Fail("backup needs --out FILE");
  if (std::filesystem::exists(*out)) return Fail(*out + " already exists; choose a new file");
  if (!std::filesystem::exists(DatabasePath(config)))
    return Fail("no database in " + config.data_dir);
  {
    storage::SqliteDatabase db(DatabasePath(config), 1);
    db.BackupTo(*out);
  }
  // Then the files the snapshot names. Stored files never change, and each one the snapshot
  // names was in place before its row committed: an upload under way is in neither.
  files::FolderBlobStore store(BlobFolder(config));
  std::size_t copied = 0;
  for (const auto& [sha256, size] : storage::BlobsRecordedIn(*out)) {
    const auto path = store.LocalPath(sha256);
    if (!path) {
      // Only a blob unreferenced past the retention period can go while the backup runs.
      std::cerr << "skipped " << sha256 << ": deleted by the sweep since the snapshot\n";
      continue;
    }
    storage::AddFileToBackup(*out, sha256, *path);
    ++copied;
  }
  std::cout << "backup written to " << *out << " (" << copied << " files)\n";
  return 0;
}

int Restore(const Config& config, const std::vector<std::string>& rest) {
  auto flags = Flags::Parse(rest, {}, {});
  if (!flags) return FailWith(flags.error());
  if (flags->words.size() != 1) return Fail("restore needs the backup FILE");
  const std::string from = flags->words[0];
  if (!std::filesystem::is_regular_file(from)) return Fail("no file " + from);
  std::error_code ec;
  if (std::filesystem::exists(config.data_dir) && !std::filesystem::is_empty(config.data_dir, ec)) {
    return Fail("the data folder " + config.data_dir + " is not empty; restore into an empty one");
  }
  std::filesystem::create_directories(config.data_dir);
  {
    // Copy through SQLite so the result is a consistent database file, then check it opens.
    storage::SqliteDatabase source(from, 1);
    source.BackupTo(DatabasePath(config));
  }
  // The files, each checked against its name, then out of the database file.
  files::FolderBlobStore store(BlobFolder(config));
  const auto temp_folder = std::filesystem::path(config.data_dir) / "tmp";
  std::filesystem::create_directories(temp_folder);
  std::size_t restored = 0;
  storage::ExtractBackupFiles(
      from, [&](const std::string& sha256) { return (temp_folder / sha256).string(); },
      [&](const std::string& sha256, const std::string& path) {
        auto digest = files::DigestFile(path);
        if (!digest || digest->sha256 != sha256)
          throw std::runtime_error("the backup's file " + sha256 + " is damaged");
        if (auto put = store.Put(path, sha256); !put) throw std::runtime_error(put.error().log);
        ++restored;
      });
  storage::DropBackupFiles(DatabasePath(config));
  auto db = OpenDatabase(config);
  auto [known, applied] = db->SchemaVersions();
  std::cout << "restored into " << config.data_dir << " (schema version " << applied << ", "
            << restored << " files)\n";
  return 0;
}

}  // namespace

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage << ConfigHelp();
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  std::vector<std::string> rest;
  auto config = ParseConfig(args, rest, /*allow_unknown_flags=*/command != "serve");
  if (!config) return FailWith(config.error());
  SetLogLevel(command == "serve" ? config->log_level : LogLevel::kWarn);
  try {
    if (command == "serve") return rest.empty() ? Serve(*config) : Fail("serve takes no words");
    if (command == "migrate") return Migrate(*config, rest);
    if (command == "reindex")
      return rest.empty() ? Reindex(*config) : Fail("reindex takes no words");
    if (command == "user") return UserCommand(*config, rest);
    if (command == "token") return TokenCommand(*config, rest);
    if (command == "demo") return DemoCommand(*config, rest);
    if (command == "import") return ImportCommand(*config, rest);
    if (command == "backup") return Backup(*config, rest);
    if (command == "restore") return Restore(*config, rest);
    if (command == "export") return ExportCommand(*config, rest);
    if (command == "verify-proof") return VerifyProofCommand(*config, rest);
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "fatal", {{"command", command}, {"error", e.what()}});
    std::cerr << "copydesk: " << e.what() << "\n";
    return 1;
  }
  return Fail("unknown command " + command + " (try copydesk help)");
}

}  // namespace copydesk::cli
