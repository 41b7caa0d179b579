#include <charconv>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_filter.hpp"
#include "api/content_json.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

// The base version of a write: "base_version" in the body, else an If-Match header ("v3", 3).
Result<std::int64_t> BaseVersion(const http::Request& req,
                                 const std::optional<std::int64_t>& from_body) {
  if (from_body) return *from_body;
  auto header = req.Header("If-Match");
  if (!header) {
    return Error::InvalidField("base_version",
                               "is required: send the version your change is based on");
  }
  std::string_view v = *header;
  if (v.rfind("W/", 0) == 0) v.remove_prefix(2);
  if (!v.empty() && v.front() == '"') v.remove_prefix(1);
  if (!v.empty() && v.back() == '"') v.remove_suffix(1);
  if (!v.empty() && v.front() == 'v') v.remove_prefix(1);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) {
    return Error::BadRequest("If-Match must carry a content version such as \"v3\".",
                             {{"If-Match", "is not a version"}});
  }
  return n;
}

Result<std::int64_t> RevisionNumber(const std::string& text, const std::string& name) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1) {
    return Error::BadRequest(name + " must be a revision number (1 or more).",
                             {{name, "must be a revision number"}});
  }
  return n;
}

}  // namespace

void AddContentRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/workspaces/{ws}/contents",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto filter = ReadListFilter(req);
               if (!filter) return std::move(filter).error();
               auto page = s.contents.List(*actor, req.Param("ws"), *filter);
               if (!page) return std::move(page).error();
               json::array items;
               for (const auto& view : page->items) items.push_back(ContentJson(view, false));
               json::object body{{"items", std::move(items)}};
               body["next_cursor"] =
                   page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr);
               return Json(200, body);
             });

  router.Add("POST", "/api/v1/workspaces/{ws}/contents",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto input = ReadContentInput(*in, true);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto view = s.contents.Create(*actor, req.Param("ws"), std::move(input));
               if (!view) return std::move(view).error();
               return ContentResponse(201, *view);
             });

  router.Add("GET", "/api/v1/contents/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto view = s.contents.Get(*actor, req.Param("id"));
    if (!view) return std::move(view).error();
    return ContentResponse(200, *view);
  });

  router.Add("PATCH", "/api/v1/contents/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto from_body = in->Int("base_version");
    auto input = ReadContentInput(*in, false);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto base = BaseVersion(req, from_body);
    if (!base) return std::move(base).error();
    auto view = s.contents.Update(*actor, req.Param("id"), *base, std::move(input));
    if (!view) return std::move(view).error();
    return ContentResponse(200, *view);
  });

  // DELETE archives: nothing is lost by a click; purge is a separate, deliberate step.
  router.Add("DELETE", "/api/v1/contents/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto view = s.contents.SetArchived(*actor, req.Param("id"), true);
    if (!view) return std::move(view).error();
    return ContentResponse(200, *view);
  });

  router.Add("POST", "/api/v1/contents/{id}/unarchive",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto view = s.contents.SetArchived(*actor, req.Param("id"), false);
               if (!view) return std::move(view).error();
               return ContentResponse(200, *view);
             });

  router.Add("POST", "/api/v1/contents/{id}/purge",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               if (auto purged = s.contents.Purge(*actor, req.Param("id")); !purged)
                 return std::move(purged).error();
               return NoContent();
             });

  router.Add("GET", "/api/v1/contents/{id}/revisions",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto revisions = s.contents.Revisions(*actor, req.Param("id"));
               if (!revisions) return std::move(revisions).error();
               json::array items;
               for (const auto& r : *revisions) items.push_back(RevisionJson(r, false));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("GET", "/api/v1/contents/{id}/revisions/{n}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto n = RevisionNumber(req.Param("n"), "n");
               if (!n) return std::move(n).error();
               auto revision = s.contents.Revision(*actor, req.Param("id"), *n);
               if (!revision) return std::move(revision).error();
               return Json(200, RevisionJson(*revision, true));
             });

  router.Add("PUT", "/api/v1/contents/{id}/revisions/{n}/label",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto n = RevisionNumber(req.Param("n"), "n");
               if (!n) return std::move(n).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               std::string label;
               if (in->IsNull("label"))
                 in->Raw("label");
               else
                 label = in->String("label", JsonInput::kRequired, 2000).value_or("");
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto revision = s.contents.Label(*actor, req.Param("id"), *n, label);
               if (!revision) return std::move(revision).error();
               return Json(200, RevisionJson(*revision, false));
             });

  router.Add("GET", "/api/v1/contents/{id}/diff",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto from_text = req.QueryParam("from");
               auto to_text = req.QueryParam("to");
               if (!from_text || !to_text) {
                 return Error::BadRequest("from and to are required revision numbers.",
                                          {{from_text ? "to" : "from", "is required"}});
               }
               auto from = RevisionNumber(*from_text, "from");
               if (!from) return std::move(from).error();
               auto to = RevisionNumber(*to_text, "to");
               if (!to) return std::move(to).error();
               auto diff = s.contents.Diff(*actor, req.Param("id"), *from, *to);
               if (!diff) return std::move(diff).error();
               json::array fields;
               for (const auto& d : *diff) {
                 json::object o{{"field", d.field}, {"changed", d.changed}, {"text", d.text}};
                 if (d.text) {
                   json::array ops;
                   for (const auto& op : d.ops) {
                     const char* kind = op.kind == content::DiffOp::Kind::kEqual    ? "equal"
                                        : op.kind == content::DiffOp::Kind::kInsert ? "insert"
                                                                                    : "delete";
                     ops.push_back({{"op", kind}, {"text", op.text}});
                   }
                   o["ops"] = std::move(ops);
                   o["html"] = d.html;
                 } else {
                   o["before"] = d.before;
                   o["after"] = d.after;
                 }
                 fields.push_back(std::move(o));
               }
               return Json(200, {{"from", *from}, {"to", *to}, {"fields", std::move(fields)}});
             });

  router.Add("POST", "/api/v1/contents/{id}/restore",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto revision = in->Int("revision", JsonInput::kRequired);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               if (*revision < 1)
                 return Error::InvalidField("revision", "must be a revision number (1 or more)");
               auto view = s.contents.Restore(*actor, req.Param("id"), *revision);
               if (!view) return std::move(view).error();
               return ContentResponse(200, *view);
             });
}

}  // namespace copydesk::api
