// Issue 13, item 2: limits that work behind the documented reverse proxy. Failures are counted
// per account and per link as well as per address; behind a trusted proxy the address is the
// client's; counting cannot be raced; checking the current password is a sign-in attempt too.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "security/security_support.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

using Headers = std::vector<std::pair<std::string, std::string>>;

Headers From(const std::string& client) {
  return {{"X-Forwarded-For", client}};
}

HttpResponse Login(HttpClient& client, const std::string& email, const std::string& password,
                   const Headers& headers = {}) {
  return client.Send("POST", "/api/v1/auth/login",
                     json::serialize(json::object{{"email", email}, {"password", password}}),
                     headers);
}

TEST(Lockouts, TwentyFourParallelWrongSignInsOnOneAccountGiveExactlyTenUnauthorized) {
  // Enough workers that the password checks really run side by side.
  TestServer server([](Config& c) { c.worker_threads = 8; });
  Person owner = MakeOwner(server);
  std::atomic<int> unauthorized{0}, limited{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 24; ++i) {
    threads.emplace_back([&] {
      HttpClient client = server.Client();
      const int status = Login(client, owner.email, "not the password!").status;
      (status == 401 ? unauthorized : status == 429 ? limited : other)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(unauthorized.load(), 10);
  EXPECT_EQ(limited.load(), 14);
  EXPECT_EQ(other.load(), 0);
}

TEST(Lockouts, BehindATrustedProxyOneClientsFailuresLockOutOnlyThatClient) {
  TestServer server([](Config& c) {
    ApplyFlags(c, {"--trusted-proxy", "127.0.0.1"});
    c.login_failures_per_ip = 5;
  });
  Person owner = MakeOwner(server);
  HttpClient attacker = server.Client();
  // Random e-mails: no account is locked, only the address that tries them.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Login(attacker, "nobody" + std::to_string(i) + "@example.com", "guess guess guess",
                    From("203.0.113.7"))
                  .status,
              401);
  }
  EXPECT_EQ(Login(attacker, owner.email, kPassword, From("203.0.113.7")).status, 429);
  // Everyone else behind the same proxy still signs in.
  HttpClient colleague = server.Client();
  EXPECT_EQ(Login(colleague, owner.email, kPassword, From("198.51.100.9")).status, 200);
}

TEST(Lockouts, ForwardingHeadersFromAnUntrustedPeerAreIgnored) {
  TestServer server([](Config& c) { c.login_failures_per_ip = 3; });
  HttpClient attacker = server.Client();
  // A new made-up client address on every attempt does not escape the per-address count.
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Login(attacker, "x" + std::to_string(i) + "@example.com", "guess guess guess",
                    From("192.0.2." + std::to_string(i + 1)))
                  .status,
              401);
  }
  EXPECT_EQ(Login(attacker, "y@example.com", "guess guess guess", From("192.0.2.99")).status, 429);
}

class LinkLockouts : public ::testing::Test {
 protected:
  void Start(std::vector<std::string> flags) {
    server_.emplace([&](Config& c) { ApplyFlags(c, flags); });
    owner_.emplace(MakeOwner(*server_));
  }
  std::string NewLink(const std::string& title) {
    const std::string id = Str(CreateArticle(*owner_, title).at("id"));
    auto r = owner_->client.Post(ContentPath(id) + "/links",
                                 {{"level", "validate"}, {"password", "chaleur-2027"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return Str(r.Json().at("secret"));
  }
  int Open(const std::string& secret, const std::string& password, const Headers& headers = {}) {
    HttpClient visitor = server_->Client();
    return visitor
        .Send("POST", "/api/v1/review/" + secret + "/session",
              json::serialize(json::object{
                  {"name", "Marc"}, {"email", "marc@example.com"}, {"password", password}}),
              headers)
        .status;
  }

  std::optional<TestServer> server_;
  std::optional<Person> owner_;
};

TEST_F(LinkLockouts, WrongPasswordsOnOneLinkDoNotLockTheSameAddressOutOfAnother) {
  Start({});
  const std::string guessed = NewLink("Communiqué");
  const std::string other = NewLink("Newsletter");
  for (int i = 0; i < 10; ++i) EXPECT_EQ(Open(guessed, "guess-" + std::to_string(i)), 404);
  EXPECT_EQ(Open(guessed, "chaleur-2027"), 429);
  EXPECT_EQ(Open(other, "chaleur-2027"), 201);
}

TEST_F(LinkLockouts, BehindATrustedProxyOneVisitorsGuessesDoNotLockOthersOutOfTheLink) {
  Start({"--trusted-proxy", "127.0.0.0/8, ::1"});
  const std::string secret = NewLink("Communiqué");
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(Open(secret, "guess-" + std::to_string(i), From("203.0.113.7")), 404);
  EXPECT_EQ(Open(secret, "chaleur-2027", From("203.0.113.7")), 429);
  EXPECT_EQ(Open(secret, "chaleur-2027", From("198.51.100.9")), 201);
}

TEST(Lockouts, CheckingTheCurrentPasswordIsThrottledLikeASignIn) {
  TestServer server;
  Person owner = MakeOwner(server);
  for (int i = 0; i < 10; ++i) {
    auto wrong = owner.client.Put("/api/v1/me/password",
                                  {{"current_password", "guess number " + std::to_string(i)},
                                   {"new_password", "a brand new passphrase"}});
    EXPECT_EQ(wrong.status, 422) << wrong.body;
  }
  auto limited = owner.client.Put(
      "/api/v1/me/password",
      {{"current_password", kPassword}, {"new_password", "a brand new passphrase"}});
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_FALSE(limited.Header("Retry-After").empty());
  // The same count as signing in: the account is locked there too.
  HttpClient browser = server.Client();
  EXPECT_EQ(Login(browser, owner.email, kPassword).status, 429);
}

}  // namespace
}  // namespace copydesk::testing
