// The settings that shape contents, as the domain keeps them: a new workspace's defaults in its
// language, channels (a tree; deleting one in use asks where its contents go), content types
// (templates of fields; removing a field keeps its values in history), projects and tags. Built
// from the factories over a real database, through workspace::Settings; the HTTP contract of the
// same routes is in tests/api/content_settings_test.cpp.
#include "workspace/settings.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "support/factories.hpp"
#include "workspace/content_type.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using storage::ChannelRecord;
using workspace::ChannelChange;
using workspace::ContentTypeChange;
using workspace::FieldDef;

template <class T>
void ExpectRefused(const Result<T>& result, ErrorKind kind, const std::string& what) {
  ASSERT_FALSE(result.ok()) << what;
  EXPECT_EQ(result.error().kind, kind) << what << ": " << Describe(result.error());
}

//! name → channel, and the name of each channel's parent.
struct ChannelTree {
  std::map<std::string, ChannelRecord> by_name;
  std::map<std::string, std::string> name_of;
  std::string ParentName(const std::string& name) const {
    const auto& parent = by_name.at(name).parent_id;
    return parent ? name_of.at(*parent) : "";
  }
};

//! (key, kind, max_length or -1) of a template's fields, in order.
using Fields = std::vector<std::tuple<std::string, std::string, std::int64_t>>;

Fields Shape(const std::vector<FieldDef>& fields) {
  Fields out;
  for (const auto& f : fields) {
    out.emplace_back(f.key, std::string(workspace::FieldKindName(f.kind)),
                     f.max_length.value_or(-1));
  }
  return out;
}

struct Desk {
  TestWorld world;
  Workspace ws = world.MakeWorkspace();
  workspace::Settings& settings = world.settings;

  ChannelTree Channels(const Workspace& in) {
    ChannelTree tree;
    for (const auto& c : Must(settings.Channels(in.owner, in.id), "channels")) {
      tree.by_name[c.name] = c;
      tree.name_of[c.id] = c.name;
    }
    return tree;
  }
  ChannelTree Channels() { return Channels(ws); }

  //! key → type of a workspace.
  std::map<std::string, storage::ContentTypeRecord> Types(const Workspace& in) {
    std::map<std::string, storage::ContentTypeRecord> out;
    for (const auto& t : Must(settings.Types(in.owner, in.id), "types")) out[t.key] = t;
    return out;
  }
  std::map<std::string, storage::ContentTypeRecord> Types() { return Types(ws); }

  static std::vector<FieldDef> FieldsOf(const storage::ContentTypeRecord& type) {
    return workspace::FieldDefsFromJson(type.fields_json);
  }

  //! Creates a type from a template written as the API receives it (null: no template), as the
  //! route does.
  Result<storage::ContentTypeRecord> CreateType(const auth::Actor& who, const std::string& key,
                                                const std::string& name,
                                                const json::value& fields = nullptr) {
    ContentTypeChange change{.key = key, .name = name};
    if (!fields.is_null()) {
      auto parsed = workspace::ParseFieldDefs(fields);
      if (!parsed) return std::move(parsed).error();
      change.fields = std::move(*parsed);
    }
    return settings.CreateType(who, ws.id, change);
  }
};

// ---- defaults ---------------------------------------------------------------------------------

TEST(SettingsDefaults, AFrenchWorkspaceStartsWithTheChannelTreeAndTypesInFrench) {
  Desk d;
  const auto tree = d.Channels();
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
  EXPECT_EQ(tree.by_name.at("X").char_limit.value_or(0), 280);
  EXPECT_EQ(tree.by_name.at("LinkedIn").char_limit.value_or(0), 3000);
  EXPECT_EQ(tree.by_name.at("Instagram").char_limit.value_or(0), 2200);
  EXPECT_FALSE(tree.by_name.at("Facebook").char_limit.has_value());
  for (const auto& [name, c] : tree.by_name) {
    EXPECT_TRUE(c.color.size() == 7 && c.color[0] == '#') << name << " " << c.color;
  }

  const auto types = d.Types();
  ASSERT_EQ(types.size(), 5u);
  EXPECT_EQ(types.at("article").name, "Article");
  EXPECT_EQ(types.at("social_post").name, "Publication sociale");
  EXPECT_EQ(types.at("video").name, "Vidéo");
  EXPECT_EQ(Shape(Desk::FieldsOf(types.at("article"))),
            (Fields{{"lead", "longtext", 300},
                    {"body", "richtext", -1},
                    {"seo_title", "text", 60},
                    {"meta_description", "longtext", 160}}));
  EXPECT_EQ(Desk::FieldsOf(types.at("article")).at(2).label, "Titre SEO");
  EXPECT_EQ(Shape(Desk::FieldsOf(types.at("social_post"))), (Fields{{"text", "longtext", 3000}}));
  EXPECT_EQ(
      Shape(Desk::FieldsOf(types.at("newsletter"))),
      (Fields{{"subject", "text", 80}, {"preheader", "text", 120}, {"body", "richtext", -1}}));
  EXPECT_EQ(Shape(Desk::FieldsOf(types.at("print"))),
            (Fields{{"body", "richtext", -1}, {"format", "choice", -1}}));
  EXPECT_EQ(Shape(Desk::FieldsOf(types.at("video"))),
            (Fields{{"script", "richtext", -1}, {"duration", "number", -1}}));
}

