// Files beside the text over real HTTP (issue 17): uploads streamed to disk and checked (name,
// emptiness, type from the bytes, size), versions that make a new revision and a stale approval,
// the media library, safe downloads, renditions without EXIF, and who may read what.
#include <gtest/gtest.h>
#include <vips/vips.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "support/content_helpers.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// ---- files to upload -------------------------------------------------------------------------

//! A JPEG of `width` x `height` made by libvips, with an EXIF segment naming a place (as a
//! phone's photo would) right after its start.
std::string Jpeg(int width = 64, int height = 48) {
  VIPS_INIT("files_test");
  VipsImage* black = nullptr;
  vips_black(&black, width, height, "bands", 3, nullptr);
  void* buffer = nullptr;
  size_t size = 0;
  vips_jpegsave_buffer(black, &buffer, &size, nullptr);
  g_object_unref(black);
  std::string jpeg(static_cast<const char*>(buffer), size);
  g_free(buffer);
  // APP1 "Exif": a little-endian TIFF header, an empty first IFD, and the place in clear text
  // after it (what a reader of the rendition must never find).
  std::string tiff = std::string("II*\0\x08\0\0\0", 8) + std::string("\0\0\0\0\0\0", 6) +
                     "GPS 43.2965N 5.3698E Marseille";
  std::string body = std::string("Exif\0\0", 6) + tiff;
  const std::size_t length = body.size() + 2;
  std::string app1 = std::string("\xFF\xE1", 2) + static_cast<char>(length >> 8) +
                     static_cast<char>(length & 0xFF) + body;
  return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

//! A PNG (1 x 1, opaque).
std::string Png() {
  static const unsigned char kPng[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
      0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
      0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08,
      0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D,
      0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(kPng), sizeof(kPng));
}

//! A ZIP holding one large entry of zeros, stored deflated: a small file that would expand to
//! 100 MB if anyone opened it.
std::string ZipBomb() {
  // Made once by the test itself with zlib through Python would be a dependency; instead a
  // deflate stream of zeros is built by hand: 100 MB of zeros deflate to ~100 kB.
  std::string zeros_deflated;
  {
    // A stored (uncompressed) ZIP is enough for libmagic to see a ZIP; the "bomb" is its
    // declared size: 100 MB in the central directory for 22 bytes of data.
    zeros_deflated.assign(22, '\0');
  }
  const std::string name = "word/document.xml";
  auto le16 = [](int v) {
    return std::string{static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)};
  };
  auto le32 = [&](std::uint32_t v) {
    return le16(static_cast<int>(v & 0xFFFF)) + le16(static_cast<int>(v >> 16));
  };
  const std::uint32_t declared = 100u * 1024 * 1024;
  std::string local = std::string("PK\x03\x04", 4) + le16(20) + le16(0) + le16(8) + le16(0) +
                      le16(0) + le32(0) + le32(static_cast<std::uint32_t>(zeros_deflated.size())) +
                      le32(declared) + le16(static_cast<int>(name.size())) + le16(0) + name;
  std::string central = std::string("PK\x01\x02", 4) + le16(20) + le16(20) + le16(0) + le16(8) +
                        le16(0) + le16(0) + le32(0) +
                        le32(static_cast<std::uint32_t>(zeros_deflated.size())) + le32(declared) +
                        le16(static_cast<int>(name.size())) + le16(0) + le16(0) + le16(0) +
                        le16(0) + le32(0) + le32(0) + name;
  const std::string data = local + zeros_deflated;
  std::string end = std::string("PK\x05\x06", 4) + le16(0) + le16(0) + le16(1) + le16(1) +
                    le32(static_cast<std::uint32_t>(central.size())) +
                    le32(static_cast<std::uint32_t>(data.size())) + le16(0);
  return data + central + end;
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

//! Uploads `bytes` as a raw body to `path` under `name`.
HttpResponse Upload(Person& p, const std::string& path, const std::string& bytes,
                    const std::string& name, const std::string& type = "application/octet-stream",
                    const std::string& extra_query = "") {
  return p.client.Send("POST", path + "?name=" + Encode(name) + extra_query, bytes,
                       {{"Content-Type", type}});
}

std::string AttachmentsPath(const std::string& content) {
  return ContentPath(content) + "/attachments";
}
std::string LibraryPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id + "/media";
}

//! Files left in the server's folder of uploads being received.
std::size_t PartialUploads(TestServer& server) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(fs::path(server.config().data_dir) / "tmp" / "uploads", ec);
       !ec && it != fs::directory_iterator(); it.increment(ec)) {
    ++n;
  }
  return n;
}

std::size_t StoredBlobs(TestServer& server) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(fs::path(server.config().data_dir) / "blobs", ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) ++n;
  }
  return n;
}

