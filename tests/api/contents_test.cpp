// Contents over real HTTP: creating, reading with violations, changing on a base version,
// archiving, listing, the revision history, merges of stale writes, bad input and roles.
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
  auto blank_title =
      owner.client.Post(ContentsPath(owner), {{"type", "article"}, {"title", "   "}});
  EXPECT_EQ(blank_title.status, 422) << blank_title.body;
  EXPECT_TRUE(NamesField(blank_title, "title"));
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

TEST(Contents, OverLimitTextIsSavedAndReportedAsViolations) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string long_seo(61, 's');
  const std::string long_title(201, 't');
  auto article = CreateContent(
      owner, {{"type", "article"},
              {"title", long_title},
              {"fields", {{"seo_title", long_seo}, {"meta_description", std::string(160, 'm')}}}});
  const std::string id = Str(article.at("id"));
  auto got = GetContent(owner, id);
  EXPECT_EQ(Str(got.at("title")), long_title) << "over-limit title must be saved as typed";
  EXPECT_EQ(FieldOf(got, "seo_title"), long_seo);
  const auto* seo = FindViolation(got, "seo_title", "max_length");
  ASSERT_NE(seo, nullptr) << json::serialize(got);
  EXPECT_EQ(seo->at("limit").as_int64(), 60);
  EXPECT_EQ(seo->at("actual").as_int64(), 61);
  const auto* title = FindViolation(got, "title", "max_length");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->at("limit").as_int64(), 200);
  EXPECT_EQ(title->at("actual").as_int64(), 201);
  EXPECT_EQ(FindViolation(got, "meta_description", "max_length"), nullptr)
      << "160 is within the limit";

  // Characters, not bytes: 60 accented letters fit a 60-character SEO title.
  std::string accents;
  for (int i = 0; i < 60; ++i) accents += "é";
  auto fixed = PatchContent(owner, id, VersionOf(got),
                            {{"title", "Un titre court"}, {"fields", {{"seo_title", accents}}}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_TRUE(fixed.Json().at("violations").as_array().empty()) << fixed.body;
}

TEST(Contents, ChannelLimitsAndRequiredFieldsAreReported) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string x = ChannelId(owner, "X");
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  const std::string post(281, 'p');
  auto on_x = CreateContent(owner, {{"type", "social_post"},
                                    {"title", "Post"},
                                    {"fields", {{"text", post}}},
                                    {"channels", {x, linkedin}}});
  auto got = GetContent(owner, Str(on_x.at("id")));
  const auto* limit = FindViolation(got, "text", "channel_limit");
  ASSERT_NE(limit, nullptr) << json::serialize(got);
  EXPECT_EQ(limit->at("limit").as_int64(), 280);
  EXPECT_EQ(limit->at("actual").as_int64(), 281);
  EXPECT_EQ(limit->at("channel").as_string(), x);
  EXPECT_EQ(got.at("violations").as_array().size(), 1u)
      << "LinkedIn allows 3000: " << json::serialize(got);

  // The same text only on LinkedIn breaks nothing; a post without text misses its required text.
  auto on_linkedin = CreateContent(owner, {{"type", "social_post"},
                                           {"title", "Post"},
                                           {"fields", {{"text", post}}},
                                           {"channels", {linkedin}}});
  EXPECT_TRUE(GetContent(owner, Str(on_linkedin.at("id"))).at("violations").as_array().empty());
  auto empty = CreateContent(owner, {{"type", "social_post"}, {"title", "Brouillon"}});
  EXPECT_NE(FindViolation(GetContent(owner, Str(empty.at("id"))), "text", "required"), nullptr);

  // Moving the post off X clears the channel violation.
  auto moved = PatchContent(owner, Str(on_x.at("id")), VersionOf(got), {{"channels", {linkedin}}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_TRUE(moved.Json().at("violations").as_array().empty()) << moved.body;
}

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
      {{{"type", "article"}, {"title", "t"}, {"fields", {{"seo_title", 42}}}},
       422,
       "fields.seo_title"},
      {{{"type", "article"}, {"title", "t"}, {"fields", {{"seo_title", "two\nlines"}}}},
       422,
       "fields.seo_title"},
      {{{"type", "video"}, {"title", "t"}, {"fields", {{"duration", "ninety"}}}},
       422,
       "fields.duration"},
      {{{"type", "print"}, {"title", "t"}, {"fields", {{"format", "A0"}}}}, 422, "fields.format"},
      {{{"type", "article"}, {"title", "t"}, {"channels", {"no-such-channel"}}},
       422,
       "channels[0]"},
      {{{"type", "article"}, {"title", "t"}, {"project", "no-such-project"}}, 422, "project"},
      {{{"type", "article"}, {"title", "t"}, {"owner", "no-such-user"}}, 422, "owner"},
      {{{"type", "article"}, {"title", "t"}, {"assignees", {"no-such-user"}}}, 422, "assignees[0]"},
      {{{"type", "article"}, {"title", "t"}, {"language", "de"}}, 422, "language"},
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

TEST(Contents, IdsOfAnotherWorkspaceAreRefusedNamingTheField) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person outsider = MakeOutsider(server, owner);
  const std::string their_channel = ChannelId(outsider, "LinkedIn");
  auto their_project = outsider.client.Post(
      "/api/v1/workspaces/" + outsider.workspace_id + "/projects", {{"name", "Leur projet"}});
  ASSERT_EQ(their_project.status, 201);
  const std::string project_id = Str(their_project.Json().at("id"));
  const std::string their_type = TypeId(outsider, "article");

  auto channel = owner.client.Post(
      ContentsPath(owner), {{"type", "article"}, {"title", "t"}, {"channels", {their_channel}}});
  EXPECT_EQ(channel.status, 422) << channel.body;
  EXPECT_TRUE(NamesField(channel, "channels[0]"));
  auto project = owner.client.Post(ContentsPath(owner),
                                   {{"type", "article"}, {"title", "t"}, {"project", project_id}});
  EXPECT_EQ(project.status, 422) << project.body;
  EXPECT_TRUE(NamesField(project, "project"));
  auto person = owner.client.Post(
      ContentsPath(owner), {{"type", "article"}, {"title", "t"}, {"owner", outsider.user_id}});
  EXPECT_EQ(person.status, 422) << person.body;
  EXPECT_TRUE(NamesField(person, "owner"));
  auto assignee =
      owner.client.Post(ContentsPath(owner),
                        {{"type", "article"}, {"title", "t"}, {"assignees", {outsider.user_id}}});
  EXPECT_EQ(assignee.status, 422) << assignee.body;
  EXPECT_TRUE(NamesField(assignee, "assignees[0]"));
  auto type = owner.client.Post(ContentsPath(owner), {{"type", their_type}, {"title", "t"}});
  EXPECT_EQ(type.status, 422) << type.body;
  EXPECT_TRUE(NamesField(type, "type"));
  EXPECT_EQ(ListCount(owner), 0u);

  // The same through a change: refused, and the content keeps its version.
  auto mine = CreateArticle(owner, "À moi");
  const std::string id = Str(mine.at("id"));
  auto changed = PatchContent(owner, id, 1, {{"channels", {their_channel}}, {"title", "Changé"}});
  EXPECT_EQ(changed.status, 422) << changed.body;
  EXPECT_TRUE(NamesField(changed, "channels[0]"));
  auto moved = PatchContent(owner, id, 1, {{"project", project_id}});
  EXPECT_EQ(moved.status, 422) << moved.body;
  EXPECT_TRUE(NamesField(moved, "project"));
  auto after = GetContent(owner, id);
  EXPECT_EQ(VersionOf(after), 1);
  EXPECT_EQ(after.at("title").as_string(), "À moi");
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

TEST(Contents, ASaveThatChangesNothingKeepsTheVersion) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto c = CreateArticle(owner, "Titre", {{"lead", "Chapô"}});
  const std::string id = Str(c.at("id"));
  for (const json::object& same :
       {json::object{{"title", "Titre"}}, json::object{{"fields", {{"lead", "Chapô"}}}},
        json::object{}, json::object{{"title", "  Titre  "}}}) {
    auto r = PatchContent(owner, id, 1, same);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json().at("version").as_int64(), 1) << json::serialize(same);
    EXPECT_EQ(r.Json().at("revision").as_int64(), 1);
  }
  EXPECT_EQ(Revisions(owner, id).size(), 1u);
}

