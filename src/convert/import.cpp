#include "convert/import.hpp"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstring>
#include <fstream>
#include <functional>
#include <set>

#include "collab/anchors.hpp"
#include "collab/comments.hpp"
#include "content/files.hpp"
#include "convert/slots.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "files/file_type.hpp"
#include "storage/contents_store.hpp"
#include "storage/settings_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::convert {

namespace json = boost::json;
namespace fs = std::filesystem;
using storage::Tx;

namespace {

// ---- pandoc --------------------------------------------------------------------------------

Error Unreadable() {
  return Error::InvalidField("file", "This file is damaged and could not be read.");
}

Error ToolFailed(const ToolError& e, const char* step) {
  switch (e.failure) {
    case ToolFailure::kMissing: {
      Error out{ErrorKind::kUnavailable, "Documents cannot be imported: pandoc is not installed."};
      out.log = "pandoc is not on PATH";
      return out;
    }
    case ToolFailure::kTimedOut:
      return Error::InvalidField("file", "This document took too long to convert.");
    case ToolFailure::kTooLarge:
      return Error::InvalidField("file",
                                 "This document converts to more text than one content holds.");
    case ToolFailure::kFailed: {
      Error out = Unreadable();
      out.log = std::string("pandoc (") + step + "): " + e.err;
      return out;
    }
    case ToolFailure::kSystem:
      break;
  }
  return Error::Internal(std::string("pandoc (") + step + "): " + e.err);
}

const char* ReaderOf(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kDocx:
      return "docx";
    case DocumentFormat::kOdt:
      return "odt";
    case DocumentFormat::kHtml:
      return "html";
    case DocumentFormat::kMarkdown:
      break;
  }
  // Markdown as GitHub and copydesk write it; a YAML front matter gives the title and language.
  return "gfm+yaml_metadata_block";
}

// pandoc with its heap capped (RLIMIT_AS breaks GHC programs) and --sandbox: a document names
// files and URLs (images, includes), and pandoc must read none of them.
Result<std::string> Pandoc(std::vector<std::string> args, std::string_view input,
                           const ConvertOptions& options, const fs::path& folder,
                           const char* step) {
  std::vector<std::string> argv = {"pandoc", "--sandbox"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"+RTS", "-M" + std::to_string(options.heap_megabytes) + "m", "-RTS"});
  auto run = RunTool(argv, input, options.limits, folder);
  if (!run.ok) return ToolFailed(run.error, step);
  return std::move(run.output.out);
}

Result<json::object> ParseAst(const std::string& text) {
  std::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object() || !v.as_object().contains("blocks"))
    return Error::Internal("pandoc wrote JSON that is not a document");
  return std::move(v.as_object());
}

// ---- the pandoc AST ---------------------------------------------------------------------------
// Elements are {"t": "Para", "c": …}; their children sit anywhere in "c"'s nested arrays.

std::string_view Tag(const json::value& v) {
  if (!v.is_object()) return {};
  const auto* t = v.as_object().if_contains("t");
  return t && t->is_string() ? std::string_view(t->as_string()) : std::string_view();
}

const json::value* Contents(const json::value& v) {
  return v.as_object().if_contains("c");
}

// [id, [classes], [[key, value]]]
bool HasClass(const json::value& attr, std::string_view cls) {
  if (!attr.is_array() || attr.as_array().size() < 2 || !attr.as_array()[1].is_array())
    return false;
  for (const auto& c : attr.as_array()[1].as_array())
    if (c.is_string() && c.as_string() == cls) return true;
  return false;
}

std::string AttrValue(const json::value& attr, std::string_view key) {
  if (!attr.is_array() || attr.as_array().size() < 3 || !attr.as_array()[2].is_array()) return {};
  for (const auto& kv : attr.as_array()[2].as_array()) {
    if (kv.is_array() && kv.as_array().size() == 2 && kv.as_array()[0].is_string() &&
        kv.as_array()[0].as_string() == key && kv.as_array()[1].is_string())
      return std::string(kv.as_array()[1].as_string());
  }
  return {};
}

