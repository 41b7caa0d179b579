// The server as an operator sees it: health, metrics, request ids, security headers, the web
// app's files, keep-alive, graceful shutdown of the real binary, and the command line working
// beside a running server.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "support/raw_connection.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

//! The value of one sample line of Prometheus text, or -1 when absent.
double Sample(const std::string& metrics, const std::string& series) {
  const auto at = metrics.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(metrics.substr(at + series.size() + 2));
}

//! The open-connections gauge once it reads `want`, or what it reads after a few seconds.
double OpenConnectionsSettleAt(HttpClient& client, double want) {
  double seen = -1;
  for (int i = 0; i < 100 && seen != want; ++i) {
    if (i > 0) std::this_thread::sleep_for(30ms);
    seen = Sample(client.Get("/metrics").body, "copydesk_http_open_connections");
  }
  return seen;
}

TEST(Health, LivenessAndReadiness) {
  TestServer server;
  auto client = server.Client();
  auto health = client.Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.Header("Content-Type"), "application/json");
  EXPECT_EQ(health.Json().at("status").as_string(), "ok");
  auto ready = client.Get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.Json().at("status").as_string(), "ready");
  EXPECT_EQ(ready.Json().at("database").as_string(), TestPostgresUrl() ? "postgresql" : "sqlite");
}

TEST(Metrics, CountRequestsByRouteAndStatusWithLatencyAndConnections) {
  TestServer server;
  auto client = server.Client();
  client.Get("/healthz");
  const std::string before = client.Get("/metrics").body;
  const std::string healthz_ok =
      R"(copydesk_http_requests_total{method="GET",route="/healthz",status="200"})";
  const double healthz_before = Sample(before, healthz_ok);
  EXPECT_GE(healthz_before, 1);

  client.Get("/healthz");
  client.Get("/healthz");
  client.Get("/api/v1/workspaces");  // 401
  client.Get("/api/v1/workspaces/abc/members");
  client.Get("/api/v1/nothing");
  auto after = client.Get("/metrics");
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.Header("Content-Type").find("text/plain"), std::string::npos);
  const std::string& m = after.body;
  EXPECT_EQ(Sample(m, healthz_ok), healthz_before + 2);
  EXPECT_EQ(
      Sample(
          m,
          R"(copydesk_http_requests_total{method="GET",route="/api/v1/workspaces",status="401"})"),
      1);
  // Routes are labelled by pattern, never by raw path: the label set stays bounded.
  EXPECT_EQ(
      Sample(
          m,
          R"(copydesk_http_requests_total{method="GET",route="/api/v1/workspaces/{ws}/members",status="401"})"),
      1);
  EXPECT_EQ(m.find("/abc/"), std::string::npos);
  EXPECT_EQ(
      Sample(m, R"(copydesk_http_requests_total{method="GET",route="unmatched",status="404"})"), 1);

  EXPECT_NE(m.find("# TYPE copydesk_http_request_duration_seconds histogram"), std::string::npos);
  const double count =
      Sample(m, R"(copydesk_http_request_duration_seconds_count{route="/healthz"})");
  EXPECT_EQ(count, healthz_before + 2);
  EXPECT_EQ(
      Sample(m, R"(copydesk_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"})"),
      count);
  EXPECT_GE(Sample(m, R"(copydesk_http_request_duration_seconds_sum{route="/healthz"})"), 0);
  // Buckets are cumulative.
  double previous = 0;
  for (const char* le : {"0.0005", "0.001", "0.01", "0.1", "1", "2.5"}) {
    const double v = Sample(
        m, std::string(R"(copydesk_http_request_duration_seconds_bucket{route="/healthz",le=")") +
               le + "\"}");
    EXPECT_GE(v, previous) << le;
    previous = v;
  }

  EXPECT_NE(m.find("# TYPE copydesk_http_open_connections gauge"), std::string::npos);
  // The server counts a connection closed a moment after its client has the last byte.
  EXPECT_EQ(OpenConnectionsSettleAt(client, 1), 1);  // the one asking
  RawConnection idle(server.port());
  ASSERT_TRUE(idle.connected());
  EXPECT_EQ(OpenConnectionsSettleAt(client, 2), 2);
}

