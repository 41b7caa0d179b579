// E-mail notifications over real HTTP and real SMTP (a sink in the test): each person's
// preferences per kind, e-mails in their language with a link to the content, retried while the
// SMTP server is down, never sent twice across restarts, never about what the recipient can no
// longer read, and the daily digest.
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

constexpr auto kDeadline = std::chrono::seconds(20);
constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;
const std::string kPublicUrl = "https://copydesk.example";

std::string Mention(const Person& p) {
  return "@[Someone](user:" + p.user_id + ") peux-tu relire ?";
}

json::array Notifications(Person& p) {
  auto r = p.client.Get("/api/v1/me/notifications");
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.at("items").as_array() : json::array{};
}

HttpResponse SetPreferences(Person& p, json::object preferences) {
  return p.client.Patch("/api/v1/me/notification-preferences",
                        {{"preferences", std::move(preferences)}});
}

class NotificationMail : public ::testing::Test {
 protected:
  //! A server sending through the sink; `interval_ms` long makes the tests drive each pass.
  std::unique_ptr<TestServer> Serve(int interval_ms) {
    return std::make_unique<TestServer>([&](Config& c) {
      c.data_dir = (data_.path() / "data").string();
      c.smtp_url = sink_.Url();
      c.smtp_from = "desk@copydesk.example";
      c.public_url = kPublicUrl;
      c.mail_interval_ms = interval_ms;
    });
  }

  void SetUpPeople(TestServer& server) {
    owner_.emplace(MakeOwner(server));
    editor_.emplace(MakeMember(server, *owner_, "editor"));
    auto ws = owner_->client.Get("/api/v1/workspaces/" + owner_->workspace_id);
    ASSERT_EQ(ws.status, 200) << ws.body;
    slug_ = Str(ws.Json().at("slug"));
  }

  //! A content of the owner's on which the owner mentions the editor; returns its id.
  std::string MentionEditor(const std::string& title = "Citernes en hiver") {
    const std::string id = Str(CreateArticle(*owner_, title, {{"body", "Texte."}}).at("id"));
    auto r = owner_->client.Post(ContentPath(id) + "/comments", {{"body", Mention(*editor_)}});
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status == 201) last_comment_ = Str(r.Json().at("id"));
    return id;
  }

  //! Runs a pass of the e-mail job now: whatever is due is sent when it returns.
  static int Pass(TestServer& server, TimeMs at = NowMs()) {
    return server.app().mailer()->RunOnce(at);
  }

  TempDir data_;
  SmtpSink sink_;
  std::optional<Person> owner_, editor_;
  std::string slug_;
  std::string last_comment_;  //!< the thread MentionEditor started
};

