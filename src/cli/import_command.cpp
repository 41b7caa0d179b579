#include "cli/import_command.hpp"

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "app/app.hpp"
#include "content/contents.hpp"
#include "convert/import.hpp"
#include "core/text.hpp"
#include "files/blob_store.hpp"
#include "files/files.hpp"
#include "files/renditions.hpp"
#include "storage/accounts_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::cli {

namespace fs = std::filesystem;

namespace {

int Usage(const std::string& why) {
  std::cerr << "copydesk: " << why
            << "\nusage: copydesk import --workspace SLUG [--as EMAIL] [--type KEY] "
               "[--language fr|en] FILE…\n";
  return 2;
}

std::string Describe(const Error& e) {
  std::string out = e.detail;
  for (const auto& f : e.fields)
    if (f.message != e.detail) out += " (" + f.field + ": " + f.message + ")";
  return out;
}

}  // namespace

int ImportCommand(const Config& config, const std::vector<std::string>& rest) {
  std::map<std::string, std::string> flags;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& arg = rest[i];
    if (arg == "--workspace" || arg == "--as" || arg == "--type" || arg == "--language") {
      if (i + 1 >= rest.size()) return Usage(arg + " needs a value");
      flags[arg] = rest[++i];
    } else if (arg.rfind("--", 0) == 0) {
      return Usage("unknown flag " + arg);
    } else {
      paths.push_back(arg);
    }
  }
  if (!flags.contains("--workspace")) return Usage("import needs --workspace");
  if (paths.empty()) return Usage("import needs at least one FILE");

  auto db = OpenDatabase(config);
  // The person the imports are recorded for: --as, else the workspace's first owner.
  auto actor = db->Read([&](storage::Tx& tx) -> Result<auth::Actor> {
    auto ws = storage::FindWorkspace(tx, flags["--workspace"]);
    if (!ws) return Error::NotFound("no workspace " + flags["--workspace"]);
    std::optional<storage::UserRecord> user;
    if (flags.contains("--as")) {
      user = storage::FindUserByEmail(tx, NormalizeEmail(flags["--as"]));
      if (!user) return Error::NotFound("no account has the e-mail " + flags["--as"]);
    } else {
      for (const auto& m : storage::ListMembers(tx, ws->id)) {
        if (m.role == "owner") {
          user = storage::FindUserById(tx, m.user_id);
          break;
        }
      }
      if (!user) return Error::NotFound("the workspace has no owner to import as: use --as");
    }
    return auth::Actor{std::move(*user), "", "", false};
  });
  if (!actor) {
    std::cerr << "copydesk: " << Describe(actor.error()) << "\n";
    return 2;
  }

  const fs::path data(config.data_dir);
  files::FolderBlobStore blobs((data / "blobs").string());
  files::Renditions renditions((data / "renditions").string());
  files::Files media(*db, blobs, renditions);
  content::Contents contents(*db);
  convert::Importer importer(*db, contents, media, blobs, data / "tmp" / "imports");

  std::size_t done = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const fs::path path(paths[i]);
    const std::string step =
        "[" + std::to_string(i + 1) + "/" + std::to_string(paths.size()) + "] ";
    std::cerr << step << path.string() << ": converting…\n";
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec || !fs::is_regular_file(path, ec)) {
      std::cerr << step << path.string() << ": failed: no such file\n";
      continue;
    }
    convert::NewImport in;
    in.upload = {fs::absolute(path).string(), size, path.filename().string()};
    if (flags.contains("--type")) in.type = flags["--type"];
    if (flags.contains("--language")) in.language = flags["--language"];
    auto outcome = importer.ImportNew(*actor, flags["--workspace"], std::move(in));
    if (!outcome) {
      std::cerr << step << path.string() << ": failed: " << Describe(outcome.error()) << "\n";
      continue;
    }
    ++done;
    const auto& r = outcome->report;
    std::cerr << step << path.string() << ": " << r.images << " image(s), " << r.comments
              << " comment(s), " << r.tracked.insertions + r.tracked.deletions
              << " tracked change(s) accepted\n";
    for (const auto& n : r.not_kept)
      std::cerr << "    not kept: " << n.count << " " << n.what << "\n";
    for (const auto& w : r.warnings) std::cerr << "    warning: " << w << "\n";
    std::cout << outcome->content.content.id << "\t" << outcome->content.content.title << "\n";
  }
  std::cerr << "imported " << done << " of " << paths.size() << " file(s)\n";
  return done == paths.size() ? 0 : 1;
}

}  // namespace copydesk::cli