TEST(SettingsDefaults, AnEnglishWorkspaceGetsTheSameKeysWithEnglishNames) {
  Desk d;
  const auto english = d.world.MakeWorkspace({.name = "Gas & Power UK", .language = "en"});
  const auto tree = d.Channels(english);
  EXPECT_EQ(tree.by_name.size(), 11u);
  EXPECT_EQ(tree.ParentName("LinkedIn"), "Social");
  EXPECT_EQ(tree.ParentName("Blog"), "Website");
  EXPECT_EQ(tree.ParentName("Newsletter"), "Email");
  EXPECT_TRUE(tree.by_name.contains("Internal"));
  const auto types = d.Types(english);
  EXPECT_EQ(types.at("social_post").name, "Social post");
  EXPECT_EQ(Desk::FieldsOf(types.at("article")).at(2).label, "SEO title");
  EXPECT_EQ(Shape(Desk::FieldsOf(types.at("article"))),
            Shape(Desk::FieldsOf(d.Types().at("article"))));
  // Contents there default to English.
  EXPECT_EQ(d.world.MakeContent(english, {.title = "Winter tips"}).content.language, "en");
}

// ---- channels ---------------------------------------------------------------------------------

TEST(SettingsChannels, CreateAsATreeChangeAndRefuseWhatBreaksTheRules) {
  Desk d;
  const auto editor = d.world.MakeMember(d.ws, "editor");
  const auto elsewhere = d.world.MakeWorkspace({.name = "Agence Lumière", .owner_name = "Paul"});
  const std::string social = d.world.ChannelId(d.ws, "Réseaux sociaux");
  const auto tiktok =
      Must(d.settings.CreateChannel(d.ws.owner, d.ws.id,
                                    {.name = "TikTok",
                                     .parent = std::optional<std::string>(social),
                                     .color = "#010101",
                                     .char_limit = std::optional<std::int64_t>(2200)}),
           "creating TikTok");
  EXPECT_EQ(tiktok.parent_id.value_or(""), social);
  EXPECT_EQ(tiktok.char_limit.value_or(0), 2200);
  EXPECT_EQ(d.Channels().ParentName("TikTok"), "Réseaux sociaux");

  const auto renamed = Must(d.settings.UpdateChannel(d.ws.owner, d.ws.id, tiktok.id,
                                                     {.name = "TikTok FR",
                                                      .parent = std::optional<std::string>(),
                                                      .char_limit = std::optional<std::int64_t>()}),
                            "renaming");
  EXPECT_EQ(renamed.name, "TikTok FR");
  EXPECT_FALSE(renamed.char_limit.has_value());
  EXPECT_FALSE(renamed.parent_id.has_value());

  const std::vector<std::pair<ChannelChange, std::string>> bad = {
      {{.name = "Y", .color = "red"}, "color"},
      {{.name = ""}, "name"},
      {{.name = "Y", .char_limit = std::optional<std::int64_t>(0)}, "char_limit"},
      {{.name = "Y", .parent = std::optional<std::string>("nope")}, "parent"},
      {{.name = "Y", .parent = std::optional<std::string>(d.world.ChannelId(elsewhere, "Blog"))},
       "parent"},
  };
  for (const auto& [change, field] : bad) {
    auto r = d.settings.CreateChannel(d.ws.owner, d.ws.id, change);
    ExpectRefused(r, ErrorKind::kUnprocessable, field);
    if (!r.ok()) {
      EXPECT_TRUE(NamesField(r.error(), field)) << Describe(r.error());
    }
  }
  // No cycles: a channel cannot move under its own sub-channel.
  const std::string blog = d.world.ChannelId(d.ws, "Blog");
  auto cycle = d.settings.UpdateChannel(d.ws.owner, d.ws.id, d.world.ChannelId(d.ws, "Site web"),
                                        {.parent = std::optional<std::string>(blog)});
  ExpectRefused(cycle, ErrorKind::kUnprocessable, "a cycle");
  EXPECT_TRUE(NamesField(cycle.error(), "parent"));
  EXPECT_EQ(d.Channels().ParentName("Site web"), "");
  // Settings are for owners and admins; everyone on the staff reads them.
  ExpectRefused(d.settings.CreateChannel(editor, d.ws.id, {.name = "Threads"}),
                ErrorKind::kForbidden, "an editor creates a channel");
  ExpectRefused(d.settings.UpdateChannel(editor, d.ws.id, tiktok.id, {.name = "x"}),
                ErrorKind::kForbidden, "an editor renames a channel");
  EXPECT_TRUE(d.settings.Channels(editor, d.ws.id).ok());
  ExpectRefused(d.settings.Channels(elsewhere.owner, d.ws.id), ErrorKind::kNotFound,
                "an outsider reads the channels");
  ExpectRefused(d.settings.UpdateChannel(d.ws.owner, d.ws.id, d.world.ChannelId(elsewhere, "X"),
                                         {.name = "mine"}),
                ErrorKind::kNotFound, "a channel of another workspace");
  EXPECT_EQ(d.Channels().by_name.size(), 12u);
}

