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

  //! The response for a GET of `path`: a file, index.html, or 404 for a missing asset.
  Response Serve(const std::string& path) const;

 private:
  std::optional<Response> File(const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;
  bool present_ = false;
};

//! The Content-Type for a file name's extension.
std::string ContentTypeFor(const std::string& filename);

}  // namespace copydesk::http
