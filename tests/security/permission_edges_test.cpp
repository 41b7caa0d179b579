// The permission edges a security review found (issue 13, items 3 to 9), attacked over real
// HTTP as the people who tried them: a guest reading the staff's plans, an edit share reaching
// past the text, a link that talks before its password, a content's owner lifting legal's lock,
// a second visitor taking over the first one's name, a token minting tokens, and shares that
// outlive a membership.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "app/app.hpp"
#include "auth/accounts.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

class PermissionEdges : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    admin_.emplace(MakeMember(server_, *owner_, "admin"));
    editor_.emplace(MakeMember(server_, *owner_, "editor"));
    contributor_.emplace(MakeMember(server_, *owner_, "contributor"));
    reviewer_.emplace(MakeMember(server_, *owner_, "reviewer"));
    guest_.emplace(MakeMember(server_, *owner_, "guest"));
  }

  std::string WsPath(const std::string& rest) const {
    return "/api/v1/workspaces/" + owner_->workspace_id + rest;
  }

  std::string Article(Person& by, const std::string& title, json::object extra = {}) {
    json::object body{{"type", "article"}, {"title", title}, {"fields", {{"body", "Texte."}}}};
    for (const auto& member : extra) body[member.key()] = member.value();
    return Str(CreateContent(by, body).at("id"));
  }

  void ShareWithGuest(const std::string& content, const std::string& level) {
    auto r = editor_->client.Post(ContentPath(content) + "/shares",
                                  {{"user_id", guest_->user_id}, {"level", level}});
    ASSERT_TRUE(r.status == 201 || r.status == 200) << r.body;
  }

  //! A new review link on `content` by the editor; its secret.
  std::string Link(const std::string& content, json::object body) {
    auto r = editor_->client.Post(ContentPath(content) + "/links", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Str(r.Json().at("secret")) : "";
  }

  //! A visitor's browser with a session opened on `secret`.
  HttpClient Visitor(const std::string& secret, json::object who) {
    HttpClient visitor = server_.Client();
    auto opened = visitor.Post("/api/v1/review/" + secret + "/session", who);
    EXPECT_EQ(opened.status, 201) << opened.body;
    if (opened.status == 201) visitor.UseCsrf(Str(opened.Json().at("csrf_token")));
    return visitor;
  }

  TestServer server_;
  std::optional<Person> owner_, admin_, editor_, contributor_, reviewer_, guest_;
};

std::vector<std::string> ViewNames(const HttpResponse& r) {
  std::vector<std::string> names;
  for (const auto& v : r.Json().at("items").as_array()) names.push_back(Str(v.at("name")));
  return names;
}

// ---- 3: guests do not read staff views -------------------------------------------------------

TEST_F(PermissionEdges, AGuestSeesOnlyTheirOwnViewsNeverTheStaffsSharedOnes) {
  auto staff = editor_->client.Post(
      WsPath("/views"), {{"name", "Rachat Zéphyr"},
                         {"q", "zephyr"},
                         {"filters",
                          {{"tag", json::array{"confidentiel"}},
                           {"assignee", json::array{json::string(reviewer_->user_id)}}}},
                         {"shared", true}});
  ASSERT_EQ(staff.status, 201) << staff.body;
  const std::string staff_view = Str(staff.Json().at("id"));
  auto own = guest_->client.Post(WsPath("/views"), {{"name", "Mes briefs"}, {"q", "brief"}});
  ASSERT_EQ(own.status, 201) << own.body;

  auto listed = guest_->client.Get(WsPath("/views"));
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(ViewNames(listed), std::vector<std::string>{"Mes briefs"});
  for (const char* secret : {"Zéphyr", "zephyr", "confidentiel"})
    EXPECT_EQ(listed.body.find(secret), std::string::npos) << secret;
  EXPECT_EQ(listed.body.find(reviewer_->user_id), std::string::npos);

  // By id it does not exist for them either, as a private view of someone else does not.
  const auto missing = guest_->client.Patch(WsPath("/views/nosuchview0000"), {{"name", "x"}});
  auto patched = guest_->client.Patch(WsPath("/views/" + staff_view), {{"name", "Vu"}});
  EXPECT_EQ(patched.status, 404) << patched.body;
  EXPECT_EQ(patched.body, missing.body);
  EXPECT_EQ(guest_->client.Delete(WsPath("/views/" + staff_view)).status, 404);

  // The staff still share it among themselves.
  auto by_reviewer = reviewer_->client.Get(WsPath("/views"));
  EXPECT_EQ(ViewNames(by_reviewer), std::vector<std::string>{"Rachat Zéphyr"});
}

