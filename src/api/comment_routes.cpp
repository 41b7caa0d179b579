// Comment threads on a content: path, schema, policy (in collab::Comments), presenter.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

void AddCommentRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/contents/{id}/comments",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto threads = s.comments.List(*actor, req.Param("id"));
               if (!threads) return std::move(threads).error();
               json::array items;
               for (const auto& t : *threads) items.push_back(ThreadJson(t));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/contents/{id}/comments",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto input = ReadCommentInput(req, true);
               if (!input) return std::move(input).error();
               auto comment = s.comments.Create(*actor, req.Param("id"), std::move(*input));
               if (!comment) return std::move(comment).error();
               return Json(201, CommentJson(*comment));
             });

  router.Add("PATCH", "/api/v1/comments/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto input = ReadCommentInput(req, false);
    if (!input) return std::move(input).error();
    auto comment = s.comments.Update(*actor, req.Param("id"), std::move(*input));
    if (!comment) return std::move(comment).error();
    return Json(200, CommentJson(*comment));
  });

  router.Add("DELETE", "/api/v1/comments/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto deleted = s.comments.Delete(*actor, req.Param("id"));
    if (!deleted) return std::move(deleted).error();
    return NoContent();
  });

  for (const auto& [verb, resolved] : {std::pair{"resolve", true}, std::pair{"reopen", false}}) {
    router.Add("POST", std::string("/api/v1/comments/{id}/") + verb,
               [&s, resolved = resolved](http::Request& req) -> Result<http::Response> {
                 auto actor = Authenticate(s.accounts, req);
                 if (!actor) return std::move(actor).error();
                 auto in = ReadBody(req);
                 if (!in) return std::move(in).error();
                 if (auto done = in->Finish(); !done) return std::move(done).error();
                 auto thread = s.comments.SetResolved(*actor, req.Param("id"), resolved);
                 if (!thread) return std::move(thread).error();
                 return Json(200, ThreadJson(*thread));
               });
  }
}

}  // namespace copydesk::api