TEST_F(NotificationMail, AMentionSendsOneEmailInTheRecipientsLanguageWithALink) {
  auto server = Serve(50);
  SetUpPeople(*server);
  ASSERT_EQ(editor_->client.Patch("/api/v1/me", {{"language", "fr"}}).status, 200);
  const std::string id = MentionEditor("Citernes <b>&</b> hiver");

  auto got = sink_.WaitFor(1, editor_->email, kDeadline);  // the job's own pass sends it
  ASSERT_EQ(got.size(), 1u);
  Pass(*server);
  EXPECT_EQ(sink_.Messages(editor_->email).size(), 1u);  // once, not once per pass
  EXPECT_EQ(got[0].from, "desk@copydesk.example");

  const ParsedMail mail = ParseMail(got[0].data);
  EXPECT_NE(mail.content_type.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(mail.subject.find("vous a mentionné"), std::string::npos) << mail.subject;
  EXPECT_NE(mail.subject.find("Énergie Sud"), std::string::npos) << mail.subject;
  // The link opens the content at the thread the mention is in.
  const std::string link =
      kPublicUrl + "/w/" + slug_ + "/contents/" + id + "?thread=" + last_comment_;
  EXPECT_NE(mail.text.find("vous a mentionné dans « Citernes <b>&</b> hiver »"), std::string::npos)
      << mail.text;
  EXPECT_NE(mail.text.find(link), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("peux-tu relire"), std::string::npos) << mail.text;
  EXPECT_NE(mail.html.find("<a href=\"" + link + "\">Ouvrir dans copydesk</a>"), std::string::npos)
      << mail.html;
  // The title is text, never markup.
  EXPECT_NE(mail.html.find("Citernes &lt;b&gt;&amp;&lt;/b&gt; hiver"), std::string::npos)
      << mail.html;
  EXPECT_EQ(mail.html.find("<b>&"), std::string::npos) << mail.html;
  EXPECT_NE(mail.html.find("lang=\"fr\""), std::string::npos);
}

TEST_F(NotificationMail, InAppAndOffAreObeyed) {
  auto server = Serve(3'600'000);
  SetUpPeople(*server);
  ASSERT_EQ(SetPreferences(*editor_, {{"mentioned", "in_app"}}).status, 200);
  MentionEditor();
  Pass(*server);
  EXPECT_TRUE(sink_.Messages(editor_->email).empty());
  ASSERT_EQ(Notifications(*editor_).size(), 1u);  // in the app only

  ASSERT_EQ(SetPreferences(*editor_, {{"mentioned", "off"}}).status, 200);
  MentionEditor();
  Pass(*server);
  EXPECT_TRUE(sink_.Messages(editor_->email).empty());
  EXPECT_EQ(Notifications(*editor_).size(), 1u);  // not even in the app

  // Back to e-mail, for someone who reads English.
  ASSERT_EQ(SetPreferences(*editor_, {{"mentioned", "email"}}).status, 200);
  ASSERT_EQ(editor_->client.Patch("/api/v1/me", {{"language", "en"}}).status, 200);
  MentionEditor();
  Pass(*server);
  auto got = sink_.Messages(editor_->email);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(ParseMail(got[0].data).text.find("mentioned you in “Citernes en hiver”"),
            std::string::npos);
}

TEST_F(NotificationMail, DigestGathersTheDaysNotificationsInOneEmail) {
  auto server = Serve(3'600'000);
  SetUpPeople(*server);
  ASSERT_EQ(SetPreferences(*editor_, {{"mentioned", "digest"}, {"assigned", "digest"}}).status,
            200);
  const std::string first = MentionEditor("Premier");
  const std::string second = MentionEditor("Second");
  Pass(*server);
  EXPECT_TRUE(sink_.Messages(editor_->email).empty());  // not at once
  EXPECT_EQ(Notifications(*editor_).size(), 2u);        // but in the app

  // At the next day's digest time, one e-mail lists both.
  const TimeMs tomorrow = collab::NotificationMailer::DigestTime(NowMs()) + kDayMs;
  EXPECT_EQ(Pass(*server, tomorrow + 1000), 1);
  auto got = sink_.Messages(editor_->email);
  ASSERT_EQ(got.size(), 1u);
  const ParsedMail mail = ParseMail(got[0].data);
  EXPECT_NE(mail.subject.find("2 notifications"), std::string::npos) << mail.subject;
  EXPECT_NE(mail.text.find("/contents/" + first), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("/contents/" + second), std::string::npos) << mail.text;
  EXPECT_NE(mail.html.find("Premier"), std::string::npos);
  EXPECT_EQ(Pass(*server, tomorrow + 2000), 0);  // once a day
  EXPECT_EQ(sink_.Messages(editor_->email).size(), 1u);
}

TEST_F(NotificationMail, WhileTheServerIsDownItRetriesThenDeliversOnce) {
  sink_.SetDown(true);
  auto server = Serve(50);
  SetUpPeople(*server);
  MentionEditor();
  ASSERT_TRUE(sink_.WaitForRefusals(2, kDeadline)) << "no retry";
  EXPECT_TRUE(sink_.Messages(editor_->email).empty());
  sink_.SetDown(false);
  EXPECT_EQ(sink_.WaitFor(1, editor_->email, kDeadline).size(), 1u);
  Pass(*server);
  EXPECT_EQ(sink_.Messages(editor_->email).size(), 1u);
}

TEST_F(NotificationMail, ARestartSendsNothingTwice) {
  {
    auto server = Serve(50);
    SetUpPeople(*server);
    MentionEditor();
    ASSERT_EQ(sink_.WaitFor(1, editor_->email, kDeadline).size(), 1u);
  }
  auto again = Serve(50);
  EXPECT_EQ(Pass(*again), 0);
  EXPECT_EQ(sink_.Messages(editor_->email).size(), 1u);
}

TEST_F(NotificationMail, SomeoneWhoLostAccessBeforeTheSendGetsNothing) {
  auto server = Serve(3'600'000);
  SetUpPeople(*server);
  MentionEditor();
  ASSERT_EQ(Notifications(*editor_).size(), 1u);
  auto removed = owner_->client.Delete("/api/v1/workspaces/" + owner_->workspace_id + "/members/" +
                                       editor_->user_id);
  ASSERT_EQ(removed.status, 204) << removed.body;
  Pass(*server);
  EXPECT_TRUE(sink_.Messages(editor_->email).empty());
  // Dropped for good: even back in the workspace, the old news stays unsent.
  auto back = owner_->client.Post("/api/v1/workspaces/" + owner_->workspace_id + "/members",
                                  {{"email", editor_->email}, {"role", "editor"}});
  ASSERT_EQ(back.status, 201) << back.body;
  Pass(*server);
  EXPECT_TRUE(sink_.Messages(editor_->email).empty());
}

TEST_F(NotificationMail, PreferencesHaveDefaultsAndStrictInput) {
  auto server = Serve(3'600'000);
  SetUpPeople(*server);
  auto got = editor_->client.Get("/api/v1/me/notification-preferences");
  ASSERT_EQ(got.status, 200) << got.body;
  const auto body = got.Json();
  EXPECT_EQ(Str(body.at("preferences").at("mentioned")), "email");
  EXPECT_EQ(Str(body.at("preferences").at("reply")), "in_app");
  EXPECT_EQ(Str(body.at("preferences").at("task_due")), "digest");
  EXPECT_EQ(Str(body.at("preferences").at("shared")), "email");
  EXPECT_EQ(Str(body.at("preferences").at("publication_near")), "email");
  EXPECT_EQ(body.at("preferences").as_object().size(), 11u);  // every kind
  EXPECT_EQ(body.at("defaults"), body.at("preferences"));
  EXPECT_TRUE(body.at("email_enabled").as_bool());

  auto changed = SetPreferences(*editor_, {{"reply", "digest"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(Str(changed.Json().at("preferences").at("reply")), "digest");
  EXPECT_EQ(Str(changed.Json().at("preferences").at("mentioned")), "email");  // unchanged
  EXPECT_EQ(Str(editor_->client.Get("/api/v1/me/notification-preferences")
                    .Json()
                    .at("preferences")
                    .at("reply")),
            "digest");
  // Someone else's are their own.
  EXPECT_EQ(Str(owner_->client.Get("/api/v1/me/notification-preferences")
                    .Json()
                    .at("preferences")
                    .at("reply")),
            "in_app");

  auto unknown_kind = SetPreferences(*editor_, {{"foo", "email"}});
  EXPECT_EQ(unknown_kind.status, 400);
  EXPECT_TRUE(NamesField(unknown_kind, "preferences.foo")) << unknown_kind.body;
  auto bad_value = SetPreferences(*editor_, {{"mentioned", "sms"}});
  EXPECT_EQ(bad_value.status, 400);
  EXPECT_TRUE(NamesField(bad_value, "preferences.mentioned")) << bad_value.body;
  auto not_text = SetPreferences(*editor_, {{"mentioned", 1}});
  EXPECT_EQ(not_text.status, 400);
  EXPECT_TRUE(NamesField(not_text, "preferences.mentioned")) << not_text.body;
  auto missing = editor_->client.Patch("/api/v1/me/notification-preferences", json::object{});
  EXPECT_EQ(missing.status, 400);
  EXPECT_TRUE(NamesField(missing, "preferences")) << missing.body;
  auto extra = editor_->client.Patch("/api/v1/me/notification-preferences",
                                     {{"preferences", json::object{}}, {"colour", "red"}});
  EXPECT_EQ(extra.status, 400);
  EXPECT_TRUE(NamesField(extra, "colour")) << extra.body;
  // Nothing of a refused request was kept.
  EXPECT_EQ(Str(editor_->client.Get("/api/v1/me/notification-preferences")
                    .Json()
                    .at("preferences")
                    .at("mentioned")),
            "email");
  EXPECT_EQ(server->Client().Get("/api/v1/me/notification-preferences").status, 401);
}

TEST_F(NotificationMail, OverdueTaskRemindersAreEmailedWithoutOpeningTheApp) {
  auto server = Serve(3'600'000);
  SetUpPeople(*server);
  ASSERT_EQ(SetPreferences(*editor_, {{"task_overdue", "email"}, {"assigned", "off"}}).status, 200);
  ASSERT_EQ(editor_->client.Patch("/api/v1/me", {{"language", "en"}}).status, 200);
  auto task = owner_->client.Post("/api/v1/workspaces/" + owner_->workspace_id + "/tasks",
                                  {{"title", "Bilan annuel"},
                                   {"assignees", json::array{editor_->user_id.c_str()}},
                                   {"due_at", "2020-01-01"}});
  ASSERT_EQ(task.status, 201) << task.body;
  Pass(*server);
  Pass(*server);
  auto got = sink_.Messages(editor_->email);
  ASSERT_EQ(got.size(), 1u);
  const ParsedMail mail = ParseMail(got[0].data);
  EXPECT_NE(mail.text.find("The task “Bilan annuel” is overdue"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find(kPublicUrl + "/w/" + slug_ + "/my-work"), std::string::npos);
  // The app shows the same single reminder.
  EXPECT_EQ(Notifications(*editor_).size(), 1u);
}

}  // namespace
}  // namespace copydesk::testing