// ---- 4: an edit share is text only ------------------------------------------------------------

TEST_F(PermissionEdges, AnEditShareChangesTheTextButNeitherTheLanguageNorRevisionLabels) {
  const std::string id = Article(*editor_, "Offre éolienne");
  ShareWithGuest(id, "edit");
  const auto before = GetContent(*editor_, id);
  const std::string other_language = Str(before.at("language")) == "fr" ? "en" : "fr";

  auto language = PatchContent(*guest_, id, VersionOf(before), {{"language", other_language}});
  EXPECT_EQ(language.status, 403) << language.body;
  EXPECT_TRUE(NamesField(language, "language")) << language.body;

  auto label = guest_->client.Put(ContentPath(id) + "/revisions/1/label",
                                  {{"label", "Validé par le client"}});
  EXPECT_EQ(label.status, 403) << label.body;
  EXPECT_TRUE(NamesField(label, "label")) << label.body;

  const auto after = GetContent(*editor_, id);
  EXPECT_EQ(after.at("language"), before.at("language"));
  EXPECT_EQ(VersionOf(after), VersionOf(before));
  EXPECT_TRUE(RevisionAt(*editor_, id, 1).at("label").is_null());

  // The text stays theirs to change.
  auto text = PatchContent(*guest_, id, VersionOf(before), {{"title", "Offre éolienne 2027"}});
  EXPECT_EQ(text.status, 200) << text.body;
}

// ---- 5: a password-protected link says nothing before the password ----------------------------

TEST_F(PermissionEdges, APasswordLinkSaysOnlyThatAPasswordIsRequired) {
  const std::string id = Article(*editor_, "Rachat du parc de Sète");
  const std::string secret = Link(
      id, {{"level", "validate"}, {"password", "chaleur-2027"}, {"label", "Direction — rachat"}});

  HttpClient holder = server_.Client();
  auto gate = holder.Get("/api/v1/review/" + secret);
  ASSERT_EQ(gate.status, 401) << gate.body;
  const auto& body = gate.Json().as_object();
  EXPECT_TRUE(body.at("password_required").as_bool());
  EXPECT_FALSE(body.contains("level")) << gate.body;
  EXPECT_FALSE(body.contains("label")) << gate.body;
  EXPECT_EQ(gate.body.find("validate"), std::string::npos) << gate.body;
  EXPECT_EQ(gate.body.find("rachat"), std::string::npos) << gate.body;

  // With the password, the link says what it is.
  HttpClient director = Visitor(
      secret,
      {{"name", "Marc Lefèvre"}, {"email", "marc@groupe.example"}, {"password", "chaleur-2027"}});
  auto shown = director.Get("/api/v1/review/" + secret);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(Str(shown.Json().at("link").at("level")), "validate");
  EXPECT_EQ(Str(shown.Json().at("link").at("label")), "Direction — rachat");
}

// ---- 6: locks and ownership follow the permission table ---------------------------------------

TEST_F(PermissionEdges, AContentsOwnerCannotLiftAnAdminsLock) {
  const std::string id = Article(*contributor_, "Tarifs 2027");
  ASSERT_EQ(Str(GetContent(*contributor_, id).at("owner")), contributor_->user_id);
  auto locked =
      admin_->client.Post(ContentPath(id) + "/lock", {{"reason", "Validé par le juridique"}});
  ASSERT_EQ(locked.status, 200) << locked.body;

  auto lifted = contributor_->client.Delete(ContentPath(id) + "/lock");
  EXPECT_EQ(lifted.status, 403) << lifted.body;
  const auto after = GetContent(*contributor_, id);
  ASSERT_TRUE(after.at("lock").is_object());
  EXPECT_EQ(Str(after.at("lock").at("by")), admin_->user_id);
  auto edit = PatchContent(*contributor_, id, VersionOf(after), {{"title", "Tarifs 2027 (v2)"}});
  EXPECT_EQ(edit.status, 423) << edit.body;

  // Nor does owning it let them lock it themselves: admins and the team asked lock.
  ASSERT_EQ(admin_->client.Delete(ContentPath(id) + "/lock").status, 200);
  EXPECT_EQ(contributor_->client.Post(ContentPath(id) + "/lock", {{"reason", "Le mien"}}).status,
            403);
}

