#include "convert/import.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "convert/fixture_path.hpp"
#include "core/random.hpp"
#include "files/renditions.hpp"
#include "storage/database.hpp"
#include "support/factories.hpp"

namespace copydesk::convert {
namespace {

namespace fs = std::filesystem;
using testing::ImportFixture;

// A private folder for each conversion, under one root the test checks is left empty.
class ConvertTest : public ::testing::Test {
 protected:
  ConvertTest() : root_(fs::temp_directory_path() / ("copydesk-import-" + NewId())) {}
  ~ConvertTest() override { fs::remove_all(root_); }

  Result<ConvertedDocument> Convert(const std::string& fixture, bool lead = true) {
    ConversionFolder folder(root_);
    ConvertOptions options;
    options.lead = lead;
    auto doc = ConvertDocument(ImportFixture(fixture).string(), fixture, folder.path(), options);
    if (doc) {
      // The images must still be readable while the folder lives: the importer attaches them
      // before the folder goes.
      for (const auto& image : doc->images) EXPECT_TRUE(fs::exists(image.path)) << image.path;
    }
    return doc;
  }

  bool RootIsEmpty() const { return !fs::exists(root_) || fs::is_empty(root_); }

  fs::path root_;
};

std::int64_t NotKeptCount(const ConvertedDocument& doc, const std::string& what) {
  for (const auto& n : doc.not_kept)
    if (n.what == what) return n.count;
  return 0;
}

TEST_F(ConvertTest, AWordFileKeepsItsStructureAndAcceptsItsTrackedChanges) {
  auto doc = Convert("offre.docx");
  ASSERT_TRUE(doc.ok()) << doc.error().detail << doc.error().log;
  EXPECT_EQ(doc->format, DocumentFormat::kDocx);
  EXPECT_EQ(doc->title, "Offre énergie verte");
  EXPECT_EQ(doc->title_from, "metadata");
  ASSERT_TRUE(doc->lead);
  EXPECT_EQ(*doc->lead, "Notre nouvelle offre réduit la facture de 20 %, dès le premier mois.");
  const auto& body = doc->body;
  EXPECT_NE(body.find("## Les détails"), std::string::npos) << body;
  EXPECT_NE(body.find("### À faire"), std::string::npos) << body;
  EXPECT_NE(body.find("- [ ] Envoyer au juridique"), std::string::npos) << body;
  EXPECT_NE(body.find("- [x] Relire le tarif"), std::string::npos) << body;
  EXPECT_NE(body.find("[en ligne](https://example.com/offre)"), std::string::npos) << body;
  EXPECT_NE(body.find("| Verte"), std::string::npos) << body;
  EXPECT_NE(body.find("sans frais cachés"), std::string::npos) << body;
  EXPECT_EQ(body.find("augmente"), std::string::npos) << "a tracked deletion was kept: " << body;
  EXPECT_EQ(body.find("supprimé"), std::string::npos) << body;
  EXPECT_EQ(body.find("Vérifier avec le juridique"), std::string::npos)
      << "a Word comment leaked into the text: " << body;
  EXPECT_EQ(doc->tracked.insertions, 2);
  EXPECT_EQ(doc->tracked.deletions, 2);
}

TEST_F(ConvertTest, FootnotesBecomeNumberedNotesAtTheEndAndTheReportSaysSo) {
  auto doc = Convert("offre.docx");
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  EXPECT_NE(doc->body.find("deux ans\\[1\\]"), std::string::npos) << doc->body;
  EXPECT_NE(doc->body.find("1. Sous réserve d’un engagement de douze mois."), std::string::npos)
      << doc->body;
  EXPECT_NE(doc->body.find("2. Garanties d’origine."), std::string::npos) << doc->body;
  bool warned = false;
  for (const auto& w : doc->warnings) warned = warned || w.find("2 footnote") == 0;
  EXPECT_TRUE(warned);
}

TEST_F(ConvertTest, ImagesAreExtractedAndTheTextPointsAtTheirFutureFiles) {
  auto doc = Convert("offre.docx");
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  ASSERT_EQ(doc->images.size(), 2u);
  EXPECT_EQ(doc->images[0].name, "offre-1.png");
  EXPECT_EQ(doc->images[0].alt, "Le logo");
  EXPECT_NE(doc->body.find("![Le logo](/api/v1/media/" + doc->images[0].media_id + "/file)"),
            std::string::npos)
      << doc->body;
  EXPECT_NE(doc->body.find("/api/v1/media/" + doc->images[1].media_id + "/file"),
            std::string::npos);
}

TEST_F(ConvertTest, WordCommentsComeWithTheirAuthorTextAndPassage) {
  auto doc = Convert("offre.docx");
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  ASSERT_EQ(doc->comments.size(), 2u);
  EXPECT_EQ(doc->comments[0].author, "Marie Dupont");
  EXPECT_EQ(doc->comments[0].text, "Vérifier avec le juridique.");
  EXPECT_EQ(doc->comments[0].quote, "Le tarif est garanti");
  EXPECT_EQ(doc->comments[0].date, "2026-11-02T10:05:00Z");
  EXPECT_EQ(doc->comments[1].author, "Paul Martin");
  EXPECT_EQ(doc->comments[1].quote, "Électricité 100 % renouvelable");
}

TEST_F(ConvertTest, WithoutALeadFieldTheFirstParagraphStaysInTheBody) {
  auto doc = Convert("offre.docx", false);
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  EXPECT_FALSE(doc->lead);
  EXPECT_EQ(doc->body.rfind("Notre nouvelle offre réduit", 0), 0u) << doc->body;
}

TEST_F(ConvertTest, AnOpenDocumentTextComesThrough) {
  auto doc = Convert("lettre.odt");
  ASSERT_TRUE(doc.ok()) << doc.error().detail << doc.error().log;
  EXPECT_EQ(doc->format, DocumentFormat::kOdt);
  EXPECT_EQ(doc->title, "Lettre aux abonnés");
  EXPECT_EQ(doc->title_from, "metadata");
  EXPECT_EQ(*doc->lead, "Chers abonnés, merci de votre fidélité.");
  EXPECT_NE(doc->body.find("## Ce qui change"), std::string::npos) << doc->body;
  EXPECT_NE(doc->body.find("[en ligne](https://example.com)"), std::string::npos) << doc->body;
  EXPECT_NE(doc->body.find("| Mars"), std::string::npos) << doc->body;
  // pandoc 2.17 reads no header row of an OpenDocument table: the person is told.
  EXPECT_EQ(NotKeptCount(*doc, "table_header"), 1);
}

TEST_F(ConvertTest, MarkdownTakesItsTitleFromItsFirstHeading) {
  auto doc = Convert("guide.md");
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  EXPECT_EQ(doc->title, "Guide de l'offre verte");
  EXPECT_EQ(doc->title_from, "heading");
  EXPECT_EQ(doc->body.find("Guide de l"), std::string::npos) << "the title stayed in the body";
  EXPECT_NE(doc->body.find("- [ ] Comparer"), std::string::npos) << doc->body;
  EXPECT_NE(doc->body.find("- [x] Souscrire"), std::string::npos) << doc->body;
}

TEST_F(ConvertTest, HtmlTakesItsTitleFromItsHeadAndNeverKeepsItsScripts) {
  auto doc = Convert("communique.html");
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  EXPECT_EQ(doc->title, "Communiqué de presse");
  EXPECT_EQ(doc->title_from, "metadata");
  EXPECT_NE(doc->body.find("**annonce**"), std::string::npos) << doc->body;
  EXPECT_EQ(doc->body.find("alert"), std::string::npos) << doc->body;
  EXPECT_EQ(doc->body.find("<"), std::string::npos) << "raw HTML kept: " << doc->body;
  // An image the page carries inline becomes a file of the content like a Word file's.
  ASSERT_EQ(doc->images.size(), 1u);
  EXPECT_EQ(doc->images[0].name, "communique-1.png");
  EXPECT_EQ(doc->images[0].alt, "Le pictogramme");
  EXPECT_EQ(doc->body.find("data:"), std::string::npos) << doc->body;
}

TEST_F(ConvertTest, ADocumentWithoutTitleOrHeadingIsNamedAfterItsFile) {
  const fs::path dir = root_ / "in";
  fs::create_directories(dir);
  const fs::path file = dir / "Note interne.md";
  {
    std::ofstream out(file);
    out << "Juste un paragraphe.\n";
  }
  ConversionFolder folder(root_);
  auto doc = ConvertDocument(file.string(), "Note interne.md", folder.path());
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  EXPECT_EQ(doc->title, "Note interne");
  EXPECT_EQ(doc->title_from, "file_name");
}

TEST_F(ConvertTest, AMarkdownFrontMatterGivesTheTitleAndTheLanguage) {
  const fs::path dir = root_ / "in";
  fs::create_directories(dir);
  const fs::path file = dir / "note.md";
  {
    std::ofstream out(file);
    out << "---\ntitle: Avec en-tête\nlang: en-GB\n---\n\n# Premier titre\n\nTexte.\n";
  }
  ConversionFolder folder(root_);
  auto doc = ConvertDocument(file.string(), "note.md", folder.path());
  ASSERT_TRUE(doc.ok()) << doc.error().detail;
  EXPECT_EQ(doc->title, "Avec en-tête");
  EXPECT_EQ(doc->title_from, "metadata");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->body.rfind("# Premier titre", 0), 0u) << doc->body;
}

TEST_F(ConvertTest, WhatATextCannotHoldIsListed) {
  auto doc = Convert("objets.docx");
  ASSERT_TRUE(doc.ok()) << doc.error().detail << doc.error().log;
  EXPECT_EQ(doc->title, "Rapport annuel");
  EXPECT_EQ(NotKeptCount(*doc, "text_box"), 1);
  EXPECT_EQ(NotKeptCount(*doc, "embedded_object"), 1);
  EXPECT_EQ(NotKeptCount(*doc, "field_code"), 1);
  EXPECT_EQ(NotKeptCount(*doc, "macro"), 1);
  EXPECT_NE(doc->body.find("Fin du rapport."), std::string::npos) << doc->body;
}

struct Hostile {
  const char* fixture;
  const char* reason;
};

class HostileTest : public ConvertTest, public ::testing::WithParamInterface<Hostile> {};

TEST_P(HostileTest, IsRefusedOnFieldFileWithItsReasonAndLeavesNothingBehind) {
  auto doc = Convert(GetParam().fixture);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().kind, ErrorKind::kUnprocessable);
  ASSERT_EQ(doc.error().fields.size(), 1u);
  EXPECT_EQ(doc.error().fields[0].field, "file");
  EXPECT_EQ(doc.error().detail, GetParam().reason);
  EXPECT_TRUE(RootIsEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Files, HostileTest,
    ::testing::Values(Hostile{"pdf-named.docx",
                              "This file is not a Word document although its name ends in .docx."},
                      Hostile{"bomb.docx", "This archive expands to more than 200 MB."},
                      Hostile{"encrypted.docx", "This document is password-protected."},
                      Hostile{"truncated.docx", "This file is damaged and could not be read."}));

TEST_F(ConvertTest, AFileOfAnotherKindIsRefusedByItsName) {
  auto doc = Convert("make_fixtures.py");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().fields[0].field, "file");
  EXPECT_TRUE(RootIsEmpty());
}

