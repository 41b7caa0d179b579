// Contents as the domain keeps them: field checks reported (never enforced), versions and
// revisions, the history's diff, labels and restores, and the merge of stale writes. Built from
// the factories over a real database; the HTTP contract of the same routes is in
// tests/api/contents_test.cpp.
#include "content/contents.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "support/factories.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;
using content::ContentInput;
using content::ContentView;
using content::Violation;

//! The violation of `field` under `rule`, or null.
const Violation* FindViolation(const ContentView& view, const std::string& field,
                               const std::string& rule) {
  for (const auto& v : view.violations) {
    if (v.field == field && v.rule == rule) return &v;
  }
  return nullptr;
}

std::string Field(const ContentView& view, const std::string& key) {
  return FieldOf(view.content.fields_json, key);
}

//! A world with a French workspace (owner Chloé) and an editor (Claire).
struct Desk {
  TestWorld world;
  Workspace ws = world.MakeWorkspace();
  auth::Actor editor = world.MakeMember(ws, "editor");

  ContentView Article(const std::string& title, json::object fields = {}) {
    return world.MakeContent(ws, {.title = title, .fields = std::move(fields)});
  }
  Result<ContentView> Update(const auth::Actor& who, const std::string& id, std::int64_t base,
                             ContentInput change) {
    return world.contents.Update(who, id, base, std::move(change));
  }
  std::vector<storage::RevisionRecord> Revisions(const std::string& id) {
    return Must(world.contents.Revisions(ws.owner, id), "listing revisions");
  }
  storage::RevisionRecord RevisionAt(const std::string& id, std::int64_t n) {
    return Must(world.contents.Revision(ws.owner, id, n), "reading revision");
  }
  ContentView Read(const std::string& id) { return world.Read(ws, id); }
};

// ---- field checks: reported, never enforced ---------------------------------------------------

TEST(ContentChecks, OverLimitTextIsSavedAndReportedAsViolations) {
  Desk d;
  const std::string long_seo(61, 's');
  const std::string long_title(201, 't');
  const auto created =
      d.Article(long_title, {{"seo_title", long_seo}, {"meta_description", std::string(160, 'm')}});
  const auto got = d.Read(created.content.id);
  EXPECT_EQ(got.content.title, long_title) << "over-limit title must be saved as typed";
  EXPECT_EQ(Field(got, "seo_title"), long_seo);
  const auto* seo = FindViolation(got, "seo_title", "max_length");
  ASSERT_NE(seo, nullptr);
  EXPECT_EQ(seo->limit, 60);
  EXPECT_EQ(seo->actual, 61);
  const auto* title = FindViolation(got, "title", "max_length");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->limit, 200);
  EXPECT_EQ(title->actual, 201);
  EXPECT_EQ(FindViolation(got, "meta_description", "max_length"), nullptr)
      << "160 is within the limit";

  // Characters, not bytes: 60 accented letters fit a 60-character SEO title.
  std::string accents;
  for (int i = 0; i < 60; ++i) accents += "é";
  auto fixed =
      d.Update(d.ws.owner, got.content.id, got.content.version,
               {.title = "Un titre court", .fields = json::object{{"seo_title", accents}}});
  ASSERT_TRUE(fixed.ok()) << Describe(fixed.error());
  EXPECT_TRUE(fixed->violations.empty());
}

TEST(ContentChecks, ChannelLimitsAndRequiredFieldsAreReported) {
  Desk d;
  const std::string x = d.world.ChannelId(d.ws, "X");
  const std::string linkedin = d.world.ChannelId(d.ws, "LinkedIn");
  const std::string post(281, 'p');
  const auto on_x = d.world.MakeContent(d.ws, {.type = "social_post",
                                               .title = "Post",
                                               .fields = {{"text", post}},
                                               .channels = {x, linkedin}});
  const auto got = d.Read(on_x.content.id);
  const auto* limit = FindViolation(got, "text", "channel_limit");
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(limit->limit, 280);
  EXPECT_EQ(limit->actual, 281);
  EXPECT_EQ(limit->channel_id.value_or(""), x);
  EXPECT_EQ(got.violations.size(), 1u) << "LinkedIn allows 3000";

  // The same text only on LinkedIn breaks nothing; a post without text misses its required text.
  const auto on_linkedin = d.world.MakeContent(
      d.ws,
      {.type = "social_post", .title = "Post", .fields = {{"text", post}}, .channels = {linkedin}});
  EXPECT_TRUE(d.Read(on_linkedin.content.id).violations.empty());
  const auto empty = d.world.MakeContent(d.ws, {.type = "social_post", .title = "Brouillon"});
  EXPECT_NE(FindViolation(d.Read(empty.content.id), "text", "required"), nullptr);

  // Moving the post off X clears the channel violation.
  auto moved = d.Update(d.ws.owner, on_x.content.id, got.content.version,
                        {.channels = std::vector<std::string>{linkedin}});
  ASSERT_TRUE(moved.ok()) << Describe(moved.error());
  EXPECT_TRUE(moved->violations.empty());
}

