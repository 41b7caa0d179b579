// Documents in over real HTTP (issue 18): a Word file becomes a content with its images attached
// and its comments anchored; a document becomes a new revision on top of the version the person
// read; hostile files are refused on field `file` with nothing written.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "convert/fixture_path.hpp"
#include "support/content_helpers.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  std::ifstream in(ImportFixture(name), std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Encode(const std::string& text) {
  std::string out;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::size_t FilesUnder(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) ++n;
  }
  return n;
}

struct Desk {
  TestServer server;
  Person owner = MakeOwner(server);

  std::string ImportsPath() const {
    return "/api/v1/workspaces/" + owner.workspace_id + "/imports";
  }

  HttpResponse Import(Person& p, const std::string& path, const std::string& fixture,
                      const std::string& query = "", std::string name = "") {
    if (name.empty()) name = fixture;
    return p.client.Send("POST", path + "?name=" + Encode(name) + query, Fixture(fixture),
                         {{"Content-Type", "application/octet-stream"}});
  }

  // What an import must leave untouched when it fails.
  struct Counts {
    std::size_t contents, blobs, temporary;
    bool operator==(const Counts&) const = default;
  };
  Counts Count() {
    auto list = owner.client.Get(ContentsPath(owner) + "?limit=200");
    EXPECT_EQ(list.status, 200) << list.body;
    const fs::path data(server.config().data_dir);
    return {list.Json().at("items").as_array().size(), FilesUnder(data / "blobs"),
            FilesUnder(data / "tmp" / "imports")};
  }

  json::array Comments(const std::string& id) {
    auto r = owner.client.Get(ContentPath(id) + "/comments");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().at("items").as_array();
  }
  json::array Attachments(const std::string& id) {
    auto r = owner.client.Get(ContentPath(id) + "/attachments");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().at("items").as_array();
  }
};

TEST(Import, AWordFileBecomesAContentWithItsImagesAndAnchoredComments) {
  Desk d;
  auto r = d.Import(d.owner, d.ImportsPath(), "offre.docx");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto body = r.Json().as_object();
  const auto& content = body.at("content").as_object();
  const auto& report = body.at("report").as_object();
  const std::string id = Str(content.at("id"));

  EXPECT_EQ(Str(content.at("title")), "Offre énergie verte");
  EXPECT_EQ(Str(report.at("format")), "docx");
  EXPECT_EQ(Str(report.at("title_from")), "metadata");
  EXPECT_EQ(report.at("images").as_int64(), 2);
  EXPECT_EQ(report.at("comments").as_int64(), 2);
  EXPECT_EQ(report.at("tracked_changes").at("insertions").as_int64(), 2);
  EXPECT_EQ(report.at("tracked_changes").at("deletions").as_int64(), 2);
  EXPECT_TRUE(report.at("tracked_changes").at("accepted").as_bool());

  auto stored = GetContent(d.owner, id);
  EXPECT_EQ(FieldOf(stored, "lead"),
            "Notre nouvelle offre réduit la facture de 20 %, dès le premier mois.");
  const std::string text = FieldOf(stored, "body");
  EXPECT_NE(text.find("## Les détails"), std::string::npos) << text;

  // Each image is an attachment of the content, and the text shows it the way the editor does.
  auto attachments = d.Attachments(id);
  ASSERT_EQ(attachments.size(), 2u);
  for (const auto& a : attachments) {
    const std::string media = Str(a.at("media").at("id"));
    EXPECT_NE(text.find("](/api/v1/media/" + media + "/file)"), std::string::npos) << text;
    EXPECT_EQ(d.owner.client.Get("/api/v1/media/" + media + "/file").status, 200);
  }
  EXPECT_EQ(Str(attachments[0].at("alt")), "Le logo");

  // Word's comments: the author's name kept, anchored to their passage, by the importing person.
  auto comments = d.Comments(id);
  ASSERT_EQ(comments.size(), 2u) << json::serialize(comments);
  const auto& first = comments[0].as_object();
  EXPECT_EQ(Str(first.at("body")), "Marie Dupont (Word): Vérifier avec le juridique.");
  EXPECT_EQ(Str(first.at("author").at("id")), d.owner.user_id) << json::serialize(first);
  EXPECT_EQ(Str(first.at("anchor").at("field")), "body") << json::serialize(first);
  EXPECT_EQ(Str(first.at("anchor").at("quote")), "Le tarif est garanti");
  EXPECT_EQ(Str(comments[1].at("body")), "Paul Martin (Word): Chiffre à sourcer.");

  // Nothing of the conversion stays on disk.
  EXPECT_EQ(FilesUnder(fs::path(d.server.config().data_dir) / "tmp" / "imports"), 0u);
}

