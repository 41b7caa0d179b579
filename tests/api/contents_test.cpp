// Contents over real HTTP: creating, reading, changing on a base version, archiving, listing, how
// violations, merges and the history are presented, bad input and roles. The content rules
// themselves are tested without HTTP in tests/content/contents_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

//! The violation of `field` under `rule`, or null.
const json::object* FindViolation(const json::object& content, const std::string& field,
                                  const std::string& rule) {
  for (const auto& v : content.at("violations").as_array()) {
    if (v.at("field").as_string() == field && v.at("rule").as_string() == rule)
      return &v.as_object();
  }
  return nullptr;
}

std::size_t ListCount(Person& p, const std::string& query = "") {
  auto r = p.client.Get(ContentsPath(p) + query);
  EXPECT_EQ(r.status, 200) << r.body;
  return ItemIds(r).size();
}

// ---- creating and reading ---------------------------------------------------------------------

TEST(Contents, CreateWithEverythingAnswers201WithVersionRevisionAndETag) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  const std::string blog = ChannelId(owner, "Blog");
  auto project = owner.client.Post("/api/v1/workspaces/" + owner.workspace_id + "/projects",
                                   {{"name", "Campagne hiver"}});
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string project_id = Str(project.Json().at("id"));

  auto created = owner.client.Post(
      ContentsPath(owner),
      {{"type", "article"},
       {"title", "Le chauffage au gaz, mode d'emploi"},
       {"language", "fr"},
       {"fields",
        {{"lead", "Tout savoir avant l'hiver."}, {"body", "Premier paragraphe.\n\nSecond."}}},
       {"channels", {linkedin, blog}},
       {"tags", {"Hiver", "Énergie"}},
       {"project", project_id},
       {"owner", editor.user_id},
       {"assignees", {editor.user_id}},
       {"due_at", "2031-01-15"},
       {"publish_at", "2031-01-20T09:00:00Z"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Header("ETag"), "\"v1\"");
  const auto body = created.Json().as_object();
  const std::string id = Str(body.at("id"));
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(VersionOf(body), 1);
  EXPECT_EQ(RevisionOf(body), 1);

  auto got = owner.client.Get(ContentPath(id));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Header("ETag"), "\"v1\"");
  const auto c = got.Json().as_object();
  EXPECT_EQ(c.at("title").as_string(), "Le chauffage au gaz, mode d'emploi");
  EXPECT_EQ(c.at("type").at("key").as_string(), "article");
  EXPECT_EQ(c.at("language").as_string(), "fr");
  EXPECT_EQ(FieldOf(c, "lead"), "Tout savoir avant l'hiver.");
  EXPECT_EQ(FieldOf(c, "body"), "Premier paragraphe.\n\nSecond.");
  EXPECT_EQ(StringsOf(c.at("channels")),
            (std::vector<std::string>{std::min(linkedin, blog), std::max(linkedin, blog)}));
  EXPECT_EQ(StringsOf(c.at("tags")), (std::vector<std::string>{"Hiver", "Énergie"}));
  EXPECT_EQ(c.at("project").as_string(), project_id);
  EXPECT_EQ(c.at("owner").as_string(), editor.user_id);
  EXPECT_EQ(StringsOf(c.at("assignees")), std::vector<std::string>{editor.user_id});
  EXPECT_EQ(Str(c.at("due_at")).substr(0, 10), "2031-01-15");
  EXPECT_EQ(Str(c.at("publish_at")).substr(0, 16), "2031-01-20T09:00");
  EXPECT_TRUE(c.at("violations").as_array().empty()) << got.body;
  EXPECT_EQ(c.at("archived").as_bool(), false);
}

TEST(Contents, TypeIsTakenByIdOrKeyAndOnlyTypeAndTitleAreRequired) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string newsletter = TypeId(owner, "newsletter");
  auto by_id = CreateContent(owner, {{"type", newsletter}, {"title", "Lettre de janvier"}});
  EXPECT_EQ(by_id.at("type").at("key").as_string(), "newsletter");
  auto by_key = CreateContent(owner, {{"type", "newsletter"}, {"title", "Lettre de février"}});
  EXPECT_EQ(by_key.at("type").at("id").as_string(), newsletter);
  // The creator owns it and the workspace's language is the default.
  EXPECT_EQ(by_key.at("owner").as_string(), owner.user_id);
  EXPECT_EQ(by_key.at("language").as_string(), "fr");

  auto no_type = owner.client.Post(ContentsPath(owner), {{"title", "Sans type"}});
  EXPECT_TRUE(no_type.status == 400 || no_type.status == 422) << no_type.body;
  EXPECT_TRUE(NamesField(no_type, "type")) << no_type.body;
  auto no_title = owner.client.Post(ContentsPath(owner), {{"type", "article"}});
  EXPECT_TRUE(no_title.status == 400 || no_title.status == 422) << no_title.body;
  EXPECT_TRUE(NamesField(no_title, "title")) << no_title.body;
  // Refused values (a blank title, an unknown type) are tested in tests/content/; here, one of
  // them shows the answer's shape.
  auto unknown_type =
      owner.client.Post(ContentsPath(owner), {{"type", "podcast"}, {"title", "Épisode 1"}});
  EXPECT_EQ(unknown_type.status, 422) << unknown_type.body;
  EXPECT_TRUE(NamesField(unknown_type, "type"));
  auto unknown_member = owner.client.Post(ContentsPath(owner),
                                          {{"type", "article"}, {"title", "x"}, {"colour", "red"}});
  EXPECT_EQ(unknown_member.status, 400) << unknown_member.body;
  EXPECT_TRUE(NamesField(unknown_member, "colour"));
  EXPECT_EQ(ListCount(owner), 2u);
}