TEST(Contents, MetadataChangesBumpTheVersionButNotTheRevision) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  auto c = CreateArticle(owner, "Titre", {{"lead", "Chapô"}});
  const std::string id = Str(c.at("id"));
  const std::string hash = Str(c.at("content_hash"));
  std::int64_t version = 1;
  for (const json::object& change :
       {json::object{{"tags", {"gaz"}}}, json::object{{"channels", {ChannelId(owner, "Blog")}}},
        json::object{{"due_at", "2031-03-01"}},
        json::object{{"publish_at", nullptr}, {"owner", editor.user_id}},
        json::object{{"assignees", {editor.user_id}}}, json::object{{"language", "en"}}}) {
    // Written by another person each time: even then, no revision is made for metadata.
    auto r = PatchContent(editor, id, version, change);
    ASSERT_EQ(r.status, 200) << json::serialize(change) << " → " << r.body;
    const auto body = r.Json().as_object();
    EXPECT_EQ(VersionOf(body), version + 1) << json::serialize(change);
    version = VersionOf(body);
    EXPECT_EQ(RevisionOf(body), 1);
    EXPECT_EQ(Str(body.at("content_hash")), hash);
  }
  EXPECT_EQ(Revisions(owner, id).size(), 1u);
  auto got = GetContent(owner, id);
  EXPECT_EQ(got.at("language").as_string(), "en");
  EXPECT_EQ(got.at("owner").as_string(), editor.user_id);
  EXPECT_EQ(StringsOf(got.at("tags")), std::vector<std::string>{"gaz"});
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

