#include "convert/export.hpp"

#include <zip.h>

#include <boost/json/parse.hpp>
#include <charconv>
#include <fstream>
#include <map>
#include <set>

#include "content/contents.hpp"
#include "content/variants.hpp"
#include "core/text.hpp"
#include "files/file_type.hpp"
#include "storage/exports_store.hpp"
#include "storage/files_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/views_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::convert {

namespace json = boost::json;

namespace {

constexpr std::uint64_t kMaxReferenceBytes = 20u << 20;

Error RevisionNotFound(std::string detail) {
  return {ErrorKind::kNotFound, std::move(detail), {{"revision", "does not exist"}}};
}

// A content at a revision, ready to render, with what its index line says.
struct Gathered {
  ExportDocument doc;
  content::ContentView view;
  std::filesystem::path reference;  //!< the workspace's reference document, when it fits
  std::string reference_format;
};

std::string FileName(const std::string& title, std::int64_t revision, ExportFormat format) {
  return Slugify(title) + "-r" + std::to_string(revision) + "." + std::string(ExtensionOf(format));
}

// The .docx or .odt a file is, from its bytes: a zip holding a Word document, or an
// OpenDocument text (its first entry says so).
std::optional<std::string> OfficeFormat(const std::string& path) {
  int err = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (archive == nullptr) return std::nullopt;
  std::optional<std::string> format;
  if (zip_name_locate(archive, "word/document.xml", 0) >= 0) {
    format = "docx";
  } else if (zip_file_t* f = zip_fopen(archive, "mimetype", 0)) {
    char buffer[64] = {};
    const auto n = zip_fread(f, buffer, sizeof buffer - 1);
    zip_fclose(f);
    if (n > 0 && std::string_view(buffer, static_cast<std::size_t>(n)) ==
                     "application/vnd.oasis.opendocument.text")
      format = "odt";
  }
  zip_discard(archive);
  return format;
}

std::string CsvCell(std::string text) {
  // A cell a spreadsheet would run as a formula is written as text.
  if (StartsLikeSpreadsheetFormula(text)) text.insert(0, "'");
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A saved view's filters (as stored) as the filter every screen shares.
storage::ContentFilter ViewFilter(const std::string& filters_json) {
  storage::ContentFilter filter;
  std::error_code ec;
  auto parsed = json::parse(filters_json, ec);
  if (ec || !parsed.is_object()) return filter;
  for (const auto& member : parsed.as_object()) {
    for (const auto& list : storage::kContentFilterLists) {
      if (member.key() != list.name || !member.value().is_array()) continue;
      for (const auto& v : member.value().as_array())
        if (v.is_string()) (filter.*list.member).emplace_back(v.as_string());
    }
    for (const auto& bound : storage::kContentFilterBounds) {
      if (member.key() == bound.name && member.value().is_string())
        filter.*bound.member = ParseTime(std::string_view(member.value().as_string()));
    }
    if (member.key() == storage::kContentFilterArchived && member.value().is_bool())
      filter.archived = member.value().as_bool();
  }
  return filter;
}

}  // namespace

Result<RevisionChoice> ParseRevisionChoice(const std::optional<std::string>& text) {
  RevisionChoice choice;
  if (!text || text->empty() || *text == "current") return choice;
  if (*text == "validated") {
    choice.kind = RevisionChoice::Kind::kValidated;
    return choice;
  }
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size() || n < 1)
    return Error::InvalidField("revision",
                               "must be one of current, validated or a revision number");
  choice.kind = RevisionChoice::Kind::kNumber;
  choice.number = n;
  return choice;
}

