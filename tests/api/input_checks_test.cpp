// The order in which a request's input is checked, where a route checks more than its body's
// members: the members' own faults first (unknown, missing, wrong type), then what is read from
// them (the items of an array, a number's range), and a revision number in the path before the
// body. A client fixing one fault at a time meets them in this order.
#include <gtest/gtest.h>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

//! The status, the detail and the first field named by a problem answer.
void ExpectRefusal(const HttpResponse& r, int status, const std::string& detail,
                   const std::string& field) {
  EXPECT_EQ(r.status, status) << r.body;
  const auto body = r.Json();
  ASSERT_TRUE(body.is_object()) << r.body;
  EXPECT_EQ(body.at("detail").as_string(), detail) << r.body;
  ASSERT_TRUE(body.as_object().contains("errors")) << r.body;
  EXPECT_EQ(body.at("errors").at(0).at("field").as_string(), field) << r.body;
}

class InputChecks : public ::testing::Test {
 protected:
  TestServer server_;
  Person owner_ = MakeOwner(server_);

  std::string Path(const std::string& rest) const {
    return "/api/v1/workspaces/" + owner_.workspace_id + rest;
  }
};

TEST_F(InputChecks, WorkflowStatusesAreCheckedAfterTheBodysMembers) {
  ExpectRefusal(owner_.client.Put(Path("/workflow"), json::object{{"statuses", 5}, {"q", 1}}), 400,
                "The request has invalid fields: q is not a known field.", "q");
  ExpectRefusal(owner_.client.Put(Path("/workflow"), json::object{{"statuses", 5}}), 400,
                "statuses must be an array.", "statuses");
  ExpectRefusal(owner_.client.Put(Path("/workflow"), json::object{{"statuses", json::array{1}}}),
                400, "Each status must be an object.", "statuses[0].");
  ExpectRefusal(
      owner_.client.Put(Path("/workflow"),
                        json::object{{"statuses", json::array{json::object{{"name", "Draft"}}}}}),
      400,
      "The request has invalid fields: statuses[0].color is required; "
      "statuses[0].category is required.",
      "statuses[0].color");
}

TEST_F(InputChecks, TaskListTasksAreCheckedAfterTheBodysMembers) {
  ExpectRefusal(owner_.client.Post(Path("/task-lists"), json::object{{"tasks", 5}}), 400,
                "The request has invalid fields: name is required.", "name");
  ExpectRefusal(
      owner_.client.Post(Path("/task-lists"), json::object{{"name", "Launch"}, {"tasks", 5}}), 400,
      "tasks must be an array.", "tasks");
  ExpectRefusal(owner_.client.Post(Path("/task-lists"),
                                   json::object{{"name", "Launch"},
                                                {"tasks", json::array{json::object{{"x", 1}}}}}),
                400,
                "The request has invalid fields: tasks[0].title is required; tasks[0].x is not a "
                "known field.",
                "tasks[0].title");
}

TEST_F(InputChecks, RestoreChecksTheRevisionsRangeAfterTheBodysMembers) {
  const auto id = Str(CreateArticle(owner_, "Offre").at("id"));
  ExpectRefusal(
      owner_.client.Post(ContentPath(id) + "/restore", json::object{{"revision", 0}, {"x", 1}}),
      400, "The request has invalid fields: x is not a known field.", "x");
  ExpectRefusal(owner_.client.Post(ContentPath(id) + "/restore", json::object{{"revision", 0}}),
                422, "must be a revision number (1 or more)", "revision");
}

TEST_F(InputChecks, ALabelsRevisionNumberIsCheckedBeforeItsBody) {
  const auto id = Str(CreateArticle(owner_, "Offre").at("id"));
  ExpectRefusal(owner_.client.Send("PUT", ContentPath(id) + "/revisions/x/label", "{"), 400,
                "n must be a revision number (1 or more).", "n");
  ExpectRefusal(
      owner_.client.Put(ContentPath(id) + "/revisions/1/label", json::object{{"label", 1}}), 400,
      "The request has invalid fields: label must be a string.", "label");
}

TEST_F(InputChecks, AChangesBaseVersionIsLookedForOnceItsBodyIsWellFormed) {
  const auto id = Str(CreateArticle(owner_, "Offre").at("id"));
  ExpectRefusal(owner_.client.Patch(ContentPath(id), json::object{{"tytle", "Offre 2"}}), 400,
                "The request has invalid fields: tytle is not a known field.", "tytle");
  ExpectRefusal(owner_.client.Patch(ContentPath(id), json::object{{"title", "Offre 2"}}), 422,
                "is required: send the version your change is based on", "base_version");
  ExpectRefusal(owner_.client.Send("PATCH", ContentPath(id), R"({"title": "Offre 2"})",
                                   {{"If-Match", "soon"}}),
                400, "If-Match must carry a content version such as \"v3\".", "If-Match");
}

}  // namespace
}  // namespace copydesk::testing
