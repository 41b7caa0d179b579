// A newcomer's first day over real HTTP: "forgot password" through a real SMTP server (a sink),
// the links admins make for their members, invitations as the invited see them and as admins
// revoke them, sharing a content with an e-mail not yet in the workspace, and the first steps.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "collab/notification_mailer.hpp"
#include "core/clock.hpp"
#include "support/content_helpers.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

const std::string kPublicUrl = "https://copydesk.example";
const std::string kNewPassword = "un tout nouveau secret";

//! The reset link's secret in an e-mail's text, or "".
std::string SecretIn(const std::string& text) {
  const std::string marker = kPublicUrl + "/reset-password/";
  const auto at = text.find(marker);
  if (at == std::string::npos) return "";
  const auto begin = at + marker.size();
  const auto end = text.find_first_of(" \r\n", begin);
  return text.substr(begin, end - begin);
}

HttpResponse Forgot(HttpClient& client, const std::string& email) {
  return client.Post("/api/v1/auth/password-reset", {{"email", email}});
}

int SignIn(TestServer& server, const std::string& email, const std::string& password) {
  auto client = server.Client();
  return client.Post("/api/v1/auth/login", {{"email", email}, {"password", password}}).status;
}

class ForgotPassword : public ::testing::Test {
 protected:
  void SetUp() override {
    // A long interval: each test drives the e-mail job's passes itself.
    server_ = std::make_unique<TestServer>([&](Config& c) {
      c.smtp_url = sink_.Url();
      c.smtp_from = "desk@copydesk.example";
      c.public_url = kPublicUrl;
      c.mail_interval_ms = 3'600'000;
    });
    owner_.emplace(MakeOwner(*server_));
  }

  //! Asks for a link for the owner and returns the secret the e-mail carried.
  std::string LinkForOwner() {
    auto client = server_->Client();
    auto asked = Forgot(client, owner_->email);
    EXPECT_EQ(asked.status, 202) << asked.body;
    server_->app().mailer()->RunOnce(NowMs());
    const auto mails = sink_.WaitFor(++sent_, owner_->email, std::chrono::seconds(10));
    EXPECT_EQ(mails.size(), sent_);
    if (mails.size() < sent_) return "";
    return SecretIn(ParseMail(mails.back().data).text);
  }

  SmtpSink sink_;
  std::unique_ptr<TestServer> server_;
  std::optional<Person> owner_;
  std::size_t sent_ = 0;
};

TEST_F(ForgotPassword, TheSignInPageKnowsThatLinksGoByEmail) {
  auto setup = server_->Client().Get("/api/v1/setup");
  EXPECT_EQ(setup.Json().at("password_reset"), "email");
}

TEST_F(ForgotPassword, TheEmailedLinkWorksOnceAndSignsTheAccountOutEverywhere) {
  const std::string secret = LinkForOwner();
  ASSERT_FALSE(secret.empty());
  const auto mail = ParseMail(sink_.Messages(owner_->email).back().data);
  EXPECT_NE(mail.html.find("/reset-password/" + secret), std::string::npos);

  auto page = server_->Client().Get("/api/v1/password-resets/" + secret);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(Str(page.Json().at("email")), owner_->email);

  auto fresh = server_->Client();
  auto done = fresh.Post("/api/v1/password-resets/" + secret, {{"password", kNewPassword}});
  ASSERT_EQ(done.status, 200) << done.body;
  // The new session works; the old one (whoever held it) is over.
  EXPECT_EQ(fresh.Get("/api/v1/me").status, 200);
  EXPECT_EQ(owner_->client.Get("/api/v1/me").status, 401);
  EXPECT_EQ(SignIn(*server_, owner_->email, kNewPassword), 200);
  EXPECT_EQ(SignIn(*server_, owner_->email, kPassword), 401);

  // Once only.
  auto again = server_->Client().Post("/api/v1/password-resets/" + secret,
                                      {{"password", "encore un autre secret"}});
  EXPECT_EQ(again.status, 404) << again.body;
  EXPECT_EQ(server_->Client().Get("/api/v1/password-resets/" + secret).status, 404);
}

