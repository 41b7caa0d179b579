// Workspace settings for content over real HTTP: the defaults of a new workspace in its
// language, channels (a tree; deleting one in use asks where its contents go), content types
// (removing a field keeps its values in history), projects and tag autocompletion.
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

// ---- defaults --------------------------------------------------------------------------------

TEST(Defaults, AFrenchWorkspaceStartsWithTheChannelTreeAndTypesInFrench) {
  TestServer server;
  Person owner = MakeOwner(server);  // set up in French
  const auto tree = Channels(owner);
  EXPECT_EQ(tree.by_name.size(), 11u);
  EXPECT_EQ(tree.ParentName("Site web"), "");
  EXPECT_EQ(tree.ParentName("Blog"), "Site web");
  EXPECT_EQ(tree.ParentName("Réseaux sociaux"), "");
  for (const char* social : {"LinkedIn", "X", "Facebook", "Instagram"}) {
    EXPECT_EQ(tree.ParentName(social), "Réseaux sociaux") << social;
  }
  EXPECT_EQ(tree.ParentName("Newsletter"), "E-mail");
  EXPECT_EQ(tree.ParentName("Print"), "");
  EXPECT_EQ(tree.ParentName("Interne"), "");
  EXPECT_EQ(tree.by_name.at("X").at("char_limit").as_int64(), 280);
  EXPECT_EQ(tree.by_name.at("LinkedIn").at("char_limit").as_int64(), 3000);
  EXPECT_EQ(tree.by_name.at("Instagram").at("char_limit").as_int64(), 2200);
  EXPECT_TRUE(tree.by_name.at("Facebook").at("char_limit").is_null());
  for (const auto& [name, c] : tree.by_name) {
    const std::string color = Str(c.at("color"));
    EXPECT_TRUE(color.size() == 7 && color[0] == '#') << name << " " << color;
  }

  const auto types = Types(owner);
  ASSERT_EQ(types.size(), 5u);
  EXPECT_EQ(types.at("article").at("name").as_string(), "Article");
  EXPECT_EQ(types.at("social_post").at("name").as_string(), "Publication sociale");
  EXPECT_EQ(types.at("video").at("name").as_string(), "Vidéo");
  EXPECT_EQ(FieldsOf(types.at("article")),
            (Fields{{"lead", "longtext", 300}, {"body", "richtext", -1}, {"seo_title", "text", 60}, {"meta_description", "longtext", 160}}));
  EXPECT_EQ(types.at("article").at("fields").at(2).at("label").as_string(), "Titre SEO");
  EXPECT_EQ(FieldsOf(types.at("social_post")), (Fields{{"text", "longtext", 3000}}));
  EXPECT_EQ(FieldsOf(types.at("newsletter")),
            (Fields{{"subject", "text", 80}, {"preheader", "text", 120}, {"body", "richtext", -1}}));
  EXPECT_EQ(FieldsOf(types.at("print")), (Fields{{"body", "richtext", -1}, {"format", "choice", -1}}));
  EXPECT_EQ(FieldsOf(types.at("video")), (Fields{{"script", "richtext", -1}, {"duration", "number", -1}}));
}

TEST(Defaults, AnEnglishWorkspaceGetsTheSameKeysWithEnglishNames) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto created = owner.client.Post("/api/v1/workspaces", {{"name", "Gas & Power UK"}, {"language", "en"}});
  ASSERT_EQ(created.status, 201) << created.body;
  Person english = owner;
  english.workspace_id = Str(created.Json().at("id"));
  const auto tree = Channels(english);
  EXPECT_EQ(tree.by_name.size(), 11u);
  EXPECT_EQ(tree.ParentName("LinkedIn"), "Social");
  EXPECT_EQ(tree.ParentName("Blog"), "Website");
  EXPECT_EQ(tree.ParentName("Newsletter"), "Email");
  EXPECT_TRUE(tree.by_name.contains("Internal"));
  const auto types = Types(english);
  EXPECT_EQ(types.at("social_post").at("name").as_string(), "Social post");
  EXPECT_EQ(types.at("article").at("fields").at(2).at("label").as_string(), "SEO title");
  EXPECT_EQ(FieldsOf(types.at("article")), FieldsOf(Types(owner).at("article")));
  // Contents there default to English.
  auto c = CreateContent(english, {{"type", "article"}, {"title", "Winter tips"}});
  EXPECT_EQ(c.at("language").as_string(), "en");
}