struct Desk {
  TestServer server;
  Person owner = MakeOwner(server);
  std::string Article(const std::string& title = "Post LinkedIn") {
    return Str(CreateArticle(owner, title, {{"body", "Le texte."}}).at("id"));
  }
  json::object Attach(const std::string& content, const std::string& bytes, const std::string& name,
                      const std::string& alt = "") {
    auto r = Upload(owner, AttachmentsPath(content), bytes, name, "image/jpeg",
                    alt.empty() ? "" : "&alt=" + Encode(alt));
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = r.Json();
    return j.is_object() ? j.as_object() : json::object{};
  }
};

// ---- uploads ---------------------------------------------------------------------------------

TEST(FilesUpload, AnImageIsStoredByItsHashAndDownloadedAsSent) {
  Desk d;
  const std::string id = d.Article();
  const std::string jpeg = Jpeg(640, 480);
  auto a = d.Attach(id, jpeg, "Visuel LinkedIn.jpg", "Une éolienne");
  EXPECT_EQ(Str(a.at("alt")), "Une éolienne");
  EXPECT_EQ(a.at("position").as_int64(), 1);
  const auto& media = a.at("media").as_object();
  EXPECT_EQ(Str(media.at("kind")), "image");
  EXPECT_EQ(Str(media.at("name")), "Visuel LinkedIn.jpg");
  const auto& current = media.at("current").as_object();
  EXPECT_EQ(Str(current.at("type")), "image/jpeg");
  EXPECT_EQ(current.at("size").as_int64(), static_cast<std::int64_t>(jpeg.size()));
  EXPECT_EQ(current.at("width").as_int64(), 640);
  EXPECT_EQ(current.at("height").as_int64(), 480);
  EXPECT_EQ(StoredBlobs(d.server), 1u);

  auto file = d.owner.client.Get(Str(current.at("url")));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, jpeg);
  EXPECT_EQ(file.Header("Content-Type"), "image/jpeg");
  EXPECT_EQ(file.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(file.Header("Content-Disposition"),
            "inline; filename=\"Visuel LinkedIn.jpg\"; filename*=UTF-8''Visuel%20LinkedIn.jpg");
  EXPECT_EQ(file.Header("ETag"), "\"" + Str(current.at("sha256")) + "\"");
  EXPECT_EQ(file.Header("Cache-Control").rfind("private", 0), 0u);

  auto listed = d.owner.client.Get(AttachmentsPath(id));
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(GetContent(d.owner, id).at("attachments_count").as_int64(), 1);
}

TEST(FilesUpload, IdenticalFilesAreStoredOnce) {
  Desk d;
  const std::string jpeg = Jpeg();
  d.Attach(d.Article("Un"), jpeg, "a.jpg");
  d.Attach(d.Article("Deux"), jpeg, "b.jpg");
  EXPECT_EQ(StoredBlobs(d.server), 1u);
}

TEST(FilesUpload, AnEmptyFileIsRefused) {
  Desk d;
  auto r = Upload(d.owner, AttachmentsPath(d.Article()), "", "vide.jpg");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("\"file\""), std::string::npos) << r.body;
  EXPECT_EQ(PartialUploads(d.server), 0u);
}

TEST(FilesUpload, TheTypeComesFromTheBytesNotTheName) {
  Desk d;
  const std::string id = d.Article();
  // A page under a photo's name, and a program under a PDF's.
  auto html =
      Upload(d.owner, AttachmentsPath(id), "<!DOCTYPE html><html><script>alert(1)</script></html>",
             "photo.jpg", "image/jpeg");
  EXPECT_EQ(html.status, 415) << html.body;
  auto elf = Upload(d.owner, AttachmentsPath(id),
                    std::string("\x7F"
                                "ELF\x02\x01\x01",
                                7) +
                        std::string(200, '\0'),
                    "devis.pdf", "application/pdf");
  EXPECT_EQ(elf.status, 415) << elf.body;
  // And a real image under any name and type is an image.
  auto png = Upload(d.owner, AttachmentsPath(id), Png(), "notes.txt", "text/plain");
  ASSERT_EQ(png.status, 201) << png.body;
  EXPECT_EQ(Str(png.Json().at("media").at("current").at("type")), "image/png");
  EXPECT_EQ(GetContent(d.owner, id).at("attachments_count").as_int64(), 1);
}

TEST(FilesUpload, PlainTextAndCsvAreTaken) {
  Desk d;
  auto text = Upload(d.owner, LibraryPath(d.owner), "Bonjour.\nLe brief.\n", "brief.txt");
  ASSERT_EQ(text.status, 201) << text.body;
  EXPECT_EQ(Str(text.Json().at("kind")), "text");
  EXPECT_TRUE(text.Json().at("current").at("thumbnail_url").is_null());
}

