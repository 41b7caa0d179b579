// Bad input, over real HTTP: every refusal is the right status with a problem+json body naming
// the field at fault, nothing is written, and the server keeps answering afterwards.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "core/json_input.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

constexpr std::size_t kSmallBodyLimit = 2048;

//! One bad request and what the server must answer.
struct BadInput {
  std::string name;
  std::string method;
  std::string target;  //!< "{ws}" is replaced by the owner's workspace id
  std::optional<std::string> body;
  std::vector<std::pair<std::string, std::string>> headers;
  int status;
  std::string field;  //!< the field the errors must name, or "" when none is at fault
  std::string allow;  //!< the Allow header of a 405
};

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

//! Checks the body is a problem document for `status` and, when `field` is set, names it.
void ExpectProblem(const HttpResponse& response, int status, const std::string& field) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  const auto body = response.Json();
  ASSERT_TRUE(body.is_object()) << response.body;
  const auto& problem = body.as_object();
  ASSERT_TRUE(problem.contains("type") && problem.at("type").is_string()) << response.body;
  ASSERT_TRUE(problem.contains("title") && problem.at("title").is_string()) << response.body;
  ASSERT_TRUE(problem.contains("detail") && problem.at("detail").is_string()) << response.body;
  ASSERT_TRUE(problem.contains("status")) << response.body;
  EXPECT_EQ(problem.at("status").to_number<int>(), status);
  EXPECT_FALSE(problem.at("detail").as_string().empty());
  if (field.empty()) return;
  ASSERT_TRUE(problem.contains("errors")) << response.body;
  bool named = false;
  for (const auto& error : problem.at("errors").as_array()) {
    EXPECT_FALSE(error.at("message").as_string().empty());
    if (error.at("field").as_string() == field) named = true;
  }
  EXPECT_TRUE(named) << "no error names " << field << ": " << response.body;
}

void ExpectStillServing(TestServer& server) {
  auto health = server.Client().Get("/healthz");
  EXPECT_EQ(health.status, 200) << "the server stopped answering";
}

int WorkspaceCount(Person& person) {
  return static_cast<int>(
      person.client.Get("/api/v1/workspaces").Json().at("items").as_array().size());
}