namespace {

Result<Gathered> Gather(storage::Database& db, files::BlobStore& blobs, const auth::Actor& actor,
                        const std::string& id, const RevisionChoice& choice) {
  content::Contents contents(db);
  auto view = contents.Get(actor, id);
  if (!view) return std::move(view).error();
  std::int64_t number = view->content.revision;
  if (choice.kind == RevisionChoice::Kind::kNumber) number = choice.number;
  if (choice.kind == RevisionChoice::Kind::kValidated) {
    if (!view->approvals.validated_revision)
      return RevisionNotFound("No revision of this content holds every approval asked.");
    number = *view->approvals.validated_revision;
  }
  auto revision = contents.Revision(actor, id, number);
  if (!revision) {
    if (revision.error().kind == ErrorKind::kNotFound)
      return RevisionNotFound("This content has no revision " + std::to_string(number) + ".");
    return std::move(revision).error();
  }
  Gathered g;
  g.doc.title = revision->title;
  g.doc.language = view->content.language;
  g.doc.status = view->status ? view->status->name : "";
  g.doc.revision = revision->number;
  std::error_code ec;
  auto fields = json::parse(revision->fields_json, ec);
  const json::object none;
  const json::object& values = !ec && fields.is_object() ? fields.as_object() : none;
  for (const auto& def : view->fields) {
    const auto* value = values.if_contains(def.key);
    g.doc.fields.push_back({def.label, def.kind, value ? *value : json::value(nullptr)});
  }
  auto files = json::parse(revision->attachments_json, ec);
  if (!ec && files.is_array()) {
    for (const auto& item : files.as_array()) {
      if (!item.is_object()) continue;
      const auto* sha = item.as_object().if_contains("sha256");
      const auto* name = item.as_object().if_contains("name");
      if (!sha || !sha->is_string()) continue;
      const std::string sha256(sha->as_string());
      const std::string file_name = name && name->is_string() ? std::string(name->as_string()) : "";
      auto path = blobs.LocalPath(sha256);
      if (!path) continue;
      auto type = files::DetectFileType(*path, file_name);
      if (!type || !files::IsInlineImage(type->mime)) continue;
      g.doc.images.push_back({file_name, type->mime, *path});
    }
  }
  {
    // The revision's variants, on the content's channels as they are now.
    storage::ContentRecord at = view->content;
    at.variants_json = revision->variants_json;
    const auto channels =
        db.Read([&](storage::Tx& tx) { return storage::ListChannels(tx, at.workspace_id); });
    g.doc.variants =
        ExportVariantsOf(content::VariantsOf(at, channels), revision->attachments_json);
  }
  auto reference = db.Read(
      [&](storage::Tx& tx) { return storage::FindExportTemplate(tx, view->content.workspace_id); });
  if (reference) {
    if (auto path = blobs.LocalPath(reference->sha256)) {
      g.reference = *path;
      g.reference_format = reference->format;
    }
  }
  g.view = std::move(*view);
  return g;
}

Result<std::string> RenderGathered(const Gathered& g, ExportFormat format) {
  const bool fits = (format == ExportFormat::kDocx && g.reference_format == "docx") ||
                    (format == ExportFormat::kOdt && g.reference_format == "odt");
  return RenderExport(g.doc, format, fits ? g.reference : std::filesystem::path{});
}

ReferenceDocument ReferenceOf(const storage::ExportTemplateRecord& t) {
  return {t.name, t.format, t.size, t.uploaded_at};
}

}  // namespace

Result<ExportedFile> Exports::Content(const auth::Actor& actor, const std::string& id,
                                      ExportFormat format, const RevisionChoice& revision) {
  auto gathered = Gather(db_, blobs_, actor, id, revision);
  if (!gathered) return std::move(gathered).error();
  auto bytes = RenderGathered(*gathered, format);
  if (!bytes) return std::move(bytes).error();
  return ExportedFile{FileName(gathered->doc.title, gathered->doc.revision, format),
                      std::string(MediaTypeOf(format)), std::move(*bytes)};
}

