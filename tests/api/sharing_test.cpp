// External collaborators over real HTTP: guests who see only what is shared with them, at the
// level shared, and people without an account who read, annotate, edit or validate through a
// review link.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "app/app.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string WsPath(const Person& p, const std::string& rest) {
  return "/api/v1/workspaces/" + p.workspace_id + rest;
}

// Searches until `ready` holds or three seconds pass: the index follows saves on its own thread.
HttpResponse SearchUntil(Person& p, const std::string& ws, const std::string& query,
                         const std::function<bool(const json::value&)>& ready) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  for (;;) {
    auto r = p.client.Get("/api/v1/workspaces/" + ws + "/search?" + query);
    if (r.status != 200 || ready(r.Json()) || std::chrono::steady_clock::now() > deadline) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

bool Found(const json::value& j) {
  return j.at("total").as_int64() > 0;
}

class Sharing : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    editor_.emplace(MakeMember(server_, *owner_, "editor"));
    reviewer_.emplace(MakeMember(server_, *owner_, "reviewer"));
    agency_.emplace(MakeMember(server_, *owner_, "guest"));
  }

  std::string Article(const std::string& title, const std::string& body) {
    return Str(CreateArticle(*editor_, title, {{"body", body}}).at("id"));
  }

  HttpResponse Share(const std::string& content, json::object body, Person* who = nullptr) {
    return (who ? who : &*editor_)->client.Post(ContentPath(content) + "/shares", body);
  }
  void ShareWithAgency(const std::string& content, const std::string& level) {
    auto r = Share(content, {{"user_id", agency_->user_id}, {"level", level}});
    ASSERT_TRUE(r.status == 201 || r.status == 200) << r.body;
  }

  //! A new review link on `content` by the editor; its JSON (with url and secret).
  json::object Link(const std::string& content, json::object body) {
    auto r = editor_->client.Post(ContentPath(content) + "/links", body);
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = r.Json();
    return j.is_object() ? j.as_object() : json::object{};
  }

  //! A visitor's browser on `secret`, with an open session.
  HttpClient Visitor(const std::string& secret, json::object who) {
    HttpClient visitor = server_.Client();
    auto opened = visitor.Post("/api/v1/review/" + secret + "/session", who);
    EXPECT_EQ(opened.status, 201) << opened.body;
    if (opened.status == 201) visitor.UseCsrf(Str(opened.Json().at("csrf_token")));
    return visitor;
  }

  TestServer server_;
  std::optional<Person> owner_, editor_, reviewer_, agency_;
};

// ---- guests -----------------------------------------------------------------------------------

