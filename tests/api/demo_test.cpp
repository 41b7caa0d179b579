// `copydesk demo`: the workspace people try copydesk with, checked through the API the web app
// uses.

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr int kSize = 80;

// The password printed for an e-mail in the demo's table of people.
std::string PasswordOf(const std::string& out, const std::string& email) {
  const auto line_start = out.rfind('\n', out.find(email)) + 1;
  const std::string line = out.substr(line_start, out.find('\n', line_start) - line_start);
  return line.substr(line.find_last_of(' ') + 1);
}

std::string Text(const json::value& v) {
  return std::string(v.as_string());
}

// How many of a language's most common words a lowercase text holds.
int CommonWords(const std::string& text, std::initializer_list<const char*> words) {
  int n = 0;
  for (const char* w : words) n += text.find(w) != std::string::npos;
  return n;
}

// Every content of a workspace (live and archived), page after page, with its fields.
std::vector<json::object> AllContents(HttpClient& client, const std::string& ws) {
  std::vector<json::object> out;
  for (const char* archived : {"false", "true"}) {
    std::string cursor;
    do {
      std::string target = "/api/v1/workspaces/" + ws + "/contents?limit=200&archived=" + archived;
      if (!cursor.empty()) target += "&cursor=" + cursor;
      auto page = client.Get(target);
      EXPECT_EQ(page.status, 200) << page.body;
      if (page.status != 200) return out;
      const auto body = page.Json();
      for (const auto& item : body.at("items").as_array()) {
        auto full = client.Get("/api/v1/contents/" + Text(item.at("id")));
        EXPECT_EQ(full.status, 200) << full.body;
        out.push_back(full.Json().as_object());
      }
      cursor = body.at("next_cursor").is_string() ? Text(body.at("next_cursor")) : "";
    } while (!cursor.empty());
  }
  return out;
}

struct SeededDemo {
  TempDir dir;
  std::string data;
  ProcessOutput run;
};

std::unique_ptr<SeededDemo> Seed(const std::string& binary, int size, const std::string& seed) {
  auto demo = std::make_unique<SeededDemo>();
  demo->data = (demo->dir.path() / "data").string();
  demo->run = RunProcess(
      {binary, "demo", "--data", demo->data, "--size", std::to_string(size), "--seed", seed}, "",
      120s);
  return demo;
}

