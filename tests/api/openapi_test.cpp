// The API description, docs/api/openapi.yaml, held against the real server, both ways: every
// route the server registers is documented under the same method and path template, every
// documented operation exists under that method, and each asks for credentials exactly when the
// description says so. A route added, renamed or removed without its description fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/source_file.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

//! One documented operation.
struct Operation {
  std::string method;        // "GET", …
  std::string path;          // "/api/v1/workspaces/{ws}"
  bool is_public = false;    // `security: []`: no credentials needed
  bool takes_body = false;   // has a `requestBody`
  bool takes_files = false;  // its body may be a raw file (application/octet-stream), not JSON
  int line = 0;              // in the YAML, for messages
};

// The description sits at a fixed place in the source tree, found from this file's path.
fs::path DescriptionFile() {
  return SourceFile(__FILE__, 2, fs::path("docs") / "api" / "openapi.yaml");
}

// A line-based reading of `paths:` that relies on the file's layout (two spaces per level): a
// path at indent 2, its operations at indent 4, an operation's `security: []` at indent 6.
// Enough to list operations without a YAML library; the layout is checked by the test below.
std::vector<Operation> ReadOperations(const fs::path& file) {
  static const std::vector<std::string> kMethods = {"get",    "put",     "post", "patch",
                                                    "delete", "options", "head"};
  std::ifstream in(file);
  std::vector<Operation> out;
  std::string line, path;
  bool in_paths = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] == '#') continue;
    const std::string text = line.substr(first);
    if (first == 0) {
      in_paths = text == "paths:";
      continue;
    }
    if (!in_paths) continue;
    if (first == 2 && text.front() == '/' && text.back() == ':') {
      path = text.substr(0, text.size() - 1);
    } else if (first == 4 && text.back() == ':') {
      const std::string key = text.substr(0, text.size() - 1);
      for (const auto& method : kMethods) {
        if (key != method) continue;
        std::string upper = key;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out.push_back({upper, path, false, false, false, number});
      }
    } else if (first == 6 && text == "security: []" && !out.empty() && out.back().path == path) {
      out.back().is_public = true;
    } else if (first == 6 && text == "requestBody:" && !out.empty() && out.back().path == path) {
      out.back().takes_body = true;
    } else if (first == 10 && text == "application/octet-stream:" && !out.empty() &&
               out.back().path == path && out.back().takes_body) {
      out.back().takes_files = true;
    }
  }
  return out;
}

// A concrete path for a documented one: each {parameter} becomes a made-up id.
std::string Concrete(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '{') {
      out.push_back(path[i]);
      continue;
    }
    const auto close = path.find('}', i);
    out += "probe-" + path.substr(i + 1, close - i - 1);
    i = close;
  }
  return out;
}

//! What the server says about an operation, asked without credentials.
enum class Verdict { kUnknownPath, kWrongMethod, kAsksForCredentials, kAnswers };

Verdict Probe(TestServer& server, const std::string& method, const std::string& path) {
  auto client = server.Client();
  const auto response = client.Send(method, path);
  if (response.status == 405) return Verdict::kWrongMethod;
  if (response.status == 404) {
    const auto body = response.Json();
    const auto* detail = body.is_object() ? body.as_object().if_contains("detail") : nullptr;
    // The router's own 404, as opposed to a handler's "no such workspace".
    if (detail != nullptr && detail->is_string() &&
        detail->as_string() == "No such API resource.") {
      return Verdict::kUnknownPath;
    }
  }
  if (response.status == 401) return Verdict::kAsksForCredentials;
  return Verdict::kAnswers;
}

std::string Describe(Verdict verdict) {
  switch (verdict) {
    case Verdict::kUnknownPath:
      return "404 No such API resource";
    case Verdict::kWrongMethod:
      return "405 Method not allowed";
    case Verdict::kAsksForCredentials:
      return "401";
    case Verdict::kAnswers:
      return "an answer without credentials";
  }
  return "?";
}

