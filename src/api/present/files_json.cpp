#include "api/present/files_json.hpp"

#include <boost/json/array.hpp>
#include <filesystem>

#include "core/clock.hpp"
#include "files/file_type.hpp"

namespace copydesk::api {

namespace json = boost::json;

std::string FileUrls::File(const std::string& media_id, std::int64_t number) const {
  if (!review_secret.empty())
    return "/api/v1/review/" + review_secret + "/media/" + media_id + "/file";
  return "/api/v1/media/" + media_id + "/versions/" + std::to_string(number) + "/file";
}

std::string FileUrls::Thumbnail(const std::string& media_id, std::int64_t number) const {
  const std::string base =
      review_secret.empty() ? "/api/v1/media/" : "/api/v1/review/" + review_secret + "/media/";
  return base + media_id + "/versions/" + std::to_string(number) + "/thumbnail";
}

json::object MediaVersionJson(const storage::MediaVersionRecord& v, const FileUrls& urls) {
  json::object out{{"number", v.number},
                   {"sha256", v.sha256},
                   {"type", v.mime},
                   {"size", v.size},
                   {"uploaded_by", {{"id", v.uploaded_by}, {"name", v.uploaded_by_name}}},
                   {"uploaded_at", FormatTime(v.uploaded_at)},
                   {"url", urls.File(v.media_id, v.number)}};
  if (v.width) out["width"] = *v.width;
  if (v.height) out["height"] = *v.height;
  out["thumbnail_url"] = files::HasRenditions(v.mime)
                             ? json::value(urls.Thumbnail(v.media_id, v.number))
                             : json::value(nullptr);
  return out;
}

json::object MediaFileJson(const files::MediaView& view, const FileUrls& urls, bool with_uses) {
  const auto& m = view.media;
  json::array tags;
  for (const auto& t : m.tags) tags.push_back(json::string(t));
  json::object out{{"id", m.id},
                   {"workspace_id", m.workspace_id},
                   {"name", m.name},
                   {"tags", std::move(tags)},
                   {"kind", m.kind},
                   {"current", MediaVersionJson(m.current, urls)},
                   {"versions", view.versions},
                   {"created_at", FormatTime(m.created_at)},
                   {"created_by", {{"id", m.created_by}, {"name", m.created_by_name}}}};
  if (with_uses) {
    json::array used;
    for (const auto& u : view.used_in) {
      used.push_back(
          {{"content_id", u.content_id}, {"title", u.title}, {"attachment_id", u.attachment_id}});
    }
    out["used_in"] = std::move(used);
  }
  return out;
}

json::object AttachmentJson(const files::AttachmentView& view, const FileUrls& urls) {
  const auto& a = view.attachment;
  return {{"id", a.id},
          {"content_id", a.content_id},
          {"alt", a.alt},
          {"position", a.position},
          {"media", MediaFileJson(view.media, urls, false)}};
}

namespace {}  // namespace

// RFC 6266 / 8187: an ASCII fallback, and the exact name percent-encoded in UTF-8.
std::string Disposition(const std::string& type, const std::string& name) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii += plain || c == ' ' ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

namespace {

// One `bytes=` range of a file of `size` bytes: [first, last], or nullopt when the header asks
// for none this answer can give as one part (then the whole file goes). `unsatisfiable` when
// it asks for bytes past the end.
std::optional<std::pair<std::uint64_t, std::uint64_t>> ParseRange(std::string_view header,
                                                                  std::uint64_t size,
                                                                  bool& unsatisfiable) {
  unsatisfiable = false;
  if (header.rfind("bytes=", 0) != 0) return std::nullopt;
  header.remove_prefix(6);
  if (header.find(',') != std::string_view::npos) return std::nullopt;  // one part only
  const auto dash = header.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto number = [](std::string_view text) -> std::optional<std::uint64_t> {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
  };
  const auto first = number(header.substr(0, dash));
  const auto last = number(header.substr(dash + 1));
  if (!first) {
    // The last n bytes.
    if (!last || *last == 0) {
      unsatisfiable = last.has_value();
      return std::nullopt;
    }
    const std::uint64_t n = std::min(*last, size);
    return std::pair{size - n, size - 1};
  }
  if (*first >= size) {
    unsatisfiable = true;
    return std::nullopt;
  }
  if (header.substr(dash + 1).empty()) return std::pair{*first, size - 1};
  if (!last || *last < *first) return std::nullopt;
  return std::pair{*first, std::min(*last, size - 1)};
}

}  // namespace

http::Response FileResponse(const http::Request& request, const std::string& path,
                            const storage::MediaVersionRecord& version) {
  std::error_code ec;
  const auto size = static_cast<std::uint64_t>(std::filesystem::file_size(path, ec));
  http::Response out;
  // What the browser must never run: SVG and HTML (and anything not a raster image) is a
  // download, whatever its type says.
  const bool inline_image = files::IsInlineImage(version.mime);
  out.content_type =
      inline_image ? version.mime
      : version.mime == "image/svg+xml" || version.mime.find("html") != std::string::npos
          ? "application/octet-stream"
          : version.mime;
  out.With("Content-Disposition",
           Disposition(inline_image ? "inline" : "attachment", version.name));
  out.With("ETag", "\"" + version.sha256 + "\"");
  out.With("Cache-Control", "private, max-age=0, must-revalidate");
  out.With("Accept-Ranges", "bytes");
  out.file = path;
  out.file_length = size;
  if (auto match = request.Header("If-None-Match");
      match && *match == "\"" + version.sha256 + "\"") {
    out.status = 304;
    out.file.clear();
    out.content_type.clear();
    return out;
  }
  if (auto range = request.Header("Range")) {
    bool unsatisfiable = false;
    if (auto part = ParseRange(*range, size, unsatisfiable)) {
      out.status = 206;
      out.file_offset = part->first;
      out.file_length = part->second - part->first + 1;
      out.With("Content-Range", "bytes " + std::to_string(part->first) + "-" +
                                    std::to_string(part->second) + "/" + std::to_string(size));
    } else if (unsatisfiable) {
      out.status = 416;
      out.file.clear();
      out.file_length = 0;
      out.content_type.clear();
      out.With("Content-Range", "bytes */" + std::to_string(size));
    }
  }
  return out;
}

http::Response RenditionResponse(const files::RenditionToSend& r) {
  std::error_code ec;
  http::Response out;
  out.content_type = r.rendition.mime;
  out.file = r.rendition.path;
  out.file_length = static_cast<std::uint64_t>(std::filesystem::file_size(r.rendition.path, ec));
  out.With("Content-Disposition", "inline");
  out.With("Cache-Control", "private, max-age=86400");
  return out;
}

}  // namespace copydesk::api