TEST(BadInput, EachIsAnsweredWithItsStatusAndAProblemNamingTheField) {
  TestServer server([](Config& c) { c.max_body_bytes = kSmallBodyLimit; });
  Person owner = MakeOwner(server);
  auto team = owner.client.Post("/api/v1/workspaces/" + owner.workspace_id + "/teams",
                                {{"name", "Rédaction"}});
  ASSERT_EQ(team.status, 201) << team.body;
  const std::string team_path =
      "/api/v1/workspaces/{ws}/teams/" + std::string(team.Json().at("id").as_string());
  const std::string big_name(kSmallBodyLimit + 100, 'a');
  const std::string deep = std::string(40, '[') + std::string(40, ']');

  const std::vector<BadInput> table = {
      {"unknown API route", "GET", "/api/v1/nothing-here", {}, {}, 404},
      {"unknown nested route", "GET", "/api/v1/workspaces/{ws}/nothing", {}, {}, 404},
      {"wrong method on a collection",
       "DELETE",
       "/api/v1/workspaces",
       {},
       {},
       405,
       "",
       "GET, POST"},
      {"wrong method on an item",
       "POST",
       "/api/v1/workspaces/{ws}",
       "{}",
       {},
       405,
       "",
       "GET, PATCH"},
      {"wrong method on a static path", "POST", "/some/page", "{}", {}, 405, "", "GET, HEAD"},
      {"body over the limit",
       "POST",
       "/api/v1/workspaces",
       json::serialize(json::object{{"name", big_name}}),
       {},
       413},
      {"plain text body",
       "POST",
       "/api/v1/workspaces",
       "name=Desk",
       {{"Content-Type", "text/plain"}},
       415,
       "Content-Type"},
      {"form body",
       "POST",
       "/api/v1/workspaces",
       "name=Desk",
       {{"Content-Type", "application/x-www-form-urlencoded"}},
       415,
       "Content-Type"},
      {"malformed JSON", "POST", "/api/v1/workspaces", R"({"name": "Desk")", {}, 400},
      {"trailing garbage after JSON",
       "POST",
       "/api/v1/workspaces",
       R"({"name": "Desk"} x)",
       {},
       400},
      {"JSON that is not an object", "POST", "/api/v1/workspaces", R"(["Desk"])", {}, 400},
      {"JSON nested too deep", "POST", "/api/v1/workspaces", deep, {}, 400},
      {"invalid UTF-8", "POST", "/api/v1/workspaces", "{\"name\": \"D\xff\xfesk\"}", {}, 400},
      {"overlong UTF-8", "POST", "/api/v1/workspaces", "{\"name\": \"\xc0\xaf\"}", {}, 400},
      {"lone surrogate escape", "POST", "/api/v1/workspaces", R"({"name": "\ud800"})", {}, 400},
      {"unknown field",
       "POST",
       "/api/v1/workspaces",
       R"({"name": "Desk", "colour": "red"})",
       {},
       400,
       "colour"},
      {"wrong type", "POST", "/api/v1/workspaces", R"({"name": 42})", {}, 400, "name"},
      {"null for a required field",
       "POST",
       "/api/v1/workspaces",
       R"({"name": null})",
       {},
       400,
       "name"},
      {"missing required field", "POST", "/api/v1/workspaces", "{}", {}, 400, "name"},
      {"wrong type in a PATCH",
       "PATCH",
       "/api/v1/workspaces/{ws}",
       R"({"language": true})",
       {},
       400,
       "language"},
      {"wrong item type in a list",
       "PUT",
       team_path + "/members",
       R"(["abc", 3])",
       {},
       400,
       "members[1]"},
      {"unknown field beside a list",
       "PUT",
       team_path + "/members",
       R"({"members": [], "leader": "abc"})",
       {},
       400,
       "leader"},
      {"blank name", "POST", "/api/v1/workspaces", R"({"name": "   "})", {}, 422, "name"},
      {"unsupported language",
       "POST",
       "/api/v1/workspaces",
       R"({"name": "Desk", "language": "de"})",
       {},
       422,
       "language"},
      {"unknown role",
       "POST",
       "/api/v1/workspaces/{ws}/members",
       R"({"email": "x@example.com", "role": "boss"})",
       {},
       422,
       "role"},
      {"not an e-mail",
       "POST",
       "/api/v1/workspaces/{ws}/members",
       R"({"email": "claire", "role": "editor"})",
       {},
       422,
       "email"},
      {"member already there",
       "POST",
       "/api/v1/workspaces/{ws}/members",
       json::serialize(json::object{{"email", owner.email}, {"role", "editor"}}),
       {},
       409,
       "email"},
      {"duplicate team name",
       "POST",
       "/api/v1/workspaces/{ws}/teams",
       R"({"name": "REDACTION"})",
       {},
       409,
       "name"},
      {"setup once done",
       "POST",
       "/api/v1/setup",
       json::serialize(json::object{{"email", "late@example.com"},
                                    {"name", "Late"},
                                    {"password", kPassword},
                                    {"workspace_name", "Late"}}),
       {},
       409},
      {"malformed percent escape in the path", "GET", "/api/v1/workspaces/%zz", {}, {}, 400},
  };

  const int workspaces_before = WorkspaceCount(owner);
  const std::string ws_path = "/api/v1/workspaces/" + owner.workspace_id;
  const std::string teams_before = owner.client.Get(ws_path + "/teams").body;
  const std::string members_before = owner.client.Get(ws_path + "/members").body;
  const std::string invitations_before = owner.client.Get(ws_path + "/invitations").body;
  for (const auto& row : table) {
    SCOPED_TRACE(row.name);
    auto response = owner.client.Send(row.method, Replace(row.target, "{ws}", owner.workspace_id),
                                      row.body, row.headers);
    ExpectProblem(response, row.status, row.field);
    EXPECT_FALSE(response.Header("X-Request-Id").empty());
    if (!row.allow.empty()) EXPECT_EQ(response.Header("Allow"), row.allow);
    ExpectStillServing(server);
  }
  // None of the refused creations left anything behind.
  EXPECT_EQ(WorkspaceCount(owner), workspaces_before);
  EXPECT_EQ(owner.client.Get(ws_path + "/teams").body, teams_before);
  EXPECT_EQ(owner.client.Get(ws_path + "/members").body, members_before);
  EXPECT_EQ(owner.client.Get(ws_path + "/invitations").body, invitations_before);
}

