// The review API for people without an account: they open a session on a link's secret with
// their name and e-mail (and its password), then read, annotate, edit or validate what the link
// shows, as its level allows. Nothing else of the workspace is reachable from here.
#include <memory>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "api/present/review.hpp"
#include "api/visitor.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

struct Opening {
  std::optional<std::string> password, name, email;
};
Opening ReadOpening(JsonInput& in) {
  Opening out;
  out.password = in.String("password", JsonInput::kOptional, 1024);
  out.name = in.String("name", JsonInput::kRequired, 1024);
  out.email = in.String("email", JsonInput::kRequired, 1024);
  return out;
}

collab::DecisionInput ReadDecision(JsonInput& in) {
  collab::DecisionInput out;
  out.content_id = in.String("content_id", JsonInput::kOptional, 64);
  out.revision = in.Int("revision", JsonInput::kRequired);
  out.decision = in.String("decision", JsonInput::kRequired, 32);
  out.comment = in.String("comment", JsonInput::kOptional, 64 * 1024);
  return out;
}

// Editing (edit links): the text only, from the version the visitor read.
struct TextEdit {
  std::int64_t base_version = 0;
  content::ContentInput input;
};
TextEdit ReadTextEdit(JsonInput& in) {
  TextEdit out;
  out.base_version = in.Int("base_version", JsonInput::kRequired).value_or(0);
  out.input.title = in.String("title", JsonInput::kOptional, 4096);
  out.input.fields = in.Object("fields");
  return out;
}

}  // namespace

void AddReviewRoutes(http::Router& router, Services& s) {
  auto gate = std::make_shared<VisitorGate>(s);
  const Step throttle = gate->Throttle();
  const Step visitor = gate->Visitor();

  Mount(router,
        {
            {"POST", "/api/v1/review/{secret}/session", Anyone(), Body(ReadOpening),
             [&s, gate](Call& c) -> Result<http::Response> {
               VisitorGate::OpeningAttempt attempt(*gate, c);
               if (auto taken = attempt.Take(); !taken) return std::move(taken).error();
               auto& in = c.input<Opening>();
               auto opened =
                   s.sharing.Open(c.param("secret"), in.password, in.name, in.email, c.now);
               if (!opened) {
                 if (opened.error().kind == ErrorKind::kNotFound) attempt.Failed();
                 return std::move(opened).error();
               }
               const auto& session = opened->session;
               json::object body{{"level", session.link.level},
                                 {"label", session.link.label},
                                 {"expires_at", FormatTime(opened->expires_at)},
                                 {"csrf_token", session.csrf_token},
                                 {"visitor", VisitorJson(session)}};
               return Json(201, body).With(
                   "Set-Cookie", ReviewCookie(c.param("secret"), opened->token, opened->expires_at,
                                              c.now, s.config));
             },
             throttle},
            // No-store, like every API answer (the dispatcher).
            {"GET",
             "/api/v1/review/{secret}",
             visitor,
             {},
             [&s](Call& c) { return Json(200, ReviewPageJson(s, c.visit())); },
             throttle},
            {"POST", "/api/v1/review/{secret}/decision", visitor, Body(ReadDecision),
             [&s](Call& c) {
               return Present(
                   s.sharing.Decide(c.visit().session, std::move(c.input<collab::DecisionInput>()),
                                    c.now),
                   [](const auto& approval) { return ApprovalJson(approval, false); }, 201);
             },
             throttle},
            {"PATCH", "/api/v1/review/{secret}/contents/{id}", visitor, Body(ReadTextEdit),
             [&s](Call& c) -> Result<http::Response> {
               auto& edit = c.input<TextEdit>();
               auto view = s.contents.Update(c.actor(), c.param("id"), edit.base_version,
                                             std::move(edit.input));
               if (!view) return std::move(view).error();
               const auto decisions = s.sharing.Decisions(c.visit().session, {view->content});
               return Json(200, ReviewContentJson(*view, decisions));
             },
             throttle},
            // Annotating (comment, edit and validate links): the threads others may see, and
            // new ones.
            {"GET",
             "/api/v1/review/{secret}/contents/{id}/comments",
             visitor,
             {},
             [&s](Call& c) -> Result<http::Response> {
               if (c.visit().session.link.level == "read")
                 return Error::Forbidden("This link does not let you see or write comments.");
               return Present(s.comments.List(c.actor(), c.param("id")),
                              [](const auto& threads) { return ItemsJson(threads, ThreadJson); });
             },
             throttle},
            {"POST", "/api/v1/review/{secret}/contents/{id}/comments", visitor,
             Body([](JsonInput& in) { return ReadCommentInput(in, true); }),
             [&s](Call& c) {
               return Present(s.comments.Create(c.actor(), c.param("id"),
                                                std::move(c.input<collab::CommentInput>())),
                              CommentJson, 201);
             },
             throttle},
        });
}

}  // namespace copydesk::api