TEST(ContentChecks, TypeIsTakenByIdOrKeyAndOnlyTypeAndTitleAreRequired) {
  Desk d;
  std::string newsletter;
  for (const auto& t : Must(d.world.settings.Types(d.ws.owner, d.ws.id), "types")) {
    if (t.key == "newsletter") newsletter = t.id;
  }
  ASSERT_FALSE(newsletter.empty());
  const auto by_id = d.world.MakeContent(d.ws, {.type = newsletter, .title = "Lettre de janvier"});
  EXPECT_EQ(by_id.type.key, "newsletter");
  const auto by_key =
      d.world.MakeContent(d.ws, {.type = "newsletter", .title = "Lettre de février"});
  EXPECT_EQ(by_key.type.id, newsletter);
  // The creator owns it and the workspace's language is the default.
  EXPECT_EQ(by_key.content.owner_id.value_or(""), d.ws.owner.user.id);
  EXPECT_EQ(by_key.content.language, "fr");

  auto create = [&](ContentInput in) {
    return d.world.contents.Create(d.ws.owner, d.ws.id, std::move(in));
  };
  const std::vector<std::tuple<const char*, ContentInput, ErrorKind, std::string>> refused = {
      {"no type", {.title = "Sans type"}, ErrorKind::kUnprocessable, "type"},
      {"no title", {.type = "article"}, ErrorKind::kUnprocessable, "title"},
      {"blank title", {.type = "article", .title = "   "}, ErrorKind::kUnprocessable, "title"},
      {"unknown type",
       {.type = "podcast", .title = "Épisode 1"},
       ErrorKind::kUnprocessable,
       "type"},
  };
  for (const auto& [what, in, kind, field] : refused) {
    auto r = create(in);
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.error().kind, kind) << what << ": " << Describe(r.error());
    EXPECT_TRUE(NamesField(r.error(), field)) << what << ": " << Describe(r.error());
  }
  EXPECT_EQ(Must(d.world.contents.List(d.ws.owner, d.ws.id, {}), "list").items.size(), 2u);
}

TEST(ContentChecks, StructuralErrorsAreRefusedNamingTheFieldAndNothingIsWritten) {
  Desk d;
  auto with = [](ContentSpec spec) { return TestWorld::InputOf(spec); };
  ContentInput in_project = with({.title = "t"});
  in_project.project = std::optional<std::string>("no-such-project");
  const std::vector<std::pair<ContentInput, std::string>> cases = {
      {with({.title = "t", .fields = {{"subtitle", "x"}}}), "fields.subtitle"},
      {with({.title = "t", .fields = {{"seo_title", 42}}}), "fields.seo_title"},
      {with({.title = "t", .fields = {{"seo_title", "two\nlines"}}}), "fields.seo_title"},
      {with({.type = "video", .title = "t", .fields = {{"duration", "ninety"}}}),
       "fields.duration"},
      {with({.type = "print", .title = "t", .fields = {{"format", "A0"}}}), "fields.format"},
      {with({.title = "t", .channels = {"no-such-channel"}}), "channels[0]"},
      {in_project, "project"},
      {with({.title = "t", .owner = "no-such-user"}), "owner"},
      {with({.title = "t", .assignees = {"no-such-user"}}), "assignees[0]"},
      {with({.title = "t", .language = "de"}), "language"},
  };
  for (const auto& [in, field] : cases) {
    auto r = d.world.contents.Create(d.ws.owner, d.ws.id, in);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().kind, ErrorKind::kUnprocessable) << field << ": " << Describe(r.error());
    EXPECT_TRUE(NamesField(r.error(), field)) << field << " not named: " << Describe(r.error());
  }
  EXPECT_TRUE(Must(d.world.contents.List(d.ws.owner, d.ws.id, {}), "list").items.empty());
}

TEST(ContentChecks, IdsOfAnotherWorkspaceAreRefusedNamingTheField) {
  Desk d;
  const auto elsewhere = d.world.MakeWorkspace({.name = "Agence Lumière", .owner_name = "Paul"});
  const std::string their_channel = d.world.ChannelId(elsewhere, "LinkedIn");
  const std::string their_project =
      Must(d.world.settings.CreateProject(elsewhere.owner, elsewhere.id, {.name = "Leur projet"}),
           "their project")
          .id;
  std::string their_type;
  for (const auto& t : Must(d.world.settings.Types(elsewhere.owner, elsewhere.id), "types")) {
    if (t.key == "article") their_type = t.id;
  }
  ContentInput in_their_project = TestWorld::InputOf({.title = "t"});
  in_their_project.project = std::optional<std::string>(their_project);
  const std::vector<std::pair<ContentInput, std::string>> cases = {
      {TestWorld::InputOf({.title = "t", .channels = {their_channel}}), "channels[0]"},
      {in_their_project, "project"},
      {TestWorld::InputOf({.title = "t", .owner = elsewhere.owner.user.id}), "owner"},
      {TestWorld::InputOf({.title = "t", .assignees = {elsewhere.owner.user.id}}), "assignees[0]"},
      {TestWorld::InputOf({.type = their_type, .title = "t"}), "type"},
  };
  for (const auto& [in, field] : cases) {
    auto r = d.world.contents.Create(d.ws.owner, d.ws.id, in);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().kind, ErrorKind::kUnprocessable) << field << ": " << Describe(r.error());
    EXPECT_TRUE(NamesField(r.error(), field)) << field << ": " << Describe(r.error());
  }
  EXPECT_TRUE(Must(d.world.contents.List(d.ws.owner, d.ws.id, {}), "list").items.empty());

  // The same through a change: refused, and the content keeps its version.
  const std::string id = d.Article("À moi").content.id;
  auto changed = d.Update(d.ws.owner, id, 1,
                          {.title = "Changé", .channels = std::vector<std::string>{their_channel}});
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().kind, ErrorKind::kUnprocessable);
  EXPECT_TRUE(NamesField(changed.error(), "channels[0]")) << Describe(changed.error());
  auto moved = d.Update(d.ws.owner, id, 1, {.project = std::optional<std::string>(their_project)});
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().kind, ErrorKind::kUnprocessable);
  EXPECT_TRUE(NamesField(moved.error(), "project")) << Describe(moved.error());
  const auto after = d.Read(id);
  EXPECT_EQ(after.content.version, 1);
  EXPECT_EQ(after.content.title, "À moi");
}