// A Span's attributes and inlines, when `v` is one.
const json::array* SpanParts(const json::value& v, const json::value** attr) {
  if (Tag(v) != "Span") return nullptr;
  const auto* c = Contents(v);
  if (!c || !c->is_array() || c->as_array().size() != 2 || !c->as_array()[1].is_array())
    return nullptr;
  *attr = &c->as_array()[0];
  return &c->as_array()[1].as_array();
}

bool IsBlockBreak(std::string_view tag) {
  return tag == "Para" || tag == "Plain" || tag == "Header" || tag == "CodeBlock";
}

// Visits every element in document order; `visit` returns false to skip an element's children.
void Walk(const json::value& v, const std::function<bool(const json::value&)>& visit) {
  if (v.is_array()) {
    for (const auto& item : v.as_array()) Walk(item, visit);
  } else if (v.is_object()) {
    if (Tag(v).empty()) return;
    if (!visit(v)) return;
    if (const auto* c = Contents(v)) Walk(*c, visit);
  }
}

void WalkMutable(json::value& v, const std::function<bool(json::value&)>& visit) {
  if (v.is_array()) {
    for (auto& item : v.as_array()) WalkMutable(item, visit);
  } else if (v.is_object()) {
    if (Tag(v).empty()) return;
    if (!visit(v)) return;
    if (auto* c = v.as_object().if_contains("c")) WalkMutable(*c, visit);
  }
}

// The text of inlines or blocks as a reader sees it; deleted passages (tracked) and notes left
// out.
std::string PlainText(const json::value& v) {
  std::string out;
  Walk(v, [&](const json::value& e) {
    const auto tag = Tag(e);
    const auto* c = Contents(e);
    if (tag == "Str" && c && c->is_string()) {
      out += c->as_string();
    } else if (tag == "Space" || tag == "SoftBreak" || tag == "LineBreak") {
      out += ' ';
    } else if ((tag == "Code" || tag == "Math") && c && c->is_array() &&
               c->as_array().size() == 2 && c->as_array()[1].is_string()) {
      out += c->as_array()[1].as_string();
      return false;
    } else if (tag == "Note" || tag == "RawInline" || tag == "RawBlock") {
      return false;
    } else if (tag == "Span" && c && c->is_array() && !c->as_array().empty() &&
               (HasClass(c->as_array()[0], "deletion") ||
                HasClass(c->as_array()[0], "comment-start"))) {
      return false;
    } else if (tag == "Quoted" && c && c->is_array() && c->as_array().size() == 2) {
      const bool single = Tag(c->as_array()[0]) == "SingleQuote";
      out += single ? "‘" : "“";
      out += PlainText(c->as_array()[1]);
      out += single ? "’" : "”";
      return false;
    }
    return true;
  });
  return std::string(Trim(out));
}

std::string MetaText(const json::object& meta, std::string_view key) {
  const auto* v = meta.if_contains(key);
  if (!v || !v->is_object()) return {};
  const auto tag = Tag(*v);
  const auto* c = Contents(*v);
  if (!c) return {};
  if (tag == "MetaString" && c->is_string()) return std::string(Trim(c->as_string()));
  if (tag == "MetaInlines" || tag == "MetaBlocks") return PlainText(*c);
  return {};
}

// ---- tracked changes and comments (the AST read with --track-changes=all) --------------------

struct Review {
  TrackedChanges tracked;
  std::vector<ImportedComment> comments;
};