TEST(Metrics, DiskUsePerPartAndHowFarTheSearchIndexIs) {
  TestServer server;
  auto owner = MakeOwner(server);  // writes events: the workspace, its settings
  auto client = server.Client();
  std::string metrics = client.Get("/metrics").body;
  EXPECT_GT(Sample(metrics, "copydesk_disk_bytes{part=\"database\"}"), 0) << metrics;
  for (const char* part : {"wal", "search_index", "files"}) {
    EXPECT_GE(Sample(metrics, std::string("copydesk_disk_bytes{part=\"") + part + "\"}"), 0)
        << part << " is not reported";
  }
  // The index follows the log: its sequence reaches the log's head within a few seconds.
  double head = -1, indexed = -2;
  for (int i = 0; i < 200 && indexed != head; ++i) {
    if (i > 0) std::this_thread::sleep_for(30ms);
    metrics = client.Get("/metrics").body;
    head = Sample(metrics, "copydesk_events_head_seq");
    indexed = Sample(metrics, "copydesk_search_indexed_seq");
  }
  EXPECT_GT(head, 0) << metrics;
  EXPECT_EQ(indexed, head) << metrics;
  EXPECT_GT(Sample(metrics, "copydesk_disk_bytes{part=\"search_index\"}"), 0)
      << "the index was built, so it takes room";
}

TEST(RequestIds, EveryResponseCarriesOneAndASaneIncomingOneIsKept) {
  TestServer server;
  auto client = server.Client();
  std::set<std::string> seen;
  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/healthz"},
                                                        {"GET", "/api/v1/me"},
                                                        {"DELETE", "/api/v1/setup"},
                                                        {"GET", "/api/v1/nothing"},
                                                        {"GET", "/some/page"},
                                                        {"POST", "/some/page"}}) {
    SCOPED_TRACE(method + " " + target);
    auto response = client.Send(method, target);
    const std::string id = response.Header("X-Request-Id");
    EXPECT_FALSE(id.empty());
    EXPECT_TRUE(seen.insert(id).second) << "request id reused: " << id;
  }
  auto echoed = client.Send("GET", "/healthz", std::nullopt, {{"X-Request-Id", "lb-7f3a_19"}});
  EXPECT_EQ(echoed.Header("X-Request-Id"), "lb-7f3a_19");
  for (const std::string insane :
       {std::string(65, 'a'), std::string("a b"), std::string("<script>"), std::string("a\"b")}) {
    auto replaced = client.Send("GET", "/healthz", std::nullopt, {{"X-Request-Id", insane}});
    EXPECT_NE(replaced.Header("X-Request-Id"), insane);
    EXPECT_FALSE(replaced.Header("X-Request-Id").empty());
  }
  // Answers the server gives before routing carry one too.
  for (const std::string& raw :
       {std::string("NONSENSE\r\n\r\n"),
        "GET / HTTP/1.1\r\nX-Big: " + std::string(20000, 'x') + "\r\n\r\n"}) {
    EXPECT_NE(RawExchange(server.port(), raw).find("X-Request-Id: "), std::string::npos);
  }
}

struct WebDir {
  WebDir() {
    std::filesystem::create_directories(root() / "assets");
    std::ofstream(root() / "index.html") << "<!doctype html><title>copydesk</title>";
    std::ofstream(root() / "assets" / "app.3f9a2c.js") << "console.log('app')";
    std::ofstream(root() / "assets" / "app.3f9a2c.css") << "body{}";
    std::ofstream(root() / "assets" / "font.woff2") << "wOF2";
    std::ofstream(root() / "favicon.svg") << "<svg/>";
    std::ofstream(root() / "logo.png") << "\x89PNG";
    std::ofstream(root() / "manifest.webmanifest") << "{}";
  }
  std::filesystem::path root() const { return dir.path() / "dist"; }
  TempDir dir;
};