TEST(ContentChecks, AFieldOverTheSizeLimitIsRefusedAndNothingIsWritten) {
  Desk d;
  const std::string huge(content::kMaxFieldBytes + 1, 'a');
  auto created = d.world.contents.Create(
      d.ws.owner, d.ws.id, TestWorld::InputOf({.title = "Énorme", .fields = {{"body", huge}}}));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().kind, ErrorKind::kPayloadTooLarge);
  EXPECT_TRUE(NamesField(created.error(), "fields.body")) << Describe(created.error());
  EXPECT_TRUE(Must(d.world.contents.List(d.ws.owner, d.ws.id, {}), "list").items.empty());

  const std::string id = d.Article("Normal", {{"body", "Court."}}).content.id;
  auto patched = d.Update(d.ws.owner, id, 1, {.fields = json::object{{"body", huge}}});
  ASSERT_FALSE(patched.ok());
  EXPECT_EQ(patched.error().kind, ErrorKind::kPayloadTooLarge);
  EXPECT_TRUE(NamesField(patched.error(), "fields.body")) << Describe(patched.error());
  const auto after = d.Read(id);
  EXPECT_EQ(after.content.version, 1);
  EXPECT_EQ(Field(after, "body"), "Court.");
  EXPECT_EQ(d.Revisions(id).size(), 1u);
}

// ---- versions ---------------------------------------------------------------------------------

TEST(ContentVersions, ASaveThatChangesNothingKeepsTheVersion) {
  Desk d;
  const std::string id = d.Article("Titre", {{"lead", "Chapô"}}).content.id;
  const std::vector<std::pair<const char*, ContentInput>> same = {
      {"same title", {.title = "Titre"}},
      {"same lead", {.fields = json::object{{"lead", "Chapô"}}}},
      {"nothing", {}},
      {"title with spaces", {.title = "  Titre  "}},
  };
  for (const auto& [what, change] : same) {
    auto r = d.Update(d.ws.owner, id, 1, change);
    ASSERT_TRUE(r.ok()) << what << ": " << Describe(r.error());
    EXPECT_EQ(r->content.version, 1) << what;
    EXPECT_EQ(r->content.revision, 1) << what;
  }
  EXPECT_EQ(d.Revisions(id).size(), 1u);
}

TEST(ContentVersions, MetadataChangesBumpTheVersionButNotTheRevision) {
  Desk d;
  const auto created = d.Article("Titre", {{"lead", "Chapô"}});
  const std::string id = created.content.id;
  const std::string hash = created.content.content_hash;
  const TimeMs march_2031 = 1930435200000;  // 2031-03-01
  const std::vector<std::pair<const char*, ContentInput>> changes = {
      {"tags", {.tags = std::vector<std::string>{"gaz"}}},
      {"channels", {.channels = std::vector<std::string>{d.world.ChannelId(d.ws, "Blog")}}},
      {"due date", {.due_at = std::optional<TimeMs>(march_2031)}},
      {"publication cleared and owner",
       {.owner = std::optional<std::string>(d.editor.user.id),
        .publish_at = std::optional<TimeMs>()}},
      {"assignees", {.assignees = std::vector<std::string>{d.editor.user.id}}},
      {"language", {.language = "en"}},
  };
  std::int64_t version = 1;
  for (const auto& [what, change] : changes) {
    // Written by another person each time: even then, no revision is made for metadata.
    auto r = d.Update(d.editor, id, version, change);
    ASSERT_TRUE(r.ok()) << what << ": " << Describe(r.error());
    EXPECT_EQ(r->content.version, version + 1) << what;
    version = r->content.version;
    EXPECT_EQ(r->content.revision, 1) << what;
    EXPECT_EQ(r->content.content_hash, hash) << what;
  }
  EXPECT_EQ(d.Revisions(id).size(), 1u);
  const auto got = d.Read(id);
  EXPECT_EQ(got.content.language, "en");
  EXPECT_EQ(got.content.owner_id.value_or(""), d.editor.user.id);
  EXPECT_EQ(got.content.tags, std::vector<std::string>{"gaz"});
}

// ---- history ----------------------------------------------------------------------------------