TEST(SettingsChannels, DeletingOneInUseAsksWhereItsContentsGoAndNoContentBecomesInvisible) {
  Desk d;
  const std::string facebook = d.world.ChannelId(d.ws, "Facebook");
  const std::string linkedin = d.world.ChannelId(d.ws, "LinkedIn");
  const std::string instagram = d.world.ChannelId(d.ws, "Instagram");
  const std::string a =
      d.world.MakeContent(d.ws, {.type = "social_post", .title = "A", .channels = {facebook}})
          .content.id;
  const std::string b =
      d.world
          .MakeContent(d.ws,
                       {.type = "social_post", .title = "B", .channels = {facebook, linkedin}})
          .content.id;
  d.world.MakeContent(d.ws, {.type = "social_post", .title = "C", .channels = {instagram}});

  auto refused = d.settings.DeleteChannel(d.ws.owner, d.ws.id, facebook, std::nullopt);
  ExpectRefused(refused, ErrorKind::kConflict, "deleting a channel in use");
  EXPECT_EQ(ExtraOf(refused.error()).at("contents").as_int64(), 2);
  EXPECT_TRUE(NamesField(refused.error(), "move_to"));
  EXPECT_TRUE(d.Channels().by_name.contains("Facebook"));
  ExpectRefused(d.settings.DeleteChannel(d.ws.owner, d.ws.id, facebook, facebook),
                ErrorKind::kUnprocessable, "moving to itself");
  ExpectRefused(d.settings.DeleteChannel(d.ws.owner, d.ws.id, facebook, std::string("nope")),
                ErrorKind::kUnprocessable, "moving to no channel");
  ExpectRefused(d.settings.DeleteChannel(d.ws.owner, d.ws.id,
                                         d.world.ChannelId(d.ws, "Réseaux sociaux"), std::nullopt),
                ErrorKind::kConflict, "a channel with sub-channels stays");

  ASSERT_TRUE(d.settings.DeleteChannel(d.ws.owner, d.ws.id, facebook, linkedin).ok());
  EXPECT_FALSE(d.Channels().by_name.contains("Facebook"));
  EXPECT_EQ(d.world.Read(d.ws, a).content.channel_ids, std::vector<std::string>{linkedin});
  EXPECT_EQ(d.world.Read(d.ws, b).content.channel_ids, std::vector<std::string>{linkedin});
  content::ListFilter on_linkedin;
  on_linkedin.channels = {linkedin};
  EXPECT_EQ(Must(d.world.contents.List(d.ws.owner, d.ws.id, on_linkedin), "list").items.size(), 2u);
  EXPECT_EQ(Must(d.world.contents.List(d.ws.owner, d.ws.id, {}), "list").items.size(), 3u);
  // A content moved this way can still be edited on the version it has.
  const auto moved = d.world.Read(d.ws, a);
  EXPECT_TRUE(
      d.world.contents.Update(d.ws.owner, a, moved.content.version, {.title = "A revu"}).ok());
  // An unused channel goes at once.
  EXPECT_TRUE(
      d.settings
          .DeleteChannel(d.ws.owner, d.ws.id, d.world.ChannelId(d.ws, "Interne"), std::nullopt)
          .ok());
}

