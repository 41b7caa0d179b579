// The web app's files: types, caching, fallback, and never a byte from outside the folder.
#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace copydesk::http {
namespace {

namespace fs = std::filesystem;

std::string HeaderOf(const Response& response, const std::string& wanted) {
  for (const auto& [name, value] : response.headers) {
    if (name == wanted) return value;
  }
  return "";
}

std::string CacheControl(const Response& response) {
  return HeaderOf(response, "Cache-Control");
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    base_ = fs::temp_directory_path() /
            ("copydesk-static-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(root() / "assets" / "fonts");
    Write(root() / "index.html", "<!doctype html>app");
    Write(root() / "assets" / "index.8f2e.js", "js");
    Write(root() / "assets" / "fonts" / "inter.woff2", "font");
    Write(root() / "robots.txt", "User-agent: *");
    Write(root() / "noext", "no extension");
    Write(base_ / "secret.txt", "SECRET");
    Write(base_ / "web-private" / "key.txt", "SECRET");
    fs::create_symlink(base_ / "secret.txt", root() / "link.txt");
    fs::create_directory_symlink(base_, root() / "up");
  }
  ~StaticFilesTest() override { fs::remove_all(base_); }

  static void Write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
  }
  fs::path root() const { return base_ / "web"; }

  fs::path base_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypeAndCaching) {
  StaticFiles files(root().string());
  auto js = files.Serve("/assets/index.8f2e.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "js");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(CacheControl(js), "public, max-age=31536000, immutable");
  auto font = files.Serve("/assets/fonts/inter.woff2");
  EXPECT_EQ(font.content_type, "font/woff2");
  EXPECT_EQ(CacheControl(font), "public, max-age=31536000, immutable");
  auto robots = files.Serve("/robots.txt");
  EXPECT_EQ(robots.body, "User-agent: *");
  EXPECT_EQ(CacheControl(robots), "no-cache");  // not hashed: must be revalidated
  auto index = files.Serve("/");
  EXPECT_EQ(index.body, "<!doctype html>app");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(CacheControl(index), "no-cache");
  EXPECT_EQ(files.Serve("/noext").body, "no extension");
}

TEST_F(StaticFilesTest, GzippedTwinsGoToClientsThatAcceptGzip) {
  Write(root() / "assets" / "index.8f2e.js.gz", "gzipped js");
  StaticFiles files(root().string());
  auto gz = files.Serve("/assets/index.8f2e.js", true);
  EXPECT_EQ(gz.body, "gzipped js");
  EXPECT_EQ(HeaderOf(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(gz.content_type, "text/javascript; charset=utf-8");  // the type of what it encodes
  EXPECT_EQ(HeaderOf(gz, "Vary"), "Accept-Encoding");
  auto plain = files.Serve("/assets/index.8f2e.js", false);
  EXPECT_EQ(plain.body, "js");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  // A file without a twin is sent as it is, whatever the client accepts.
  EXPECT_EQ(HeaderOf(files.Serve("/robots.txt", true), "Content-Encoding"), "");
}

TEST(AcceptsGzip, ReadsTheHeaderAsBrowsersAndProxiesWriteIt) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br, zstd"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br, gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("x-gzip-ish"));
}

TEST_F(StaticFilesTest, AppPathsFallBackToIndexAndMissingFilesAre404) {
  StaticFiles files(root().string());
  for (const char* path :
       {"/login", "/w/energie-sud", "/w/energie-sud/contents/abc", "/assets", "/assets/fonts"}) {
    auto page = files.Serve(path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.body, "<!doctype html>app") << path;
  }
  for (const char* path : {"/assets/index.0000.js", "/favicon.ico", "/w/energie-sud/logo.png"}) {
    EXPECT_EQ(files.Serve(path).status, 404) << path;
  }
}

TEST_F(StaticFilesTest, NeverServesOutsideTheFolder) {
  StaticFiles files(root().string());
  // Paths as the server hands them over: already percent-decoded.
  for (const std::string path :
       {std::string("/../secret.txt"), std::string("/assets/../../secret.txt"),
        std::string("/..\\secret.txt"), std::string("/assets\\..\\..\\secret.txt"),
        std::string("//secret.txt"), std::string("/../web-private/key.txt"),
        std::string("/link.txt"), std::string("/up/secret.txt"), std::string("/up/web/index.html"),
        std::string("/./../secret.txt"), std::string("/secret.txt\0.html", 17), std::string("/.."),
        std::string("/assets/..")}) {
    auto response = files.Serve(path);
    EXPECT_EQ(response.body.find("SECRET"), std::string::npos) << path;
    EXPECT_NE(response.status, 500) << path;
  }
}

TEST_F(StaticFilesTest, AnUnbuiltAppSaysSo) {
  StaticFiles files((base_ / "nothing-here").string());
  auto response = files.Serve("/");
  EXPECT_EQ(response.status, 503);
  EXPECT_NE(response.body.find("not built"), std::string::npos);
  fs::create_directories(base_ / "no-index");
  EXPECT_EQ(StaticFiles((base_ / "no-index").string()).Serve("/").status, 503);
}

TEST(ContentTypeFor, KnowsTheWebTypes) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("app.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("logo.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("photo.jpeg"), "image/jpeg");
  EXPECT_EQ(ContentTypeFor("app.js.map"), "application/json");
  EXPECT_EQ(ContentTypeFor("site.webmanifest"), "application/manifest+json");
  EXPECT_EQ(ContentTypeFor("archive.tar.gz"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("README"), "application/octet-stream");
}

}  // namespace
}  // namespace copydesk::http
