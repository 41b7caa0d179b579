// Comment threads on a content: path, schema, policy (in collab::Comments), presenter.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"

namespace copydesk::api {

void AddCommentRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  const auto creating = [](JsonInput& in) { return ReadCommentInput(in, true); };
  const auto editing = [](JsonInput& in) { return ReadCommentInput(in, false); };
  const auto set_resolved = [&s](bool resolved) {
    return [&s, resolved](Call& c) {
      return Present(s.comments.SetResolved(c.actor(), c.param("id"), resolved), ThreadJson);
    };
  };

  Mount(router,
        {
            {"GET",
             "/api/v1/contents/{id}/comments",
             member,
             {},
             [&s](Call& c) {
               return Present(s.comments.List(c.actor(), c.param("id")),
                              [](const auto& threads) { return ItemsJson(threads, ThreadJson); });
             }},
            {"POST", "/api/v1/contents/{id}/comments", member, Body(creating),
             [&s](Call& c) {
               return Present(s.comments.Create(c.actor(), c.param("id"),
                                                std::move(c.input<collab::CommentInput>())),
                              CommentJson, 201);
             }},
            {"PATCH", "/api/v1/comments/{id}", member, Body(editing),
             [&s](Call& c) {
               return Present(s.comments.Update(c.actor(), c.param("id"),
                                                std::move(c.input<collab::CommentInput>())),
                              CommentJson);
             }},
            {"DELETE",
             "/api/v1/comments/{id}",
             member,
             {},
             [&s](Call& c) { return Done(s.comments.Delete(c.actor(), c.param("id"))); }},
            {"POST", "/api/v1/comments/{id}/resolve", member, NoFields(), set_resolved(true)},
            {"POST", "/api/v1/comments/{id}/reopen", member, NoFields(), set_resolved(false)},
        });
}

}  // namespace copydesk::api
