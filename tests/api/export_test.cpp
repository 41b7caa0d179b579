// Exports and the proof pack over real HTTP (issue 18), with the real pandoc, WeasyPrint and
// pdftotext: every format comes out, revisions are chosen by number or by validation, guests and
// review visitors export only what they may read, a project comes out as a .zip with its index,
// and a proof pack names the validated revision, lists the stale approval with why, and stops
// matching once the stored text is edited behind copydesk's back.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zip.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>

#include "support/content_helpers.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

//! The entries of a .zip and their bytes, read with libzip.
std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (archive == nullptr) {
    ADD_FAILURE() << "not a zip";
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(archive, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(archive, i, 0);
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_close(archive);
  return out;
}

//! A PNG of 8 x 8 pixels.
std::string Png() {
  static const unsigned char kPng[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
      0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
      0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08,
      0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D,
      0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(kPng), sizeof(kPng));
}

std::string Encode(const std::string& s) {
  std::string out;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string FieldError(const HttpResponse& r) {
  const auto& j = r.Json();
  if (!j.is_object() || !j.as_object().contains("errors")) return "";
  return Str(j.at("errors").at(0).at("field"));
}

//! The text of a PDF (pdftotext, pages separated by form feeds).
std::string PdfText(const std::string& pdf, const fs::path& folder) {
  const auto in = folder / "in.pdf";
  std::ofstream(in, std::ios::binary) << pdf;
  auto run = RunProcess({"/usr/bin/pdftotext", "-layout", in.string(), "-"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return run.out;
}

struct Desk {
  TestServer server;
  Person owner = MakeOwner(server);
  std::string Article(const std::string& title, json::object fields = {}) {
    return Str(CreateArticle(owner, title, std::move(fields)).at("id"));
  }
  HttpResponse Export(Person& p, const std::string& id, const std::string& query) {
    return p.client.Get(ContentPath(id) + "/export?" + query);
  }
  // Legal (the default workflow's "Juridique" team) with a member who approves.
  std::string legal_team;
  std::optional<Person> legal;
  void MakeLegal() {
    legal = MakeMember(server, owner, "reviewer");
    const auto teams =
        owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/teams").Json();
    for (const auto& t : teams.at("items").as_array())
      if (t.at("name").as_string() == "Juridique") legal_team = Str(t.at("id"));
    ASSERT_EQ(
        owner.client
            .Put("/api/v1/workspaces/" + owner.workspace_id + "/teams/" + legal_team + "/members",
                 json::array{json::string(legal->user_id)})
            .status,
        200);
  }
  void ToLegalReview(const std::string& id) {
    const auto workflow =
        owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/workflow").Json();
    auto moved = owner.client.Post(
        ContentPath(id) + "/status",
        {{"status", workflow.at("statuses").at(3).at("id")}, {"comment", "Pour validation"}});
    ASSERT_EQ(moved.status, 200) << moved.body;
  }
  void Approve(const std::string& id) {
    const auto revision = RevisionOf(GetContent(owner, id));
    auto approved = legal->client.Post(ContentPath(id) + "/approvals",
                                       {{"revision", revision},
                                        {"decision", "approved"},
                                        {"comment", "Mentions légales conformes"}});
    ASSERT_EQ(approved.status, 201) << approved.body;
  }
};

const json::object kFields = {
    {"lead", "Un chapô « court ».\nSur deux lignes."},
    {"body",
     "## Une offre\n\nDu texte **gras** et un tableau :\n\n| Offre | Prix |\n|---|---|\n| "
     "Solaire | 10 € |\n\n![volé](/etc/hostname)\n"}};

// ---- formats ----------------------------------------------------------------------------------

TEST(ExportFormats, EachFormatComesOutWithItsTypeAndName) {
  Desk d;
  const std::string id = d.Article("Offre d'été", kFields);
  auto attached = d.owner.client.Send("POST", ContentPath(id) + "/attachments?name=pixel.png",
                                      Png(), {{"Content-Type", "image/png"}});
  ASSERT_EQ(attached.status, 201) << attached.body;
  const std::string revision = std::to_string(RevisionOf(GetContent(d.owner, id)));

  auto md = d.Export(d.owner, id, "format=md");
  ASSERT_EQ(md.status, 200) << md.body;
  EXPECT_EQ(md.Header("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_NE(md.Header("Content-Disposition").find("offre-d-ete-r" + revision + ".md"),
            std::string::npos)
      << md.Header("Content-Disposition");
  EXPECT_EQ(md.body.rfind("# Offre d'été", 0), 0u) << md.body;
  EXPECT_NE(md.body.find("**gras**"), std::string::npos);

  auto html = d.Export(d.owner, id, "format=html");
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_NE(html.body.find("<title>Offre d&#39;été</title>"), std::string::npos);
  EXPECT_NE(html.body.find("<table"), std::string::npos);
  EXPECT_NE(html.body.find("data:image/png;base64,"), std::string::npos);
  // The image that pointed at a server file is only its description: nothing was read.
  EXPECT_EQ(html.body.find("/etc/hostname"), std::string::npos);
  EXPECT_NE(html.body.find("volé"), std::string::npos);

  for (const std::string format : {"docx", "odt"}) {
    auto doc = d.Export(d.owner, id, "format=" + format);
    ASSERT_EQ(doc.status, 200) << format << doc.body;
    const auto entries = Unzip(doc.body);
    if (format == "docx") {
      ASSERT_TRUE(entries.contains("word/document.xml"));
      EXPECT_NE(entries.at("word/document.xml").find("Solaire"), std::string::npos);
      bool image = false;
      for (const auto& [name, bytes] : entries) {
        if (name.rfind("word/media/", 0) == 0) {
          image = true;
          EXPECT_EQ(bytes, Png()) << name;  // the attachment, never a server file
        }
      }
      EXPECT_TRUE(image);
    } else {
      ASSERT_TRUE(entries.contains("content.xml"));
      EXPECT_EQ(entries.at("mimetype"), "application/vnd.oasis.opendocument.text");
    }
  }

  auto pdf = d.Export(d.owner, id, "format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  const std::string text = PdfText(pdf.body, d.server.data_dir());
  EXPECT_NE(text.find("Offre d'été"), std::string::npos) << text;
  EXPECT_NE(text.find("révision " + revision), std::string::npos) << text;
  EXPECT_NE(text.find("page 1 sur 1"), std::string::npos) << text;
}

TEST(ExportFormats, AnUnknownFormatIsRefusedNamingIt) {
  Desk d;
  const std::string id = d.Article("Brève");
  auto r = d.Export(d.owner, id, "format=rtf");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldError(r), "format");
}

// ---- revisions --------------------------------------------------------------------------------

TEST(ExportRevisions, ARevisionByNumberAndTheValidatedOne) {
  Desk d;
  d.MakeLegal();
  const std::string id = d.Article("Tarifs 2027", {{"lead", "Première version."}});
  auto none = d.Export(d.owner, id, "format=md&revision=validated");
  EXPECT_EQ(none.status, 404) << none.body;
  EXPECT_EQ(FieldError(none), "revision");
  auto missing = d.Export(d.owner, id, "format=md&revision=99");
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(FieldError(missing), "revision");
  auto bad = d.Export(d.owner, id, "format=md&revision=latest");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldError(bad), "revision");

  d.ToLegalReview(id);
  d.Approve(id);
  const auto validated = RevisionOf(GetContent(d.owner, id));
  // Another author's change is a new revision, after the validated one.
  Person editor = MakeMember(d.server, d.owner, "editor");
  auto changed = PatchContent(editor, id, VersionOf(GetContent(d.owner, id)),
                              {{"fields", {{"lead", "Deuxième version."}}}});
  ASSERT_EQ(changed.status, 200) << changed.body;

  auto current = d.Export(d.owner, id, "format=md");
  EXPECT_NE(current.body.find("Deuxième version."), std::string::npos) << current.body;
  auto at_validation = d.Export(d.owner, id, "format=md&revision=validated");
  ASSERT_EQ(at_validation.status, 200) << at_validation.body;
  EXPECT_NE(at_validation.body.find("Première version."), std::string::npos);
  EXPECT_NE(
      at_validation.Header("Content-Disposition").find("-r" + std::to_string(validated) + ".md"),
      std::string::npos);
  auto first = d.Export(d.owner, id, "format=md&revision=1");
  EXPECT_EQ(first.status, 200);

  // The same from the command line.
  const auto out = fs::path(d.server.config().data_dir).parent_path() / "validated.md";
  auto cli =
      RunProcess({CopydeskBinary(), "export", "--data=" + d.server.config().data_dir, "--content",
                  id, "--format", "md", "--revision", "validated", "--out", out.string()});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_NE(cli.err.find("wrote " + out.string()), std::string::npos) << cli.err;
  std::ifstream written(out);
  const std::string text((std::istreambuf_iterator<char>(written)),
                         std::istreambuf_iterator<char>());
  EXPECT_EQ(text, at_validation.body);
}

// ---- who may export what ----------------------------------------------------------------------

TEST(ExportAccess, AGuestExportsOnlyWhatIsSharedWithThem) {
  Desk d;
  Person guest = MakeMember(d.server, d.owner, "guest");
  const std::string shared = d.Article("Partagé");
  const std::string secret = d.Article("Interne");
  ASSERT_EQ(
      d.owner.client
          .Post(ContentPath(shared) + "/shares", {{"user_id", guest.user_id}, {"level", "read"}})
          .status,
      201);
  EXPECT_EQ(d.Export(guest, shared, "format=md").status, 200);
  EXPECT_EQ(d.Export(guest, secret, "format=md").status, 404);
  Person outsider = MakeOutsider(d.server, d.owner);
  EXPECT_EQ(d.Export(outsider, shared, "format=md").status, 404);
  HttpClient anonymous = d.server.Client();
  EXPECT_EQ(anonymous.Get(ContentPath(shared) + "/export?format=md").status, 401);
}

TEST(ExportAccess, AReviewVisitorExportsWhatTheLinkShowsAtItsRevision) {
  Desk d;
  const std::string id = d.Article("Relecture", {{"lead", "Le texte relu."}});
  const std::string other = d.Article("Autre");
  auto link = d.owner.client.Post(ContentPath(id) + "/links", {{"level", "read"}});
  ASSERT_EQ(link.status, 201) << link.body;
  const std::string secret = Str(link.Json().at("secret"));
  HttpClient visitor = d.server.Client();
  auto opened = visitor.Post("/api/v1/review/" + secret + "/session",
                             {{"name", "Agence"}, {"email", "agence@example.com"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string base = "/api/v1/review/" + secret + "/contents/";
  auto r = visitor.Get(base + id + "/export?format=pdf");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(visitor.Get(base + other + "/export?format=md").status, 404);
  auto older = visitor.Get(base + id + "/export?format=md&revision=1");
  EXPECT_EQ(older.status, 422);
  EXPECT_EQ(FieldError(older), "revision");
  // The member route is not theirs.
  EXPECT_EQ(visitor.Get(ContentPath(id) + "/export?format=md").status, 401);
}

// ---- a project as a .zip ----------------------------------------------------------------------

TEST(ExportCollections, AProjectComesOutAsAZipWithItsIndex) {
  Desk d;
  auto project = d.owner.client.Post("/api/v1/workspaces/" + d.owner.workspace_id + "/projects",
                                     {{"name", "Campagne été"}});
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string project_id = Str(project.Json().at("id"));
  for (const std::string title : {"Premier", "Second", "=SUM(A1)"}) {
    CreateContent(d.owner, {{"type", "article"}, {"title", title}, {"project", project_id}});
  }
  d.Article("Hors projet");
  auto r = d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id +
                              "/export?project=" + project_id + "&format=md");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/zip");
  const auto entries = Unzip(r.body);
  EXPECT_EQ(entries.size(), 5u);
  ASSERT_TRUE(entries.contains("index.csv"));
  ASSERT_TRUE(entries.contains("index.html"));
  const std::string& csv = entries.at("index.csv");
  EXPECT_EQ(csv.rfind("title,status,revision,language,channels,publish_at,file\r\n", 0), 0u);
  EXPECT_NE(csv.find("\"Premier\""), std::string::npos);
  EXPECT_EQ(csv.find("Hors projet"), std::string::npos);
  EXPECT_NE(csv.find("\"'=SUM(A1)\""), std::string::npos) << csv;  // never a formula
  EXPECT_TRUE(entries.contains("premier-r1.md"));

  // A saved view of the project gives the same contents.
  auto view = d.owner.client.Post("/api/v1/workspaces/" + d.owner.workspace_id + "/views",
                                  {{"name", "Campagne"}, {"filters", {{"project", {project_id}}}}});
  ASSERT_EQ(view.status, 201) << view.body;
  auto by_view = d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id +
                                    "/export?view=" + Str(view.Json().at("id")) + "&format=md");
  ASSERT_EQ(by_view.status, 200) << by_view.body;
  EXPECT_EQ(Unzip(by_view.body).size(), 5u);

  // And from the command line, with progress on stderr.
  const auto zip = fs::path(d.server.config().data_dir).parent_path() / "campagne.zip";
  auto cli = RunProcess({CopydeskBinary(), "export", "--data=" + d.server.config().data_dir,
                         "--project", project_id, "--format", "md", "--out", zip.string()});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_NE(cli.err.find("[3/3]"), std::string::npos) << cli.err;

  auto neither =
      d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id + "/export?format=md");
  EXPECT_EQ(neither.status, 422);
  auto unknown = d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id +
                                    "/export?project=nope&format=md");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(FieldError(unknown), "project");
}

// ---- the reference document -------------------------------------------------------------------

TEST(ExportTemplate, OwnersSetAWordReferenceDocumentOthersCannot) {
  Desk d;
  const std::string path = "/api/v1/workspaces/" + d.owner.workspace_id + "/export-template";
  EXPECT_EQ(d.owner.client.Get(path).status, 404);
  auto reference = RunProcess({"/usr/bin/pandoc", "--print-default-data-file", "reference.docx"});
  ASSERT_EQ(reference.exit_code, 0);
  Person editor = MakeMember(d.server, d.owner, "editor");
  EXPECT_EQ(editor.client
                .Send("PUT", path + "?name=" + Encode("modèle.docx"), reference.out,
                      {{"Content-Type", "application/octet-stream"}})
                .status,
            403);
  auto text = d.owner.client.Send("PUT", path + "?name=modele.docx", "pas un document",
                                  {{"Content-Type", "application/octet-stream"}});
  EXPECT_EQ(text.status, 422);
  EXPECT_EQ(FieldError(text), "file");
  auto put = d.owner.client.Send("PUT", path + "?name=" + Encode("modèle.docx"), reference.out,
                                 {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Str(put.Json().at("format")), "docx");
  EXPECT_EQ(Str(put.Json().at("name")), "modèle.docx");
  auto got = editor.client.Get(path);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.Json().at("size").as_int64(), static_cast<std::int64_t>(reference.out.size()));
  EXPECT_EQ(d.owner.client.Delete(path).status, 204);
  EXPECT_EQ(d.owner.client.Get(path).status, 404);
}

// ---- the proof pack -----------------------------------------------------------------------------

TEST(ExportProof, NamesTheRevalidatedRevisionListsTheStaleApprovalAndFailsAfterADatabaseEdit) {
  Desk d;
  d.MakeLegal();
  const std::string id = d.Article("Allégation environnementale",
                                   {{"lead", "Énergie 100 % verte."}, {"body", "Le détail."}});
  d.ToLegalReview(id);
  d.Approve(id);
  const auto first = RevisionOf(GetContent(d.owner, id));
  Person editor = MakeMember(d.server, d.owner, "editor");
  ASSERT_EQ(PatchContent(editor, id, VersionOf(GetContent(d.owner, id)),
                         {{"fields", {{"lead", "Énergie verte à 100 %, certifiée."}}}})
                .status,
            200);
  const auto second = RevisionOf(GetContent(d.owner, id));
  ASSERT_GT(second, first);
  d.Approve(id);
  const std::string hash = Str(GetContent(d.owner, id).at("content_hash"));

  auto json_proof = d.owner.client.Get(ContentPath(id) + "/proof?format=json");
  ASSERT_EQ(json_proof.status, 200) << json_proof.body;
  const auto& proof = json_proof.Json();
  EXPECT_EQ(proof.at("proof_version").as_int64(), 1);
  EXPECT_EQ(proof.at("revision").at("number").as_int64(), second);
  EXPECT_EQ(Str(proof.at("revision").at("hash")), hash);
  EXPECT_EQ(Str(proof.at("revision").at("hash_algorithm")), "sha256");
  const auto& approvals = proof.at("approvals").as_array();
  ASSERT_EQ(approvals.size(), 2u) << json_proof.body;
  EXPECT_EQ(Str(approvals.at(0).at("state")), "stale");
  EXPECT_EQ(approvals.at(0).at("revision").as_int64(), first);
  EXPECT_NE(Str(approvals.at(0).at("stale_because")).find("changed the text"), std::string::npos)
      << approvals.at(0);
  EXPECT_EQ(Str(approvals.at(1).at("state")), "valid");
  EXPECT_EQ(Str(approvals.at(1).at("team").at("name")), "Juridique");
  EXPECT_TRUE(approvals.at(1).at("stale_because").is_null());
  ASSERT_FALSE(proof.at("trail").as_array().empty());
  EXPECT_EQ(Str(proof.at("trail").at(0).at("comment")), "Pour validation");
  EXPECT_TRUE(proof.at("changes_since_validation").is_null());

  auto pdf = d.owner.client.Get(ContentPath(id) + "/proof");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  const std::string text = PdfText(pdf.body, d.server.data_dir());
  EXPECT_NE(text.find(hash.substr(0, 32)), std::string::npos) << text;
  EXPECT_NE(text.find("Juridique"), std::string::npos);

  // Both twins match what is stored, through the API and the command line.
  auto verified = d.owner.client.Post("/api/v1/proofs/verify", proof);
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_TRUE(verified.Json().at("matches").as_bool()) << verified.body;
  auto verified_pdf = d.owner.client.Send("POST", "/api/v1/proofs/verify", pdf.body,
                                          {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(verified_pdf.status, 200) << verified_pdf.body;
  EXPECT_TRUE(verified_pdf.Json().at("matches").as_bool()) << verified_pdf.body;
  const auto pdf_file = d.server.data_dir() / "proof.pdf";
  std::ofstream(pdf_file, std::ios::binary) << pdf.body;
  const std::string data = "--data=" + d.server.config().data_dir;
  auto cli = RunProcess({CopydeskBinary(), "verify-proof", data, pdf_file.string()});
  EXPECT_EQ(cli.exit_code, 0) << cli.out << cli.err;

  // Someone edits the stored text directly in the database file.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((fs::path(d.server.config().data_dir) / "copydesk.db").c_str(), &db),
            SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  const std::string sql =
      "UPDATE revisions SET title = 'Allégation modifiée' WHERE content_id = '" + id +
      "' AND number = " + std::to_string(second);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto tampered = d.owner.client.Post("/api/v1/proofs/verify", proof);
  ASSERT_EQ(tampered.status, 200) << tampered.body;
  EXPECT_FALSE(tampered.Json().at("matches").as_bool());
  EXPECT_FALSE(tampered.Json().at("checks").at(0).at("ok").as_bool()) << tampered.body;
  EXPECT_EQ(Str(tampered.Json().at("checks").at(0).at("what")), "revision_hash");
  auto cli_after = RunProcess({CopydeskBinary(), "verify-proof", data, pdf_file.string()});
  EXPECT_EQ(cli_after.exit_code, 1) << cli_after.out << cli_after.err;
  EXPECT_NE(cli_after.out.find("does NOT match"), std::string::npos) << cli_after.out;
}

// docs/export-and-proof.md: the hash can be recomputed from the JSON twin with jq and sha256sum.
TEST(ExportProof, TheHashIsRecomputedFromTheTwinOnTheCommandLine) {
  Desk d;
  const std::string id = d.Article("Visuel « été »", {{"lead", "Ligne 1\nLigne 2 \"citée\""}});
  ASSERT_EQ(d.owner.client
                .Send("POST", ContentPath(id) + "/attachments?name=pixel.png", Png(),
                      {{"Content-Type", "image/png"}})
                .status,
            201);
  auto r = d.owner.client.Get(ContentPath(id) + "/proof?format=json");
  ASSERT_EQ(r.status, 200) << r.body;
  auto jq = RunProcess({"/bin/sh", "-c",
                        "jq -jcS '{attachments: [.revision.attachments[] | {attachment_id, "
                        "media_id, version, sha256, name}], fields: .revision.fields, title: "
                        ".revision.title} | if .attachments == [] then del(.attachments) else . "
                        "end' | sha256sum"},
                       r.body);
  ASSERT_EQ(jq.exit_code, 0) << jq.err;
  EXPECT_EQ(jq.out.substr(0, 64), Str(r.Json().at("revision").at("hash")));
  EXPECT_EQ(Str(r.Json().at("revision").at("hash")),
            Str(GetContent(d.owner, id).at("content_hash")));
}

TEST(ExportProof, ChangesSinceValidationAreListedWhenTheTextMovedOn) {
  Desk d;
  d.MakeLegal();
  const std::string id = d.Article("Consigne de sécurité", {{"lead", "Coupez le gaz."}});
  d.ToLegalReview(id);
  d.Approve(id);
  const auto validated = RevisionOf(GetContent(d.owner, id));
  Person editor = MakeMember(d.server, d.owner, "editor");
  ASSERT_EQ(PatchContent(editor, id, VersionOf(GetContent(d.owner, id)),
                         {{"fields", {{"lead", "Coupez le gaz et aérez."}}}})
                .status,
            200);
  auto r = d.owner.client.Get(ContentPath(id) + "/proof?format=json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("revision").at("number").as_int64(), validated);
  const auto& changes = r.Json().at("changes_since_validation");
  ASSERT_TRUE(changes.is_object()) << r.body;
  EXPECT_EQ(changes.at("current_revision").as_int64(), RevisionOf(GetContent(d.owner, id)));
  EXPECT_NE(json::serialize(changes.at("diff")).find("aérez"), std::string::npos);
  Person guest = MakeMember(d.server, d.owner, "guest");
  EXPECT_EQ(guest.client.Get(ContentPath(id) + "/proof?format=json").status, 404);
  EXPECT_EQ(guest.client.Post("/api/v1/proofs/verify", r.Json()).status, 404);
}

}  // namespace
}  // namespace copydesk::testing