Review ReadReview(const json::object& ast) {
  Review out;
  std::map<std::string, std::size_t> open;  // comment id → index in out.comments
  std::function<void(const json::value&)> visit;
  const auto append = [&](std::string_view text) {
    for (auto& [id, index] : open) out.comments[index].quote += text;
  };
  visit = [&](const json::value& v) {
    if (v.is_array()) {
      for (const auto& item : v.as_array()) visit(item);
      return;
    }
    const auto tag = Tag(v);
    if (tag.empty()) return;
    const auto* c = Contents(v);
    const json::value* attr = nullptr;
    if (const auto* inlines = SpanParts(v, &attr)) {
      if (HasClass(*attr, "insertion")) ++out.tracked.insertions;
      if (HasClass(*attr, "deletion")) {
        ++out.tracked.deletions;
        return;  // accepted: the passage no longer holds it
      }
      if (HasClass(*attr, "comment-start")) {
        ImportedComment comment{AttrValue(*attr, "author"), AttrValue(*attr, "date"),
                                PlainText(json::value(*inlines)), ""};
        open[AttrValue(*attr, "id")] = out.comments.size();
        out.comments.push_back(std::move(comment));
        return;
      }
      if (HasClass(*attr, "comment-end")) {
        open.erase(AttrValue(*attr, "id"));
        return;
      }
      visit(json::value(*inlines));
      return;
    }
    if (tag == "Str" && c && c->is_string()) {
      append(c->as_string());
    } else if (tag == "Space" || tag == "SoftBreak" || tag == "LineBreak") {
      append(" ");
    } else if (tag == "Note") {
      return;
    } else if (c) {
      visit(*c);
    }
    if (IsBlockBreak(tag)) append("\n\n");
  };
  visit(ast.at("blocks"));
  for (auto& comment : out.comments) comment.quote = std::string(Trim(comment.quote));
  return out;
}

// ---- the text ---------------------------------------------------------------------------------

bool IsInside(const fs::path& file, const fs::path& folder) {
  std::error_code ec;
  const auto canonical = fs::weakly_canonical(file, ec);
  if (ec) return false;
  const auto root = fs::weakly_canonical(folder, ec);
  if (ec) return false;
  auto [end, _] = std::mismatch(root.begin(), root.end(), canonical.begin(), canonical.end());
  return end == root.end();
}

