// The rule for bad input that docs/api/openapi.yaml states once, asked of the operations the
// other API tests do not ask it of: a parameter that does not parse as its type is 400, a value
// that parses but is refused is 422. With COPYDESK_API_EXCHANGES set, make test-contract also
// holds each of these answers to the description (documented status, problem body).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

struct Ask {
  std::string method;
  std::string target;
  std::optional<json::object> body;
  int status;
};

class Contract : public ::testing::Test {
 protected:
  void SetUp() override { owner_.emplace(MakeOwner(server_)); }

  std::string Ws(const std::string& rest) {
    return "/api/v1/workspaces/" + owner_->workspace_id + rest;
  }
  std::string IdOf(const HttpResponse& r) {
    EXPECT_GE(r.status, 200) << r.body;
    EXPECT_LT(r.status, 300) << r.body;
    const auto* id = r.Json().is_object() ? r.Json().as_object().if_contains("id") : nullptr;
    return id != nullptr && id->is_string() ? Str(*id) : "";
  }
  void Check(const std::vector<Ask>& asks) {
    for (const auto& ask : asks) {
      const auto r = ask.body
                         ? owner_->client.Send(ask.method, ask.target, json::serialize(*ask.body))
                         : owner_->client.Send(ask.method, ask.target);
      EXPECT_EQ(r.status, ask.status) << ask.method << " " << ask.target << " → " << r.body;
    }
  }

  TestServer server_;
  std::optional<Person> owner_;
};

TEST_F(Contract, AParameterThatDoesNotParseIs400AndARefusedOne422) {
  const std::string content = Str(CreateArticle(*owner_, "Offre d'hiver").at("id"));
  Check({
      {"GET", "/api/v1/me/notifications?limit=abc", {}, 400},
      {"GET", "/api/v1/me/notifications?limit=0", {}, 422},
      {"GET", Ws("/projects?archived=maybe"), {}, 400},
      {"GET", Ws("/tags?limit=abc"), {}, 400},
      {"GET", Ws("/activity?limit=abc"), {}, 400},
      {"GET", Ws("/activity?limit=0"), {}, 422},
      {"GET", ContentPath(content) + "/activity?limit=abc", {}, 400},
      {"GET", ContentPath(content) + "/activity?limit=0", {}, 422},
      {"GET", ContentPath(content) + "/similar?limit=abc", {}, 400},
      {"GET", Ws("/tasks?done=maybe"), {}, 400},
      {"GET", Ws("/tasks?limit=0"), {}, 422},
  });
}

TEST_F(Contract, ABodyOfTheRightShapeWithARefusedValueIs422) {
  const std::string content = Str(CreateArticle(*owner_, "Offre d'hiver").at("id"));
  const std::string team = IdOf(owner_->client.Post(Ws("/teams"), {{"name", "Relecture externe"}}));
  const std::string project = IdOf(owner_->client.Post(Ws("/projects"), {{"name", "Hiver"}}));
  const std::string list = IdOf(owner_->client.Post(
      Ws("/task-lists"), {{"name", "Article"}, {"tasks", json::array{{{"title", "Brief"}}}}}));
  const std::string task =
      IdOf(owner_->client.Post(ContentPath(content) + "/tasks", {{"title", "Relire"}}));
  const std::string comment =
      IdOf(owner_->client.Post(ContentPath(content) + "/comments", {{"body", "Chiffres ?"}}));
  const std::string type = TypeId(*owner_, "article");
  Check({
      {"POST", "/api/v1/me/tokens", json::object{{"name", ""}}, 422},
      {"DELETE", "/api/v1/me/tokens/nosuchtoken00000", {}, 404},
      {"POST", Ws("/teams"), json::object{{"name", ""}}, 422},
      {"PATCH", Ws("/teams/" + team), json::object{{"name", ""}}, 422},
      {"PATCH", Ws("/projects/" + project), json::object{{"name", ""}}, 422},
      {"PATCH", Ws("/task-lists/" + list), json::object{{"name", ""}}, 422},
      {"PATCH", Ws("/types/" + type), json::object{{"name", ""}}, 422},
      {"POST", Ws("/tasks"), json::object{{"title", "   "}}, 422},
      {"PATCH", "/api/v1/tasks/" + task, json::object{{"title", "   "}}, 422},
      {"PATCH", "/api/v1/comments/" + comment, json::object{{"body", "   "}}, 422},
      {"POST", "/api/v1/projects/" + project + "/links", json::object{{"level", "everything"}},
       422},
      {"POST", "/api/v1/projects/" + project + "/shares",
       json::object{{"user_id", "nosuchuser000000"}, {"level", "read"}}, 422},
  });
}

}  // namespace
}  // namespace copydesk::testing
