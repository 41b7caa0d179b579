// Documents in: a Word, OpenDocument, Markdown or HTML file becomes a new content of a workspace,
// or a new revision of a content's text. The body is the file itself, streamed to disk like an
// attachment upload (`?name=` says what it is called). Path, caller, input, domain call
// (convert::Importer, on the request's worker thread inside a conversion slot), presenter.
#include <boost/json/array.hpp>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "api/converting.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

struct NewImportInput {
  convert::NewImport in;
};

struct RevisionImportInput {
  files::Upload upload;
  std::int64_t version = 0;
};

Result<files::Upload> ReadDocument(const http::Request& req) {
  if (req.body_file.empty()) {
    return Error{ErrorKind::kUnsupportedMediaType,
                 "Send the document's bytes as the body, with a content type other than JSON.",
                 {{"file", "is missing"}}};
  }
  files::Upload upload;
  upload.path = req.body_file;
  upload.size = req.body_file_size;
  upload.name = req.QueryParam("name").value_or("");
  if (upload.size == 0) return Error::InvalidField("file", "is empty");
  return upload;
}

Result<NewImportInput> ReadNewImport(const http::Request& req) {
  auto upload = ReadDocument(req);
  if (!upload) return std::move(upload).error();
  NewImportInput out;
  out.in.upload = std::move(*upload);
  if (auto type = req.QueryParam("type"); type && !type->empty()) out.in.type = *type;
  if (auto language = req.QueryParam("language"); language && !language->empty()) {
    if (*language != "fr" && *language != "en")
      return Error::InvalidField("language", "must be fr or en");
    out.in.language = *language;
  }
  return out;
}

Result<RevisionImportInput> ReadRevisionImport(const http::Request& req) {
  auto upload = ReadDocument(req);
  if (!upload) return std::move(upload).error();
  auto version = IntParam(req, "version");
  if (!version) return std::move(version).error();
  if (!*version || **version < 1)
    return Error::InvalidField("version",
                               "is required: send the version of the content you are replacing");
  return RevisionImportInput{std::move(*upload), **version};
}

json::object ReportJson(const convert::ImportReport& r) {
  json::array fields, not_kept, warnings;
  for (const auto& f : r.fields) fields.push_back(json::value(f));
  for (const auto& n : r.not_kept) not_kept.push_back({{"what", n.what}, {"count", n.count}});
  for (const auto& w : r.warnings) warnings.push_back(json::value(w));
  return {{"format", convert::FormatName(r.format)},
          {"title_from", r.title_from},
          {"fields", std::move(fields)},
          {"images", r.images},
          {"comments", r.comments},
          {"tracked_changes",
           {{"insertions", r.tracked.insertions},
            {"deletions", r.tracked.deletions},
            {"accepted", true}}},
          {"not_kept", std::move(not_kept)},
          {"warnings", std::move(warnings)}};
}

Result<http::Response> PresentImport(Result<convert::ImportOutcome> outcome, int status) {
  if (!outcome) return std::move(outcome).error();
  return Json(status, json::object{{"content", ContentJson(outcome->content)},
                                   {"report", ReportJson(outcome->report)}});
}

}  // namespace

void AddImportRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  Mount(router,
        {
            {"POST",
             "/api/v1/workspaces/{ws}/imports",
             member,
             Query(ReadNewImport),
             Converting(s,
                        [&s](Call& c) {
                          auto& in = c.input<NewImportInput>();
                          return PresentImport(
                              s.importer.ImportNew(c.actor(), c.param("ws"), std::move(in.in)),
                              201);
                        }),
             {},
             true},
            {"POST",
             "/api/v1/contents/{id}/imports",
             member,
             Query(ReadRevisionImport),
             Converting(s,
                        [&s](Call& c) {
                          auto& in = c.input<RevisionImportInput>();
                          return PresentImport(
                              s.importer.ImportRevision(c.actor(), c.param("id"), in.version,
                                                        std::move(in.upload)),
                              200);
                        }),
             {},
             true},
        });
}

}  // namespace copydesk::api
