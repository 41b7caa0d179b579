#pragma once

// The API's shape of the files beside the text: media files, their versions, attachments, and
// the download answers (headers that keep a file from being run as a page).

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "files/files.hpp"
#include "http/message.hpp"

namespace copydesk::api {

//! Where the bytes of files are read: members under /api/v1/media, a review link's visitors
//! under their link.
struct FileUrls {
  std::string review_secret;  //!< empty: a member's URLs

  //! The download URL of version `number` of `media_id`.
  std::string File(const std::string& media_id, std::int64_t number) const;
  //! The thumbnail URL of version `number` of `media_id`.
  std::string Thumbnail(const std::string& media_id, std::int64_t number) const;
};

//! MediaVersion.
boost::json::object MediaVersionJson(const storage::MediaVersionRecord& v, const FileUrls& urls);
//! MediaFile; `used_in` only when `with_uses`.
boost::json::object MediaFileJson(const files::MediaView& view, const FileUrls& urls,
                                  bool with_uses = true);
//! Attachment (its media without used_in).
boost::json::object AttachmentJson(const files::AttachmentView& view, const FileUrls& urls);

//! The bytes of a stored file (or the `Range` of them the request asks): Content-Disposition
//! attachment unless a raster image (inline), ETag by hash, private caching.
http::Response FileResponse(const http::Request& request, const std::string& path,
                            const storage::MediaVersionRecord& version);
//! A Content-Disposition value (RFC 6266): `type` ("attachment", "inline") and the file's name,
//! with an ASCII fallback and the exact name percent-encoded in UTF-8 (filename*).
std::string Disposition(const std::string& type, const std::string& name);
//! A rendition's bytes.
http::Response RenditionResponse(const files::RenditionToSend& rendition);

}  // namespace copydesk::api
