// First run, sign-in and sessions, over real HTTP.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

TEST(Setup, IsNeededUntilTheFirstOwnerExistsThenRefused) {
  TestServer server;
  auto client = server.Client();
  EXPECT_EQ(client.Get("/api/v1/setup").Json().at("needed").as_bool(), true);

  Person owner = MakeOwner(server, "Gaz & Énergie");
  EXPECT_EQ(client.Get("/api/v1/setup").Json().at("needed").as_bool(), false);

  auto again = client.Post("/api/v1/setup", {{"email", "someone@example.com"},
                                             {"name", "Someone"},
                                             {"password", kPassword},
                                             {"workspace_name", "Another"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Header("Content-Type"), "application/problem+json");
}

TEST(Setup, CreatesTheOwnerSignedInWithTheirWorkspace) {
  TestServer server;
  Person owner = MakeOwner(server, "Gaz & Énergie");
  auto me = owner.client.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  const auto body = me.Json();
  const auto& memberships = body.at("memberships").as_array();
  ASSERT_EQ(memberships.size(), 1u);
  EXPECT_EQ(memberships[0].at("role").as_string(), "owner");
  EXPECT_EQ(memberships[0].at("workspace").at("slug").as_string(), "gaz-energie");
}

TEST(Setup, RefusesAShortPasswordNamingTheField) {
  TestServer server;
  auto client = server.Client();
  auto response = client.Post("/api/v1/setup", {{"email", "chloe@example.com"},
                                                {"name", "Chloé"},
                                                {"password", "short"},
                                                {"workspace_name", "Desk"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.Json().at("errors").at(0).at("field").as_string(), "password");
  EXPECT_EQ(client.Get("/api/v1/setup").Json().at("needed").as_bool(), true);
}

TEST(Login, SetsAHardenedSessionCookieAndANewSessionEachTime) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto client = server.Client();
  auto first = client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", kPassword}});
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(first.set_cookies.size(), 1u);
  const std::string& cookie = first.set_cookies[0];
  EXPECT_NE(cookie.find("copydesk_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain http here
  const std::string first_session = client.cookies().at("copydesk_session");

  auto second =
      client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", kPassword}});
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(client.cookies().at("copydesk_session"), first_session);
}

TEST(Login, SecureCookieBehindHttps) {
  TestServer server([](Config& c) { c.public_url = "https://copydesk.example.com"; });
  Person owner = MakeOwner(server);
  auto client = server.Client();
  auto response =
      client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", kPassword}});
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.set_cookies.at(0).find("; Secure"), std::string::npos);
}

TEST(Login, UnknownEmailAndWrongPasswordLookTheSame) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto client = server.Client();
  auto wrong =
      client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", "not the password"}});
  auto unknown = client.Post("/api/v1/auth/login",
                             {{"email", "nobody@example.com"}, {"password", "not the password"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
}

TEST(Login, TooManyFailuresForOneAccountAnswer429WithRetryAfter) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto client = server.Client();
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(
        client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", "wrong password!"}})
            .status,
        401);
  }
  // Even the right password waits: the limit protects the account, not the guess.
  auto limited =
      client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", kPassword}});
  EXPECT_EQ(limited.status, 429);
  const int retry_after = std::stoi(limited.Header("Retry-After"));
  EXPECT_GT(retry_after, 0);
  EXPECT_LE(retry_after, 15 * 60);
  // Another account from the same address is not locked by it.
  Person editor = MakeMember(server, owner, "editor");
  auto other = server.Client().Post("/api/v1/auth/login",
                                    {{"email", editor.email}, {"password", kPassword}});
  EXPECT_EQ(other.status, 200);
}

TEST(Login, PerAddressLimitStopsSprayingAcrossAccounts) {
  TestServer server([](Config& c) { c.login_failures_per_ip = 5; });
  MakeOwner(server);
  auto client = server.Client();
  for (int i = 0; i < 5; ++i) {
    auto r = client.Post(
        "/api/v1/auth/login",
        {{"email", "user" + std::to_string(i) + "@example.com"}, {"password", "wrong password!"}});
    EXPECT_EQ(r.status, 401);
  }
  auto limited = client.Post("/api/v1/auth/login",
                             {{"email", "another@example.com"}, {"password", "wrong password!"}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.Header("Retry-After").empty());
}

TEST(Logout, EndsTheSessionOnTheServer) {
  TestServer server;
  Person owner = MakeOwner(server);
  const auto cookies = owner.client.cookies();
  EXPECT_EQ(owner.client.Post("/api/v1/auth/logout", json::object()).status, 204);
  // Replaying the old cookie does not work any more.
  auto replay = server.Client();
  replay.cookies() = cookies;
  EXPECT_EQ(replay.Get("/api/v1/me").status, 401);
}

TEST(Csrf, CookieRequestsThatChangeThingsNeedTheToken) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto without = owner.client;
  without.UseCsrf("");
  auto refused = without.Post("/api/v1/workspaces", {{"name", "Sans jeton"}});
  EXPECT_EQ(refused.status, 403);
  without.UseCsrf("forged-token");
  EXPECT_EQ(without.Post("/api/v1/workspaces", {{"name", "Sans jeton"}}).status, 403);
  EXPECT_EQ(owner.client.Post("/api/v1/workspaces", {{"name", "Avec jeton"}}).status, 201);
  // Only the workspace made with the token exists.
  auto list = owner.client.Get("/api/v1/workspaces").Json().at("items").as_array();
  EXPECT_EQ(list.size(), 2u);
}

TEST(Sessions, APersonSeesAndEndsTheirOwnSessions) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto laptop = server.Client();
  ASSERT_EQ(
      laptop.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", kPassword}}).status,
      200);
  auto sessions = owner.client.Get("/api/v1/me/sessions").Json().at("items").as_array();
  ASSERT_EQ(sessions.size(), 2u);
  std::string other_id;
  for (const auto& s : sessions) {
    if (!s.at("current").as_bool()) other_id = std::string(s.at("id").as_string());
  }
  ASSERT_FALSE(other_id.empty());
  EXPECT_EQ(owner.client.Delete("/api/v1/me/sessions/" + other_id).status, 204);
  EXPECT_EQ(laptop.Get("/api/v1/me").status, 401);
  EXPECT_EQ(owner.client.Get("/api/v1/me").status, 200);

  // Someone else's session id is not found, not ended.
  Person editor = MakeMember(server, owner, "editor");
  auto editor_sessions = editor.client.Get("/api/v1/me/sessions").Json().at("items").as_array();
  const std::string editor_session(editor_sessions.at(0).at("id").as_string());
  EXPECT_EQ(owner.client.Delete("/api/v1/me/sessions/" + editor_session).status, 404);
  EXPECT_EQ(editor.client.Get("/api/v1/me").status, 200);
}

TEST(Sessions, ExpireAfterTheirAbsoluteLifetime) {
  TestServer server([](Config& c) { c.session_max_days = 1; });
  Person owner = MakeOwner(server);
  auto sessions = owner.client.Get("/api/v1/me/sessions").Json().at("items").as_array();
  const std::string created(sessions.at(0).at("created_at").as_string());
  const std::string expires(sessions.at(0).at("expires_at").as_string());
  EXPECT_GT(expires, created);
  EXPECT_LT(expires.substr(0, 10), "2100");  // a day later, not never
}

TEST(Tokens, AreShownOnceAndWorkAsBearerWithoutCsrf) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto created = owner.client.Post("/api/v1/me/tokens", {{"name", "Zapier"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token(created.Json().at("token").as_string());
  EXPECT_GE(token.size(), 43u);

  auto listed = owner.client.Get("/api/v1/me/tokens");
  EXPECT_EQ(listed.body.find(token), std::string::npos);
  EXPECT_EQ(listed.Json().at("items").as_array().size(), 1u);

  auto integration = server.Client();
  integration.UseBearer(token);
  auto me = integration.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json().at("user").at("email").as_string(), owner.email);
  EXPECT_EQ(integration.Post("/api/v1/workspaces", {{"name", "Via API"}}).status, 201);

  const std::string id(created.Json().at("id").as_string());
  EXPECT_EQ(owner.client.Delete("/api/v1/me/tokens/" + id).status, 204);
  EXPECT_EQ(integration.Get("/api/v1/me").status, 401);

  auto bogus = server.Client();
  bogus.UseBearer("not-a-token");
  EXPECT_EQ(bogus.Get("/api/v1/me").status, 401);
}

TEST(Account, ChangesNameLanguageAndPassword) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto patched = owner.client.Patch("/api/v1/me", {{"name", "Chloé M."}, {"language", "en"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json().at("user").at("language").as_string(), "en");
  EXPECT_EQ(owner.client.Patch("/api/v1/me", {{"language", "de"}}).status, 422);

  auto wrong = owner.client.Put(
      "/api/v1/me/password",
      {{"current_password", "not it at all"}, {"new_password", "a brand new passphrase"}});
  EXPECT_EQ(wrong.status, 422);
  auto changed = owner.client.Put(
      "/api/v1/me/password",
      {{"current_password", kPassword}, {"new_password", "a brand new passphrase"}});
  EXPECT_EQ(changed.status, 204) << changed.body;
  auto client = server.Client();
  EXPECT_EQ(
      client.Post("/api/v1/auth/login", {{"email", owner.email}, {"password", kPassword}}).status,
      401);
  EXPECT_EQ(client
                .Post("/api/v1/auth/login",
                      {{"email", owner.email}, {"password", "a brand new passphrase"}})
                .status,
            200);
}

}  // namespace
}  // namespace copydesk::testing