TEST(OpenApi, TheReaderFindsOperationsOfEveryKindInTheDescription) {
  const fs::path file = DescriptionFile();
  ASSERT_TRUE(fs::is_regular_file(file)) << "missing " << file;
  const auto operations = ReadOperations(file);
  // If the layout drifted (indentation), the reader would silently find nothing.
  ASSERT_GE(operations.size(), 60u) << "read only " << operations.size() << " operations from "
                                    << file << "; is it still indented by two spaces per level?";
  auto documented = [&](std::string method, std::string path) {
    for (const auto& op : operations) {
      if (op.method == method && op.path == path) return true;
    }
    return false;
  };
  EXPECT_TRUE(documented("GET", "/api/v1/me"));
  EXPECT_TRUE(documented("POST", "/api/v1/auth/login"));
  EXPECT_TRUE(documented("PUT", "/api/v1/workspaces/{ws}/teams/{team_id}/members"));
  EXPECT_TRUE(documented("GET", "/healthz"));
  EXPECT_TRUE(documented("PUT", "/api/v1/contents/{id}/revisions/{n}/label"));
  bool any_public = false;
  for (const auto& op : operations) any_public = any_public || op.is_public;
  EXPECT_TRUE(any_public) << "no `security: []` read: is it still at six spaces?";
}

TEST(OpenApi, EveryRegisteredRouteIsDocumentedWithItsMethodAndPathTemplate) {
  TestServer server;
  const fs::path file = DescriptionFile();
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& op : ReadOperations(file)) {
    EXPECT_TRUE(documented.emplace(op.method, op.path).second)
        << file.string() << ":" << op.line << " " << op.method << " " << op.path
        << " is documented twice";
  }
  // The router of the server under test: exactly what `copydesk serve` registers.
  const auto routes = server.app().router().Routes();
  ASSERT_FALSE(routes.empty());
  std::set<std::pair<std::string, std::string>> registered;
  for (const auto& [method, pattern] : routes) {
    registered.emplace(method, pattern);
    EXPECT_TRUE(documented.contains({method, pattern}))
        << method << " " << pattern << " is served but not documented in " << file.string()
        << " (same method, same path template with the router's {parameter} names)";
  }
  for (const auto& [method, path] : documented) {
    EXPECT_TRUE(registered.contains({method, path}))
        << method << " " << path << " is documented in " << file.string()
        << " but the router has no route with that method and path template";
  }
}

TEST(OpenApi, TheProbeTellsAMissingRouteAndAWrongMethodFromARealOne) {
  TestServer server;
  EXPECT_EQ(Probe(server, "GET", "/api/v1/not-a-resource"), Verdict::kUnknownPath);
  EXPECT_EQ(Probe(server, "DELETE", "/api/v1/me/password"), Verdict::kWrongMethod);
  EXPECT_EQ(Probe(server, "GET", "/api/v1/me"), Verdict::kAsksForCredentials);
  EXPECT_EQ(Probe(server, "GET", "/api/v1/setup"), Verdict::kAnswers);
}

TEST(OpenApi, EveryDocumentedOperationExistsWithTheDocumentedSecurity) {
  TestServer server;
  const fs::path file = DescriptionFile();
  for (const auto& op : ReadOperations(file)) {
    SCOPED_TRACE(file.string() + ":" + std::to_string(op.line) + " " + op.method + " " + op.path);
    const Verdict verdict = Probe(server, op.method, Concrete(op.path));
    EXPECT_NE(verdict, Verdict::kUnknownPath) << "documented but the server has no such path";
    EXPECT_NE(verdict, Verdict::kWrongMethod) << "documented but the server has no such method";
    if (verdict == Verdict::kUnknownPath || verdict == Verdict::kWrongMethod) continue;
    const Verdict expected = op.is_public ? Verdict::kAnswers : Verdict::kAsksForCredentials;
    EXPECT_EQ(verdict, expected) << "documented as "
                                 << (op.is_public ? "public (security: [])" : "authenticated")
                                 << " but the server gave " << Describe(verdict);
  }
}