TEST(ContentRevisions, SameAuthorRefinesOneRevisionAnotherAuthorStartsANewOne) {
  Desk d;
  const std::string id = d.Article("Titre", {{"body", "v1"}}).content.id;
  ASSERT_TRUE(d.Update(d.ws.owner, id, 1, {.fields = json::object{{"body", "v2"}}}).ok());
  auto v3 = d.Update(d.ws.owner, id, 2, {.fields = json::object{{"body", "v3"}}});
  ASSERT_TRUE(v3.ok()) << Describe(v3.error());
  EXPECT_EQ(v3->content.version, 3);
  EXPECT_EQ(v3->content.revision, 1) << "autosaves refine the working revision";
  auto revisions = d.Revisions(id);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].saves, 3);
  EXPECT_FALSE(revisions[0].sealed);

  auto by_editor = d.Update(d.editor, id, 3, {.fields = json::object{{"body", "v4 editor"}}});
  ASSERT_TRUE(by_editor.ok()) << Describe(by_editor.error());
  EXPECT_EQ(by_editor->content.revision, 2);
  auto back = d.Update(d.ws.owner, id, 4, {.fields = json::object{{"body", "v5 owner"}}});
  ASSERT_TRUE(back.ok()) << Describe(back.error());
  EXPECT_EQ(back->content.revision, 3);
  revisions = d.Revisions(id);
  ASSERT_EQ(revisions.size(), 3u);
  EXPECT_EQ(revisions[0].number, 3) << "newest first";
  EXPECT_EQ(revisions[0].author_id, d.ws.owner.user.id);
  EXPECT_EQ(revisions[1].author_id, d.editor.user.id);
  EXPECT_TRUE(revisions[1].sealed) << "another person wrote after it";
  EXPECT_TRUE(revisions[2].sealed);
  EXPECT_EQ(revisions[2].reason, "created");

  // Each revision keeps its full snapshot.
  EXPECT_EQ(FieldOf(d.RevisionAt(id, 1).fields_json, "body"), "v3");
  EXPECT_EQ(FieldOf(d.RevisionAt(id, 2).fields_json, "body"), "v4 editor");
  const auto r3 = d.RevisionAt(id, 3);
  EXPECT_EQ(FieldOf(r3.fields_json, "body"), "v5 owner");
  EXPECT_EQ(r3.title, "Titre");
  EXPECT_EQ(r3.content_hash, d.Read(id).content.content_hash);
  EXPECT_NE(d.RevisionAt(id, 1).content_hash, r3.content_hash);
  auto missing = d.world.contents.Revision(d.ws.owner, id, 4);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

TEST(ContentRevisions, DiffShowsWordChangesAsOperationsAndHtml) {
  Desk d;
  const std::string id =
      d.world
          .MakeContent(
              d.ws, {.type = "video",
                     .title = "Le gaz vert",
                     .fields = {{"script", "Le biométhane chauffe la ville."}, {"duration", 60}}})
          .content.id;
  ASSERT_TRUE(d.Update(d.editor, id, 1,
                       {.fields = json::object{{"script", "Le biométhane chauffe toute la région."},
                                               {"duration", 90}}})
                  .ok());
  const auto diff = Must(d.world.contents.Diff(d.ws.owner, id, 1, 2), "diff");
  const content::FieldDiff* title = nullptr;
  const content::FieldDiff* script = nullptr;
  const content::FieldDiff* duration = nullptr;
  for (const auto& f : diff) {
    if (f.field == "title") title = &f;
    if (f.field == "script") script = &f;
    if (f.field == "duration") duration = &f;
  }
  ASSERT_TRUE(title && script && duration);
  EXPECT_FALSE(title->changed);
  EXPECT_TRUE(script->changed);
  std::string inserted, deleted, rebuilt_before, rebuilt_after;
  using Kind = content::DiffOp::Kind;
  for (const auto& op : script->ops) {
    if (op.kind == Kind::kInsert) inserted += op.text;
    if (op.kind == Kind::kDelete) deleted += op.text;
    if (op.kind != Kind::kInsert) rebuilt_before += op.text;
    if (op.kind != Kind::kDelete) rebuilt_after += op.text;
  }
  EXPECT_EQ(rebuilt_before, "Le biométhane chauffe la ville.");
  EXPECT_EQ(rebuilt_after, "Le biométhane chauffe toute la région.");
  EXPECT_NE(inserted.find("toute"), std::string::npos);
  EXPECT_NE(inserted.find("région"), std::string::npos);
  EXPECT_NE(deleted.find("ville"), std::string::npos);
  EXPECT_EQ(deleted.find("biométhane"), std::string::npos) << "unchanged words are not deleted";
  EXPECT_NE(script->html.find("<ins>"), std::string::npos) << script->html;
  EXPECT_NE(script->html.find("<del>"), std::string::npos) << script->html;
  EXPECT_FALSE(duration->text);
  EXPECT_EQ(duration->before, json::value(60));
  EXPECT_EQ(duration->after, json::value(90));
  auto beyond = d.world.contents.Diff(d.ws.owner, id, 1, 9);
  ASSERT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.error().kind, ErrorKind::kNotFound);
}

