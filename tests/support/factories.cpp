#include "support/factories.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <random>

#include "storage/sqlite/sqlite_database.hpp"

namespace copydesk::testing {

namespace json = boost::json;

namespace {

// The database as the server opens it: the file in the data folder, every migration applied (for
// a new database, the server's UpgradeSchema comes down to this).
std::unique_ptr<storage::Database> OpenMigrated(const std::filesystem::path& dir) {
  auto db = std::make_unique<storage::SqliteDatabase>((dir / "copydesk.db").string(), 2);
  db->Migrate();
  return db;
}

// A fresh e-mail for each person, even for two people of the same name in one world.
std::string NewEmail(const std::string& name) {
  static std::atomic<int> counter{0};
  std::string local;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      local.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (local.empty()) local = "person";
  return local + std::to_string(counter++) + "@example.com";
}

const char* KindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadRequest:
      return "bad request";
    case ErrorKind::kUnauthenticated:
      return "unauthenticated";
    case ErrorKind::kForbidden:
      return "forbidden";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kMethodNotAllowed:
      return "method not allowed";
    case ErrorKind::kConflict:
      return "conflict";
    case ErrorKind::kPayloadTooLarge:
      return "payload too large";
    case ErrorKind::kHeadersTooLarge:
      return "headers too large";
    case ErrorKind::kUnsupportedMediaType:
      return "unsupported media type";
    case ErrorKind::kUnprocessable:
      return "unprocessable";
    case ErrorKind::kLocked:
      return "locked";
    case ErrorKind::kRateLimited:
      return "rate limited";
    case ErrorKind::kInternal:
      return "internal";
    case ErrorKind::kUnavailable:
      return "unavailable";
  }
  return "?";
}

}  // namespace

std::string Describe(const Error& error) {
  std::string out = std::string(KindName(error.kind)) + ": " + error.detail;
  if (!error.fields.empty()) {
    out += " (";
    for (std::size_t i = 0; i < error.fields.size(); ++i) {
      if (i) out += ", ";
      out += error.fields[i].field + ": " + error.fields[i].message;
    }
    out += ")";
  }
  if (!error.log.empty()) out += " [" + error.log + "]";
  return out;
}

TestWorld::DataFolder::DataFolder() {
  std::random_device rd;
  path = std::filesystem::temp_directory_path() /
         ("copydesk-world-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path);
}

TestWorld::DataFolder::~DataFolder() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

TestWorld::TestWorld()
    : config_([&] {
        Config c;
        c.data_dir = folder_.path.string();
        return c;
      }()),
      db_(OpenMigrated(folder_.path)),
      accounts(*db_, config_),
      workspaces(*db_, config_),
      settings(*db_),
      contents(*db_),
      workflow(*db_) {}

auth::Actor TestWorld::MakeUser(const std::string& name) {
  auth::Actor actor;
  actor.user =
      Must(accounts.CreateUserWithPassword(NewEmail(name), name, std::nullopt), "creating " + name);
  return actor;
}

Workspace TestWorld::MakeWorkspace(const WorkspaceSpec& spec) {
  Workspace ws;
  ws.owner = MakeUser(spec.owner_name);
  ws.id = Must(workspaces.Create(ws.owner, spec.name, spec.language), "creating " + spec.name).id;
  return ws;
}

void TestWorld::AddMember(const Workspace& ws, const auth::Actor& person, const std::string& role) {
  auto added = Must(workspaces.AddMember(ws.owner, ws.id, person.user.email, role),
                    "adding " + person.user.name);
  if (!added.member) throw StepFailed(person.user.name + " was invited instead of added");
}

auth::Actor TestWorld::MakeMember(const Workspace& ws, const std::string& role, std::string name) {
  if (name.empty()) name = "Claire " + role;
  auth::Actor person = MakeUser(name);
  AddMember(ws, person, role);
  return person;
}

content::ContentInput TestWorld::InputOf(const ContentSpec& spec) {
  content::ContentInput in;
  in.type = spec.type;
  in.title = spec.title;
  in.language = spec.language;
  if (!spec.fields.empty()) in.fields = spec.fields;
  if (!spec.channels.empty()) in.channels = spec.channels;
  if (!spec.tags.empty()) in.tags = spec.tags;
  if (spec.owner) in.owner = std::optional<std::string>(*spec.owner);
  if (!spec.assignees.empty()) in.assignees = spec.assignees;
  return in;
}

content::ContentView TestWorld::MakeContent(const Workspace& ws, const ContentSpec& spec) {
  const auth::Actor& author = spec.author ? *spec.author : ws.owner;
  return Must(contents.Create(author, ws.id, InputOf(spec)), "creating " + spec.title);
}

std::string TestWorld::ChannelId(const Workspace& ws, const std::string& name) {
  for (const auto& c : Must(settings.Channels(ws.owner, ws.id), "listing channels")) {
    if (c.name == name) return c.id;
  }
  throw StepFailed("no channel " + name);
}

std::string TestWorld::TeamId(const Workspace& ws, const std::string& name) {
  for (const auto& t : Must(workspaces.Teams(ws.owner, ws.id), "listing teams")) {
    if (t.name == name) return t.id;
  }
  throw StepFailed("no team " + name);
}

std::vector<std::string> TestWorld::StatusIds(const Workspace& ws) {
  std::vector<std::string> ids;
  for (const auto& s : Must(workflow.Statuses(ws.owner, ws.id), "listing statuses")) {
    ids.push_back(s.id);
  }
  return ids;
}

content::ContentView TestWorld::Read(const Workspace& ws, const std::string& content_id) {
  return Must(contents.Get(ws.owner, content_id), "reading " + content_id);
}

std::string FieldOf(const std::string& fields_json, const std::string& key) {
  const auto parsed = json::parse(fields_json);
  const auto* v = parsed.as_object().if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

json::object ExtraOf(const Error& error) {
  if (error.extra_json.empty()) return {};
  auto parsed = json::parse(error.extra_json);
  return parsed.is_object() ? parsed.as_object() : json::object{};
}

bool NamesField(const Error& error, const std::string& field) {
  return std::any_of(error.fields.begin(), error.fields.end(),
                     [&](const FieldError& f) { return f.field == field; });
}

std::vector<std::string> Sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace copydesk::testing
