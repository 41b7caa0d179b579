#include "convert/document_check.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "core/json_input.hpp"
#include "files/file_type.hpp"

namespace copydesk::convert {
namespace {

constexpr std::uint64_t kScanBytes = 64u << 20;

Error Refuse(std::string reason) {
  return Error::InvalidField("file", std::move(reason));
}

Error Damaged() {
  return Refuse("This file is damaged and could not be read.");
}

Error Protected() {
  return Refuse("This document is password-protected.");
}

Error NotWhatItsNameSays(DocumentFormat format, std::string_view name) {
  const auto dot = name.rfind('.');
  const std::string ext(dot == std::string_view::npos ? name : name.substr(dot));
  const char* what = format == DocumentFormat::kDocx   ? "a Word document"
                     : format == DocumentFormat::kOdt  ? "an OpenDocument text"
                     : format == DocumentFormat::kHtml ? "an HTML page"
                                                       : "a Markdown text";
  return Refuse(std::string("This file is not ") + what + " although its name ends in " + ext +
                ".");
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Counts each of `patterns` in entry `name`, read a slice at a time (a document.xml can be large,
// and a lying header must not make us inflate more than we scan).
std::map<std::string, std::int64_t> CountIn(zip_t* z, const char* name,
                                            const std::vector<std::string>& patterns) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& p : patterns) counts[p] = 0;
  std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen(z, name, 0));
  if (!f) return counts;
  std::size_t overlap = 0;
  for (const auto& p : patterns) overlap = std::max(overlap, p.size());
  std::string window;
  std::vector<char> buffer(1 << 20);
  std::uint64_t read_total = 0;
  while (read_total < kScanBytes) {
    const auto n = zip_fread(f.get(), buffer.data(), buffer.size());
    if (n <= 0) break;
    read_total += static_cast<std::uint64_t>(n);
    // Keep the tail of the previous slice so that a pattern across the boundary is seen once:
    // only matches that end in the new bytes are counted.
    const std::size_t kept = window.size();
    window.append(buffer.data(), static_cast<std::size_t>(n));
    for (const auto& p : patterns) {
      const std::size_t from = kept >= p.size() ? kept - p.size() + 1 : 0;
      for (auto at = window.find(p, from); at != std::string::npos; at = window.find(p, at + 1))
        ++counts[p];
    }
    if (window.size() > overlap) window.erase(0, window.size() - overlap);
  }
  return counts;
}

std::string ReadSmall(zip_t* z, const char* name, std::size_t cap) {
  std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen(z, name, 0));
  std::string out;
  if (!f) return out;
  std::vector<char> buffer(64 << 10);
  while (out.size() < cap) {
    const auto n = zip_fread(f.get(), buffer.data(), buffer.size());
    if (n <= 0) break;
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return out;
}

void Add(std::vector<NotKept>& out, const char* what, std::int64_t count) {
  if (count > 0) out.push_back({what, count});
}

std::vector<NotKept> WordNotKept(zip_t* z, const std::vector<std::string>& names) {
  const std::vector<std::string> patterns = {"<w:object",
                                             "<wps:txbx",
                                             "<v:textbox",
                                             "<c:chart ",
                                             "<dgm:relIds",
                                             "<w:fldSimple",
                                             "w:fldCharType=\"begin\""};
  auto n = CountIn(z, "word/document.xml", patterns);
  std::vector<NotKept> out;
  Add(out, "embedded_object", n["<w:object"]);
  // Word writes a text box twice (DrawingML and its VML fallback): the larger count is the boxes.
  Add(out, "text_box", std::max(n["<wps:txbx"], n["<v:textbox"]));
  Add(out, "chart", n["<c:chart "]);
  Add(out, "smart_art", n["<dgm:relIds"]);
  Add(out, "field_code", n["<w:fldSimple"] + n["w:fldCharType=\"begin\""]);
  Add(out, "macro", std::count_if(names.begin(), names.end(), [](const std::string& name) {
        return name.ends_with("vbaProject.bin");
      }));
  return out;
}

std::vector<NotKept> OdtNotKept(zip_t* z, const std::vector<std::string>& names) {
  auto n =
      CountIn(z, "content.xml", {"<draw:object", "<draw:text-box", "<table:table-header-rows"});
  std::vector<NotKept> out;
  Add(out, "table_header", n["<table:table-header-rows"]);
  Add(out, "embedded_object", n["<draw:object"]);
  Add(out, "text_box", n["<draw:text-box"]);
  // LibreOffice Basic modules: Basic/<library>/<module>.xml beside the libraries' indexes.
  Add(out, "macro", std::count_if(names.begin(), names.end(), [](const std::string& name) {
        return name.starts_with("Basic/") && name.ends_with(".xml") &&
               !name.ends_with("script-lc.xml") && !name.ends_with("script-lb.xml");
      }));
  return out;
}

// <dc:title>…</dc:title> of an OpenDocument meta.xml, its five XML entities decoded.
std::optional<std::string> MetaTitle(const std::string& meta) {
  const auto open = meta.find("<dc:title>");
  if (open == std::string::npos) return std::nullopt;
  const auto from = open + 10;
  const auto close = meta.find("</dc:title>", from);
  if (close == std::string::npos) return std::nullopt;
  std::string raw = meta.substr(from, close - from), out;
  static const std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (std::size_t i = 0; i < raw.size();) {
    bool replaced = false;
    for (const auto& [entity, ch] : kEntities) {
      if (raw.compare(i, std::strlen(entity), entity) == 0) {
        out += ch;
        i += std::strlen(entity);
        replaced = true;
        break;
      }
    }
    if (!replaced) out += raw[i++];
  }
  if (out.find_first_not_of(" \t\r\n") == std::string::npos || !IsValidUtf8(out))
    return std::nullopt;
  return out;
}

Result<CheckedDocument> CheckPackage(const std::string& path, DocumentFormat format,
                                     const std::string& name, const PackageLimits& limits) {
  int error = 0;
  Zip z(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!z) return Damaged();
  const zip_int64_t count = zip_get_num_entries(z.get(), 0);
  if (count < 0) return Damaged();
  if (count > limits.entries)
    return Refuse("This archive holds more than " + std::to_string(limits.entries) +
                  " files: it is not a document.");
  std::uint64_t total = 0;
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(count));
  const std::string expands =
      "This archive expands to more than " + std::to_string(limits.total_bytes >> 20) + " MB.";
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) return Damaged();
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return Protected();
    if (st.valid & ZIP_STAT_NAME) names.emplace_back(st.name);
    if (st.valid & ZIP_STAT_SIZE) {
      if (st.size > limits.entry_bytes) return Refuse(expands);
      total += st.size;
      if (total > limits.total_bytes) return Refuse(expands);
      if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > limits.ratio_from_bytes &&
          static_cast<double>(st.size) >
              limits.ratio * static_cast<double>(std::max<zip_uint64_t>(st.comp_size, 1)))
        return Refuse(expands);
    }
  }
  const auto has = [&](const char* part) {
    return std::find(names.begin(), names.end(), part) != names.end();
  };
  CheckedDocument out{format, {}};
  if (format == DocumentFormat::kDocx) {
    if (!has("[Content_Types].xml") || !has("word/document.xml"))
      return NotWhatItsNameSays(format, name);
    out.not_kept = WordNotKept(z.get(), names);
  } else {
    if (!has("mimetype") || !has("content.xml")) return NotWhatItsNameSays(format, name);
    const auto mimetype = ReadSmall(z.get(), "mimetype", 200);
    if (mimetype.rfind("application/vnd.oasis.opendocument.text", 0) != 0)
      return NotWhatItsNameSays(format, name);
    // ODF encrypts entry by entry and says so in its manifest, not in the zip's own flags.
    if (has("META-INF/manifest.xml") &&
        ReadSmall(z.get(), "META-INF/manifest.xml", 4u << 20).find("encryption-data") !=
            std::string::npos)
      return Protected();
    out.not_kept = OdtNotKept(z.get(), names);
    if (has("meta.xml")) out.title = MetaTitle(ReadSmall(z.get(), "meta.xml", 1u << 20));
  }
  return out;
}

