#include "collab/notification_mailer.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cctype>
#include <map>
#include <optional>
#include <vector>

#include "access/standing.hpp"
#include "collab/mail_text.hpp"
#include "collab/notifications.hpp"
#include "collab/password_reset_mail.hpp"
#include "core/log.hpp"
#include "mail/message.hpp"
#include "storage/accounts_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/first_day_store.hpp"
#include "storage/mail_store.hpp"

namespace copydesk::collab {

using storage::Tx;

namespace {

// A write the job can do without (it is tried again on the next pass), but not silently.
void LogFailure(const char* what, const Result<void>& done) {
  if (!done)
    Log(LogLevel::kWarn, "e-mail job: failed " + std::string(what),
        {{"error", done.error().log.empty() ? done.error().detail : done.error().log}});
}

constexpr TimeMs kHourMs = 60LL * 60 * 1000;
constexpr TimeMs kDayMs = 24 * kHourMs;
// News that late is noise: an e-mail not sent within two days is dropped (it stays in the app).
constexpr TimeMs kMaxWaitMs = 2 * kDayMs;
constexpr TimeMs kDigestHourMs = 8 * kHourMs;  // 08:00 UTC
constexpr int kBatch = 100;

// The thread a mention or a reply is in: its link opens the content at that thread.
std::string ThreadQuery(const storage::NotificationRecord& n) {
  if (n.kind != kind::kMentioned && n.kind != kind::kReply) return "";
  std::error_code ec;
  const auto data = boost::json::parse(n.data_json, ec);
  if (ec || !data.is_object()) return "";
  const auto* thread = data.as_object().if_contains("thread_id");
  if (!thread || !thread->is_string()) return "";
  const std::string id(thread->as_string());
  const bool plain = !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_';
  });
  return plain ? "?thread=" + id : "";
}

// The link to what a notification is about, as the web app routes it.
std::string LinkOf(const std::string& base, const storage::QueuedMail& m) {
  const std::string ws = base + "/w/" + m.workspace_slug;
  return m.notification.content_id
             ? ws + "/contents/" + *m.notification.content_id + ThreadQuery(m.notification)
             : ws + "/my-work";
}

}  // namespace

NotificationMailer::NotificationMailer(storage::Database& db, MailTransport transport,
                                       MailerSettings settings)
    : db_(db), transport_(std::move(transport)), settings_(std::move(settings)) {}

NotificationMailer::~NotificationMailer() {
  Stop();
}

TimeMs NotificationMailer::DigestTime(TimeMs now) {
  TimeMs day = now - now % kDayMs;
  if (now < day + kDigestHourMs) day -= kDayMs;
  return day + kDigestHourMs;
}

TimeMs NotificationMailer::Backoff(std::int64_t attempts) const {
  TimeMs wait = settings_.interval.count();
  for (std::int64_t i = 0; i < attempts && wait < kHourMs; ++i) wait *= 2;
  return std::min(wait, kHourMs);
}

namespace {

// A queued e-mail read again at send time: who gets it and what it says, or why it is dropped.
struct Prepared {
  std::string drop_reason;  // set: not sent
  storage::UserRecord recipient;
  MailItem item;
};

Prepared Prepare(Tx& tx, const storage::QueuedMail& m, TimeMs now, const std::string& base) {
  const auto& n = m.notification;
  if (now - n.created_at > kMaxWaitMs) return {"waited too long"};
  auto user = storage::FindUserById(tx, n.user_id);
  if (!user || !mail::IsPlainAddress(user->email)) return {"no usable address"};
  // Access is asked again now: a person who lost it since learns nothing by e-mail.
  bool may = false;
  if (n.content_id) {
    auto content = storage::FindContent(tx, *n.content_id);
    may = content && access::May(tx, n.user_id, *content, auth::Action::kReadContent);
  } else {
    may = access::MayReadWorkspaceTasks(tx, n.user_id, n.workspace_id);
  }
  if (!may) return {"no access"};
  return {"", std::move(*user), {n, m.workspace_name, LinkOf(base, m)}};
}

}  // namespace