std::string Stem(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// An image inline in the document (`data:image/png;base64,…`) written to `dir` as
// "inline-<n>.<ext>"; its path relative to `dir`'s parent, or nullopt for anything but a
// base64 raster image of a type copydesk keeps.
std::optional<std::string> WriteDataUri(const std::string& uri, const fs::path& dir,
                                        std::size_t n) {
  static const std::pair<const char*, const char*> kTypes[] = {{"data:image/png;base64,", "png"},
                                                               {"data:image/jpeg;base64,", "jpg"},
                                                               {"data:image/gif;base64,", "gif"},
                                                               {"data:image/webp;base64,", "webp"}};
  for (const auto& [prefix, ext] : kTypes) {
    if (uri.rfind(prefix, 0) != 0) continue;
    std::string payload = uri.substr(std::strlen(prefix));
    std::erase_if(payload, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (payload.empty() || payload.size() % 4 != 0 || payload.size() > (40u << 20)) return {};
    std::string bytes(payload.size() / 4 * 3, '\0');
    const int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                        reinterpret_cast<const unsigned char*>(payload.data()),
                                        static_cast<int>(payload.size()));
    if (decoded < 0) return {};
    // EVP_DecodeBlock counts the padding as bytes: take it off.
    std::size_t size = static_cast<std::size_t>(decoded);
    if (payload.ends_with("=="))
      size -= 2;
    else if (payload.ends_with("="))
      size -= 1;
    bytes.resize(size);
    std::error_code ec;
    fs::create_directories(dir, ec);
    const std::string name = "inline-" + std::to_string(n) + "." + ext;
    std::ofstream out(dir / name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return {};
    return (dir.filename() / name).string();
  }
  return {};
}

// Images the document carries become files of the content; an image the text only points to on
// the web stays a link to it; any other (a path on the author's disk) cannot be shown.
void TakeImages(json::value& blocks, const fs::path& folder, const std::string& stem,
                ConvertedDocument& doc) {
  std::int64_t dropped = 0;
  WalkMutable(blocks, [&](json::value& e) {
    if (Tag(e) != "Image") return true;
    auto& c = e.as_object()["c"];
    if (!c.is_array() || c.as_array().size() != 3 || !c.as_array()[2].is_array() ||
        c.as_array()[2].as_array().empty() || !c.as_array()[2].as_array()[0].is_string())
      return false;
    auto& url = c.as_array()[2].as_array()[0];
    std::string target(url.as_string());
    if (target.rfind("https://", 0) == 0 || target.rfind("http://", 0) == 0) return false;
    if (target.rfind("data:", 0) == 0) {
      // pandoc 2.17 extracts no image an HTML page carries inline: write it out ourselves.
      if (auto written = WriteDataUri(target, folder / "media", doc.images.size() + 1))
        target = *written;
    }
    const fs::path file = folder / target;
    std::error_code ec;
    if (target.find("://") == std::string::npos && IsInside(file, folder / "media") &&
        fs::is_regular_file(file, ec)) {
      ImportedImage image;
      image.path = fs::weakly_canonical(file).string();
      const auto ext = file.extension().string();
      image.name = stem + "-" + std::to_string(doc.images.size() + 1) + ext;
      image.alt = PlainText(c.as_array()[1]);
      image.media_id = NewId();
      url = "/api/v1/media/" + image.media_id + "/file";
      doc.images.push_back(std::move(image));
      return false;
    }
    // Not a file the document holds: keep its description as text.
    ++dropped;
    json::array alt = c.as_array()[1].is_array() ? c.as_array()[1].as_array() : json::array{};
    e = json::object{{"t", "Span"},
                     {"c", json::array{json::array{"", json::array{}, json::array{}}, alt}}};
    return false;
  });
  if (dropped > 0)
    doc.warnings.push_back(std::to_string(dropped) +
                           " image(s) pointed to files outside the document and were left out; "
                           "their descriptions were kept.");
}

// Markdown as copydesk's editor writes it has no footnotes: each becomes a numbered mark in the
// text and a numbered note at the end, so that nothing the author wrote is lost.
void TakeNotes(json::array& blocks, ConvertedDocument& doc) {
  json::array notes;
  json::value wrapped(std::move(blocks));
  WalkMutable(wrapped, [&](json::value& e) {
    if (Tag(e) != "Note") return true;
    auto* c = e.as_object().if_contains("c");
    notes.push_back(c && c->is_array() ? *c : json::array{});
    e = json::object{{"t", "Str"}, {"c", "[" + std::to_string(notes.size()) + "]"}};
    return false;
  });
  blocks = std::move(wrapped.as_array());
  if (notes.empty()) return;
  const auto count = notes.size();
  blocks.push_back(json::object{{"t", "HorizontalRule"}});
  blocks.push_back(json::object{{"t", "OrderedList"},
                                {"c", json::array{json::array{1, json::object{{"t", "Decimal"}},
                                                              json::object{{"t", "Period"}}},
                                                  std::move(notes)}}});
  doc.warnings.push_back(
      std::to_string(count) +
      " footnote(s) were kept as numbered notes at the end of the text: copydesk texts have no "
      "footnotes.");
}

// pandoc pads list markers to four columns ("-   item"); the editor writes "- item". The same
// list either way, but the editor's form keeps the first save after an import from rewriting
// every list line (a diff of nothing).
std::string TidyListMarkers(const std::string& markdown) {
  std::string out;
  out.reserve(markdown.size());
  bool fenced = false;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    auto end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    std::string line = markdown.substr(start, end - start);
    const auto indent = line.find_first_not_of(' ');
    if (indent != std::string::npos &&
        (line.compare(indent, 3, "```") == 0 || line.compare(indent, 3, "~~~") == 0))
      fenced = !fenced;
    if (!fenced && indent != std::string::npos) {
      std::size_t marker = indent;
      if (line[marker] == '-' || line[marker] == '*' || line[marker] == '+') {
        ++marker;
      } else {
        while (marker < line.size() && std::isdigit(static_cast<unsigned char>(line[marker])))
          ++marker;
        if (marker == indent || marker >= line.size() ||
            (line[marker] != '.' && line[marker] != ')'))
          marker = std::string::npos;
        else
          ++marker;
      }
      if (marker != std::string::npos && marker + 2 < line.size() &&
          line.compare(marker, 2, "  ") == 0) {
        const auto text = line.find_first_not_of(' ', marker);
        if (text != std::string::npos) line.erase(marker + 1, text - marker - 1);
      }
    }
    out += line;
    if (end < markdown.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

std::optional<std::string> LanguageOf(const json::object& meta) {
  auto lang = MetaText(meta, "lang");
  for (auto& ch : lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (lang.rfind("fr", 0) == 0) return "fr";
  if (lang.rfind("en", 0) == 0) return "en";
  return std::nullopt;
}

}  // namespace

// ---- ConvertDocument ---------------------------------------------------------------------------

Result<ConvertedDocument> ConvertDocument(const std::string& path, const std::string& name,
                                          const fs::path& folder, const ConvertOptions& options) {
  auto checked = CheckDocument(path, name, options.package);
  if (!checked) return std::move(checked).error();
  ConvertedDocument doc;
  doc.format = checked->format;
  doc.not_kept = std::move(checked->not_kept);
  const std::string reader = ReaderOf(doc.format);
  const std::string input = fs::absolute(path).string();

  if (doc.format == DocumentFormat::kDocx) {
    auto all = Pandoc({"-f", reader, "--track-changes=all", "-t", "json", input}, "", options,
                      folder, "review");
    if (!all) return std::move(all).error();
    auto ast = ParseAst(*all);
    if (!ast) return std::move(ast).error();
    auto review = ReadReview(*ast);
    doc.tracked = review.tracked;
    doc.comments = std::move(review.comments);
  }

  std::vector<std::string> args = {"-f", reader};
  if (doc.format == DocumentFormat::kDocx) args.push_back("--track-changes=accept");
  args.insert(args.end(), {"--extract-media=.", "-t", "json", input});
  auto accepted = Pandoc(args, "", options, folder, "read");
  if (!accepted) return std::move(accepted).error();
  auto ast = ParseAst(*accepted);
  if (!ast) return std::move(ast).error();
  const json::object meta =
      (*ast)["meta"].is_object() ? (*ast)["meta"].as_object() : json::object{};
  auto& blocks = (*ast)["blocks"].as_array();

  // Title: the document's own, else its first heading (then no longer in the body), else the
  // file's name.
  doc.title = MetaText(meta, "title");
  doc.title_from = "metadata";
  if (doc.title.empty() && checked->title) {
    // An OpenDocument title pandoc does not read: the first paragraph shows it (Title style).
    doc.title = *checked->title;
    if (!blocks.empty() && Tag(blocks.front()) == "Para" && PlainText(blocks.front()) == doc.title)
      blocks.erase(blocks.begin());
  }
  if (doc.title.empty()) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (Tag(blocks[i]) != "Header") continue;
      const auto& c = Contents(blocks[i])->as_array();
      doc.title = PlainText(c.size() == 3 ? c[2] : json::value());
      if (doc.title.empty()) continue;
      doc.title_from = "heading";
      blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  if (doc.title.empty()) {
    doc.title = Stem(name);
    doc.title_from = "file_name";
  }
  doc.language = LanguageOf(meta);

  const std::string stem = Slugify(Stem(name)).empty() ? "image" : Slugify(Stem(name));
  json::value all_blocks(std::move(blocks));
  TakeImages(all_blocks, folder, stem, doc);
  json::array body = std::move(all_blocks.as_array());

  if (options.lead && !body.empty() && Tag(body.front()) == "Para") {
    auto lead = PlainText(body.front());
    // A paragraph holding only an image is not a lead.
    if (!lead.empty()) {
      doc.lead = std::move(lead);
      body.erase(body.begin());
    }
  }
  TakeNotes(body, doc);

  json::object out{{"pandoc-api-version", (*ast)["pandoc-api-version"]},
                   {"meta", json::object{}},
                   {"blocks", std::move(body)}};
  auto markdown = Pandoc({"-f", "json", "-t", "gfm-raw_html", "--wrap=none"}, json::serialize(out),
                         options, folder, "write");
  if (!markdown) return std::move(markdown).error();
  doc.body = TidyListMarkers(std::string(Trim(*markdown)));
  return doc;
}

// ---- ConversionFolder ------------------------------------------------------------------------

ConversionFolder::ConversionFolder(const fs::path& root) {
  fs::create_directories(root);
  path_ = root / ("import-" + NewId());
  fs::create_directory(path_);
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::replace);
}

ConversionFolder::~ConversionFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

// ---- Importer ----------------------------------------------------------------------------------

//! Where an import goes: a new content of a type, or a new revision of a content.
struct Importer::Target {
  std::optional<std::string> workspace;  //!< a new content in this workspace
  std::string type_id;
  std::optional<std::string> language;
  std::optional<std::string> content_id;  //!< a new revision of this content
  std::int64_t version = 0;
  bool has_lead = false;
};

namespace {

bool HasField(const std::vector<workspace::FieldDef>& defs, std::string_view key) {
  return std::any_of(defs.begin(), defs.end(), [&](const auto& f) { return f.key == key; });
}

// The first `n` characters of valid UTF-8.
std::string FirstCharacters(const std::string& text, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == n)
      return text.substr(0, i);
  }
  return text;
}

// The importing person's words around a Word comment: who wrote it in Word, and what.
std::string CommentBody(const ImportedComment& c) {
  std::string author = c.author.empty() ? std::string("Word") : c.author + " (Word)";
  std::string text = c.text.empty() ? std::string("(no text)") : c.text;
  return author + ": " + text;
}

// The passage as it can be found in the stored text: the whole quote, else its first line.
std::optional<std::pair<std::string, std::string>> FindPassage(const ConvertedDocument& doc,
                                                               const std::string& quote) {
  std::vector<std::string> tries = {quote};
  if (auto nl = quote.find('\n'); nl != std::string::npos) tries.push_back(quote.substr(0, nl));
  for (const auto& q : tries) {
    if (q.empty() || CountCharacters(q) > collab::kMaxQuoteChars) continue;
    if (!collab::FindQuote(doc.body, q).empty()) return std::pair{std::string("body"), q};
    if (doc.lead && !collab::FindQuote(*doc.lead, q).empty())
      return std::pair{std::string("lead"), q};
    if (!collab::FindQuote(doc.title, q).empty()) return std::pair{std::string("title"), q};
  }
  return std::nullopt;
}

}  // namespace

Importer::Importer(storage::Database& db, content::Contents& contents, files::Files& files,
                   files::BlobStore& store, fs::path tmp_root)
    : db_(db), contents_(contents), files_(files), store_(store), tmp_root_(std::move(tmp_root)) {
  std::error_code ec;
  const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : fs::directory_iterator(tmp_root_, ec)) {
    if (entry.path().filename().string().rfind("import-", 0) == 0 &&
        entry.last_write_time(ec) < an_hour_ago)
      fs::remove_all(entry.path(), ec);
  }
}

