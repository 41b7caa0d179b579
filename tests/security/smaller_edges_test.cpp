// Issue 13, item 10: names without control characters, /metrics for the operator only, no
// source maps, no remote images, a cap on connections, spreadsheet-safe CSV cells.
#include <gtest/gtest.h>
#include <ifaddrs.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <list>
#include <thread>

#include "http/static_files.hpp"
#include "security/security_support.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

//! True when `response` is a 422 naming `field`.
::testing::AssertionResult RefusedNaming(const HttpResponse& response, const std::string& field) {
  if (response.status != 422)
    return ::testing::AssertionFailure() << "status " << response.status << ": " << response.body;
  const auto& body = response.Json();
  if (body.is_object() && body.as_object().contains("errors")) {
    for (const auto& e : body.at("errors").as_array()) {
      if (e.at("field").as_string() == field) return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no error names " << field << ": " << response.body;
}

// ---- names ------------------------------------------------------------------------------------

class Names : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { owner_.emplace(MakeOwner(server_)); }
  std::string Ws() const { return "/api/v1/workspaces/" + owner_->workspace_id; }
  std::string Bad(const std::string& around) const { return around + GetParam() + around; }

  TestServer server_;
  std::optional<Person> owner_;
};

TEST_P(Names, EveryNameFieldRefusesControlCharacters) {
  HttpClient& c = owner_->client;
  const std::string name = Bad("Équipe");
  EXPECT_TRUE(RefusedNaming(c.Patch("/api/v1/me", {{"name", name}}), "name"));
  EXPECT_TRUE(RefusedNaming(c.Post("/api/v1/workspaces", {{"name", name}}), "name"));
  EXPECT_TRUE(RefusedNaming(c.Post(Ws() + "/teams", {{"name", name}}), "name"));
  EXPECT_TRUE(RefusedNaming(c.Post(Ws() + "/channels", {{"name", name}}), "name"));
  EXPECT_TRUE(RefusedNaming(c.Post(Ws() + "/projects", {{"name", name}}), "name"));
  EXPECT_TRUE(RefusedNaming(
      c.Post(Ws() + "/types",
             {{"key", "brief"},
              {"name", name},
              {"fields", json::array{{{"key", "body"}, {"label", "Body"}, {"kind", "longtext"}}}}}),
      "name"));
  EXPECT_TRUE(RefusedNaming(
      c.Post(Ws() + "/types",
             {{"key", "brief"},
              {"name", "Brief"},
              {"fields", json::array{{{"key", "body"}, {"label", name}, {"kind", "longtext"}}}}}),
      "fields[0].label"));
  EXPECT_TRUE(RefusedNaming(c.Post(Ws() + "/views", {{"name", name}, {"q", "énergie"}}), "name"));
  EXPECT_TRUE(RefusedNaming(
      c.Post(Ws() + "/task-lists", {{"name", name}, {"tasks", json::array{{{"title", "Brief"}}}}}),
      "name"));
  EXPECT_TRUE(RefusedNaming(c.Post("/api/v1/me/tokens", {{"name", name}}), "name"));
  EXPECT_TRUE(RefusedNaming(
      c.Post(ContentsPath(*owner_),
             {{"type", "article"}, {"title", "Citernes"}, {"tags", json::array{name}}}),
      "tags[0]"));
  const std::string id = Str(CreateArticle(*owner_, "Citernes").at("id"));
  EXPECT_TRUE(RefusedNaming(
      c.Post(ContentPath(id) + "/links", {{"level", "read"}, {"label", name}}), "label"));
  auto link = c.Post(ContentPath(id) + "/links", {{"level", "read"}});
  ASSERT_EQ(link.status, 201) << link.body;
  HttpClient visitor = server_.Client();
  EXPECT_TRUE(
      RefusedNaming(visitor.Post("/api/v1/review/" + Str(link.Json().at("secret")) + "/session",
                                 {{"name", name}, {"email", "marc@example.com"}}),
                    "name"));
}

INSTANTIATE_TEST_SUITE_P(Characters, Names,
                         ::testing::Values(std::string("\0", 1), "\n", "\r", "\t", "\x1b[31m",
                                           "\x7f", "\xC2\x85" /* NEL */,
                                           "\xE2\x80\xAE" /* right-to-left override */,
                                           "\xE2\x81\xA6" /* left-to-right isolate */,
                                           "\xE2\x80\xA8" /* line separator */));

// ---- /metrics ---------------------------------------------------------------------------------

// A non-loopback address of this machine, when it has one.
std::optional<std::string> OwnNonLoopbackAddress() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return std::nullopt;
  std::optional<std::string> found;
  for (auto* a = list; a != nullptr && !found; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
    if (std::string(text).rfind("127.", 0) != 0) found = text;
  }
  freeifaddrs(list);
  return found;
}