// ---- channels --------------------------------------------------------------------------------

TEST(Channels, CreateAsATreeChangeAndRefuseWhatBreaksTheRules) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Person outsider = MakeOutsider(server, owner);
  const std::string social = ChannelId(owner, "Réseaux sociaux");
  auto created = owner.client.Post(SettingsPath(owner, "channels"),
                                   {{"name", "TikTok"}, {"parent", social}, {"color", "#010101"}, {"char_limit", 2200}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto tiktok = created.Json().as_object();
  const std::string id = Str(tiktok.at("id"));
  EXPECT_EQ(tiktok.at("parent").as_string(), social);
  EXPECT_EQ(tiktok.at("char_limit").as_int64(), 2200);
  EXPECT_EQ(Channels(owner).ParentName("TikTok"), "Réseaux sociaux");

  auto renamed = owner.client.Patch(SettingsPath(owner, "channels/" + id), {{"name", "TikTok FR"}, {"char_limit", nullptr}, {"parent", nullptr}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("name").as_string(), "TikTok FR");
  EXPECT_TRUE(renamed.Json().at("char_limit").is_null());
  EXPECT_TRUE(renamed.Json().at("parent").is_null());

  struct Bad {
    json::object body;
    std::string field;
  };
  for (const auto& bad : std::vector<Bad>{{{{"name", "Y"}, {"color", "red"}}, "color"},
                                          {{{"name", ""}}, "name"},
                                          {{{"name", "Y"}, {"char_limit", 0}}, "char_limit"},
                                          {{{"name", "Y"}, {"parent", "nope"}}, "parent"},
                                          {{{"name", "Y"}, {"parent", ChannelId(outsider, "Blog")}}, "parent"}}) {
    auto r = owner.client.Post(SettingsPath(owner, "channels"), bad.body);
    EXPECT_EQ(r.status, 422) << json::serialize(bad.body) << " → " << r.body;
    EXPECT_TRUE(NamesField(r, bad.field)) << r.body;
  }
  // A channel without a name is a body unlike its schema (400), not a refused value.
  auto nameless = owner.client.Post(SettingsPath(owner, "channels"), {{"color", "#123456"}});
  EXPECT_EQ(nameless.status, 400) << nameless.body;
  EXPECT_TRUE(NamesField(nameless, "name")) << nameless.body;
  // No cycles: a channel cannot move under its own sub-channel.
  const std::string blog = ChannelId(owner, "Blog");
  auto cycle = owner.client.Patch(SettingsPath(owner, "channels/" + ChannelId(owner, "Site web")), {{"parent", blog}});
  EXPECT_EQ(cycle.status, 422) << cycle.body;
  EXPECT_TRUE(NamesField(cycle, "parent"));
  EXPECT_EQ(Channels(owner).ParentName("Site web"), "");
  // Settings are for owners and admins; everyone on the staff reads them.
  EXPECT_EQ(editor.client.Post(SettingsPath(owner, "channels"), {{"name", "Threads"}}).status, 403);
  EXPECT_EQ(editor.client.Patch(SettingsPath(owner, "channels/" + id), {{"name", "x"}}).status, 403);
  EXPECT_EQ(editor.client.Get(SettingsPath(owner, "channels")).status, 200);
  EXPECT_EQ(outsider.client.Get(SettingsPath(owner, "channels")).status, 404);
  EXPECT_EQ(owner.client.Patch(SettingsPath(owner, "channels/" + ChannelId(outsider, "X")), {{"name", "mine"}}).status, 404);
  EXPECT_EQ(Channels(owner).by_name.size(), 12u);
}

TEST(Channels, DeletingOneInUseAsksWhereItsContentsGoAndNoContentBecomesInvisible) {
  TestServer server;
  Person owner = MakeOwner(server);
  const std::string facebook = ChannelId(owner, "Facebook");
  const std::string linkedin = ChannelId(owner, "LinkedIn");
  const std::string instagram = ChannelId(owner, "Instagram");
  auto a = CreateContent(owner, {{"type", "social_post"}, {"title", "A"}, {"channels", {facebook}}});
  auto b = CreateContent(owner, {{"type", "social_post"}, {"title", "B"}, {"channels", {facebook, linkedin}}});
  auto c = CreateContent(owner, {{"type", "social_post"}, {"title", "C"}, {"channels", {instagram}}});
  const std::string path = SettingsPath(owner, "channels/" + facebook);

  auto refused = owner.client.Delete(path);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json().at("contents").as_int64(), 2);
  EXPECT_TRUE(NamesField(refused, "move_to"));
  EXPECT_TRUE(Channels(owner).by_name.contains("Facebook"));
  EXPECT_EQ(owner.client.Delete(path + "?move_to=" + facebook).status, 422);
  EXPECT_EQ(owner.client.Delete(path + "?move_to=nope").status, 422);
  EXPECT_EQ(owner.client.Delete(SettingsPath(owner, "channels/" + ChannelId(owner, "Réseaux sociaux"))).status, 409)
      << "a channel with sub-channels stays";

  ASSERT_EQ(owner.client.Delete(path + "?move_to=" + linkedin).status, 204);
  EXPECT_FALSE(Channels(owner).by_name.contains("Facebook"));
  EXPECT_EQ(StringsOf(GetContent(owner, Str(a.at("id"))).at("channels")), std::vector<std::string>{linkedin});
  EXPECT_EQ(StringsOf(GetContent(owner, Str(b.at("id"))).at("channels")), std::vector<std::string>{linkedin});
  auto on_linkedin = ItemIds(owner.client.Get(ContentsPath(owner) + "?channel=" + linkedin));
  EXPECT_EQ(on_linkedin.size(), 2u);
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner))).size(), 3u);
  // A content moved this way can still be edited on the version it has.
  auto moved = GetContent(owner, Str(a.at("id")));
  auto edited = PatchContent(owner, Str(a.at("id")), VersionOf(moved), {{"title", "A revu"}});
  EXPECT_EQ(edited.status, 200) << edited.body;
  // An unused channel goes at once.
  EXPECT_EQ(owner.client.Delete(SettingsPath(owner, "channels/" + ChannelId(owner, "Interne"))).status, 204);
  (void)c;
}