// Which values are refused is tested without HTTP in tests/content/contents_test.cpp; these cases
// hold the statuses: 400 for a body unlike its schema, 422 for a refused value, as problem+json.
TEST(Contents, StructuralErrorsAreRefusedNamingTheFieldAndNothingIsWritten) {
  TestServer server;
  Person owner = MakeOwner(server);
  struct Case {
    json::object body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {{{"type", "article"}, {"title", "t"}, {"fields", {{"subtitle", "x"}}}},
       422,
       "fields.subtitle"},
      {{{"type", "article"}, {"title", "t"}, {"assignees", {"no-such-user"}}}, 422, "assignees[0]"},
      {{{"type", "article"}, {"title", "t"}, {"due_at", "tomorrow"}}, 400, "due_at"},
      {{{"type", "article"}, {"title", 12}}, 400, "title"},
      {{{"type", "article"}, {"title", "t"}, {"tags", "not-a-list"}}, 400, "tags"},
  };
  for (const auto& c : cases) {
    auto r = owner.client.Post(ContentsPath(owner), c.body);
    EXPECT_EQ(r.status, c.status) << json::serialize(c.body) << " → " << r.body;
    EXPECT_EQ(r.Header("Content-Type"), "application/problem+json");
    EXPECT_TRUE(NamesField(r, c.field)) << c.field << " not named: " << r.body;
  }
  EXPECT_EQ(ListCount(owner), 0u);
}

TEST(Contents, AContentOfAnotherWorkspaceDoesNotExistForOutsiders) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person outsider = MakeOutsider(server, owner);
  auto mine = CreateArticle(owner, "Confidentiel", {{"body", "Texte secret."}});
  const std::string id = Str(mine.at("id"));
  EXPECT_EQ(outsider.client.Get(ContentPath(id)).status, 404);
  EXPECT_EQ(PatchContent(outsider, id, 1, {{"title", "Piraté"}}).status, 404);
  EXPECT_EQ(outsider.client.Delete(ContentPath(id)).status, 404);
  EXPECT_EQ(outsider.client.Post(ContentPath(id) + "/purge", json::object{}).status, 404);
  EXPECT_EQ(outsider.client.Get(ContentPath(id) + "/revisions").status, 404);
  EXPECT_EQ(outsider.client.Get(ContentPath(id) + "/revisions/1").status, 404);
  EXPECT_EQ(outsider.client.Get(ContentPath(id) + "/diff?from=1&to=1").status, 404);
  EXPECT_EQ(outsider.client.Put(ContentPath(id) + "/revisions/1/label", {{"label", "x"}}).status,
            404);
  EXPECT_EQ(outsider.client.Post(ContentPath(id) + "/restore", {{"revision", 1}}).status, 404);
  EXPECT_EQ(outsider.client.Get(ContentsPath(owner)).status, 404);
  // Answers look like a content that does not exist at all.
  EXPECT_EQ(outsider.client.Get(ContentPath(id)).body.find("Confidentiel"), std::string::npos);
  auto after = GetContent(owner, id);
  EXPECT_EQ(after.at("title").as_string(), "Confidentiel");
  EXPECT_EQ(VersionOf(after), 1);
  EXPECT_FALSE(after.at("archived").as_bool());
}

// ---- changing --------------------------------------------------------------------------------

TEST(Contents, PatchTakesTheBaseFromTheBodyOrIfMatch) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto c = CreateArticle(owner, "Titre", {{"lead", "Chapô"}});
  const std::string id = Str(c.at("id"));
  auto first = PatchContent(owner, id, 1, {{"title", "Titre 2"}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json().at("version").as_int64(), 2);
  EXPECT_EQ(first.Header("ETag"), "\"v2\"");
  EXPECT_FALSE(first.Json().as_object().contains("merged"));

  auto with_header = owner.client.Send("PATCH", ContentPath(id),
                                       json::serialize(json::object{{"title", "Titre 3"}}),
                                       {{"If-Match", "\"v2\""}});
  ASSERT_EQ(with_header.status, 200) << with_header.body;
  EXPECT_EQ(with_header.Json().at("version").as_int64(), 3);
  EXPECT_EQ(with_header.Json().at("title").as_string(), "Titre 3");
  EXPECT_EQ(FieldOf(with_header.Json().as_object(), "lead"), "Chapô") << "untouched fields stay";

  auto without = owner.client.Patch(ContentPath(id), {{"title", "Sans base"}});
  EXPECT_EQ(without.status, 422) << without.body;
  EXPECT_TRUE(NamesField(without, "base_version"));
  auto future = PatchContent(owner, id, 99, {{"title", "Du futur"}});
  EXPECT_EQ(future.status, 409) << future.body;
  auto type_change = PatchContent(owner, id, 3, {{"type", "video"}});
  EXPECT_EQ(type_change.status, 400) << type_change.body;
  EXPECT_EQ(GetContent(owner, id).at("title").as_string(), "Titre 3");
}

