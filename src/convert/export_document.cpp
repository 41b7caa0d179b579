#include "convert/export_document.hpp"

#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <fstream>
#include <sstream>

#include "convert/slots.hpp"
#include "convert/tool.hpp"
#include "core/encoding.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace copydesk::convert {

std::string_view PrintCss();  // generated from export_print.css

namespace json = boost::json;

namespace {

// pandoc is a GHC program: its heap is capped through its runtime, not RLIMIT_AS.
const std::vector<std::string> kPandoc = {"pandoc", "+RTS", "-M768m", "-RTS"};

ToolLimits ConverterLimits() {
  ToolLimits limits;
  limits.time = std::chrono::seconds(60);
  return limits;
}

Error ToolErrorOf(const std::string& program, const ToolError& e) {
  if (e.failure == ToolFailure::kMissing)
    return {ErrorKind::kUnavailable, program + " is not installed on the server."};
  Error out = Error::Internal(program + " failed (" + std::to_string(e.exit_code) + "): " + e.err);
  if (e.failure == ToolFailure::kTimedOut)
    out = Error::Internal(program + " took too long and was stopped: " + e.err);
  return out;
}

// Markdown escape for text people typed into a plain field: the marks that start inline markup
// (emphasis, code, links, images, raw HTML, entities, citations, spans, sub/superscripts, math)
// are escaped, so that the text reads exactly as typed; the rest stays as it is for people who
// read the .md file.
std::string EscapeMarkdown(std::string_view text) {
  static constexpr std::string_view kMarks = "\\`*_[]<>#|~^$@&!{}";
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    if (kMarks.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A plain line that would start a block (a list item, a quote, a numbered item, a rule) has its
// first mark escaped.
std::string EscapeLineStart(std::string line) {
  if (line.empty()) return line;
  if (line[0] == '-' || line[0] == '+' || line[0] == '=' || line[0] == ':') return "\\" + line;
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')'))
    line.insert(digits, "\\");
  return line;
}

// Plain text with line breaks: blank lines separate paragraphs, single ones are kept as breaks.
std::string PlainTextMarkdown(std::string_view text) {
  std::string out, paragraph;
  const auto flush = [&] {
    if (paragraph.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += paragraph;
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
    } else {
      // Leading spaces would make an indented code block of a plain line.
      line.remove_prefix(line.find_first_not_of(" \t"));
      if (!paragraph.empty()) paragraph += "\\\n";
      paragraph += EscapeLineStart(EscapeMarkdown(line));
    }
    start = end + 1;
  }
  flush();
  return out;
}

std::string ValueText(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v.as_array()) {
      if (!out.empty()) out += ", ";
      out += ValueText(item);
    }
    return out;
  }
  if (v.is_null()) return "";
  return json::serialize(v);
}

bool Empty(const json::value& v) {
  return v.is_null() || (v.is_string() && v.as_string().empty()) ||
         (v.is_array() && v.as_array().empty());
}

// A pandoc AST made safe to hand to a writer that reads resources (docx, odt) or to a layout
// engine that would (WeasyPrint): raw HTML, TeX and the like are dropped, and an image is kept
// only when its bytes are in the document (data:image/…); any other becomes its description.
void Sanitize(json::value& node) {
  if (node.is_array()) {
    for (auto& item : node.as_array()) Sanitize(item);
    return;
  }
  if (!node.is_object()) return;
  auto& o = node.as_object();
  const auto* t = o.if_contains("t");
  if (t && t->is_string()) {
    const std::string_view kind = t->as_string();
    if (kind == "RawInline") {
      node = json::object{{"t", "Str"}, {"c", ""}};
      return;
    }
    if (kind == "RawBlock") {
      node = json::object{{"t", "Plain"}, {"c", json::array{}}};
      return;
    }
    if (kind == "Image") {
      auto* c = o.if_contains("c");
      bool embedded = false;
      if (c && c->is_array() && c->as_array().size() == 3 && c->as_array()[2].is_array()) {
        const auto& target = c->as_array()[2].as_array();
        embedded = !target.empty() && target[0].is_string() &&
                   std::string_view(target[0].as_string()).rfind("data:image/", 0) == 0;
      }
      if (!embedded) {
        json::value inlines = c && c->is_array() && c->as_array().size() > 1
                                  ? c->as_array()[1]
                                  : json::value(json::array{});
        Sanitize(inlines);
        node = json::object{
            {"t", "Span"},
            {"c", json::array{json::array{"", json::array{}, json::array{}}, std::move(inlines)}}};
        return;
      }
    }
  }
  for (auto& member : o) Sanitize(member.value());
}

// Markdown → a sanitized pandoc AST (JSON). pandoc runs sandboxed here: it reads nothing but
// the Markdown.
Result<json::value> SafeAst(std::string_view markdown) {
  auto argv = kPandoc;
  argv.insert(argv.end(),
              {"--sandbox", "-f", "markdown-raw_html-raw_tex-raw_attribute-smart", "-t", "json"});
  auto run = RunTool(argv, markdown, ConverterLimits());
  if (!run.ok) return ToolErrorOf("pandoc", run.error);
  std::error_code ec;
  json::value ast = json::parse(run.output.out, ec);
  if (ec) return Error::Internal("pandoc wrote an AST that is not JSON");
  Sanitize(ast);
  return ast;
}

