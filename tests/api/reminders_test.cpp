// Reminders over a real server and a real SMTP sink on loopback: the day before a task is due,
// and a publication near while approvals are missing. Each is told once, in the app and by
// e-mail as the person's preferences say, never twice across a restart, again when the date
// moves later. The job's passes run at times the test chooses (Reminders::RunOnce), so no test
// waits a day.
#include "collab/reminders.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "app/app.hpp"
#include "collab/notification_mailer.hpp"
#include "core/clock.hpp"
#include "support/content_helpers.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

constexpr TimeMs kHourMs = 60LL * 60 * 1000;
constexpr TimeMs kDayMs = 24 * kHourMs;
enum Position { kIdea = 0, kWriting, kInternalReview, kLegal, kReady, kPublished };

std::vector<std::string> KindsOf(Person& p) {
  std::vector<std::string> out;
  auto r = p.client.Get("/api/v1/me/notifications");
  EXPECT_EQ(r.status, 200) << r.body;
  const auto body = r.Json();
  for (const auto& n : body.at("items").as_array()) out.push_back(Str(n.at("kind")));
  return out;
}

std::size_t Count(const std::vector<std::string>& kinds, const std::string& kind) {
  return static_cast<std::size_t>(std::count(kinds.begin(), kinds.end(), kind));
}

class Reminders : public ::testing::Test {
 protected:
  //! A server whose jobs only run when the test says (long intervals).
  std::unique_ptr<TestServer> Serve() {
    return std::make_unique<TestServer>([&](Config& c) {
      c.data_dir = (data_.path() / "data").string();
      c.smtp_url = sink_.Url();
      c.smtp_from = "desk@copydesk.example";
      c.public_url = "https://copydesk.example";
      c.mail_interval_ms = 3'600'000;
      c.reminder_interval_ms = 2'000'000'000;
    });
  }

  void SetUpPeople(TestServer& server) {
    owner_.emplace(MakeOwner(server));
    writer_.emplace(MakeMember(server, *owner_, "editor"));
    legal_.emplace(MakeMember(server, *owner_, "reviewer"));
    const std::string ws = "/api/v1/workspaces/" + owner_->workspace_id;
    const auto teams = owner_->client.Get(ws + "/teams").Json();
    for (const auto& t : teams.at("items").as_array())
      if (t.at("name").as_string() == "Juridique") legal_team_ = Str(t.at("id"));
    ASSERT_EQ(owner_->client
                  .Put(ws + "/teams/" + legal_team_ + "/members",
                       json::array{json::string(legal_->user_id)})
                  .status,
              200);
    const auto workflow = owner_->client.Get(ws + "/workflow").Json();
    for (const auto& s : workflow.at("statuses").as_array()) status_.push_back(Str(s.at("id")));
    for (Person* p : {&*writer_, &*legal_})
      ASSERT_EQ(p->client.Patch("/api/v1/me", {{"language", "en"}}).status, 200);
  }

  //! A reminders pass then an e-mail pass, both at `at`.
  static void Pass(TestServer& server, TimeMs at) {
    server.app().reminders().RunOnce(at);
    server.app().mailer()->RunOnce(at);
  }

