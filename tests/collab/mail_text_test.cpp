// The words and form of notification e-mails, without a server: each kind told in English and
// French, text that can never become markup, and MIME headers that survive any title.
#include "collab/mail_text.hpp"

#include <gtest/gtest.h>

#include "collab/notification_mailer.hpp"
#include "collab/notifications.hpp"
#include "core/clock.hpp"
#include "mail/message.hpp"

namespace copydesk::collab {
namespace {

MailItem Item(const std::string& kind, const std::string& data = "{}") {
  MailItem item;
  item.notification.kind = kind;
  item.notification.actor_name = "Chloé <Martin>";
  item.notification.content_title = "Gaz & \"électricité\"";
  item.notification.content_id = "c1";
  item.notification.data_json = data;
  item.workspace_name = "Énergie Sud";
  item.link = "https://copydesk.example/w/energie-sud/contents/c1?a=1&b=2";
  return item;
}

TEST(MailText, EveryKindIsToldInBothLanguages) {
  for (const auto& kind : NotificationKinds()) {
    for (const char* language : {"en", "fr"}) {
      const auto mail = NotificationMailText(language, Item(kind), "https://x/account");
      // Without a sentence for it, the kind itself would stand in.
      EXPECT_NE(mail.text.substr(0, mail.text.find('\n')), kind) << kind << " in " << language;
      EXPECT_NE(mail.subject.find("[Énergie Sud] "), std::string::npos);
    }
  }
}

TEST(MailText, TextIsEscapedInHtmlAndLeftAsIsInPlainText) {
  const auto mail = NotificationMailText(
      "en", Item("mentioned", R"({"excerpt":"<script>alert(1)</script>"})"), "https://x/account");
  EXPECT_NE(mail.text.find("Chloé <Martin> mentioned you in “Gaz & \"électricité\"”"),
            std::string::npos)
      << mail.text;
  EXPECT_NE(
      mail.html.find("Chloé &lt;Martin&gt; mentioned you in “Gaz &amp; &quot;électricité&quot;”"),
      std::string::npos)
      << mail.html;
  EXPECT_EQ(mail.html.find("<script>"), std::string::npos);
  EXPECT_NE(
      mail.html.find("href=\"https://copydesk.example/w/energie-sud/contents/c1?a=1&amp;b=2\""),
      std::string::npos);
}

TEST(MailText, APausedWebhookIsNamedByItsHostAlone) {
  const auto data = R"({"webhook_id":"w1","host":"https://hooks.slack.com"})";
  const auto en = NotificationMailText("en", Item("webhook_paused", data), "");
  EXPECT_NE(en.text.find("A webhook to https://hooks.slack.com failed for a day and was paused"),
            std::string::npos)
      << en.text;
  const auto fr = NotificationMailText("fr", Item("webhook_paused", data), "");
  EXPECT_NE(fr.text.find("Un webhook vers https://hooks.slack.com a échoué pendant un jour"),
            std::string::npos)
      << fr.text;
}

TEST(MailText, AReviewLinkVisitorsDecisionNamesNoTeam) {
  const auto en =
      NotificationMailText("en", Item("decision", R"({"decision":"approved","link":"l1"})"), "");
  EXPECT_NE(en.text.find("validated “Gaz & \"électricité\"” through a review link"),
            std::string::npos)
      << en.text;
  const auto fr = NotificationMailText(
      "fr", Item("decision", R"({"decision":"changes_requested","link":"l1"})"), "");
  EXPECT_NE(fr.text.find("n’a pas validé « Gaz & \"électricité\" » par un lien de relecture"),
            std::string::npos)
      << fr.text;
}

TEST(MailText, DecisionsAndTasksSayWhatHappened) {
  EXPECT_NE(NotificationMailText(
                "fr", Item("decision", R"({"decision":"approved","team_name":"Légal"})"), "")
                .text.find("a validé « Gaz & \"électricité\" » pour Légal"),
            std::string::npos);
  EXPECT_NE(
      NotificationMailText(
          "en",
          Item("task_overdue", R"({"task_title":"Bilan","due_at":"2020-01-01T09:30:00.000Z"})"), "")
          .text.find("The task “Bilan” is overdue (due on 2020-01-01 09:30 UTC)"),
      std::string::npos);
}

TEST(MailText, AStaleApprovalNamesTheTeamAndWhoChangedTheText) {
  const auto fr =
      NotificationMailText("fr", Item("approval_stale", R"({"team_name":"Légal"})"), "").text;
  EXPECT_NE(fr.find("Votre validation de « Gaz & \"électricité\" » pour Légal ne tient plus : "
                    "Chloé <Martin> a modifié le texte"),
            std::string::npos)
      << fr;
  // Stored before the team's name was kept: the sentence has no hole where it would go.
  const auto en = NotificationMailText("en", Item("approval_stale"), "").text;
  EXPECT_NE(en.find("Your approval of “Gaz & \"électricité\"” no longer holds: Chloé <Martin> "
                    "changed the text"),
            std::string::npos)
      << en;
}

TEST(MailText, DigestCountsAndListsItsItems) {
  const auto mail = DigestMailText("fr", {Item("mentioned"), Item("reply")}, "https://x/account");
  EXPECT_EQ(mail.subject, "Votre résumé copydesk : 2 notifications");
  EXPECT_NE(mail.text.find("vous a mentionné"), std::string::npos);
  EXPECT_NE(mail.text.find("a répondu"), std::string::npos);
}

TEST(MailMessage, HeadersAreEncodedAndOnOneLine) {
  mail::Message m{"desk@copydesk.example",
                  "copydesk",
                  "claire@example.com",
                  "Claire\r\nBcc: x@y",
                  "Résumé\r\nBcc: evil@example.com",
                  "texte\n",
                  "<p>html</p>",
                  "n.abc",
                  0};
  const std::string raw = mail::Render(m);
  EXPECT_EQ(raw.find("\r\nBcc:"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(raw.find("Message-ID: <n.abc@copydesk>\r\n"), std::string::npos);
  EXPECT_NE(raw.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(raw.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  EXPECT_TRUE(mail::IsPlainAddress("claire@example.com"));
  EXPECT_FALSE(mail::IsPlainAddress("claire@example.com>\r\nRCPT TO:<x@y"));
  EXPECT_FALSE(mail::IsPlainAddress("claire"));
}

TEST(MailDigest, GoesAtEightUtcOfTheDay) {
  constexpr TimeMs kHour = 60LL * 60 * 1000;
  const TimeMs day = 20'000LL * 24 * kHour;  // a midnight UTC
  EXPECT_EQ(NotificationMailer::DigestTime(day + 9 * kHour), day + 8 * kHour);
  EXPECT_EQ(NotificationMailer::DigestTime(day + 8 * kHour), day + 8 * kHour);
  EXPECT_EQ(NotificationMailer::DigestTime(day + 7 * kHour), day - 16 * kHour);
}

}  // namespace
}  // namespace copydesk::collab