std::string CssString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '<') {
      out += "\\3C ";  // never "</style>" inside the style element
    } else {
      out += c;
    }
  }
  return out + "\"";
}

Result<std::string> ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Internal("the converter wrote no file at " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string MarginNote(const ExportDocument& doc) {
  const bool fr = doc.language == "fr";
  std::string note;
  if (!doc.status.empty()) note = doc.status + " · ";
  note += (fr ? "révision " : "revision ") + std::to_string(doc.revision);
  return note;
}

}  // namespace

WorkFolder::WorkFolder() {
  std::error_code ec;
  auto base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "copydesk-convert-XXXXXX").string();
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

WorkFolder::~WorkFolder() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "md") return ExportFormat::kMarkdown;
  if (name == "html") return ExportFormat::kHtml;
  if (name == "docx") return ExportFormat::kDocx;
  if (name == "odt") return ExportFormat::kOdt;
  if (name == "pdf") return ExportFormat::kPdf;
  return std::nullopt;
}

std::string_view ExtensionOf(ExportFormat format) {
  switch (format) {
    case ExportFormat::kMarkdown:
      return "md";
    case ExportFormat::kHtml:
      return "html";
    case ExportFormat::kDocx:
      return "docx";
    case ExportFormat::kOdt:
      return "odt";
    case ExportFormat::kPdf:
      break;
  }
  return "pdf";
}

std::string_view MediaTypeOf(ExportFormat format) {
  switch (format) {
    case ExportFormat::kMarkdown:
      return "text/markdown; charset=utf-8";
    case ExportFormat::kHtml:
      return "text/html; charset=utf-8";
    case ExportFormat::kDocx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case ExportFormat::kOdt:
      return "application/vnd.oasis.opendocument.text";
    case ExportFormat::kPdf:
      break;
  }
  return "application/pdf";
}

std::vector<ExportVariant> ExportVariantsOf(const std::vector<content::VariantView>& variants,
                                            const std::string& attachments_json) {
  std::error_code ec;
  const auto files = json::parse(attachments_json, ec);
  auto file_name = [&](const std::string& attachment_id) {
    if (!ec && files.is_array()) {
      for (const auto& f : files.as_array()) {
        if (!f.is_object()) continue;
        const auto* id = f.as_object().if_contains("attachment_id");
        const auto* name = f.as_object().if_contains("name");
        if (id && id->is_string() && id->as_string() == attachment_id && name && name->is_string())
          return std::string(name->as_string());
      }
    }
    return attachment_id;
  };
  std::vector<ExportVariant> out;
  for (const auto& v : variants) {
    ExportVariant e;
    e.channel = v.channel_name;
    for (const auto& count : v.counts) {
      const auto* text = v.fields.if_contains(count.key);
      if (!text || !text->is_string()) continue;
      std::string label = count.key;
      if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] -= 32;
      e.fields.emplace_back(std::move(label), std::string(text->as_string()));
    }
    if (v.visual) e.visual = file_name(*v.visual);
    out.push_back(std::move(e));
  }
  return out;
}

std::string MarkdownOf(const ExportDocument& doc, bool with_images) {
  std::string md = "# " + EscapeMarkdown(doc.title) + "\n\n";
  for (const auto& field : doc.fields) {
    if (Empty(field.value)) continue;
    using workspace::FieldKind;
    if (field.kind == FieldKind::kRichText && field.value.is_string()) {
      md += std::string(field.value.as_string());
    } else if (field.kind == FieldKind::kText || field.kind == FieldKind::kLongText) {
      md += PlainTextMarkdown(ValueText(field.value));
    } else {
      md += "**" + EscapeMarkdown(field.label) + "**: " + EscapeMarkdown(ValueText(field.value));
    }
    md += "\n\n";
  }
  if (!doc.variants.empty()) {
    const bool fr = doc.language == "fr";
    md += std::string("## ") + (fr ? "Variantes par canal" : "Channel variants") + "\n\n";
    for (const auto& v : doc.variants) {
      md += "### " + EscapeMarkdown(v.channel) + "\n\n";
      for (const auto& [label, text] : v.fields) {
        md += "**" + EscapeMarkdown(label) + "**\n\n" + PlainTextMarkdown(text) + "\n\n";
      }
      if (v.visual)
        md += "**" + std::string(fr ? "Visuel" : "Visual") + "**: " + EscapeMarkdown(*v.visual) +
              "\n\n";
    }
  }
  if (with_images) {
    for (const auto& image : doc.images) {
      auto bytes = ReadWhole(image.path);
      if (!bytes) continue;
      md += "![" + EscapeMarkdown(image.name) + "](data:" + image.mime + ";base64," +
            EncodeBase64(*bytes) + ")\n\n";
    }
  }
  return md;
}

