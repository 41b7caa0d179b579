// Rendering an export with the real pandoc, WeasyPrint and pdftotext: a long text makes a PDF of
// several A4 pages, each carrying the title, the status and the revision in its margins and
// "page X of Y"; a Word export takes the reference document's styles; text people typed comes
// out as they typed it.
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "convert/export_document.hpp"
#include "convert/tool.hpp"

namespace copydesk::convert {
namespace {

namespace fs = std::filesystem;
using workspace::FieldKind;

std::string ZipEntry(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (archive == nullptr) return "";
  std::string out;
  zip_stat_t st;
  if (zip_stat(archive, name.c_str(), 0, &st) == 0) {
    out.resize(st.size);
    zip_file_t* f = zip_fopen(archive, name.c_str(), 0);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  }
  zip_close(archive);
  return out;
}

ExportDocument LongArticle() {
  ExportDocument doc;
  doc.title = "Rapport climat 2026";
  doc.language = "en";
  doc.status = "Legal review";
  doc.revision = 7;
  std::string body;
  for (int i = 1; i <= 40; ++i) {
    body += "## Section " + std::to_string(i) + "\n\n";
    for (int p = 0; p < 3; ++p)
      body +=
          "Energy savings are measured over the winter season by the households that took "
          "part, and compared with the same homes the year before. ";
    body += "\n\n";
  }
  body += "| Offer | Price |\n|---|---|\n| Solar | 10 € |\n";
  doc.fields = {{"Lead", FieldKind::kLongText, "A short lead."},
                {"Body", FieldKind::kRichText, boost::json::value(body)}};
  return doc;
}

TEST(ExportDocument, APdfHasTheTitleStatusAndRevisionOnEveryPage) {
  auto pdf = RenderExport(LongArticle(), ExportFormat::kPdf);
  ASSERT_TRUE(pdf) << pdf.error().detail << pdf.error().log;
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  WorkFolder work;
  std::ofstream(work.path() / "a.pdf", std::ios::binary) << *pdf;
  auto text = RunTool({"pdftotext", "-layout", (work.path() / "a.pdf").string(), "-"}, "", {});
  ASSERT_TRUE(text.ok);
  std::vector<std::string> pages;
  std::stringstream all(text.output.out);
  for (std::string page; std::getline(all, page, '\f');)
    if (!page.empty()) pages.push_back(page);
  ASSERT_GE(pages.size(), 3u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    SCOPED_TRACE("page " + std::to_string(i + 1));
    EXPECT_NE(pages[i].find("Rapport climat 2026"), std::string::npos) << pages[i];
    EXPECT_NE(pages[i].find("Legal review · revision 7"), std::string::npos) << pages[i];
    EXPECT_NE(
        pages[i].find("page " + std::to_string(i + 1) + " of " + std::to_string(pages.size())),
        std::string::npos)
        << pages[i];
  }
  // A4: 595 x 842 points.
  auto info = RunTool({"pdfinfo", (work.path() / "a.pdf").string()}, "", {});
  ASSERT_TRUE(info.ok);
  EXPECT_NE(info.output.out.find("595.276 x 841.89 pts (A4)"), std::string::npos)
      << info.output.out;
}

TEST(ExportDocument, AWordExportTakesTheReferenceDocumentsStyles) {
  auto reference = RunTool({"pandoc", "--print-default-data-file", "reference.docx"}, "", {});
  ASSERT_TRUE(reference.ok);
  // The house style: a font no default has.
  std::string styles = ZipEntry(reference.output.out, "word/styles.xml");
  ASSERT_FALSE(styles.empty());
  const auto at = styles.find("<w:rPrDefault>");
  ASSERT_NE(at, std::string::npos);
  styles.insert(at + 14,
                "<w:rPr><w:rFonts w:ascii=\"Copydesk House Sans\" "
                "w:hAnsi=\"Copydesk House Sans\"/></w:rPr>");
  WorkFolder work;
  const auto ref = work.path() / "house.docx";
  std::ofstream(ref, std::ios::binary) << reference.output.out;
  int err = 0;
  zip_t* archive = zip_open(ref.c_str(), 0, &err);
  ASSERT_NE(archive, nullptr);
  zip_source_t* source = zip_source_buffer(archive, styles.data(), styles.size(), 0);
  ASSERT_GE(zip_file_add(archive, "word/styles.xml", source, ZIP_FL_OVERWRITE), 0);
  ASSERT_EQ(zip_close(archive), 0);

  auto docx = RenderExport(LongArticle(), ExportFormat::kDocx, ref);
  ASSERT_TRUE(docx) << docx.error().log;
  EXPECT_NE(ZipEntry(*docx, "word/styles.xml").find("Copydesk House Sans"), std::string::npos);
  auto plain = RenderExport(LongArticle(), ExportFormat::kDocx);
  ASSERT_TRUE(plain);
  EXPECT_EQ(ZipEntry(*plain, "word/styles.xml").find("Copydesk House Sans"), std::string::npos);
  // The title is the document's title.
  EXPECT_NE(ZipEntry(*docx, "docProps/core.xml").find("Rapport climat 2026"), std::string::npos);
}

TEST(ExportDocument, PlainTextComesOutAsTyped) {
  ExportDocument doc;
  doc.title = "Prix *spécial* <b>";
  doc.revision = 1;
  doc.fields = {
      {"Lead", FieldKind::kLongText, "1. pas une liste\n- ni ceci\n_rien_ <i>x</i> & @cite"},
      {"Tags", FieldKind::kMultiChoice, boost::json::array{"été", "offre"}}};
  auto html = RenderExport(doc, ExportFormat::kHtml);
  ASSERT_TRUE(html) << html.error().log;
  EXPECT_NE(html->find("Prix *spécial* &lt;b&gt;"), std::string::npos) << *html;
  EXPECT_NE(html->find("1. pas une liste<br />\n- ni ceci<br />\n_rien_ &lt;i&gt;x&lt;/i&gt; &amp; "
                       "@cite"),
            std::string::npos)
      << *html;
  EXPECT_EQ(html->find("<ol"), std::string::npos);
  EXPECT_NE(html->find("<strong>Tags</strong>: été, offre"), std::string::npos) << *html;
}

// Issue 20: the channel variants of the revision follow its text, one heading per channel, in
// the document's language.
TEST(ExportDocument, ChannelVariantsFollowTheTextUnderTheirChannel) {
  ExportDocument doc;
  doc.title = "Offre Soleil";
  doc.language = "fr";
  doc.revision = 3;
  doc.fields = {{"Texte", FieldKind::kLongText, "Le texte principal."}};
  doc.variants = {{"X", {{"Text", "Offre solaire : -20 % #solaire"}}, std::nullopt},
                  {"Newsletter",
                   {{"Subject", "Le soleil, moins cher"}, {"Preheader", "Jusqu'au 31 mars"}},
                   "soleil.jpg"}};
  const std::string md = MarkdownOf(doc);
  const auto main = md.find("Le texte principal.");
  const auto section = md.find("## Variantes par canal");
  ASSERT_NE(section, std::string::npos) << md;
  EXPECT_LT(main, section);
  EXPECT_LT(section, md.find("### X"));
  EXPECT_LT(md.find("### X"), md.find("### Newsletter"));
  EXPECT_NE(md.find("**Subject**\n\nLe soleil, moins cher"), std::string::npos) << md;
  EXPECT_NE(md.find("**Visuel**: soleil.jpg"), std::string::npos) << md;
  doc.language = "en";
  EXPECT_NE(MarkdownOf(doc).find("## Channel variants"), std::string::npos);
  doc.variants.clear();
  EXPECT_EQ(MarkdownOf(doc).find("variants"), std::string::npos);
}

TEST(ExportDocument, ATextCannotMakeAConverterReadAServerFile) {
  ExportDocument doc;
  doc.title = "Piège";
  doc.revision = 1;
  doc.fields = {{"Body", FieldKind::kRichText,
                 "![x](/etc/passwd)\n\n<img src=\"file:///etc/passwd\">\n\n```{=html}\n<iframe "
                 "src=\"/etc/passwd\"></iframe>\n```\n"}};
  for (auto format : {ExportFormat::kHtml, ExportFormat::kDocx, ExportFormat::kOdt}) {
    auto out = RenderExport(doc, format);
    ASSERT_TRUE(out) << out.error().log;
    EXPECT_EQ(out->find("root:x:0:0"), std::string::npos);
    if (format == ExportFormat::kHtml) {
      // What people wrote stays visible as text, never as an element that loads something.
      EXPECT_EQ(out->find("<img src=\"/etc"), std::string::npos) << *out;
      EXPECT_EQ(out->find("<img src=\"file"), std::string::npos) << *out;
      EXPECT_EQ(out->find("<iframe"), std::string::npos) << *out;
    } else {
      // Nothing but the document's own parts: no media taken from the server.
      const std::string media = format == ExportFormat::kDocx ? "word/media/" : "Pictures/";
      EXPECT_EQ(out->find(media), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace copydesk::convert