TEST(FilesUpload, NamesWithPathTricksAreRefused) {
  Desk d;
  const std::string id = d.Article();
  for (const std::string& name : std::vector<std::string>{
           "../../etc/passwd", "a/b.jpg", "a\\b.jpg", ".", "..", std::string("a\0b.jpg", 7),
           "ligne\nnouvelle.jpg", std::string(256, 'x')}) {
    auto r = Upload(d.owner, AttachmentsPath(id), Png(), name);
    EXPECT_EQ(r.status, 422) << name << " " << r.body;
    EXPECT_NE(r.body.find("\"name\""), std::string::npos) << r.body;
  }
  auto missing =
      d.owner.client.Send("POST", AttachmentsPath(id), Png(), {{"Content-Type", "image/png"}});
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(GetContent(d.owner, id).at("attachments_count").as_int64(), 0);
  EXPECT_EQ(PartialUploads(d.server), 0u);
  // A name of 255 characters, accents included, is fine.
  std::string longest;
  for (int i = 0; i < 255; ++i) longest += "é";
  EXPECT_EQ(Upload(d.owner, AttachmentsPath(id), Png(), longest).status, 201);
}

TEST(FilesUpload, AZipBombNamedDocxIsStoredNeverOpened) {
  Desk d;
  auto r = Upload(d.owner, AttachmentsPath(d.Article()), ZipBomb(), "contrat.docx",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto& media = r.Json().at("media");
  EXPECT_EQ(Str(media.at("kind")), "document");
  EXPECT_TRUE(media.at("current").at("thumbnail_url").is_null());
  auto file = d.owner.client.Get(Str(media.at("current").at("url")));
  EXPECT_EQ(file.body, ZipBomb());
  EXPECT_EQ(file.Header("Content-Disposition").rfind("attachment;", 0), 0u);
}

TEST(FilesUpload, AFileOverTheLimitIsRefusedFromItsLengthBeforeItIsRead) {
  TestServer server([](Config& c) { c.max_upload_bytes = 1000; });
  Person owner = MakeOwner(server);
  const std::string id = Str(CreateArticle(owner, "Post", {{"body", "x"}}).at("id"));
  const std::string target = AttachmentsPath(id) + "?name=gros.bin";
  // The head alone: the server answers 413 without waiting for a byte of the body.
  const std::string head = "POST " + target +
                           " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                           "Cookie: copydesk_session=" +
                           owner.client.cookies()["copydesk_session"] +
                           "\r\nX-CSRF-Token: " + owner.client.csrf() +
                           "\r\nContent-Length: 5000\r\n\r\n";
  EXPECT_EQ(StatusOf(RawExchange(server.port(), head, 2000)), 413);
  // Streamed without a length (chunked), it is cut at the limit.
  std::string chunked = head;
  chunked.replace(chunked.find("Content-Length: 5000"), 20, "Transfer-Encoding: chunked");
  chunked += "800\r\n" + std::string(0x800, 'a') + "\r\n0\r\n\r\n";
  EXPECT_EQ(StatusOf(RawExchange(server.port(), chunked, 2000)), 413);
  // Exactly at the limit, it is taken (plain text).
  auto at_limit = Upload(owner, AttachmentsPath(id), std::string(1000, 'a'), "a.txt");
  EXPECT_EQ(at_limit.status, 201) << at_limit.body;
  EXPECT_EQ(PartialUploads(server), 0u);
}

TEST(FilesUpload, AnUploadByNobodyIsRefusedBeforeItsBodyIsRead) {
  Desk d;
  const std::string id = d.Article();
  const std::string head = "POST " + AttachmentsPath(id) +
                           "?name=x.jpg HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\n"
                           "Content-Length: 50000000\r\n";
  // The head alone: no session, then a session without its CSRF header.
  EXPECT_EQ(StatusOf(RawExchange(d.server.port(), head + "\r\n", 2000)), 401);
  EXPECT_EQ(StatusOf(RawExchange(d.server.port(),
                                 head + "Cookie: copydesk_session=" +
                                     d.owner.client.cookies()["copydesk_session"] + "\r\n\r\n",
                                 2000)),
            403);
  EXPECT_EQ(PartialUploads(d.server), 0u);
}

TEST(FilesUpload, ATruncatedUploadLeavesNothingBehind) {
  Desk d;
  const std::string id = d.Article();
  const std::string head = "POST " + AttachmentsPath(id) +
                           "?name=coupe.jpg HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\n"
                           "Cookie: copydesk_session=" +
                           d.owner.client.cookies()["copydesk_session"] +
                           "\r\nX-CSRF-Token: " + d.owner.client.csrf() +
                           "\r\nContent-Length: 100000\r\n\r\n";
  // Half the body, then the connection closes.
  RawExchange(d.server.port(), head + Jpeg().substr(0, 500), 300);
  for (int i = 0; i < 50 && PartialUploads(d.server) > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(PartialUploads(d.server), 0u);
  EXPECT_EQ(StoredBlobs(d.server), 0u);
  EXPECT_EQ(GetContent(d.owner, id).at("attachments_count").as_int64(), 0);
}

// ---- versions, revisions, approvals -----------------------------------------------------------

TEST(FilesVersions, ANewVersionIsANewRevisionAndMakesTheApprovalStale) {
  Desk d;
  // Legal validates in the default workflow's "Validation juridique" (the 4th status).
  Person legal = MakeMember(d.server, d.owner, "reviewer");
  std::string legal_team;
  const auto teams =
      d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id + "/teams").Json();
  for (const auto& t : teams.at("items").as_array()) {
    if (t.at("name").as_string() == "Juridique") legal_team = Str(t.at("id"));
  }
  ASSERT_EQ(
      d.owner.client
          .Put("/api/v1/workspaces/" + d.owner.workspace_id + "/teams/" + legal_team + "/members",
               json::array{json::string(legal.user_id)})
          .status,
      200);
  const std::string id = d.Article();
  const std::string text_hash = Str(GetContent(d.owner, id).at("content_hash"));
  auto a = d.Attach(id, Jpeg(64, 48), "visuel.jpg");
  const auto with_file = GetContent(d.owner, id);
  EXPECT_NE(Str(with_file.at("content_hash")), text_hash);
  const auto revision = RevisionOf(with_file);
  // What was approved: the revision records the file and its hash.
  const auto recorded = RevisionAt(d.owner, id, revision);
  ASSERT_EQ(recorded.at("attachments").as_array().size(), 1u) << json::serialize(recorded);
  EXPECT_EQ(recorded.at("attachments").at(0).at("sha256"),
            a.at("media").at("current").at("sha256"));

  const auto statuses =
      d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id + "/workflow").Json();
  ASSERT_EQ(
      d.owner.client
          .Post(ContentPath(id) + "/status", {{"status", statuses.at("statuses").at(3).at("id")}})
          .status,
      200);
  auto approved = legal.client.Post(ContentPath(id) + "/approvals",
                                    {{"revision", revision}, {"decision", "approved"}});
  ASSERT_EQ(approved.status, 201) << approved.body;
  ASSERT_FALSE(d.owner.client.Get(ContentPath(id) + "/approvals")
                   .Json()
                   .at("items")
                   .at(0)
                   .at("stale")
                   .as_bool());

  // Another person uploads a new visual: a new revision, and the approval no longer holds.
  // A reviewer edits no file.
  EXPECT_EQ(
      Upload(legal, "/api/v1/attachments/" + Str(a.at("id")) + "/versions", Png(), "x.png").status,
      403);
  auto v2 = Upload(d.owner, "/api/v1/attachments/" + Str(a.at("id")) + "/versions", Jpeg(80, 60),
                   "visuel-v2.jpg", "image/jpeg");
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(v2.Json().at("media").at("versions").as_int64(), 2);
  EXPECT_EQ(v2.Json().at("media").at("current").at("number").as_int64(), 2);
  const auto after = GetContent(d.owner, id);
  EXPECT_EQ(RevisionOf(after), revision + 1);
  auto approvals = d.owner.client.Get(ContentPath(id) + "/approvals");
  ASSERT_EQ(approvals.status, 200);
  EXPECT_TRUE(approvals.Json().at("items").at(0).at("stale").as_bool()) << approvals.body;

  // The diff of the two revisions shows the file replaced.
  auto diff = d.owner.client.Get(ContentPath(id) + "/diff?from=" + std::to_string(revision) +
                                 "&to=" + std::to_string(revision + 1));
  ASSERT_EQ(diff.status, 200) << diff.body;
  const json::object* files = nullptr;
  for (const auto& f : diff.Json().at("fields").as_array()) {
    if (f.at("field") == "attachments") files = &f.as_object();
  }
  ASSERT_NE(files, nullptr) << diff.body;
  EXPECT_TRUE(files->at("changed").as_bool());
  EXPECT_EQ(files->at("after").at(0).at("version").as_int64(), 2);

  // Both versions stay downloadable.
  const std::string media = Str(a.at("media").at("id"));
  auto versions = d.owner.client.Get("/api/v1/media/" + media + "/versions");
  ASSERT_EQ(versions.status, 200);
  ASSERT_EQ(versions.Json().at("items").as_array().size(), 2u);
  EXPECT_EQ(d.owner.client.Get("/api/v1/media/" + media + "/versions/1/file").body, Jpeg(64, 48));
  EXPECT_EQ(d.owner.client.Get("/api/v1/media/" + media + "/versions/2/file").body, Jpeg(80, 60));
  EXPECT_EQ(d.owner.client.Get("/api/v1/media/" + media + "/versions/3/file").status, 404);
  EXPECT_EQ(d.owner.client.Get("/api/v1/media/" + media + "/versions/x/file").status, 404);
}