TEST(Demo, SeedsABilingualWorkspaceWithTeamsProjectsAndHistories) {
  REQUIRE_COPYDESK_BINARY(binary);
  auto demo = Seed(binary, kSize, "7");
  ASSERT_EQ(demo->run.exit_code, 0) << demo->run.err;

  TestServer server([&](Config& c) { c.data_dir = demo->data; });
  HttpClient chloe = server.Client();
  auto login =
      chloe.Post("/api/v1/auth/login", {{"email", "chloe.martin@energie-sud.example"},
                                        {"password", PasswordOf(demo->run.out, "chloe.martin@")}});
  ASSERT_EQ(login.status, 200) << login.body << "\n" << demo->run.out;
  chloe.UseCsrf(Text(login.Json().at("csrf_token")));
  auto workspaces = chloe.Get("/api/v1/workspaces").Json().at("items").as_array();
  ASSERT_EQ(workspaces.size(), 1u);
  EXPECT_EQ(Text(workspaces[0].at("name")), "Énergie Sud — démo");
  const std::string ws = Text(workspaces[0].at("id"));

  // Six people with different roles and an agency guest, each able to sign in.
  std::set<std::string> roles;
  const auto members = chloe.Get("/api/v1/workspaces/" + ws + "/members").Json();
  for (const auto& m : members.at("items").as_array()) roles.insert(Text(m.at("role")));
  EXPECT_EQ(roles, (std::set<std::string>{"owner", "admin", "editor", "contributor", "reviewer",
                                          "guest"}));
  HttpClient antoine = server.Client();
  auto antoine_in = antoine.Post("/api/v1/auth/login",
                                 {{"email", "antoine.rousseau@agence-plume.example"},
                                  {"password", PasswordOf(demo->run.out, "antoine.rousseau@")}});
  ASSERT_EQ(antoine_in.status, 200);
  antoine.UseCsrf(Text(antoine_in.Json().at("csrf_token")));
  // The agency's guest sees the trade fair's project, shared with him, and the one post shared
  // with him besides: nothing else.
  const auto theirs = antoine.Get("/api/v1/workspaces/" + ws + "/projects").Json();
  ASSERT_EQ(theirs.at("items").as_array().size(), 1u);
  EXPECT_EQ(Text(theirs.at("items").at(0).at("name")), "Salon de l'habitat — Montpellier");
  const auto fair = AllContents(antoine, ws);
  EXPECT_FALSE(fair.empty());
  int outside_the_fair = 0;
  for (const auto& c : fair)
    outside_the_fair += c.at("project") != theirs.at("items").at(0).at("id");
  EXPECT_EQ(outside_the_fair, 1);
  std::set<std::string> teams;
  const auto team_list = chloe.Get("/api/v1/workspaces/" + ws + "/teams").Json();
  for (const auto& t : team_list.at("items").as_array()) teams.insert(Text(t.at("name")));
  // Named in the workspace's language; "Juridique" is the one its legal validation waits for.
  EXPECT_EQ(teams, (std::set<std::string>{"Commercial", "Développement durable", "Juridique",
                                          "Marketing", "Service client", "Technique"}));

  const auto contents = AllContents(chloe, ws);
  ASSERT_EQ(contents.size(), static_cast<std::size_t>(kSize));
  std::map<std::string, int> languages;
  std::set<std::string> types, channels, projects;
  int with_history = 0;
  for (const auto& c : contents) {
    ++languages[Text(c.at("language"))];
    types.insert(Text(c.at("type").at("key")));
    for (const auto& ch : c.at("channels").as_array()) channels.insert(Text(ch));
    if (c.at("project").is_string()) projects.insert(Text(c.at("project")));
    if (c.at("revision").as_int64() > 1) ++with_history;
    // Real marketing text, never placeholder text.
    std::string text = json::serialize(c.at("fields")) + Text(c.at("title"));
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    EXPECT_EQ(text.find("lorem"), std::string::npos) << text;
    EXPECT_EQ(text.find("ipsum"), std::string::npos) << text;
    const bool french = Text(c.at("language")) == "fr";
    const int fr =
        CommonWords(text, {" les ", " des ", " de ", " et ", " la ", " le ", " du ", " vous "});
    const int en =
        CommonWords(text, {" the ", " and ", " your ", " of ", " to ", " a ", " is ", " for "});
    EXPECT_TRUE(french ? fr > en : en > fr)
        << "not " << (french ? "French: " : "English: ") << text;
  }
  EXPECT_GT(languages["fr"], kSize * 40 / 100);
  EXPECT_GT(languages["en"], kSize * 20 / 100);
  EXPECT_EQ(types,
            (std::set<std::string>{"article", "social_post", "newsletter", "print", "video"}));
  EXPECT_GE(channels.size(), 6u);
  EXPECT_GE(projects.size(), 4u);
  EXPECT_GE(with_history, kSize / 3);

  // Somewhere, a history with several revisions written by different people on different days.
  bool found = false;
  for (const auto& c : contents) {
    if (c.at("revision").as_int64() < 3) continue;
    auto revisions = chloe.Get("/api/v1/contents/" + Text(c.at("id")) + "/revisions").Json();
    std::set<std::string> authors, days;
    for (const auto& r : revisions.at("items").as_array()) {
      authors.insert(Text(r.at("author").at("name")));
      days.insert(Text(r.at("started_at")).substr(0, 10));
    }
    if (authors.size() >= 2 && days.size() >= 2) {
      found = true;
      break;
    }
  }
  EXPECT_TRUE(found) << "no content has revisions by several people over several days";
}