// ---- content types ---------------------------------------------------------------------------

TEST(ContentTypes, CreateWithEveryKindOfFieldAndRefuseBadTemplates) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person admin = MakeMember(server, owner, "admin");
  Person editor = MakeMember(server, owner, "editor");
  const json::array fields = {
      {{"key", "headline"}, {"label", "Accroche"}, {"kind", "text"}, {"required", true}, {"max_length", 90}},
      {{"key", "notes"}, {"label", "Notes"}, {"kind", "longtext"}},
      {{"key", "story"}, {"label", "Récit"}, {"kind", "richtext"}},
      {{"key", "event_date"}, {"label", "Date"}, {"kind", "date"}},
      {{"key", "region"}, {"label", "Région"}, {"kind", "choice"}, {"options", {"Sud", "Nord"}}},
      {{"key", "audiences"}, {"label", "Publics"}, {"kind", "multichoice"}, {"options", {"Particuliers", "Pros"}}},
      {{"key", "link"}, {"label", "Lien"}, {"kind", "url"}},
      {{"key", "budget"}, {"label", "Budget"}, {"kind", "number"}},
  };
  auto created = admin.client.Post(SettingsPath(owner, "types"), {{"key", "press_release"}, {"name", "Communiqué"}, {"fields", fields}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(FieldsOf(created.Json().as_object()),
            (Fields{{"headline", "text", 90}, {"notes", "longtext", -1}, {"story", "richtext", -1}, {"event_date", "date", -1},
                    {"region", "choice", -1}, {"audiences", "multichoice", -1}, {"link", "url", -1}, {"budget", "number", -1}}));

  auto good = owner.client.Post(ContentsPath(owner),
                                {{"type", "press_release"},
                                 {"title", "Nouveau réseau de chaleur"},
                                 {"fields", {{"headline", "Marseille se chauffe au vert"}, {"notes", "l1\nl2"}, {"story", "**gras**"},
                                             {"event_date", "2031-04-02"}, {"region", "Sud"}, {"audiences", {"Pros"}},
                                             {"link", "https://example.com/x"}, {"budget", 1200.5}}}});
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(good.Json().at("fields").at("budget").as_double(), 1200.5);
  EXPECT_TRUE(good.Json().at("violations").as_array().empty()) << good.body;
  for (const auto& [key, value] : std::vector<std::pair<std::string, json::value>>{
           {"event_date", "next week"}, {"region", "Est"}, {"audiences", {"Pros", "Martiens"}}, {"audiences", "Pros"},
           {"link", "javascript:alert(1)"}, {"budget", "1200"}, {"headline", json::array{}}}) {
    auto r = owner.client.Post(ContentsPath(owner), {{"type", "press_release"}, {"title", "t"}, {"fields", {{key, value}}}});
    EXPECT_EQ(r.status, 422) << key << "=" << json::serialize(value) << " → " << r.body;
    EXPECT_TRUE(NamesField(r, "fields." + key)) << r.body;
  }
  auto missing = CreateContent(owner, {{"type", "press_release"}, {"title", "Sans accroche"}});
  ASSERT_FALSE(missing.empty());
  EXPECT_EQ(missing.at("violations").at(0).at("field").as_string(), "headline");
  EXPECT_EQ(missing.at("violations").at(0).at("rule").as_string(), "required");

  struct Bad {
    json::object body;
    int status;
    std::string field;
  };
  for (const auto& bad : std::vector<Bad>{
           {{{"key", "press_release"}, {"name", "Doublon"}}, 409, "key"},
           {{{"key", "Bad Key"}, {"name", "x"}}, 422, "key"},
           {{{"key", "ok"}}, 400, "name"},
           {{{"key", "ok"}, {"name", "x"}, {"fields", {{{"key", "a"}, {"label", "A"}, {"kind", "html"}}}}}, 422, "fields[0].kind"},
           {{{"key", "ok"}, {"name", "x"}, {"fields", {{{"key", "a"}, {"label", "A"}, {"kind", "text"}}, {{"key", "a"}, {"label", "B"}, {"kind", "text"}}}}}, 422, "fields[1].key"},
           {{{"key", "ok"}, {"name", "x"}, {"fields", {{{"key", "title"}, {"label", "T"}, {"kind", "text"}}}}}, 422, "fields[0].key"},
           {{{"key", "ok"}, {"name", "x"}, {"fields", {{{"key", "c"}, {"label", "C"}, {"kind", "choice"}}}}}, 422, "fields[0].options"},
           {{{"key", "ok"}, {"name", "x"}, {"fields", {{{"key", "n"}, {"label", "N"}, {"kind", "number"}, {"max_length", 3}}}}}, 422, "fields[0].max_length"},
           {{{"key", "ok"}, {"name", "x"}, {"fields", {{{"key", "n"}, {"label", "N"}, {"kind", "text"}, {"colour", "red"}}}}}, 400, "fields[0].colour"},
       }) {
    auto r = owner.client.Post(SettingsPath(owner, "types"), bad.body);
    EXPECT_EQ(r.status, bad.status) << json::serialize(bad.body) << " → " << r.body;
    EXPECT_TRUE(NamesField(r, bad.field)) << bad.field << ": " << r.body;
  }
  EXPECT_EQ(editor.client.Post(SettingsPath(owner, "types"), {{"key", "memo"}, {"name", "Mémo"}}).status, 403);
  EXPECT_EQ(Types(owner).size(), 6u);
}

TEST(ContentTypes, RemovingAFieldKeepsItsValuesInHistory) {
  TestServer server;
  Person owner = MakeOwner(server);
  auto c = CreateArticle(owner, "Titre", {{"lead", "Chapô"}, {"seo_title", "Titre pour Google"}});
  const std::string id = Str(c.at("id"));
  const std::string article = TypeId(owner, "article");
  // The article type without its SEO title.
  json::array fields;
  const auto types = Types(owner);
  for (const auto& f : types.at("article").at("fields").as_array()) {
    if (f.at("key") == "seo_title") continue;
    json::object o{{"key", f.at("key")}, {"label", f.at("label")}, {"kind", f.at("kind")}, {"required", f.at("required")}};
    if (!f.at("max_length").is_null()) o["max_length"] = f.at("max_length");
    fields.push_back(std::move(o));
  }
  auto changed = owner.client.Patch(SettingsPath(owner, "types/" + article), {{"fields", fields}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json().at("fields").as_array().size(), 3u);
  EXPECT_EQ(changed.Json().at("key").as_string(), "article");

  EXPECT_EQ(FieldOf(RevisionAt(owner, id, 1), "seo_title"), "Titre pour Google") << "history keeps the value";
  // New writes may not use the removed field; other edits keep the stored value in history.
  auto refused = PatchContent(owner, id, 1, {{"fields", {{"seo_title", "Nouveau"}}}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(NamesField(refused, "fields.seo_title"));
  Person editor = MakeMember(server, owner, "editor");
  auto edited = PatchContent(editor, id, 1, {{"fields", {{"lead", "Chapô revu"}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(FieldOf(RevisionAt(owner, id, 1), "seo_title"), "Titre pour Google");
  auto diff = owner.client.Get(ContentPath(id) + "/diff?from=1&to=2");
  ASSERT_EQ(diff.status, 200) << diff.body;
  bool listed = false;
  const auto diff_json = diff.Json();
  for (const auto& f : diff_json.at("fields").as_array()) listed = listed || f.at("field") == "seo_title";
  EXPECT_TRUE(listed) << "the diff still shows the removed field: " << diff.body;

  // The key is fixed; a type in use cannot be deleted; an unused one can.
  EXPECT_EQ(owner.client.Patch(SettingsPath(owner, "types/" + article), {{"key", "post"}}).status, 400);  // not a member of a change
  EXPECT_EQ(owner.client.Delete(SettingsPath(owner, "types/" + article)).status, 409);
  EXPECT_EQ(owner.client.Delete(SettingsPath(owner, "types/" + TypeId(owner, "video"))).status, 204);
  EXPECT_FALSE(Types(owner).contains("video"));
  EXPECT_TRUE(Types(owner).contains("article"));
}

// ---- projects --------------------------------------------------------------------------------

TEST(Projects, CreateRenameArchiveAndFilterContents) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person editor = MakeMember(server, owner, "editor");
  Person reviewer = MakeMember(server, owner, "reviewer");
  auto created = editor.client.Post(SettingsPath(owner, "projects"), {{"name", "Campagne biométhane"}, {"description", "Printemps 2031"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Str(created.Json().at("id"));
  EXPECT_FALSE(created.Json().at("archived").as_bool());
  EXPECT_EQ(reviewer.client.Post(SettingsPath(owner, "projects"), {{"name", "Non"}}).status, 403);
  auto blank = owner.client.Post(SettingsPath(owner, "projects"), {{"name", " "}});
  EXPECT_EQ(blank.status, 422);
  EXPECT_TRUE(NamesField(blank, "name"));

  auto renamed = editor.client.Patch(SettingsPath(owner, "projects/" + id), {{"name", "Campagne gaz vert"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("name").as_string(), "Campagne gaz vert");
  auto c = CreateContent(owner, {{"type", "article"}, {"title", "Dans le projet"}, {"project", id}});
  CreateArticle(owner, "Hors projet");
  EXPECT_EQ(ItemIds(owner.client.Get(ContentsPath(owner) + "?project=" + id)), std::vector<std::string>{Str(c.at("id"))});

  auto archived = owner.client.Patch(SettingsPath(owner, "projects/" + id), {{"archived", true}});
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_TRUE(archived.Json().at("archived").as_bool());
  auto listed = owner.client.Get(SettingsPath(owner, "projects"));
  EXPECT_TRUE(ItemIds(listed).empty()) << listed.body;
  EXPECT_EQ(ItemIds(owner.client.Get(SettingsPath(owner, "projects") + "?archived=true")), std::vector<std::string>{id});
  EXPECT_EQ(GetContent(owner, Str(c.at("id"))).at("project").as_string(), id) << "its contents keep it";
  EXPECT_EQ(owner.client.Patch(SettingsPath(owner, "projects/nope"), {{"name", "x"}}).status, 404);
}

// ---- tags ------------------------------------------------------------------------------------

TEST(Tags, AutocompleteMatchesWithoutCaseOrAccentsMostUsedFirst) {
  TestServer server;
  Person owner = MakeOwner(server);
  Person outsider = MakeOutsider(server, owner);
  CreateContent(owner, {{"type", "article"}, {"title", "1"}, {"tags", {"Énergie verte", "Hiver"}}});
  CreateContent(owner, {{"type", "article"}, {"title", "2"}, {"tags", {"énergie verte", "Électricité"}}});
  CreateContent(owner, {{"type", "article"}, {"title", "3"}, {"tags", {"Energie", "ÉNERGIE VERTE"}}});
  CreateContent(outsider, {{"type", "article"}, {"title", "ailleurs"}, {"tags", {"Énergie solaire"}}});
  auto tags = [&](const std::string& prefix) {
    auto r = owner.client.Get(SettingsPath(owner, "tags?prefix=" + prefix));
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::pair<std::string, std::int64_t>> out;
    const auto r_json = r.Json();
    for (const auto& t : r_json.at("items").as_array()) out.emplace_back(Str(t.at("tag")), t.at("count").as_int64());
    return out;
  };
  const auto ener = tags("ener");
  ASSERT_EQ(ener.size(), 2u) << "one entry per tag whatever its case or accents; none of another workspace";
  EXPECT_EQ(ener[0].second, 3);
  EXPECT_EQ(ener[1].first, "Energie");
  EXPECT_EQ(ener[1].second, 1);
  EXPECT_EQ(tags("%C3%89NER").size(), 2u);  // "ÉNER"
  EXPECT_EQ(tags("elec").size(), 1u);
  EXPECT_EQ(tags("hi").at(0).first, "Hiver");
  EXPECT_TRUE(tags("%25").empty()) << "a LIKE wildcard in the prefix matches nothing";
  EXPECT_EQ(tags("").size(), 4u);
  // A tag repeated with another case on one content is kept once.
  auto dup = CreateContent(owner, {{"type", "article"}, {"title", "4"}, {"tags", {"Gaz", "gaz", "GAZ"}}});
  EXPECT_EQ(dup.at("tags").as_array().size(), 1u);
  EXPECT_EQ(owner.client.Get(SettingsPath(owner, "tags?limit=0")).status, 422);
  EXPECT_EQ(outsider.client.Get(SettingsPath(owner, "tags")).status, 404);
}

}  // namespace
}  // namespace copydesk::testing