TEST(Contents, NegativeOrNonNumericVersionsAreRefusedAndNothingIsWritten) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto c = CreateArticle(owner, "Titre");
  const std::string id = Str(c.at("id"));
  const std::string path = ContentPath(id);
  auto negative = owner.client.Patch(path, {{"base_version", -1}, {"title", "x"}});
  EXPECT_EQ(negative.status, 422) << negative.body;
  EXPECT_TRUE(NamesField(negative, "base_version"));
  auto zero = owner.client.Patch(path, {{"base_version", 0}, {"title", "x"}});
  EXPECT_EQ(zero.status, 422) << zero.body;
  auto text = owner.client.Patch(path, {{"base_version", "1"}, {"title", "x"}});
  EXPECT_EQ(text.status, 400) << text.body;
  EXPECT_TRUE(NamesField(text, "base_version"));
  auto fraction = owner.client.Patch(path, {{"base_version", 1.5}, {"title", "x"}});
  EXPECT_EQ(fraction.status, 400) << fraction.body;
  auto header = owner.client.Send("PATCH", path, json::serialize(json::object{{"title", "x"}}),
                                  {{"If-Match", "\"abc\""}});
  EXPECT_EQ(header.status, 400) << header.body;
  auto negative_header = owner.client.Send(
      "PATCH", path, json::serialize(json::object{{"title", "x"}}), {{"If-Match", "\"v-3\""}});
  EXPECT_TRUE(negative_header.status == 400 || negative_header.status == 422)
      << negative_header.body;
  for (const std::string bad : {"0", "-1", "abc", "1x"}) {
    EXPECT_EQ(owner.client.Get(path + "/revisions/" + bad).status, 400) << bad;
    EXPECT_EQ(owner.client.Get(path + "/diff?from=" + bad + "&to=1").status, 400) << bad;
  }
  EXPECT_EQ(owner.client.Get(path + "/diff?from=1").status, 400);
  auto restore = owner.client.Post(path + "/restore", {{"revision", -2}});
  EXPECT_EQ(restore.status, 422) << restore.body;
  auto restore_text = owner.client.Post(path + "/restore", {{"revision", "1"}});
  EXPECT_EQ(restore_text.status, 400) << restore_text.body;
  auto after = GetContent(owner, id);
  EXPECT_EQ(VersionOf(after), 1);
  EXPECT_EQ(after.at("title").as_string(), "Titre");
  EXPECT_EQ(Revisions(owner, id).size(), 1u);
}

// ---- archiving -------------------------------------------------------------------------------

TEST(Contents, DeleteArchivesUnarchiveBringsBackAndOnlyOwnersOrAdminsPurgeArchivedOnes) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Person admin = MakeMember(server, owner, "admin");
  auto kept = CreateArticle(owner, "Reste");
  auto c = CreateArticle(owner, "À archiver", {{"body", "Du texte."}});
  const std::string id = Str(c.at("id"));

  auto archived = editor.client.Delete(ContentPath(id));
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_TRUE(archived.Json().at("archived").as_bool());
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner))),
            std::vector<std::string>{Str(kept.at("id"))});
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner) + "?archived=true")),
            std::vector<std::string>{id});
  EXPECT_EQ(owner.client.Get(ContentPath(id)).status, 200) << "archived is not gone";
  EXPECT_EQ(
      PatchContent(owner, id, VersionOf(archived.Json().as_object()), {{"title", "x"}}).status,
      409);

  auto back = owner.client.Post(ContentPath(id) + "/unarchive", json::object{});
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_FALSE(back.Json().at("archived").as_bool());
  EXPECT_EQ(ListCount(owner), 2u);
  EXPECT_EQ(owner.client.Post(ContentPath(id) + "/purge", json::object{}).status, 409)
      << "not archived";

  ASSERT_EQ(owner.client.Delete(ContentPath(id)).status, 200);
  EXPECT_EQ(editor.client.Post(ContentPath(id) + "/purge", json::object{}).status, 403);
  EXPECT_EQ(owner.client.Get(ContentPath(id)).status, 200);
  EXPECT_EQ(admin.client.Post(ContentPath(id) + "/purge", json::object{}).status, 204);
  EXPECT_EQ(owner.client.Get(ContentPath(id)).status, 404);
  EXPECT_EQ(owner.client.Get(ContentPath(id) + "/revisions").status, 404);
  EXPECT_EQ(ListCount(owner, "?archived=true"), 0u);
  EXPECT_EQ(ListCount(owner), 1u);
}

// ---- lists -----------------------------------------------------------------------------------