// ---- history ---------------------------------------------------------------------------------

TEST(Revisions, SameAuthorRefinesOneRevisionAnotherAuthorStartsANewOne) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  auto c = CreateArticle(owner, "Titre", {{"body", "v1"}});
  const std::string id = Str(c.at("id"));
  auto v2 = PatchContent(owner, id, 1, {{"fields", {{"body", "v2"}}}});
  auto v3 = PatchContent(owner, id, 2, {{"fields", {{"body", "v3"}}}});
  ASSERT_EQ(v3.status, 200) << v3.body;
  EXPECT_EQ(v3.Json().at("version").as_int64(), 3);
  EXPECT_EQ(v3.Json().at("revision").as_int64(), 1) << "autosaves refine the working revision";
  auto revisions = Revisions(owner, id);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].at("saves").as_int64(), 3);
  EXPECT_FALSE(revisions[0].at("sealed").as_bool());

  auto by_editor = PatchContent(editor, id, 3, {{"fields", {{"body", "v4 editor"}}}});
  ASSERT_EQ(by_editor.status, 200) << by_editor.body;
  EXPECT_EQ(by_editor.Json().at("revision").as_int64(), 2);
  auto back = PatchContent(owner, id, 4, {{"fields", {{"body", "v5 owner"}}}});
  EXPECT_EQ(back.Json().at("revision").as_int64(), 3);
  revisions = Revisions(owner, id);
  ASSERT_EQ(revisions.size(), 3u);
  EXPECT_EQ(revisions[0].at("number").as_int64(), 3) << "newest first";
  EXPECT_EQ(revisions[0].at("author").at("id").as_string(), owner.user_id);
  EXPECT_EQ(revisions[1].at("author").at("id").as_string(), editor.user_id);
  EXPECT_TRUE(revisions[1].at("sealed").as_bool()) << "another person wrote after it";
  EXPECT_TRUE(revisions[2].at("sealed").as_bool());
  EXPECT_EQ(revisions[2].at("reason").as_string(), "created");

  // Each revision keeps its full snapshot.
  EXPECT_EQ(FieldOf(RevisionAt(owner, id, 1), "body"), "v3");
  EXPECT_EQ(FieldOf(RevisionAt(owner, id, 2), "body"), "v4 editor");
  auto r3 = RevisionAt(owner, id, 3);
  EXPECT_EQ(FieldOf(r3, "body"), "v5 owner");
  EXPECT_EQ(r3.at("title").as_string(), "Titre");
  EXPECT_EQ(r3.at("content_hash"), GetContent(owner, id).at("content_hash"));
  EXPECT_NE(RevisionAt(owner, id, 1).at("content_hash"), r3.at("content_hash"));
  EXPECT_EQ(owner.client.Get(ContentPath(id) + "/revisions/4").status, 404);
}

