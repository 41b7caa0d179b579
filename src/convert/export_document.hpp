#pragma once

// A content's revision as a file: Markdown as written, a complete HTML document, .docx and .odt
// through pandoc (in the workspace's reference document's styles), and a PDF laid out for
// reading and printing through WeasyPrint. Only rendering lives here: what a person may export,
// and which revision, is decided by the caller (convert/export.*).

#include <boost/json/value.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/contents.hpp"
#include "core/result.hpp"
#include "workspace/content_type.hpp"

namespace copydesk::convert {

//! The formats a content exports to.
enum class ExportFormat { kMarkdown, kHtml, kDocx, kOdt, kPdf };

//! Parses "md", "html", "docx", "odt" or "pdf".
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
//! The file name extension of a format, without the dot ("docx").
std::string_view ExtensionOf(ExportFormat format);
//! The media type of a format's files.
std::string_view MediaTypeOf(ExportFormat format);

//! One field of the content type's template with its value at the exported revision.
struct ExportField {
  std::string label;
  workspace::FieldKind kind = workspace::FieldKind::kText;
  boost::json::value value;  //!< as stored: Markdown for rich text, a string, a number, an array
};

//! One image among the files the revision goes out with.
struct ExportImage {
  std::string name;            //!< its file name
  std::string mime;            //!< image/png, image/jpeg, …
  std::filesystem::path path;  //!< a local file with its bytes (the blob store's)
};

//! The cut of the text for one channel with a network, as the revision holds it.
struct ExportVariant {
  std::string channel;  //!< the channel's name ("X", "LinkedIn")
  std::vector<std::pair<std::string, std::string>> fields;  //!< label and text, network's order
  std::optional<std::string> visual;                        //!< the file name of its visual
};

//! The variants as exports show them: each field labelled, the visual by the file name the
//! revision's attachments (`attachments_json`) give it.
std::vector<ExportVariant> ExportVariantsOf(const std::vector<content::VariantView>& variants,
                                            const std::string& attachments_json);

//! What is rendered: a revision of a content, and what its readers see around it.
struct ExportDocument {
  std::string title;
  std::string language;  //!< "fr", "en": the document's language, and the page footer's
  std::string status;    //!< the workflow status's name ("" without a workflow)
  std::int64_t revision = 0;
  std::vector<ExportField> fields;      //!< in the template's order
  std::vector<ExportImage> images;      //!< in the attachments' order
  std::vector<ExportVariant> variants;  //!< its channel variants, in channel order
};

//! A private folder for one conversion's files, removed with everything in it when destroyed.
class WorkFolder {
 public:
  WorkFolder();
  ~WorkFolder();
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  //! The folder ("" when it could not be made).
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

//! The revision as Markdown: the title as a first-level heading, then each field with a value in
//! the template's order (rich text as written, other text escaped, other kinds as "Label: value"),
//! then its channel variants under "Channel variants" (one heading per channel), and, with
//! `with_images`, the images embedded as data: URIs.
std::string MarkdownOf(const ExportDocument& doc, bool with_images = false);

//! Renders `doc` as `format`. `reference_doc`, when set, is a .docx (or .odt) whose styles the
//! Word (or OpenDocument) file takes; it is ignored for the other formats. Runs pandoc and
//! WeasyPrint as bounded subprocesses, a few at a time (ConversionSlot): call it from a worker.
//! 503 when a converter is not installed.
Result<std::string> RenderExport(const ExportDocument& doc, ExportFormat format,
                                 const std::filesystem::path& reference_doc = {});

//! Markdown written by people, as an HTML fragment safe to lay out: no raw HTML, and no image
//! but those embedded as data: URIs (an image pointing at a file or a URL is replaced by its
//! description, so that no converter reads the server's files or fetches).
Result<std::string> MarkdownToHtml(std::string_view markdown);

//! A complete HTML document around `body_html`: the print style sheet, and the page margins'
//! title, status line (`margin_note`) and "page X of Y" in `language`.
std::string HtmlPage(std::string_view title, std::string_view language,
                     std::string_view margin_note, std::string_view body_html);

//! Lays out a complete HTML document as a PDF with WeasyPrint, with `attachments` (local files)
//! embedded in it as file attachments.
Result<std::string> HtmlToPdf(const std::string& html,
                              const std::vector<std::filesystem::path>& attachments = {});

}  // namespace copydesk::convert