TEST(ContentList, FiltersByEveryPropertyAndChannelIncludesSubChannels) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  const std::string social = ChannelId(owner, "Réseaux sociaux");
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  const std::string blog = ChannelId(owner, "Blog");
  auto project = owner.client.Post("/api/v1/workspaces/" + owner.workspace_id + "/projects",
                                   {{"name", "Hiver"}});
  const std::string project_id = Str(project.Json().at("id"));

  auto a = CreateContent(owner, {{"type", "social_post"},
                                 {"title", "Post LinkedIn"},
                                 {"channels", {linkedin}},
                                 {"tags", {"Énergie"}},
                                 {"language", "fr"},
                                 {"publish_at", "2031-02-10"}});
  auto b = CreateContent(owner, {{"type", "article"},
                                 {"title", "Article blog"},
                                 {"channels", {blog}},
                                 {"owner", editor.user_id},
                                 {"project", project_id},
                                 {"language", "en"},
                                 {"due_at", "2031-05-01"},
                                 {"publish_at", "2031-06-01"}});
  auto c = CreateContent(owner, {{"type", "article"},
                                 {"title", "Sans canal"},
                                 {"assignees", {editor.user_id}},
                                 {"tags", {"energie", "Hiver"}},
                                 {"due_at", "2031-01-01"}});
  const std::string A = Str(a.at("id")), B = Str(b.at("id")), C = Str(c.at("id"));
  auto ids = [&](const std::string& query) {
    auto r = owner.client.Get(ContentsPath(owner) + query);
    EXPECT_EQ(r.status, 200) << query << " → " << r.body;
    auto v = ItemIds(r);
    std::sort(v.begin(), v.end());
    return v;
  };
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(ids("?channel=" + social), std::vector<std::string>{A}) << "Social includes LinkedIn";
  EXPECT_EQ(ids("?channel=" + linkedin), std::vector<std::string>{A});
  EXPECT_EQ(ids("?channel=" + ChannelId(owner, "Site web")), std::vector<std::string>{B});
  EXPECT_EQ(ids("?channel=" + social + "&channel=" + blog), sorted({A, B}));
  EXPECT_EQ(ids("?type=article"), sorted({B, C}));
  EXPECT_EQ(ids("?type=" + TypeId(owner, "social_post")), std::vector<std::string>{A});
  EXPECT_EQ(ids("?tag=ENERGIE"), sorted({A, C})) << "tags match without case or accents";
  EXPECT_EQ(ids("?tag=%C3%A9nergie"), sorted({A, C}));
  EXPECT_EQ(ids("?tag=hiver"), std::vector<std::string>{C});
  EXPECT_EQ(ids("?owner=" + editor.user_id), std::vector<std::string>{B});
  EXPECT_EQ(ids("?assignee=" + editor.user_id), std::vector<std::string>{C});
  EXPECT_EQ(ids("?project=" + project_id), std::vector<std::string>{B});
  EXPECT_EQ(ids("?language=en"), std::vector<std::string>{B});
  EXPECT_EQ(ids("?language=fr"), sorted({A, C}));
  EXPECT_EQ(ids("?publish_from=2031-02-01&publish_to=2031-03-01"), std::vector<std::string>{A});
  EXPECT_EQ(ids("?due_from=2031-04-01"), std::vector<std::string>{B});
  EXPECT_EQ(ids("?due_to=2031-04-01"), std::vector<std::string>{C});
  EXPECT_EQ(ids("?type=article&language=fr"), std::vector<std::string>{C}) << "filters combine";
  EXPECT_EQ(ids("?updated_from=2000-01-01"), sorted({A, B, C}));
  EXPECT_TRUE(ids("?updated_to=2000-01-01").empty());
  EXPECT_TRUE(ids("?type=podcast").empty());
  // By status (the board's columns): any of the statuses named.
  const auto workflow =
      owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/workflow").Json();
  const std::string first = Str(workflow.at("statuses").at(0).at("id"));
  const std::string second = Str(workflow.at("statuses").at(1).at("id"));
  ASSERT_EQ(owner.client.Post("/api/v1/contents/" + B + "/status", {{"status", second}}).status,
            200);
  EXPECT_EQ(ids("?status=" + second), std::vector<std::string>{B});
  EXPECT_EQ(ids("?status=" + first), sorted({A, C}));
  EXPECT_EQ(ids("?status=" + first + "&status=" + second), sorted({A, B, C}));
  // Sorted by due date: soonest first, undated last; reversed, latest first and undated still last.
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner) + "?sort=due_at")),
            (std::vector<std::string>{C, B, A}));
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner) + "?sort=-due_at")),
            (std::vector<std::string>{B, C, A}));
  EXPECT_EQ(owner.client.Get(ContentsPath(owner) + "?due_from=soon").status, 400);
  EXPECT_EQ(owner.client.Get(ContentsPath(owner) + "?archived=maybe").status, 400);
}

TEST(ContentList, EachItemShowsWhatItsOwnPageShows) {
  // The list reads a page's types, channels, statuses and teams once for all its items: each
  // item must still carry its own type, status, violations and approvals, as GET gives them.
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  CreateContent(owner, {{"type", "social_post"},
                        {"title", "Post"},
                        {"channels", {linkedin}},
                        {"fields", {{"text", std::string(3500, 'a')}}}});
  CreateContent(owner, {{"type", "article"}, {"title", "Article"}, {"language", "en"}});
  CreateContent(owner, {{"type", "newsletter"}, {"title", "Lettre"}});
  auto list = owner.client.Get(ContentsPath(owner));
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& items = list.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  std::set<std::string> type_keys;
  for (const auto& item : items) {
    auto one = owner.client.Get("/api/v1/contents/" + Str(item.at("id")));
    ASSERT_EQ(one.status, 200) << one.body;
    const auto& page = one.Json().as_object();
    EXPECT_FALSE(Str(item.at("type").at("key")).empty()) << item;
    type_keys.insert(Str(item.at("type").at("key")));
    for (const char* key :
         {"type", "status", "violations", "approvals", "validated_revision", "channels"}) {
      if (!page.contains(key)) continue;
      EXPECT_EQ(
          item.as_object().if_contains(key) ? *item.as_object().if_contains(key) : json::value(),
          page.at(key))
          << key << " of " << Str(item.at("title"));
    }
  }
  EXPECT_EQ(type_keys, (std::set<std::string>{"social_post", "article", "newsletter"}));
}