TEST_F(Sharing, AGuestSeesNothingUntilSharedThenOnlyThat) {
  const std::string brief = Article("Campagne Chaleur Verte : brief", "Le brief de l'agence.");
  const std::string secret = Article("Rachat confidentiel", "Le projet Zéphyr, confidentiel.");
  SearchUntil(*editor_, editor_->workspace_id, "q=zephyr", Found);

  auto& guest = agency_->client;
  EXPECT_TRUE(ItemIds(guest.Get(ContentsPath(*agency_))).empty());
  const auto missing = guest.Get(ContentPath("nosuchcontent000"));
  EXPECT_EQ(guest.Get(ContentPath(brief)).body, missing.body);

  ShareWithAgency(brief, "read");
  EXPECT_EQ(ItemIds(guest.Get(ContentsPath(*agency_))), std::vector<std::string>{brief});
  EXPECT_EQ(guest.Get(ContentPath(brief)).status, 200);
  auto found = SearchUntil(*agency_, agency_->workspace_id, "q=chaleur", Found);
  EXPECT_EQ(found.Json().at("total").as_int64(), 1) << found.body;
  // The other content does not exist for the guest: not by URL, search, similar or facets.
  EXPECT_EQ(guest.Get(ContentPath(secret)).body, missing.body);
  for (const char* q : {"q=zephyr", "q=confidentiel", "q=zephir", "q=", "q=rachat"}) {
    auto r = guest.Get(WsPath(*agency_, std::string("/search?") + q));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.body.find(secret), std::string::npos) << q;
    EXPECT_EQ(r.body.find("phyr"), std::string::npos) << q;
    EXPECT_EQ(r.body.find("Rachat"), std::string::npos) << q;
  }
  auto similar =
      guest.Post(WsPath(*agency_, "/search/similar"),
                 json::object{{"title", "Rachat"}, {"text", "projet Zéphyr confidentiel"}});
  ASSERT_EQ(similar.status, 200) << similar.body;
  EXPECT_EQ(similar.body.find(secret), std::string::npos);
  EXPECT_EQ(guest.Get(ContentPath(secret) + "/similar").status, 404);
  // Nor does the workspace around it: members, teams, tags, activity.
  EXPECT_EQ(guest.Get(WsPath(*agency_, "/members")).status, 403);
  EXPECT_EQ(guest.Get(WsPath(*agency_, "/teams")).status, 403);
  EXPECT_EQ(guest.Get(WsPath(*agency_, "/tags")).status, 403);
  EXPECT_EQ(guest.Get(WsPath(*agency_, "/activity")).status, 403);

  // Unshared, it is gone at once, from search too (shares are read at query time).
  const auto shares = editor_->client.Get(ContentPath(brief) + "/shares").Json();
  const std::string share_id = Str(shares.at("items").at(0).at("id"));
  ASSERT_EQ(editor_->client.Delete("/api/v1/shares/" + share_id).status, 204);
  EXPECT_EQ(guest.Get(ContentPath(brief)).body, missing.body);
  auto after = guest.Get(WsPath(*agency_, "/search?q=chaleur"));
  EXPECT_EQ(after.Json().at("total").as_int64(), 0) << after.body;
}

TEST_F(Sharing, LeavingTheWorkspaceEndsEveryShare) {
  const std::string id = Article("Offre éolienne", "Texte.");
  ShareWithAgency(id, "edit");
  ASSERT_EQ(agency_->client.Get(ContentPath(id)).status, 200);
  ASSERT_EQ(owner_->client.Delete(WsPath(*owner_, "/members/" + agency_->user_id)).status, 204);
  EXPECT_EQ(agency_->client.Get(ContentPath(id)).status, 404);
  EXPECT_EQ(PatchContent(*agency_, id, 1, {{"title", "Encore là"}}).status, 404);
  EXPECT_EQ(agency_->client.Get(ContentPath(id) + "/comments").status, 404);
}

