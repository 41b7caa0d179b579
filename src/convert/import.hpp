#pragma once

// A Word, OpenDocument, Markdown or HTML document becomes a content (or a new revision of one):
// checked (document_check), converted by pandoc in a private folder under bounds, its images
// attached, its Word comments anchored to their passages, all written in one transaction.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "content/contents.hpp"
#include "convert/document_check.hpp"
#include "convert/tool.hpp"
#include "core/result.hpp"
#include "files/blob_store.hpp"
#include "files/files.hpp"
#include "storage/database.hpp"

namespace copydesk::convert {

//! An image the document holds, extracted to the conversion's folder.
struct ImportedImage {
  std::string path;      //!< the extracted file
  std::string name;      //!< what its attachment is called ("offre-1.png")
  std::string alt;       //!< its alternative text in the document
  std::string media_id;  //!< the library file it becomes, named before the text refers to it
};

//! A Word comment with the passage it was attached to.
struct ImportedComment {
  std::string author;
  std::string date;   //!< as Word recorded it (ISO 8601), possibly empty
  std::string text;   //!< the comment
  std::string quote;  //!< the commented passage, with tracked changes accepted
};

//! Insertions and deletions the document still tracked.
struct TrackedChanges {
  std::int64_t insertions = 0;
  std::int64_t deletions = 0;
};

//! A document converted to what a copydesk text holds, not yet written anywhere.
struct ConvertedDocument {
  DocumentFormat format = DocumentFormat::kMarkdown;
  std::string title;
  std::string title_from;               //!< "metadata", "heading" or "file_name"
  std::optional<std::string> lead;      //!< the first paragraph as plain text, when asked for
  std::string body;                     //!< Markdown, images pointing at their media files
  std::optional<std::string> language;  //!< "fr" or "en" when the document says it
  std::vector<ImportedImage> images;
  std::vector<ImportedComment> comments;
  TrackedChanges tracked;
  std::vector<NotKept> not_kept;
  std::vector<std::string> warnings;
};

//! How a conversion is bounded.
struct ConvertOptions {
  bool lead = false;  //!< take the first paragraph apart as the lead
  ToolLimits limits = [] {
    ToolLimits l;
    l.time = std::chrono::seconds(60);
    l.output_bytes = 64u << 20;
    l.file_bytes = 100u << 20;
    return l;
  }();
  std::size_t heap_megabytes = 1024;  //!< pandoc's GHC heap (+RTS -M)
  PackageLimits package;
};

//! Checks and converts the document at `path`, sent as `name`, working in `folder` (which must
//! exist and be private to this conversion; the caller removes it). Blocks: call it on a worker
//! thread, inside a ConversionSlot. 422 "file" for a document refused or that pandoc cannot
//! read, 503 when pandoc is not installed.
Result<ConvertedDocument> ConvertDocument(const std::string& path, const std::string& name,
                                          const std::filesystem::path& folder,
                                          const ConvertOptions& options = {});

//! A folder of its own under `root` for one conversion, removed with everything in it when the
//! guard goes, whatever happened.
class ConversionFolder {
 public:
  //! Creates `root/import-<random>` (mode 0700).
  explicit ConversionFolder(const std::filesystem::path& root);
  ~ConversionFolder();
  ConversionFolder(const ConversionFolder&) = delete;
  ConversionFolder& operator=(const ConversionFolder&) = delete;
  //! The folder.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

//! What an import did, as the person is told.
struct ImportReport {
  DocumentFormat format = DocumentFormat::kMarkdown;
  std::string title_from;
  std::vector<std::string> fields;  //!< "title", "lead", "body": what the document filled
  std::int64_t images = 0;          //!< attached
  std::int64_t comments = 0;        //!< created
  TrackedChanges tracked;           //!< all accepted
  std::vector<NotKept> not_kept;
  std::vector<std::string> warnings;
};

//! The content as the import left it, and the report.
struct ImportOutcome {
  content::ContentView content;
  ImportReport report;
};

//! A new content from a document: POST /workspaces/{ws}/imports.
struct NewImport {
  files::Upload upload;                 //!< the document as streamed to disk, and its name
  std::optional<std::string> type;      //!< key or id; default: the first type with a body field
  std::optional<std::string> language;  //!< fr or en; default: the document's, else the ws's
};

//! Imports documents into contents. Every import writes the content, its attachments and its
//! comments in one transaction: a failure leaves none of them (nor a stored file) behind.
class Importer {
 public:
  //! Conversions work in folders under `tmp_root` (the data folder's tmp, on the blob store's
  //! file system so that extracted images move into the store without a copy).
  //! Folders a crash left there for more than an hour are removed now (a conversion is bounded
  //! to minutes, and a command-line import may be running beside the server on the same folder).
  Importer(storage::Database& db, content::Contents& contents, files::Files& files,
           files::BlobStore& store, std::filesystem::path tmp_root);

  //! A new content in workspace `ws` (id or slug) from a document.
  Result<ImportOutcome> ImportNew(const auth::Actor& actor, const std::string& ws, NewImport in);
  //! A new revision of content `id` from a document, written on top of `version` (409 when the
  //! content moved on since: an import replaces the text, it is never merged).
  Result<ImportOutcome> ImportRevision(const auth::Actor& actor, const std::string& id,
                                       std::int64_t version, files::Upload upload);

 private:
  struct Target;
  Result<ImportOutcome> Write(const auth::Actor& actor, const Target& target,
                              ConvertedDocument doc);

  storage::Database& db_;
  content::Contents& contents_;
  files::Files& files_;
  files::BlobStore& store_;
  std::filesystem::path tmp_root_;
};

}  // namespace copydesk::convert