Result<ImportOutcome> Importer::ImportNew(const auth::Actor& actor, const std::string& ws,
                                          NewImport in) {
  if (in.language && *in.language != "fr" && *in.language != "en")
    return Error::InvalidField("language", "must be fr or en");
  // Who may not create a content, or names no type fit for a document, is told before anything
  // is converted.
  auto target = db_.Read([&](Tx& tx) -> Result<Target> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, auth::Action::kCreateContent);
    if (!access) return std::move(access).error();
    Target t;
    t.workspace = access->workspace.id;
    t.language = in.language;
    std::optional<storage::ContentTypeRecord> type;
    if (in.type) {
      type = storage::FindContentType(tx, access->workspace.id, *in.type);
      if (!type) return Error::InvalidField("type", "is not a content type of this workspace");
      if (!HasField(workspace::FieldDefsFromJson(type->fields_json), "body"))
        return Error::InvalidField("type", "has no body field to hold a document");
    } else {
      for (auto& candidate : storage::ListContentTypes(tx, access->workspace.id)) {
        if (HasField(workspace::FieldDefsFromJson(candidate.fields_json), "body")) {
          type = std::move(candidate);
          break;
        }
      }
      if (!type) return Error::InvalidField("type", "no content type of this workspace has a body");
    }
    t.type_id = type->id;
    t.has_lead = HasField(workspace::FieldDefsFromJson(type->fields_json), "lead");
    return t;
  });
  if (!target) return std::move(target).error();
  if (auto named = files::CheckFileName(in.upload.name); !named) return std::move(named).error();
  ConversionSlot slot;  // one conversion per core: the other requests keep their workers
  ConversionFolder folder(tmp_root_);
  ConvertOptions options;
  options.lead = target->has_lead;
  auto doc = ConvertDocument(in.upload.path, in.upload.name, folder.path(), options);
  if (!doc) return std::move(doc).error();
  return Write(actor, *target, std::move(*doc));
}

