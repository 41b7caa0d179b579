// Workspace settings for content over real HTTP: how channels, content types, projects and tags
// are presented, taken from bodies and query parameters, and refused. Their rules (defaults in the
// workspace's language, the channel tree, templates, removing a field) are tested without HTTP in
// tests/workspace/settings_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string SettingsPath(const Person& p, const std::string& what) {
  return "/api/v1/workspaces/" + p.workspace_id + "/" + what;
}

//! name → channel, and id → name, of a workspace's channels.
struct ChannelTree {
  std::map<std::string, json::object> by_name;
  std::map<std::string, std::string> name_of;
  std::string ParentName(const std::string& name) const {
    const auto& parent = by_name.at(name).at("parent");
    return parent.is_null() ? "" : name_of.at(Str(parent));
  }
};

ChannelTree Channels(Person& p) {
  auto r = p.client.Get(SettingsPath(p, "channels"));
  EXPECT_EQ(r.status, 200) << r.body;
  ChannelTree tree;
  const auto r_json = r.Json();
  for (const auto& c : r_json.at("items").as_array()) {
    tree.by_name[Str(c.at("name"))] = c.as_object();
    tree.name_of[Str(c.at("id"))] = Str(c.at("name"));
  }
  return tree;
}

std::map<std::string, json::object> Types(Person& p) {
  auto r = p.client.Get(SettingsPath(p, "types"));
  EXPECT_EQ(r.status, 200) << r.body;
  std::map<std::string, json::object> out;
  const auto r_json = r.Json();
  for (const auto& t : r_json.at("items").as_array()) out[Str(t.at("key"))] = t.as_object();
  return out;
}

//! key → (kind, max_length or -1) of a type's fields, in order.
std::vector<std::tuple<std::string, std::string, std::int64_t>> FieldsOf(const json::object& type) {
  std::vector<std::tuple<std::string, std::string, std::int64_t>> out;
  for (const auto& f : type.at("fields").as_array()) {
    const auto& max = f.at("max_length");
    out.emplace_back(Str(f.at("key")), Str(f.at("kind")), max.is_null() ? -1 : max.as_int64());
  }
  return out;
}

using Fields = std::vector<std::tuple<std::string, std::string, std::int64_t>>;

// ---- how the API presents the settings --------------------------------------------------------
// The rules (defaults, the channel tree, templates, projects, tags) are tested without HTTP in
// tests/workspace/settings_test.cpp; these tests hold what clients read and send: bodies, query
// parameters and statuses.

TEST(SettingsContract, ChannelsReadAndChangeAsTheApiDescribes) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Person outsider = MakeOutsider(server, owner);
  const auto tree = Channels(owner);
  EXPECT_EQ(tree.by_name.size(), 11u);
  EXPECT_TRUE(tree.by_name.at("Site web").at("parent").is_null());
  EXPECT_EQ(tree.ParentName("LinkedIn"), "Réseaux sociaux");
  EXPECT_EQ(tree.by_name.at("X").at("char_limit").as_int64(), 280);
  EXPECT_TRUE(tree.by_name.at("Facebook").at("char_limit").is_null());
  EXPECT_EQ(Str(tree.by_name.at("Blog").at("color")).size(), 7u);

  const std::string social = ChannelId(owner, "Réseaux sociaux");
  auto created = owner.client.Post(
      SettingsPath(owner, "channels"),
      {{"name", "TikTok"}, {"parent", social}, {"color", "#010101"}, {"char_limit", 2200}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Str(created.Json().at("id"));
  EXPECT_EQ(created.Json().at("parent").as_string(), social);
  EXPECT_EQ(created.Json().at("char_limit").as_int64(), 2200);
  auto renamed =
      owner.client.Patch(SettingsPath(owner, "channels/" + id),
                         {{"name", "TikTok FR"}, {"char_limit", nullptr}, {"parent", nullptr}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("name").as_string(), "TikTok FR");
  EXPECT_TRUE(renamed.Json().at("char_limit").is_null());
  EXPECT_TRUE(renamed.Json().at("parent").is_null());
  auto bad = owner.client.Post(SettingsPath(owner, "channels"), {{"name", "Y"}, {"color", "red"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(NamesField(bad, "color")) << bad.body;
  // A channel without a name is a body unlike its schema (400), not a refused value.
  auto nameless = owner.client.Post(SettingsPath(owner, "channels"), {{"color", "#123456"}});
  EXPECT_EQ(nameless.status, 400) << nameless.body;
  EXPECT_TRUE(NamesField(nameless, "name")) << nameless.body;
  EXPECT_EQ(editor.client.Post(SettingsPath(owner, "channels"), {{"name", "Threads"}}).status, 403);
  EXPECT_EQ(editor.client.Patch(SettingsPath(owner, "channels/" + id), {{"name", "x"}}).status,
            403);
  auto cycle = owner.client.Patch(SettingsPath(owner, "channels/" + ChannelId(owner, "Site web")),
                                  {{"parent", ChannelId(owner, "Blog")}});
  EXPECT_EQ(cycle.status, 422) << cycle.body;
  EXPECT_TRUE(NamesField(cycle, "parent")) << cycle.body;
  EXPECT_EQ(editor.client.Get(SettingsPath(owner, "channels")).status, 200);
  EXPECT_EQ(outsider.client.Get(SettingsPath(owner, "channels")).status, 404);
  EXPECT_EQ(
      owner.client
          .Patch(SettingsPath(owner, "channels/" + ChannelId(outsider, "X")), {{"name", "mine"}})
          .status,
      404);

  // Deleting one in use takes its destination from ?move_to=.
  const std::string facebook = ChannelId(owner, "Facebook");
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  auto post =
      CreateContent(owner, {{"type", "social_post"}, {"title", "A"}, {"channels", {facebook}}});
  const std::string path = SettingsPath(owner, "channels/" + facebook);
  auto refused = owner.client.Delete(path);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json().at("contents").as_int64(), 1);
  EXPECT_TRUE(NamesField(refused, "move_to"));
  EXPECT_EQ(owner.client.Delete(path + "?move_to=" + facebook).status, 422);
  ASSERT_EQ(owner.client.Delete(path + "?move_to=" + linkedin).status, 204);
  EXPECT_EQ(StringsOf(GetContent(owner, Str(post.at("id"))).at("channels")),
            std::vector<std::string>{linkedin});
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner) + "?channel=" + linkedin)),
            std::vector<std::string>{Str(post.at("id"))});
  EXPECT_EQ(
      owner.client.Delete(SettingsPath(owner, "channels/" + ChannelId(owner, "Interne"))).status,
      204);
}