bool NotificationMailer::Deliver(const std::string& to, const std::string& message_bytes,
                                 TimeMs now, const std::vector<std::string>& rows,
                                 std::int64_t attempts) {
  auto sent = transport_(settings_.from_address, to, message_bytes);
  const std::string error = sent ? "" : sent.error().detail;
  auto marked = db_.Write([&](Tx& tx) -> Result<void> {
    for (const auto& id : rows) {
      if (sent) {
        storage::MarkMailSent(tx, id, NowMs());
      } else {
        storage::MarkMailFailed(tx, id, now + Backoff(attempts), error);
      }
    }
    return {};
  });
  if (!marked) {
    // Sent but not marked: it would go again. Said loudly; nothing better to do here.
    Log(LogLevel::kError, "could not record an e-mail's state", {{"error", marked.error().log}});
  }
  if (!sent) {
    Log(LogLevel::kWarn, "e-mail not sent; will retry",
        {{"error", error}, {"attempts", attempts + 1}});
  }
  return static_cast<bool>(sent);
}

int NotificationMailer::SendImmediate(TimeMs now, bool& failed) {
  const auto due = db_.Read(
      [&](Tx& tx) { return storage::DueMails(tx, delivery::kEmail, now, now + 1, kBatch); });
  int sent = 0;
  for (const auto& m : due) {
    const Prepared p = db_.Read([&](Tx& tx) { return Prepare(tx, m, now, settings_.base_url); });
    const auto& n = m.notification;
    if (!p.drop_reason.empty()) {
      LogFailure("marking an e-mail dropped", db_.Write([&](Tx& tx) -> Result<void> {
        storage::MarkMailDropped(tx, n.id, now, p.drop_reason);
        return {};
      }));
      Log(LogLevel::kInfo, "e-mail dropped", {{"notification", n.id}, {"reason", p.drop_reason}});
      continue;
    }
    const auto text = NotificationMailText(
        p.recipient.language, p.item, settings_.base_url + "/w/" + m.workspace_slug + "/account");
    mail::Message message{settings_.from_address,
                          "copydesk",
                          p.recipient.email,
                          p.recipient.name,
                          text.subject,
                          text.text,
                          text.html,
                          "n." + n.id,
                          now};
    if (!Deliver(p.recipient.email, mail::Render(message), now, {n.id}, m.attempts)) {
      failed = true;  // the server is likely down: the others wait for the next pass
      break;
    }
    ++sent;
  }
  return sent;
}

int NotificationMailer::SendDigests(TimeMs now, bool& failed) {
  const TimeMs digest_time = DigestTime(now);
  const auto due = db_.Read(
      [&](Tx& tx) { return storage::DueMails(tx, delivery::kDigest, now, digest_time, 1000); });
  // Rows come by person: one e-mail for each run of the same person.
  int sent = 0;
  for (std::size_t begin = 0; begin < due.size();) {
    std::size_t end = begin;
    while (end < due.size() && due[end].notification.user_id == due[begin].notification.user_id)
      ++end;
    std::optional<storage::UserRecord> recipient;
    std::vector<MailItem> items;
    std::vector<std::string> rows;
    std::vector<std::pair<std::string, std::string>> dropped;  // id, reason
    std::string settings_link;
    std::int64_t attempts = 0;
    db_.Read([&](Tx& tx) {
      for (std::size_t i = begin; i < end; ++i) {
        Prepared p = Prepare(tx, due[i], now, settings_.base_url);
        if (!p.drop_reason.empty()) {
          dropped.emplace_back(due[i].notification.id, p.drop_reason);
          continue;
        }
        if (!recipient) {
          recipient = std::move(p.recipient);
          settings_link = settings_.base_url + "/w/" + due[i].workspace_slug + "/account";
        }
        items.push_back(std::move(p.item));
        rows.push_back(due[i].notification.id);
        attempts = std::max(attempts, due[i].attempts);
      }
    });
    begin = end;
    if (!dropped.empty()) {
      LogFailure("marking e-mails dropped", db_.Write([&](Tx& tx) -> Result<void> {
        for (const auto& [id, reason] : dropped) storage::MarkMailDropped(tx, id, now, reason);
        return {};
      }));
    }
    if (items.empty()) continue;
    const auto text = DigestMailText(recipient->language, items, settings_link);
    mail::Message message{settings_.from_address,
                          "copydesk",
                          recipient->email,
                          recipient->name,
                          text.subject,
                          text.text,
                          text.html,
                          "d." + std::to_string(digest_time) + "." + rows.front(),
                          now};
    if (!Deliver(recipient->email, mail::Render(message), now, rows, attempts)) {
      failed = true;
      break;
    }
    ++sent;
  }
  return sent;
}

