#pragma once

// What a dropped document is, checked before any converter reads it: its type from its bytes
// against its name, and for the zip-based formats (docx, odt) the archive's table of contents —
// how much it would expand, whether it is encrypted, whether the parts a document needs are
// there — and what in it has no place in a copydesk text (embedded objects, macros, text boxes).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace copydesk::convert {

//! The document formats copydesk imports.
enum class DocumentFormat { kDocx, kOdt, kMarkdown, kHtml };

//! The API name of a format: "docx", "odt", "markdown", "html".
std::string_view FormatName(DocumentFormat format);

//! The format a file name's extension says (.docx, .odt, .md, .markdown, .html, .htm), any case.
std::optional<DocumentFormat> FormatOfName(std::string_view name);

//! Bounds on what an archive may expand to before anything inflates it.
struct PackageLimits {
  std::uint64_t total_bytes = 200ull << 20;  //!< all entries, uncompressed
  std::uint64_t entry_bytes = 100ull << 20;  //!< one entry, uncompressed
  std::int64_t entries = 5000;               //!< a long report has a few hundred
  //! Uncompressed / compressed, for entries over `ratio_from_bytes`: deflate cannot pass ~1030.
  double ratio = 1100;
  std::uint64_t ratio_from_bytes = 1u << 20;
  std::uint64_t text_bytes = 20u << 20;  //!< a .md or .html file
};

//! Something the document holds that a copydesk text cannot: listed to the person, never
//! silently dropped.
struct NotKept {
  std::string what;  //!< embedded_object, macro, text_box, chart, smart_art, field_code,
                     //!< table_header (an OpenDocument table's header rows, which pandoc drops)
  std::int64_t count = 0;
};

//! A document that passed the checks.
struct CheckedDocument {
  DocumentFormat format = DocumentFormat::kMarkdown;
  std::vector<NotKept> not_kept;
  //! The title an OpenDocument file's meta.xml gives (pandoc 2.17 does not read it).
  std::optional<std::string> title;
};

//! Checks the file at `path`, sent as `name`. Each refusal is a 422 naming field "file" with a
//! reason a person understands ("This document is password-protected").
Result<CheckedDocument> CheckDocument(const std::string& path, const std::string& name,
                                      const PackageLimits& limits = {});

}  // namespace copydesk::convert
