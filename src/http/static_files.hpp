#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace copydesk::http {

//! Serves the built web app: files under its root, hashed assets cached forever, and index.html
//! for every other path so the app's router can take it. Never serves outside the root.
class StaticFiles {
 public:
  explicit StaticFiles(const std::string& root);

  //! The response for a GET of `path`: a file, index.html, or 404 for a missing asset. When the
  //! client accepts gzip and the build left `<file>.gz` beside a file, that is sent instead.
  Response Serve(const std::string& path, bool accepts_gzip = false) const;

 private:
  std::optional<Response> File(const std::filesystem::path& file, bool immutable,
                               bool accepts_gzip) const;

  std::filesystem::path root_;
  bool present_ = false;
};

//! True when an Accept-Encoding header value accepts gzip (and does not refuse it with q=0).
bool AcceptsGzip(std::string_view accept_encoding);

//! The Content-Type for a file name's extension.
std::string ContentTypeFor(const std::string& filename);

}  // namespace copydesk::http