TEST_F(ConvertTest, TheConversionFolderGoesEvenAfterASuccess) {
  ASSERT_TRUE(Convert("offre.docx").ok());
  EXPECT_TRUE(RootIsEmpty());
}

}  // namespace
}  // namespace copydesk::convert

namespace copydesk::convert {
namespace {

// The text as compared after a round trip: without its images (an export embeds them; this is
// about the text) nor the rule before the notes (pandoc reads no rule back from Word), and one
// blank line between blocks.
std::string WithoutImages(const std::string& markdown) {
  std::string out;
  std::size_t start = 0;
  bool blank = false;
  while (start < markdown.size()) {
    auto end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    const std::string line = markdown.substr(start, end - start);
    start = end + 1;
    if (line.rfind("![", 0) == 0) continue;
    if (line.size() >= 3 && line.find_first_not_of('-') == std::string::npos) continue;
    if (line.empty() && blank) continue;
    blank = line.empty();
    out += line + "\n";
  }
  return out;
}

TEST_F(ConvertTest, ImportExportImportKeepsTheTextAndItsStructure) {
  auto first = Convert("offre.docx");
  ASSERT_TRUE(first.ok()) << first.error().detail;
  // Out as the export does it: the stored Markdown through pandoc to Word, the title as the
  // document's title, the lead as its first paragraph.
  ConversionFolder folder(root_);
  const std::string stored = *first->lead + "\n\n" + WithoutImages(first->body);
  ToolLimits limits;
  limits.time = std::chrono::seconds(30);
  // No --sandbox here: pandoc 2.17 then cannot read its own reference docx to write one.
  auto exported = RunTool({"pandoc", "-f", "gfm", "-t", "docx", "--metadata",
                           "title=" + first->title, "-o", "exported.docx"},
                          stored, limits, folder.path());
  ASSERT_TRUE(exported.ok) << exported.error.err;

  ConversionFolder again(root_);
  auto second = ConvertDocument((folder.path() / "exported.docx").string(), "exported.docx",
                                again.path(), ConvertOptions{.lead = true});
  ASSERT_TRUE(second.ok()) << second.error().detail << second.error().log;
  EXPECT_EQ(second->title, first->title);
  EXPECT_EQ(second->lead, first->lead);
  EXPECT_EQ(WithoutImages(second->body), WithoutImages(first->body));
  EXPECT_EQ(second->tracked.insertions + second->tracked.deletions, 0);
}

}  // namespace
}  // namespace copydesk::convert