Result<ExportedFile> Exports::Collection(const auth::Actor& actor, const std::string& ws,
                                         const CollectionChoice& choice, ExportFormat format,
                                         search::Search& search, const ExportProgress& progress) {
  const std::string field = choice.project ? "project" : "view";
  // What the collection is, as the caller may see it.
  struct Found {
    storage::WorkspaceRecord workspace;
    std::string name;
    std::optional<storage::SavedViewRecord> view;
    std::map<std::string, std::string> channels;
  };
  auto found = db_.Read([&](storage::Tx& tx) -> Result<Found> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, auth::Action::kReadWorkspace);
    if (!access) return std::move(access).error();
    Found f{access->workspace, "", std::nullopt, {}};
    if (choice.project) {
      auto project = storage::FindProject(tx, f.workspace.id, *choice.project);
      if (!project)
        return Error{ErrorKind::kNotFound, "No such project.", {{"project", "does not exist"}}};
      f.name = project->name;
    } else {
      auto view = storage::FindSavedView(tx, f.workspace.id, *choice.view);
      if (!view || (!view->shared && view->author_id != actor.user.id))
        return Error{ErrorKind::kNotFound, "No such view.", {{"view", "does not exist"}}};
      f.name = view->name;
      f.view = std::move(view);
    }
    for (const auto& c : storage::ListChannels(tx, f.workspace.id)) f.channels[c.id] = c.name;
    return f;
  });
  if (!found) return std::move(found).error();

  // The contents, from the queries that apply the access rule themselves.
  std::vector<std::string> ids;
  content::Contents contents(db_);
  const bool words = found->view && !Trim(found->view->q).empty();
  if (words) {
    search::SearchRequest request;
    static_cast<storage::ContentFilter&>(request) = ViewFilter(found->view->filters_json);
    request.q = found->view->q;
    request.spelling = false;
    request.facets = false;
    request.limit = 100;
    for (;;) {
      auto page = search.Find(actor, found->workspace.id, request);
      if (!page) return std::move(page).error();
      for (const auto& hit : page->items) ids.push_back(hit.id);
      if (page->items.empty() || static_cast<std::int64_t>(ids.size()) >= page->total) break;
      request.offset += request.limit;
    }
  } else {
    content::ListFilter filter;
    if (found->view)
      static_cast<storage::ContentFilter&>(filter) = ViewFilter(found->view->filters_json);
    if (choice.project) filter.projects = {*choice.project};
    filter.limit = 200;
    for (;;) {
      auto page = contents.List(actor, found->workspace.id, filter);
      if (!page) return std::move(page).error();
      for (const auto& item : page->items) ids.push_back(item.content.id);
      if (!page->next_cursor) break;
      filter.cursor = page->next_cursor;
    }
  }
  if (ids.size() > kMaxCollectionContents) {
    return Error::InvalidField(field, "holds " + std::to_string(ids.size()) +
                                          " contents; a .zip takes at most " +
                                          std::to_string(kMaxCollectionContents));
  }

  WorkFolder work;
  if (work.path().empty()) return Error::Internal("no temporary folder for the .zip");
  const auto zip_path = work.path() / "export.zip";
  int err = 0;
  zip_t* archive = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (archive == nullptr) return Error::Internal("libzip could not create the .zip");
  const auto add_file = [&](const std::string& name, const std::filesystem::path& path) -> bool {
    zip_source_t* source = zip_source_file(archive, path.c_str(), 0, -1);
    if (source == nullptr) return false;
    if (zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(source);
      return false;
    }
    return true;
  };

  std::string csv = "title,status,revision,language,channels,publish_at,file\r\n";
  std::string rows;
  std::set<std::string> names;
  std::size_t done = 0;
  for (const auto& id : ids) {
    auto gathered = Gather(db_, blobs_, actor, id, {});
    if (!gathered) {
      // Gone or no longer readable since the list was made: left out, as it would be now.
      if (gathered.error().kind == ErrorKind::kNotFound) continue;
      zip_discard(archive);
      return std::move(gathered).error();
    }
    auto bytes = RenderGathered(*gathered, format);
    if (!bytes) {
      zip_discard(archive);
      return std::move(bytes).error();
    }
    const auto& doc = gathered->doc;
    std::string name = FileName(doc.title, doc.revision, format);
    for (int n = 2; names.contains(name); ++n) {
      name = FileName(doc.title + "-" + std::to_string(n), doc.revision, format);
    }
    names.insert(name);
    const auto path = work.path() / ("file-" + std::to_string(done));
    std::ofstream(path, std::ios::binary) << *bytes;
    if (!add_file(name, path)) {
      zip_discard(archive);
      return Error::Internal("libzip could not add " + name);
    }
    const auto& c = gathered->view.content;
    std::string channels;
    for (const auto& channel_id : c.channel_ids) {
      if (!channels.empty()) channels += ", ";
      channels +=
          found->channels.contains(channel_id) ? found->channels.at(channel_id) : channel_id;
    }
    const std::string publish = c.publish_at ? FormatTime(*c.publish_at) : "";
    csv += CsvCell(doc.title) + "," + CsvCell(doc.status) + "," + std::to_string(doc.revision) +
           "," + CsvCell(doc.language) + "," + CsvCell(channels) + "," + CsvCell(publish) + "," +
           CsvCell(name) + "\r\n";
    rows += "<tr><td><a href=\"" + EscapeHtml(name) + "\">" + EscapeHtml(doc.title) +
            "</a></td><td>" + EscapeHtml(doc.status) + "</td><td>" + std::to_string(doc.revision) +
            "</td><td>" + EscapeHtml(doc.language) + "</td><td>" + EscapeHtml(channels) +
            "</td><td>" + EscapeHtml(publish) + "</td><td>" + EscapeHtml(name) + "</td></tr>\n";
    ++done;
    if (progress) progress(done, ids.size(), doc.title);
  }
  const std::string html =
      "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      EscapeHtml(found->name) + "</title>\n</head>\n<body>\n<h1>" + EscapeHtml(found->name) +
      "</h1>\n<table>\n<thead><tr><th>title</th><th>status</th><th>revision</th><th>language</th>"
      "<th>channels</th><th>publish_at</th><th>file</th></tr></thead>\n<tbody>\n" +
      rows + "</tbody>\n</table>\n</body>\n</html>\n";
  std::ofstream(work.path() / "index.csv", std::ios::binary) << csv;
  std::ofstream(work.path() / "index.html", std::ios::binary) << html;
  if (!add_file("index.csv", work.path() / "index.csv") ||
      !add_file("index.html", work.path() / "index.html")) {
    zip_discard(archive);
    return Error::Internal("libzip could not add the index");
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    return Error::Internal("libzip could not write the .zip");
  }
  std::ifstream in(zip_path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ExportedFile{Slugify(found->name) + ".zip", "application/zip", std::move(bytes)};
}