TEST(ContentRevisions, HtmlAndScriptAreStoredAsTextAndEscapedInDiffs) {
  Desk d;
  const std::string script = "<script>alert('x')</script>";
  const std::string markup = "<b onmouseover=\"steal()\">Gras</b> & <img src=x onerror=alert(1)>";
  const std::string id =
      d.Article("Titre " + script, {{"body", "Avant."}, {"lead", markup}}).content.id;
  const auto got = d.Read(id);
  EXPECT_EQ(got.content.title, "Titre " + script) << "stored exactly as typed";
  EXPECT_EQ(Field(got, "lead"), markup);
  ASSERT_TRUE(d.Update(d.ws.owner, id, 1,
                       {.fields = json::object{{"body", "Avant. " + script + " " + markup}}})
                  .ok());
  // Revision 1 was refined by its author; a second person's edit makes revision 2 to compare.
  ASSERT_TRUE(
      d.Update(d.editor, id, 2, {.fields = json::object{{"body", "Après. " + script}}}).ok());
  bool saw_body = false;
  for (const auto& f : Must(d.world.contents.Diff(d.ws.owner, id, 1, 2), "diff")) {
    EXPECT_EQ(f.html.find("<script"), std::string::npos) << f.html;
    EXPECT_EQ(f.html.find("<b "), std::string::npos) << f.html;
    EXPECT_EQ(f.html.find("<img"), std::string::npos) << f.html;
    if (f.field == "body") {
      saw_body = true;
      EXPECT_NE(f.html.find("&lt;script&gt;"), std::string::npos) << f.html;
      EXPECT_NE(f.html.find("&amp;"), std::string::npos) << f.html;
    }
  }
  EXPECT_TRUE(saw_body);
}

TEST(ContentRevisions, ALabelSealsTheRevisionAndRestoreMakesANewOneWithoutRewritingHistory) {
  Desk d;
  const std::string id = d.Article("Titre d'origine", {{"body", "Texte d'origine."}}).content.id;
  const auto labelled =
      Must(d.world.contents.Label(d.ws.owner, id, 1, "envoyé au juridique"), "label");
  EXPECT_EQ(labelled.label.value_or(""), "envoyé au juridique");
  EXPECT_TRUE(labelled.sealed);
  // The same author writing within the window no longer refines the labelled revision.
  auto edit = d.Update(d.ws.owner, id, 1,
                       {.title = "Titre revu", .fields = json::object{{"body", "Texte revu."}}});
  ASSERT_TRUE(edit.ok()) << Describe(edit.error());
  EXPECT_EQ(edit->content.revision, 2);
  const auto first = d.RevisionAt(id, 1);
  EXPECT_EQ(first.title, "Titre d'origine");
  EXPECT_EQ(first.label.value_or(""), "envoyé au juridique");
  const auto before = d.Revisions(id);

  const auto now = Must(d.world.contents.Restore(d.ws.owner, id, 1), "restore");
  EXPECT_EQ(now.content.revision, 3);
  EXPECT_EQ(now.content.title, "Titre d'origine");
  EXPECT_EQ(Field(now, "body"), "Texte d'origine.");
  EXPECT_EQ(now.content.content_hash, first.content_hash);
  const auto after = d.Revisions(id);
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0].reason, "restore");
  EXPECT_EQ(after[0].restored_from.value_or(0), 1);
  // Revisions 1 and 2 are untouched: same hashes, same text.
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i + 1].content_hash, before[i].content_hash);
    EXPECT_EQ(after[i + 1].number, before[i].number);
  }
  EXPECT_EQ(d.RevisionAt(id, 2).title, "Titre revu");
  // The next edit starts a new revision: a restore is a point of its own.
  auto next = d.Update(d.ws.owner, id, now.content.version, {.title = "Titre final"});
  ASSERT_TRUE(next.ok()) << Describe(next.error());
  EXPECT_EQ(next->content.revision, 4);
  EXPECT_EQ(d.RevisionAt(id, 3).title, "Titre d'origine");

  auto restore_missing = d.world.contents.Restore(d.ws.owner, id, 9);
  ASSERT_FALSE(restore_missing.ok());
  EXPECT_EQ(restore_missing.error().kind, ErrorKind::kNotFound);
  auto label_missing = d.world.contents.Label(d.ws.owner, id, 9, "x");
  ASSERT_FALSE(label_missing.ok());
  EXPECT_EQ(label_missing.error().kind, ErrorKind::kNotFound);
  auto too_long = d.world.contents.Label(d.ws.owner, id, 2, std::string(121, 'x'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().kind, ErrorKind::kUnprocessable);
  EXPECT_FALSE(d.RevisionAt(id, 2).label.has_value());
}

// ---- no lost edit -----------------------------------------------------------------------------

TEST(ContentMerge, ChangesToDifferentFieldsOfAStaleBaseMerge) {
  Desk d;
  const std::string id = d.Article("Titre", {{"lead", "Chapô"}, {"seo_title", "SEO"}}).content.id;
  ASSERT_TRUE(
      d.Update(d.ws.owner, id, 1, {.fields = json::object{{"lead", "Chapô revu par Chloé"}}}).ok());
  auto stale = d.Update(
      d.editor, id, 1,
      {.title = "Titre de Claire", .fields = json::object{{"seo_title", "SEO revu par Claire"}}});
  ASSERT_TRUE(stale.ok()) << Describe(stale.error());
  EXPECT_TRUE(stale->merged);
  EXPECT_EQ(stale->content.version, 3);
  EXPECT_EQ(Field(*stale, "lead"), "Chapô revu par Chloé");
  EXPECT_EQ(Field(*stale, "seo_title"), "SEO revu par Claire");
  EXPECT_EQ(stale->content.title, "Titre de Claire");
  EXPECT_EQ(d.Revisions(id)[0].reason, "merge");
}