TEST(SettingsContract, TypesAnswerWithTheirTemplates) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  const auto types = Types(owner);
  ASSERT_EQ(types.size(), 5u);
  EXPECT_EQ(types.at("social_post").at("name").as_string(), "Publication sociale");
  EXPECT_EQ(FieldsOf(types.at("social_post")), (Fields{{"text", "longtext", 3000}}));
  EXPECT_EQ(types.at("article").at("fields").at(2).at("label").as_string(), "Titre SEO");

  const json::array fields = {
      {{"key", "headline"},
       {"label", "Accroche"},
       {"kind", "text"},
       {"required", true},
       {"max_length", 90}},
      {{"key", "budget"}, {"label", "Budget"}, {"kind", "number"}},
  };
  auto created =
      owner.client.Post(SettingsPath(owner, "types"),
                        {{"key", "press_release"}, {"name", "Communiqué"}, {"fields", fields}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Str(created.Json().at("id"));
  EXPECT_EQ(FieldsOf(created.Json().as_object()),
            (Fields{{"headline", "text", 90}, {"budget", "number", -1}}));
  auto good = owner.client.Post(
      ContentsPath(owner),
      {{"type", "press_release"}, {"title", "t"}, {"fields", {{"budget", 1200.5}}}});
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(good.Json().at("fields").at("budget").as_double(), 1200.5);
  EXPECT_EQ(good.Json().at("violations").at(0).at("field").as_string(), "headline");
  EXPECT_EQ(good.Json().at("violations").at(0).at("rule").as_string(), "required");
  auto wrong = owner.client.Post(
      ContentsPath(owner),
      {{"type", "press_release"}, {"title", "t"}, {"fields", {{"budget", "1200"}}}});
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_TRUE(NamesField(wrong, "fields.budget")) << wrong.body;

  struct Bad {
    json::object body;
    int status;
    std::string field;
  };
  for (const auto& bad : std::vector<Bad>{
           {{{"key", "press_release"}, {"name", "Doublon"}}, 409, "key"},
           {{{"key", "ok"}}, 400, "name"},
           {{{"key", "ok"},
             {"name", "x"},
             {"fields", {{{"key", "a"}, {"label", "A"}, {"kind", "html"}}}}},
            422,
            "fields[0].kind"},
           {{{"key", "ok"},
             {"name", "x"},
             {"fields", {{{"key", "n"}, {"label", "N"}, {"kind", "text"}, {"colour", "red"}}}}},
            400,
            "fields[0].colour"},
       }) {
    auto r = owner.client.Post(SettingsPath(owner, "types"), bad.body);
    EXPECT_EQ(r.status, bad.status) << json::serialize(bad.body) << " → " << r.body;
    EXPECT_TRUE(NamesField(r, bad.field)) << bad.field << ": " << r.body;
  }
  EXPECT_EQ(
      editor.client.Post(SettingsPath(owner, "types"), {{"key", "memo"}, {"name", "Mémo"}}).status,
      403);

  auto changed =
      owner.client.Patch(SettingsPath(owner, "types/" + id), {{"fields", json::array{fields[0]}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json().at("fields").as_array().size(), 1u);
  EXPECT_EQ(changed.Json().at("key").as_string(), "press_release");
  // The key is not a member of a change; a type in use cannot be deleted; an unused one can.
  EXPECT_EQ(owner.client.Patch(SettingsPath(owner, "types/" + id), {{"key", "post"}}).status, 400);
  EXPECT_EQ(owner.client.Delete(SettingsPath(owner, "types/" + id)).status, 409);
  EXPECT_EQ(owner.client.Delete(SettingsPath(owner, "types/" + TypeId(owner, "video"))).status,
            204);
  EXPECT_FALSE(Types(owner).contains("video"));
}

TEST(SettingsContract, ProjectsAnswerWithTheirBodiesAndFilterTheList) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Person reviewer = MakeMember(server, owner, "reviewer");
  auto created =
      editor.client.Post(SettingsPath(owner, "projects"),
                         {{"name", "Campagne biométhane"}, {"description", "Printemps 2031"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Str(created.Json().at("id"));
  EXPECT_FALSE(created.Json().at("archived").as_bool());
  EXPECT_EQ(reviewer.client.Post(SettingsPath(owner, "projects"), {{"name", "Non"}}).status, 403);
  auto blank = owner.client.Post(SettingsPath(owner, "projects"), {{"name", " "}});
  EXPECT_EQ(blank.status, 422);
  EXPECT_TRUE(NamesField(blank, "name"));
  auto renamed =
      editor.client.Patch(SettingsPath(owner, "projects/" + id), {{"name", "Campagne gaz vert"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("name").as_string(), "Campagne gaz vert");
  auto c =
      CreateContent(owner, {{"type", "article"}, {"title", "Dans le projet"}, {"project", id}});
  CreateArticle(owner, "Hors projet");
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner) + "?project=" + id)),
            std::vector<std::string>{Str(c.at("id"))});

  auto archived = owner.client.Patch(SettingsPath(owner, "projects/" + id), {{"archived", true}});
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_TRUE(archived.Json().at("archived").as_bool());
  auto listed = owner.client.Get(SettingsPath(owner, "projects"));
  EXPECT_TRUE(ItemIds(listed).empty()) << listed.body;
  EXPECT_EQ(ItemIds(owner.client.Get(SettingsPath(owner, "projects") + "?archived=true")),
            std::vector<std::string>{id});
  EXPECT_EQ(GetContent(owner, Str(c.at("id"))).at("project").as_string(), id);
  EXPECT_EQ(owner.client.Patch(SettingsPath(owner, "projects/nope"), {{"name", "x"}}).status, 404);
}

TEST(SettingsContract, TagsTakeAPrefixAndALimitFromTheQuery) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person outsider = MakeOutsider(server, owner);
  CreateContent(owner, {{"type", "article"}, {"title", "1"}, {"tags", {"Énergie verte", "Hiver"}}});
  CreateContent(owner, {{"type", "article"}, {"title", "2"}, {"tags", {"énergie verte"}}});
  auto tags = [&](const std::string& query) {
    auto r = owner.client.Get(SettingsPath(owner, "tags" + query));
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::pair<std::string, std::int64_t>> out;
    const auto r_json = r.Json();
    for (const auto& t : r_json.at("items").as_array())
      out.emplace_back(Str(t.at("tag")), t.at("count").as_int64());
    return out;
  };
  const auto ener = tags("?prefix=%C3%89NER");  // "ÉNER"
  ASSERT_EQ(ener.size(), 1u);
  EXPECT_EQ(ener[0].second, 2);
  EXPECT_TRUE(tags("?prefix=%25").empty()) << "a LIKE wildcard in the prefix matches nothing";
  EXPECT_EQ(tags("").size(), 2u);
  EXPECT_EQ(tags("?limit=1").size(), 1u);
  // A tag repeated with another case on one content is kept once.
  auto dup =
      CreateContent(owner, {{"type", "article"}, {"title", "3"}, {"tags", {"Gaz", "gaz", "GAZ"}}});
  EXPECT_EQ(dup.at("tags").as_array().size(), 1u);
  EXPECT_EQ(owner.client.Get(SettingsPath(owner, "tags?limit=0")).status, 422);
  EXPECT_EQ(outsider.client.Get(SettingsPath(owner, "tags")).status, 404);
}
}  // namespace
}  // namespace copydesk::testing