TEST(ContentList, SortsAndPagesWithACursorThatMissesNothing) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::vector<std::string> titles = {"Delta", "alpha",   "Charlie", "Echo",
                                           "Bravo", "Foxtrot", "Golf"};
  std::set<std::string> all;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    json::object body{{"type", "article"}, {"title", titles[i]}};
    if (i % 2 == 0) body["publish_at"] = "2031-0" + std::to_string(i + 1) + "-01";
    all.insert(Str(CreateContent(owner, body).at("id")));
    // Times are in milliseconds: keep creations apart so that "newest first" has one answer.
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }
  auto page_through = [&](const std::string& query) {
    std::vector<std::string> seen_titles;
    std::optional<std::string> cursor;
    int pages = 0;
    do {
      std::string q = ContentsPath(owner) + "?limit=3&" + query;
      if (cursor) q += "&cursor=" + *cursor;
      auto r = owner.client.Get(q);
      EXPECT_EQ(r.status, 200) << r.body;
      const auto body = r.Json().as_object();
      EXPECT_LE(body.at("items").as_array().size(), 3u);
      for (const auto& item : body.at("items").as_array())
        seen_titles.push_back(Str(item.at("title")));
      cursor = body.at("next_cursor").is_null()
                   ? std::nullopt
                   : std::optional<std::string>(Str(body.at("next_cursor")));
      ++pages;
    } while (cursor && pages < 10);
    EXPECT_EQ(pages, 3) << query;
    return seen_titles;
  };
  const auto by_updated = page_through("sort=updated");
  EXPECT_EQ(by_updated.size(), titles.size());
  EXPECT_EQ(std::set<std::string>(by_updated.begin(), by_updated.end()).size(), titles.size())
      << "no duplicates";
  EXPECT_EQ(by_updated.front(), "Golf") << "newest first";
  const auto by_title = page_through("sort=title");
  EXPECT_EQ(by_title.size(), titles.size());
  EXPECT_TRUE(std::is_sorted(by_title.begin(), by_title.end(),
                             [](const std::string& x, const std::string& y) {
                               // Case aside, ascending order: the list reads like an index.
                               std::string a = x, b = y;
                               for (auto& ch : a) ch = static_cast<char>(std::tolower(ch));
                               for (auto& ch : b) ch = static_cast<char>(std::tolower(ch));
                               return a < b;
                             }))
      << "title order";
  const auto by_publish = page_through("sort=publish_at");
  ASSERT_EQ(by_publish.size(), titles.size());
  EXPECT_EQ(std::vector<std::string>(by_publish.begin(), by_publish.begin() + 4),
            (std::vector<std::string>{"Delta", "Charlie", "Bravo", "Golf"}))
      << "dated first, in date order; undated last";
  const auto by_publish_desc = page_through("sort=-publish_at");
  EXPECT_EQ(by_publish_desc.front(), "Golf");
  EXPECT_EQ(page_through("sort=created&order=asc").front(), "Delta");

  EXPECT_EQ(owner.client.Get(ContentsPath(owner) + "?limit=201").status, 422);
  EXPECT_EQ(owner.client.Get(ContentsPath(owner) + "?limit=0").status, 422);
  EXPECT_EQ(owner.client.Get(ContentsPath(owner) + "?limit=200").status, 200);
  EXPECT_EQ(owner.client.Get(ContentsPath(owner) + "?sort=popularity").status, 422);
  EXPECT_EQ(owner.client.Get(ContentsPath(owner) + "?cursor=garbage").status, 400);
  // A cursor of one sort is not valid for another.
  auto first = owner.client.Get(ContentsPath(owner) + "?limit=2&sort=title").Json();
  EXPECT_EQ(
      owner.client
          .Get(ContentsPath(owner) + "?limit=2&sort=updated&cursor=" + Str(first.at("next_cursor")))
          .status,
      400);
}

// ---- how the API presents what the domain decides ---------------------------------------------
// The rules (field checks, versions, revisions, merges) are tested in tests/content/; these tests
// hold the HTTP side of them: the JSON members, statuses and headers clients read.

TEST(ContentContract, ViolationsAndMetadataReadAsTheApiDescribesThem) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string x = ChannelId(owner, "X");
  auto post = CreateContent(owner, {{"type", "social_post"},
                                    {"title", "Post"},
                                    {"fields", {{"text", std::string(281, 'p')}}},
                                    {"channels", {x}},
                                    {"publish_at", "2031-01-20T09:00:00Z"}});
  const std::string id = Str(post.at("id"));
  auto got = GetContent(owner, id);
  const auto* limit = FindViolation(got, "text", "channel_limit");
  ASSERT_NE(limit, nullptr) << json::serialize(got);
  EXPECT_EQ(limit->at("limit").as_int64(), 280);
  EXPECT_EQ(limit->at("actual").as_int64(), 281);
  EXPECT_EQ(limit->at("channel").as_string(), x);
  // A date and a null clear metadata; the answer carries the new version and the same revision.
  auto changed =
      PatchContent(owner, id, VersionOf(got), {{"due_at", "2031-03-01"}, {"publish_at", nullptr}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  const auto body = changed.Json().as_object();
  EXPECT_EQ(VersionOf(body), 2);
  EXPECT_EQ(RevisionOf(body), 1);
  EXPECT_EQ(body.at("content_hash"), got.at("content_hash"));
  EXPECT_EQ(Str(body.at("due_at")).substr(0, 10), "2031-03-01");
  EXPECT_TRUE(body.at("publish_at").is_null()) << changed.body;
  // A save that changes nothing answers 200 with the version it was based on.
  auto same = PatchContent(owner, id, 2, {{"title", "Post"}});
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.Json().at("version").as_int64(), 2);
  // Text with markup is data: the content is always served as JSON, never as HTML.
  EXPECT_EQ(owner.client.Get(ContentPath(id)).Header("Content-Type").rfind("application/json", 0),
            0u);
}