// Chloé, alone on a post, ticks a channel and clicks the status button before the autosave goes
// out: the save is based on the version before the move. Nobody else changed anything, so the
// answer must not say her changes were combined with someone else's.
TEST(ContentMerge, AStatusMoveSinceTheBaseIsNotSomeoneElsesChange) {
  Desk d;
  const std::string linkedin = d.world.ChannelId(d.ws, "LinkedIn");
  const auto created = d.world.MakeContent(d.ws, {.type = "social_post", .title = "Post"});
  const std::string id = created.content.id;
  const auto statuses = d.world.StatusIds(d.ws);
  ASSERT_TRUE(d.world.workflow.Move(d.ws.owner, id, statuses[1], "", std::nullopt).ok());
  ASSERT_TRUE(d.world.workflow.Lock(d.ws.owner, id, "Relecture").ok());
  ASSERT_TRUE(d.world.workflow.Unlock(d.ws.owner, id).ok());
  auto pending = d.Update(d.ws.owner, id, created.content.version,
                          {.channels = std::vector<std::string>{linkedin}});
  ASSERT_TRUE(pending.ok()) << Describe(pending.error());
  EXPECT_FALSE(pending->merged);
  EXPECT_EQ(pending->content.channel_ids, std::vector<std::string>{linkedin});
  EXPECT_EQ(pending->content.status_id.value_or(""), statuses[1]);

  // Someone else's edit in between is still said to be combined.
  const auto now = d.Read(id);
  ASSERT_TRUE(d.Update(d.editor, id, now.content.version, {.title = "Post revu"}).ok());
  ASSERT_TRUE(d.world.workflow.Move(d.ws.owner, id, statuses[0], "", std::nullopt).ok());
  auto stale =
      d.Update(d.ws.owner, id, now.content.version, {.channels = std::vector<std::string>{}});
  ASSERT_TRUE(stale.ok()) << Describe(stale.error());
  EXPECT_TRUE(stale->merged);
}

TEST(ContentMerge, ChangesToDifferentParagraphsOfOneTextMerge) {
  Desk d;
  const std::string base = "Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.";
  const std::string id = d.Article("Titre", {{"body", base}}).content.id;
  ASSERT_TRUE(d.Update(d.ws.owner, id, 1,
                       {.fields = json::object{{"body",
                                                "Premier paragraphe, revu.\n\nDeuxième "
                                                "paragraphe.\n\nTroisième paragraphe."}}})
                  .ok());
  auto stale =
      d.Update(d.editor, id, 1,
               {.fields = json::object{{"body",
                                        "Premier paragraphe.\n\nDeuxième "
                                        "paragraphe.\n\nTroisième paragraphe, complété."}}});
  ASSERT_TRUE(stale.ok()) << Describe(stale.error());
  EXPECT_TRUE(stale->merged);
  EXPECT_EQ(Field(*stale, "body"),
            "Premier paragraphe, revu.\n\nDeuxième paragraphe.\n\nTroisième paragraphe, complété.");
}

TEST(ContentMerge, OverlappingChangesAreAConflictWithBothSidesAndNothingIsWritten) {
  Desk d;
  const std::string id =
      d.Article("Titre", {{"body", "Une phrase."}, {"lead", "Chapô"}}).content.id;
  ASSERT_TRUE(
      d.Update(d.ws.owner, id, 1, {.fields = json::object{{"body", "Une phrase de Chloé."}}}).ok());
  const auto before = d.Read(id);
  const auto revisions_before = d.Revisions(id);
  auto clash = d.Update(
      d.editor, id, 1,
      {.fields = json::object{{"body", "Une phrase de Claire."}, {"lead", "Chapô de Claire"}}});
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().kind, ErrorKind::kConflict);
  const auto problem = ExtraOf(clash.error());
  EXPECT_EQ(problem.at("current_version").as_int64(), 2);
  const auto& conflicts = problem.at("conflicts").as_array();
  ASSERT_EQ(conflicts.size(), 1u) << json::serialize(problem);
  EXPECT_EQ(conflicts[0].at("field").as_string(), "fields.body");
  EXPECT_EQ(conflicts[0].at("base").as_string(), "Une phrase.");
  EXPECT_EQ(conflicts[0].at("current").as_string(), "Une phrase de Chloé.");
  EXPECT_EQ(conflicts[0].at("proposed").as_string(), "Une phrase de Claire.");
  // Nothing written, not even the lead that did not conflict: the client keeps its whole text.
  const auto after = d.Read(id);
  EXPECT_EQ(after.content.version, before.content.version);
  EXPECT_EQ(Field(after, "lead"), "Chapô");
  EXPECT_EQ(Field(after, "body"), "Une phrase de Chloé.");
  const auto revisions_after = d.Revisions(id);
  ASSERT_EQ(revisions_after.size(), revisions_before.size());
  for (std::size_t i = 0; i < revisions_after.size(); ++i) {
    EXPECT_EQ(revisions_after[i].number, revisions_before[i].number);
    EXPECT_EQ(revisions_after[i].content_hash, revisions_before[i].content_hash);
    EXPECT_EQ(revisions_after[i].saves, revisions_before[i].saves);
    EXPECT_EQ(revisions_after[i].sealed, revisions_before[i].sealed);
    EXPECT_EQ(revisions_after[i].saved_at, revisions_before[i].saved_at);
    EXPECT_EQ(revisions_after[i].title, revisions_before[i].title);
    EXPECT_EQ(revisions_after[i].fields_json, revisions_before[i].fields_json);
    EXPECT_EQ(revisions_after[i].author_id, revisions_before[i].author_id);
    EXPECT_EQ(revisions_after[i].reason, revisions_before[i].reason);
  }

  // Titles clash the same way; resent on the current version, the write goes through.
  ASSERT_TRUE(d.Update(d.ws.owner, id, 2, {.title = "Titre de Chloé"}).ok());
  auto title_clash = d.Update(d.editor, id, 2, {.title = "Titre de Claire"});
  ASSERT_FALSE(title_clash.ok());
  EXPECT_EQ(title_clash.error().kind, ErrorKind::kConflict);
  const auto title_problem = ExtraOf(title_clash.error());
  EXPECT_EQ(title_problem.at("conflicts").at(0).at("field").as_string(), "title");
  auto resent = d.Update(d.editor, id, title_problem.at("current_version").as_int64(),
                         {.title = "Titre de Claire"});
  ASSERT_TRUE(resent.ok()) << Describe(resent.error());
  EXPECT_EQ(resent->content.title, "Titre de Claire");
}