TEST(Revisions, DiffShowsWordChangesAsOperationsAndHtml) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  auto c = CreateContent(
      owner, {{"type", "video"},
              {"title", "Le gaz vert"},
              {"fields", {{"script", "Le biométhane chauffe la ville."}, {"duration", 60}}}});
  const std::string id = Str(c.at("id"));
  ASSERT_EQ(
      PatchContent(
          editor, id, 1,
          {{"fields", {{"script", "Le biométhane chauffe toute la région."}, {"duration", 90}}}})
          .status,
      200);
  auto r = owner.client.Get(ContentPath(id) + "/diff?from=1&to=2");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = r.Json().as_object();
  EXPECT_EQ(body.at("from").as_int64(), 1);
  EXPECT_EQ(body.at("to").as_int64(), 2);
  const json::object* title = nullptr;
  const json::object* script = nullptr;
  const json::object* duration = nullptr;
  for (const auto& f : body.at("fields").as_array()) {
    if (f.at("field") == "title") title = &f.as_object();
    if (f.at("field") == "script") script = &f.as_object();
    if (f.at("field") == "duration") duration = &f.as_object();
  }
  ASSERT_TRUE(title && script && duration) << r.body;
  EXPECT_FALSE(title->at("changed").as_bool());
  EXPECT_TRUE(script->at("changed").as_bool());
  std::string inserted, deleted, rebuilt_before, rebuilt_after;
  for (const auto& op : script->at("ops").as_array()) {
    const std::string kind = Str(op.at("op"));
    const std::string text = Str(op.at("text"));
    if (kind == "insert") inserted += text;
    if (kind == "delete") deleted += text;
    if (kind != "insert") rebuilt_before += text;
    if (kind != "delete") rebuilt_after += text;
  }
  EXPECT_EQ(rebuilt_before, "Le biométhane chauffe la ville.");
  EXPECT_EQ(rebuilt_after, "Le biométhane chauffe toute la région.");
  EXPECT_NE(inserted.find("toute"), std::string::npos);
  EXPECT_NE(inserted.find("région"), std::string::npos);
  EXPECT_NE(deleted.find("ville"), std::string::npos);
  EXPECT_EQ(deleted.find("biométhane"), std::string::npos) << "unchanged words are not deleted";
  const std::string html = Str(script->at("html"));
  EXPECT_NE(html.find("<ins>"), std::string::npos) << html;
  EXPECT_NE(html.find("<del>"), std::string::npos) << html;
  EXPECT_FALSE(duration->at("text").as_bool());
  EXPECT_EQ(duration->at("before").as_int64(), 60);
  EXPECT_EQ(duration->at("after").as_int64(), 90);
  EXPECT_EQ(owner.client.Get(ContentPath(id) + "/diff?from=1&to=9").status, 404);
}