Result<CheckedDocument> CheckText(const std::string& path, DocumentFormat format,
                                  const std::string& name, const std::string& mime,
                                  const PackageLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Damaged();
  if (size > limits.text_bytes)
    return Refuse("This text is longer than " + std::to_string(limits.text_bytes >> 20) +
                  " MB: it is not one content.");
  const bool html = mime == "text/html" || mime == "text/xml" || mime == "application/xhtml+xml";
  // A Markdown file is any plain text (libmagic sees a heading as text); an HTML page is HTML, or
  // a fragment libmagic takes for plain text.
  const bool fits = format == DocumentFormat::kHtml ? html || mime == "text/plain"
                                                    : mime.rfind("text/", 0) == 0 && !html;
  if (!fits && mime != "application/x-empty") return NotWhatItsNameSays(format, name);
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!IsValidUtf8(text))
    return Refuse("This text is not in UTF-8: save it as UTF-8 and send it again.");
  return CheckedDocument{format, {}};
}

}  // namespace

std::string_view FormatName(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kDocx:
      return "docx";
    case DocumentFormat::kOdt:
      return "odt";
    case DocumentFormat::kMarkdown:
      return "markdown";
    case DocumentFormat::kHtml:
      return "html";
  }
  return "markdown";
}

std::optional<DocumentFormat> FormatOfName(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(name.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "docx") return DocumentFormat::kDocx;
  if (ext == "odt") return DocumentFormat::kOdt;
  if (ext == "md" || ext == "markdown") return DocumentFormat::kMarkdown;
  if (ext == "html" || ext == "htm") return DocumentFormat::kHtml;
  return std::nullopt;
}

Result<CheckedDocument> CheckDocument(const std::string& path, const std::string& name,
                                      const PackageLimits& limits) {
  const auto format = FormatOfName(name);
  if (!format)
    return Refuse("copydesk imports .docx, .odt, .md and .html files; this name ends otherwise.");
  auto mime = files::DetectMime(path);
  if (!mime) return std::move(mime).error();
  switch (*format) {
    case DocumentFormat::kDocx:
    case DocumentFormat::kOdt: {
      // Office keeps a password-protected .docx in an OLE container, not a zip.
      if (*mime == "application/encrypted" || *mime == "application/CDFV2-encrypted")
        return Protected();
      const char* own = *format == DocumentFormat::kDocx
                            ? "application/vnd.openxmlformats-officedocument.wordprocessingml."
                              "document"
                            : "application/vnd.oasis.opendocument.text";
      if (*mime != own && *mime != "application/zip") {
        // A zip libmagic cannot open to its end is a cut-short document, not another format.
        std::ifstream in(path, std::ios::binary);
        char head[4] = {};
        in.read(head, 4);
        if (in.gcount() == 4 && std::string_view(head, 4) == std::string_view("PK\3\4", 4))
          return Damaged();
        return NotWhatItsNameSays(*format, name);
      }
      return CheckPackage(path, *format, name, limits);
    }
    case DocumentFormat::kMarkdown:
    case DocumentFormat::kHtml:
      return CheckText(path, *format, name, *mime, limits);
  }
  return Damaged();
}

}  // namespace copydesk::convert