  std::string TaskDue(TimeMs due_at) {
    auto r = owner_->client.Post("/api/v1/workspaces/" + owner_->workspace_id + "/tasks",
                                 {{"title", "Bilan annuel"},
                                  {"assignees", json::array{json::string(writer_->user_id)}},
                                  {"due_at", FormatTime(due_at)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return Str(r.Json().at("id"));
  }

  //! An article of the writer's dated `publish_at`, in Legal's gated status.
  std::string InLegal(TimeMs publish_at) {
    const std::string id = Str(CreateContent(*writer_, {{"type", "article"},
                                                        {"title", "Tarifs 2025"},
                                                        {"fields", json::object{}},
                                                        {"publish_at", FormatTime(publish_at)}})
                                   .at("id"));
    auto moved = writer_->client.Post(ContentPath(id) + "/status", {{"status", status_[kLegal]}});
    EXPECT_EQ(moved.status, 200) << moved.body;
    return id;
  }

  TempDir data_;
  SmtpSink sink_;
  std::optional<Person> owner_, writer_, legal_;
  std::string legal_team_;
  std::vector<std::string> status_;
};

TEST_F(Reminders, ATaskDueTomorrowIsToldOnceInTheAppAndByMailEvenAfterARestart) {
  const TimeMs now = NowMs();
  {
    auto server = Serve();
    SetUpPeople(*server);
    ASSERT_EQ(writer_->client
                  .Patch("/api/v1/me/notification-preferences",
                         {{"preferences", {{"task_due", "email"}, {"assigned", "off"}}}})
                  .status,
              200);
    TaskDue(now + 3 * kDayMs);
    Pass(*server, now);  // three days ahead: not yet
    EXPECT_TRUE(sink_.Messages(writer_->email).empty());

    const TimeMs day_before = now + 2 * kDayMs + 6 * kHourMs;  // 18 hours before it is due
    Pass(*server, day_before);
    Pass(*server, day_before + kHourMs);
    auto got = sink_.Messages(writer_->email);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_NE(ParseMail(got[0].data).text.find("The task “Bilan annuel” is due on"),
              std::string::npos);
    EXPECT_EQ(Count(KindsOf(*writer_), "task_due"), 1u);
  }
  auto again = Serve();
  Pass(*again, now + 2 * kDayMs + 8 * kHourMs);
  EXPECT_EQ(sink_.Messages(writer_->email).size(), 1u);
}

TEST_F(Reminders, NoneWhenThePreferenceIsOff) {
  auto server = Serve();
  SetUpPeople(*server);
  ASSERT_EQ(writer_->client
                .Patch("/api/v1/me/notification-preferences",
                       {{"preferences", {{"task_due", "off"}, {"assigned", "off"}}}})
                .status,
            200);
  const TimeMs now = NowMs();
  TaskDue(now + 20 * kHourMs);
  Pass(*server, now);
  EXPECT_TRUE(sink_.Messages(writer_->email).empty());
  EXPECT_EQ(Count(KindsOf(*writer_), "task_due"), 0u);
}

TEST_F(Reminders, APublicationNearWithoutItsApprovalsTellsTheOwnerAndTheApproversOnce) {
  auto server = Serve();
  SetUpPeople(*server);
  for (Person* p : {&*writer_, &*legal_})
    ASSERT_EQ(p->client
                  .Patch("/api/v1/me/notification-preferences",
                         {{"preferences", {{"approval_requested", "off"}, {"assigned", "off"}}}})
                  .status,
              200);
  const TimeMs now = NowMs();
  const TimeMs publish_at = now + 10 * kDayMs;
  const std::string id = InLegal(publish_at);

  Pass(*server, now);  // ten days ahead: not near
  EXPECT_EQ(Count(KindsOf(*legal_), "publication_near"), 0u);

  const TimeMs near = publish_at - 20 * kHourMs;
  Pass(*server, near);
  Pass(*server, near + kHourMs);
  for (Person* p : {&*writer_, &*legal_}) {
    EXPECT_EQ(Count(KindsOf(*p), "publication_near"), 1u) << p->email;
    auto got = sink_.Messages(p->email);
    ASSERT_EQ(got.size(), 1u) << p->email;
    const auto mail = ParseMail(got[0].data);
    EXPECT_NE(mail.text.find("“Tarifs 2025” goes out on"), std::string::npos) << mail.text;
    EXPECT_NE(mail.text.find("Juridique"), std::string::npos) << mail.text;
    EXPECT_NE(mail.text.find("/contents/" + id), std::string::npos) << mail.text;
  }
  // Moved a day later: a new reminder for the new date.
  auto content = GetContent(*writer_, id);
  ASSERT_EQ(PatchContent(*writer_, id, VersionOf(content),
                         {{"publish_at", FormatTime(publish_at + kDayMs)}})
                .status,
            200);
  Pass(*server, near + kDayMs);
  EXPECT_EQ(Count(KindsOf(*legal_), "publication_near"), 2u);

  // Approved: a later date reminds no one.
  content = GetContent(*legal_, id);
  ASSERT_EQ(legal_->client
                .Post(ContentPath(id) + "/approvals",
                      {{"revision", RevisionOf(content)}, {"decision", "approved"}})
                .status,
            201);
  content = GetContent(*writer_, id);
  ASSERT_EQ(PatchContent(*writer_, id, VersionOf(content),
                         {{"publish_at", FormatTime(publish_at + 3 * kDayMs)}})
                .status,
            200);
  Pass(*server, publish_at + 3 * kDayMs - 20 * kHourMs);
  EXPECT_EQ(Count(KindsOf(*legal_), "publication_near"), 2u);
}

TEST(PublicationNearHorizon, CountsTwoWorkingDays) {
  const TimeMs tuesday = *ParseTime("2026-12-08T10:00:00Z");
  EXPECT_EQ(FormatTime(collab::PublicationNearHorizon(tuesday)), "2026-12-10T10:00:00.000Z");
  const TimeMs friday = *ParseTime("2026-12-11T10:00:00Z");
  EXPECT_EQ(FormatTime(collab::PublicationNearHorizon(friday)), "2026-12-15T10:00:00.000Z");
  const TimeMs saturday = *ParseTime("2026-12-12T15:00:00Z");
  EXPECT_EQ(FormatTime(collab::PublicationNearHorizon(saturday)), "2026-12-16T00:00:00.000Z");
}

}  // namespace
}  // namespace copydesk::testing