namespace copydesk::convert {
namespace {

TEST_F(ConvertTest, WithoutPandocTheServerSaysItCannotImportRatherThanBlamingTheFile) {
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (root_ / "no-tools-here").c_str(), 1);
  auto doc = Convert("guide.md");
  setenv("PATH", path.c_str(), 1);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(RootIsEmpty());
}

}  // namespace
}  // namespace copydesk::convert

// ---- the importer over a real database -------------------------------------------------------

namespace copydesk::convert {
namespace {

std::int64_t CountRows(storage::Database& db, const std::string& table) {
  return db.Read([&](storage::Tx& tx) {
    std::int64_t n = 0;
    tx.Query("SELECT COUNT(*) FROM " + table, {}, [&](const storage::Row& r) { n = r.Int(0); });
    return n;
  });
}

std::size_t FilesUnder(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) ++n;
  return n;
}

struct ImporterWorld {
  testing::TestWorld world;
  fs::path data{world.config().data_dir};
  files::FolderBlobStore blobs{(data / "blobs").string()};
  files::Renditions renditions{(data / "renditions").string()};
  files::Files media{world.db(), blobs, renditions};
  Importer importer{world.db(), world.contents, media, blobs, data / "tmp" / "imports"};
  testing::Workspace ws = world.MakeWorkspace();