TEST(Import, TheReportListsWhatTheTextCouldNotHold) {
  Desk d;
  auto r = d.Import(d.owner, d.ImportsPath(), "objets.docx");
  ASSERT_EQ(r.status, 201) << r.body;
  std::map<std::string, std::int64_t> not_kept;
  for (const auto& n : r.Json().at("report").at("not_kept").as_array())
    not_kept[Str(n.at("what"))] = n.at("count").as_int64();
  EXPECT_EQ(not_kept["text_box"], 1);
  EXPECT_EQ(not_kept["embedded_object"], 1);
  EXPECT_EQ(not_kept["macro"], 1);
  EXPECT_EQ(not_kept["field_code"], 1);
}

TEST(Import, MarkdownAndHtmlFilesBecomeContentsOfTheNamedType) {
  Desk d;
  auto md = d.Import(d.owner, d.ImportsPath(), "guide.md", "&type=article&language=en");
  ASSERT_EQ(md.status, 201) << md.body;
  EXPECT_EQ(Str(md.Json().at("content").at("title")), "Guide de l'offre verte");
  EXPECT_EQ(Str(md.Json().at("content").at("language")), "en");
  EXPECT_EQ(Str(md.Json().at("report").at("title_from")), "heading");

  auto html = d.Import(d.owner, d.ImportsPath(), "communique.html");
  ASSERT_EQ(html.status, 201) << html.body;
  EXPECT_EQ(Str(html.Json().at("content").at("title")), "Communiqué de presse");
  EXPECT_EQ(Str(html.Json().at("report").at("format")), "html");
  EXPECT_EQ(html.Json().at("report").at("images").as_int64(), 1);  // inline in the page
}

