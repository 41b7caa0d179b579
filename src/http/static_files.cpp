#include "http/static_files.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace copydesk::http {

namespace fs = std::filesystem;

std::string ContentTypeFor(const std::string& filename) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  const auto dot = filename.rfind('.');
  if (dot != std::string::npos) {
    if (auto it = types.find(filename.substr(dot)); it != types.end()) return it->second;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code ec;
  root_ = fs::weakly_canonical(fs::absolute(root, ec), ec);
  present_ = !ec && fs::is_regular_file(root_ / "index.html", ec);
}

bool AcceptsGzip(std::string_view accept_encoding) {
  std::size_t start = 0;
  while (start < accept_encoding.size()) {
    auto end = accept_encoding.find(',', start);
    if (end == std::string_view::npos) end = accept_encoding.size();
    std::string_view item = accept_encoding.substr(start, end - start);
    start = end + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const auto semicolon = item.find(';');
    std::string_view coding = item.substr(0, semicolon);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (coding != "gzip" && coding != "*") continue;
    if (semicolon != std::string_view::npos) {
      std::string_view params = item.substr(semicolon + 1);
      while (!params.empty() && params.front() == ' ') params.remove_prefix(1);
      if (params == "q=0" || params == "q=0.0" || params == "q=0.00" || params == "q=0.000")
        return false;
    }
    return true;
  }
  return false;
}

std::optional<Response> StaticFiles::File(const fs::path& file, bool immutable,
                                          bool accepts_gzip) const {
  // `make` gzips the built scripts and styles once (gzip -9): a third of the bytes on the wire,
  // no compression work per request.
  fs::path source = file;
  bool gzipped = false;
  if (accepts_gzip) {
    std::error_code ec;
    fs::path compressed = file;
    compressed += ".gz";
    if (fs::is_regular_file(compressed, ec)) {
      source = compressed;
      gzipped = true;
    }
  }
  std::ifstream in(source, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  Response response{200, ContentTypeFor(file.filename().string()), body.str(), {}};
  response.With("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (gzipped) response.With("Content-Encoding", "gzip");
  response.With("Vary", "Accept-Encoding");
  return response;
}

Response StaticFiles::Serve(const std::string& path, bool accepts_gzip) const {
  if (!present_) {
    return {503,
            "text/plain; charset=utf-8",
            "The copydesk web app is not built. Run `make run` from the source folder.\n",
            {}};
  }
  // Refuse anything that could step outside the root before touching the file system.
  const bool suspicious =
      path.find('\0') != std::string::npos || path.find('\\') != std::string::npos ||
      path.find("/..") != std::string::npos || path.find("//") != std::string::npos;
  const std::string last = path.substr(path.rfind('/') + 1);
  // Source maps hand out the app's original source, comments included; the production build
  // makes none, and one left in the folder by a development build is not served either.
  const bool source_map = last.size() > 4 && last.compare(last.size() - 4, 4, ".map") == 0;
  if (!suspicious && !source_map && path.size() > 1) {
    std::error_code ec;
    const fs::path candidate = fs::weakly_canonical(root_ / path.substr(1), ec);
    const auto [root_end, _] =
        std::mismatch(root_.begin(), root_.end(), candidate.begin(), candidate.end());
    if (!ec && root_end == root_.end() && fs::is_regular_file(candidate, ec)) {
      const bool hashed = path.rfind("/assets/", 0) == 0;
      if (auto response = File(candidate, hashed, accepts_gzip)) return *response;
    }
  }
  // A missing file with an extension is a missing asset, not an app page.
  if (suspicious || last.find('.') != std::string::npos) {
    return {404, "text/plain; charset=utf-8", "Not found\n", {}};
  }
  if (auto index = File(root_ / "index.html", false, accepts_gzip)) return *index;
  return {404, "text/plain; charset=utf-8", "Not found\n", {}};
}

}  // namespace copydesk::http