  NewImport Upload(const std::string& fixture) {
    const auto path = testing::ImportFixture(fixture);
    return NewImport{{path.string(), fs::file_size(path), fixture}, std::nullopt, std::nullopt};
  }
};

TEST(Importer, AFailureAtTheLastStepLeavesNoContentAttachmentCommentNorStoredFile) {
  ImporterWorld w;
  // The comments come last in the import's transaction: make them fail there.
  w.world.db().Write([](storage::Tx& tx) -> Result<void> {
    tx.ExecScript(
        "CREATE TRIGGER refuse_comments BEFORE INSERT ON comments "
        "BEGIN SELECT RAISE(ABORT, 'no comments today'); END;");
    return {};
  });
  const auto contents = CountRows(w.world.db(), "contents");
  EXPECT_ANY_THROW({ auto r = w.importer.ImportNew(w.ws.owner, w.ws.id, w.Upload("offre.docx")); });
  EXPECT_EQ(CountRows(w.world.db(), "contents"), contents);
  EXPECT_EQ(CountRows(w.world.db(), "attachments"), 0);
  EXPECT_EQ(CountRows(w.world.db(), "media_files"), 0);
  EXPECT_EQ(CountRows(w.world.db(), "comments"), 0);
  EXPECT_EQ(FilesUnder(w.data / "blobs"), 0u) << "an image stayed in the store";
  EXPECT_EQ(FilesUnder(w.data / "tmp" / "imports"), 0u);
}

TEST(Importer, AWordFileBecomesOneContentWithItsFilesAndComments) {
  ImporterWorld w;
  auto r = w.importer.ImportNew(w.ws.owner, w.ws.id, w.Upload("offre.docx"));
  ASSERT_TRUE(r.ok()) << testing::Describe(r.error());
  EXPECT_EQ(r->content.content.title, "Offre énergie verte");
  EXPECT_EQ(r->report.images, 2);
  EXPECT_EQ(r->report.comments, 2);
  EXPECT_EQ(CountRows(w.world.db(), "attachments"), 2);
  EXPECT_EQ(FilesUnder(w.data / "blobs"), 2u);
  EXPECT_EQ(FilesUnder(w.data / "tmp" / "imports"), 0u);
}

}  // namespace
}  // namespace copydesk::convert
