#include "files/renditions.hpp"

#include <vips/vips.h>

#include <filesystem>
#include <mutex>

#include "core/random.hpp"

namespace copydesk::files {

namespace fs = std::filesystem;

namespace {

void StartVips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("copydesk") != 0) return;
    // Renditions are cached on disk; libvips' own operation cache would only hold memory.
    vips_cache_set_max(0);
  });
}

struct ImageRef {
  VipsImage* image = nullptr;
  ~ImageRef() {
    if (image != nullptr) g_object_unref(image);
  }
};

std::string VipsError() {
  std::string out = vips_error_buffer();
  vips_error_clear();
  return out;
}

}  // namespace

std::optional<int> RenditionPixels(const std::string& size) {
  if (size == "thumb") return 320;
  if (size == "web") return 1600;
  return std::nullopt;
}

Renditions::Renditions(std::string cache_dir) : cache_dir_(std::move(cache_dir)) {
  StartVips();
  std::error_code ec;
  fs::create_directories(cache_dir_, ec);
}

Result<Rendition> Renditions::Get(const std::string& sha256, const std::string& source,
                                  const std::string& size) {
  const auto pixels = RenditionPixels(size);
  if (!pixels) return Error::InvalidField("size", "must be thumb or web");
  const std::string base = cache_dir_ + "/" + sha256 + "-" + size;
  std::error_code ec;
  for (const auto& [ext, mime] : {std::pair{".jpg", "image/jpeg"}, {".png", "image/png"}}) {
    if (fs::exists(base + ext, ec)) return Rendition{base + ext, mime};
  }
  ImageRef thumb;
  // Shrink-on-load (JPEG, WebP, PDF): a 24-megapixel photo is decoded at a fraction of its
  // size. "down": a small image is never enlarged.
  if (vips_thumbnail(source.c_str(), &thumb.image, *pixels, "height", *pixels, "size",
                     VIPS_SIZE_DOWN, nullptr) != 0) {
    return Error::Internal("libvips cannot make a rendition of " + sha256 + ": " + VipsError());
  }
  const bool alpha = vips_image_hasalpha(thumb.image) != 0;
  const std::string ext = alpha ? ".png" : ".jpg";
  const std::string temp = base + ".tmp-" + NewId() + ext;
  // "strip": no EXIF, XMP or IPTC in the rendition — a phone photo's location stays out.
  const int saved = alpha
                        ? vips_pngsave(thumb.image, temp.c_str(), "strip", TRUE, nullptr)
                        : vips_jpegsave(thumb.image, temp.c_str(), "Q", 82, "strip", TRUE, nullptr);
  if (saved != 0) {
    fs::remove(temp, ec);
    return Error::Internal("libvips cannot save a rendition of " + sha256 + ": " + VipsError());
  }
  fs::rename(temp, base + ext, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Error::Internal("cannot cache a rendition of " + sha256);
  }
  return Rendition{base + ext, alpha ? "image/png" : "image/jpeg"};
}

std::optional<std::pair<std::int64_t, std::int64_t>> Renditions::ImageSize(
    const std::string& path) {
  StartVips();
  ImageRef image;
  // Reads the header only: nothing is decoded.
  image.image = vips_image_new_from_file(path.c_str(), nullptr);
  if (image.image == nullptr) {
    vips_error_clear();
    return std::nullopt;
  }
  return std::pair<std::int64_t, std::int64_t>{vips_image_get_width(image.image),
                                               vips_image_get_height(image.image)};
}

}  // namespace copydesk::files