// ---- content types ----------------------------------------------------------------------------

TEST(SettingsTypes, CreateWithEveryKindOfFieldAndRefuseBadTemplates) {
  Desk d;
  const auto admin = d.world.MakeMember(d.ws, "admin");
  const auto editor = d.world.MakeMember(d.ws, "editor");
  const json::array fields = {
      {{"key", "headline"},
       {"label", "Accroche"},
       {"kind", "text"},
       {"required", true},
       {"max_length", 90}},
      {{"key", "notes"}, {"label", "Notes"}, {"kind", "longtext"}},
      {{"key", "story"}, {"label", "Récit"}, {"kind", "richtext"}},
      {{"key", "event_date"}, {"label", "Date"}, {"kind", "date"}},
      {{"key", "region"}, {"label", "Région"}, {"kind", "choice"}, {"options", {"Sud", "Nord"}}},
      {{"key", "audiences"},
       {"label", "Publics"},
       {"kind", "multichoice"},
       {"options", {"Particuliers", "Pros"}}},
      {{"key", "link"}, {"label", "Lien"}, {"kind", "url"}},
      {{"key", "budget"}, {"label", "Budget"}, {"kind", "number"}},
  };
  const auto created = Must(d.CreateType(admin, "press_release", "Communiqué", fields), "create");
  EXPECT_EQ(Shape(Desk::FieldsOf(created)), (Fields{{"headline", "text", 90},
                                                    {"notes", "longtext", -1},
                                                    {"story", "richtext", -1},
                                                    {"event_date", "date", -1},
                                                    {"region", "choice", -1},
                                                    {"audiences", "multichoice", -1},
                                                    {"link", "url", -1},
                                                    {"budget", "number", -1}}));

  const auto good =
      d.world.MakeContent(d.ws, {.type = "press_release",
                                 .title = "Nouveau réseau de chaleur",
                                 .fields = {{"headline", "Marseille se chauffe au vert"},
                                            {"notes", "l1\nl2"},
                                            {"story", "**gras**"},
                                            {"event_date", "2031-04-02"},
                                            {"region", "Sud"},
                                            {"audiences", {"Pros"}},
                                            {"link", "https://example.com/x"},
                                            {"budget", 1200.5}}});
  EXPECT_EQ(json::parse(good.content.fields_json).at("budget").as_double(), 1200.5);
  EXPECT_TRUE(good.violations.empty());
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, json::value>>{{"event_date", "next week"},
                                                        {"region", "Est"},
                                                        {"audiences", {"Pros", "Martiens"}},
                                                        {"audiences", "Pros"},
                                                        {"link", "javascript:alert(1)"},
                                                        {"budget", "1200"},
                                                        {"headline", json::array{}}}) {
    auto r = d.world.contents.Create(
        d.ws.owner, d.ws.id,
        TestWorld::InputOf({.type = "press_release", .title = "t", .fields = {{key, value}}}));
    ExpectRefused(r, ErrorKind::kUnprocessable, key + "=" + json::serialize(value));
    if (!r.ok()) {
      EXPECT_TRUE(NamesField(r.error(), "fields." + key)) << Describe(r.error());
    }
  }
  const auto missing =
      d.world.MakeContent(d.ws, {.type = "press_release", .title = "Sans accroche"});
  ASSERT_FALSE(missing.violations.empty());
  EXPECT_EQ(missing.violations[0].field, "headline");
  EXPECT_EQ(missing.violations[0].rule, "required");

  struct Bad {
    std::string key;
    json::value fields;
    ErrorKind kind;
    std::string field;
  };
  const auto field = [](json::object o) { return json::value(json::array{std::move(o)}); };
  for (const auto& bad : std::vector<Bad>{
           {"press_release", nullptr, ErrorKind::kConflict, "key"},
           {"Bad Key", nullptr, ErrorKind::kUnprocessable, "key"},
           {"ok", field({{"key", "a"}, {"label", "A"}, {"kind", "html"}}),
            ErrorKind::kUnprocessable, "fields[0].kind"},
           {"ok",
            json::array{{{"key", "a"}, {"label", "A"}, {"kind", "text"}},
                        {{"key", "a"}, {"label", "B"}, {"kind", "text"}}},
            ErrorKind::kUnprocessable, "fields[1].key"},
           {"ok", field({{"key", "title"}, {"label", "T"}, {"kind", "text"}}),
            ErrorKind::kUnprocessable, "fields[0].key"},
           {"ok", field({{"key", "c"}, {"label", "C"}, {"kind", "choice"}}),
            ErrorKind::kUnprocessable, "fields[0].options"},
           {"ok", field({{"key", "n"}, {"label", "N"}, {"kind", "number"}, {"max_length", 3}}),
            ErrorKind::kUnprocessable, "fields[0].max_length"},
           {"ok", field({{"key", "n"}, {"label", "N"}, {"kind", "text"}, {"colour", "red"}}),
            ErrorKind::kBadRequest, "fields[0].colour"},
       }) {
    auto r = d.CreateType(d.ws.owner, bad.key, "x", bad.fields);
    ExpectRefused(r, bad.kind, bad.field);
    if (!r.ok()) {
      EXPECT_TRUE(NamesField(r.error(), bad.field)) << Describe(r.error());
    }
  }
  ExpectRefused(d.CreateType(editor, "memo", "Mémo"), ErrorKind::kForbidden,
                "an editor creates a type");
  EXPECT_EQ(d.Types().size(), 6u);
}