TEST(ContentContract, AMergedWriteSaysSoAndAClashIsA409ProblemWithBothSides) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  auto c = CreateArticle(owner, "Titre", {{"body", "Une phrase."}, {"lead", "Chapô"}});
  const std::string id = Str(c.at("id"));
  auto own = PatchContent(owner, id, 1, {{"fields", {{"body", "Une phrase de Chloé."}}}});
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_FALSE(own.Json().as_object().contains("merged")) << own.body;
  auto merged = PatchContent(editor, id, 1, {{"title", "Titre de Claire"}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_TRUE(merged.Json().at("merged").as_bool());
  EXPECT_EQ(merged.Header("ETag"), "\"v3\"");

  auto clash = PatchContent(editor, id, 1, {{"fields", {{"body", "Une phrase de Claire."}}}});
  ASSERT_EQ(clash.status, 409) << clash.body;
  EXPECT_EQ(clash.Header("Content-Type"), "application/problem+json");
  const auto problem = clash.Json().as_object();
  EXPECT_EQ(problem.at("current_version").as_int64(), 3);
  ASSERT_EQ(problem.at("conflicts").as_array().size(), 1u) << clash.body;
  const auto& conflict = problem.at("conflicts").at(0);
  EXPECT_EQ(conflict.at("field").as_string(), "fields.body");
  EXPECT_EQ(conflict.at("base").as_string(), "Une phrase.");
  EXPECT_EQ(conflict.at("current").as_string(), "Une phrase de Chloé.");
  EXPECT_EQ(conflict.at("proposed").as_string(), "Une phrase de Claire.");
}

TEST(ContentContract, HistoryRoutesPresentRevisionsDiffsLabelsAndRestores) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  auto c = CreateArticle(owner, "Titre", {{"body", "Le biométhane chauffe la ville."}});
  const std::string id = Str(c.at("id"));
  ASSERT_EQ(
      PatchContent(editor, id, 1, {{"fields", {{"body", "Le biométhane chauffe la région."}}}})
          .status,
      200);

  auto revisions = Revisions(owner, id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].at("number").as_int64(), 2);
  EXPECT_EQ(revisions[0].at("author").at("id").as_string(), editor.user_id);
  EXPECT_EQ(revisions[0].at("saves").as_int64(), 1);
  EXPECT_FALSE(revisions[0].at("sealed").as_bool());
  EXPECT_EQ(revisions[1].at("reason").as_string(), "created");
  EXPECT_TRUE(revisions[1].at("sealed").as_bool());
  auto first = RevisionAt(owner, id, 1);
  EXPECT_EQ(first.at("title").as_string(), "Titre");
  EXPECT_EQ(FieldOf(first, "body"), "Le biométhane chauffe la ville.");
  EXPECT_NE(first.at("content_hash"), GetContent(owner, id).at("content_hash"));
  EXPECT_EQ(owner.client.Get(ContentPath(id) + "/revisions/3").status, 404);

  auto d = owner.client.Get(ContentPath(id) + "/diff?from=1&to=2");
  ASSERT_EQ(d.status, 200) << d.body;
  const auto diff = d.Json().as_object();
  EXPECT_EQ(diff.at("from").as_int64(), 1);
  EXPECT_EQ(diff.at("to").as_int64(), 2);
  bool saw_body = false;
  for (const auto& f : diff.at("fields").as_array()) {
    if (f.at("field") != "body") continue;
    saw_body = true;
    EXPECT_TRUE(f.at("changed").as_bool());
    EXPECT_TRUE(f.at("text").as_bool());
    std::string after;
    for (const auto& op : f.at("ops").as_array()) {
      if (op.at("op") != "delete") after += Str(op.at("text"));
    }
    EXPECT_EQ(after, "Le biométhane chauffe la région.");
    EXPECT_NE(Str(f.at("html")).find("<ins>"), std::string::npos) << d.body;
  }
  EXPECT_TRUE(saw_body) << d.body;
  EXPECT_EQ(owner.client.Get(ContentPath(id) + "/diff?from=1&to=9").status, 404);

  auto labelled =
      owner.client.Put(ContentPath(id) + "/revisions/1/label", {{"label", "envoyé au juridique"}});
  ASSERT_EQ(labelled.status, 200) << labelled.body;
  EXPECT_EQ(labelled.Json().at("label").as_string(), "envoyé au juridique");
  EXPECT_TRUE(labelled.Json().at("sealed").as_bool());
  EXPECT_EQ(RevisionAt(owner, id, 1).at("label").as_string(), "envoyé au juridique");
  auto too_long =
      owner.client.Put(ContentPath(id) + "/revisions/2/label", {{"label", std::string(121, 'x')}});
  EXPECT_EQ(too_long.status, 422) << too_long.body;
  EXPECT_TRUE(RevisionAt(owner, id, 2).at("label").is_null());
  EXPECT_EQ(owner.client.Put(ContentPath(id) + "/revisions/9/label", {{"label", "x"}}).status, 404);

  auto restored = owner.client.Post(ContentPath(id) + "/restore", {{"revision", 1}});
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(RevisionOf(restored.Json().as_object()), 3);
  EXPECT_EQ(FieldOf(restored.Json().as_object(), "body"), "Le biométhane chauffe la ville.");
  const auto after = Revisions(owner, id);
  EXPECT_EQ(after[0].at("reason").as_string(), "restore");
  EXPECT_EQ(after[0].at("restored_from").as_int64(), 1);
  EXPECT_EQ(owner.client.Post(ContentPath(id) + "/restore", {{"revision", 9}}).status, 404);
}