TEST(Revisions, ALabelSealsTheRevisionAndRestoreMakesANewOneWithoutRewritingHistory) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto c = CreateArticle(owner, "Titre d'origine", {{"body", "Texte d'origine."}});
  const std::string id = Str(c.at("id"));
  auto labelled =
      owner.client.Put(ContentPath(id) + "/revisions/1/label", {{"label", "envoyé au juridique"}});
  ASSERT_EQ(labelled.status, 200) << labelled.body;
  EXPECT_EQ(labelled.Json().at("label").as_string(), "envoyé au juridique");
  EXPECT_TRUE(labelled.Json().at("sealed").as_bool());
  // The same author writing within the window no longer refines the labelled revision.
  auto edit =
      PatchContent(owner, id, 1, {{"title", "Titre revu"}, {"fields", {{"body", "Texte revu."}}}});
  ASSERT_EQ(edit.status, 200) << edit.body;
  EXPECT_EQ(edit.Json().at("revision").as_int64(), 2);
  auto first = RevisionAt(owner, id, 1);
  EXPECT_EQ(first.at("title").as_string(), "Titre d'origine");
  EXPECT_EQ(first.at("label").as_string(), "envoyé au juridique");
  const auto before = Revisions(owner, id);

  auto restored = owner.client.Post(ContentPath(id) + "/restore", {{"revision", 1}});
  ASSERT_EQ(restored.status, 200) << restored.body;
  const auto now = restored.Json().as_object();
  EXPECT_EQ(RevisionOf(now), 3);
  EXPECT_EQ(now.at("title").as_string(), "Titre d'origine");
  EXPECT_EQ(FieldOf(now, "body"), "Texte d'origine.");
  EXPECT_EQ(now.at("content_hash"), first.at("content_hash"));
  auto after = Revisions(owner, id);
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0].at("reason").as_string(), "restore");
  EXPECT_EQ(after[0].at("restored_from").as_int64(), 1);
  // Revisions 1 and 2 are untouched: same hashes, same text.
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i + 1].at("content_hash"), before[i].at("content_hash"));
    EXPECT_EQ(after[i + 1].at("number"), before[i].at("number"));
  }
  EXPECT_EQ(RevisionAt(owner, id, 2).at("title").as_string(), "Titre revu");
  // The next edit starts a new revision: a restore is a point of its own.
  auto next = PatchContent(owner, id, VersionOf(now), {{"title", "Titre final"}});
  EXPECT_EQ(next.Json().at("revision").as_int64(), 4);
  EXPECT_EQ(RevisionAt(owner, id, 3).at("title").as_string(), "Titre d'origine");

  EXPECT_EQ(owner.client.Post(ContentPath(id) + "/restore", {{"revision", 9}}).status, 404);
  EXPECT_EQ(owner.client.Put(ContentPath(id) + "/revisions/9/label", {{"label", "x"}}).status, 404);
  auto too_long =
      owner.client.Put(ContentPath(id) + "/revisions/2/label", {{"label", std::string(121, 'x')}});
  EXPECT_EQ(too_long.status, 422) << too_long.body;
  EXPECT_TRUE(RevisionAt(owner, id, 2).at("label").is_null());
}

// ---- no lost edit ----------------------------------------------------------------------------

TEST(Merge, ChangesToDifferentFieldsOfAStaleBaseMerge) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  auto c = CreateArticle(owner, "Titre", {{"lead", "Chapô"}, {"seo_title", "SEO"}});
  const std::string id = Str(c.at("id"));
  ASSERT_EQ(PatchContent(owner, id, 1, {{"fields", {{"lead", "Chapô revu par Chloé"}}}}).status,
            200);
  auto stale = PatchContent(
      editor, id, 1,
      {{"fields", {{"seo_title", "SEO revu par Claire"}}}, {"title", "Titre de Claire"}});
  ASSERT_EQ(stale.status, 200) << stale.body;
  const auto body = stale.Json().as_object();
  EXPECT_TRUE(body.at("merged").as_bool());
  EXPECT_EQ(VersionOf(body), 3);
  EXPECT_EQ(FieldOf(body, "lead"), "Chapô revu par Chloé");
  EXPECT_EQ(FieldOf(body, "seo_title"), "SEO revu par Claire");
  EXPECT_EQ(body.at("title").as_string(), "Titre de Claire");
  EXPECT_EQ(Revisions(owner, id)[0].at("reason").as_string(), "merge");
}