Result<std::string> MarkdownToHtml(std::string_view markdown) {
  ConversionSlot slot;
  auto ast = SafeAst(markdown);
  if (!ast) return std::move(ast).error();
  auto argv = kPandoc;
  argv.insert(argv.end(), {"--sandbox", "-f", "json", "-t", "html5"});
  auto run = RunTool(argv, json::serialize(*ast), ConverterLimits());
  if (!run.ok) return ToolErrorOf("pandoc", run.error);
  return std::move(run.output.out);
}

std::string HtmlPage(std::string_view title, std::string_view language,
                     std::string_view margin_note, std::string_view body_html) {
  const bool fr = language == "fr";
  std::string page = "<!DOCTYPE html>\n<html lang=\"" + EscapeHtml(language) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + EscapeHtml(title) +
                     "</title>\n<style>\n";
  page += PrintCss();
  page += "@page {\n  @top-left { content: " + CssString(title) +
          "; font: 8.5pt/1.2 \"DejaVu Sans\", sans-serif; color: #555; }\n"
          "  @top-right { content: " +
          CssString(margin_note) +
          "; font: 8.5pt/1.2 \"DejaVu Sans\", sans-serif; color: #555; }\n"
          "  @bottom-center { content: " +
          std::string(fr ? "\"page \" counter(page) \" sur \" counter(pages)"
                         : "\"page \" counter(page) \" of \" counter(pages)") +
          "; font: 8.5pt/1.2 \"DejaVu Sans\", sans-serif; color: #555; }\n}\n";
  page += "</style>\n</head>\n<body>\n";
  page += body_html;
  page += "\n</body>\n</html>\n";
  return page;
}

Result<std::string> HtmlToPdf(const std::string& html,
                              const std::vector<std::filesystem::path>& attachments) {
  WorkFolder work;
  if (work.path().empty()) return Error::Internal("no temporary folder for the PDF");
  std::vector<std::string> argv = {"weasyprint", "--quiet"};
  for (const auto& a : attachments) {
    argv.push_back("--attachment");
    argv.push_back(a.string());
  }
  argv.insert(argv.end(), {"-", "out.pdf"});
  ConversionSlot slot;
  auto run = RunTool(argv, html, ConverterLimits(), work.path());
  if (!run.ok) return ToolErrorOf("weasyprint", run.error);
  return ReadWhole(work.path() / "out.pdf");
}

Result<std::string> RenderExport(const ExportDocument& doc, ExportFormat format,
                                 const std::filesystem::path& reference_doc) {
  if (format == ExportFormat::kMarkdown) return MarkdownOf(doc);
  if (format == ExportFormat::kHtml || format == ExportFormat::kPdf) {
    // The title is the page's own heading; the fields' text follows it.
    ExportDocument body = doc;
    std::string md = MarkdownOf(body, true);
    md.erase(0, md.find("\n\n") + 2);
    auto html = MarkdownToHtml(md);
    if (!html) return std::move(html).error();
    const std::string note = MarginNote(doc);
    const std::string page =
        HtmlPage(doc.title, doc.language, note,
                 "<h1 class=\"copydesk-title\">" + EscapeHtml(doc.title) +
                     "</h1>\n<p class=\"copydesk-meta\">" + EscapeHtml(note) + "</p>\n" + *html);
    if (format == ExportFormat::kHtml) return page;
    return HtmlToPdf(page);
  }
  // Word and OpenDocument: the title goes into the document's metadata, where the reference
  // document's Title style lays it out, and the text follows.
  std::string md = MarkdownOf(doc, true);
  md.erase(0, md.find("\n\n") + 2);
  WorkFolder work;
  if (work.path().empty()) return Error::Internal("no temporary folder for the export");
  ConversionSlot slot;
  auto ast = SafeAst(md);
  if (!ast) return std::move(ast).error();
  if (ast->is_object()) {
    auto& meta = ast->as_object()["meta"];
    if (!meta.is_object()) meta = json::object{};
    meta.as_object()["title"] = json::object{
        {"t", "MetaInlines"}, {"c", json::array{json::object{{"t", "Str"}, {"c", doc.title}}}}};
    if (!doc.language.empty())
      meta.as_object()["lang"] =
          json::object{{"t", "MetaInlines"},
                       {"c", json::array{json::object{{"t", "Str"}, {"c", doc.language}}}}};
  }
  const std::string ext(ExtensionOf(format));
  auto argv = kPandoc;
  // Not sandboxed: pandoc 2.17's sandbox cannot read its own docx/odt templates. The AST it
  // reads was sanitized above, so it holds nothing that points at a file or a URL.
  argv.insert(argv.end(), {"-s", "-f", "json", "-t", ext, "-o", "out." + ext});
  if (!reference_doc.empty()) {
    std::error_code ec;
    const auto ref = work.path() / ("reference." + ext);
    std::filesystem::create_symlink(reference_doc, ref, ec);
    if (!ec) argv.push_back("--reference-doc=" + ref.string());
  }
  auto run = RunTool(argv, json::serialize(*ast), ConverterLimits(), work.path());
  if (!run.ok) return ToolErrorOf("pandoc", run.error);
  return ReadWhole(work.path() / ("out." + ext));
}

}  // namespace copydesk::convert