TEST(SettingsTypes, RemovingAFieldKeepsItsValuesInHistory) {
  Desk d;
  const std::string id =
      d.world
          .MakeContent(d.ws, {.title = "Titre",
                              .fields = {{"lead", "Chapô"}, {"seo_title", "Titre pour Google"}}})
          .content.id;
  const auto article = d.Types().at("article");
  // The article type without its SEO title.
  std::vector<FieldDef> kept;
  for (const auto& f : Desk::FieldsOf(article)) {
    if (f.key != "seo_title") kept.push_back(f);
  }
  const auto changed =
      Must(d.settings.UpdateType(d.ws.owner, d.ws.id, article.id, {.fields = kept}), "update");
  EXPECT_EQ(Desk::FieldsOf(changed).size(), 3u);
  EXPECT_EQ(changed.key, "article");

  auto revision_1 = [&] { return Must(d.world.contents.Revision(d.ws.owner, id, 1), "rev 1"); };
  EXPECT_EQ(FieldOf(revision_1().fields_json, "seo_title"), "Titre pour Google")
      << "history keeps the value";
  // New writes may not use the removed field; other edits keep the stored value in history.
  auto refused = d.world.contents.Update(d.ws.owner, id, 1,
                                         {.fields = json::object{{"seo_title", "Nouveau"}}});
  ExpectRefused(refused, ErrorKind::kUnprocessable, "writing a removed field");
  EXPECT_TRUE(NamesField(refused.error(), "fields.seo_title"));
  const auto editor = d.world.MakeMember(d.ws, "editor");
  ASSERT_TRUE(
      d.world.contents.Update(editor, id, 1, {.fields = json::object{{"lead", "Chapô revu"}}})
          .ok());
  EXPECT_EQ(FieldOf(revision_1().fields_json, "seo_title"), "Titre pour Google");
  bool listed = false;
  for (const auto& f : Must(d.world.contents.Diff(d.ws.owner, id, 1, 2), "diff")) {
    listed = listed || f.field == "seo_title";
  }
  EXPECT_TRUE(listed) << "the diff still shows the removed field";

  // The key is fixed; a type in use cannot be deleted; an unused one can.
  ExpectRefused(d.settings.UpdateType(d.ws.owner, d.ws.id, article.id, {.key = "post"}),
                ErrorKind::kUnprocessable, "changing a type's key");
  ExpectRefused(d.settings.DeleteType(d.ws.owner, d.ws.id, article.id), ErrorKind::kConflict,
                "deleting a type in use");
  EXPECT_TRUE(d.settings.DeleteType(d.ws.owner, d.ws.id, d.Types().at("video").id).ok());
  EXPECT_FALSE(d.Types().contains("video"));
  EXPECT_TRUE(d.Types().contains("article"));
}

// ---- projects ---------------------------------------------------------------------------------