// Chloé, alone on a post, ticks a channel and clicks the status button before the autosave goes
// out: the save is based on the version before the move. Nobody else changed anything, so the
// answer must not say her changes were combined with someone else's.
TEST(Merge, AStatusMoveSinceTheBaseIsNotSomeoneElsesChange) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  auto c = CreateContent(owner, {{"type", "social_post"}, {"title", "Post"}});
  const std::string id = Str(c.at("id"));
  const auto workflow =
      owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/workflow").Json();
  const std::string second = Str(workflow.at("statuses").at(1).at("id"));
  ASSERT_EQ(owner.client.Post(ContentPath(id) + "/status", {{"status", second}}).status, 200);
  ASSERT_EQ(owner.client.Post(ContentPath(id) + "/lock", {{"reason", "Relecture"}}).status / 100,
            2);
  ASSERT_EQ(owner.client.Delete(ContentPath(id) + "/lock").status / 100, 2);
  auto pending = PatchContent(owner, id, VersionOf(c), {{"channels", {linkedin}}});
  ASSERT_EQ(pending.status, 200) << pending.body;
  const auto body = pending.Json().as_object();
  EXPECT_FALSE(body.contains("merged")) << pending.body;
  EXPECT_EQ(StringsOf(body.at("channels")), std::vector<std::string>{linkedin});
  EXPECT_EQ(Str(body.at("status").at("id")), second);

  // Someone else's edit in between is still said to be combined.
  Person editor = MakeMember(server, owner, "editor");
  const auto now = GetContent(owner, id);
  ASSERT_EQ(PatchContent(editor, id, VersionOf(now), {{"title", "Post revu"}}).status, 200);
  ASSERT_EQ(owner.client
                .Post(ContentPath(id) + "/status",
                      {{"status", Str(workflow.at("statuses").at(0).at("id"))}})
                .status,
            200);
  auto stale = PatchContent(owner, id, VersionOf(now), {{"channels", json::array{}}});
  ASSERT_EQ(stale.status, 200) << stale.body;
  EXPECT_TRUE(stale.Json().at("merged").as_bool());
}

TEST(Merge, ChangesToDifferentParagraphsOfOneTextMerge) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  const std::string base = "Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.";
  auto c = CreateArticle(owner, "Titre", {{"body", base}});
  const std::string id = Str(c.at("id"));
  ASSERT_EQ(
      PatchContent(
          owner, id, 1,
          {{"fields",
            {{"body",
              "Premier paragraphe, revu.\n\nDeuxième paragraphe.\n\nTroisième paragraphe."}}}})
          .status,
      200);
  auto stale = PatchContent(
      editor, id, 1,
      {{"fields",
        {{"body",
          "Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe, complété."}}}});
  ASSERT_EQ(stale.status, 200) << stale.body;
  EXPECT_TRUE(stale.Json().at("merged").as_bool());
  EXPECT_EQ(FieldOf(stale.Json().as_object(), "body"),
            "Premier paragraphe, revu.\n\nDeuxième paragraphe.\n\nTroisième paragraphe, complété.");
}

TEST(Merge, OverlappingChangesAnswer409WithBothSidesAndNothingIsWritten) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  auto c = CreateArticle(owner, "Titre", {{"body", "Une phrase."}, {"lead", "Chapô"}});
  const std::string id = Str(c.at("id"));
  ASSERT_EQ(PatchContent(owner, id, 1, {{"fields", {{"body", "Une phrase de Chloé."}}}}).status,
            200);
  const auto before = GetContent(owner, id);
  const auto revisions_before = Revisions(owner, id);
  auto clash =
      PatchContent(editor, id, 1,
                   {{"fields", {{"body", "Une phrase de Claire."}, {"lead", "Chapô de Claire"}}}});
  ASSERT_EQ(clash.status, 409) << clash.body;
  EXPECT_EQ(clash.Header("Content-Type"), "application/problem+json");
  const auto problem = clash.Json().as_object();
  EXPECT_EQ(problem.at("current_version").as_int64(), 2);
  const auto& conflicts = problem.at("conflicts").as_array();
  ASSERT_EQ(conflicts.size(), 1u) << clash.body;
  EXPECT_EQ(conflicts[0].at("field").as_string(), "fields.body");
  EXPECT_EQ(conflicts[0].at("base").as_string(), "Une phrase.");
  EXPECT_EQ(conflicts[0].at("current").as_string(), "Une phrase de Chloé.");
  EXPECT_EQ(conflicts[0].at("proposed").as_string(), "Une phrase de Claire.");
  // Nothing written, not even the lead that did not conflict: the client keeps its whole text.
  const auto after = GetContent(owner, id);
  EXPECT_EQ(VersionOf(after), VersionOf(before));
  EXPECT_EQ(FieldOf(after, "lead"), "Chapô");
  EXPECT_EQ(FieldOf(after, "body"), "Une phrase de Chloé.");
  EXPECT_EQ(Revisions(owner, id), revisions_before);

  // Titles clash the same way; resent on the current version, the write goes through.
  ASSERT_EQ(PatchContent(owner, id, 2, {{"title", "Titre de Chloé"}}).status, 200);
  auto title_clash = PatchContent(editor, id, 2, {{"title", "Titre de Claire"}});
  ASSERT_EQ(title_clash.status, 409) << title_clash.body;
  EXPECT_EQ(title_clash.Json().at("conflicts").at(0).at("field").as_string(), "title");
  auto resent = PatchContent(editor, id, title_clash.Json().at("current_version").as_int64(),
                             {{"title", "Titre de Claire"}});
  ASSERT_EQ(resent.status, 200) << resent.body;
  EXPECT_EQ(resent.Json().at("title").as_string(), "Titre de Claire");
}