TEST(SecurityHeaders, OnApiAndAppResponses) {
  WebDir web;
  TestServer server([&](Config& c) { c.web_dir = web.root().string(); });
  auto client = server.Client();
  for (const std::string target :
       {"/healthz", "/api/v1/me", "/", "/assets/app.3f9a2c.js", "/nope.png"}) {
    SCOPED_TRACE(target);
    auto response = client.Get(target);
    EXPECT_NE(response.Header("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_FALSE(response.Header("Referrer-Policy").empty());
  }
  // The API is never cached, and its policy allows nothing to load.
  auto api = client.Get("/api/v1/setup");
  EXPECT_EQ(api.Header("Cache-Control"), "no-store");
  EXPECT_NE(api.Header("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  // The app's policy loads scripts only from itself.
  auto page = client.Get("/");
  EXPECT_NE(page.Header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
}

TEST(StaticFiles, ServesTheWebAppWithTypesCachingAndFallback) {
  WebDir web;
  TestServer server([&](Config& c) { c.web_dir = web.root().string(); });
  auto client = server.Client();
  struct Expect {
    std::string target, type, cache;
  };
  for (const auto& e : std::vector<Expect>{
           {"/", "text/html; charset=utf-8", "no-cache"},
           {"/index.html", "text/html; charset=utf-8", "no-cache"},
           {"/assets/app.3f9a2c.js", "text/javascript; charset=utf-8", "immutable"},
           {"/assets/app.3f9a2c.css", "text/css; charset=utf-8", "immutable"},
           {"/assets/font.woff2", "font/woff2", "immutable"},
           {"/favicon.svg", "image/svg+xml", "no-cache"},
           {"/logo.png", "image/png", "no-cache"},
           {"/manifest.webmanifest", "application/manifest+json", "no-cache"},
       }) {
    SCOPED_TRACE(e.target);
    auto response = client.Get(e.target);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.Header("Content-Type"), e.type);
    EXPECT_NE(response.Header("Cache-Control").find(e.cache), std::string::npos)
        << response.Header("Cache-Control");
  }
  EXPECT_NE(client.Get("/assets/app.3f9a2c.js").Header("Cache-Control").find("max-age=31536000"),
            std::string::npos);
  // App paths get index.html so the browser app can route them.
  for (const std::string path : {"/login", "/w/energie-sud/contents/abc", "/invite/Tok_123-x"}) {
    auto page = client.Get(path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.body, "<!doctype html><title>copydesk</title>") << path;
    EXPECT_EQ(page.Header("Cache-Control"), "no-cache") << path;
  }
  // Missing files are missing, not the app; API paths never fall back to it.
  EXPECT_EQ(client.Get("/assets/app.000000.js").status, 404);
  EXPECT_EQ(client.Get("/missing.png").status, 404);
  auto api = client.Get("/api/v2/anything");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.Header("Content-Type"), "application/problem+json");
  // HEAD answers like GET without the body.
  const std::string head = RawExchange(
      server.port(), "HEAD /assets/app.3f9a2c.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(head), 200);
  EXPECT_NE(head.find("Content-Length: 18"), std::string::npos) << head;
  EXPECT_EQ(head.find("console.log"), std::string::npos);
}

TEST(StaticFiles, SaysSoWhenTheWebAppIsNotBuilt) {
  TestServer server([](Config& c) { c.web_dir = "/nonexistent/copydesk/web"; });
  auto page = server.Client().Get("/");
  EXPECT_EQ(page.status, 503);
  EXPECT_NE(page.body.find("not built"), std::string::npos);
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

TEST(KeepAlive, TwoRequestsOnOneConnection) {
  TestServer server;
  RawConnection conn(server.port());
  ASSERT_TRUE(conn.connected());
  ASSERT_TRUE(conn.Write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  const std::string first = conn.ReadResponse();
  EXPECT_EQ(StatusOf(first), 200);
  EXPECT_EQ(first.find("Connection: close"), std::string::npos);
  ASSERT_TRUE(conn.Write("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n"));
  const std::string second = conn.ReadResponse();
  EXPECT_EQ(StatusOf(second), 200);
  EXPECT_NE(second.find("\"ready\""), std::string::npos);
  // Pipelined requests are answered in order.
  ASSERT_TRUE(conn.Write(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/setup HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_NE(conn.ReadResponse().find("\"ok\""), std::string::npos);
  EXPECT_NE(conn.ReadResponse().find("\"needed\""), std::string::npos);
  // Connection: close is honoured.
  ASSERT_TRUE(conn.Write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(StatusOf(conn.ReadResponse()), 200);
  EXPECT_TRUE(conn.ClosedWithin(1s));
}

TEST(KeepAlive, IdleConnectionIsClosedAfterTheHeaderTimeout) {
  TestServer server([](Config& c) { c.header_timeout_ms = 300; });
  RawConnection conn(server.port());
  ASSERT_TRUE(conn.Write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(StatusOf(conn.ReadResponse()), 200);
  EXPECT_FALSE(conn.ClosedWithin(100ms));
  EXPECT_TRUE(conn.ClosedWithin(3000ms));
}

int PortOf(const std::string& listening_line) {
  const auto line = json::parse(listening_line);
  const std::string address(line.at("address").as_string());
  return std::stoi(address.substr(address.rfind(':') + 1));
}

TEST(GracefulShutdown, SigtermLetsTheRequestInFlightFinishThenExitsZero) {
  REQUIRE_COPYDESK_BINARY(binary);
  TempDir dir;
  const std::string data = (dir.path() / "data").string();
  ChildProcess serve({binary, "serve", "--data", data, "--listen", "127.0.0.1:0", "--web-dir",
                      (dir.path() / "web").string()});
  auto listening = serve.WaitForLine(R"("msg":"listening")", 10s);
  ASSERT_TRUE(listening) << serve.err();
  const int port = PortOf(*listening);

  // A request whose body is still arriving when the signal comes.
  const std::string body = json::serialize(json::object{{"email", "first@example.com"},
                                                        {"name", "First"},
                                                        {"password", kPassword},
                                                        {"workspace_name", "Desk"}});
  RawConnection conn(port);
  ASSERT_TRUE(conn.connected());
  ASSERT_TRUE(
      conn.Write("POST /api/v1/setup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Content-Length: " +
                 std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10)));
  std::this_thread::sleep_for(500ms);  // the server has read the head: the request is in flight
  const auto signalled_at = std::chrono::steady_clock::now();
  serve.Signal(SIGTERM);
  ASSERT_TRUE(serve.WaitForLine(R"("msg":"shutting down")", 5s)) << serve.err();
  // New connections are soon no longer accepted.
  bool refused = false;
  for (int i = 0; i < 100 && !refused; ++i) {
    refused = !RawConnection(port).connected();
    if (!refused) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(refused);
  ASSERT_TRUE(conn.Write(body.substr(10)));
  const std::string response = conn.ReadResponse();
  EXPECT_EQ(StatusOf(response), 201) << response;
  EXPECT_NE(response.find("Connection: close"), std::string::npos);

  const auto code = serve.Wait(5s);
  ASSERT_TRUE(code.has_value()) << "did not exit in time: " << serve.err();
  EXPECT_EQ(*code, 0) << serve.err();
  EXPECT_LT(std::chrono::steady_clock::now() - signalled_at, 3s);
  EXPECT_EQ(serve.err().find("\"level\":\"error\""), std::string::npos) << serve.err();
  // What it answered was kept.
  auto token = RunProcess({binary, "token", "create", "--data", data, "--email",
                           "first@example.com", "--name", "check"});
  EXPECT_EQ(token.exit_code, 0) << token.err;
}

TEST(GracefulShutdown, IdleServerStopsAtOnceOnSigint) {
  REQUIRE_COPYDESK_BINARY(binary);
  TempDir dir;
  ChildProcess serve(
      {binary, "serve", "--data", (dir.path() / "data").string(), "--listen", "127.0.0.1:0"});
  auto listening = serve.WaitForLine(R"("msg":"listening")", 10s);
  ASSERT_TRUE(listening) << serve.err();
  RawConnection idle(PortOf(*listening));  // an idle keep-alive connection does not hold it up
  ASSERT_TRUE(idle.connected());
  ASSERT_TRUE(idle.Write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(StatusOf(idle.ReadResponse()), 200);
  const auto start = std::chrono::steady_clock::now();
  serve.Signal(SIGINT);
  const auto code = serve.Wait(5s);
  ASSERT_TRUE(code.has_value()) << serve.err();
  EXPECT_EQ(*code, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_TRUE(idle.ClosedWithin(100ms));
}

TEST(GracefulShutdown, ASignalSentWhileStartingStillEndsInACleanStop) {
  // A service manager may stop the server the instant it started it: the signal must wait for
  // the server to be ready to stop cleanly, not kill it with the database half open.
  REQUIRE_COPYDESK_BINARY(binary);
  TempDir dir;
  ChildProcess serve(
      {binary, "serve", "--data", (dir.path() / "data").string(), "--listen", "127.0.0.1:0"});
  // Signalled as soon as the process holds stop signals back (its first act), long before it
  // listens: /proc tells when (SigBlk, a hex mask, bit 14 for SIGTERM).
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  bool holding = false;
  while (!holding && std::chrono::steady_clock::now() < deadline) {
    std::ifstream status("/proc/" + std::to_string(serve.pid()) + "/status");
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("SigBlk:", 0) == 0)
        holding = (std::stoull(line.substr(7), nullptr, 16) >> (SIGTERM - 1)) & 1;
    }
    if (!holding) std::this_thread::sleep_for(1ms);
  }
  ASSERT_TRUE(holding);
  serve.Signal(SIGTERM);
  const auto code = serve.Wait(10s);
  ASSERT_TRUE(code.has_value()) << serve.err();
  EXPECT_EQ(*code, 0) << serve.err();
}

std::string LastLine(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  return trimmed.substr(trimmed.rfind('\n') == std::string::npos ? 0 : trimmed.rfind('\n') + 1);
}

TEST(Cli, CreatesUsersResetsPasswordsAndMakesTokensBesideARunningServer) {
  REQUIRE_COPYDESK_BINARY(binary);
  TestServer server;
  Person owner = MakeOwner(server, "Énergie Sud");
  const std::string data = server.config().data_dir;

  auto created = RunProcess(
      {binary, "user", "create", "--data", data, "--email", "Camille@Example.com", "--name",
       "Camille Roux", "--password-stdin", "--workspace", "energie-sud", "--role", "editor"},
      kPassword + "\n");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_NE(created.out.find("camille@example.com"), std::string::npos);

  auto camille = server.Client();
  auto login = camille.Post("/api/v1/auth/login",
                            {{"email", "camille@example.com"}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  auto me = camille.Get("/api/v1/me").Json();
  ASSERT_EQ(me.at("memberships").as_array().size(), 1u);
  EXPECT_EQ(me.at("memberships").at(0).at("role").as_string(), "editor");
  EXPECT_EQ(me.at("memberships").at(0).at("workspace").at("id").as_string(), owner.workspace_id);

  // The same e-mail again, a short password, an unknown workspace: refused, nothing created.
  auto again = RunProcess({binary, "user", "create", "--data", data, "--email",
                           "camille@example.com", "--name", "Again", "--password-stdin"},
                          kPassword + "\n");
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("already"), std::string::npos) << again.err;
  auto weak = RunProcess({binary, "user", "create", "--data", data, "--email", "weak@example.com",
                          "--name", "Weak", "--password-stdin"},
                         "short\n");
  EXPECT_NE(weak.exit_code, 0);
  auto nowhere = RunProcess(
      {binary, "user", "create", "--data", data, "--email", "nowhere@example.com", "--name",
       "Nowhere", "--password-stdin", "--workspace", "no-such-desk", "--role", "editor"},
      kPassword + "\n");
  EXPECT_NE(nowhere.exit_code, 0);
  for (const char* email : {"weak@example.com", "nowhere@example.com"}) {
    auto invite = owner.client.Post("/api/v1/workspaces/" + owner.workspace_id + "/members",
                                    {{"email", email}, {"role", "guest"}});
    EXPECT_TRUE(invite.Json().as_object().contains("invitation")) << email << " got an account";
  }

  // A new password ends every session of the account.
  const std::string next = "another long passphrase";
  auto reset = RunProcess({binary, "user", "reset-password", "--data", data, "--email",
                           "camille@example.com", "--password-stdin"},
                          next + "\n");
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  EXPECT_EQ(camille.Get("/api/v1/me").status, 401);
  EXPECT_EQ(
      server.Client()
          .Post("/api/v1/auth/login", {{"email", "camille@example.com"}, {"password", kPassword}})
          .status,
      401);
  EXPECT_EQ(server.Client()
                .Post("/api/v1/auth/login", {{"email", "camille@example.com"}, {"password", next}})
                .status,
            200);

  auto token = RunProcess({binary, "token", "create", "--data", data, "--email",
                           "camille@example.com", "--name", "Zapier"});
  ASSERT_EQ(token.exit_code, 0) << token.err;
  const std::string secret = LastLine(token.out);
  EXPECT_TRUE(std::regex_match(secret, std::regex("[A-Za-z0-9_-]{43}"))) << token.out;
  auto integration = server.Client();
  integration.UseBearer(secret);
  auto as_camille = integration.Get("/api/v1/me");
  ASSERT_EQ(as_camille.status, 200);
  EXPECT_EQ(as_camille.Json().at("user").at("email").as_string(), "camille@example.com");
  // The token shows in the account's list, by name, without its secret.
  auto tokens = integration.Get("/api/v1/me/tokens");
  EXPECT_NE(tokens.body.find("Zapier"), std::string::npos);
  EXPECT_EQ(tokens.body.find(secret), std::string::npos);

  auto unknown = RunProcess(
      {binary, "token", "create", "--data", data, "--email", "nobody@example.com", "--name", "X"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_TRUE(unknown.out.empty());
}

TEST(BearerTokens, TheSchemeIsCaseInsensitiveAndOnlyItWorks) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto created = owner.client.Post("/api/v1/me/tokens", {{"name", "CI"}});
  ASSERT_EQ(created.status, 201);
  const std::string token(created.Json().at("token").as_string());
  auto client = server.Client();
  for (const std::string scheme : {"Bearer", "bearer", "BEARER"}) {
    auto me =
        client.Send("GET", "/api/v1/me", std::nullopt, {{"Authorization", scheme + " " + token}});
    EXPECT_EQ(me.status, 200) << scheme;
  }
  for (const std::string& bad :
       std::vector<std::string>{"Basic " + token, token, "Bearer", "Bearer ", "Bearer x" + token}) {
    auto refused = client.Send("GET", "/api/v1/me", std::nullopt, {{"Authorization", bad}});
    EXPECT_EQ(refused.status, 401) << bad;
  }
}

}  // namespace
}  // namespace copydesk::testing