TEST(SettingsProjects, CreateRenameArchiveAndFilterContents) {
  Desk d;
  const auto editor = d.world.MakeMember(d.ws, "editor");
  const auto reviewer = d.world.MakeMember(d.ws, "reviewer");
  const auto created =
      Must(d.settings.CreateProject(
               editor, d.ws.id, {.name = "Campagne biométhane", .description = "Printemps 2031"}),
           "create");
  EXPECT_FALSE(created.archived_at.has_value());
  ExpectRefused(d.settings.CreateProject(reviewer, d.ws.id, {.name = "Non"}), ErrorKind::kForbidden,
                "a reviewer creates a project");
  auto blank = d.settings.CreateProject(d.ws.owner, d.ws.id, {.name = " "});
  ExpectRefused(blank, ErrorKind::kUnprocessable, "a blank name");
  EXPECT_TRUE(NamesField(blank.error(), "name"));

  const auto renamed =
      Must(d.settings.UpdateProject(editor, d.ws.id, created.id, {.name = "Campagne gaz vert"}),
           "rename");
  EXPECT_EQ(renamed.name, "Campagne gaz vert");
  content::ContentInput in = TestWorld::InputOf({.title = "Dans le projet"});
  in.project = std::optional<std::string>(created.id);
  const std::string inside =
      Must(d.world.contents.Create(d.ws.owner, d.ws.id, in), "create").content.id;
  d.world.MakeContent(d.ws, {.title = "Hors projet"});
  content::ListFilter in_project;
  in_project.projects = {created.id};
  const auto listed = Must(d.world.contents.List(d.ws.owner, d.ws.id, in_project), "list");
  ASSERT_EQ(listed.items.size(), 1u);
  EXPECT_EQ(listed.items[0].content.id, inside);

  const auto archived = Must(
      d.settings.UpdateProject(d.ws.owner, d.ws.id, created.id, {.archived = true}), "archive");
  EXPECT_TRUE(archived.archived_at.has_value());
  EXPECT_TRUE(Must(d.settings.Projects(d.ws.owner, d.ws.id, false), "projects").empty());
  const auto all = Must(d.settings.Projects(d.ws.owner, d.ws.id, true), "projects");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id, created.id);
  EXPECT_EQ(d.world.Read(d.ws, inside).content.project_id.value_or(""), created.id)
      << "its contents keep it";
  ExpectRefused(d.settings.UpdateProject(d.ws.owner, d.ws.id, "nope", {.name = "x"}),
                ErrorKind::kNotFound, "an unknown project");
}

// ---- tags -------------------------------------------------------------------------------------

TEST(SettingsTags, AutocompleteMatchesWithoutCaseOrAccentsMostUsedFirst) {
  Desk d;
  const auto elsewhere = d.world.MakeWorkspace({.name = "Agence Lumière", .owner_name = "Paul"});
  d.world.MakeContent(d.ws, {.title = "1", .tags = {"Énergie verte", "Hiver"}});
  d.world.MakeContent(d.ws, {.title = "2", .tags = {"énergie verte", "Électricité"}});
  d.world.MakeContent(d.ws, {.title = "3", .tags = {"Energie", "ÉNERGIE VERTE"}});
  d.world.MakeContent(elsewhere, {.title = "ailleurs", .tags = {"Énergie solaire"}});
  auto tags = [&](const std::string& prefix) {
    return Must(d.settings.Tags(d.ws.owner, d.ws.id, prefix, 20), "tags " + prefix);
  };
  const auto ener = tags("ener");
  ASSERT_EQ(ener.size(), 2u)
      << "one entry per tag whatever its case or accents; none of another workspace";
  EXPECT_EQ(ener[0].count, 3);
  EXPECT_EQ(ener[1].tag, "Energie");
  EXPECT_EQ(ener[1].count, 1);
  EXPECT_EQ(tags("ÉNER").size(), 2u);
  EXPECT_EQ(tags("elec").size(), 1u);
  EXPECT_EQ(tags("hi").at(0).tag, "Hiver");
  EXPECT_TRUE(tags("%").empty()) << "a LIKE wildcard in the prefix matches nothing";
  EXPECT_EQ(tags("").size(), 4u);
  // A tag repeated with another case on one content is kept once.
  EXPECT_EQ(
      d.world.MakeContent(d.ws, {.title = "4", .tags = {"Gaz", "gaz", "GAZ"}}).content.tags.size(),
      1u);
  ExpectRefused(d.settings.Tags(elsewhere.owner, d.ws.id, "", 20), ErrorKind::kNotFound,
                "an outsider reads the tags");
}

}  // namespace
}  // namespace copydesk::testing
