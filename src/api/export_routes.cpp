// Files out: a content as .docx, .odt, .pdf, .md or .html (members, and review visitors for what
// their link shows), a project or a saved view as a .zip, the workspace's reference document,
// and the proof pack with its check. Path, caller, input, domain call (convert::Exports,
// workflow::GatherProof / VerifyProof), presenter.
#include <algorithm>
#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <memory>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/converting.hpp"
#include "api/present/files_json.hpp"
#include "api/present/proof.hpp"
#include "api/visitor.hpp"
#include "convert/proof.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

//! `?format=` and `?revision=` of a content's export.
struct ExportQuery {
  convert::ExportFormat format = convert::ExportFormat::kPdf;
  convert::RevisionChoice revision;
};

Result<convert::ExportFormat> ReadFormat(const http::Request& req) {
  const auto text = req.QueryParam("format");
  if (!text || text->empty()) return Error::InvalidField("format", "is required");
  auto format = convert::ParseExportFormat(*text);
  if (!format) return Error::InvalidField("format", "must be one of docx, odt, pdf, md, html");
  return *format;
}

Result<ExportQuery> ReadExportQuery(const http::Request& req) {
  ExportQuery q;
  auto format = ReadFormat(req);
  if (!format) return std::move(format).error();
  q.format = *format;
  auto revision = convert::ParseRevisionChoice(req.QueryParam("revision"));
  if (!revision) return std::move(revision).error();
  q.revision = *revision;
  return q;
}

//! `?project=` or `?view=` (exactly one), and `?format=`.
struct CollectionQuery {
  convert::CollectionChoice choice;
  convert::ExportFormat format = convert::ExportFormat::kPdf;
};

Result<CollectionQuery> ReadCollectionQuery(const http::Request& req) {
  CollectionQuery q;
  const auto nonempty = [&](const char* name) -> std::optional<std::string> {
    auto v = req.QueryParam(name);
    if (!v || v->empty()) return std::nullopt;
    return v;
  };
  q.choice.project = nonempty("project");
  q.choice.view = nonempty("view");
  if (q.choice.project.has_value() == q.choice.view.has_value())
    return Error::InvalidField("project", "name exactly one project or one view (view=)");
  auto format = ReadFormat(req);
  if (!format) return std::move(format).error();
  q.format = *format;
  return q;
}

Result<files::Upload> ReadTemplateUpload(const http::Request& req) {
  // A JSON body stays in memory (only other types stream to a file): it is no document.
  if (req.body_file.empty() && !req.body.empty())
    return Error::BadRequest("Send the .docx or .odt itself as the body, not JSON.",
                             {{"file", "is missing"}});
  files::Upload upload;
  upload.name = req.QueryParam("name").value_or("");
  upload.path = req.body_file;
  upload.size = req.body_file_size;
  return upload;
}

Result<std::string> ReadProofFormat(const http::Request& req) {
  const std::string format = req.QueryParam("format").value_or("pdf");
  if (format != "pdf" && format != "json")
    return Error::InvalidField("format", "must be one of pdf, json");
  return format;
}

http::Response FileOf(convert::ExportedFile file) {
  http::Response out;
  out.content_type = std::move(file.media_type);
  out.body = std::move(file.bytes);
  out.With("Content-Disposition", Disposition("attachment", file.name));
  return out;
}

json::object ReferenceJson(const convert::ReferenceDocument& r) {
  return {{"name", r.name},
          {"format", r.format},
          {"size", r.size},
          {"uploaded_at", FormatTime(r.uploaded_at)}};
}

// POST /proofs/verify: the JSON twin as a JSON body, or the PDF as a raw body.
Step ProofBody() {
  return [](Call& call) -> Result<void> {
    std::string text;
    if (!call.request.body_file.empty()) {
      std::ifstream in(call.request.body_file, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto twin = convert::ExtractProofJson(bytes);
      if (!twin) return std::move(twin).error();
      text = std::move(*twin);
    } else {
      text = call.request.body;
    }
    std::error_code ec;
    auto value = json::parse(text, ec);
    if (ec || !value.is_object()) return Error::InvalidField("file", convert::kNotAProof);
    call.SetInput(std::move(value));
    return {};
  };
}

}  // namespace

void AddExportRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  auto gate = std::make_shared<VisitorGate>(s);
  const Step throttle = [gate, step = gate->Throttle()](Call& c) { return step(c); };
  const Step visitor = [gate, step = gate->Visitor()](Call& c) { return step(c); };
  const auto stored_hash = [&s](const std::string& sha256) -> std::optional<std::string> {
    auto path = s.blobs.LocalPath(sha256);
    if (!path) return std::nullopt;
    auto digest = files::DigestFile(*path);
    if (!digest) return std::nullopt;
    return digest->sha256;
  };

  std::vector<Route> routes = {
      // ---- a content as a file ----
      {"GET", "/api/v1/contents/{id}/export", member, Query(ReadExportQuery),
       Converting(s,
                  [&s](Call& c) -> Result<http::Response> {
                    auto& q = c.input<ExportQuery>();
                    auto file = s.exports.Content(c.actor(), c.param("id"), q.format, q.revision);
                    if (!file) return std::move(file).error();
                    return FileOf(std::move(*file));
                  })},
      // A review visitor exports what the link shows them: the current revision.
      {"GET", "/api/v1/review/{secret}/contents/{id}/export", visitor, Query(ReadExportQuery),
       Converting(s,
                  [&s](Call& c) -> Result<http::Response> {
                    auto& q = c.input<ExportQuery>();
                    if (q.revision.kind != convert::RevisionChoice::Kind::kCurrent)
                      return Error::InvalidField(
                          "revision", "a review link exports the revision it shows: current");
                    auto file = s.exports.Content(c.actor(), c.param("id"), q.format, q.revision);
                    if (!file) return std::move(file).error();
                    return FileOf(std::move(*file));
                  }),
       throttle},
      // ---- a project or a saved view as a .zip ----
      {"GET", "/api/v1/workspaces/{ws}/export", member, Query(ReadCollectionQuery),
       Converting(s,
                  [&s](Call& c) -> Result<http::Response> {
                    auto& q = c.input<CollectionQuery>();
                    auto file = s.exports.Collection(c.actor(), c.param("ws"), q.choice, q.format,
                                                     s.search);
                    if (!file) return std::move(file).error();
                    return FileOf(std::move(*file));
                  })},
      // ---- the workspace's reference document ----
      {"PUT",
       "/api/v1/workspaces/{ws}/export-template",
       member,
       Query(ReadTemplateUpload),
       [&s](Call& c) {
         return Present(
             s.exports.SetReference(c.actor(), c.param("ws"), std::move(c.input<files::Upload>())),
             ReferenceJson);
       },
       {},
       true},
      {"GET",
       "/api/v1/workspaces/{ws}/export-template",
       member,
       {},
       [&s](Call& c) {
         return Present(s.exports.Reference(c.actor(), c.param("ws")), ReferenceJson);
       }},
      {"DELETE",
       "/api/v1/workspaces/{ws}/export-template",
       member,
       {},
       [&s](Call& c) { return Done(s.exports.RemoveReference(c.actor(), c.param("ws"))); }},
      // ---- the proof pack ----
      {"GET", "/api/v1/contents/{id}/proof", member, Query(ReadProofFormat),
       Converting(s,
                  [&s](Call& c) -> Result<http::Response> {
                    auto proof = workflow::GatherProof(s.db, c.actor(), c.param("id"), c.now);
                    if (!proof) return std::move(proof).error();
                    const json::object twin = ProofJson(*proof);
                    const std::string name = "proof-" + Slugify(proof->revision.title) + "-r" +
                                             std::to_string(proof->revision.number);
                    if (c.input<std::string>() == "json") {
                      return Json(200, twin).With("Content-Disposition",
                                                  Disposition("attachment", name + ".json"));
                    }
                    auto pdf = convert::RenderProofPdf(*proof, json::serialize(twin));
                    if (!pdf) return std::move(pdf).error();
                    return FileOf({name + ".pdf", "application/pdf", std::move(*pdf)});
                  })},
      {"POST",
       "/api/v1/proofs/verify",
       member,
       ProofBody(),
       [&s, stored_hash](Call& c) {
         return Present(workflow::VerifyProof(s.db, c.actor(), c.input<json::value>(), stored_hash),
                        ProofVerdictJson);
       },
       {},
       true},
  };
  Mount(router, std::move(routes));
}

}  // namespace copydesk::api
