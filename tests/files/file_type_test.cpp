// What an uploaded file is, from its bytes; and which names are names.
#include "files/file_type.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/random.hpp"

namespace copydesk::files {
namespace {

namespace fs = std::filesystem;

//! A folder of its own under the system's temp folder, removed at the end.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("copydesk-files-" + NewId());
  Scratch() { fs::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  const fs::path& path() const { return dir; }
};

std::string Write(const fs::path& dir, const std::string& bytes) {
  static int n = 0;
  const fs::path path = dir / ("f" + std::to_string(n++));
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

TEST(FileType, TheBytesDecideNotTheName) {
  Scratch dir;
  const std::string pdf =
      Write(dir.path(), "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
  auto as_pdf = DetectFileType(pdf, "photo.jpg");
  ASSERT_TRUE(as_pdf);
  EXPECT_EQ(as_pdf->mime, "application/pdf");
  EXPECT_EQ(as_pdf->kind, "pdf");
  const std::string html = Write(dir.path(), "<!DOCTYPE html><html><body>x</body></html>");
  auto refused = DetectFileType(html, "photo.jpg");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kUnsupportedMediaType);
  EXPECT_EQ(refused.error().fields.at(0).field, "file");
  auto text = DetectFileType(Write(dir.path(), "Bonjour, voici le brief.\n"), "brief");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->kind, "text");
}

TEST(FileType, AZipIsTheOfficeTypeItsNameSaysAndNothingElse) {
  Scratch dir;
  // An empty ZIP: its end-of-directory record alone.
  const std::string zip = Write(dir.path(), std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  auto docx = DetectFileType(zip, "Contrat.DOCX");
  ASSERT_TRUE(docx) << docx.error().detail;
  EXPECT_EQ(docx->kind, "document");
  EXPECT_FALSE(DetectFileType(zip, "archive.zip"));
  EXPECT_FALSE(DetectFileType(zip, "contrat.doc"));  // an OLE type: not in a ZIP
}

TEST(FileName, PathTricksAreRefused) {
  for (const std::string& bad :
       std::vector<std::string>{"", ".", "..", "a/b", "a\\b", std::string("a\0b", 3), "a\nb",
                                std::string("a\x7f", 2), std::string(256, 'x'), "\xff\xfe"}) {
    auto checked = CheckFileName(bad);
    EXPECT_FALSE(checked) << bad;
    if (!checked) {
      EXPECT_EQ(checked.error().fields.at(0).field, "name");
    }
  }
  std::string accents;
  for (int i = 0; i < 255; ++i) accents += "é";
  EXPECT_TRUE(CheckFileName(accents));
  EXPECT_TRUE(CheckFileName("Visuel LinkedIn (v2).png"));
  EXPECT_TRUE(CheckFileName("..visuel"));
}

TEST(FileType, OnlyRasterImagesAreShownInline) {
  EXPECT_TRUE(IsInlineImage("image/png"));
  EXPECT_FALSE(IsInlineImage("image/svg+xml"));
  EXPECT_FALSE(IsInlineImage("text/html"));
  EXPECT_TRUE(HasRenditions("application/pdf"));
  EXPECT_FALSE(HasRenditions("video/mp4"));
}

}  // namespace
}  // namespace copydesk::files