TEST(Metrics, AnswerOnLoopbackOnlyUnlessTheMetricsTokenIsGiven) {
  const std::string token = "scrape-me-0123456789abcdef";
  TestServer server([&](Config& c) {
    c.listen = "0.0.0.0:0";
    ApplyFlags(c, {"--metrics-token", token});
  });
  HttpClient local = server.Client();
  EXPECT_EQ(local.Get("/metrics").status, 200);
  // Relayed by a proxy on this host: it arrives from loopback, but it is not the operator's.
  EXPECT_EQ(
      local.Send("GET", "/metrics", std::nullopt, {{"X-Forwarded-For", "203.0.113.7"}}).status,
      403);
  EXPECT_EQ(local.Send("GET", "/metrics", std::nullopt, {{"Forwarded", "for=203.0.113.7"}}).status,
            403);
  EXPECT_EQ(local
                .Send("GET", "/metrics", std::nullopt,
                      {{"X-Forwarded-For", "203.0.113.7"}, {"Authorization", "Bearer " + token}})
                .status,
            200);
  EXPECT_EQ(local
                .Send("GET", "/metrics", std::nullopt,
                      {{"X-Forwarded-For", "203.0.113.7"}, {"Authorization", "Bearer wrong"}})
                .status,
            403);
  // From another host (this machine's own network address stands for one).
  const auto address = OwnNonLoopbackAddress();
  if (!address) GTEST_SKIP() << "no non-loopback address to connect from";
  RawConnection remote(server.port(), address->c_str());
  ASSERT_TRUE(remote.connected());
  ASSERT_TRUE(remote.Write(KeepAliveGet("/metrics")));
  EXPECT_EQ(StatusOf(remote.ReadResponse()), 403);
  ASSERT_TRUE(remote.Write(KeepAliveGet("/healthz")));
  EXPECT_EQ(StatusOf(remote.ReadResponse()), 200);
  ASSERT_TRUE(remote.Write("GET /metrics HTTP/1.1\r\nHost: copydesk\r\nAuthorization: Bearer " +
                           token + "\r\n\r\n"));
  EXPECT_EQ(StatusOf(remote.ReadResponse()), 200);
}

// ---- the web app: no source maps, no remote images ----------------------------------------------

TEST(SourceMaps, AreNotServedEvenWhenABuildLeftThem) {
  TempDir root;
  std::filesystem::create_directories(root.path() / "assets");
  std::ofstream(root.path() / "index.html") << "<!doctype html>";
  std::ofstream(root.path() / "assets" / "index-abc123.js") << "console.log(1)";
  std::ofstream(root.path() / "assets" / "index-abc123.js.map") << R"({"version":3})";
  http::StaticFiles files(root.path().string());
  EXPECT_EQ(files.Serve("/assets/index-abc123.js").status, 200);
  EXPECT_EQ(files.Serve("/assets/index-abc123.js.map").status, 404);
}

TEST(SourceMaps, TheProductionBuildMakesNone) {
  // The build configuration sits in the source tree, found from this file's path, which may be
  // relative to the build folder (where this executable lives) or to the working directory.
  const std::filesystem::path source(__FILE__);
  std::error_code ec;
  std::filesystem::path config;
  for (const auto& base : {std::filesystem::read_symlink("/proc/self/exe", ec).parent_path(),
                           std::filesystem::current_path(ec), std::filesystem::path("/")}) {
    const auto root = (base / source).lexically_normal().parent_path().parent_path().parent_path();
    if (std::filesystem::is_regular_file(root / "web" / "vite.config.ts", ec)) {
      config = root / "web" / "vite.config.ts";
      break;
    }
  }
  std::ifstream in(config);
  ASSERT_TRUE(in) << "no web/vite.config.ts found from " << source;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("sourcemap: true"), std::string::npos);
  EXPECT_NE(text.find("sourcemap: false"), std::string::npos);
}