int NotificationMailer::SendPasswordResets(TimeMs now, bool& failed) {
  const auto due = db_.Read([&](Tx& tx) { return storage::DueResetMails(tx, now, kBatch); });
  int sent = 0;
  for (const auto& m : due) {
    // A link already used or expired is no use to anyone: its secret is forgotten unsent.
    if (m.used_at || m.expires_at <= now || m.secret.empty() || !mail::IsPlainAddress(m.email)) {
      LogFailure("dropping a password e-mail", db_.Write([&](Tx& tx) -> Result<void> {
        storage::MarkResetMailDropped(tx, m.reset_id, now);
        return {};
      }));
      continue;
    }
    const auto text = PasswordResetMailText(m.language, m.name,
                                            settings_.base_url + "/reset-password/" + m.secret);
    mail::Message message{
        settings_.from_address, "copydesk", m.email, m.name, text.subject, text.text, text.html,
        "r." + m.reset_id,      now};
    auto delivered = transport_(settings_.from_address, m.email, mail::Render(message));
    LogFailure("recording a password e-mail", db_.Write([&](Tx& tx) -> Result<void> {
      if (delivered) {
        storage::MarkResetMailSent(tx, m.reset_id, NowMs());
      } else {
        storage::MarkResetMailFailed(tx, m.reset_id, now + Backoff(m.attempts),
                                     delivered.error().detail);
      }
      return {};
    }));
    if (!delivered) {
      Log(LogLevel::kWarn, "password e-mail not sent; will retry",
          {{"error", delivered.error().detail}, {"attempts", m.attempts + 1}});
      failed = true;
      break;
    }
    ++sent;
  }
  return sent;
}

int NotificationMailer::RunOnce(TimeMs now) {
  std::lock_guard lock(run_mutex_);
  // Reminders are given here too, so that their e-mails do not wait for the app to be opened.
  const auto reminders = db_.Read([&](Tx& tx) { return PendingReminders(tx, std::nullopt, now); });
  if (!reminders.empty()) {
    LogFailure("giving task reminders", db_.Write([&](Tx& tx) -> Result<void> {
      GiveReminders(tx, reminders, now);
      return {};
    }));
  }
  bool failed = false;
  int sent = SendPasswordResets(now, failed);
  if (!failed) sent += SendImmediate(now, failed);
  if (!failed) sent += SendDigests(now, failed);
  failures_in_a_row_ = failed ? failures_in_a_row_ + 1 : 0;
  return sent;
}

void NotificationMailer::Start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] {
    std::unique_lock lk(wake_mutex_);
    while (!stopping_) {
      lk.unlock();
      int failures = 0;
      try {
        RunOnce(NowMs());
        std::lock_guard lock(run_mutex_);
        failures = failures_in_a_row_;
      } catch (const std::exception& e) {
        Log(LogLevel::kError, "e-mail job failed; retrying", {{"error", e.what()}});
        failures = 1;
      }
      lk.lock();
      // While the server is down, passes space out as its messages do.
      wake_.wait_for(lk, std::chrono::milliseconds(Backoff(failures)),
                     [this] { return stopping_; });
    }
  });
}

void NotificationMailer::Stop() {
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace copydesk::collab