TEST(Merge, ChannelAndTagSetEditsOfAStaleBaseCombine) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  const std::string x = ChannelId(owner, "X");
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  const std::string blog = ChannelId(owner, "Blog");
  auto c = CreateContent(
      owner,
      {{"type", "social_post"}, {"title", "Post"}, {"channels", {x, linkedin}}, {"tags", {"gaz"}}});
  const std::string id = Str(c.at("id"));
  // Chloé drops X and adds a tag; Claire, from the same base, adds the blog and another tag.
  ASSERT_EQ(
      PatchContent(owner, id, 1, {{"channels", {linkedin}}, {"tags", {"gaz", "Hiver"}}}).status,
      200);
  auto stale = PatchContent(editor, id, 1,
                            {{"channels", {x, linkedin, blog}}, {"tags", {"gaz", "Énergie"}}});
  ASSERT_EQ(stale.status, 200) << stale.body;
  const auto body = stale.Json().as_object();
  EXPECT_TRUE(body.at("merged").as_bool());
  std::vector<std::string> expected_channels{linkedin, blog};
  std::sort(expected_channels.begin(), expected_channels.end());
  EXPECT_EQ(StringsOf(body.at("channels")), expected_channels)
      << "X stays removed, the blog is added";
  EXPECT_EQ(StringsOf(body.at("tags")), (std::vector<std::string>{"Hiver", "gaz", "Énergie"}));
}

// ---- bad input -------------------------------------------------------------------------------

TEST(ContentInput, HtmlAndScriptAreStoredAsTextAndEscapedInDiffs) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string script = "<script>alert('x')</script>";
  const std::string markup = "<b onmouseover=\"steal()\">Gras</b> & <img src=x onerror=alert(1)>";
  auto c = CreateArticle(owner, "Titre " + script, {{"body", "Avant."}, {"lead", markup}});
  const std::string id = Str(c.at("id"));
  auto got = GetContent(owner, id);
  EXPECT_EQ(got.at("title").as_string(), "Titre " + script) << "stored exactly as typed";
  EXPECT_EQ(FieldOf(got, "lead"), markup);
  ASSERT_EQ(PatchContent(owner, id, 1, {{"fields", {{"body", "Avant. " + script + " " + markup}}}})
                .status,
            200);
  auto response = owner.client.Get(ContentPath(id));
  EXPECT_EQ(response.Header("Content-Type").rfind("application/json", 0), 0u)
      << "never served as HTML";
  // Revision 1 was refined by its author; a second person's edit makes revision 2 to compare.
  Person editor = MakeMember(server, owner, "editor");
  ASSERT_EQ(PatchContent(editor, id, 2, {{"fields", {{"body", "Après. " + script}}}}).status, 200);
  auto d = owner.client.Get(ContentPath(id) + "/diff?from=1&to=2");
  ASSERT_EQ(d.status, 200) << d.body;
  bool saw_body = false;
  const auto d_json = d.Json();
  for (const auto& f : d_json.at("fields").as_array()) {
    const std::string html = f.as_object().contains("html") ? Str(f.at("html")) : "";
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<b "), std::string::npos) << html;
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    if (f.at("field") == "body") {
      saw_body = true;
      EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
      EXPECT_NE(html.find("&amp;"), std::string::npos) << html;
    }
  }
  EXPECT_TRUE(saw_body);
}

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
