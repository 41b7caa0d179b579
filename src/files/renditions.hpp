#pragma once

// Thumbnails and web-sized renditions of images and PDFs, made with libvips and cached on disk.
// EXIF and other metadata (a photo's location) are never copied into a rendition.

#include <optional>
#include <string>
#include <utility>

#include "core/result.hpp"

namespace copydesk::files {

//! A rendition ready to send.
struct Rendition {
  std::string path;  //!< the cached file
  std::string mime;  //!< image/jpeg, or image/png for images with transparency
};

//! Makes and caches renditions. Thread-safe; the work runs on the caller's thread (the worker
//! pool, never the I/O threads).
class Renditions {
 public:
  //! Renditions are cached under `cache_dir`.
  explicit Renditions(std::string cache_dir);

  //! The rendition of blob `sha256` (its bytes in `source`) at `size` ("thumb": 320 px on the
  //! long side, "web": 1600 px; never enlarged).
  Result<Rendition> Get(const std::string& sha256, const std::string& source,
                        const std::string& size);

  //! Width and height of an image file, read from its header; nullopt when libvips cannot.
  static std::optional<std::pair<std::int64_t, std::int64_t>> ImageSize(const std::string& path);

 private:
  std::string cache_dir_;
};

//! The long side of a rendition size, or nullopt for an unknown size.
std::optional<int> RenditionPixels(const std::string& size);

}  // namespace copydesk::files