Result<ReferenceDocument> Exports::SetReference(const auth::Actor& actor, const std::string& ws,
                                                files::Upload upload) {
  if (auto bad = files::CheckFileName(upload.name); !bad) return std::move(bad).error();
  if (upload.path.empty() || upload.size == 0) return Error::InvalidField("file", "is empty");
  if (upload.size > kMaxReferenceBytes) return Error::InvalidField("file", "is larger than 20 MB");
  // Who may, before anything is stored.
  auto allowed = db_.Read([&](storage::Tx& tx) -> Result<storage::WorkspaceRecord> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, auth::Action::kManageSettings);
    if (!access) return std::move(access).error();
    return access->workspace;
  });
  if (!allowed) return std::move(allowed).error();
  const auto format = OfficeFormat(upload.path);
  if (!format) {
    return Error::InvalidField(
        "file", "is neither a Word (.docx) nor an OpenDocument (.odt) text document");
  }
  auto digest = files::DigestFile(upload.path);
  if (!digest) return std::move(digest).error();
  if (auto put = blobs_.Put(upload.path, digest->sha256); !put) return std::move(put).error();
  const TimeMs now = NowMs();
  storage::ExportTemplateRecord record{
      allowed->id,   upload.name, *format, digest->sha256, static_cast<std::int64_t>(digest->size),
      actor.user.id, now};
  return db_.Write([&](storage::Tx& tx) -> Result<ReferenceDocument> {
    storage::UpsertBlob(tx, record.sha256, record.size, now);
    storage::SaveExportTemplate(tx, record);
    return ReferenceOf(record);
  });
}

Result<ReferenceDocument> Exports::Reference(const auth::Actor& actor, const std::string& ws) {
  return db_.Read([&](storage::Tx& tx) -> Result<ReferenceDocument> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, auth::Action::kReadWorkspace);
    if (!access) return std::move(access).error();
    auto record = storage::FindExportTemplate(tx, access->workspace.id);
    if (!record) return Error::NotFound("This workspace has no reference document.");
    return ReferenceOf(*record);
  });
}

Result<void> Exports::RemoveReference(const auth::Actor& actor, const std::string& ws) {
  return db_.Write([&](storage::Tx& tx) -> Result<void> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, auth::Action::kManageSettings);
    if (!access) return std::move(access).error();
    if (!storage::DeleteExportTemplate(tx, access->workspace.id))
      return Error::NotFound("This workspace has no reference document.");
    return {};
  });
}

}  // namespace copydesk::convert