TEST_F(Sharing, EachLevelAllowsWhatItSays) {
  const std::string id = Article("Offre solaire", "Un texte à relire.");
  auto& guest = agency_->client;
  const auto comment = json::object{{"body", "Une remarque de l'agence"}};

  ShareWithAgency(id, "read");
  EXPECT_EQ(guest.Post(ContentPath(id) + "/comments", comment).status, 403);
  EXPECT_EQ(PatchContent(*agency_, id, 1, {{"title", "Autre"}}).status, 403);

  ShareWithAgency(id, "comment");  // the same share, another level
  EXPECT_EQ(editor_->client.Get(ContentPath(id) + "/shares").Json().at("items").as_array().size(),
            1u);
  EXPECT_EQ(guest.Post(ContentPath(id) + "/comments", comment).status, 201);
  EXPECT_EQ(PatchContent(*agency_, id, 1, {{"title", "Autre"}}).status, 403);

  ShareWithAgency(id, "edit");
  auto edited = PatchContent(*agency_, id, VersionOf(GetContent(*editor_, id)),
                             {{"title", "Offre solaire 2027"}, {"fields", {{"body", "Réécrit."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Str(edited.Json().at("title")), "Offre solaire 2027");
  // The text only: how the workspace files and plans it is not shared.
  auto tags = PatchContent(*agency_, id, VersionOf(edited.Json().as_object()),
                           {{"tags", json::array{"agence"}}});
  EXPECT_EQ(tags.status, 403) << tags.body;
  EXPECT_TRUE(NamesField(tags, "tags")) << tags.body;
  // Sharing is not theirs to do.
  EXPECT_EQ(guest.Get(ContentPath(id) + "/shares").status, 403);
  EXPECT_EQ(Share(id, {{"user_id", reviewer_->user_id}, {"level", "edit"}}, &*agency_).status, 403);
}

TEST_F(Sharing, InternalCommentsStayInside) {
  const std::string id = Article("Tarifs 2027", "Les nouveaux tarifs.");
  ShareWithAgency(id, "comment");
  auto internal = editor_->client.Post(
      ContentPath(id) + "/comments",
      {{"body", "Entre nous : @" + std::string("Claire guest") + " est en retard"},
       {"internal", true}});
  ASSERT_EQ(internal.status, 201) << internal.body;
  auto open =
      editor_->client.Post(ContentPath(id) + "/comments", {{"body", "Merci pour le texte"}});
  ASSERT_EQ(open.status, 201) << open.body;

  auto threads = agency_->client.Get(ContentPath(id) + "/comments");
  ASSERT_EQ(threads.status, 200);
  ASSERT_EQ(threads.Json().at("items").as_array().size(), 1u) << threads.body;
  EXPECT_EQ(threads.body.find("Entre nous"), std::string::npos);
  // Not by id, not by reply, not by notification.
  const std::string internal_id = Str(internal.Json().at("id"));
  EXPECT_EQ(
      agency_->client.Post("/api/v1/comments/" + internal_id + "/resolve", json::object{}).status,
      404);
  auto reply = agency_->client.Post(ContentPath(id) + "/comments",
                                    {{"body", "Je réponds"}, {"parent", internal_id}});
  EXPECT_EQ(reply.status, 422) << reply.body;
  auto mine = agency_->client.Get("/api/v1/me/notifications");
  EXPECT_EQ(mine.body.find("Entre nous"), std::string::npos) << mine.body;
  // And guests do not write internal comments.
  auto theirs = agency_->client.Post(ContentPath(id) + "/comments",
                                     {{"body", "Secret ?"}, {"internal", true}});
  EXPECT_EQ(theirs.status, 422);
  EXPECT_TRUE(NamesField(theirs, "internal")) << theirs.body;
  // Members see both.
  EXPECT_EQ(
      reviewer_->client.Get(ContentPath(id) + "/comments").Json().at("items").as_array().size(),
      2u);
}

TEST_F(Sharing, AProjectOrATeamShareReachesEveryContentInIt) {
  auto project = owner_->client.Post(WsPath(*owner_, "/projects"), {{"name", "Chaleur Verte"}});
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string project_id = Str(project.Json().at("id"));
  auto in_project = CreateContent(
      *editor_,
      {{"type", "article"}, {"title", "Chaleur verte : le guide"}, {"project", project_id}});
  const std::string other = Article("Hors projet", "Rien à voir.");
  auto shared = editor_->client.Post("/api/v1/projects/" + project_id + "/shares",
                                     {{"user_id", agency_->user_id}, {"level", "read"}});
  ASSERT_EQ(shared.status, 201) << shared.body;

  EXPECT_EQ(ItemIds(agency_->client.Get(ContentsPath(*agency_))),
            std::vector<std::string>{Str(in_project.at("id"))});
  EXPECT_EQ(agency_->client.Get(ContentPath(other)).status, 404);
  auto projects = agency_->client.Get(WsPath(*agency_, "/projects"));
  ASSERT_EQ(projects.status, 200) << projects.body;
  EXPECT_EQ(projects.Json().at("items").as_array().size(), 1u) << projects.body;
  auto found = SearchUntil(*agency_, agency_->workspace_id, "q=guide", Found);
  EXPECT_EQ(found.Json().at("total").as_int64(), 1) << found.body;

  // A team: a second guest in a team the content is shared with reads it.
  auto freelance = MakeMember(server_, *owner_, "guest");
  auto team = owner_->client.Post(
      WsPath(*owner_, "/teams"),
      {{"name", "Agence Plume"}, {"members", json::array{json::string(freelance.user_id)}}});
  ASSERT_EQ(team.status, 201) << team.body;
  EXPECT_EQ(freelance.client.Get(ContentPath(other)).status, 404);
  ASSERT_EQ(Share(other, {{"team_id", team.Json().at("id")}, {"level", "comment"}}).status, 201);
  EXPECT_EQ(freelance.client.Get(ContentPath(other)).status, 200);
}

TEST_F(Sharing, SharesNameWhoAndAreRefusedClearly) {
  const std::string id = Article("Texte", "Corps.");
  auto neither = Share(id, {{"level", "read"}});
  EXPECT_EQ(neither.status, 422);
  EXPECT_TRUE(NamesField(neither, "user_id")) << neither.body;
  auto both = Share(id, {{"user_id", agency_->user_id}, {"team_id", "x"}, {"level", "read"}});
  EXPECT_EQ(both.status, 422);
  auto level = Share(id, {{"user_id", agency_->user_id}, {"level", "validate"}});
  EXPECT_EQ(level.status, 422);
  EXPECT_TRUE(NamesField(level, "level")) << level.body;
  auto stranger = Share(id, {{"user_id", "nosuchuser000000"}, {"level", "read"}});
  EXPECT_EQ(stranger.status, 422);
  EXPECT_TRUE(NamesField(stranger, "user_id")) << stranger.body;
  auto unknown = Share(id, {{"user_id", agency_->user_id}, {"level", "read"}, {"role", "x"}});
  EXPECT_EQ(unknown.status, 400);
  // A reviewer reads but does not share.
  EXPECT_EQ(Share(id, {{"user_id", agency_->user_id}, {"level", "read"}}, &*reviewer_).status, 403);
  // The guest is told.
  ShareWithAgency(id, "read");
  auto told = agency_->client.Get("/api/v1/me/notifications");
  EXPECT_NE(told.body.find("\"shared\""), std::string::npos) << told.body;
}

// ---- review links -----------------------------------------------------------------------------

TEST_F(Sharing, ADirectorValidatesTheExactRevisionThroughAPasswordLink) {
  const std::string id = Article("Communiqué : nouvelle offre", "Version du directeur.");
  auto link =
      Link(id, {{"level", "validate"}, {"password", "chaleur-2027"}, {"label", "Directeur"}});
  const std::string secret = Str(link.at("secret"));
  EXPECT_NE(Str(link.at("url")).find("/review/" + secret), std::string::npos);
  EXPECT_TRUE(link.at("has_password").as_bool());
  // Listed without its secret.
  auto listed = editor_->client.Get(ContentPath(id) + "/links");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.find(secret), std::string::npos);
  EXPECT_EQ(listed.Json().at("items").as_array().size(), 1u);

  HttpClient browser = server_.Client();
  // Without a session: who to be, and that a password is asked.
  auto anonymous = browser.Get("/api/v1/review/" + secret);
  EXPECT_EQ(anonymous.status, 401) << anonymous.body;
  EXPECT_TRUE(anonymous.Json().at("password_required").as_bool());
  // A wrong password answers exactly like a link that does not exist.
  const json::object who{{"name", "Marc Lefèvre"}, {"email", "marc@groupe.example"}};
  json::object wrong = who;
  wrong["password"] = "not-the-password";
  auto refused = browser.Post("/api/v1/review/" + secret + "/session", wrong);
  auto unknown = browser.Post("/api/v1/review/nosuchsecret0000/session", wrong);
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.body, unknown.body);
  auto nameless = browser.Post("/api/v1/review/" + secret + "/session",
                               {{"password", "chaleur-2027"}, {"email", "marc@groupe.example"}});
  EXPECT_EQ(nameless.status, 400);  // a missing required member
  EXPECT_TRUE(NamesField(nameless, "name")) << nameless.body;

  json::object right = who;
  right["password"] = "chaleur-2027";
  HttpClient director = Visitor(secret, right);
  auto shown = director.Get("/api/v1/review/" + secret);
  ASSERT_EQ(shown.status, 200) << shown.body;
  const auto& content = shown.Json().at("contents").at(0);
  EXPECT_EQ(Str(content.at("title")), "Communiqué : nouvelle offre");
  const auto revision = content.at("revision").as_int64();
  // Nothing else of the workspace: not the normal API.
  EXPECT_EQ(director.Get(ContentPath(id)).status, 401);

  // Without the CSRF token a decision is refused.
  HttpClient forged = director;
  forged.UseCsrf("");
  EXPECT_EQ(forged
                .Post("/api/v1/review/" + secret + "/decision",
                      {{"revision", revision}, {"decision", "validated"}})
                .status,
            403);
  auto no_comment = director.Post("/api/v1/review/" + secret + "/decision",
                                  {{"revision", revision}, {"decision", "not_validated"}});
  EXPECT_EQ(no_comment.status, 422);
  EXPECT_TRUE(NamesField(no_comment, "comment")) << no_comment.body;
  auto stale_view = director.Post("/api/v1/review/" + secret + "/decision",
                                  {{"revision", revision + 5}, {"decision", "validated"}});
  EXPECT_EQ(stale_view.status, 409) << stale_view.body;
  EXPECT_EQ(stale_view.Json().at("current_revision").as_int64(), revision);
  auto decided = director.Post(
      "/api/v1/review/" + secret + "/decision",
      {{"revision", revision}, {"decision", "validated"}, {"comment", "Bon pour moi."}});
  ASSERT_EQ(decided.status, 201) << decided.body;

  // Among the content's approvals, with the visitor's name, on that revision.
  auto approvals = editor_->client.Get(ContentPath(id) + "/approvals");
  ASSERT_EQ(approvals.status, 200);
  const auto& item = approvals.Json().at("items").at(0);
  EXPECT_EQ(Str(item.at("visitor").at("name")), "Marc Lefèvre");
  EXPECT_EQ(item.at("revision").as_int64(), revision);
  EXPECT_FALSE(item.at("stale").as_bool());
  // The requester is told.
  auto told = editor_->client.Get("/api/v1/me/notifications");
  EXPECT_NE(told.body.find("Marc Lefèvre"), std::string::npos) << told.body;

  // An edit afterwards makes it stale, there and on the review page.
  auto edited = PatchContent(*editor_, id, VersionOf(GetContent(*editor_, id)),
                             {{"fields", {{"body", "Version modifiée."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto after = editor_->client.Get(ContentPath(id) + "/approvals");
  EXPECT_TRUE(after.Json().at("items").at(0).at("stale").as_bool()) << after.body;
  auto review = director.Get("/api/v1/review/" + secret);
  EXPECT_TRUE(review.Json().at("contents").at(0).at("decisions").at(0).at("stale").as_bool());
}

TEST_F(Sharing, EachLinkLevelAllowsWhatItSays) {
  const std::string id = Article("Newsletter de mars", "Le texte de mars.");
  const json::object who{{"name", "Julie Agence"}, {"email", "julie@agence.example"}};
  const std::string read_secret = Str(Link(id, {{"level", "read"}}).at("secret"));
  auto reader = Visitor(read_secret, who);
  const std::string comment_secret = Str(Link(id, {{"level", "comment"}}).at("secret"));
  auto commenter = Visitor(comment_secret, who);
  const std::string edit_secret = Str(Link(id, {{"level", "edit"}}).at("secret"));
  auto writer = Visitor(edit_secret, who);

  auto comments_of = [&](HttpClient& c, const std::string& secret) {
    return c.Get("/api/v1/review/" + secret + "/contents/" + id + "/comments");
  };
  // Comment: threads and new comments, under the name they gave; no edits, no decision.
  auto posted = commenter.Post("/api/v1/review/" + comment_secret + "/contents/" + id + "/comments",
                               {{"body", "Une coquille au 2e paragraphe"}});
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(Str(posted.Json().at("author").at("name")), "Julie Agence");
  EXPECT_EQ(comments_of(commenter, comment_secret).Json().at("items").as_array().size(), 1u);
  auto seen = editor_->client.Get(ContentPath(id) + "/comments");
  EXPECT_NE(seen.body.find("Une coquille"), std::string::npos);
  EXPECT_EQ(commenter
                .Patch("/api/v1/review/" + comment_secret + "/contents/" + id,
                       {{"base_version", 1}, {"title", "Non"}})
                .status,
            403);
  EXPECT_EQ(commenter
                .Post("/api/v1/review/" + comment_secret + "/decision",
                      {{"revision", 1}, {"decision", "validated"}})
                .status,
            403);
  // Edit: the text, recorded under their name.
  const auto version = VersionOf(GetContent(*editor_, id));
  auto edited =
      writer.Patch("/api/v1/review/" + edit_secret + "/contents/" + id,
                   {{"base_version", version}, {"fields", {{"body", "Le texte corrigé."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(FieldOf(GetContent(*editor_, id), "body"), "Le texte corrigé.");
  auto revisions = Revisions(*editor_, id);
  EXPECT_NE(json::serialize(revisions).find("Julie Agence"), std::string::npos);
  auto other = CreateArticle(*editor_, "Autre", {});
  EXPECT_EQ(writer
                .Patch("/api/v1/review/" + edit_secret + "/contents/" + Str(other.at("id")),
                       {{"base_version", 1}, {"title", "Pris"}})
                .status,
            404);
  // Read: only reading.
  EXPECT_EQ(reader.Get("/api/v1/review/" + read_secret).status, 200);
  EXPECT_EQ(comments_of(reader, read_secret).status, 403);
  EXPECT_EQ(reader
                .Post("/api/v1/review/" + read_secret + "/contents/" + id + "/comments",
                      {{"body", "Non"}})
                .status,
            403);
  // A session belongs to its own link.
  EXPECT_EQ(reader.Get("/api/v1/review/" + comment_secret).status, 401);
}

TEST_F(Sharing, LinksExpireAndAreRevokedAtOnce) {
  const std::string id = Article("Brochure", "Texte.");
  auto past = editor_->client.Post(ContentPath(id) + "/links",
                                   {{"level", "read"}, {"expires_at", "2020-01-01"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(NamesField(past, "expires_at")) << past.body;

  const json::object who{{"name", "Paul"}, {"email", "paul@partenaire.example"}};
  auto link = Link(id, {{"level", "comment"}});
  const std::string secret = Str(link.at("secret"));
  auto visitor = Visitor(secret, who);
  ASSERT_EQ(visitor.Get("/api/v1/review/" + secret).status, 200);

  // The admins' page lists every live link; others may not see it.
  auto all = owner_->client.Get(WsPath(*owner_, "/links"));
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(Str(all.Json().at("items").at(0).at("content").at("title")), "Brochure");
  EXPECT_EQ(editor_->client.Get(WsPath(*owner_, "/links")).status, 403);
  EXPECT_EQ(agency_->client.Get(WsPath(*owner_, "/links")).status, 403);

  const auto unknown = visitor.Get("/api/v1/review/nosuchsecret0000");
  ASSERT_EQ(owner_->client.Delete("/api/v1/links/" + Str(link.at("id"))).status, 204);
  auto closed = visitor.Get("/api/v1/review/" + secret);
  EXPECT_EQ(closed.status, 404);
  EXPECT_EQ(closed.body, unknown.body);
  EXPECT_TRUE(owner_->client.Get(WsPath(*owner_, "/links")).Json().at("items").as_array().empty());

  // Expiry, as a clock would bring it.
  auto soon = Link(id, {{"level", "read"}});
  const std::string soon_secret = Str(soon.at("secret"));
  auto reader = Visitor(soon_secret, who);
  auto expired = server_.app().db().Write([&](storage::Tx& tx) -> Result<void> {
    tx.Exec("UPDATE share_links SET expires_at = 1 WHERE id = ?", {Str(soon.at("id"))});
    return {};
  });
  ASSERT_TRUE(expired);
  auto gone = reader.Get("/api/v1/review/" + soon_secret);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.body, unknown.body);
}

TEST_F(Sharing, GuessingLinksIsRateLimited) {
  HttpClient guesser = server_.Client();
  const auto guess = [&](const std::string& secret) {
    return guesser
        .Post("/api/v1/review/" + secret + "/session", {{"name", "X"}, {"email", "x@example.com"}})
        .status;
  };
  // One link (or one password): 10 failures per address and link.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(guess("guessxxxxxxxxxxxx"), 404);
  EXPECT_EQ(guess("guessxxxxxxxxxxxx"), 429);
  // Sweeping secrets: 100 failures per address across links.
  int last = 0;
  for (int i = 0; i < 91 && last != 429; ++i) last = guess("guess" + std::to_string(i) + "yyyyyyy");
  EXPECT_EQ(last, 429);
}

}  // namespace
}  // namespace copydesk::testing