TEST_F(PermissionEdges, AnAssignedContributorCannotMakeThemselvesOwner) {
  const std::string id = Article(*editor_, "Newsletter de mars",
                                 {{"assignees", json::array{json::string(contributor_->user_id)}}});
  const auto before = GetContent(*contributor_, id);

  auto taken =
      PatchContent(*contributor_, id, VersionOf(before), {{"owner", contributor_->user_id}});
  EXPECT_EQ(taken.status, 403) << taken.body;
  EXPECT_TRUE(NamesField(taken, "owner")) << taken.body;
  EXPECT_EQ(Str(GetContent(*editor_, id).at("owner")), editor_->user_id);
  // So the archive that ownership would have allowed stays refused.
  EXPECT_EQ(contributor_->client.Delete(ContentPath(id)).status, 403);

  // They still write it, and an editor still hands it on.
  EXPECT_EQ(
      PatchContent(*contributor_, id, VersionOf(before), {{"title", "Newsletter d'avril"}}).status,
      200);
  auto handed = PatchContent(*editor_, id, VersionOf(GetContent(*editor_, id)),
                             {{"owner", contributor_->user_id}});
  EXPECT_EQ(handed.status, 200) << handed.body;
}

// ---- 7: a review visitor is one person --------------------------------------------------------

TEST_F(PermissionEdges, ASecondVisitorWithTheSameEmailIsSomeoneElse) {
  const std::string id = Article(*editor_, "Communiqué : nouvelle offre");
  const std::string secret = Link(id, {{"level", "validate"}, {"label", "Direction"}});
  const std::string email = "marc@groupe.example";
  const std::string base = "/api/v1/review/" + secret;

  HttpClient marc = Visitor(secret, {{"name", "Marc Lefèvre"}, {"email", email}});
  auto remark = marc.Post(base + "/contents/" + id + "/comments",
                          {{"body", "Le deuxième paragraphe est trop long."}});
  ASSERT_EQ(remark.status, 201) << remark.body;
  const std::string marc_id = Str(remark.Json().at("author").at("id"));

  HttpClient other = Visitor(secret, {{"name", "Quelqu'un d'autre"}, {"email", email}});
  auto theirs = other.Get(base);
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_EQ(Str(theirs.Json().at("visitor").at("name")), "Quelqu'un d'autre");
  const auto revision = theirs.Json().at("contents").at(0).at("revision").as_int64();
  auto decided = other.Post(base + "/decision", {{"revision", revision},
                                                 {"decision", "not_validated"},
                                                 {"comment", "À revoir entièrement."}});
  ASSERT_EQ(decided.status, 201) << decided.body;
  auto other_remark = other.Post(base + "/contents/" + id + "/comments", {{"body", "Et moi."}});
  ASSERT_EQ(other_remark.status, 201) << other_remark.body;
  EXPECT_NE(Str(other_remark.Json().at("author").at("id")), marc_id);

  // The first visitor's comment keeps their name, for the staff and on the review page.
  auto threads = editor_->client.Get(ContentPath(id) + "/comments");
  ASSERT_EQ(threads.status, 200) << threads.body;
  EXPECT_NE(threads.body.find("Marc Lefèvre"), std::string::npos) << threads.body;
  bool found = false;
  for (const auto& t : threads.Json().at("items").as_array()) {
    if (Str(t.at("author").at("id")) != marc_id) continue;
    found = true;
    EXPECT_EQ(Str(t.at("author").at("name")), "Marc Lefèvre") << threads.body;
  }
  EXPECT_TRUE(found) << threads.body;

  // The decision is in the second visitor's name, and the first one did not make it.
  auto approvals = editor_->client.Get(ContentPath(id) + "/approvals");
  ASSERT_EQ(approvals.status, 200) << approvals.body;
  ASSERT_EQ(approvals.Json().at("items").as_array().size(), 1u) << approvals.body;
  EXPECT_EQ(Str(approvals.Json().at("items").at(0).at("visitor").at("name")), "Quelqu'un d'autre");
  auto marcs = marc.Get(base);
  ASSERT_EQ(marcs.status, 200) << marcs.body;
  EXPECT_EQ(Str(marcs.Json().at("visitor").at("name")), "Marc Lefèvre");
  EXPECT_TRUE(marcs.Json().at("contents").at(0).at("decisions").as_array().empty()) << marcs.body;
}