// Whoever took the password may have made a token with it: the reset shuts that out too, as a
// password change and the command-line reset do.
TEST_F(ForgotPassword, CompletingALinkRevokesTheAccountsApiTokens) {
  auto created = owner_->client.Post("/api/v1/me/tokens", {{"name", "Intrus"}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto integration = server_->Client();
  integration.UseBearer(Str(created.Json().at("token")));
  ASSERT_EQ(integration.Get("/api/v1/me").status, 200);

  const std::string secret = LinkForOwner();
  ASSERT_FALSE(secret.empty());
  auto done =
      server_->Client().Post("/api/v1/password-resets/" + secret, {{"password", kNewPassword}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(integration.Get("/api/v1/me").status, 401);
}

TEST_F(ForgotPassword, UsingOneLinkUsesUpTheOthers) {
  const std::string first = LinkForOwner();
  const std::string second = LinkForOwner();
  ASSERT_NE(first, second);
  EXPECT_EQ(server_->Client()
                .Post("/api/v1/password-resets/" + second, {{"password", kNewPassword}})
                .status,
            200);
  EXPECT_EQ(server_->Client()
                .Post("/api/v1/password-resets/" + first, {{"password", kNewPassword}})
                .status,
            404);
}

TEST_F(ForgotPassword, AnExpiredLinkNoLongerWorks) {
  const std::string secret = LinkForOwner();
  ASSERT_FALSE(secret.empty());
  auto aged = server_->app().db().Write([&](storage::Tx& tx) -> Result<void> {
    tx.Exec("UPDATE password_resets SET expires_at = ?", {NowMs() - 1});
    return {};
  });
  ASSERT_TRUE(aged);
  EXPECT_EQ(server_->Client().Get("/api/v1/password-resets/" + secret).status, 404);
  auto used =
      server_->Client().Post("/api/v1/password-resets/" + secret, {{"password", kNewPassword}});
  EXPECT_EQ(used.status, 404) << used.body;
  EXPECT_EQ(SignIn(*server_, owner_->email, kPassword), 200);
}

TEST_F(ForgotPassword, TheLinkLivesOneHour) {
  LinkForOwner();
  const auto life = server_->app().db().Read([](storage::Tx& tx) {
    return tx.Scalar("SELECT expires_at - created_at FROM password_resets");
  });
  EXPECT_EQ(life, 60 * 60 * 1000);
}

TEST_F(ForgotPassword, ALinkNotSentBeforeItExpiredIsNeverSentAndItsSecretIsForgotten) {
  auto client = server_->Client();
  ASSERT_EQ(Forgot(client, owner_->email).status, 202);
  // The job's next pass comes after the hour.
  server_->app().mailer()->RunOnce(NowMs() + 61 * 60 * 1000);
  EXPECT_TRUE(sink_.Messages(owner_->email).empty());
  const auto kept = server_->app().db().Read([](storage::Tx& tx) {
    return tx.Scalar("SELECT COUNT(*) FROM password_reset_mail WHERE secret IS NOT NULL");
  });
  EXPECT_EQ(kept, 0);
}

TEST_F(ForgotPassword, AnUnknownEmailGetsTheSameAnswerAndNoEmail) {
  auto client = server_->Client();
  auto known = Forgot(client, owner_->email);
  auto unknown = Forgot(client, "personne@nulle-part.example");
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(unknown.body, known.body);
  server_->app().mailer()->RunOnce(NowMs());
  sink_.WaitFor(1, owner_->email, std::chrono::seconds(10));
  EXPECT_TRUE(sink_.Messages("personne@nulle-part.example").empty());
  EXPECT_EQ(sink_.Messages().size(), 1u);
}

TEST_F(ForgotPassword, RequestsAreThrottledPerEmailWhetherOrNotItHasAnAccount) {
  auto client = server_->Client();
  for (const std::string& email : {owner_->email, std::string("inconnu@example.com")}) {
    for (int i = 0; i < 3; ++i) EXPECT_EQ(Forgot(client, email).status, 202) << email << " " << i;
    auto refused = Forgot(client, email);
    EXPECT_EQ(refused.status, 429) << refused.body;
    EXPECT_FALSE(refused.Header("Retry-After").empty());
  }
}

TEST_F(ForgotPassword, RequestsAreThrottledPerAddress) {
  auto client = server_->Client();
  int refused = 0;
  for (int i = 0; i < 25; ++i) {
    if (Forgot(client, "n" + std::to_string(i) + "@example.com").status == 429) ++refused;
  }
  EXPECT_EQ(refused, 5);
}

TEST_F(ForgotPassword, ABadEmailIsNamed) {
  auto client = server_->Client();
  auto bad = Forgot(client, "pas une adresse");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(NamesField(bad, "email")) << bad.body;
  auto weak =
      server_->Client().Post("/api/v1/password-resets/" + LinkForOwner(), {{"password", "court"}});
  EXPECT_EQ(weak.status, 422) << weak.body;
  EXPECT_TRUE(NamesField(weak, "password")) << weak.body;
}

TEST(ForgotPasswordWithoutMail, TheSignInPageSaysToAskAnAdmin) {
  TestServer server;
  MakeOwner(server);
  auto client = server.Client();
  EXPECT_EQ(client.Get("/api/v1/setup").Json().at("password_reset"), "admin");
  auto asked = Forgot(client, "someone@example.com");
  EXPECT_EQ(asked.status, 409) << asked.body;
}

// ---- an admin's link for a member

class FirstDay : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    ws_ = "/api/v1/workspaces/" + owner_->workspace_id;
  }
  HttpResponse ResetLink(Person& by, const std::string& user_id) {
    return by.client.Post(ws_ + "/members/" + user_id + "/password-reset", json::object{});
  }
  static std::string SecretOf(const HttpResponse& r) {
    const std::string url = Str(r.Json().at("url"));
    return url.substr(url.rfind('/') + 1);
  }
  //! Invites an e-mail from the members screen; the invitation's JSON.
  json::object Invite(const std::string& email, const std::string& role = "editor") {
    auto invited = owner_->client.Post(ws_ + "/members", {{"email", email}, {"role", role}});
    EXPECT_EQ(invited.status, 201) << invited.body;
    return invited.Json().at("invitation").as_object();
  }
  //! Accepts an invitation's token as a new person; their client.
  HttpClient Accept(const std::string& token, int expected = 201) {
    auto client = server_.Client();
    auto accepted = client.Post("/api/v1/invitations/" + token + "/accept",
                                {{"name", "Antoine Rédacteur"}, {"password", kPassword}});
    EXPECT_EQ(accepted.status, expected) << accepted.body;
    return client;
  }

  TestServer server_;
  std::optional<Person> owner_;
  std::string ws_;
};

TEST_F(FirstDay, AnAdminMakesAOneTimeLinkForAMemberThatSignsThemOutEverywhere) {
  auto admin = MakeMember(server_, *owner_, "admin");
  auto editor = MakeMember(server_, *owner_, "editor");
  auto made = ResetLink(admin, editor.user_id);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(Str(made.Json().at("url")).rfind("http", 0), 0u);
  const std::string secret = SecretOf(made);
  auto fresh = server_.Client();
  ASSERT_EQ(fresh.Post("/api/v1/password-resets/" + secret, {{"password", kNewPassword}}).status,
            200);
  EXPECT_EQ(editor.client.Get("/api/v1/me").status, 401);
  EXPECT_EQ(SignIn(server_, editor.email, kNewPassword), 200);
  EXPECT_EQ(fresh.Post("/api/v1/password-resets/" + secret, {{"password", kNewPassword}}).status,
            404);
}

TEST_F(FirstDay, OnlyAnOwnerResetsAnOwnerAndNobodyResetsAnAccountTheyDoNotFullyAdminister) {
  auto admin = MakeMember(server_, *owner_, "admin");
  EXPECT_EQ(ResetLink(admin, owner_->user_id).status, 403);
  EXPECT_EQ(ResetLink(*owner_, admin.user_id).status, 201);
  // A guest who also works for another client: this workspace's admins do not get their account.
  auto guest = MakeMember(server_, *owner_, "guest");
  auto elsewhere = guest.client.Post("/api/v1/workspaces", {{"name", "Autre client"}});
  ASSERT_EQ(elsewhere.status, 201);
  auto refused = ResetLink(*owner_, guest.user_id);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(ResetLink(*owner_, "nosuchuser000000").status, 404);
}

// ---- invitations

TEST_F(FirstDay, AnInvitationSaysWhichWorkspaceAndWhoInvited) {
  const auto invitation = Invite("nouvelle@example.com");
  auto page = server_.Client().Get("/api/v1/invitations/" + Str(invitation.at("token")));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Json().at("workspace").at("name"), "Énergie Sud");
  EXPECT_FALSE(Str(page.Json().at("invited_by").at("name")).empty());
  EXPECT_EQ(page.Json().at("email"), "nouvelle@example.com");
  EXPECT_EQ(page.Json().at("role"), "editor");
  EXPECT_EQ(server_.Client().Get("/api/v1/invitations/nosuchsecret0000").status, 404);
}

TEST_F(FirstDay, ARevokedInvitationCannotBeAcceptedAndLeavesTheList) {
  const auto invitation = Invite("revoquee@example.com");
  const std::string id = Str(invitation.at("id"));
  auto editor = MakeMember(server_, *owner_, "editor");
  EXPECT_EQ(editor.client.Delete(ws_ + "/invitations/" + id).status, 403);
  EXPECT_EQ(owner_->client.Delete(ws_ + "/invitations/" + id).status, 204);
  EXPECT_EQ(owner_->client.Delete(ws_ + "/invitations/" + id).status, 404);
  const auto list = owner_->client.Get(ws_ + "/invitations");
  for (const auto& item : list.Json().at("items").as_array()) EXPECT_NE(Str(item.at("id")), id);
  const std::string token = Str(invitation.at("token"));
  EXPECT_EQ(server_.Client().Get("/api/v1/invitations/" + token).status, 404);
  Accept(token, 404);
}

TEST_F(FirstDay, OnlyAnOwnerRevokesAnOwnersInvitation) {
  const auto invitation = Invite("future-owner@example.com", "owner");
  auto admin = MakeMember(server_, *owner_, "admin");
  const std::string path = ws_ + "/invitations/" + Str(invitation.at("id"));
  EXPECT_EQ(admin.client.Delete(path).status, 403);
  EXPECT_EQ(owner_->client.Delete(path).status, 204);
}

TEST_F(FirstDay, AnAcceptedInvitationCannotBeRevoked) {
  const auto invitation = Invite("acceptee@example.com");
  Accept(Str(invitation.at("token")));
  EXPECT_EQ(owner_->client.Delete(ws_ + "/invitations/" + Str(invitation.at("id"))).status, 404);
}

// ---- sharing with an e-mail

TEST_F(FirstDay, SharingWithANewEmailInvitesAGuestWhoFindsTheContentOnArrival) {
  const std::string id = Str(CreateArticle(*owner_, "Citernes en hiver", {}).at("id"));
  const std::string other = Str(CreateArticle(*owner_, "Plan secret", {}).at("id"));
  auto shared = owner_->client.Post(ContentPath(id) + "/email-shares",
                                    {{"email", "Antoine@Agence.example"}, {"level", "comment"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  const auto& body = shared.Json();
  EXPECT_TRUE(body.at("share").is_null());
  EXPECT_EQ(body.at("invitation").at("role"), "guest");
  EXPECT_EQ(body.at("invitation").at("email"), "antoine@agence.example");
  const std::string token = Str(body.at("invitation").at("token"));
  EXPECT_NE(Str(body.at("invitation").at("accept_url")).find("/invite/" + token),
            std::string::npos);
  // Nothing is shared before the invitation is accepted.
  EXPECT_TRUE(
      owner_->client.Get(ContentPath(id) + "/shares").Json().at("items").as_array().empty());

  auto antoine = server_.Client();
  auto accepted = antoine.Post("/api/v1/invitations/" + token + "/accept",
                               {{"name", "Antoine Rédacteur"}, {"password", kPassword}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(accepted.Json().at("shared_contents"), json::array{id.c_str()});
  EXPECT_EQ(antoine.Get(ContentPath(id)).status, 200);
  EXPECT_EQ(antoine.Get(ContentPath(other)).status, 404);
  auto comment = antoine.Post(ContentPath(id) + "/comments", {{"body", "Je m’en occupe."}});
  EXPECT_EQ(comment.status, 201) << comment.body;
  const auto shares = owner_->client.Get(ContentPath(id) + "/shares").Json();
  ASSERT_EQ(shares.at("items").as_array().size(), 1u);
  EXPECT_EQ(shares.at("items").at(0).at("level"), "comment");
}

TEST_F(FirstDay, ASecondShareWithTheSameEmailWaitsOnTheSameInvitation) {
  const std::string a = Str(CreateArticle(*owner_, "Article A", {}).at("id"));
  const std::string b = Str(CreateArticle(*owner_, "Article B", {}).at("id"));
  auto first = owner_->client.Post(ContentPath(a) + "/email-shares",
                                   {{"email", "antoine@agence.example"}, {"level", "read"}});
  auto second = owner_->client.Post(ContentPath(b) + "/email-shares",
                                    {{"email", "antoine@agence.example"}, {"level", "edit"}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.Json().at("invitation").at("id"), first.Json().at("invitation").at("id"));
  EXPECT_FALSE(second.Json().at("invitation").as_object().contains("token"));
  HttpClient antoine = Accept(Str(first.Json().at("invitation").at("token")));
  EXPECT_EQ(antoine.Get(ContentPath(a)).status, 200);
  EXPECT_EQ(antoine.Get(ContentPath(b)).status, 200);
}

TEST_F(FirstDay, RevokingTheInvitationTakesTheWaitingShareWithIt) {
  const std::string id = Str(CreateArticle(*owner_, "Article", {}).at("id"));
  auto shared = owner_->client.Post(ContentPath(id) + "/email-shares",
                                    {{"email", "antoine@agence.example"}, {"level", "read"}});
  ASSERT_EQ(shared.status, 201);
  const auto& invitation = shared.Json().at("invitation");
  ASSERT_EQ(owner_->client.Delete(ws_ + "/invitations/" + Str(invitation.at("id"))).status, 204);
  Accept(Str(invitation.at("token")), 404);
}

TEST_F(FirstDay, AShareWhoseMakerLostTheRightBeforeAcceptanceIsNotMade) {
  auto admin = MakeMember(server_, *owner_, "admin");
  const std::string id = Str(CreateArticle(*owner_, "Article", {}).at("id"));
  auto shared = admin.client.Post(ContentPath(id) + "/email-shares",
                                  {{"email", "antoine@agence.example"}, {"level", "read"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  ASSERT_EQ(owner_->client.Patch(ws_ + "/members/" + admin.user_id, {{"role", "reviewer"}}).status,
            200);
  HttpClient antoine = Accept(Str(shared.Json().at("invitation").at("token")));
  EXPECT_EQ(antoine.Get(ContentPath(id)).status, 404);
}

TEST_F(FirstDay, AnAccountOutsideTheWorkspaceJoinsAsAGuestWithTheShareAtOnce) {
  auto outsider = MakeOutsider(server_, *owner_);
  const std::string id = Str(CreateArticle(*owner_, "Article", {}).at("id"));
  auto shared = owner_->client.Post(ContentPath(id) + "/email-shares",
                                    {{"email", outsider.email}, {"level", "read"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  EXPECT_TRUE(shared.Json().at("member_added").as_bool());
  EXPECT_TRUE(shared.Json().at("invitation").is_null());
  EXPECT_EQ(shared.Json().at("share").at("user").at("role"), "guest");
  EXPECT_EQ(outsider.client.Get(ContentPath(id)).status, 200);
}

TEST_F(FirstDay, AMembersEmailIsSharedWithDirectly) {
  auto reviewer = MakeMember(server_, *owner_, "reviewer");
  const std::string id = Str(CreateArticle(*owner_, "Article", {}).at("id"));
  auto shared = owner_->client.Post(ContentPath(id) + "/email-shares",
                                    {{"email", reviewer.email}, {"level", "edit"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  EXPECT_FALSE(shared.Json().at("member_added").as_bool());
  EXPECT_EQ(shared.Json().at("share").at("level"), "edit");
}

TEST_F(FirstDay, AContributorSharesTheirOwnContentWithMembersButBringsNobodyNew) {
  auto contributor = MakeMember(server_, *owner_, "contributor");
  auto reviewer = MakeMember(server_, *owner_, "reviewer");
  const std::string id = Str(CreateArticle(contributor, "Mon article", {}).at("id"));
  EXPECT_EQ(contributor.client
                .Post(ContentPath(id) + "/email-shares",
                      {{"email", reviewer.email}, {"level", "comment"}})
                .status,
            201);
  auto refused = contributor.client.Post(ContentPath(id) + "/email-shares",
                                         {{"email", "inconnu@example.com"}, {"level", "read"}});
  EXPECT_EQ(refused.status, 403) << refused.body;
}

// Bringing someone into the workspace is the members screen's decision (admins and owners);
// an editor shares by e-mail with members only, and the refusal is the same whether or not
// the e-mail has an account here, so that it tells nobody who does.
TEST_F(FirstDay, AnEditorSharesByEmailWithMembersButBringsNobodyNewAndLearnsNothing) {
  auto editor = MakeMember(server_, *owner_, "editor");
  auto reviewer = MakeMember(server_, *owner_, "reviewer");
  auto outsider = MakeOutsider(server_, *owner_);
  const std::string id = Str(CreateArticle(*owner_, "Article", {}).at("id"));
  auto with_member = editor.client.Post(ContentPath(id) + "/email-shares",
                                        {{"email", reviewer.email}, {"level", "comment"}});
  EXPECT_EQ(with_member.status, 201) << with_member.body;

  auto with_account = editor.client.Post(ContentPath(id) + "/email-shares",
                                         {{"email", outsider.email}, {"level", "read"}});
  auto without_account = editor.client.Post(ContentPath(id) + "/email-shares",
                                            {{"email", "inconnu@example.com"}, {"level", "read"}});
  EXPECT_EQ(with_account.status, 403) << with_account.body;
  EXPECT_EQ(without_account.status, 403) << without_account.body;
  EXPECT_EQ(with_account.body, without_account.body);
  // Nobody came in, and nothing waits on an invitation.
  EXPECT_EQ(outsider.client.Get(ContentPath(id)).status, 404);
  const auto invitations = owner_->client.Get(ws_ + "/invitations").Json();
  for (const auto& item : invitations.at("items").as_array())
    EXPECT_NE(Str(item.at("email")), "inconnu@example.com");
}

TEST_F(FirstDay, BadEmailSharesAreNamed) {
  const std::string id = Str(CreateArticle(*owner_, "Article", {}).at("id"));
  auto bad = owner_->client.Post(ContentPath(id) + "/email-shares",
                                 {{"email", "pas-une-adresse"}, {"level", "validate"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(NamesField(bad, "email"));
  EXPECT_TRUE(NamesField(bad, "level"));
}

// ---- first steps

TEST_F(FirstDay, TheFirstStepsTickThemselvesFromTheWorkspacesData) {
  auto steps = [&] { return owner_->client.Get(ws_ + "/first-steps").Json(); };
  auto first = steps();
  EXPECT_FALSE(first.at("people").as_bool());
  EXPECT_FALSE(first.at("workflow").as_bool());
  EXPECT_FALSE(first.at("content").as_bool());
  EXPECT_FALSE(first.at("done").as_bool());

  // People: someone else, in a team (the default Legal team, which the workflow's gate asks).
  auto claire = MakeMember(server_, *owner_, "reviewer");
  EXPECT_FALSE(steps().at("people").as_bool());
  const auto teams = owner_->client.Get(ws_ + "/teams").Json().at("items").as_array();
  ASSERT_FALSE(teams.empty());
  auto put = owner_->client.Put(ws_ + "/teams/" + Str(teams.at(0).at("id")) + "/members",
                                {{"members", json::array{claire.user_id.c_str()}}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_TRUE(steps().at("people").as_bool());

  CreateArticle(*owner_, "Premier article", {});
  EXPECT_TRUE(steps().at("content").as_bool());
}

TEST_F(FirstDay, APendingInvitationCountsAsSomeoneElseOnceATeamHasMembers) {
  Invite("bientot@example.com");
  EXPECT_FALSE(owner_->client.Get(ws_ + "/first-steps").Json().at("people").as_bool());
  const auto teams = owner_->client.Get(ws_ + "/teams").Json().at("items").as_array();
  ASSERT_FALSE(teams.empty());
  auto put = owner_->client.Put(ws_ + "/teams/" + Str(teams.at(0).at("id")) + "/members",
                                {{"members", json::array{owner_->user_id.c_str()}}});
  ASSERT_EQ(put.status, 200) << put.body;
  const auto steps = owner_->client.Get(ws_ + "/first-steps").Json();
  EXPECT_TRUE(steps.at("people").as_bool());
  // The owner alone in Legal: the gate has someone to ask.
  EXPECT_TRUE(steps.at("workflow").as_bool());
}

TEST_F(FirstDay, LookingAtTheWorkflowTicksItsStepAndTheGuideCanBeDismissed) {
  auto seen = owner_->client.Patch(ws_ + "/first-steps", {{"workflow_seen", true}});
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_TRUE(seen.Json().at("workflow").as_bool());
  auto dismissed = owner_->client.Patch(ws_ + "/first-steps", {{"dismissed", true}});
  EXPECT_TRUE(dismissed.Json().at("dismissed").as_bool());
  EXPECT_TRUE(owner_->client.Get(ws_ + "/first-steps").Json().at("dismissed").as_bool());
  auto back = owner_->client.Patch(ws_ + "/first-steps", {{"dismissed", false}});
  EXPECT_FALSE(back.Json().at("dismissed").as_bool());
  auto bad = owner_->client.Patch(ws_ + "/first-steps", {{"workflow_seen", "oui"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(NamesField(bad, "workflow_seen"));
}

TEST_F(FirstDay, TheFirstStepsAreTheAdminsBusiness) {
  auto editor = MakeMember(server_, *owner_, "editor");
  EXPECT_EQ(editor.client.Get(ws_ + "/first-steps").status, 403);
  auto admin = MakeMember(server_, *owner_, "admin");
  EXPECT_EQ(admin.client.Get(ws_ + "/first-steps").status, 200);
}

}  // namespace
}  // namespace copydesk::testing
