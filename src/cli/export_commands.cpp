#include "cli/export_commands.hpp"

#include <boost/json/parse.hpp>
#include <fstream>
#include <iostream>
#include <map>

#include "api/present/proof.hpp"
#include "app/app.hpp"
#include "convert/export.hpp"
#include "convert/proof.hpp"
#include "core/text.hpp"
#include "files/blob_store.hpp"
#include "search/search.hpp"
#include "storage/accounts_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/exports_store.hpp"
#include "storage/shares_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workflow/proof.hpp"

namespace copydesk::cli {

namespace {

namespace json = boost::json;

int Fail(const std::string& message) {
  std::cerr << "copydesk: " << message << "\n";
  return 2;
}

int FailWith(const Error& error) {
  std::string message = error.detail;
  for (const auto& f : error.fields) message += "\n  " + f.field + ": " + f.message;
  return Fail(message);
}

// "--flag value" and "--flag=value" pairs among `known`, and the words in between.
bool ParseFlags(const std::vector<std::string>& rest, const std::vector<std::string>& known,
                std::map<std::string, std::string>& values, std::vector<std::string>& words,
                std::string& error) {
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& arg = rest[i];
    if (arg.rfind("--", 0) != 0) {
      words.push_back(arg);
      continue;
    }
    std::string name = arg, value;
    const auto eq = arg.find('=');
    if (eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    } else if (i + 1 < rest.size()) {
      value = rest[++i];
    } else {
      error = name + " needs a value";
      return false;
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      error = "unknown flag " + name;
      return false;
    }
    values[name] = value;
  }
  return true;
}

// Whom the command acts for: the account `--as` names, else an owner of the workspace (the
// operator holds the data folder, and so everything in it; acting as an owner keeps every
// domain check in place).
Result<auth::Actor> ActorFor(storage::Database& db, const std::optional<std::string>& email,
                             const std::string& workspace_id) {
  return db.Read([&](storage::Tx& tx) -> Result<auth::Actor> {
    std::optional<storage::UserRecord> user;
    if (email) {
      user = storage::FindUserByEmail(tx, NormalizeEmail(*email));
      if (!user) return Error::NotFound("no account has the e-mail " + *email);
    } else {
      for (const auto& m : storage::ListMembers(tx, workspace_id)) {
        if (m.role == "owner") {
          user = storage::FindUserById(tx, m.user_id);
          break;
        }
      }
      if (!user) return Error::NotFound("the workspace has no owner; name someone with --as");
    }
    auth::Actor actor;
    actor.user = *user;
    actor.via_token = true;
    return actor;
  });
}

std::optional<std::string> WorkspaceOfContent(storage::Database& db, const std::string& id) {
  return db.Read([&](storage::Tx& tx) -> std::optional<std::string> {
    auto c = storage::FindContent(tx, id);
    if (!c) return std::nullopt;
    return c->workspace_id;
  });
}

std::optional<std::string> WorkspaceId(storage::Database& db, const std::string& ref) {
  return db.Read([&](storage::Tx& tx) -> std::optional<std::string> {
    auto ws = storage::FindWorkspace(tx, ref);
    if (!ws) return std::nullopt;
    return ws->id;
  });
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

}  // namespace

int ExportCommand(const Config& config, const std::vector<std::string>& rest) {
  std::map<std::string, std::string> flags;
  std::vector<std::string> words;
  std::string error;
  if (!ParseFlags(rest,
                  {"--content", "--project", "--view", "--workspace", "--format", "--revision",
                   "--out", "--as"},
                  flags, words, error))
    return Fail(error);
  if (!words.empty()) return Fail("export takes no words, only flags");
  const auto get = [&](const std::string& name) -> std::optional<std::string> {
    auto it = flags.find(name);
    return it == flags.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  const auto format = convert::ParseExportFormat(get("--format").value_or("pdf"));
  if (!format) return Fail("--format must be docx, odt, pdf, md or html");
  const int chosen =
      get("--content").has_value() + get("--project").has_value() + get("--view").has_value();
  if (chosen != 1) return Fail("export needs one of --content ID, --project ID or --view ID");
  const auto as = get("--as");

  auto db = OpenDatabase(config);
  files::FolderBlobStore blobs(BlobFolder(config));
  convert::Exports exports(*db, blobs);

  if (auto id = get("--content")) {
    auto revision = convert::ParseRevisionChoice(get("--revision"));
    if (!revision) return FailWith(revision.error());
    auto ws = WorkspaceOfContent(*db, *id);
    if (!ws) return Fail("no content has the id " + *id);
    auto actor = ActorFor(*db, as, *ws);
    if (!actor) return FailWith(actor.error());
    std::cerr << "exporting " << *id << " as " << convert::ExtensionOf(*format) << "…\n";
    auto file = exports.Content(*actor, *id, *format, *revision);
    if (!file) return FailWith(file.error());
    const std::string out = get("--out").value_or(file->name);
    if (!WriteFile(out, file->bytes)) return Fail("could not write " + out);
    std::cerr << "wrote " << out << " (" << file->bytes.size() << " bytes)\n";
    std::cout << out << "\n";
    return 0;
  }

  // A .zip: the workspace is the project's or the view's; --workspace names it for a view.
  convert::CollectionChoice choice;
  choice.project = get("--project");
  choice.view = get("--view");
  std::optional<std::string> ws;
  if (auto named = get("--workspace")) {
    ws = WorkspaceId(*db, *named);
  } else {
    ws = db->Read([&](storage::Tx& tx) {
      return choice.project ? storage::WorkspaceOfProject(tx, *choice.project)
                            : storage::WorkspaceOfView(tx, *choice.view);
    });
  }
  if (!ws) return Fail("no such project or view (or name its workspace with --workspace)");
  auto actor = ActorFor(*db, as, *ws);
  if (!actor) return FailWith(actor.error());
  search::SearchIndex index(std::filesystem::path(config.data_dir) / "search");
  search::Search search(*db, index);
  auto file = exports.Collection(*actor, *ws, choice, *format, search,
                                 [](std::size_t done, std::size_t total, const std::string& title) {
                                   std::cerr << "[" << done << "/" << total << "] " << title
                                             << "\n";
                                 });
  if (!file) return FailWith(file.error());
  const std::string out = get("--out").value_or(file->name);
  if (!WriteFile(out, file->bytes)) return Fail("could not write " + out);
  std::cerr << "wrote " << out << " (" << file->bytes.size() << " bytes)\n";
  std::cout << out << "\n";
  return 0;
}

int VerifyProofCommand(const Config& config, const std::vector<std::string>& rest) {
  std::map<std::string, std::string> flags;
  std::vector<std::string> words;
  std::string error;
  if (!ParseFlags(rest, {"--as"}, flags, words, error)) return Fail(error);
  if (words.size() != 1) return Fail("verify-proof takes one file: the proof's .json or .pdf");
  std::ifstream in(words[0], std::ios::binary);
  if (!in) return Fail("cannot read " + words[0]);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.rfind("%PDF-", 0) == 0) {
    auto twin = convert::ExtractProofJson(bytes);
    if (!twin) return FailWith(twin.error());
    bytes = std::move(*twin);
  }
  std::error_code ec;
  auto proof = json::parse(bytes, ec);
  if (ec || !proof.is_object()) return Fail(words[0] + " is not a copydesk proof");
  std::string id;
  if (const auto* c = proof.as_object().if_contains("content"); c && c->is_object())
    if (const auto* v = c->as_object().if_contains("id"); v && v->is_string()) id = v->as_string();
  if (id.empty()) return Fail(words[0] + " names no content");

  auto db = OpenDatabase(config);
  files::FolderBlobStore blobs(BlobFolder(config));
  auto ws = WorkspaceOfContent(*db, id);
  if (!ws) return Fail("no content has the id " + id + " in " + config.data_dir);
  auto it = flags.find("--as");
  auto actor = ActorFor(*db, it == flags.end() ? std::nullopt : std::optional(it->second), *ws);
  if (!actor) return FailWith(actor.error());
  auto verdict = workflow::VerifyProof(
      *db, *actor, proof, [&](const std::string& sha256) -> std::optional<std::string> {
        auto path = blobs.LocalPath(sha256);
        if (!path) return std::nullopt;
        auto digest = files::DigestFile(*path);
        if (!digest) return std::nullopt;
        return digest->sha256;
      });
  if (!verdict) return FailWith(verdict.error());
  for (const auto& check : verdict->checks)
    std::cout << (check.ok ? "ok    " : "FAIL  ") << check.what << ": " << check.detail << "\n";
  std::cout << (verdict->matches ? "the proof matches what is stored"
                                 : "the proof does NOT match what is stored")
            << "\n";
  return verdict->matches ? 0 : 1;
}

}  // namespace copydesk::cli
