// Files beside the text: a content's attachments, the workspace's media library, downloads and
// renditions, and what a review link's visitor sees of them. Path, caller, input, domain call
// (files::Files), presenter (api/present/files_json).
#include <charconv>
#include <memory>
#include <variant>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "api/present/files_json.hpp"
#include "api/visitor.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

//! A raw upload: the file the server streamed the body into, and `?name=` (and `?alt=`).
struct UploadInput {
  files::Upload upload;
  std::string alt;
};

//! Reusing a library file: `{"media_id": "...", "alt": "..."}`.
struct ReuseInput {
  std::string media_id;
  std::string alt;
};

constexpr std::size_t kMaxAltBytes = 2000;

Result<UploadInput> ReadUpload(const http::Request& req) {
  UploadInput in;
  in.upload.name = req.QueryParam("name").value_or("");
  in.upload.path = req.body_file;
  in.upload.size = req.body_file_size;
  in.alt = req.QueryParam("alt").value_or("");
  if (in.alt.size() > kMaxAltBytes || !IsValidUtf8(in.alt))
    return Error::InvalidField("alt", "must be valid UTF-8 of at most 2000 bytes");
  return in;
}

// POST /contents/{id}/attachments: a raw upload, or JSON naming a library file.
Step UploadOrReuse() {
  return [](Call& call) -> Result<void> {
    const auto type = call.request.Header("Content-Type");
    const bool json_body =
        call.request.body_file.empty() && type && type->rfind("application/json", 0) == 0;
    if (!json_body) {
      auto upload = ReadUpload(call.request);
      if (!upload) return std::move(upload).error();
      call.SetInput(std::variant<UploadInput, ReuseInput>(std::move(upload).value()));
      return {};
    }
    return Body([](JsonInput& in) {
      ReuseInput out;
      out.media_id = in.String("media_id", JsonInput::kRequired, 64).value_or("");
      out.alt = in.String("alt", JsonInput::kOptional, kMaxAltBytes).value_or("");
      return std::variant<UploadInput, ReuseInput>(std::move(out));
    })(call);
  };
}

struct AttachmentEdit {
  std::optional<std::string> alt;
  std::optional<std::int64_t> position;
};
AttachmentEdit ReadAttachmentEdit(JsonInput& in) {
  AttachmentEdit out;
  out.alt = in.String("alt", JsonInput::kOptional, kMaxAltBytes);
  out.position = in.Int("position");
  if (out.position && (*out.position < 1 || *out.position > 100000))
    in.Fault("position", "must be between 1 and 100000");
  return out;
}

struct MediaEdit {
  std::optional<std::string> name;
  std::optional<std::vector<std::string>> tags;
};
MediaEdit ReadMediaEdit(JsonInput& in) {
  MediaEdit out;
  out.name = in.String("name", JsonInput::kOptional, 1024);
  out.tags = in.StringArray("tags", JsonInput::kOptional, 50);
  if (out.tags) {
    for (const auto& tag : *out.tags) {
      if (tag.empty() || tag.size() > 64) in.Fault("tags", "must each have 1 to 64 bytes");
    }
  }
  return out;
}

Result<files::MediaFilter> ReadMediaFilter(const http::Request& req) {
  files::MediaFilter f;
  const auto text = [&](const char* name) -> std::optional<std::string> {
    auto v = req.QueryParam(name);
    if (!v || v->empty()) return std::nullopt;
    return v;
  };
  f.text = text("q");
  f.tag = text("tag");
  f.kind = text("kind");
  f.cursor = text("cursor");
  static const std::vector<std::string> kKinds = {"image",        "pdf",  "document", "spreadsheet",
                                                  "presentation", "text", "video",    "other"};
  if (f.kind && std::find(kKinds.begin(), kKinds.end(), *f.kind) == kKinds.end())
    return Error::InvalidField("kind", "is not a kind of file");
  auto limit = IntParam(req, "limit");
  if (!limit) return std::move(limit).error();
  f.limit = static_cast<int>(limit->value_or(50));
  if (f.limit < 1 || f.limit > 200)
    return Error::InvalidField("limit", "must be between 1 and 200");
  return f;
}