// The board, My work and the approvals panel are alive on first look: contents in every status,
// approvals pending, given, stale and refused, comments and tasks open and done, a lock, shares
// and a review link.
TEST(Demo, PutsTheWorkspaceToWork) {
  REQUIRE_COPYDESK_BINARY(binary);
  auto demo = Seed(binary, 60, "11");
  ASSERT_EQ(demo->run.exit_code, 0) << demo->run.err;
  EXPECT_NE(demo->run.out.find("along the workflow"), std::string::npos) << demo->run.out;

  TestServer server([&](Config& c) { c.data_dir = demo->data; });
  auto sign_in = [&](const std::string& email) {
    HttpClient client = server.Client();
    auto login =
        client.Post("/api/v1/auth/login", {{"email", email + "@energie-sud.example"},
                                           {"password", PasswordOf(demo->run.out, email + "@")}});
    EXPECT_EQ(login.status, 200) << login.body;
    return client;
  };
  // A GET that must answer 200: its body, or an empty list when it does not (said once).
  auto get = [](HttpClient& client, const std::string& path) -> json::value {
    auto r = client.Get(path);
    EXPECT_EQ(r.status, 200) << path << " " << r.body;
    if (r.status != 200 || !r.Json().is_object()) return json::object{{"items", json::array{}}};
    return r.Json();
  };
  HttpClient chloe = sign_in("chloe.martin");
  const std::string ws = Text(get(chloe, "/api/v1/workspaces").at("items").at(0).at("id"));
  const std::string base = "/api/v1/workspaces/" + ws;

  // Every status of the workflow holds contents.
  std::set<std::string> statuses, used;
  const auto workflow = get(chloe, base + "/workflow");
  for (const auto& st : workflow.at("statuses").as_array()) statuses.insert(Text(st.at("id")));
  int locked = 0;
  std::set<std::string> decisions;
  int open_threads = 0, resolved_threads = 0, shared = 0;
  for (const auto& c : AllContents(chloe, ws)) {
    if (c.at("status").is_object()) used.insert(Text(c.at("status").at("id")));
    if (!c.at("lock").is_null()) ++locked;
    const std::string path = "/api/v1/contents/" + Text(c.at("id"));
    const auto approvals = get(chloe, path + "/approvals");
    for (const auto& a : approvals.at("items").as_array()) {
      decisions.insert(a.at("stale").as_bool() ? "stale" : Text(a.at("decision")));
    }
    for (const auto& t : approvals.at("teams").as_array()) {
      if (Text(t.at("state")) == "waiting") decisions.insert("pending");
    }
    const auto comments = get(chloe, path + "/comments");
    for (const auto& thread : comments.at("items").as_array()) {
      const auto& root = thread.as_object().contains("root") ? thread.at("root") : thread;
      (root.at("resolved_at").is_null() ? open_threads : resolved_threads)++;
    }
    shared += !get(chloe, path + "/shares").at("items").as_array().empty();
  }
  EXPECT_EQ(used, statuses);
  for (const char* d : {"approved", "changes_requested", "stale", "pending"})
    EXPECT_TRUE(decisions.contains(d)) << "no approval " << d;
  EXPECT_EQ(locked, 1);
  EXPECT_GE(open_threads, 1);
  EXPECT_GE(resolved_threads, 1);
  EXPECT_GE(shared, 2);
  EXPECT_EQ(get(chloe, base + "/links").at("items").as_array().size(), 1u);

  // Tasks open and done; My work has something for Chloé.
  const auto open = get(chloe, base + "/tasks?done=false").at("items").as_array();
  const auto done = get(chloe, base + "/tasks?done=true").at("items").as_array();
  EXPECT_GE(open.size(), 3u);
  EXPECT_GE(done.size(), 2u);
  // Claire, of Legal, is asked to approve and told so; Chloé is mentioned.
  HttpClient claire = sign_in("claire.dubois");
  EXPECT_FALSE(get(claire, "/api/v1/me/notifications").at("items").as_array().empty());
  EXPECT_FALSE(get(chloe, "/api/v1/me/notifications").at("items").as_array().empty());
}

TEST(Demo, RefusesToSeedTheSameDataFolderTwice) {
  REQUIRE_COPYDESK_BINARY(binary);
  auto demo = Seed(binary, 5, "1");
  ASSERT_EQ(demo->run.exit_code, 0) << demo->run.err;
  auto again = RunProcess({binary, "demo", "--data", demo->data, "--size", "5"}, "", 60s);
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("already has the demo workspace"), std::string::npos) << again.err;
}

TEST(Demo, TheSameSeedWritesTheSameTexts) {
  REQUIRE_COPYDESK_BINARY(binary);
  auto first = Seed(binary, 12, "42");
  auto second = Seed(binary, 12, "42");
  ASSERT_EQ(first->run.exit_code, 0) << first->run.err;
  ASSERT_EQ(second->run.exit_code, 0) << second->run.err;
  auto titles = [](SeededDemo& demo) {
    TestServer server([&](Config& c) { c.data_dir = demo.data; });
    HttpClient client = server.Client();
    auto login = client.Post("/api/v1/auth/login",
                             {{"email", "chloe.martin@energie-sud.example"},
                              {"password", PasswordOf(demo.run.out, "chloe.martin@")}});
    EXPECT_EQ(login.status, 200) << login.body;
    const auto ws = Text(client.Get("/api/v1/workspaces").Json().at("items").at(0).at("id"));
    std::multiset<std::string> out;
    for (const auto& c : AllContents(client, ws)) {
      out.insert(Text(c.at("title")) + "\n" + json::serialize(c.at("fields")));
    }
    return out;
  };
  const auto a = titles(*first);
  EXPECT_EQ(a.size(), 12u);
  EXPECT_EQ(a, titles(*second));
}

}  // namespace
}  // namespace copydesk::testing
