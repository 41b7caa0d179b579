#pragma once

// What an uploaded file is, from its bytes (libmagic), never from its name alone; and whether
// copydesk takes it.

#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace copydesk::files {

//! A file's type as detected, and the kind the library files it under.
struct FileType {
  std::string mime;  //!< "image/jpeg", "application/pdf", …
  std::string kind;  //!< image, pdf, document, spreadsheet, presentation, text, video, other
};

//! Detects the type of the file at `path` from its bytes. Containers that many formats share
//! (a ZIP, an OLE compound file) take the Office or OpenDocument type their `name` gives when
//! that type lives in such a container; they are stored, never opened. 415 (field "file") for a
//! type outside the allow-list: images, PDF, Office, OpenDocument, plain text, CSV, video.
Result<FileType> DetectFileType(const std::string& path, const std::string& name);

//! The type libmagic reads from the bytes of the file at `path`, as it says it
//! ("application/zip", "application/encrypted"), without the allow-list or the name: for
//! checks that must know what a container really is before anything opens it (imports).
Result<std::string> DetectMime(const std::string& path);

//! Checks an uploaded file's name: 1 to 255 characters of valid UTF-8, no '/', '\', NUL or
//! control characters, not "." or "..". 422 naming field "name".
Result<void> CheckFileName(const std::string& name);

//! True for the raster images a browser shows inline (never SVG).
bool IsInlineImage(const std::string& mime);

//! True for the types renditions are made of: raster images and PDF.
bool HasRenditions(const std::string& mime);

}  // namespace copydesk::files
