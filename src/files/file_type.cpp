#include "files/file_type.hpp"

#include <magic.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "core/json_input.hpp"

namespace copydesk::files {

namespace {

// The allow-list: detected type → kind.
const std::map<std::string, std::string>& Allowed() {
  static const std::map<std::string, std::string> allowed = {
      {"image/jpeg", "image"},
      {"image/png", "image"},
      {"image/gif", "image"},
      {"image/webp", "image"},
      {"image/tiff", "image"},
      {"image/heic", "image"},
      {"image/heif", "image"},
      {"image/svg+xml", "image"},
      {"application/pdf", "pdf"},
      {"application/msword", "document"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"},
      {"application/vnd.oasis.opendocument.text", "document"},
      {"application/vnd.ms-excel", "spreadsheet"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "spreadsheet"},
      {"application/vnd.oasis.opendocument.spreadsheet", "spreadsheet"},
      {"application/vnd.ms-powerpoint", "presentation"},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "presentation"},
      {"application/vnd.oasis.opendocument.presentation", "presentation"},
      {"text/plain", "text"},
      {"text/csv", "text"},
      {"video/mp4", "video"},
      {"video/webm", "video"},
      {"video/quicktime", "video"},
  };
  return allowed;
}

// Office and OpenDocument formats are ZIP (or, for the old ones, OLE) containers; libmagic names
// the format only when the container's first entries say it. The extension then decides among
// the formats that container can hold.
const std::map<std::string, std::pair<std::string, std::string>>& ByExtension() {
  static const std::map<std::string, std::pair<std::string, std::string>> types = {
      {"docx",
       {"application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}},
      {"xlsx",
       {"application/zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
      {"pptx",
       {"application/zip",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"}},
      {"odt", {"application/zip", "application/vnd.oasis.opendocument.text"}},
      {"ods", {"application/zip", "application/vnd.oasis.opendocument.spreadsheet"}},
      {"odp", {"application/zip", "application/vnd.oasis.opendocument.presentation"}},
      {"doc", {"application/x-ole-storage", "application/msword"}},
      {"xls", {"application/x-ole-storage", "application/vnd.ms-excel"}},
      {"ppt", {"application/x-ole-storage", "application/vnd.ms-powerpoint"}},
  };
  return types;
}

std::string Extension(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return "";
  std::string ext = name.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// One magic cookie per thread: libmagic's are not safe to share, and loading one costs more
// than a detection.
magic_t Cookie() {
  struct Closer {
    void operator()(magic_set* m) const { magic_close(m); }
  };
  thread_local std::unique_ptr<magic_set, Closer> cookie = [] {
    // No MAGIC_COMPRESS: a compressed file is never opened to look inside.
    std::unique_ptr<magic_set, Closer> m(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR));
    if (m && magic_load(m.get(), nullptr) != 0) m.reset();
    return m;
  }();
  return cookie.get();
}

Error Refused(const std::string& mime) {
  Error e{ErrorKind::kUnsupportedMediaType,
          "This type of file (" + mime +
              ") is not accepted: send an image, a PDF, an Office or OpenDocument file, plain "
              "text, CSV or a video.",
          {{"file", "is not a type of file copydesk accepts"}}};
  return e;
}

}  // namespace

Result<std::string> DetectMime(const std::string& path) {
  magic_t cookie = Cookie();
  if (cookie == nullptr) return Error::Internal("libmagic cannot load its database");
  const char* found = magic_file(cookie, path.c_str());
  if (found == nullptr) return Error::Internal(std::string("libmagic: ") + magic_error(cookie));
  return std::string(found);
}

Result<FileType> DetectFileType(const std::string& path, const std::string& name) {
  auto detected = DetectMime(path);
  if (!detected) return std::move(detected).error();
  std::string mime = std::move(*detected);
  if (mime == "application/CDFV2" || mime == "application/vnd.ms-office") {
    mime = "application/x-ole-storage";
  }
  if (mime == "application/csv") mime = "text/csv";
  if (auto it = ByExtension().find(Extension(name));
      it != ByExtension().end() && it->second.first == mime) {
    mime = it->second.second;
  }
  const auto allowed = Allowed().find(mime);
  if (allowed == Allowed().end()) return Refused(mime);
  return FileType{mime, allowed->second};
}

Result<void> CheckFileName(const std::string& name) {
  const auto bad = [](const std::string& why) { return Error::InvalidField("name", why); };
  if (name.empty()) return bad("is required");
  if (!IsValidUtf8(name)) return bad("is not valid UTF-8");
  const auto characters = std::count_if(name.begin(), name.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (characters > 255) return bad("is longer than 255 characters");
  if (name == "." || name == "..") return bad("is not a file name");
  for (unsigned char c : name) {
    if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f)
      return bad("has a slash, a backslash or a control character");
  }
  return {};
}

bool IsInlineImage(const std::string& mime) {
  return mime == "image/jpeg" || mime == "image/png" || mime == "image/gif" || mime == "image/webp";
}

bool HasRenditions(const std::string& mime) {
  return IsInlineImage(mime) || mime == "image/tiff" || mime == "image/heic" ||
         mime == "image/heif" || mime == "application/pdf";
}

}  // namespace copydesk::files
