#include "convert/import.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "convert/fixture_path.hpp"
#include "core/random.hpp"

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
