// Issue 13, item 1: review-link secrets and invitation tokens travel in paths; the access log
// must not keep them, since logs are read, kept and shipped more widely than the database.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "support/content_helpers.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

TEST(SecretsInLogs, OpeningAReviewLinkAndAcceptingAnInvitationLeaveNeitherSecretInTheLog) {
  REQUIRE_COPYDESK_BINARY(binary);
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "web");
  std::ofstream(dir.path() / "web" / "index.html") << "<!doctype html><title>copydesk</title>";
  ChildProcess serve({binary, "serve", "--data", (dir.path() / "data").string(), "--listen",
                      "127.0.0.1:0", "--web-dir", (dir.path() / "web").string(), "--log-level",
                      "info"});
  auto listening = serve.WaitForLine(R"("msg":"listening")", 10s);
  ASSERT_TRUE(listening) << serve.err();
  const std::string address(json::parse(*listening).at("address").as_string());
  const int port = std::stoi(address.substr(address.rfind(':') + 1));

  HttpClient owner("127.0.0.1", port);
  auto setup = owner.Post("/api/v1/setup", {{"email", "chloe@example.com"},
                                            {"name", "Chloé"},
                                            {"password", kPassword},
                                            {"workspace_name", "Énergie Sud"}});
  ASSERT_EQ(setup.status, 201) << setup.body;
  const std::string ws(setup.Json().at("workspace").at("id").as_string());

  // An invitation: its page in the web app, then its acceptance through the API.
  auto invited = owner.Post("/api/v1/workspaces/" + ws + "/members",
                            {{"email", "claire@example.com"}, {"role", "reviewer"}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  const std::string token(invited.Json().at("invitation").at("token").as_string());
  HttpClient claire("127.0.0.1", port);
  EXPECT_EQ(claire.Get("/invite/" + token).status, 200);
  auto accepted = claire.Post("/api/v1/invitations/" + token + "/accept",
                              {{"name", "Claire"}, {"password", kPassword}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;

  // A password link an admin made for Claire: its page in the web app, then the API behind it.
  auto claire_id = std::string(accepted.Json().at("user").at("id").as_string());
  auto password_link = owner.Post(
      "/api/v1/workspaces/" + ws + "/members/" + claire_id + "/password-reset", json::object{});
  ASSERT_EQ(password_link.status, 201) << password_link.body;
  const std::string url(password_link.Json().at("url").as_string());
  const std::string reset_secret = url.substr(url.rfind('/') + 1);
  EXPECT_EQ(claire.Get("/reset-password/" + reset_secret).status, 200);
  EXPECT_EQ(claire.Get("/api/v1/password-resets/" + reset_secret).status, 200);

  // A review link: its page, the API before and after the visitor says who they are, and a
  // path under it that matches no route.
  auto article = owner.Post("/api/v1/workspaces/" + ws + "/contents",
                            {{"type", "article"}, {"title", "Citernes en hiver"}});
  ASSERT_EQ(article.status, 201) << article.body;
  const std::string id(article.Json().at("id").as_string());
  auto link = owner.Post("/api/v1/contents/" + id + "/links", {{"level", "validate"}});
  ASSERT_EQ(link.status, 201) << link.body;
  const std::string secret(link.Json().at("secret").as_string());
  HttpClient marc("127.0.0.1", port);
  EXPECT_EQ(marc.Get("/review/" + secret).status, 200);
  EXPECT_EQ(marc.Get("/api/v1/review/" + secret).status, 401);
  auto opened = marc.Post("/api/v1/review/" + secret + "/session",
                          {{"name", "Marc"}, {"email", "marc@example.com"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(marc.Get("/api/v1/review/" + secret).status, 200);
  EXPECT_EQ(marc.Get("/api/v1/review/" + secret + "/nowhere").status, 404);

  // The last request's log line means every earlier one is written.
  ASSERT_TRUE(marc.Get("/healthz?last").status == 200);
  ASSERT_TRUE(serve.WaitForLine(R"("path":"/healthz")", 5s)) << serve.err();
  const std::string& log = serve.err();
  EXPECT_EQ(log.find(token), std::string::npos) << log;
  EXPECT_EQ(log.find(secret), std::string::npos) << log;
  EXPECT_EQ(log.find(reset_secret), std::string::npos) << log;
  // The requests are still there, with the secret masked.
  EXPECT_NE(log.find(R"("path":"/review/{secret}")"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("path":"/invite/{secret}")"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("path":"/api/v1/review/{secret}/session")"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("path":"/api/v1/password-resets/{secret}")"), std::string::npos) << log;
}

}  // namespace
}  // namespace copydesk::testing