Result<ImportOutcome> Importer::ImportRevision(const auth::Actor& actor, const std::string& id,
                                               std::int64_t version, files::Upload upload) {
  auto target = db_.Read([&](Tx& tx) -> Result<Target> {
    auto c = content::ContentForFiles(tx, actor, id, true);
    if (!c) return std::move(c).error();
    if (version != c->version)
      return Error::Conflict("This content changed since version " + std::to_string(version) +
                                 " (it is at version " + std::to_string(c->version) +
                                 "). Nothing was imported: reload it and import again.",
                             {{"version", "is not the content's current version"}});
    auto type = storage::FindContentType(tx, c->workspace_id, c->type_id);
    const auto defs =
        type ? workspace::FieldDefsFromJson(type->fields_json) : std::vector<workspace::FieldDef>{};
    if (!HasField(defs, "body"))
      return Error::InvalidField("file",
                                 "This content's type has no body field to hold a document.");
    Target t;
    t.content_id = c->id;
    t.version = version;
    t.has_lead = HasField(defs, "lead");
    return t;
  });
  if (!target) return std::move(target).error();
  if (auto named = files::CheckFileName(upload.name); !named) return std::move(named).error();
  ConversionSlot slot;  // one conversion per core: the other requests keep their workers
  ConversionFolder folder(tmp_root_);
  ConvertOptions options;
  options.lead = target->has_lead;
  auto doc = ConvertDocument(upload.path, upload.name, folder.path(), options);
  if (!doc) return std::move(doc).error();
  return Write(actor, *target, std::move(*doc));
}