// The statuses the HTTP layer gives before any route runs, asked of every operation: an oversized
// head is 431 everywhere, an oversized body 413 and a body that is not JSON 415 wherever a body
// is taken. The description lists
// both on each such operation; with COPYDESK_API_EXCHANGES set, make test-contract checks these
// answers against it like every other exchange.
TEST(OpenApi, EveryOperationRefusesAnOversizedHeadAndAnOversizedOrNonJsonBody) {
  TestServer server([](Config& config) { config.max_body_bytes = 1024; });
  const fs::path file = DescriptionFile();
  const std::string padding(server.config().max_header_bytes + 1024, 'a');
  const std::string big_body = "{\"title\": \"" + std::string(4096, 'a') + "\"}";
  for (const auto& op : ReadOperations(file)) {
    SCOPED_TRACE(file.string() + ":" + std::to_string(op.line) + " " + op.method + " " + op.path);
    auto client = server.Client();
    EXPECT_EQ(
        client.Send(op.method, Concrete(op.path), std::nullopt, {{"X-Padding", padding}}).status,
        431);
    if (op.takes_body) {
      EXPECT_EQ(client.Send(op.method, Concrete(op.path), big_body).status, 413);
      // An upload takes any type but JSON as the file itself (its own limit is
      // --max-upload-bytes): no 415 from the HTTP layer.
      if (op.takes_files) continue;
      EXPECT_EQ(client
                    .Send(op.method, Concrete(op.path), std::string("{}"),
                          {{"Content-Type", "text/plain"}})
                    .status,
                415);
    }
  }
}

// No operation accepts a member its schema does not list, whoever asks: the owner sends one to
// every operation that takes a body (on made-up ids, so nothing is written; an operation may
// answer 404 for the id before it reads the body). make test-contract then holds each answer to
// the description, 400s included: a body refused with 400 must be one its schema refuses.
TEST(OpenApi, NoOperationAcceptsAnUnknownMember) {
  TestServer server;
  Person owner = MakeOwner(server);
  const fs::path file = DescriptionFile();
  const std::string body = R"({"contract_probe": true})";
  int refused_by_name = 0;
  for (const auto& op : ReadOperations(file)) {
    if (!op.takes_body) continue;
    SCOPED_TRACE(file.string() + ":" + std::to_string(op.line) + " " + op.method + " " + op.path);
    std::string path = Concrete(op.path);
    // The owner's own workspace, so that workspace routes get as far as the body.
    if (const auto at = path.find("probe-ws"); at != std::string::npos) {
      path.replace(at, 8, owner.workspace_id);
    }
    const auto response = owner.client.Send(op.method, path, body);
    EXPECT_TRUE(response.status >= 400 && response.status < 500)
        << response.status << " " << response.body;
    if (response.status == 400) ++refused_by_name;
  }
  EXPECT_GT(refused_by_name, 20) << "most operations should read the body before anything else";
}

// A browser session must send its X-CSRF-Token on every unsafe method: without it, each
// authenticated write answers 403 before anything else, as the description lists.
TEST(OpenApi, EveryWriteWithASessionAndNoCsrfTokenIs403) {
  TestServer server;
  Person owner = MakeOwner(server);
  HttpClient forgetful = owner.client;
  forgetful.UseCsrf("");
  const fs::path file = DescriptionFile();
  for (const auto& op : ReadOperations(file)) {
    if (op.is_public || op.method == "GET") continue;
    SCOPED_TRACE(file.string() + ":" + std::to_string(op.line) + " " + op.method + " " + op.path);
    std::string path = Concrete(op.path);
    if (const auto at = path.find("probe-ws"); at != std::string::npos) {
      path.replace(at, 8, owner.workspace_id);
    }
    const auto response = op.takes_body ? forgetful.Send(op.method, path, std::string("{}"))
                                        : forgetful.Send(op.method, path);
    EXPECT_EQ(response.status, 403) << response.body;
  }
}

}  // namespace
}  // namespace copydesk::testing
