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
      {"POST", Ws("/search/similar"), json::object{{"text", "Offre"}, {"limit", 0}}, 422},
      {"POST", ContentPath(content) + "/approvals",
       json::object{{"revision", 1}, {"decision", "maybe"}}, 422},
      // Sharing again with the same team changes the level: 200, not 201.
      {"POST", "/api/v1/projects/" + project + "/shares",
       json::object{{"team_id", team}, {"level", "read"}}, 201},
      {"POST", "/api/v1/projects/" + project + "/shares",
       json::object{{"team_id", team}, {"level", "edit"}}, 200},
      // An archived content keeps its history but takes no restore.
      {"DELETE", ContentPath(content), {}, 200},
      {"POST", ContentPath(content) + "/restore", json::object{{"revision", 1}}, 409},
  });
}

// A review link's visitor meets the same rule, the link's conflicts and lock, and its rate limit.
TEST_F(Contract, AReviewLinkVisitorMeetsTheSameRuleAndTheLinksLimit) {
  const std::string id =
      Str(CreateArticle(*owner_, "Offre d'hiver", {{"body", "Texte."}}).at("id"));
  auto link = [&](const std::string& level) {
    auto r = owner_->client.Post(ContentPath(id) + "/links", {{"level", level}});
    EXPECT_EQ(r.status, 201) << r.body;
    return "/api/v1/review/" + Str(r.Json().at("secret"));
  };
  const std::string edit = link("edit");
  const std::string validate = link("validate");
  auto visit = [&](const std::string& base) {
    HttpClient visitor = server_.Client();
    auto opened = visitor.Post(base + "/session",
                               {{"name", "Julie Agence"}, {"email", "julie@agence.example"}});
    EXPECT_EQ(opened.status, 201) << opened.body;
    if (opened.status == 201) visitor.UseCsrf(Str(opened.Json().at("csrf_token")));
    return visitor;
  };
  HttpClient nobody = server_.Client();
  EXPECT_EQ(nobody.Post(edit + "/session", {{"name", "Marc"}, {"email", "pas-un-e-mail"}}).status,
            422);

  HttpClient writer = visit(edit);
  const std::string content = edit + "/contents/" + id;
  const auto version = VersionOf(GetContent(*owner_, id));
  EXPECT_EQ(writer.Patch(content, {{"base_version", version}, {"colour", "rouge"}}).status, 400);
  EXPECT_EQ(writer.Patch(content, {{"base_version", version}, {"title", ""}}).status, 422);
  EXPECT_EQ(writer.Post(content + "/comments", {{"body", "x"}, {"colour", "rouge"}}).status, 400);
  EXPECT_EQ(writer.Post(content + "/comments", {{"body", "   "}}).status, 422);
  // Both sides change the title from the same version: the visitor's change is refused.
  ASSERT_EQ(PatchContent(*owner_, id, version, {{"title", "Offre d'hiver 2031"}}).status, 200);
  EXPECT_EQ(writer.Patch(content, {{"base_version", version}, {"title", "Offre d'été"}}).status,
            409);
  // A locked content refuses the visitor's text too.
  ASSERT_EQ(
      owner_->client.Post(ContentPath(id) + "/lock", {{"reason", "Gel avant impression"}}).status,
      200);
  const auto locked = VersionOf(GetContent(*owner_, id));
  EXPECT_EQ(writer.Patch(content, {{"base_version", locked}, {"title", "Offre d'été"}}).status,
            423);

  HttpClient director = visit(validate);
  EXPECT_EQ(director
                .Post(validate + "/decision",
                      {{"revision", 1}, {"decision", "validated"}, {"colour", "rouge"}})
                .status,
            400);

  // 300 requests a minute per address on a link, then 429 with Retry-After on each of its routes.
  int status = 0;
  for (int i = 0; i < 400 && status != 429; ++i) status = writer.Get(edit).status;
  ASSERT_EQ(status, 429);
  for (const auto& r :
       {writer.Get(content + "/comments"), writer.Post(content + "/comments", {{"body", "x"}}),
        writer.Patch(content, {{"base_version", locked}, {"title", "x"}}),
        writer.Post(edit + "/decision", {{"revision", 1}, {"decision", "validated"}})}) {
    EXPECT_EQ(r.status, 429) << r.body;
    EXPECT_FALSE(r.Header("Retry-After").empty());
  }
}

}  // namespace
}  // namespace copydesk::testing