// ---- bad input -------------------------------------------------------------------------------

TEST(ContentInput, InvalidUtf8IsRefusedAndNothingIsWritten) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto c = CreateArticle(owner, "Titre");
  const std::string id = Str(c.at("id"));
  const std::string bad_create = "{\"type\":\"article\",\"title\":\"Caf\xC3\x28\"}";
  auto created = owner.client.Send("POST", ContentsPath(owner), bad_create);
  EXPECT_EQ(created.status, 400) << created.body;
  EXPECT_EQ(created.Header("Content-Type"), "application/problem+json");
  const std::string bad_patch =
      "{\"base_version\":1,\"fields\":{\"body\":\"\xED\xA0\x80 surrogate\"}}";
  auto patched = owner.client.Send("PATCH", ContentPath(id), bad_patch);
  EXPECT_EQ(patched.status, 400) << patched.body;
  const std::string overlong = "{\"base_version\":1,\"title\":\"\xC0\xAF\"}";
  EXPECT_EQ(owner.client.Send("PATCH", ContentPath(id), overlong).status, 400);
  EXPECT_EQ(ListCount(owner), 1u);
  EXPECT_EQ(VersionOf(GetContent(owner, id)), 1);
}

TEST(ContentInput, ATenMegabyteFieldIs413AndNothingIsWritten) {
  // The body limit is raised so that the field limit, not the body limit, answers.
  TestServer server([](Config& c) { c.max_body_bytes = 32u << 20; });
  Person owner = MakeOwner(server);
  const std::string huge(10u << 20, 'a');
  auto created =
      owner.client.Post(ContentsPath(owner),
                        {{"type", "article"}, {"title", "Énorme"}, {"fields", {{"body", huge}}}});
  EXPECT_EQ(created.status, 413) << created.body.substr(0, 500);
  EXPECT_EQ(created.Header("Content-Type"), "application/problem+json");
  EXPECT_TRUE(NamesField(created, "fields.body")) << created.body.substr(0, 500);
  EXPECT_EQ(ListCount(owner), 0u);

  auto c = CreateArticle(owner, "Normal", {{"body", "Court."}});
  const std::string id = Str(c.at("id"));
  auto patched = PatchContent(owner, id, 1, {{"fields", {{"body", huge}}}});
  EXPECT_EQ(patched.status, 413) << patched.body.substr(0, 500);
  EXPECT_TRUE(NamesField(patched, "fields.body"));
  auto huge_title = PatchContent(owner, id, 1, {{"title", huge}});
  EXPECT_TRUE(huge_title.status == 413 || huge_title.status == 400 || huge_title.status == 422)
      << huge_title.status;
  EXPECT_TRUE(NamesField(huge_title, "title")) << huge_title.body.substr(0, 500);
  auto after = GetContent(owner, id);
  EXPECT_EQ(VersionOf(after), 1);
  EXPECT_EQ(FieldOf(after, "body"), "Court.");
  EXPECT_EQ(Revisions(owner, id).size(), 1u);
}

// ---- roles -----------------------------------------------------------------------------------

TEST(ContentRoles, ReviewersReadButNeitherCreateNorEdit) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person reviewer = MakeMember(server, owner, "reviewer");
  auto c = CreateArticle(owner, "À relire");
  const std::string id = Str(c.at("id"));
  EXPECT_EQ(
      reviewer.client.Post(ContentsPath(reviewer), {{"type", "article"}, {"title", "Non"}}).status,
      403);
  EXPECT_EQ(reviewer.client.Get(ContentPath(id)).status, 200);
  EXPECT_EQ(ItemIds(reviewer.client.Get(ContentsPath(reviewer))), std::vector<std::string>{id});
  EXPECT_EQ(PatchContent(reviewer, id, 1, {{"title", "Changé"}}).status, 403);
  EXPECT_EQ(reviewer.client.Delete(ContentPath(id)).status, 403);
  EXPECT_EQ(reviewer.client.Post(ContentPath(id) + "/restore", {{"revision", 1}}).status, 403);
  EXPECT_EQ(reviewer.client.Put(ContentPath(id) + "/revisions/1/label", {{"label", "x"}}).status,
            403);
  EXPECT_EQ(reviewer.client.Get(ContentPath(id) + "/revisions").status, 200);
  const auto after = GetContent(owner, id);
  EXPECT_EQ(VersionOf(after), 1);
  EXPECT_FALSE(after.at("archived").as_bool());
  EXPECT_EQ(ListCount(owner), 1u);
}