TEST(ContentMerge, ChannelAndTagSetEditsOfAStaleBaseCombine) {
  Desk d;
  const std::string x = d.world.ChannelId(d.ws, "X");
  const std::string linkedin = d.world.ChannelId(d.ws, "LinkedIn");
  const std::string blog = d.world.ChannelId(d.ws, "Blog");
  const std::string id =
      d.world
          .MakeContent(
              d.ws,
              {.type = "social_post", .title = "Post", .channels = {x, linkedin}, .tags = {"gaz"}})
          .content.id;
  // Chloé drops X and adds a tag; Claire, from the same base, adds the blog and another tag.
  ASSERT_TRUE(d.Update(d.ws.owner, id, 1,
                       {.channels = std::vector<std::string>{linkedin},
                        .tags = std::vector<std::string>{"gaz", "Hiver"}})
                  .ok());
  auto stale = d.Update(d.editor, id, 1,
                        {.channels = std::vector<std::string>{x, linkedin, blog},
                         .tags = std::vector<std::string>{"gaz", "Énergie"}});
  ASSERT_TRUE(stale.ok()) << Describe(stale.error());
  EXPECT_TRUE(stale->merged);
  EXPECT_EQ(Sorted(stale->content.channel_ids), Sorted({linkedin, blog}))
      << "X stays removed, the blog is added";
  EXPECT_EQ(Sorted(stale->content.tags), (std::vector<std::string>{"Hiver", "gaz", "Énergie"}));
}

//! The error of a call, or nothing when it succeeded.
template <class T>
std::optional<Error> ErrorOf(const Result<T>& result) {
  if (result.ok()) return std::nullopt;
  return result.error();
}

// ---- archiving --------------------------------------------------------------------------------

TEST(ContentArchive, ArchivingHidesFromListsAndOnlyOwnersOrAdminsPurgeArchivedOnes) {
  Desk d;
  const auto admin = d.world.MakeMember(d.ws, "admin");
  const std::string kept = d.Article("Reste").content.id;
  const std::string id = d.Article("À archiver", {{"body", "Du texte."}}).content.id;
  auto listed = [&](bool archived) {
    content::ListFilter filter;
    filter.archived = archived;
    std::vector<std::string> ids;
    for (const auto& v : Must(d.world.contents.List(d.ws.owner, d.ws.id, filter), "list").items) {
      ids.push_back(v.content.id);
    }
    return ids;
  };

  const auto archived = Must(d.world.contents.SetArchived(d.editor, id, true), "archiving");
  EXPECT_TRUE(archived.content.archived_at.has_value());
  EXPECT_EQ(listed(false), std::vector<std::string>{kept});
  EXPECT_EQ(listed(true), std::vector<std::string>{id});
  EXPECT_TRUE(d.world.contents.Get(d.ws.owner, id).ok()) << "archived is not gone";
  auto edit = d.Update(d.ws.owner, id, archived.content.version, {.title = "x"});
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().kind, ErrorKind::kConflict);

  const auto back = Must(d.world.contents.SetArchived(d.ws.owner, id, false), "unarchiving");
  EXPECT_FALSE(back.content.archived_at.has_value());
  EXPECT_EQ(listed(false).size(), 2u);
  auto not_archived = d.world.contents.Purge(d.ws.owner, id);
  ASSERT_FALSE(not_archived.ok());
  EXPECT_EQ(not_archived.error().kind, ErrorKind::kConflict) << "not archived";

  ASSERT_TRUE(d.world.contents.SetArchived(d.ws.owner, id, true).ok());
  auto by_editor = d.world.contents.Purge(d.editor, id);
  ASSERT_FALSE(by_editor.ok());
  EXPECT_EQ(by_editor.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(d.world.contents.Get(d.ws.owner, id).ok());
  EXPECT_TRUE(d.world.contents.Purge(admin, id).ok());
  auto gone = d.world.contents.Get(d.ws.owner, id);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().kind, ErrorKind::kNotFound);
  auto history = d.world.contents.Revisions(d.ws.owner, id);
  ASSERT_FALSE(history.ok());
  EXPECT_EQ(history.error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(listed(true).empty());
  EXPECT_EQ(listed(false).size(), 1u);
}