// A version number in the path: anything but a positive integer names no version.
Result<std::int64_t> VersionNumber(const Call& c) {
  const std::string& text = c.param("n");
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1)
    return Error::NotFound("No such version.");
  return n;
}

std::string RenditionSize(const http::Request& req) {
  return req.QueryParam("size").value_or("thumb");
}

const FileUrls kMemberUrls{};

json::object AttachmentsJson(const std::vector<files::AttachmentView>& items,
                             const FileUrls& urls) {
  return ItemsJson(items, [&](const auto& a) { return AttachmentJson(a, urls); });
}

}  // namespace

void AddFileRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  // The steps hold the gate: it lives as long as the routes.
  auto gate = std::make_shared<VisitorGate>(s);
  const Step throttle = [gate, step = gate->Throttle()](Call& c) { return step(c); };
  const Step visitor = [gate, step = gate->Visitor()](Call& c) { return step(c); };
  const auto attachment = [](const files::AttachmentView& a) {
    return AttachmentJson(a, kMemberUrls);
  };
  const auto media = [](const files::MediaView& m) { return MediaFileJson(m, kMemberUrls); };
  // A visitor reads only the files of what their link shows.
  const auto shown_by = [&s](const Call& c) -> files::ShownContent {
    return [&s, &c](const std::string& content_id) {
      return static_cast<bool>(s.sharing.ShownContent(c.visit().session, content_id));
    };
  };
  const auto visitor_urls = [](const Call& c) { return FileUrls{c.param("secret")}; };
  const auto download = [&s](Call& c, std::optional<std::int64_t> number,
                             const files::ShownContent* shown) -> Result<http::Response> {
    auto file = s.files.Download(c.actor(), c.param("media_id"), number, shown);
    if (!file) return std::move(file).error();
    return FileResponse(c.request, file->path, file->version);
  };
  const auto thumbnail = [&s](Call& c, const files::ShownContent* shown) -> Result<http::Response> {
    auto n = VersionNumber(c);
    if (!n) return std::move(n).error();
    auto r = s.files.Thumbnail(c.actor(), c.param("media_id"), *n, RenditionSize(c.request), shown);
    if (!r) return std::move(r).error();
    return RenditionResponse(*r);
  };

  std::vector<Route> routes = {
      // ---- a content's attachments ----
      {"GET",
       "/api/v1/contents/{id}/attachments",
       member,
       {},
       [&s](Call& c) {
         return Present(s.files.Attachments(c.actor(), c.param("id")),
                        [](const auto& items) { return AttachmentsJson(items, kMemberUrls); });
       }},
      {"POST",
       "/api/v1/contents/{id}/attachments",
       member,
       UploadOrReuse(),
       [&s, attachment](Call& c) {
         auto& in = c.input<std::variant<UploadInput, ReuseInput>>();
         if (auto* reuse = std::get_if<ReuseInput>(&in)) {
           return Present(
               s.files.AttachMedia(c.actor(), c.param("id"), reuse->media_id, reuse->alt),
               attachment, 201);
         }
         auto& upload = std::get<UploadInput>(in);
         return Present(
             s.files.AttachUpload(c.actor(), c.param("id"), std::move(upload.upload), upload.alt),
             attachment, 201);
       },
       {},
       true},
      {"PATCH", "/api/v1/attachments/{id}", member, Body(ReadAttachmentEdit),
       [&s, attachment](Call& c) {
         auto& in = c.input<AttachmentEdit>();
         return Present(
             s.files.UpdateAttachment(c.actor(), c.param("id"), std::move(in.alt), in.position),
             attachment);
       }},
      {"DELETE",
       "/api/v1/attachments/{id}",
       member,
       {},
       [&s](Call& c) { return Done(s.files.RemoveAttachment(c.actor(), c.param("id"))); }},
      {"POST",
       "/api/v1/attachments/{id}/versions",
       member,
       Query(ReadUpload),
       [&s, attachment](Call& c) {
         return Present(s.files.AddAttachmentVersion(c.actor(), c.param("id"),
                                                     std::move(c.input<UploadInput>().upload)),
                        attachment, 201);
       },
       {},
       true},
      // ---- the media library ----
      {"GET", "/api/v1/workspaces/{ws}/media", member, Query(ReadMediaFilter),
       [&s, media](Call& c) -> Result<http::Response> {
         auto page = s.files.Library(c.actor(), c.param("ws"), c.input<files::MediaFilter>());
         if (!page) return std::move(page).error();
         json::object body = ItemsJson(page->items, media);
         body["next_cursor"] = page->next_cursor ? json::value(*page->next_cursor) : nullptr;
         return Json(200, body);
       }},
      {"POST",
       "/api/v1/workspaces/{ws}/media",
       member,
       Query(ReadUpload),
       [&s, media](Call& c) {
         return Present(s.files.AddToLibrary(c.actor(), c.param("ws"),
                                             std::move(c.input<UploadInput>().upload)),
                        media, 201);
       },
       {},
       true},
      {"PATCH", "/api/v1/media/{media_id}", member, Body(ReadMediaEdit),
       [&s, media](Call& c) {
         auto& in = c.input<MediaEdit>();
         return Present(s.files.UpdateMedia(c.actor(), c.param("media_id"), std::move(in.name),
                                            std::move(in.tags)),
                        media);
       }},
      {"DELETE",
       "/api/v1/media/{media_id}",
       member,
       {},
       [&s](Call& c) { return Done(s.files.DeleteMedia(c.actor(), c.param("media_id"))); }},
      {"GET",
       "/api/v1/media/{media_id}/versions",
       member,
       {},
       [&s](Call& c) {
         return Present(s.files.Versions(c.actor(), c.param("media_id")), [](const auto& items) {
           return ItemsJson(items, [](const auto& v) { return MediaVersionJson(v, kMemberUrls); });
         });
       }},
      {"POST",
       "/api/v1/media/{media_id}/versions",
       member,
       Query(ReadUpload),
       [&s, media](Call& c) {
         return Present(s.files.AddMediaVersion(c.actor(), c.param("media_id"),
                                                std::move(c.input<UploadInput>().upload)),
                        media, 201);
       },
       {},
       true},
      // ---- the bytes ----
      {"GET",
       "/api/v1/media/{media_id}/file",
       member,
       {},
       [download](Call& c) { return download(c, std::nullopt, nullptr); }},
      {"GET",
       "/api/v1/media/{media_id}/versions/{n}/file",
       member,
       {},
       [download](Call& c) -> Result<http::Response> {
         auto n = VersionNumber(c);
         if (!n) return std::move(n).error();
         return download(c, *n, nullptr);
       }},
      {"GET",
       "/api/v1/media/{media_id}/versions/{n}/thumbnail",
       member,
       {},
       [thumbnail](Call& c) { return thumbnail(c, nullptr); }},
      // ---- review links: the files of the contents the link shows ----
      {"GET",
       "/api/v1/review/{secret}/contents/{id}/attachments",
       visitor,
       {},
       [&s, visitor_urls](Call& c) {
         return Present(s.files.Attachments(c.actor(), c.param("id")),
                        [&](const auto& items) { return AttachmentsJson(items, visitor_urls(c)); });
       },
       throttle},
      {"GET",
       "/api/v1/review/{secret}/media/{media_id}/file",
       visitor,
       {},
       [download, shown_by](Call& c) {
         const auto shown = shown_by(c);
         return download(c, std::nullopt, &shown);
       },
       throttle},
      {"GET",
       "/api/v1/review/{secret}/media/{media_id}/versions/{n}/thumbnail",
       visitor,
       {},
       [thumbnail, shown_by](Call& c) {
         const auto shown = shown_by(c);
         return thumbnail(c, &shown);
       },
       throttle},
  };
  Mount(router, std::move(routes));
}

}  // namespace copydesk::api