TEST(FilesVersions, AContentWithoutFilesKeepsItsTextHash) {
  Desk d;
  const std::string id = d.Article();
  const std::string text_hash = Str(GetContent(d.owner, id).at("content_hash"));
  auto a = d.Attach(id, Png(), "pixel.png");
  EXPECT_NE(Str(GetContent(d.owner, id).at("content_hash")), text_hash);
  ASSERT_EQ(d.owner.client.Delete("/api/v1/attachments/" + Str(a.at("id"))).status, 204);
  EXPECT_EQ(Str(GetContent(d.owner, id).at("content_hash")), text_hash);
  EXPECT_EQ(d.owner.client.Delete("/api/v1/attachments/" + Str(a.at("id"))).status, 404);
}

TEST(FilesVersions, EditingTheTextKeepsTheFilesInTheRevision) {
  Desk d;
  const std::string id = d.Article();
  d.Attach(id, Png(), "pixel.png");
  const auto before = GetContent(d.owner, id);
  auto edited = PatchContent(d.owner, id, VersionOf(before), {{"title", "Nouveau titre"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  const auto after = GetContent(d.owner, id);
  EXPECT_EQ(RevisionAt(d.owner, id, RevisionOf(after)).at("attachments").as_array().size(), 1u);
}

TEST(FilesVersions, AltTextAndOrderChange) {
  Desk d;
  const std::string id = d.Article();
  auto first = d.Attach(id, Png(), "un.png");
  auto second = d.Attach(id, Jpeg(), "deux.jpg");
  EXPECT_EQ(second.at("position").as_int64(), 2);
  auto patched = d.owner.client.Patch("/api/v1/attachments/" + Str(first.at("id")),
                                      {{"alt", "Le logo"}, {"position", 3}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Str(patched.Json().at("alt")), "Le logo");
  auto listed = d.owner.client.Get(AttachmentsPath(id)).Json();
  EXPECT_EQ(listed.at("items").at(0).at("id"), second.at("id"));
  auto bad = d.owner.client.Patch("/api/v1/attachments/" + Str(first.at("id")), {{"position", 0}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  auto unknown =
      d.owner.client.Patch("/api/v1/attachments/" + Str(first.at("id")), {{"colour", "red"}});
  EXPECT_EQ(unknown.status, 400) << unknown.body;
}

// ---- the library -----------------------------------------------------------------------------

TEST(FilesLibrary, AFileIsFoundReusedReplacedEverywhereAndDeletedWhenUnused) {
  Desk d;
  auto up = Upload(d.owner, LibraryPath(d.owner), Jpeg(), "Logo Énergie Sud.jpg");
  ASSERT_EQ(up.status, 201) << up.body;
  const std::string media = Str(up.Json().at("id"));
  EXPECT_TRUE(up.Json().at("used_in").as_array().empty());
  auto tagged = d.owner.client.Patch("/api/v1/media/" + media, {{"tags", {"logo", "2027"}}});
  ASSERT_EQ(tagged.status, 200) << tagged.body;
  ASSERT_EQ(Upload(d.owner, LibraryPath(d.owner), "texte", "notes.txt").status, 201);

  auto by_name = d.owner.client.Get(LibraryPath(d.owner) + "?q=" + Encode("énergie"));
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  ASSERT_EQ(by_name.Json().at("items").as_array().size(), 1u) << by_name.body;
  EXPECT_EQ(
      d.owner.client.Get(LibraryPath(d.owner) + "?tag=logo").Json().at("items").as_array().size(),
      1u);
  EXPECT_EQ(
      d.owner.client.Get(LibraryPath(d.owner) + "?kind=text").Json().at("items").as_array().size(),
      1u);
  EXPECT_EQ(d.owner.client.Get(LibraryPath(d.owner) + "?kind=sound").status, 422);
  EXPECT_EQ(d.owner.client.Get(LibraryPath(d.owner) + "?limit=0").status, 422);
  auto page = d.owner.client.Get(LibraryPath(d.owner) + "?limit=1");
  ASSERT_FALSE(page.Json().at("next_cursor").is_null());
  auto next = d.owner.client.Get(LibraryPath(d.owner) +
                                 "?limit=1&cursor=" + Encode(Str(page.Json().at("next_cursor"))));
  ASSERT_EQ(next.Json().at("items").as_array().size(), 1u);
  EXPECT_NE(next.Json().at("items").at(0).at("id"), page.Json().at("items").at(0).at("id"));

  // Reused in two contents without a new upload.
  const std::string one = d.Article("Un"), two = d.Article("Deux");
  for (const auto& id : {one, two}) {
    auto reused = d.owner.client.Post(AttachmentsPath(id), {{"media_id", media}, {"alt", "Logo"}});
    ASSERT_EQ(reused.status, 201) << reused.body;
  }
  EXPECT_EQ(StoredBlobs(d.server), 2u);
  auto used = d.owner.client.Get(LibraryPath(d.owner) + "?tag=logo").Json();
  EXPECT_EQ(used.at("items").at(0).at("used_in").as_array().size(), 2u);

  // Replaced everywhere: each content gets a new revision showing version 2.
  const auto revision_one = RevisionOf(GetContent(d.owner, one));
  auto replaced = Upload(d.owner, "/api/v1/media/" + media + "/versions", Png(), "logo.png");
  ASSERT_EQ(replaced.status, 201) << replaced.body;
  for (const auto& id : {one, two}) {
    auto listed = d.owner.client.Get(AttachmentsPath(id)).Json();
    EXPECT_EQ(listed.at("items").at(0).at("media").at("current").at("number").as_int64(), 2);
  }
  EXPECT_GT(RevisionAt(d.owner, one, RevisionOf(GetContent(d.owner, one)))
                .at("attachments")
                .at(0)
                .at("version")
                .as_int64(),
            1);
  EXPECT_GE(RevisionOf(GetContent(d.owner, one)), revision_one);

  // Deleted only when used nowhere.
  EXPECT_EQ(d.owner.client.Delete("/api/v1/media/" + media).status, 409);
  for (const auto& id : {one, two}) {
    auto listed = d.owner.client.Get(AttachmentsPath(id)).Json();
    const std::string attachment = Str(listed.at("items").at(0).at("id"));
    ASSERT_EQ(d.owner.client.Delete("/api/v1/attachments/" + attachment).status, 204);
  }
  EXPECT_EQ(d.owner.client.Delete("/api/v1/media/" + media).status, 204);
  EXPECT_EQ(d.owner.client.Get("/api/v1/media/" + media + "/versions").status, 404);
}

TEST(FilesLibrary, AFileOfAnotherWorkspaceCannotBeAttached) {
  Desk d;
  Person outsider = MakeOutsider(d.server, d.owner);
  auto theirs = Upload(outsider, LibraryPath(outsider), Png(), "a.png");
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  auto r = d.owner.client.Post(AttachmentsPath(d.Article()),
                               {{"media_id", theirs.Json().at("id")}, {"alt", ""}});
  EXPECT_EQ(r.status, 422) << r.body;
}

// ---- safe serving ----------------------------------------------------------------------------

TEST(FilesServing, SvgAndDocumentsAreDownloadsNeverPages) {
  Desk d;
  const std::string svg =
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
      "height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>";
  auto up = Upload(d.owner, LibraryPath(d.owner), svg, "logo.svg", "image/svg+xml");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(Str(up.Json().at("current").at("type")), "image/svg+xml");
  auto file = d.owner.client.Get(Str(up.Json().at("current").at("url")));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.Header("Content-Type"), "application/octet-stream");
  EXPECT_EQ(file.Header("Content-Disposition").rfind("attachment;", 0), 0u);
  EXPECT_EQ(file.Header("X-Content-Type-Options"), "nosniff");
}

TEST(FilesServing, RangesServeParts) {
  Desk d;
  const std::string text(10000, 'v');
  auto up = Upload(d.owner, LibraryPath(d.owner), text + "fin\n", "clip.txt");
  ASSERT_EQ(up.status, 201) << up.body;
  const std::string url = Str(up.Json().at("current").at("url"));
  auto part = d.owner.client.Send("GET", url, std::nullopt, {{"Range", "bytes=10000-"}});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, "fin\n");
  EXPECT_EQ(part.Header("Content-Range"), "bytes 10000-10003/10004");
  auto last = d.owner.client.Send("GET", url, std::nullopt, {{"Range", "bytes=-2"}});
  EXPECT_EQ(last.body, "n\n");
  auto outside = d.owner.client.Send("GET", url, std::nullopt, {{"Range", "bytes=20000-"}});
  EXPECT_EQ(outside.status, 416);
  EXPECT_EQ(outside.Header("Content-Range"), "bytes */10004");
  const std::string etag = "\"" + Str(up.Json().at("current").at("sha256")) + "\"";
  auto same = d.owner.client.Send("GET", url, std::nullopt, {{"If-None-Match", etag}});
  EXPECT_EQ(same.status, 304);
}

TEST(FilesServing, ThumbnailsHaveNoExifAndAreCached) {
  Desk d;
  const std::string photo = Jpeg(3000, 2000);
  ASSERT_NE(photo.find("Marseille"), std::string::npos);
  auto a = d.Attach(d.Article(), photo, "photo.jpg");
  const std::string url = Str(a.at("media").at("current").at("thumbnail_url"));
  auto thumb = d.owner.client.Get(url + "?size=thumb");
  ASSERT_EQ(thumb.status, 200) << thumb.body;
  EXPECT_EQ(thumb.Header("Content-Type"), "image/jpeg");
  EXPECT_EQ(thumb.body.find("Exif"), std::string::npos);
  EXPECT_EQ(thumb.body.find("Marseille"), std::string::npos);
  VipsImage* image = vips_image_new_from_buffer(thumb.body.data(), thumb.body.size(), "", nullptr);
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(vips_image_get_width(image), 320);
  g_object_unref(image);
  auto web = d.owner.client.Get(url + "?size=web");
  EXPECT_EQ(web.status, 200);
  EXPECT_EQ(d.owner.client.Get(url + "?size=huge").status, 422);
  EXPECT_EQ(d.owner.client.Get(url + "?size=thumb").body, thumb.body);  // from the cache
  // A text file has no thumbnail.
  auto text = Upload(d.owner, LibraryPath(d.owner), "texte", "a.txt");
  EXPECT_EQ(
      d.owner.client.Get("/api/v1/media/" + Str(text.Json().at("id")) + "/versions/1/thumbnail")
          .status,
      404);
}

// ---- who sees what ---------------------------------------------------------------------------

TEST(FilesAccess, AGuestSeesTheFilesOfWhatIsSharedWithThemOnly) {
  Desk d;
  Person agency = MakeMember(d.server, d.owner, "guest");
  const std::string shared = d.Article("Partagé"), other = d.Article("Interne");
  auto shared_file = d.Attach(shared, Png(), "partage.png");
  auto other_file = d.Attach(other, Jpeg(), "interne.jpg");
  auto share = d.owner.client.Post(ContentPath(shared) + "/shares",
                                   {{"user_id", agency.user_id}, {"level", "edit"}});
  ASSERT_EQ(share.status, 201) << share.body;

  EXPECT_EQ(agency.client.Get(AttachmentsPath(shared)).status, 200);
  EXPECT_EQ(agency.client.Get(AttachmentsPath(other)).status, 404);
  const std::string hidden = Str(other_file.at("media").at("id"));
  EXPECT_EQ(agency.client.Get("/api/v1/media/" + hidden + "/file").status, 404);
  EXPECT_EQ(agency.client.Get("/api/v1/media/" + hidden + "/versions/1/thumbnail").status, 404);
  EXPECT_EQ(
      agency.client.Get("/api/v1/media/" + Str(shared_file.at("media").at("id")) + "/file").status,
      200);
  auto library = agency.client.Get(LibraryPath(d.owner));
  ASSERT_EQ(library.status, 200) << library.body;
  ASSERT_EQ(library.Json().at("items").as_array().size(), 1u) << library.body;
  EXPECT_EQ(library.Json().at("items").at(0).at("id"), shared_file.at("media").at("id"));

  // The agency uploads the visual of the shared post; the internal one stays out of reach.
  auto uploaded = Upload(agency, AttachmentsPath(shared), Jpeg(), "visuel-agence.jpg");
  EXPECT_EQ(uploaded.status, 201) << uploaded.body;
  EXPECT_EQ(Upload(agency, AttachmentsPath(other), Jpeg(), "x.jpg").status, 404);
  EXPECT_EQ(Upload(agency, LibraryPath(d.owner), Jpeg(), "x.jpg").status, 403);
}

TEST(FilesAccess, AReviewLinkShowsTheFilesOfItsContentOnly) {
  Desk d;
  const std::string shown = d.Article("Montré"), other = d.Article("Caché");
  auto shown_file = d.Attach(shown, Jpeg(), "montre.jpg");
  auto other_file = d.Attach(other, Png(), "cache.png");
  auto link = d.owner.client.Post(ContentPath(shown) + "/links", {{"level", "read"}});
  ASSERT_EQ(link.status, 201) << link.body;
  const std::string secret = Str(link.Json().at("secret"));
  HttpClient visitor = d.server.Client();
  ASSERT_EQ(visitor
                .Post("/api/v1/review/" + secret + "/session",
                      {{"name", "Marc"}, {"email", "marc@groupe.example"}})
                .status,
            201);
  const std::string base = "/api/v1/review/" + secret;
  auto listed = visitor.Get(base + "/contents/" + shown + "/attachments");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto& media = listed.Json().at("items").at(0).at("media");
  EXPECT_EQ(Str(media.at("current").at("url")).rfind(base, 0), 0u) << listed.body;
  EXPECT_EQ(visitor.Get(Str(media.at("current").at("url"))).body, Jpeg());
  EXPECT_EQ(visitor.Get(Str(media.at("current").at("thumbnail_url"))).status, 200);
  EXPECT_EQ(visitor.Get(base + "/contents/" + other + "/attachments").status, 404);
  EXPECT_EQ(visitor.Get(base + "/media/" + Str(other_file.at("media").at("id")) + "/file").status,
            404);
  // The member API is not theirs.
  EXPECT_EQ(visitor.Get("/api/v1/media/" + Str(shown_file.at("media").at("id")) + "/file").status,
            401);
}

// ---- operations --------------------------------------------------------------------------------

TEST(FilesOperations, UnreferencedBlobsAreDeletedAfterTheRetention) {
  TestServer server([](Config& c) {
    c.blob_retention_ms = 0;
    c.blob_sweep_interval_ms = 20;
  });
  Person owner = MakeOwner(server);
  auto up = Upload(owner, LibraryPath(owner), Png(), "a.png");
  ASSERT_EQ(up.status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(StoredBlobs(server), 1u);  // still referenced by its media version
  ASSERT_EQ(owner.client.Delete("/api/v1/media/" + Str(up.Json().at("id"))).status, 204);
  for (int i = 0; i < 100 && StoredBlobs(server) > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(StoredBlobs(server), 0u);
}

TEST(FilesOperations, MetricsGiveEachWorkspacesStoredBytes) {
  Desk d;
  d.Attach(d.Article(), Png(), "a.png");
  auto metrics = d.owner.client.Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("copydesk_files_bytes{workspace=\"" + d.owner.workspace_id + "\"} " +
                              std::to_string(Png().size())),
            std::string::npos)
      << metrics.body;
}

TEST(FilesOperations, ABackupTakenDuringUploadsHoldsEveryFileItsDatabaseNames) {
  REQUIRE_COPYDESK_BINARY(binary);
  TempDir scratch;
  const auto backup_file = scratch.path() / "copydesk.backup";
  const auto restored_dir = scratch.path() / "restored";
  std::string owner_email, workspace;
  std::map<std::string, std::string> uploaded;  // media id -> bytes, acknowledged before the end
  {
    Desk d;
    owner_email = d.owner.email;
    workspace = d.owner.workspace_id;
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::thread uploader([&] {
      Person p = d.owner;
      for (int i = 0; !stop; ++i) {
        const std::string bytes = "fichier " + std::to_string(i) + "\n" + std::string(20000, 'x');
        auto r = Upload(p, LibraryPath(p), bytes, "f" + std::to_string(i) + ".txt");
        if (r.status != 201) continue;
        std::lock_guard lock(mutex);
        uploaded[Str(r.Json().at("id"))] = bytes;
      }
    });
    while (true) {
      std::lock_guard lock(mutex);
      if (uploaded.size() >= 5) break;
    }
    auto backup = RunProcess(
        {binary, "backup", "--data", d.server.config().data_dir, "--out", backup_file.string()}, "",
        std::chrono::seconds(60));
    stop = true;
    uploader.join();
    ASSERT_EQ(backup.exit_code, 0) << backup.out << backup.err;
  }
  auto restored =
      RunProcess({binary, "restore", backup_file.string(), "--data", restored_dir.string()});
  ASSERT_EQ(restored.exit_code, 0) << restored.out << restored.err;
  TestServer server([&](Config& c) { c.data_dir = restored_dir.string(); });
  Person owner{server.Client(), "", owner_email, workspace};
  ASSERT_EQ(
      owner.client.Post("/api/v1/auth/login", {{"email", owner_email}, {"password", kPassword}})
          .status,
      200);
  // Every file the restored library lists downloads whole, as uploaded.
  auto library = owner.client.Get(LibraryPath(owner) + "?limit=200");
  ASSERT_EQ(library.status, 200);
  const auto& items = library.Json().at("items").as_array();
  EXPECT_GE(items.size(), 5u);
  for (const auto& item : items) {
    const std::string id = Str(item.at("id"));
    ASSERT_TRUE(uploaded.contains(id)) << id;
    EXPECT_EQ(owner.client.Get("/api/v1/media/" + id + "/file").body, uploaded.at(id));
  }
}

}  // namespace
}  // namespace copydesk::testing