TEST(BadInput, RefusedWorkspaceCreationLeavesTheListUnchanged) {
  TestServer server;
  Person owner = MakeOwner(server);
  const auto before = owner.client.Get("/api/v1/workspaces").body;
  for (const char* body : {R"({"name": "Desk", "extra": 1})", R"({"name": ""})", R"({"name": 1})",
                           R"({"name": "Desk", "language": "xx"})"}) {
    SCOPED_TRACE(body);
    auto refused = owner.client.Send("POST", "/api/v1/workspaces", std::string(body));
    EXPECT_GE(refused.status, 400);
    EXPECT_LT(refused.status, 500);
  }
  EXPECT_EQ(owner.client.Get("/api/v1/workspaces").body, before);
}

TEST(BadInput, TooManyFailedSignInsAreRateLimitedWithRetryAfter) {
  TestServer server([](Config& c) { c.login_failures_per_account = 3; });
  Person owner = MakeOwner(server);
  auto client = server.Client();
  for (int i = 0; i < 3; ++i) {
    auto failed = client.Post("/api/v1/auth/login",
                              {{"email", owner.email}, {"password", "wrong password!"}});
    ExpectProblem(failed, 401, "");
  }
  auto limited =
      client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", "wrong password!"}});
  ExpectProblem(limited, 429, "");
  const std::string retry_after = limited.Header("Retry-After");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GT(std::stoi(retry_after), 0);
  EXPECT_EQ(limited.Json().at("retry_after").to_number<int>(), std::stoi(retry_after));
  ExpectStillServing(server);
}

TEST(BadInput, HeadersOverTheLimitAre431) {
  TestServer server;
  const std::string request =
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(20 * 1024, 'a') + "\r\n\r\n";
  const std::string raw = RawExchange(server.port(), request);
  EXPECT_EQ(StatusOf(raw), 431) << raw.substr(0, 200);
  EXPECT_NE(raw.find("application/problem+json"), std::string::npos);
  EXPECT_NE(raw.find("X-Request-Id:"), std::string::npos);
  // Many small headers add up the same way.
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 400; ++i)
    many += "X-H" + std::to_string(i) + ": " + std::string(60, 'b') + "\r\n";
  many += "\r\n";
  EXPECT_EQ(StatusOf(RawExchange(server.port(), many)), 431);
  ExpectStillServing(server);
}

TEST(BadInput, BodyOverTheLimitIs413EvenWhenTheClientKeepsSending) {
  TestServer server([](Config& c) { c.max_body_bytes = kSmallBodyLimit; });
  Person owner = MakeOwner(server);
  // A declared length over the limit is refused from the head alone, before any body is read.
  const std::string body(256 * 1024, 'x');
  std::string request =
      "POST /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  const std::string raw = RawExchange(server.port(), request);
  EXPECT_EQ(StatusOf(raw), 413) << raw.substr(0, 200);
  EXPECT_NE(raw.find("application/problem+json"), std::string::npos);
  // Refused before routing, it still carries the usual headers and is counted like any answer.
  EXPECT_NE(raw.find("X-Content-Type-Options: nosniff"), std::string::npos) << raw.substr(0, 600);
  EXPECT_NE(raw.find("X-Request-Id: "), std::string::npos);
  EXPECT_NE(
      server.Client()
          .Get("/metrics")
          .body.find(
              R"(copydesk_http_requests_total{method="POST",route="refused",status="413"} 1)"),
      std::string::npos);
  // A chunked body is counted as it arrives.
  std::string chunked =
      "POST /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 8; ++i) chunked += "400\r\n" + std::string(1024, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(StatusOf(RawExchange(server.port(), chunked)), 413);
  ExpectStillServing(server);
  EXPECT_EQ(WorkspaceCount(owner), 1);
}