// ---- roles ------------------------------------------------------------------------------------
// What each role may do with contents, asked of the service itself. The HTTP statuses of the same
// refusals (403, or 404 for what the caller may not see) are in tests/api/contents_test.cpp.

TEST(ContentRoles, ReviewersReadButNeitherCreateNorEdit) {
  Desk d;
  const auto reviewer = d.world.MakeMember(d.ws, "reviewer");
  const std::string id = d.Article("À relire").content.id;
  auto& contents = d.world.contents;
  auto forbidden = [](const auto& result, const char* what) {
    ASSERT_FALSE(result.ok()) << what;
    EXPECT_EQ(result.error().kind, ErrorKind::kForbidden) << what;
  };
  forbidden(contents.Create(reviewer, d.ws.id, TestWorld::InputOf({.title = "Non"})), "create");
  EXPECT_TRUE(contents.Get(reviewer, id).ok());
  const auto listed = Must(contents.List(reviewer, d.ws.id, {}), "list");
  ASSERT_EQ(listed.items.size(), 1u);
  EXPECT_EQ(listed.items[0].content.id, id);
  forbidden(contents.Update(reviewer, id, 1, {.title = "Changé"}), "edit");
  forbidden(contents.SetArchived(reviewer, id, true), "archive");
  forbidden(contents.Restore(reviewer, id, 1), "restore");
  forbidden(contents.Label(reviewer, id, 1, "x"), "label");
  EXPECT_TRUE(contents.Revisions(reviewer, id).ok());
  const auto after = d.Read(id);
  EXPECT_EQ(after.content.version, 1);
  EXPECT_FALSE(after.content.archived_at.has_value());
}

TEST(ContentRoles, GuestsReadOnlyWhatIsSharedAndCannotCreate) {
  Desk d;
  const auto guest = d.world.MakeMember(d.ws, "guest");
  const std::string id = d.Article("Interne").content.id;
  auto& contents = d.world.contents;
  auto create = contents.Create(guest, d.ws.id, TestWorld::InputOf({.title = "Non"}));
  ASSERT_FALSE(create.ok());
  EXPECT_EQ(create.error().kind, ErrorKind::kForbidden);
  // What is not shared with them does not exist for them.
  for (const auto& [what, error] : std::vector<std::pair<const char*, std::optional<Error>>>{
           {"read", ErrorOf(contents.Get(guest, id))},
           {"history", ErrorOf(contents.Revisions(guest, id))},
           {"edit", ErrorOf(contents.Update(guest, id, 1, {.title = "Changé"}))},
       }) {
    ASSERT_TRUE(error.has_value()) << what;
    EXPECT_EQ(error->kind, ErrorKind::kNotFound) << what;
  }
  // Their list is empty until something is shared with them.
  EXPECT_TRUE(Must(contents.List(guest, d.ws.id, {}), "list").items.empty());
  EXPECT_EQ(Must(contents.List(d.ws.owner, d.ws.id, {}), "list").items.size(), 1u);
  // A guest can be neither owner nor assignee of a content.
  auto as_owner = contents.Create(d.ws.owner, d.ws.id,
                                  TestWorld::InputOf({.title = "t", .owner = guest.user.id}));
  ASSERT_FALSE(as_owner.ok());
  EXPECT_EQ(as_owner.error().kind, ErrorKind::kUnprocessable);
  EXPECT_TRUE(NamesField(as_owner.error(), "owner"));
}

TEST(ContentRoles, ContributorsEditOnlyWhatTheyOwnOrAreAssigned) {
  Desk d;
  const auto contributor = d.world.MakeMember(d.ws, "contributor");
  auto& contents = d.world.contents;
  const auto own = d.world.MakeContent(d.ws, {.author = &contributor, .title = "Mon brouillon"});
  EXPECT_EQ(own.content.owner_id.value_or(""), contributor.user.id);
  EXPECT_TRUE(
      contents.Update(contributor, own.content.id, 1, {.title = "Mon brouillon revu"}).ok());

  const std::string theirs = d.Article("Article de Chloé").content.id;
  EXPECT_TRUE(contents.Get(contributor, theirs).ok());
  auto edit = contents.Update(contributor, theirs, 1, {.title = "Changé"});
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().kind, ErrorKind::kForbidden);
  auto archive = contents.SetArchived(contributor, theirs, true);
  ASSERT_FALSE(archive.ok());
  EXPECT_EQ(archive.error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(d.Read(theirs).content.title, "Article de Chloé");

  ASSERT_TRUE(
      d.Update(d.ws.owner, theirs, 1, {.assignees = std::vector<std::string>{contributor.user.id}})
          .ok());
  auto assigned =
      contents.Update(contributor, theirs, 2, {.fields = json::object{{"body", "Ma part."}}});
  EXPECT_TRUE(assigned.ok()) << Describe(assigned.error());
  auto archive_assigned = contents.SetArchived(contributor, theirs, true);
  ASSERT_FALSE(archive_assigned.ok()) << "assignees edit, owners archive";
  EXPECT_EQ(archive_assigned.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(contents.SetArchived(contributor, own.content.id, true).ok());
  auto purge = contents.Purge(contributor, own.content.id);
  ASSERT_FALSE(purge.ok());
  EXPECT_EQ(purge.error().kind, ErrorKind::kForbidden);
}

}  // namespace
}  // namespace copydesk::testing