TEST(ContentSecurityPolicy, ImagesComeFromCopydeskOnlyNeverAnyHttpsHost) {
  TestServer server([](Config& c) {
    std::filesystem::create_directories(c.web_dir);
    std::ofstream(std::filesystem::path(c.web_dir) / "index.html") << "<!doctype html>";
  });
  auto page = server.Client().Get("/");
  ASSERT_EQ(page.status, 200);
  const std::string csp = page.Header("Content-Security-Policy");
  EXPECT_NE(csp.find("img-src 'self' data:;"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("https:"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("http:"), std::string::npos) << csp;
}

// ---- connections ------------------------------------------------------------------------------

TEST(MaxConnections, ExtraConnectionsAreRefusedCleanlyWhileOpenOnesKeepWorking) {
  TestServer server([](Config& c) { ApplyFlags(c, {"--max-connections", "4"}); });
  std::list<RawConnection> open;
  for (int i = 0; i < 4; ++i) {
    auto& conn = open.emplace_back(server.port());
    ASSERT_TRUE(conn.connected());
    ASSERT_TRUE(conn.Write(KeepAliveGet("/healthz")));
    ASSERT_EQ(StatusOf(conn.ReadResponse()), 200);
  }
  // Past the cap: a 503 problem that says to come back, then the connection closes.
  for (int i = 0; i < 3; ++i) {
    RawConnection extra(server.port());
    ASSERT_TRUE(extra.connected());
    extra.Write(KeepAliveGet("/healthz"));
    const std::string refused = extra.ReadResponse();
    EXPECT_EQ(StatusOf(refused), 503) << refused;
    EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
    EXPECT_NE(refused.find("application/problem+json"), std::string::npos) << refused;
    EXPECT_TRUE(extra.ClosedWithin(3s));
  }
  // The open ones never noticed.
  for (auto& conn : open) {
    ASSERT_TRUE(conn.Write(KeepAliveGet("/healthz")));
    EXPECT_EQ(StatusOf(conn.ReadResponse()), 200);
  }
  // One closes: a newcomer gets its place.
  open.pop_front();
  int status = 0;
  for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
    RawConnection next(server.port());
    next.Write(KeepAliveGet("/healthz"));
    status = StatusOf(next.ReadResponse());
    if (status != 200) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(status, 200);
}

TEST(MaxConnections, DefaultsTo1024AndRefusesZero) {
  std::vector<std::string> rest;
  auto config = ParseConfig({}, rest);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->max_connections, 1024);
  EXPECT_FALSE(ParseConfig({"--max-connections", "0"}, rest));
  EXPECT_EQ(ParseConfig({"--max-connections", "64"}, rest)->max_connections, 64);
}

// ---- CSV --------------------------------------------------------------------------------------

TEST(CsvExport, CellsStartingWithAControlOrFormatCharacterAreDefused) {
  TestServer server;
  Person owner = MakeOwner(server);
  // A zero-width space (format, Cf) before a formula: allowed in a name, invisible in a cell,
  // and skipped by some spreadsheets before they look for '='.
  const std::string name = "\xE2\x80\x8B=HYPERLINK(\"http://evil.example\",\"x\")";
  ASSERT_EQ(owner.client.Patch("/api/v1/me", {{"name", name}}).status, 200);
  CreateArticle(owner, "Citernes en hiver");
  auto csv = owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/activity?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("\"'" + name.substr(0, 4)), std::string::npos) << csv.body;
  EXPECT_EQ(csv.body.find("\"" + name.substr(0, 4)), std::string::npos) << csv.body;
}

}  // namespace
}  // namespace copydesk::testing