TEST(BadInput, MalformedRequestLinesAre400) {
  TestServer server;
  const std::vector<std::string> requests = {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET /healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n",
      "GET http//no-slash HTTP/1.1\r\nHost: x\r\n\r\n",
      "G@T /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /healthz HTTP/1.1\r\nBad Header Name: x\r\n\r\n",
      "POST /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
  };
  for (const auto& request : requests) {
    SCOPED_TRACE(request);
    const std::string raw = RawExchange(server.port(), request);
    EXPECT_EQ(StatusOf(raw), 400) << raw.substr(0, 200);
    EXPECT_NE(raw.find("application/problem+json"), std::string::npos);
    ExpectStillServing(server);
  }
}

int ConnectTo(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  return fd;
}

//! True when the server has closed `fd` (reads end of stream or a reset).
bool ClosedByServer(int fd) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 0) <= 0) return false;
  char buf[512];
  return ::recv(fd, buf, sizeof buf, MSG_DONTWAIT) <= 0;
}

TEST(BadInput, TruncatedBodyDoesNotHurtTheServer) {
  TestServer server;
  Person owner = MakeOwner(server);
  // Declares 100 bytes, sends 10, then hangs up: nothing to answer, nothing written.
  const std::string session = "copydesk_session=" + owner.client.cookies().at("copydesk_session");
  const std::string request = "POST /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nCookie: " + session +
                              "\r\nX-CSRF-Token: " + owner.client.csrf() +
                              "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                              "{\"name\": \"";
  for (int i = 0; i < 3; ++i) {
    const int fd = ConnectTo(server.port());
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(request.size()));
    ::shutdown(fd, SHUT_WR);
    pollfd p{fd, POLLIN, 0};
    EXPECT_EQ(::poll(&p, 1, 2000), 1) << "the server kept the broken connection open";
    char buf[256];
    EXPECT_LE(::recv(fd, buf, sizeof buf, 0), 0) << "the server answered a request it never got";
    ::close(fd);
  }
  ExpectStillServing(server);
  EXPECT_EQ(WorkspaceCount(owner), 1);
  // The connection slots are given back (only the one asking remains).
  std::string metrics;
  for (int i = 0; i < 100; ++i) {
    metrics = server.Client().Get("/metrics").body;
    if (metrics.find("copydesk_http_open_connections 1\n") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  EXPECT_NE(metrics.find("copydesk_http_open_connections 1\n"), std::string::npos) << metrics;
}

TEST(BadInput, SlowClientTricklingItsHeadIsCutOffAtTheHeaderTimeout) {
  constexpr int kHeaderTimeoutMs = 300;
  TestServer server([](Config& c) { c.header_timeout_ms = kHeaderTimeoutMs; });
  const int fd = ConnectTo(server.port());
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 's');
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  // One byte every 20 ms: each read is quick, only the whole head is slow.
  for (std::size_t i = 0; i < head.size() && !closed; ++i) {
    if (::send(fd, &head[i], 1, MSG_NOSIGNAL) != 1) closed = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    closed = closed || ClosedByServer(fd);
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - start)
                           .count();
  ::close(fd);
  EXPECT_TRUE(closed) << "the server kept a trickling connection open";
  EXPECT_GE(elapsed, kHeaderTimeoutMs - 50);
  EXPECT_LE(elapsed, kHeaderTimeoutMs + 1500);  // slack for a loaded machine
  ExpectStillServing(server);
}

TEST(BadInput, SilentConnectionIsClosedAtTheHeaderTimeout) {
  TestServer server([](Config& c) { c.header_timeout_ms = 300; });
  const int ms = MillisecondsUntilServerCloses(server.port(), "GET /healthz HTTP/1.1\r\n", 5000);
  EXPECT_GE(ms, 250);
  EXPECT_LE(ms, 2000);
  ExpectStillServing(server);
}

TEST(BadInput, PathTraversalNeverServesOutsideTheWebFolder) {
  TempDir site;
  const auto web = site.path() / "web";
  std::filesystem::create_directories(web / "assets");
  {
    std::ofstream(web / "index.html") << "<!doctype html><title>copydesk</title>";
    std::ofstream(web / "assets" / "app.js") << "console.log(1)";
    std::ofstream(site.path() / "secret.txt") << "TOP-SECRET-OUTSIDE-WEB";
  }
  std::filesystem::create_symlink(site.path() / "secret.txt", web / "linked.txt");
  TestServer server([&](Config& c) { c.web_dir = web.string(); });
  const std::vector<std::string> targets = {
      "/../secret.txt",
      "/../../../../etc/passwd",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/%2E%2E/etc/passwd",
      "/..%2fsecret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/assets\\..\\..\\secret.txt",
      "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
      "//etc/passwd",
      "/linked.txt",
      "/secret.txt%00.html",
      "/.%2e/secret.txt",
  };
  for (const auto& target : targets) {
    SCOPED_TRACE(target);
    const std::string raw = RawExchange(
        server.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 1000);
    const int status = StatusOf(raw);
    EXPECT_TRUE(status == 400 || status == 404 || status == 200) << raw.substr(0, 200);
    EXPECT_EQ(raw.find("TOP-SECRET"), std::string::npos);
    EXPECT_EQ(raw.find("root:"), std::string::npos);
  }
  // The app itself is still served.
  EXPECT_EQ(server.Client().Get("/assets/app.js").body, "console.log(1)");
}

TEST(BadInput, HeaderBytesThatAreNotUtf8NeverBreakTheJsonWeAnswer) {
  TestServer server;
  Person owner = MakeOwner(server);
  // A long user agent cut at its storage limit, and one with raw Latin-1 bytes.
  const std::vector<std::string> agents = {std::string(299, 'a') + "é and more",
                                           "Navigateur \xe9l\xe9gant/1.0"};
  for (const auto& agent : agents) {
    auto client = server.Client();
    auto login =
        client.Send("POST", "/api/v1/auth/login",
                    json::serialize(json::object{{"email", owner.email}, {"password", kPassword}}),
                    {{"User-Agent", agent}});
    ASSERT_EQ(login.status, 200) << login.body;
  }
  auto sessions = owner.client.Get("/api/v1/me/sessions");
  ASSERT_EQ(sessions.status, 200);
  EXPECT_TRUE(IsValidUtf8(sessions.body)) << sessions.body;
  ASSERT_TRUE(sessions.Json().is_object()) << sessions.body;
  bool kept_readable_part = false;
  const auto listed = sessions.Json();
  for (const auto& s : listed.at("items").as_array()) {
    const std::string agent(s.at("user_agent").as_string());
    if (agent.rfind("Navigateur ", 0) == 0) kept_readable_part = true;
  }
  EXPECT_TRUE(kept_readable_part);
}

TEST(BadInput, InternalErrorsCarryNoInternals) {
  TestServer server;
  Person owner = MakeOwner(server);
  // Break the database under the running server: a real failure, not a simulated one.
  auto broken = server.app().db().Write([](storage::Tx& tx) -> Result<void> {
    // CASCADE: PostgreSQL refuses to drop a table others reference (SQLite drops it anyway).
    tx.ExecScript(tx.dialect() == storage::Dialect::kPostgres
                      ? "DROP TABLE team_members; DROP TABLE teams CASCADE;"
                      : "DROP TABLE team_members; DROP TABLE teams;");
    return {};
  });
  ASSERT_TRUE(broken.ok());
  auto response = owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/teams");
  ExpectProblem(response, 500, "");
  const auto detail = std::string(response.Json().at("detail").as_string());
  for (const char* internal : {"teams", "table", "SQL", "sqlite", "SELECT", "team_members"}) {
    EXPECT_EQ(response.body.find(internal), std::string::npos) << response.body;
  }
  EXPECT_FALSE(response.Json().as_object().contains("errors"));
  ExpectStillServing(server);
  EXPECT_EQ(owner.client.Get("/api/v1/me").status, 200);
}

}  // namespace
}  // namespace copydesk::testing
