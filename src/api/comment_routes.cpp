// Comment threads on a content: path, schema, policy (in collab::Comments), presenter.
#include "api/api.hpp"
#include "api/common.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::value OptTime(const std::optional<TimeMs>& t) {
  return t ? json::value(FormatTime(*t)) : json::value(nullptr);
}

// The body is Markdown as typed: clients render it without raw HTML.
json::object CommentJson(const storage::CommentRecord& c) {
  json::object out{{"id", c.id},
                   {"content_id", c.content_id},
                   {"parent", c.parent_id ? json::value(*c.parent_id) : json::value(nullptr)},
                   {"author", {{"id", c.author_id}, {"name", c.author_name}}},
                   {"body", c.body},
                   {"internal", c.internal},
                   {"anchor", nullptr},
                   {"anchor_state", c.anchor_state ? json::value(*c.anchor_state) : nullptr},
                   {"resolved", c.resolved_at.has_value()},
                   {"resolved_at", OptTime(c.resolved_at)},
                   {"resolved_by", c.resolved_by ? json::value(*c.resolved_by) : nullptr},
                   {"created_at", FormatTime(c.created_at)},
                   {"updated_at", FormatTime(c.updated_at)},
                   {"edited_at", OptTime(c.edited_at)}};
  if (c.anchor_field) {
    out["anchor"] = {{"field", *c.anchor_field},
                     {"quote", c.anchor_quote.value_or("")},
                     {"revision", c.anchor_revision.value_or(0)},
                     {"offset", c.anchor_offset.value_or(0)}};
  }
  return out;
}

json::object ThreadJson(const collab::Thread& t) {
  json::object out = CommentJson(t.root);
  json::array replies;
  for (const auto& r : t.replies) replies.push_back(CommentJson(r));
  out["replies"] = std::move(replies);
  return out;
}

Result<collab::CommentInput> ReadCommentInput(const http::Request& req, bool creating) {
  auto in = ReadBody(req);
  if (!in) return std::move(in).error();
  collab::CommentInput out;
  out.body = in->String("body", creating ? JsonInput::kRequired : JsonInput::kOptional, 256 * 1024);
  out.internal = in->Bool("internal");
  if (creating) {
    out.parent = in->String("parent", JsonInput::kOptional, 64);
    if (auto anchor = in->Object("anchor")) {
      JsonInput a(std::move(*anchor), "anchor.");
      collab::AnchorInput parsed;
      parsed.field = a.String("field", JsonInput::kRequired, 64).value_or("");
      parsed.quote = a.String("quote", JsonInput::kRequired, 16 * 1024).value_or("");
      parsed.revision = a.Int("revision");
      parsed.offset = a.Int("offset");
      if (auto done = a.Finish(); !done) return std::move(done).error();
      out.anchor = std::move(parsed);
    }
  }
  if (auto done = in->Finish(); !done) return std::move(done).error();
  return out;
}

}  // namespace

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