Result<ImportOutcome> Importer::Write(const auth::Actor& actor, const Target& target,
                                      ConvertedDocument doc) {
  ImportReport report;
  report.format = doc.format;
  report.title_from = doc.title_from;
  report.tracked = doc.tracked;
  report.not_kept = doc.not_kept;
  report.warnings = doc.warnings;

  content::ContentInput input;
  // A new revision keeps its title unless the document has one of its own (a file name is not).
  if (!target.content_id || doc.title_from != "file_name") {
    input.title = doc.title;
    report.fields.push_back("title");
  }
  json::object fields;
  if (doc.lead) {
    fields["lead"] = *doc.lead;
    report.fields.push_back("lead");
  }
  fields["body"] = doc.body;
  report.fields.push_back("body");
  input.fields = std::move(fields);
  if (target.workspace) {
    input.type = target.type_id;
    input.language = target.language ? target.language : doc.language;
  }

  // The stored files this import adds to the store, to take back out if the transaction fails
  // (a file already stored for something else stays).
  std::vector<std::string> added_blobs;
  const auto take_back = [&] {
    for (const auto& sha : added_blobs) store_.Remove(sha);
  };
  std::optional<Result<std::string>> outcome;
  try {
    outcome.emplace(db_.Write([&](Tx& tx) -> Result<std::string> {
      added_blobs.clear();
      const TimeMs now = NowMs();
      std::string content_id;
      if (target.workspace) {
        auto created = content::CreateContent(tx, actor, *target.workspace, std::move(input), now);
        if (!created) return std::move(created).error();
        content_id = created->content.id;
      } else {
        // Checked again inside the transaction: someone may have saved or locked it meanwhile.
        auto c = content::ContentForFiles(tx, actor, *target.content_id, true);
        if (!c) return std::move(c).error();
        if (c->version != target.version)
          return Error::Conflict(
              "This content changed while the document was converted. Nothing "
              "was imported: reload it and import again.",
              {{"version", "is not the content's current version"}});
        // A document is a whole new text: it starts a revision of its own (the one it replaces
        // stays in the history as it was), never folds into the person's open one.
        storage::SealRevision(tx, c->id, c->revision);
        auto updated =
            content::UpdateContent(tx, actor, c->id, target.version, std::move(input), now);
        if (!updated) return std::move(updated).error();
        content_id = c->id;
      }
      for (const auto& image : doc.images) {
        std::error_code ec;
        files::Upload upload{image.path, static_cast<std::uint64_t>(fs::file_size(image.path, ec)),
                             image.name};
        auto digest = files::DigestFile(image.path);
        if (!digest) return std::move(digest).error();
        const bool stored_before = store_.LocalPath(digest->sha256).has_value();
        auto attached = files_.AttachUploadIn(tx, actor, content_id, std::move(upload), image.alt,
                                              image.media_id);
        if (!attached) {
          Error e = std::move(attached).error();
          if (e.kind == ErrorKind::kUnsupportedMediaType) {
            // An image type copydesk does not take (an EMF drawing): say so and go on.
            report.warnings.push_back("The image " + image.name +
                                      " is of a type copydesk does not "
                                      "keep and was left out.");
            continue;
          }
          return e;
        }
        if (!stored_before) added_blobs.push_back(digest->sha256);
        ++report.images;
      }
      for (const auto& comment : doc.comments) {
        collab::CommentInput in;
        in.body = CommentBody(comment);
        if (auto passage = FindPassage(doc, comment.quote)) {
          in.anchor =
              collab::AnchorInput{passage->first, passage->second, std::nullopt, std::nullopt};
        } else if (!comment.quote.empty()) {
          in.body = *in.body + "\n\n> " + comment.quote;
          report.warnings.push_back(
              "A comment by " + (comment.author.empty() ? std::string("Word") : comment.author) +
              " could not be anchored to its passage; it quotes it instead.");
        }
        if (CountCharacters(*in.body) > collab::kMaxCommentChars) {
          in.body = FirstCharacters(*in.body, collab::kMaxCommentChars - 1) + "…";
          report.warnings.push_back("A Word comment longer than " +
                                    std::to_string(collab::kMaxCommentChars) +
                                    " characters was shortened.");
        }
        // A millisecond apart, so that the threads list in the document's order.
        auto created = collab::CreateComment(tx, actor, content_id, std::move(in),
                                             now + static_cast<TimeMs>(report.comments));
        if (!created) return std::move(created).error();
        ++report.comments;
      }
      return content_id;
    }));
  } catch (...) {
    take_back();  // the transaction rolled back: so do the files it stored
    throw;
  }
  auto& written = *outcome;
  if (!written) {
    take_back();
    return std::move(written).error();
  }
  auto view = contents_.Get(actor, *written);
  if (!view) return std::move(view).error();
  return ImportOutcome{std::move(*view), std::move(report)};
}

}  // namespace copydesk::convert