TEST(ContentRoles, GuestsReadOnlyWhatIsSharedAndCannotCreate) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person guest = MakeMember(server, owner, "guest");
  auto c = CreateArticle(owner, "Interne");
  const std::string id = Str(c.at("id"));
  EXPECT_EQ(guest.client.Post(ContentsPath(guest), {{"type", "article"}, {"title", "Non"}}).status,
            403);
  EXPECT_EQ(guest.client.Get(ContentPath(id)).status, 404);
  EXPECT_EQ(guest.client.Get(ContentPath(id) + "/revisions").status, 404);
  EXPECT_EQ(PatchContent(guest, id, 1, {{"title", "Changé"}}).status, 404);
  // Their list is empty until something is shared with them (tests/api/sharing_test.cpp).
  EXPECT_EQ(ListCount(guest), 0u);
  EXPECT_EQ(ListCount(owner), 1u);
  // A guest can be neither owner nor assignee of a content.
  auto as_owner = owner.client.Post(
      ContentsPath(owner), {{"type", "article"}, {"title", "t"}, {"owner", guest.user_id}});
  EXPECT_EQ(as_owner.status, 422);
  EXPECT_TRUE(NamesField(as_owner, "owner"));
}

TEST(ContentList, AKeptAnswerIsNeverOlderThanAWriteNorAnotherPersons) {
  // Lists are kept for identical requests (api::Remembered): the same request just after a
  // write, or by someone who may see other contents, must never get the kept answer.
  TestServer server;
  Person owner = MakeOwner(server);
  Person guest = MakeMember(server, owner, "guest");
  auto c = CreateArticle(owner, "Avant");
  const std::string id = Str(c.at("id"));
  const std::string list = ContentsPath(owner) + "?sort=created";
  auto titles = [&](Person& p) {
    auto r = p.client.Get(list);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    for (const auto& item : r.Json().at("items").as_array()) out.push_back(Str(item.at("title")));
    return out;
  };
  EXPECT_EQ(titles(owner), std::vector<std::string>{"Avant"});
  EXPECT_EQ(titles(guest), std::vector<std::string>{});  // the same request, another person
  ASSERT_EQ(PatchContent(owner, id, VersionOf(c), {{"title", "Après"}}).status, 200);
  EXPECT_EQ(titles(owner), std::vector<std::string>{"Après"});
  ASSERT_EQ(owner.client
                .Post(ContentPath(id) + "/shares", {{"user_id", guest.user_id}, {"level", "read"}})
                .status,
            201);
  EXPECT_EQ(titles(guest), std::vector<std::string>{"Après"});
}

TEST(ContentRoles, AGuestIsToldTheLevelSharedWithThemSoTheAppOffersOnlyThat) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person guest = MakeMember(server, owner, "guest");
  const std::string id = Str(CreateArticle(owner, "Brief agence").at("id"));
  auto shared = owner.client.Post(ContentPath(id) + "/shares",
                                  {{"user_id", guest.user_id}, {"level", "comment"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  auto read = guest.client.Get(ContentPath(id));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json().at("shared").as_string(), "comment");

  ASSERT_EQ(owner.client
                .Post(ContentPath(id) + "/shares", {{"user_id", guest.user_id}, {"level", "edit"}})
                .status,
            200);
  auto edited = PatchContent(guest, id, 1, {{"title", "Brief agence, v2"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.Json().at("shared").as_string(), "edit");
  // The company's own people read by their role: no share level to show.
  EXPECT_TRUE(GetContent(owner, id).at("shared").is_null());
}

TEST(ContentRoles, ContributorsEditOnlyWhatTheyOwnOrAreAssigned) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person contributor = MakeMember(server, owner, "contributor");
  auto own = CreateArticle(contributor, "Mon brouillon");
  const std::string own_id = Str(own.at("id"));
  EXPECT_EQ(own.at("owner").as_string(), contributor.user_id);
  EXPECT_EQ(PatchContent(contributor, own_id, 1, {{"title", "Mon brouillon revu"}}).status, 200);

  auto theirs = CreateArticle(owner, "Article de Chloé");
  const std::string theirs_id = Str(theirs.at("id"));
  EXPECT_EQ(contributor.client.Get(ContentPath(theirs_id)).status, 200);
  EXPECT_EQ(PatchContent(contributor, theirs_id, 1, {{"title", "Changé"}}).status, 403);
  EXPECT_EQ(contributor.client.Delete(ContentPath(theirs_id)).status, 403);
  EXPECT_EQ(GetContent(owner, theirs_id).at("title").as_string(), "Article de Chloé");

  ASSERT_EQ(PatchContent(owner, theirs_id, 1, {{"assignees", {contributor.user_id}}}).status, 200);
  auto assigned = PatchContent(contributor, theirs_id, 2, {{"fields", {{"body", "Ma part."}}}});
  EXPECT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(contributor.client.Delete(ContentPath(theirs_id)).status, 403)
      << "assignees edit, owners archive";
  EXPECT_EQ(contributor.client.Delete(ContentPath(own_id)).status, 200);
  EXPECT_EQ(contributor.client.Post(ContentPath(own_id) + "/purge", json::object{}).status, 403);
}

}  // namespace
}  // namespace copydesk::testing