TEST(Import, ADocumentBecomesANewRevisionOnTopOfTheVersionRead) {
  Desk d;
  Person editor = MakeMember(d.server, d.owner, "editor");
  auto created = CreateArticle(d.owner, "Lettre", {{"body", "Ancien texte."}});
  const std::string id = Str(created.at("id"));
  const auto version = VersionOf(created);

  // A version the content has moved past: 409, nothing imported.
  auto edited = PatchContent(d.owner, id, version, {{"fields", {{"body", "Texte modifié."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  const auto before = d.Count();
  auto stale = d.Import(editor, ContentPath(id) + "/imports", "lettre.odt",
                        "&version=" + std::to_string(version));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_TRUE(NamesField(stale, "version"));
  EXPECT_EQ(d.Count(), before);
  EXPECT_EQ(FieldOf(GetContent(d.owner, id), "body"), "Texte modifié.");

  const auto current = VersionOf(edited.Json().as_object());
  const auto revision = RevisionOf(edited.Json().as_object());
  auto r = d.Import(editor, ContentPath(id) + "/imports", "lettre.odt",
                    "&version=" + std::to_string(current));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& content = r.Json().at("content").as_object();
  EXPECT_EQ(Str(content.at("title")), "Lettre aux abonnés");
  EXPECT_GT(VersionOf(content), current);
  EXPECT_GT(RevisionOf(content), revision);
  EXPECT_NE(FieldOf(GetContent(d.owner, id), "body").find("## Ce qui change"), std::string::npos);
  // The text it replaced stays in the history.
  EXPECT_EQ(FieldOf(RevisionAt(d.owner, id, revision), "body"), "Texte modifié.");
}

TEST(Import, ALockedContentTakesNoImport) {
  Desk d;
  auto created = CreateArticle(d.owner, "Verrouillé", {{"body", "Texte."}});
  const std::string id = Str(created.at("id"));
  ASSERT_EQ(d.owner.client.Post(ContentPath(id) + "/lock", {{"reason", "Legal hold"}}).status / 100,
            2);
  const auto version = VersionOf(GetContent(d.owner, id));
  auto r = d.Import(d.owner, ContentPath(id) + "/imports", "guide.md",
                    "&version=" + std::to_string(version));
  EXPECT_EQ(r.status, 423) << r.body;
}

TEST(Import, AGuestImportsIntoWhatIsSharedWithThemForEditingOnly) {
  Desk d;
  Person agency = MakeMember(d.server, d.owner, "guest");
  auto shared = CreateArticle(d.owner, "Partagé", {{"body", "Texte."}});
  auto other = CreateArticle(d.owner, "Interne", {{"body", "Texte."}});
  const std::string shared_id = Str(shared.at("id")), other_id = Str(other.at("id"));
  auto share = d.owner.client.Post(ContentPath(shared_id) + "/shares",
                                   {{"user_id", agency.user_id}, {"level", "edit"}});
  ASSERT_EQ(share.status, 201) << share.body;

  auto into_shared = d.Import(agency, ContentPath(shared_id) + "/imports", "offre.docx",
                              "&version=" + std::to_string(VersionOf(shared)));
  EXPECT_EQ(into_shared.status, 200) << into_shared.body;
  EXPECT_EQ(into_shared.Json().at("report").at("images").as_int64(), 2);
  EXPECT_EQ(d.Import(agency, ContentPath(other_id) + "/imports", "guide.md",
                     "&version=" + std::to_string(VersionOf(other)))
                .status,
            404);
  EXPECT_EQ(d.Import(agency, d.ImportsPath(), "guide.md").status, 403);
}

struct Refusal {
  const char* fixture;
  const char* reason;
};

class ImportRefusal : public ::testing::TestWithParam<Refusal> {};

TEST_P(ImportRefusal, IsA422NamingFileWithNothingWritten) {
  Desk d;
  CreateArticle(d.owner, "Déjà là", {{"body", "Texte."}});
  const auto before = d.Count();
  auto r = d.Import(d.owner, d.ImportsPath(), GetParam().fixture, "", "document.docx");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/problem+json");
  EXPECT_TRUE(NamesField(r, "file")) << r.body;
  EXPECT_EQ(Str(r.Json().at("detail")), GetParam().reason);
  EXPECT_EQ(d.Count(), before);
}

INSTANTIATE_TEST_SUITE_P(
    HostileFiles, ImportRefusal,
    ::testing::Values(Refusal{"pdf-named.docx",
                              "This file is not a Word document although its name ends in .docx."},
                      Refusal{"bomb.docx", "This archive expands to more than 200 MB."},
                      Refusal{"encrypted.docx", "This document is password-protected."},
                      Refusal{"truncated.docx", "This file is damaged and could not be read."}));

TEST(Import, ANameOfAnotherKindIsRefusedOnFieldFile) {
  Desk d;
  auto r = d.owner.client.Send("POST", d.ImportsPath() + "?name=photo.jpg", "not really",
                               {{"Content-Type", "application/octet-stream"}});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(NamesField(r, "file"));
}

TEST(Import, AnUnknownTypeIsRefusedOnFieldType) {
  Desk d;
  auto r = d.Import(d.owner, d.ImportsPath(), "guide.md", "&type=nosuchtype");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(NamesField(r, "type"));
}

}  // namespace
}  // namespace copydesk::testing

namespace copydesk::testing {
namespace {

// The round trip through the export route: import → export as .docx → import as a new content
// keeps the title, the lead and the body's text and structure (images and the rule before the
// notes aside).
TEST(Import, ImportExportImportThroughTheExportRouteKeepsTheText) {
  Desk d;
  auto first = d.Import(d.owner, d.ImportsPath(), "offre.docx");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string id = Str(first.Json().at("content").at("id"));
  auto exported = d.owner.client.Get(ContentPath(id) + "/export?format=docx");
  ASSERT_EQ(exported.status, 200) << exported.body;
  auto second = d.owner.client.Send("POST", d.ImportsPath() + "?name=exported.docx", exported.body,
                                    {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(second.status, 201) << second.body;
  const auto a = GetContent(d.owner, id);
  const auto b = GetContent(d.owner, Str(second.Json().at("content").at("id")));
  EXPECT_EQ(Str(a.at("title")), Str(b.at("title")));
  EXPECT_EQ(FieldOf(a, "lead"), FieldOf(b, "lead"));
  // Normalised: images aside, an image's caption (its alt text, which the export writes under
  // it) said once, and the list of attached files the export ends with left out.
  const auto text = [](std::string markdown) {
    static const std::regex file_name(R"(^[\w.-]+\.(png|jpe?g|gif|webp)$)");
    std::string out, previous;
    std::istringstream in(markdown);
    bool blank = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("![", 0) == 0 || std::regex_match(line, file_name)) continue;
      if (line.size() >= 3 && line.find_first_not_of('-') == std::string::npos) continue;
      if (!line.empty() && line == previous) continue;
      if (line.empty() && blank) continue;
      blank = line.empty();
      if (!line.empty()) previous = line;
      out += line + "\n";
    }
    while (out.ends_with("\n\n")) out.pop_back();
    return out;
  };
  EXPECT_EQ(text(FieldOf(a, "body")), text(FieldOf(b, "body")));
  EXPECT_EQ(second.Json().at("report").at("images").as_int64(), 2);
}

}  // namespace
}  // namespace copydesk::testing

namespace copydesk::testing {
namespace {

TEST(ImportCommand, ImportsEachFileAsAContentAndFailsWhenOneIsRefused) {
  REQUIRE_COPYDESK_BINARY(binary);
  Desk d;
  auto ws = d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id);
  ASSERT_EQ(ws.status, 200) << ws.body;
  const std::string slug = Str(ws.Json().at("slug"));
  const auto before = d.Count();
  auto run = RunProcess({binary, "import", "--data", d.server.config().data_dir, "--workspace",
                         slug, ImportFixture("guide.md").string(),
                         ImportFixture("bomb.docx").string(), ImportFixture("offre.docx").string()},
                        "", std::chrono::seconds(60));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("[2/3]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("This archive expands to more than 200 MB."), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("imported 2 of 3 file(s)"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("Offre énergie verte"), std::string::npos) << run.out;
  EXPECT_EQ(d.Count().contents, before.contents + 2);
}

}  // namespace
}  // namespace copydesk::testing
