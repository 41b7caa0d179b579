// Routing by method and path pattern.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace copydesk::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) -> Result<Response> { return Response{200, "text/plain", name, {}}; };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add("GET", "/api/v1/workspaces", Named("list"));
    router_.Add("POST", "/api/v1/workspaces", Named("create"));
    router_.Add("GET", "/api/v1/workspaces/{ws}", Named("get"));
    router_.Add("PATCH", "/api/v1/workspaces/{ws}", Named("patch"));
    router_.Add("GET", "/api/v1/workspaces/{ws}/members", Named("members"));
    router_.Add("DELETE", "/api/v1/workspaces/{ws}/members/{user_id}", Named("remove"));
    router_.Add("GET", "/api/v1/workspaces/{ws}/teams/{team_id}/members", Named("team members"));
    router_.Add("GET", "/api/v1/feeds/{secret}.ics", Named("feed"));
  }

  //! The name of the handler `method path` reaches, or "" when none.
  std::string Route(const std::string& method, const std::string& path) {
    request_ = Request{};
    request_.method = method;
    request_.path = path;
    auto match = router_.Find(request_);
    last_ = match;
    if (match.handler == nullptr) return "";
    return (*match.handler)(request_)->body;
  }

  Router router_;
  Request request_;
  Router::Match last_;
};

TEST_F(RouterTest, MatchesMethodAndPatternAndCapturesParameters) {
  EXPECT_EQ(Route("GET", "/api/v1/workspaces"), "list");
  EXPECT_EQ(Route("POST", "/api/v1/workspaces"), "create");
  EXPECT_EQ(Route("GET", "/api/v1/workspaces/energie-sud"), "get");
  EXPECT_EQ(request_.Param("ws"), "energie-sud");
  EXPECT_EQ(last_.pattern, "/api/v1/workspaces/{ws}");
  EXPECT_EQ(Route("DELETE", "/api/v1/workspaces/w1/members/u2"), "remove");
  EXPECT_EQ(request_.Param("ws"), "w1");
  EXPECT_EQ(request_.Param("user_id"), "u2");
  EXPECT_EQ(Route("GET", "/api/v1/workspaces/w1/teams/t3/members"), "team members");
  EXPECT_EQ(request_.Param("team_id"), "t3");
  EXPECT_EQ(request_.params.size(), 2u);
}

TEST_F(RouterTest, AParameterMayEndWithAFixedSuffixThatIsNotCaptured) {
  EXPECT_EQ(Route("GET", "/api/v1/feeds/s3cr3t.ics"), "feed");
  EXPECT_EQ(request_.Param("secret"), "s3cr3t");
  EXPECT_EQ(last_.pattern, "/api/v1/feeds/{secret}.ics");
  EXPECT_EQ(Route("GET", "/api/v1/feeds/s3cr3t"), "");
  EXPECT_EQ(Route("GET", "/api/v1/feeds/.ics"), "");
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
  EXPECT_EQ(Route("DELETE", "/api/v1/workspaces"), "");
  EXPECT_TRUE(last_.wrong_method);
  EXPECT_EQ(last_.allowed, "GET, POST");
  EXPECT_EQ(last_.pattern, "/api/v1/workspaces");
  EXPECT_EQ(Route("PUT", "/api/v1/workspaces/w1"), "");
  EXPECT_EQ(last_.allowed, "GET, PATCH");
  EXPECT_EQ(Route("GET", "/api/v1/workspaces/w1/members/u2"), "");
  EXPECT_EQ(last_.allowed, "DELETE");
  // Method names are exact: HTTP methods are case-sensitive.
  EXPECT_EQ(Route("get", "/api/v1/workspaces"), "");
  EXPECT_TRUE(last_.wrong_method);
}

TEST_F(RouterTest, UnknownPathsMatchNothing) {
  for (const char* path :
       {"/", "", "/api", "/api/v1", "/api/v1/workspaces/", "/api/v1/workspace",
        "/api/v1/workspaces/w1/members/u2/extra", "/api/v1//members", "/api/v1/workspaces//members",
        "/API/V1/WORKSPACES", "/api/v1/workspaces/w1/teams//members"}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(Route("GET", path), "");
    EXPECT_FALSE(last_.wrong_method);
    EXPECT_TRUE(last_.allowed.empty());
  }
}

TEST_F(RouterTest, TheFirstRegisteredRouteWins) {
  router_.Add("GET", "/api/v1/workspaces/special", Named("special"));
  EXPECT_EQ(Route("GET", "/api/v1/workspaces/special"), "get");
  Router literal_first;
  literal_first.Add("GET", "/a/special", Named("special"));
  literal_first.Add("GET", "/a/{id}", Named("any"));
  Request request;
  request.method = "GET";
  request.path = "/a/special";
  EXPECT_EQ((*literal_first.Find(request).handler)(request)->body, "special");
  request.path = "/a/other";
  EXPECT_EQ((*literal_first.Find(request).handler)(request)->body, "any");
}

TEST_F(RouterTest, ListsRoutesInRegistrationOrder) {
  const auto routes = router_.Routes();
  ASSERT_EQ(routes.size(), 8u);
  EXPECT_EQ(routes[0], std::make_pair(std::string("GET"), std::string("/api/v1/workspaces")));
  EXPECT_EQ(routes[5], std::make_pair(std::string("DELETE"),
                                      std::string("/api/v1/workspaces/{ws}/members/{user_id}")));
}

TEST(ParseTarget, DecodesThePathAndTheQuery) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  ASSERT_TRUE(
      ParseTarget("/api/v1/workspaces/%C3%A9nergie?q=a+b&tag=x%26y&tag=z&flag", path, query));
  EXPECT_EQ(path, "/api/v1/workspaces/énergie");
  ASSERT_EQ(query.size(), 4u);
  EXPECT_EQ(query[0], std::make_pair(std::string("q"), std::string("a b")));
  EXPECT_EQ(query[1].second, "x&y");
  EXPECT_EQ(query[3], std::make_pair(std::string("flag"), std::string("")));
  Request request;
  request.query = query;
  EXPECT_EQ(request.QueryParams("tag"), (std::vector<std::string>{"x&y", "z"}));
  EXPECT_EQ(request.QueryParam("q"), "a b");
  EXPECT_FALSE(request.QueryParam("missing").has_value());
  // '+' is a space only in the query.
  ASSERT_TRUE(ParseTarget("/a+b", path, query));
  EXPECT_EQ(path, "/a+b");
}

TEST(ParseTarget, RefusesMalformedTargets) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  for (const char* bad :
       {"", "*", "api/v1", "http://host/x", "/%", "/%4", "/%zz", "/a?b=%g0", "/a?%=1"}) {
    query.clear();
    EXPECT_FALSE(ParseTarget(bad, path, query)) << bad;
  }
}

TEST(Request, ReadsCookiesAndHeadersWithoutCase) {
  Request request;
  request.headers["cookie"] = "theme=dark; copydesk_session=abc=def;  other=1";
  request.headers["X-CSRF-Token"] = "t";
  EXPECT_EQ(request.Cookie("copydesk_session"), "abc=def");
  EXPECT_EQ(request.Cookie("other"), "1");
  EXPECT_FALSE(request.Cookie("copydesk").has_value());
  EXPECT_EQ(request.Header("x-csrf-token"), "t");
  EXPECT_EQ(request.Header("COOKIE")->substr(0, 5), "theme");
  request.method = "PATCH";
  EXPECT_TRUE(request.IsUnsafeMethod());
  request.method = "GET";
  EXPECT_FALSE(request.IsUnsafeMethod());
}

}  // namespace
}  // namespace copydesk::http