// ---- 8: tokens --------------------------------------------------------------------------------

TEST_F(PermissionEdges, AnApiTokenCannotMintTokens) {
  auto created = owner_->client.Post("/api/v1/me/tokens", {{"name", "Zapier"}});
  ASSERT_EQ(created.status, 201) << created.body;
  HttpClient integration = server_.Client();
  integration.UseBearer(Str(created.Json().at("token")));
  ASSERT_EQ(integration.Get("/api/v1/me").status, 200);

  auto minted = integration.Post("/api/v1/me/tokens", {{"name", "Persistance"}});
  EXPECT_EQ(minted.status, 403) << minted.body;
  auto listed = owner_->client.Get("/api/v1/me/tokens");
  EXPECT_EQ(listed.Json().at("items").as_array().size(), 1u) << listed.body;
}

TEST_F(PermissionEdges, ChangingThePasswordRevokesTheAccountsTokens) {
  auto created = editor_->client.Post("/api/v1/me/tokens", {{"name", "Script"}});
  ASSERT_EQ(created.status, 201) << created.body;
  HttpClient integration = server_.Client();
  integration.UseBearer(Str(created.Json().at("token")));
  ASSERT_EQ(integration.Get("/api/v1/me").status, 200);

  auto changed = editor_->client.Put(
      "/api/v1/me/password",
      {{"current_password", kPassword}, {"new_password", "a brand new passphrase"}});
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(integration.Get("/api/v1/me").status, 401);
  auto listed = editor_->client.Get("/api/v1/me/tokens");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_TRUE(listed.Json().at("items").as_array().empty()) << listed.body;
}

TEST_F(PermissionEdges, AResetPasswordRevokesTheAccountsTokens) {
  auto created = reviewer_->client.Post("/api/v1/me/tokens", {{"name", "Script"}});
  ASSERT_EQ(created.status, 201) << created.body;
  HttpClient integration = server_.Client();
  integration.UseBearer(Str(created.Json().at("token")));
  ASSERT_EQ(integration.Get("/api/v1/me").status, 200);

  // What `copydesk user reset-password` does.
  auth::Accounts accounts(server_.app().db(), server_.config());
  ASSERT_TRUE(accounts.ResetPassword(reviewer_->email, "a brand new passphrase"));
  EXPECT_EQ(integration.Get("/api/v1/me").status, 401);
}

// ---- 9: leaving a workspace ends its shares ---------------------------------------------------

TEST_F(PermissionEdges, ARemovedGuestReAddedFindsNoOldShare) {
  const std::string id = Article(*editor_, "Brief de l'agence");
  ShareWithGuest(id, "edit");
  ASSERT_EQ(guest_->client.Get(ContentPath(id)).status, 200);

  ASSERT_EQ(owner_->client.Delete(WsPath("/members/" + guest_->user_id)).status, 204);
  auto back =
      owner_->client.Post(WsPath("/members"), {{"email", guest_->email}, {"role", "guest"}});
  ASSERT_EQ(back.status, 201) << back.body;
  ASSERT_TRUE(back.Json().as_object().contains("member")) << back.body;

  EXPECT_EQ(guest_->client.Get(ContentPath(id)).status, 404);
  EXPECT_TRUE(ItemIds(guest_->client.Get(WsPath("/contents"))).empty());
  auto shares = editor_->client.Get(ContentPath(id) + "/shares");
  ASSERT_EQ(shares.status, 200) << shares.body;
  EXPECT_EQ(shares.body.find(guest_->user_id), std::string::npos) << shares.body;
}

TEST_F(PermissionEdges, AGuestWhoLeavesAndComesBackFindsNoOldShare) {
  const std::string id = Article(*editor_, "Plan média");
  ShareWithGuest(id, "comment");
  ASSERT_EQ(guest_->client.Delete(WsPath("/members/" + guest_->user_id)).status, 204);
  auto back =
      owner_->client.Post(WsPath("/members"), {{"email", guest_->email}, {"role", "guest"}});
  ASSERT_EQ(back.status, 201) << back.body;
  EXPECT_EQ(guest_->client.Get(ContentPath(id)).status, 404);
}

}  // namespace
}  // namespace copydesk::testing
